/**
 * addBusinessDays: ultimatum against luxon-business-days, date-fns and a single luxon `plus`, on
 * the same start and the same holiday list (US federal holidays 2025–2030, observed dates).
 *
 * Run with `npm run bench` (vitest bench, then scripts/write-benchmarks.mjs writes BENCHMARKS.md).
 * The case names and the `n=…` group names are read by that script: keep them in step.
 */
import { createRequire } from 'node:module';
import { addBusinessDays as dateFnsAddBusinessDays } from 'date-fns';
import { DateTime } from 'luxon';
import { addBusinessDays, createCalendar } from 'ultimatum';
import { bench, describe } from 'vitest';

// ---------------------------------------------------------------------------------------------
// Holidays: the 11 US federal holidays a year, 2025–2030, on their observed dates (a Saturday
// holiday is observed the Friday before, a Sunday one the Monday after). 66 dates.

const DAY_MS = 86_400_000;

/** UTC midnight of the `nth` `weekday` (0 = Sunday … 6 = Saturday) of a month; `nth` -1 = last. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): Date {
  if (nth > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1));
    const offset = (weekday - first.getUTCDay() + 7) % 7;
    return new Date(first.getTime() + (offset + 7 * (nth - 1)) * DAY_MS);
  }
  const last = new Date(Date.UTC(year, month, 0));
  const offset = (last.getUTCDay() - weekday + 7) % 7;
  return new Date(last.getTime() - offset * DAY_MS);
}

function observed(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay();
  if (weekday === 6) return new Date(date.getTime() - DAY_MS);
  if (weekday === 0) return new Date(date.getTime() + DAY_MS);
  return date;
}

function usFederalHolidays(year: number): Date[] {
  return [
    observed(year, 1, 1), // New Year's Day
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(year, 6, 19), // Juneteenth
    observed(year, 7, 4), // Independence Day
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(year, 11, 11), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving Day
    observed(year, 12, 25), // Christmas Day
  ];
}

const HOLIDAYS: string[] = [];
for (let year = 2025; year <= 2030; year++) {
  for (const date of usFederalHolidays(year)) HOLIDAYS.push(date.toISOString().slice(0, 10));
}

// ---------------------------------------------------------------------------------------------
// The same inputs for every library.

/** Fri 7 Mar 2025, 17:00 New York: n = 10 crosses the DST change of 9 March. */
const START = DateTime.fromISO('2025-03-07T17:00:00', { zone: 'America/New_York' });
const START_JS = START.toJSDate();
const CALENDAR = createCalendar({ holidays: HOLIDAYS });
const COUNTS = [10, 1_000, 100_000] as const;

// luxon-business-days is CommonJS and patches the prototype of the DateTime that
// `require('luxon')` returns — luxon's CJS build, a different class from the ESM DateTime
// imported above (the dual-package hazard). So its start is the same instant, zone and wall
// time, rebuilt from its own DateTime class. (It ships no types: loaded through createRequire.)
type HolidayMatcher = (dt: BusinessDateTime) => boolean;
interface BusinessDateTime extends DateTime {
  plusBusiness(options?: { days?: number }): BusinessDateTime;
  setupBusiness(options: { businessDays?: number[]; holidayMatchers?: HolidayMatcher[] }): void;
}
interface LuxonBusinessDays {
  DateTime: { fromMillis(ms: number, options: { zone: string }): BusinessDateTime };
}
const require = createRequire(import.meta.url);
const lbd = require('luxon-business-days') as LuxonBusinessDays;
const LBD_START = lbd.DateTime.fromMillis(START.toMillis(), { zone: 'America/New_York' });

// Its holidays are matcher functions; the fairest one for a fixed list is a Set lookup on
// year·month·day (no formatting, no allocation). Weekdays Monday–Friday, as ours.
const HOLIDAY_KEYS = new Set(HOLIDAYS.map((iso) => Number(iso.replaceAll('-', ''))));
const isListedHoliday: HolidayMatcher = (dt) => HOLIDAY_KEYS.has(dt.year * 10_000 + dt.month * 100 + dt.day);
LBD_START.setupBusiness({ businessDays: [1, 2, 3, 4, 5], holidayMatchers: [isListedHoliday] });

// Sanity: both holiday-aware libraries give the same answer (the day-by-day walk is too slow to
// check at n = 100 000 here; the unit tests cover ours).
if (LBD_START.toISO() !== START.toISO()) throw new Error(`start mismatch: ${LBD_START.toISO()} vs ${START.toISO()}`);
for (const n of [10, 1_000]) {
  const ours = addBusinessDays(START, n, CALENDAR).toISO();
  const theirs = LBD_START.plusBusiness({ days: n }).toISO();
  if (ours !== theirs) throw new Error(`n=${n}: ultimatum ${ours} vs luxon-business-days ${theirs}`);
}

// ---------------------------------------------------------------------------------------------

/** Results go here so that no call can be optimised away. */
let sink: unknown;

const FAST = { time: 2_000, warmupTime: 300 } as const;
/** luxon-business-days walks n days with a luxon `plus` each (~25 ms at n = 1 000). */
function slowOptions(n: number) {
  if (n <= 10) return { time: 1_000, iterations: 10, warmupTime: 200, warmupIterations: 5 };
  if (n <= 1_000) return { time: 2_000, iterations: 10, warmupTime: 0, warmupIterations: 2 };
  // ~2.5–4 s a call at n = 100 000: 1 warm-up and 3 measured calls; the rme of 3 samples is wide.
  return { time: 0, iterations: 3, warmupTime: 0, warmupIterations: 1 };
}

for (const n of COUNTS) {
  describe(`addBusinessDays n=${n}`, () => {
    bench(
      'ultimatum addBusinessDays',
      () => {
        sink = addBusinessDays(START, n, CALENDAR);
      },
      FAST,
    );
    bench(
      'luxon-business-days plusBusiness',
      () => {
        sink = LBD_START.plusBusiness({ days: n });
      },
      slowOptions(n),
    );
    bench(
      'date-fns addBusinessDays (no holidays)',
      () => {
        sink = dateFnsAddBusinessDays(START_JS, n);
      },
      FAST,
    );
    bench(
      'luxon DateTime.plus (floor)',
      () => {
        sink = START.plus({ days: n });
      },
      FAST,
    );
    // Not a target: the one `plus` ours does internally, to the date ours lands on (n business
    // days span more calendar days than n, and the landing date can have another UTC offset,
    // which costs luxon a second Intl offset lookup).
    const span = Math.round(addBusinessDays(START, n, CALENDAR).diff(START, 'days').days);
    bench(
      'luxon DateTime.plus to the same date',
      () => {
        sink = START.plus({ days: span });
      },
      FAST,
    );
  });
}

export { sink };
