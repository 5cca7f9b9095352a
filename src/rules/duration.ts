import { Duration, type IANAZone } from 'luxon';
import { addCalendarUnits, DAY_MS } from './civil.js';
import * as z from 'zod/mini';
import * as messages from '../errors/messages.js';
import { DURATION_UNITS, type DurationSpec, SPEC_KEYS } from '../model/units.js';
import { because, parseWith } from '../model/zodIssues.js';
import { isTemporalDuration, temporalDurationUnits } from '../model/temporal.js';
import { isUltimatumError } from '../errors/UltimatumError.js';
import { type DurationRange, parseDuration } from './parseDuration.js';
import type { IssueList, Path } from './issues.js';
import {
  addBusinessEpochDays,
  type Closure,
  type CompiledCalendar,
  compileCalendar,
  dayOfWall,
  isBusinessEpochDay,
  rollEpochDay,
} from './calendarDays.js';
import { instantOfWallClock, startOfWallDay, wallClockOf } from './localTime.js';
import { addWork } from './businessClock.js';
import { scheduleOf } from './weeklySchedule.js';

// Any number passes the shape check; NaN, Infinity and negatives get the finite >= 0 message below.
const unit = /* @__PURE__ */ (() => z.custom<number>((v) => typeof v === 'number', because(messages.expectedType('a number'))))();
/** The shape of a duration written as units; values are checked one by one after it. */
export const DurationObjectSchema = /* @__PURE__ */ (() =>
  z.strictObject(Object.fromEntries(SPEC_KEYS.map((key) => [key, z.optional(unit)])) as { [K in (typeof SPEC_KEYS)[number]]: z.ZodMiniOptional<typeof unit> }))();

const MAX_DATE_MS = 8.64e15;
/** More days than separate any two instants JavaScript can represent. */
const MAX_DAYS = 2e8;

/**
 * Reads a `DurationInput` into a `DurationSpec`; on a bad input records each problem under
 * `path` (`deadline.after.days: must be a finite number >= 0`) and returns `undefined`. A whole
 * duration of one unit (up to 1 000) is a frozen object shared by every caller; any other is new.
 *
 * @example
 * toDurationSpec('P50D', ['deadline', 'after'], issues) //=> { days: 50 }
 */
export function toDurationSpec(input: unknown, path: Path, issues: IssueList): DurationSpec | undefined {
  let units: Record<string, unknown>;
  if (typeof input === 'string') {
    const parsed = readDurationText(input, path, issues);
    if (parsed === undefined) return undefined;
    if ('earliest' in parsed) return issues.add('INVALID_DURATION', path, messages.durationRangeHere());
    units = { ...parsed };
  } else if (Duration.isDuration(input)) {
    // isDuration only checks a flag, which a plain JSON object can carry too.
    if (typeof input.toObject !== 'function') return issues.add('INVALID_DURATION', path, messages.notLuxon('Duration'));
    if (!input.isValid) return issues.add('INVALID_DURATION', path, messages.invalidLuxonDuration(input.invalidReason ?? 'invalid'));
    units = { ...input.toObject() };
  } else if (isTemporalDuration(input)) {
    units = temporalDurationUnits(input);
  } else if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    units = input as Record<string, unknown>;
  } else {
    return issues.add('INVALID_INPUT', path, messages.expectedDuration());
  }
  let checked = units as Record<string, number | undefined>;
  if (!isPlainUnits(units)) {
    const shape = parseWith(DurationObjectSchema, units, path);
    if (!shape.success) {
      for (const issue of shape.issues) issues.add('INVALID_DURATION', issue.path, issue);
      return undefined;
    }
    checked = shape.data;
  }
  const before = issues.length;
  // One pass over the units given, in their order (as the problems are reported), each read once:
  // what is kept is what was checked (no lists of keys or entries: this runs for every duration of
  // every document read).
  const spec: Record<string, number> = {};
  let count = 0;
  let last = '';
  for (const key in checked) {
    const value = Object.hasOwn(checked, key) ? checked[key] : undefined;
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value < 0) {
      issues.add('INVALID_DURATION', [...path, key], messages.finiteNonNegative());
    } else if ((key === 'years' || key === 'months' || key === 'businessDays') && !Number.isInteger(value)) {
      issues.add('INVALID_DURATION', [...path, key], key === 'businessDays' ? messages.integer() : messages.wholeCalendarUnit(key));
    } else {
      spec[key] = value;
      count++;
      last = key;
    }
  }
  if (issues.length > before) return undefined;
  if (count === 0) return issues.add('INVALID_DURATION', path, messages.emptyDuration());
  if (count === 1) {
    const value = spec[last] as number;
    if (Number.isInteger(value) && value >= 1 && value <= SHARED_AT_MOST) return sharedSpec(last, value);
  }
  const { businessDays, businessHours, businessMinutes } = spec;
  if (businessDays !== undefined) {
    if (count > 1) return issues.add('INVALID_DURATION', [...path, 'businessDays'], messages.businessDaysAlone());
    return { businessDays };
  }
  if (businessHours !== undefined || businessMinutes !== undefined) {
    const key = businessHours !== undefined ? 'businessHours' : 'businessMinutes';
    const own = (businessHours !== undefined ? 1 : 0) + (businessMinutes !== undefined ? 1 : 0);
    if (count > own) return issues.add('INVALID_DURATION', [...path, key], messages.businessTimeAlone());
    return { ...(businessHours !== undefined ? { businessHours } : {}), ...(businessMinutes !== undefined ? { businessMinutes } : {}) };
  }
  // Keep a canonical key order so that stored documents compare equal.
  const ordered: Record<string, number> = {};
  for (const u of DURATION_UNITS) if (spec[u] !== undefined) ordered[u] = spec[u];
  return ordered as DurationSpec;
}

