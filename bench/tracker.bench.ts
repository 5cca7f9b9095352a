/**
 * createTracker with 100 000 ultimatums: `upcoming({ within, at })` and `nextChange(at)` in the
 * steady state, and `replace` + `upcoming` (the indexes updated in place). The one-off costs
 * (creating the ultimatums, the tracker with its indexes, the first questions) are timed once here
 * and written to .tmp/bench-tracker-setup.json.
 *
 * Run with `npm run bench` (vitest bench, then scripts/write-benchmarks.mjs writes BENCHMARKS.md).
 * The group and case names are read by that script: keep them in step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTracker, createUltimatum, extend, type TrackedStatus, type Ultimatum, type UltimatumInput } from 'ultimatum';
import { board, boardInputs, DAY, NOW } from './board.js';
import { bench, describe } from 'vitest';

const COUNT = 100_000;

// ---------------------------------------------------------------------------------------------
// One-off costs, each timed once.

const t0 = performance.now();
const ultimatums = board(COUNT);
const t1 = performance.now();
const tracker = createTracker(ultimatums); // builds the indexes
const t2 = performance.now();
const first = tracker.nextChange(NOW);
const t3 = performance.now();
tracker.upcoming({ within: { days: 1 }, at: NOW });
const t4 = performance.now();

/** Instants to ask about: NOW and the next 15 steps of 37 min 11 s (all events are at or before NOW). */
const AT = Array.from({ length: 16 }, (_, k) => NOW + k * ((37 * 60 + 11) * 1_000));

// The indexed answers must be the brute-force ones, soonest first (ties, at the same minute, in
// either order: compared by deadline, then id).
const ids = (list: readonly TrackedStatus[]) =>
  list
    .map((x) => `${x.status.deadlineMs} ${x.ultimatum.id}`)
    .sort()
    .join(',');
const ascending = (list: readonly TrackedStatus[]) =>
  list.every((x, i) => i === 0 || (list[i - 1]?.status.deadlineMs as number) <= (x.status.deadlineMs as number));
for (const at of [AT[0] as number, AT[9] as number]) {
  const brute = tracker
    .statusAll(at)
    .filter((x) => x.status.phase !== 'pending' && x.status.deadlineMs !== null && x.status.deadlineMs >= at && x.status.deadlineMs < at + DAY);
  const indexed = tracker.upcoming({ within: { days: 1 }, at });
  if (ids(indexed) !== ids(brute) || !ascending(indexed)) throw new Error(`upcoming differs from brute force at ${new Date(at).toISOString()}`);
}
if (first === null || first.atMs <= NOW) throw new Error('expected a next change after NOW');

const phases = Object.fromEntries(Object.entries(tracker.byPhase(NOW)).map(([phase, list]) => [phase, list.length]));
const upcomingSizes = AT.map((at) => tracker.upcoming({ within: { days: 1 }, at }).length);
mkdirSync('.tmp', { recursive: true });
writeFileSync(
  '.tmp/bench-tracker-setup.json',
  `${JSON.stringify(
    {
      count: COUNT,
      now: new Date(NOW).toISOString(),
      createUltimatumsMs: t1 - t0,
      createTrackerMs: t2 - t1,
      firstNextChangeMs: t3 - t2,
      firstUpcomingMs: t4 - t3,
      events: ultimatums.reduce((n, u) => n + u.events.length, 0),
      phasesAtNow: phases,
      upcomingWithinDay: { min: Math.min(...upcomingSizes), max: Math.max(...upcomingSizes) },
    },
    null,
    2,
  )}\n`,
);

// ---------------------------------------------------------------------------------------------

/** What was read, so that no call can be optimised away. */
const sink = { value: 0 };
let k = 0;
const next = () => AT[k++ & 15] as number;

const STEADY = { time: 2_000, warmupTime: 300 } as const;
const HEAVY = { time: 1_000, iterations: 5, warmupTime: 0, warmupIterations: 1 } as const;

describe('tracker: 100 000 ultimatums', () => {
  bench(
    'upcoming within 1 day',
    () => {
      sink.value += tracker.upcoming({ within: { days: 1 }, at: next() }).length;
    },
    STEADY,
  );
  bench(
    'nextChange',
    () => {
      sink.value += tracker.nextChange(next())?.atMs ?? 0;
    },
    STEADY,
  );
  // Not targets.
  bench(
    'upcoming within 7 days',
    () => {
      sink.value += tracker.upcoming({ within: { days: 7 }, at: next() }).length;
    },
    STEADY,
  );
  bench(
    'upcoming within 1 day, as of 30 days earlier',
    () => {
      sink.value += tracker.upcoming({ within: { days: 1 }, at: next() - 30 * DAY }).length;
    },
    HEAVY,
  );
  bench(
    'overdue',
    () => {
      sink.value += tracker.overdue(next()).length;
    },
    HEAVY,
  );
  const extra = createUltimatum({ ...(boardInputs(1, 7)[0] as UltimatumInput), id: 'extra' });
  bench(
    'add + remove, then nextChange',
    () => {
      tracker.add(extra);
      tracker.remove(extra.id);
      sink.value += tracker.nextChange(NOW)?.atMs ?? 0;
    },
    STEADY,
  );
  // An ultimatum amended (extended by 1–48 hours), put in place of its old version, then the board asked again.
  const amended = ultimatums
    .filter((u) => u.events.length === 0)
    .slice(0, 64)
    .flatMap((u, i) => [extend(u, { at: u.issuedAt, by: { hours: 1 + (i % 48) } }), u]);
  let r = 0;
  bench(
    'replace + upcoming',
    () => {
      tracker.replace(amended[r++ % amended.length] as Ultimatum);
      sink.value += tracker.upcoming({ within: { hours: 1 }, at: next() }).length;
    },
    STEADY,
  );
});
