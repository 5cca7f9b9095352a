import { DateTime } from 'luxon';
import { fail, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { BusinessCalendarSchema } from '../model/schemas.js';
import { parseWith } from '../model/zodIssues.js';
import {
  addBusinessEpochDays,
  businessEpochDaysBetween,
  type CompiledCalendar,
  compileCalendar,
  dayOfWall,
  isBusinessEpochDay,
} from './calendarDays.js';
import { inSupportedRange, toEpochMs, ZONE_ANNOTATION } from './instant.js';
import { IssueList, type Path } from './issues.js';
import { zoneFor } from './zone.js';
import { readSchedule, weekendOfHours } from './scheduleInput.js';
import { attachSchedule } from './weeklySchedule.js';
import type { WeekdayKey } from '../model/schemas.js';
import type { DateInput } from '../model/units.js';
import type { IANAZone } from 'luxon';
import { DAY_MS } from './civil.js';

/**
 * A business calendar: weekend days (ISO weekday numbers, 1 = Monday … 7 = Sunday) and holiday
 * dates (`YYYY-MM-DD`), both sorted. A frozen plain object, so it can be stored as JSON.
 *
 * @example
 * const us: BusinessCalendar = createCalendar({ holidays: ['2025-12-25', '2026-01-01'] });
 * us.weekend //=> [6, 7]
 */
export interface BusinessCalendar {
  readonly weekend: readonly number[];
  readonly holidays: readonly string[];
  /** Working hours per weekday (`HH:MM-HH:MM`, several a day; absent: business days around the clock). */
  readonly hours?: WeeklyHours | undefined;
  /** Working hours of particular dates, in place of the weekday's (holidays and weekends included). */
  readonly overrides?: Readonly<Record<string, readonly string[]>> | undefined;
}

/**
 * Working hours per weekday, on the wall clock of the zone they are used in: `'09:00-17:00'`,
 * several a day (`['09:00-12:30', '13:30-17:00']`), an end at or before the start on the next day
 * (`'22:00-06:00'`), `'24:00'` to end at midnight. A day left out has no hours.
 *
 * @example
 * const hours: WeeklyHours = { mon: ['09:00-17:00'], tue: ['09:00-17:00'], sat: [] };
 */
export type WeeklyHours = { readonly [K in WeekdayKey]?: readonly string[] | undefined };

/**
 * What `createCalendar` takes; both fields are optional (weekend defaults to Saturday and Sunday).
 *
 * @example
 * const input: BusinessCalendarInput = { weekend: [5, 6] }; // Friday–Saturday weekend
 */
export interface BusinessCalendarInput {
  weekend?: readonly number[];
  holidays?: readonly string[];
  /** Working hours per weekday; with them, the weekend defaults to the days without hours. */
  hours?: WeeklyHours;
  /** Working hours of particular dates (`{ '2025-12-24': ['09:00-12:00'] }`). */
  overrides?: Readonly<Record<string, readonly string[]>>;
}

const DEFAULT_WEEKEND = [6, 7] as const;
const MAX_BUSINESS_DAYS = 2_000_000;
const compiled = new WeakMap<object, CompiledCalendar>();

function epochDayOfIsoDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function compileChecked(input: unknown, path: Path): { calendar: BusinessCalendar; compiled: CompiledCalendar } {
  const parsed = parseWith(BusinessCalendarSchema, input ?? {}, path);
  if (!parsed.success) throw new UltimatumError(parsed.issues);
  const { hours, overrides } = parsed.data;
  const weekend = [...new Set(parsed.data.weekend ?? (hours ? weekendOfHours(hours) : DEFAULT_WEEKEND))].sort((a, b) => a - b);
  const holidays = [...new Set(parsed.data.holidays ?? [])].sort();
  const holidayDays = holidays.map(epochDayOfIsoDate);
  const compiled = compileCalendar(weekend, holidayDays);
  if (hours !== undefined || overrides !== undefined) {
    const issues = new IssueList();
    if (weekend.length === 7) issues.add('INVALID_INPUT', [...path, 'hours'], messages.noBusinessDay());
    const schedule = issues.length > 0 ? undefined : readSchedule(parsed.data, weekend, holidayDays, path, issues);
    if (schedule === undefined) throw new UltimatumError(issues.items);
    attachSchedule(compiled, schedule);
  }
  const extra = { ...(hours ? { hours } : {}), ...(overrides ? { overrides } : {}) };
  return { calendar: { weekend, holidays, ...extra }, compiled };
}

/**
 * Creates a business calendar, checked once and compiled once (holidays into a sorted array for
 * binary search). Any weekend works — Friday–Saturday, Sunday only, six-day weeks — but a week
 * with no business day is refused.
 *
 * @example
 * const cal = createCalendar({ weekend: [6, 7], holidays: ['2025-12-25', '2026-01-01'] });
 * addBusinessDays('2025-12-19', 5, cal).toISODate() //=> '2025-12-29'
 * @throws {UltimatumError} `INVALID_INPUT` at `weekend` or `holidays[i]`.
 */
export function createCalendar(input: BusinessCalendarInput = {}): BusinessCalendar {
  const { calendar, compiled: c } = compileChecked(input, []);
  // Hours are frozen down to their lists: the calendar is shared by every ultimatum given it.
  const freezeLists = (o: Readonly<Record<string, readonly string[] | undefined>> | undefined) =>
    o && Object.freeze(Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Object.freeze([...(v ?? [])])])));
  const frozen = Object.freeze({
    ...calendar,
    weekend: Object.freeze(calendar.weekend),
    holidays: Object.freeze(calendar.holidays),
    ...(calendar.hours ? { hours: freezeLists(calendar.hours) } : {}),
    ...(calendar.overrides ? { overrides: freezeLists(calendar.overrides) } : {}),
  }) as BusinessCalendar;
  compiled.set(frozen, c);
  return frozen;
}

