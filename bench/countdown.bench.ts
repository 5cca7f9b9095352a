/**
 * countdown(u, at) + formatCountdown(c) against humanize-duration and pretty-ms, on the same
 * durations: the founding case's countdown at 64 instants, 15 h 47 min 13 s apart (to the deadline
 * in force, then overdue), whole seconds. Each peer gets the same milliseconds and is configured
 * to write the same words; the texts are checked equal before timing.
 *
 * Run with `npm run bench` (vitest bench, then scripts/write-benchmarks.mjs writes BENCHMARKS.md).
 * The group and case names are read by that script: keep them in step.
 */
import humanizeDuration from 'humanize-duration';
import prettyMs from 'pretty-ms';
import { type Countdown, countdown, type FormatCountdownOptions, formatCountdown } from 'ultimatum';
import { bench, describe } from 'vitest';
import { foundingCase } from '../examples/russia-50-day.js';

const U = foundingCase();
const STEP_MS = ((15 * 60 + 47) * 60 + 13) * 1_000;
const FIRST = Date.parse('2025-07-14T16:00:00Z'); // issued at 12:00 New York
const CALLS = 64;
const AT_MS = Array.from({ length: CALLS }, (_, i) => FIRST + (i + 1) * STEP_MS);
const COUNTDOWNS: Countdown[] = AT_MS.map((at) => countdown(U, at));
const TOTAL_MS = COUNTDOWNS.map((c) => c.totalMs);

const OPTIONS: FormatCountdownOptions = { locale: 'en' };
// Days, hours, minutes, seconds: the units formatCountdown uses (humanize-duration would also use
// years, months and weeks by default), joined the same way.
const humanize = humanizeDuration.humanizer({ language: 'en', units: ['d', 'h', 'm', 's'], delimiter: ', ' });
const PRETTY = { verbose: true } as const;

// Same words before timing: humanize-duration exactly, pretty-ms without the commas.
for (let i = 0; i < CALLS; i++) {
  const ours = formatCountdown(countdown(U, AT_MS[i] as number), OPTIONS);
  const h = humanize(TOTAL_MS[i] as number);
  const p = prettyMs(TOTAL_MS[i] as number, PRETTY);
  if (ours !== h || ours.replaceAll(',', '') !== p) throw new Error(`text mismatch: "${ours}" / "${h}" / "${p}"`);
}
if (!COUNTDOWNS.some((c) => c.past) || !COUNTDOWNS.some((c) => !c.past)) throw new Error('expected both sides of the deadline');
if (new Set(TOTAL_MS).size !== CALLS) throw new Error('expected 64 different durations');

// ---------------------------------------------------------------------------------------------

/** Total length of the texts, so that no call can be optimised away. */
const sink = { value: 0 };

// One benchmark iteration formats all 64 durations: scripts/write-benchmarks.mjs multiplies hz
// by CALLS.
const OPTS = { time: 1_500, warmupTime: 300 } as const;

describe('countdown: 64 durations per iteration', () => {
  bench(
    'ultimatum countdown + formatCountdown',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += formatCountdown(countdown(U, AT_MS[i] as number), OPTIONS).length;
    },
    OPTS,
  );
  bench(
    'humanize-duration',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += humanize(TOTAL_MS[i] as number).length;
    },
    OPTS,
  );
  bench(
    'pretty-ms verbose',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += prettyMs(TOTAL_MS[i] as number, PRETTY).length;
    },
    OPTS,
  );
  // Not targets.
  bench(
    'ultimatum formatCountdown alone',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += formatCountdown(COUNTDOWNS[i] as Countdown, OPTIONS).length;
    },
    OPTS,
  );
  bench(
    'ultimatum countdown alone',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += countdown(U, AT_MS[i] as number).totalMs;
    },
    OPTS,
  );
  bench(
    'ultimatum countdown + formatCountdown digital',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += formatCountdown(countdown(U, AT_MS[i] as number), { style: 'digital' }).length;
    },
    OPTS,
  );
});
