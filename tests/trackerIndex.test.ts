/**
 * The tracker keeps its indexes up to date pair by pair as ultimatums are added, removed and
 * replaced. Property: after any sequence of those, every question gets exactly the answer of a
 * tracker built from scratch from the same ultimatums.
 */
import fc from 'fast-check';
import {
  comply,
  createTracker,
  createUltimatum,
  enforce,
  extend,
  pause,
  resume,
  type Tracker,
  type TrackedStatus,
  type Ultimatum,
  withdraw,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, propertyRuns } from './helpers.js';

const ZONES = ['UTC', 'America/New_York', 'Asia/Tokyo'];
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 1);

/** Three versions of each of ten ids: as issued, then amended two ways (what `replace` brings). */
const VERSIONS: Ultimatum[][] = Array.from({ length: 10 }, (_, i) => {
  const issuedAt = new Date(T0 + i * 0.7 * DAY).toISOString();
  const first = createUltimatum(
    base({
      id: `u${i}`,
      zone: ZONES[i % 3] as string,
      issuedAt,
      deadline: i % 4 === 0 ? { after: { earliest: { days: 2 }, latest: { days: 4 } } } : { after: { hours: 24 + i * 7 } },
      consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', ...(i % 2 ? { offset: { hours: 6 } } : {}) }],
    }),
  );
  const at = (days: number) => new Date(T0 + (i * 0.7 + days) * DAY).toISOString();
  const second = i % 3 === 0 ? pause(first, { at: at(0.5) }) : extend(first, { at: at(0.4), by: { days: 1 } });
  const third =
    i % 3 === 0
      ? resume(second, { at: at(1.5) })
      : i % 3 === 1
        ? comply(second, { at: at(0.9) })
        : i % 2
          ? enforce(second, { at: at(0.8), consequences: ['fine'], partial: true })
          : withdraw(second, { at: at(0.6) });
  return [first, second, third];
});

/** What a question answers, as plain data to compare. */
const rows = (list: readonly TrackedStatus[]) => list.map((x) => [x.ultimatum.id, x.status.phase, x.status.deadlineMs]);
function answers(t: Tracker, at: number | string) {
  return {
    list: t.list().map((u) => u.id),
    statusAll: rows(t.statusAll(at)),
    upcoming: rows(t.upcoming({ within: { days: 1 }, at })),
    upcomingLong: rows(t.upcoming({ within: { hours: 90 }, at })),
    overdue: rows(t.overdue(at)),
    next: t.nextChange(at),
    byPhase: Object.fromEntries(Object.entries(t.byPhase(at)).map(([phase, list]) => [phase, list.map((u) => u.id)])),
  };
}

const instant = fc.integer({ min: T0 - DAY, max: T0 + 14 * DAY }).map((ms) => Math.floor(ms / 60_000) * 60_000);
// Without an offset: read in each ultimatum's zone.
const wallClock = instant.map((ms) => new Date(ms).toISOString().slice(0, 16));
const operation = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), id: fc.nat(9), version: fc.nat(2) }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.nat(9), version: fc.constant(0) }),
  fc.record({ kind: fc.constant('replace' as const), id: fc.nat(9), version: fc.nat(2) }),
);

describe('the incremental tracker', () => {
  it('answers every question as a tracker rebuilt from scratch, after any adds, removes and replaces', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.nat(2)), { maxLength: 6 }),
        fc.array(fc.tuple(operation, fc.oneof(instant, wallClock)), { minLength: 1, maxLength: 12 }),
        (initial, steps) => {
          const held = new Map<number, number>();
          for (const [id, version] of initial) held.set(id, version);
          const t = createTracker([...held].map(([id, v]) => VERSIONS[id]?.[v] as Ultimatum));
          for (const [op, at] of steps) {
            const u = VERSIONS[op.id]?.[op.version] as Ultimatum;
            if (op.kind === 'add' && !held.has(op.id)) {
              t.add(u);
              held.set(op.id, op.version);
            } else if (op.kind === 'remove') {
              expect(t.remove(u.id)).toBe(held.delete(op.id));
            } else if (op.kind === 'replace' && held.has(op.id)) {
              t.replace(u);
              held.set(op.id, op.version);
            }
            expect(answers(t, at)).toEqual(answers(createTracker(t.list()), at));
          }
        },
      ),
      { numRuns: propertyRuns() },
    );
  });
});
