/**
 * Business-day arithmetic on epoch days (days since 1970-01-01, a Thursday), compiled once per
 * calendar: whole weeks by arithmetic, holidays by binary search in a sorted array. Nothing here
 * walks n days, so adding 100 000 business days costs what adding 10 does.
 */

import { DAY_MS } from './civil.js';
import { countAtMost } from './sortedSearch.js';

/** A calendar compiled for arithmetic. */
export interface CompiledCalendar {
  /** `weekend[isoWeekday]` is true for a weekend day (index 0 unused). */
  readonly weekend: readonly boolean[];
  /** Business weekdays per week. */
  readonly perWeek: number;
  /** Business weekdays among the first `r + 1` days of a Thursday-based week block. */
  readonly prefix: readonly number[];
  /** `firstIndex[j]`: the first position in the block where `prefix` reaches `j`. */
  readonly firstIndex: readonly number[];
  /** Holidays that fall on business weekdays, as sorted unique epoch days. */
  readonly holidays: Int32Array;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. */
export function weekdayOf(day: number): number {
  return ((((day % 7) + 7 + 3) % 7) as number) + 1;
}

/** The epoch day of wall-clock milliseconds. */
export function dayOfWall(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS);
}

/**
 * Compiles a weekend and a holiday list (epoch days). The caller has checked that the week keeps
 * at least one business day.
 *
 * @example
 * compileCalendar([6, 7], []).perWeek //=> 5
 */
export function compileCalendar(weekendDays: readonly number[], holidayDays: readonly number[]): CompiledCalendar {
  const weekend = Array.from({ length: 8 }, (_, d) => weekendDays.includes(d));
  const prefix: number[] = [];
  let count = 0;
  for (let r = 0; r < 7; r++) {
    if (!weekend[weekdayOf(r)]) count++;
    prefix.push(count);
  }
  const firstIndex = [0];
  for (let j = 1; j <= count; j++) firstIndex.push(prefix.indexOf(j));
  const holidays = Int32Array.from(new Set(holidayDays.filter((d) => !weekend[weekdayOf(d)]))).sort();
  return { weekend, perWeek: count, prefix, firstIndex, holidays };
}

/**
 * A day's place in its seven-day block counted from the epoch, 0 to 6 (negative days too).
 *
 * @example
 * mod7(-1) //=> 6
 */
export function mod7(day: number): number {
  return ((day % 7) + 7) % 7;
}

/** Business weekdays (holidays ignored) up to and including `day`, from a fixed origin. */
function weekdaysThrough(c: CompiledCalendar, day: number): number {
  return Math.floor(day / 7) * c.perWeek + (c.prefix[mod7(day)] as number);
}

/** Smallest day whose `weekdaysThrough` reaches `k`. */
function dayOfWeekdayCount(c: CompiledCalendar, k: number): number {
  const weeks = Math.floor((k - 1) / c.perWeek);
  return weeks * 7 + (c.firstIndex[k - weeks * c.perWeek] as number);
}

/** Holidays on or before `day`: binary search. */
function holidaysThrough(c: CompiledCalendar, day: number): number {
  return countAtMost(c.holidays, day);
}

/** Business days up to and including `day`, from a fixed origin. */
function businessThrough(c: CompiledCalendar, day: number): number {
  return weekdaysThrough(c, day) - holidaysThrough(c, day);
}

/** Smallest day whose `businessThrough` reaches `target`: a business day. */
function dayOfBusinessCount(c: CompiledCalendar, target: number): number {
  // Each round adds the holidays the previous guess stepped over; the count only grows and is
  // bounded by the holiday list, so this ends after a few rounds whatever the distance.
  let holidays = 0;
  for (;;) {
    const day = dayOfWeekdayCount(c, target + holidays);
    const seen = holidaysThrough(c, day);
    if (seen === holidays) return day;
    holidays = seen;
  }
}

/**
 * True when an epoch day is neither a weekend day nor a holiday.
 *
 * @example
 * isBusinessEpochDay(compileCalendar([6, 7], []), 0) //=> true (Thu 1 Jan 1970)
 */
export function isBusinessEpochDay(c: CompiledCalendar, day: number): boolean {
  return !c.weekend[weekdayOf(day)] && holidaysThrough(c, day) === holidaysThrough(c, day - 1);
}

/**
 * The day `n` business days after (`n > 0`) or before (`n < 0`) `day`; `day` itself is not counted.
 *
 * @example
 * addBusinessEpochDays(compileCalendar([6, 7], []), 1, 1) //=> 4 (Fri 2 Jan 1970 + 1 = Mon 5 Jan)
 */
export function addBusinessEpochDays(c: CompiledCalendar, day: number, n: number): number {
  if (n === 0) return day;
  return n > 0 ? dayOfBusinessCount(c, businessThrough(c, day) + n) : dayOfBusinessCount(c, businessThrough(c, day - 1) + n + 1);
}

/**
 * Business days from `a` (not counted) to `b` (counted): those `d` with `a < d <= b`, or minus
 * those with `b <= d < a` when `b` is before `a` — so that `businessEpochDaysBetween(a,
 * addBusinessEpochDays(a, n)) === n` for every `n`.
 *
 * @example
 * businessEpochDaysBetween(compileCalendar([6, 7], []), 1, 4) //=> 1 (Fri → Mon)
 */
export function businessEpochDaysBetween(c: CompiledCalendar, a: number, b: number): number {
  return b >= a ? businessThrough(c, b) - businessThrough(c, a) : -(businessThrough(c, a - 1) - businessThrough(c, b - 1));
}

/** Why a day is not a business day. */
export type Closure = 'weekend' | 'holiday';

/**
 * Rolls a day that is not a business day to the next (`+1`) or previous (`-1`) business day,
 * naming every day it passes over.
 *
 * @example
 * rollEpochDay(compileCalendar([6, 7], []), 2, 1) //=> { day: 4, skipped: [{ day: 2, why: 'weekend' }, { day: 3, why: 'weekend' }] }
 */
export function rollEpochDay(
  c: CompiledCalendar,
  day: number,
  direction: 1 | -1,
): { day: number; skipped: { day: number; why: Closure }[] } {
  const skipped: { day: number; why: Closure }[] = [];
  let d = day;
  while (!isBusinessEpochDay(c, d)) {
    skipped.push({ day: d, why: c.weekend[weekdayOf(d)] ? 'weekend' : 'holiday' });
    d += direction;
  }
  return { day: d, skipped };
}