/** Whole durations of one unit up to this many are shared between documents (see `sharedSpec`). */
const SHARED_AT_MOST = 1_000;
const shared: Record<string, DurationSpec[]> = {};

/**
 * One frozen `{ [unit]: value }` for every document that names it: a board of a million SLAs
 * names a few hundred durations, and each kept once is an object fewer per document for the
 * collector to copy and mark. Documents are frozen, so a part they share cannot change under one.
 */
function sharedSpec(unit: string, value: number): DurationSpec {
  shared[unit] ??= [];
  const list = shared[unit];
  list[value] ??= Object.freeze({ [unit]: value }) as DurationSpec;
  return list[value];
}

const UNIT_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(SPEC_KEYS);

/** A plain object of known units holding numbers: what `DurationObjectSchema` would pass unchanged. */
function isPlainUnits(units: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(units) !== Object.prototype) return false;
  for (const key in units) {
    // Its own keys only, as Object.keys gives them (a key on a polluted prototype is not a unit given).
    if (Object.hasOwn(units, key) && (!UNIT_KEYS.has(key) || typeof units[key] !== 'number')) return false;
  }
  return true;
}

/** Where a deadline fell on a day that is not a business day, and where it went instead. */
export interface Roll {
  readonly from: number;
  readonly to: number;
  readonly skipped: readonly { readonly day: number; readonly why: Closure }[];
}

/** How `addDuration` treats the day it reaches. */
export interface AddOptions {
  /** Move the result to the end of the day reached (the start of the next day). */
  readonly endOfDay?: boolean | undefined;
  /** The calendar for `businessDays` and roll-over; Saturday–Sunday weekends by default. */
  readonly calendar?: CompiledCalendar | undefined;
  /** Roll a day reached that is not a business day (US FRCP 6(a)(1)(C)). */
  readonly rollover?: 'none' | 'next-business-day' | 'previous-business-day' | undefined;
  /** Receives the roll, if one happened, for `explain()`. */
  readonly rolls?: Roll[] | undefined;
}

const DEFAULT_CALENDAR = /* @__PURE__ */ (() => compileCalendar([6, 7], []))();

/**
 * Adds a duration to an instant in a zone: calendar units on the wall clock (50 days keep
 * 12:00 across DST; 31 January + 1 month is 28 February, as luxon does), then exact units as
 * elapsed time. Fractional weeks and days add their fraction as exact time (1.5 days = 1 day + 12 h).
 * `businessDays` count on the calendar from the day after, keeping the wall-clock time. Then, as
 * asked, a day reached that is not a business day rolls, and the result moves to the end of
 * the day reached — also when the zone skipped that day (Pacific/Apia, 30 December 2011).
 * Returns `NaN` when the result leaves the range luxon can represent.
 *
 * @example
 * addDuration(Date.UTC(2025, 6, 14, 16), { days: 50 }, zoneFor('America/New_York')!) //=> Date.UTC(2025, 8, 2, 16)
 */
