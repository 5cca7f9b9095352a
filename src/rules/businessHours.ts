/**
 * Business time on a calendar with working hours: adding it, measuring it, and asking whether an
 * instant is inside it, in the zone of the date given (or the `zone` option). Everything is read
 * off one function, the working time from a fixed origin (`businessClock.ts`), so the four agree.
 */
import { DateTime } from 'luxon';
import { fail, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { DateInput } from '../model/units.js';
import { type BusinessCalendar, compiledCalendarOf, toDateTime } from './businessDays.js';
import { addWork, type ClockZone, workBetween } from './businessClock.js';
import { inSupportedRange } from './instant.js';
import { scheduleOf } from './weeklySchedule.js';
import { zoneFor } from './zone.js';
import type { CompiledSchedule } from './weeklySchedule.js';

/**
 * An amount of business time: hours, minutes, seconds and milliseconds, added up (negative counts back).
 *
 * @example
 * const firstResponse: BusinessTimeInput = { hours: 4 };
 */
export interface BusinessTimeInput {
  readonly hours?: number;
  readonly minutes?: number;
  readonly seconds?: number;
  readonly milliseconds?: number;
}

/**
 * Options of the business-time functions.
 *
 * @example
 * const options: BusinessTimeOptions = { zone: 'Europe/London' };
 */
export interface BusinessTimeOptions {
  /** The IANA zone the working hours are read in; default the date's own zone. */
  readonly zone?: string;
}

const UNIT_MS: Readonly<Record<string, number>> = { hours: 3_600_000, minutes: 60_000, seconds: 1_000, milliseconds: 1 };

function msOf(input: unknown): number {
  const problem = (path: (string | number)[], p: messages.Problem) => new UltimatumError([{ code: 'INVALID_DURATION', path, ...p }]);
  if (typeof input !== 'object' || input === null || Object.getPrototypeOf(input) !== Object.prototype) {
    throw problem(['duration'], messages.expectedType('an object of hours, minutes, seconds and milliseconds'));
  }
  let ms = 0;
  for (const [key, value] of Object.entries(input)) {
    const unit = UNIT_MS[key];
    if (unit === undefined) throw problem(['duration', key], messages.unknownKey(key));
    if (typeof value !== 'number' || !Number.isFinite(value)) throw problem(['duration', key], messages.finiteNumber());
    ms += value * unit;
  }
  return Math.round(ms);
}

/** The date, its zone for the clock, and the calendar's schedule. */
function read(date: unknown, calendar: unknown, options: BusinessTimeOptions | undefined, name = 'date') {
  let dt = toDateTime(date, name);
  if (options?.zone !== undefined) {
    const zone = zoneFor(options.zone);
    if (zone === undefined) fail('INVALID_ZONE', ['zone'], messages.unknownZone(options.zone));
    dt = dt.setZone(zone);
  }
  const iana = dt.zone.type === 'iana' ? zoneFor(dt.zone.name) : undefined;
  const zone: ClockZone = iana ?? dt.offset * 60_000;
  const schedule: CompiledSchedule = scheduleOf(compiledCalendarOf(calendar));
  return { dt, ms: dt.toMillis(), zone, schedule };
}

/**
 * The instant `duration` of business time after `date` (before it, for a negative duration):
 * the clock runs only inside the calendar's working hours. Time reached exactly at a closing is
 * that closing (Fri 16:00 + 9 h on 09:00–17:00 is Mon 17:00, not Tue 09:00). Cost does not grow
 * with the duration.
 *
 * @example
 * const cal = createCalendar({ hours: { mon: ['09:00-17:00'], tue: ['09:00-17:00'], wed: ['09:00-17:00'], thu: ['09:00-17:00'], fri: ['09:00-17:00'] } });
 * addBusinessTime('2025-03-07T16:00[Europe/London]', { hours: 8 }, cal).toISO() //=> '2025-03-10T16:00:00.000+00:00'
 * addBusinessTime('2025-03-07T16:00[Europe/London]', { hours: 9 }, cal).toISO() //=> '2025-03-10T17:00:00.000+00:00'
 * @throws {UltimatumError} `INVALID_DURATION` at `duration.*`, `INVALID_DATE` at `date`, `OUT_OF_RANGE`.
 */
export function addBusinessTime(
  date: DateInput,
  duration: BusinessTimeInput,
  calendar: BusinessCalendar,
  options?: BusinessTimeOptions,
): DateTime {
  const { dt, ms, zone, schedule } = read(date, calendar, options);
  const result = addWork(schedule, zone, ms, msOf(duration));
  if (!inSupportedRange(result)) fail('OUT_OF_RANGE', ['duration'], messages.instantOutOfRange());
  return DateTime.fromMillis(result, { zone: dt.zone });
}

/**
 * Business time from `a` to `b`, in exact milliseconds (negative when `b` is before `a`), read in
 * `a`'s zone: `businessTimeBetween(a, addBusinessTime(a, d)) === d` for every `d`.
 *
 * @example
 * businessTimeBetween('2025-03-07T16:00[Europe/London]', '2025-03-10T17:00[Europe/London]', cal) //=> 32_400_000 (1 h + 8 h)
 */
export function businessTimeBetween(a: DateInput, b: DateInput, calendar: BusinessCalendar, options?: BusinessTimeOptions): number {
  const from = read(a, calendar, options, 'a');
  return workBetween(from.schedule, from.zone, from.ms, toDateTime(b, 'b').toMillis());
}

/**
 * True when the business clock runs at `date`: an interval is open from its start, inclusive,
 * to its end, exclusive (17:00 on 09:00–17:00 is closed).
 *
 * @example
 * isWithinBusinessHours('2025-03-10T09:00[Europe/London]', cal) //=> true
 * isWithinBusinessHours('2025-03-10T17:00[Europe/London]', cal) //=> false
 */
export function isWithinBusinessHours(date: DateInput, calendar: BusinessCalendar, options?: BusinessTimeOptions): boolean {
  const { ms, zone, schedule } = read(date, calendar, options);
  return workBetween(schedule, zone, ms, ms + 1) === 1;
}

/**
 * The instant the business clock next runs from: `date` itself inside working hours, else the
 * next opening (a holiday, a weekend and a night all skipped).
 *
 * @example
 * nextBusinessOpen('2025-03-07T17:30[Europe/London]', cal).toISO() //=> '2025-03-10T09:00:00.000+00:00'
 */
export function nextBusinessOpen(date: DateInput, calendar: BusinessCalendar, options?: BusinessTimeOptions): DateTime {
  const { dt, ms, zone, schedule } = read(date, calendar, options);
  // The first working millisecond at or after `ms` ends where one ms of business time is reached.
  const open = workBetween(schedule, zone, ms, ms + 1) === 1 ? ms : addWork(schedule, zone, ms, 1) - 1;
  if (!inSupportedRange(open)) fail('OUT_OF_RANGE', ['date'], messages.instantOutOfRange());
  return DateTime.fromMillis(open, { zone: dt.zone });
}
