/**
 * Working hours on the wall clock, compiled once per calendar. Working time is measured on a
 * "wall axis": local date and time read as if it were UTC, in ms. A day's intervals start on that
 * day and may run past midnight (night shifts), so every interval of day `d` lies in
 * `[d·DAY, d·DAY + 2·DAY)`. Intervals never overlap (checked when the calendar is made), so the
 * working time of a stretch is a sum. Whole weeks are counted by arithmetic on the weekly total,
 * holidays and per-date overrides by binary search in sorted arrays: nothing walks days.
 * The zone's offset changes are applied on top of this axis by `businessClock.ts`.
 */
import { type CompiledCalendar, mod7, weekdayOf } from './calendarDays.js';
import { countBelow } from './sortedSearch.js';
import { DAY_MS } from './civil.js';

/** One day's working intervals, `[start, end]` pairs in ms from that day's midnight, sorted. */
export type DayIntervals = readonly (readonly [number, number])[];

/** A schedule compiled for arithmetic on the wall axis. */
export interface CompiledSchedule {
  /** Intervals of each position of a Thursday-based week block (`day mod 7`; weekend days are empty). */
  readonly template: readonly DayIntervals[];
  /** `prefix[r]`: working ms of the first `r` positions of the block (`prefix[7]` is the week's total). */
  readonly prefix: readonly number[];
  readonly weekMs: number;
  /** Days whose intervals differ from the template (holidays, overrides), sorted epoch days. */
  readonly days: Int32Array;
  readonly intervals: readonly DayIntervals[];
  /** `shift[i]`: working ms the first `i` exceptions add to the template (negative for holidays). */
  readonly shift: readonly number[];
}

const NONE: DayIntervals = [];

function lengthOf(intervals: DayIntervals): number {
  let total = 0;
  for (const [s, e] of intervals) total += e - s;
  return total;
}

/**
 * Compiles the intervals of each ISO weekday (index 1–7, already checked and sorted) with a
 * weekend, holidays and per-date overrides (epoch day → intervals; an override wins over both).
 *
 * @example
 * compileSchedule([[], ...Array(5).fill([[9 * 3_600_000, 17 * 3_600_000]]), [], []], [6, 7], [], new Map()).weekMs //=> 144_000_000
 */
export function compileSchedule(
  byWeekday: readonly DayIntervals[],
  weekend: readonly number[],
  holidays: readonly number[],
  overrides: ReadonlyMap<number, DayIntervals>,
): CompiledSchedule {
  const template = Array.from({ length: 7 }, (_, r) => (weekend.includes(weekdayOf(r)) ? NONE : (byWeekday[weekdayOf(r)] ?? NONE)));
  const prefix = [0];
  for (const day of template) prefix.push((prefix[prefix.length - 1] as number) + lengthOf(day));
  const exceptions = new Map<number, DayIntervals>();
  for (const h of holidays) if ((template[mod7(h)] as DayIntervals).length > 0) exceptions.set(h, NONE);
  for (const [day, intervals] of overrides) exceptions.set(day, intervals);
  const days = Int32Array.from(exceptions.keys()).sort();
  const intervals = Array.from(days, (d) => exceptions.get(d) as DayIntervals);
  const shift = [0];
  days.forEach((d, i) => {
    const delta = lengthOf(intervals[i] as DayIntervals) - lengthOf(template[mod7(d)] as DayIntervals);
    shift.push((shift[i] as number) + delta);
  });
  return { template, prefix, weekMs: prefix[7] as number, days, intervals, shift };
}

/** Exceptions before `day`: binary search. */
function exceptionsBefore(s: CompiledSchedule, day: number): number {
  return countBelow(s.days, day);
}

/**
 * The working intervals that start on an epoch day.
 *
 * @example
 * intervalsOf(schedule, 20_150) //=> [[32_400_000, 61_200_000]] (a Monday, 09:00–17:00)
 */
export function intervalsOf(s: CompiledSchedule, day: number): DayIntervals {
  const i = exceptionsBefore(s, day);
  return s.days[i] === day ? (s.intervals[i] as DayIntervals) : (s.template[mod7(day)] as DayIntervals);
}