/**
 * The compiled form of a calendar: cached for frozen calendars (those `createCalendar` makes),
 * checked and compiled on each call for plain objects.
 *
 * @example
 * compiledCalendarOf(createCalendar()).perWeek //=> 5
 */
export function compiledCalendarOf(calendar: unknown, path: Path = ['calendar']): CompiledCalendar {
  const hit = typeof calendar === 'object' && calendar !== null ? compiled.get(calendar) : undefined;
  if (hit !== undefined) return hit;
  const key = contentKey(calendar);
  const same = key === undefined ? undefined : byContent.get(key);
  if (same !== undefined) return same;
  const c = compileChecked(calendar, path).compiled;
  if (typeof calendar === 'object' && calendar !== null && Object.isFrozen(calendar)) compiled.set(calendar, c);
  if (key !== undefined) {
    // Documents of one board share a handful of calendars; a bound keeps odd ones from piling up.
    if (byContent.size >= 256) byContent.clear();
    byContent.set(key, c);
  }
  return c;
}

/** Calendars already compiled, by content (a stored document's calendar is a new object each time). */
const byContent = new Map<string, CompiledCalendar>();

const CALENDAR_KEYS: ReadonlySet<string> = new Set(['weekend', 'holidays', 'hours', 'overrides']);

/** A key naming a calendar's content, for a plain `{ weekend?: number[], holidays?: string[] }` only. */
function contentKey(calendar: unknown): string | undefined {
  if (calendar === undefined) return '';
  if (typeof calendar !== 'object' || calendar === null || Object.getPrototypeOf(calendar) !== Object.prototype) return undefined;
  for (const key in calendar) if (!CALENDAR_KEYS.has(key)) return undefined;
  const { weekend, holidays, hours, overrides } = calendar as { weekend?: unknown; holidays?: unknown; hours?: unknown; overrides?: unknown };
  const list = (value: unknown, type: 'number' | 'string') =>
    Array.isArray(value) && value.every((x) => typeof x === type) ? value.join(',') : undefined;
  const days = weekend === undefined ? '-' : list(weekend, 'number');
  const dates = holidays === undefined ? '-' : list(holidays, 'string');
  if (days === undefined || dates === undefined) return undefined;
  // Hours are small: their JSON names them (read only from plain data, as the schema will).
  const plain = (v: unknown) => v === undefined || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype);
  if (!plain(hours) || !plain(overrides)) return undefined;
  return hours === undefined && overrides === undefined ? `${days}|${dates}` : `${days}|${dates}|${JSON.stringify([hours, overrides])}`;
}

let utcZone: IANAZone | undefined;
/** The UTC zone, made on first use: an IANAZone builds an Intl.DateTimeFormat (~20–30 ms at start-up). */
function utc(): IANAZone {
  utcZone ??= zoneFor('UTC') as IANAZone;
  return utcZone;
}

/**
 * Reads a date argument as a DateTime: a DateTime keeps its zone, an ISO string its zone or
 * offset, the rest UTC. Refuses anything else with an `UltimatumError` at path `[name]`.
 *
 * @example
 * toDateTime('2025-03-03T09:00[Europe/London]', 'date').zoneName //=> 'Europe/London'
 */
