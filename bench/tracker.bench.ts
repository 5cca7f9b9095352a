/**
 * createTracker with 100 000 ultimatums: `upcoming({ within, at })` and `nextChange(at)` in the
 * steady state, once the indexes are built. The one-off costs (creating the ultimatums, the
 * tracker, the first index build) are timed once here and written to .tmp/bench-tracker-setup.json.
 *
 * Run with `npm run bench` (vitest bench, then scripts/write-benchmarks.mjs writes BENCHMARKS.md).
 * The group and case names are read by that script: keep them in step.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createTracker, createUltimatum, type EventInput, type TrackedStatus, type Ultimatum, type UltimatumInput } from 'ultimatum';
import { bench, describe } from 'vitest';

const COUNT = 100_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// The board: a reproducible mix of SLA-like and diplomatic deadlines in five zones, issued over the
// 60 days before NOW, with histories (extensions, pauses, enforcement, compliance, withdrawal) that
// all happened by NOW, as a live board holds them.

/** The board's "now": every event of every ultimatum is at or before it. */
const NOW = Date.parse('2025-09-01T12:00:00Z');

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo'] as const;

/** mulberry32: a small seeded generator, so every run builds the same board. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Epoch ms as an ISO string with its UTC offset (`Z`), to the minute. */
const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

/**
 * The inputs of `count` ultimatums (cheap: no validation yet).
 *
 * Deadlines: 70 % `{ hours: 1…720 }`, 20 % `{ days: 1…90 }`, 10 % a window of days. Histories:
 * 15 % extended, 6 % paused and resumed, 2 % paused still, 4 % enforced, 5 % complied,
 * 2 % withdrawn, the rest none; every event between issue and NOW (a pause before the deadline).
 */
function boardInputs(count: number, seed = 20250901): UltimatumInput[] {
  const random = generator(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const out: UltimatumInput[] = [];
  for (let i = 0; i < count; i++) {
    const zone = ZONES[i % ZONES.length] as string;
    const issuedMs = NOW - int(60, 60 * 24 * 60) * 60_000; // 1 hour to 60 days ago
    const kind = random();
    let deadline: UltimatumInput['deadline'];
    let spanMs: number;
    if (kind < 0.7) {
      const hours = int(1, 720);
      deadline = { after: { hours } };
      spanMs = hours * HOUR;
    } else if (kind < 0.9) {
      const days = int(1, 90);
      deadline = { after: { days } };
      spanMs = days * DAY;
    } else {
      const days = int(2, 30);
      deadline = { after: { earliest: { days: days - 1 }, latest: { days } } };
      spanMs = days * DAY;
    }
    // An instant strictly between a and b (to the minute), or undefined when there is no room.
    const between = (a: number, b: number): number | undefined => {
      const lo = Math.ceil((a + 60_000) / 60_000);
      const hi = Math.floor((b - 60_000) / 60_000);
      return hi < lo ? undefined : int(lo, hi) * 60_000;
    };
    const events: EventInput[] = [];
    const history = random();
    const deadlineMs = issuedMs + spanMs; // within a DST hour of the real one: the events keep clear of it
    if (history < 0.15) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'extend', at: iso(at), by: { days: int(1, 14) } });
    } else if (history < 0.21) {
      const p = between(issuedMs, Math.min(NOW, deadlineMs - 2 * HOUR));
      const r = p === undefined ? undefined : between(p, NOW);
      if (p !== undefined && r !== undefined) events.push({ type: 'pause', at: iso(p) }, { type: 'resume', at: iso(r) });
    } else if (history < 0.23) {
      const p = between(issuedMs, Math.min(NOW, deadlineMs - 2 * HOUR));
      if (p !== undefined) events.push({ type: 'pause', at: iso(p) });
    } else if (history < 0.27) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'enforce', at: iso(at), consequences: ['penalty'], partial: random() < 0.5 });
    } else if (history < 0.32) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'comply', at: iso(at) });
    } else if (history < 0.34) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'withdraw', at: iso(at) });
    }
    out.push({
      id: `u-${i}`,
      title: `Deadline ${i}`,
      issuer: 'Issuer',
      addressee: 'Addressee',
      demands: ['Respond'],
      issuedAt: iso(issuedMs),
      zone,
      deadline,
      consequences: [{ id: 'penalty', kind: 'custom', description: 'Penalty' }],
      events,
    });
  }
  return out;
}

/** Validated, frozen ultimatums for `boardInputs(count)`. */
function board(count: number, seed?: number): Ultimatum[] {
  return boardInputs(count, seed).map((input) => createUltimatum(input));
}

// ---------------------------------------------------------------------------------------------
// One-off costs, each timed once.

const t0 = performance.now();
const ultimatums = board(COUNT);
const t1 = performance.now();
const tracker = createTracker(ultimatums);
const t2 = performance.now();
const first = tracker.nextChange(NOW); // builds the indexes
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
      firstIndexBuildMs: t3 - t2,
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
/** ~3–5 s a call here: 3 calls, no warm-up (the sorted change instants are cached per ultimatum after the first build). */
const REBUILD = { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 0 } as const;

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
    'index rebuild after add + remove',
    () => {
      tracker.add(extra);
      tracker.remove(extra.id);
      sink.value += tracker.nextChange(NOW)?.atMs ?? 0;
    },
    REBUILD,
  );
});