export function addDuration(instantMs: number, spec: DurationSpec, zone: IANAZone, options: AddOptions = {}): number {
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const totalDays = (spec.weeks ?? 0) * 7 + (spec.days ?? 0);
  // Far past any representable date: say so before luxon throws on an infinite unit.
  if (!Number.isFinite(totalDays) || Math.abs(totalDays) > MAX_DAYS) return Number.NaN;
  const wholeDays = Math.trunc(totalDays);
  let ms = instantMs;
  let reachedWall = wallClockOf(instantMs, zone);
  const work = businessMsOf(spec);
  if (work !== 0) {
    ms = addWork(scheduleOf(calendar), zone, instantMs, work);
    if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return Number.NaN;
    reachedWall = wallClockOf(ms, zone);
  } else if (spec.businessDays) {
    const day = dayOfWall(reachedWall);
    reachedWall += (addBusinessEpochDays(calendar, day, spec.businessDays) - day) * DAY_MS;
    ms = instantOfWallClock(reachedWall, zone);
  } else if (spec.years || spec.months || wholeDays) {
    if (Math.abs(spec.years ?? 0) > MAX_DAYS / 365 || Math.abs(spec.months ?? 0) > MAX_DAYS / 28) return Number.NaN;
    reachedWall = addCalendarUnits(reachedWall, spec.years ?? 0, spec.months ?? 0, wholeDays);
    // Past what a Date (and so a luxon DateTime) can hold.
    if (!(Math.abs(reachedWall) <= MAX_DATE_MS)) return Number.NaN;
    ms = instantOfWallClock(reachedWall, zone);
  }
  let exact = Math.round((totalDays - wholeDays) * DAY_MS);
  // Unit by unit, in this order, as sums of fractions must come out the same every time.
  exact += (spec.hours ?? 0) * 3_600_000;
  exact += (spec.minutes ?? 0) * 60_000;
  exact += (spec.seconds ?? 0) * 1_000;
  exact += spec.milliseconds ?? 0;
  if (exact !== 0) {
    ms += exact;
    if (!Number.isFinite(ms)) return Number.NaN;
    reachedWall = wallClockOf(ms, zone);
  }
  // The day reached is the calendar date the units name, even if the zone skipped it.
  let day = dayOfWall(reachedWall);
  const rollover = options.rollover ?? 'none';
  if (rollover !== 'none' && !isBusinessEpochDay(calendar, day)) {
    const roll = rollEpochDay(calendar, day, rollover === 'next-business-day' ? 1 : -1);
    options.rolls?.push({ from: day, to: roll.day, skipped: roll.skipped });
    ms = instantOfWallClock(reachedWall + (roll.day - day) * DAY_MS, zone);
    day = roll.day;
  }
  return options.endOfDay ? startOfWallDay((day + 1) * DAY_MS, zone) : ms;
}

/**
 * The business time a duration counts, in ms (`businessHours` and `businessMinutes`); 0 when none.
 *
 * @example
 * businessMsOf({ businessHours: 4, businessMinutes: 30 }) //=> 16_200_000
 */
export function businessMsOf(spec: DurationSpec): number {
  return Math.round((spec.businessHours ?? 0) * 3_600_000 + (spec.businessMinutes ?? 0) * 60_000);
}

/**
 * True when a duration counts on the business calendar (business days, hours or minutes): a pause
 * of such a deadline stops the business clock, so it moves the deadline by the working time paused.
 *
 * @example
 * countsBusinessTime({ businessHours: 8 }) //=> true
 * countsBusinessTime({ days: 8 }) //=> false
 */
export function countsBusinessTime(spec: DurationSpec): boolean {
  return spec.businessDays !== undefined || spec.businessHours !== undefined || spec.businessMinutes !== undefined;
}

/**
 * True when the duration uses a calendar unit, so its length depends on the zone.
 *
 * @example
 * hasCalendarUnits({ days: 1 }) //=> true
 * hasCalendarUnits({ hours: 24 }) //=> false
 */
export function hasCalendarUnits(spec: DurationSpec): boolean {
  return countsBusinessTime(spec) || spec.years !== undefined || spec.months !== undefined || spec.weeks !== undefined || spec.days !== undefined;
}

/**
 * A duration with every unit negated: adding it goes back in time ("7 days before").
 *
 * @example
 * negateDuration({ days: 7 }) //=> { days: -7 }
 */
export function negateDuration(spec: DurationSpec): DurationSpec {
  const out: Record<string, number> = {};
  for (const [unit, value] of Object.entries(spec)) if (value !== undefined) out[unit] = -value;
  return out as DurationSpec;
}

/**
 * Reads a duration string (ISO 8601 or words, see `parseDuration`), recording a problem at
 * `path` instead of throwing.
 *
 * @example
 * readDurationText('10 or 12 days', ['deadline', 'after'], issues) //=> { earliest: { days: 10 }, latest: { days: 12 } }
 */
export function readDurationText(text: string, path: Path, issues: IssueList): DurationSpec | DurationRange | undefined {
  try {
    return parseDuration(text);
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    const first = e.issues[0];
    return issues.add('INVALID_DURATION', path, first ?? messages.expectedDuration());
  }
}