export function toDateTime(input: unknown, name: string): DateTime {
  if (DateTime.isDateTime(input) && typeof input.toMillis === 'function' && input.isValid) return input;
  const issues = new IssueList();
  const ms = toEpochMs(input, utc(), 'start', [name], issues);
  if (ms === undefined) throw new UltimatumError(issues.items);
  if (typeof input === 'string') {
    // `…[Europe/Paris]` (RFC 9557): toEpochMs read the instant in that zone; keep the zone too.
    const annotated = ZONE_ANNOTATION.exec(input)?.[1];
    const zone = annotated === undefined ? undefined : zoneFor(annotated);
    if (zone !== undefined) return DateTime.fromMillis(ms, { zone });
    const withOffset = DateTime.fromISO(input, { setZone: true, zone: 'utc' });
    if (withOffset.isValid) return withOffset;
  }
  return DateTime.fromMillis(ms, { zone: 'utc' });
}

function epochDayOf(dt: DateTime): number {
  return dayOfWall(dt.toMillis() + dt.offset * 60_000);
}

function checkCount(n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > MAX_BUSINESS_DAYS) {
    fail('INVALID_INPUT', ['n'], messages.businessDayCount(MAX_BUSINESS_DAYS));
  }
  return n;
}

/**
 * True when the date (in its own zone) is neither a weekend day nor a holiday of the calendar.
 *
 * @example
 * isBusinessDay('2025-12-25', createCalendar({ holidays: ['2025-12-25'] })) //=> false
 */
export function isBusinessDay(date: DateInput, calendar: BusinessCalendar): boolean {
  return isBusinessEpochDay(compiledCalendarOf(calendar), epochDayOf(toDateTime(date, 'date')));
}

/**
 * The date `n` business days after (or, for negative `n`, before) `date`, not counting `date`
 * itself, at the same wall-clock time in the same zone. Cost does not grow with `n`.
 *
 * @example
 * const cal = createCalendar({ holidays: ['2025-12-25', '2026-01-01'] });
 * addBusinessDays('2025-12-19T17:00', 5, cal).toISO() //=> '2025-12-29T17:00:00.000Z'
 * addBusinessDays('2025-12-29', -5, cal).toISODate() //=> '2025-12-19'
 */
export function addBusinessDays(date: DateInput, n: number, calendar: BusinessCalendar): DateTime {
  const dt = toDateTime(date, 'date');
  const count = checkCount(n);
  const day = epochDayOf(dt);
  const target = addBusinessEpochDays(compiledCalendarOf(calendar), day, count);
  const result = target === day ? dt : dt.plus({ days: target - day });
  if (!result.isValid || !inSupportedRange(result.toMillis())) {
    fail('OUT_OF_RANGE', ['n'], messages.instantOutOfRange());
  }
  return result;
}

/**
 * Business days from `a` to `b`: those after `a` up to and including `b` (`a < d <= b`), negative
 * when `b` is before `a` (then `b <= d < a`, again leaving `a` out), so that
 * `businessDaysBetween(a, addBusinessDays(a, n)) === n`. Dates are taken in their own zones.
 *
 * @example
 * businessDaysBetween('2025-12-19', '2025-12-29', createCalendar({ holidays: ['2025-12-25'] })) //=> 5
 */
export function businessDaysBetween(a: DateInput, b: DateInput, calendar: BusinessCalendar): number {
  const c = compiledCalendarOf(calendar);
  return businessEpochDaysBetween(c, epochDayOf(toDateTime(a, 'a')), epochDayOf(toDateTime(b, 'b')));
}

/**
 * The first business day after `date` (never `date` itself), at the same wall-clock time.
 *
 * @example
 * nextBusinessDay('2025-12-24', createCalendar({ holidays: ['2025-12-25'] })).toISODate() //=> '2025-12-26'
 */
export function nextBusinessDay(date: DateInput, calendar: BusinessCalendar): DateTime {
  return addBusinessDays(date, 1, calendar);
}

/**
 * The last business day before `date` (never `date` itself), at the same wall-clock time.
 *
 * @example
 * previousBusinessDay('2025-12-29', createCalendar()).toISODate() //=> '2025-12-26'
 */
export function previousBusinessDay(date: DateInput, calendar: BusinessCalendar): DateTime {
  return addBusinessDays(date, -1, calendar);
}