/** Template working ms of the days before `day`. */
function templateBefore(s: CompiledSchedule, day: number): number {
  return Math.floor(day / 7) * s.weekMs + (s.prefix[mod7(day)] as number);
}

/** Working ms of every interval of the days before `day` (from a fixed origin). */
function workBefore(s: CompiledSchedule, day: number): number {
  return templateBefore(s, day) + (s.shift[exceptionsBefore(s, day)] as number);
}

function partOf(intervals: DayIntervals, fromWall: number, wall: number): number {
  let total = 0;
  for (const [a, b] of intervals) total += Math.min(Math.max(wall - fromWall - a, 0), b - a);
  return total;
}

/**
 * Working ms on the wall axis before wall-clock ms `wall`, from a fixed origin: only differences mean anything.
 *
 * @example
 * wallWork(s, Date.UTC(2025, 2, 3, 17)) - wallWork(s, Date.UTC(2025, 2, 3, 9)) //=> 28_800_000
 */
export function wallWork(s: CompiledSchedule, wall: number): number {
  const day = Math.floor(wall / DAY_MS);
  // Days before `day - 1` have ended (an interval lasts at most a day); the day before may run past midnight.
  return (
    workBefore(s, day - 1) +
    partOf(intervalsOf(s, day - 1), (day - 1) * DAY_MS, wall) +
    partOf(intervalsOf(s, day), day * DAY_MS, wall)
  );
}

/** Smallest day `k` with `templateBefore(k + 1) >= y`. */
function templateDayReaching(s: CompiledSchedule, y: number): number {
  let q = Math.floor((y - 1) / s.weekMs);
  // Float division of large integers may be one off either way.
  while (q * s.weekMs >= y) q--;
  while ((q + 1) * s.weekMs < y) q++;
  let r = 1;
  while (q * s.weekMs + (s.prefix[r] as number) < y) r++;
  return q * 7 + r - 1;
}

/**
 * The smallest wall-clock ms `w` with `wallWork(s, w) >= x`: where the working time `x` is reached.
 *
 * @example
 * wallOfWork(s, wallWork(s, Date.UTC(2025, 2, 7, 16)) + 3_600_000) //=> Date.UTC(2025, 2, 7, 17) (Fri 16:00 + 1 h)
 */
export function wallOfWork(s: CompiledSchedule, x: number): number {
  // The exceptions wholly before the answer: those whose day ends short of `x` (monotone in i).
  let lo = 0;
  let hi = s.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const d = s.days[mid] as number;
    if (templateBefore(s, d + 1) + (s.shift[mid + 1] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  const base = s.shift[lo] as number;
  let day = templateDayReaching(s, x - base);
  const next = s.days[lo];
  if (next !== undefined && day >= next) day = next;
  let rest = x - workBefore(s, day);
  for (const [a, b] of intervalsOf(s, day)) {
    if (rest <= b - a) return day * DAY_MS + a + rest;
    rest -= b - a;
  }
  // Not reached: the day found holds the ms sought.
  return day * DAY_MS;
}

const ALL_DAY: DayIntervals = [[0, DAY_MS]];
/** The schedule of each compiled calendar: its hours, or made on first use from its business days. */
const schedules = new WeakMap<CompiledCalendar, CompiledSchedule>();

/**
 * Gives a compiled calendar its working hours (when the calendar is made).
 *
 * @example
 * attachSchedule(compiled, schedule); scheduleOf(compiled) === schedule //=> true
 */
export function attachSchedule(c: CompiledCalendar, s: CompiledSchedule): void {
  schedules.set(c, s);
}

/**
 * The schedule of a compiled calendar: its hours, or without them every business day worked
 * around the clock (00:00–24:00), so that business time counts whole business days.
 *
 * @example
 * scheduleOf(compileCalendar([6, 7], [])).weekMs //=> 432_000_000 (5 × 24 h)
 */
export function scheduleOf(c: CompiledCalendar): CompiledSchedule {
  let s = schedules.get(c);
  if (s === undefined) {
    const weekend = [1, 2, 3, 4, 5, 6, 7].filter((d) => c.weekend[d]);
    s = compileSchedule(Array(8).fill(ALL_DAY), weekend, Array.from(c.holidays), new Map());
    schedules.set(c, s);
  }
  return s;
}
