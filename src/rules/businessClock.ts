/**
 * The business clock: working ms between instants in a zone, and the instant a working time is
 * reached. An instant is working time when its local wall-clock time lies inside an interval of
 * the schedule, so a working hour that clocks skip (spring forward) is not worked and one they
 * repeat (fall back) is worked twice: an interval on a DST day has its real length.
 *
 * Between two offset changes the wall axis and real time run together, so working time there is
 * `wallWork` of the wall-clock readings. Each change adds a correction: minus the wall working time
 * it skipped, plus the wall working time it repeats. The corrections of a zone's changes are kept
 * per schedule and zone, with running sums, in a ledger built for a range of years and widened on
 * demand: each query is then a few binary searches, whatever the distance.
 */
import type { IANAZone } from 'luxon';
import { type CompiledSchedule, wallOfWork, wallWork } from './weeklySchedule.js';
import { offsetChanges, offsetOf, zoneTableOf } from './zoneTable.js';
import { countAtMost, countBelow } from './sortedSearch.js';
import { MAX_MS, MIN_MS } from './instantRange.js';

/** About a year: the ledger's first range reaches this far either side of the instant asked about. */
const MARGIN_MS = 2 ** 35;
const LIMIT_MS = 8.64e15;
/** How far the wall-clock estimate of `addWork` may be from its answer, and more. */
const ESTIMATE_MARGIN_MS = 7 * 86_400_000;

/** Offset changes of one zone in `[lo, hi)`, with the working-time correction in force after each. */
interface Ledger {
  readonly lo: number;
  readonly hi: number;
  /** Offset in force at `lo`, before the first change. */
  readonly offset0: number;
  readonly at: readonly number[];
  readonly offset: readonly number[];
  /** Running correction after each change (0 before the first). */
  readonly correction: readonly number[];
  /** Working time (clock reading) at each change. */
  readonly work: readonly number[];
}

/** What the clock needs of a zone: an IANA zone, or a fixed offset in ms. */
export type ClockZone = IANAZone | number;

const ledgers = new WeakMap<CompiledSchedule, Map<string | number, Ledger>>();

function buildLedger(s: CompiledSchedule, zone: ClockZone, lo: number, hi: number): Ledger {
  if (typeof zone === 'number') return { lo: -Infinity, hi: Infinity, offset0: zone, at: [], offset: [], correction: [], work: [] };
  const table = zoneTableOf(zone);
  const offset0 = offsetOf(table, lo);
  const at: number[] = [];
  const offset: number[] = [];
  const correction: number[] = [];
  const work: number[] = [];
  let before = offset0;
  let c = 0;
  for (const change of offsetChanges(table, lo, hi)) {
    // The wall readings just before and at the change: the stretch between them is skipped or repeated.
    c -= wallWork(s, change.at + change.offset) - wallWork(s, change.at + before);
    at.push(change.at);
    offset.push(change.offset);
    correction.push(c);
    work.push(wallWork(s, change.at + change.offset) + c);
    before = change.offset;
  }
  return { lo, hi, offset0, at, offset, correction, work };
}

/** The ledger of a schedule in a zone, covering `[from, to]`. */
function ledgerOf(s: CompiledSchedule, zone: ClockZone, from: number, to: number): Ledger {
  let byZone = ledgers.get(s);
  if (byZone === undefined) {
    byZone = new Map();
    ledgers.set(s, byZone);
  }
  const key = typeof zone === 'number' ? zone : zone.name;
  let ledger = byZone.get(key);
  if (ledger === undefined || from < ledger.lo || to >= ledger.hi) {
    // Widened to twice what it covered, so a clock read ever farther off rebuilds a few times only;
    // a range far from the one covered starts a new ledger of its own instead (joining them would
    // compile every year in between: from year 9999 to year 2, 80 000 spans of the zone's table).
    const width = ledger === undefined ? 0 : ledger.hi - ledger.lo;
    const near = ledger !== undefined && to >= ledger.lo - width && from < ledger.hi + width ? ledger : undefined;
    // Kept inside what a Date can hold (luxon answers NaN past it).
    const lo = Math.max(-LIMIT_MS, Math.min(from - MARGIN_MS, near === undefined ? from : near.lo - width));
    const hi = Math.min(LIMIT_MS, Math.max(to + MARGIN_MS, near === undefined ? to : near.hi + width));
    ledger = buildLedger(s, zone, lo, hi);
    byZone.set(key, ledger);
  }
  return ledger;
}

