/**
 * The engine's one-ultimatum costs: `createUltimatum` of the founding rule (50 days from
 * 14 Jul 2025 12:00 New York, one consequence) against a naive zod parse + luxon
 * `DateTime.fromISO(…, { zone }).plus()` written here; `parseUltimatum` of the stored document;
 * `milestones(u)`.
 *
 * Run with `npm run bench` (vitest bench, then scripts/write-benchmarks.mjs writes BENCHMARKS.md).
 * The group and case names are read by that script: keep them in step.
 */
import { DateTime } from 'luxon';
import { createUltimatum, milestones, parseUltimatum, type UltimatumInput } from 'ultimatum';
import { bench, describe } from 'vitest';
import * as z from 'zod';

const INPUT: UltimatumInput = {
  title: '50-day ultimatum',
  issuer: 'United States',
  addressee: 'Russia',
  demands: ['Agree a ceasefire'],
  issuedAt: '2025-07-14T12:00',
  zone: 'America/New_York',
  deadline: { after: { days: 50 } },
  consequences: [{ id: 'secondary-tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' }],
};

// The naive baseline: check the same shape with a plain zod schema, then read the issue instant in
// the zone and add the days with luxon. No history, no normalising, no freezing: the floor of doing
// it with the two dependencies directly.
const NaiveSchema = z.object({
  title: z.string(),
  issuer: z.string(),
  addressee: z.string(),
  demands: z.array(z.string()),
  issuedAt: z.string(),
  zone: z.string(),
  deadline: z.object({ after: z.object({ days: z.number() }) }),
  consequences: z.array(z.object({ id: z.string(), kind: z.literal('tariff'), ratePercent: z.number(), scope: z.enum(['primary', 'secondary']) })),
});
function naiveCreate(input: unknown): number {
  const p = NaiveSchema.parse(input);
  return DateTime.fromISO(p.issuedAt, { zone: p.zone }).plus({ days: p.deadline.after.days }).toMillis();
}

const U = createUltimatum(INPUT);
const STORED = JSON.parse(JSON.stringify(U)) as unknown;
// Both give the same deadline (2 Sep 2025 12:00 EDT), or the comparison means nothing.
if (naiveCreate(INPUT) !== Date.UTC(2025, 8, 2, 16)) throw new Error('naive baseline: wrong deadline');

const sink = { value: 0 };
const OPTIONS = { time: 1_500, warmupTime: 300 } as const;

describe('engine: one ultimatum', () => {
  bench(
    'createUltimatum',
    () => {
      sink.value += createUltimatum(INPUT).events.length;
    },
    OPTIONS,
  );
  bench(
    'naive zod parse + luxon fromISO(zone).plus',
    () => {
      sink.value += naiveCreate(INPUT);
    },
    OPTIONS,
  );
  bench(
    'parseUltimatum (stored document)',
    () => {
      sink.value += parseUltimatum(STORED).events.length;
    },
    OPTIONS,
  );
  bench(
    'milestones(u)',
    () => {
      sink.value += milestones(U).length;
    },
    OPTIONS,
  );
});
