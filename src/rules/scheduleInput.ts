/**
 * Reads the working hours of a calendar (already shaped by `BusinessCalendarSchema`) into a
 * compiled schedule, refusing what has no single meaning: an interval of no length, intervals
 * that overlap (across midnight too), hours on a weekend day, a week with no working time.
 */
import * as messages from '../errors/messages.js';
import { WEEKDAY_KEYS } from '../model/schemas.js';
import type { IssueList, Path } from './issues.js';
import { type CompiledSchedule, compileSchedule, type DayIntervals, intervalsOf } from './weeklySchedule.js';
import { DAY_MS } from './civil.js';

const MINUTE_MS = 60_000;

/** Working hours as a calendar holds them: `HH:MM-HH:MM` texts per weekday key and per date. */
export interface HoursInput {
  readonly hours?: { readonly [K in (typeof WEEKDAY_KEYS)[number]]?: readonly string[] | undefined } | undefined;
  readonly overrides?: Readonly<Record<string, readonly string[]>> | undefined;
}

const ALL_DAY: DayIntervals = [[0, DAY_MS]];

function minutesOf(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * MINUTE_MS;
}

/** One day's texts as sorted intervals; an end at or before its start is on the next day. */
function readDay(texts: readonly string[], path: Path, issues: IssueList): DayIntervals {
  const out: [number, number, number][] = [];
  texts.forEach((text, i) => {
    const start = minutesOf(text);
    let end = minutesOf(text.slice(6));
    if (end === start) issues.add('INVALID_INPUT', [...path, i], messages.notAnInterval());
    if (end <= start) end += DAY_MS;
    out.push([start, end, i]);
  });
  out.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < out.length; k++) {
    const [, end] = out[k - 1] as [number, number, number];
    const [start, , i] = out[k] as [number, number, number];
    if (start < end) issues.add('INVALID_INPUT', [...path, i], messages.overlappingHours());
  }
  return out.map(([s, e]) => [s, e] as const);
}

/** True when the last interval of one day runs into the first of the next. */
function spillsInto(day: DayIntervals, next: DayIntervals): boolean {
  const last = day[day.length - 1];
  const first = next[0];
  return last !== undefined && first !== undefined && last[1] > first[0] + DAY_MS;
}

/**
 * The weekend a calendar with hours has when it names none: the days without hours.
 *
 * @example
 * weekendOfHours({ mon: ['09:00-17:00'] }) //=> [2, 3, 4, 5, 6, 7]
 */
export function weekendOfHours(hours: NonNullable<HoursInput['hours']>): number[] {
  return WEEKDAY_KEYS.flatMap((key, i) => ((hours[key]?.length ?? 0) === 0 ? [i + 1] : []));
}

/**
 * Compiles a calendar's hours with its weekend and holidays (epoch days). Without `hours`, every
 * business day is worked around the clock (00:00–24:00), which is how business days count.
 *
 * @example
 * readSchedule({ hours: { mon: ['09:00-17:00'] } }, [2, 3, 4, 5, 6, 7], [], [], issues)?.weekMs //=> 28_800_000
 */
export function readSchedule(
  input: HoursInput,
  weekend: readonly number[],
  holidays: readonly number[],
  path: Path,
  issues: IssueList,
): CompiledSchedule | undefined {
  const before = issues.length;
  const byWeekday: DayIntervals[] = [[]];
  WEEKDAY_KEYS.forEach((key, i) => {
    const texts = input.hours === undefined ? undefined : (input.hours[key] ?? []);
    const day = texts === undefined ? ALL_DAY : readDay(texts, [...path, 'hours', key], issues);
    if (input.hours !== undefined && day.length > 0 && weekend.includes(i + 1)) {
      issues.add('INVALID_INPUT', [...path, 'hours', key], messages.hoursOnWeekend());
    }
    byWeekday.push(weekend.includes(i + 1) ? [] : day);
  });
  for (let d = 1; d <= 7; d++) {
    if (spillsInto(byWeekday[d] as DayIntervals, byWeekday[(d % 7) + 1] as DayIntervals)) {
      issues.add('INVALID_INPUT', [...path, 'hours', WEEKDAY_KEYS[d - 1] as string], messages.overlappingHours());
    }
  }
  const overrides = new Map<number, DayIntervals>();
  for (const [date, texts] of Object.entries(input.overrides ?? {})) {
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
    // Date.parse rolls 2025-02-30 over to March: compare back to refuse it.
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
      issues.add('INVALID_INPUT', [...path, 'overrides', date], messages.isoDate());
    } else overrides.set(ms / DAY_MS, readDay(texts, [...path, 'overrides', date], issues));
  }
  if (issues.length > before) return undefined;
  const schedule = compileSchedule(byWeekday, weekend, holidays, overrides);
  if (schedule.weekMs === 0) return issues.add('INVALID_INPUT', [...path, 'hours'], messages.noWorkingHours());
  for (const [day] of overrides) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (spillsInto(intervalsOf(schedule, day - 1), intervalsOf(schedule, day)) || spillsInto(intervalsOf(schedule, day), intervalsOf(schedule, day + 1))) {
      issues.add('INVALID_INPUT', [...path, 'overrides', date], messages.overlappingHours());
    }
  }
  return issues.length > before ? undefined : schedule;
}