function readingAt(s: CompiledSchedule, l: Ledger, t: number): number {
  const i = countAtMost(l.at, t);
  const offset = i === 0 ? l.offset0 : (l.offset[i - 1] as number);
  return wallWork(s, t + offset) + (i === 0 ? 0 : (l.correction[i - 1] as number));
}

/**
 * Working ms from `a` to `b` (negative when `b` is before `a`), exact to the millisecond.
 *
 * @example
 * workBetween(schedule, zoneFor('Europe/London')!, Date.UTC(2025, 2, 7, 16), Date.UTC(2025, 2, 10, 17)) //=> 32_400_000
 */
export function workBetween(s: CompiledSchedule, zone: ClockZone, a: number, b: number): number {
  if (a === b) return 0;
  // Not an instant: no ledger is built for it (one over NaN would answer every later question).
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Number.NaN;
  const l = ledgerOf(s, zone, Math.min(a, b), Math.max(a, b));
  return readingAt(s, l, b) - readingAt(s, l, a);
}

/** The smallest instant whose clock reading (on ledger `l`) reaches `x`, or `undefined` past `l.hi`. */
function instantOfReading(s: CompiledSchedule, l: Ledger, x: number): number | undefined {
  const lo = countBelow(l.work, x);
  const offset = lo === 0 ? l.offset0 : (l.offset[lo - 1] as number);
  const correction = lo === 0 ? 0 : (l.correction[lo - 1] as number);
  const t = wallOfWork(s, x - correction) - offset;
  const nextChange = l.at[lo];
  if (nextChange !== undefined && t > nextChange) return nextChange;
  return t >= l.hi ? undefined : t;
}

/**
 * The instant at which `ms` of working time have passed since `from` (`ms < 0`: counted back):
 * the smallest instant `t` with `workBetween(from, t) >= ms`. A time reached exactly at a closing
 * is that closing instant, not the next opening. `ms = 0` gives `from`.
 *
 * @example
 * addWork(schedule, zoneFor('Europe/London')!, Date.UTC(2025, 2, 7, 16), 32_400_000) //=> Date.UTC(2025, 2, 10, 17) (Fri 16:00 + 9 h → Mon 17:00)
 */
export function addWork(s: CompiledSchedule, zone: ClockZone, from: number, ms: number): number {
  if (ms === 0) return from;
  if (!Number.isFinite(from) || !Number.isFinite(ms)) return Number.NaN;
  let to = from;
  let last: Ledger | undefined;
  for (;;) {
    const l = ledgerOf(s, zone, Math.min(from, to), Math.max(from, to));
    const t = instantOfReading(s, l, readingAt(s, l, from) + ms);
    // Past the ledger's range: widen it to the wall-axis estimate and read again.
    if (t !== undefined && t >= l.lo) return t;
    // Past what a Date can hold: the ledger cannot widen further.
    if (l === last) return Number.NaN;
    last = l;
    to = wallOfWork(s, readingAt(s, l, from) + ms) - l.offset0;
    // The wall-clock estimate is within a day or two of the answer (offsets move it no further):
    // one past the years 1–9999 is an answer every caller refuses, and a ledger out to it would
    // compile the zone for every year in between (to year 275760).
    if (!(to > MIN_MS - ESTIMATE_MARGIN_MS && to < MAX_MS + ESTIMATE_MARGIN_MS)) return Number.NaN;
  }
}
