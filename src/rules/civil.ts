/**
 * Proleptic Gregorian dates as integers: epoch days ↔ year, month, day, with no Date, luxon or
 * Intl call (the algorithms of Howard Hinnant's "chrono-compatible low-level date algorithms").
 * Wall-clock milliseconds are a local date and time read as if it were UTC.
 */
/** A day of wall-clock (or UTC) time, in ms. */
export const DAY_MS = 86_400_000;

/**
 * The epoch day (days since 1970-01-01) of a proleptic Gregorian date; `month` 1–12.
 *
 * @example
 * epochDayOfCivil(2025, 7, 14) //=> 20283
 */
export function epochDayOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The proleptic Gregorian date of an epoch day.
 *
 * @example
 * civilOfEpochDay(20283) //=> { year: 2025, month: 7, day: 14 }
 */
export function civilOfEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Days in a month of the proleptic Gregorian calendar.
 *
 * @example
 * daysInMonth(2024, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Adds years, months and days to a wall-clock time as luxon's `plus` does in UTC: years and
 * months first, the day of the month clamped to the month reached (31 Jan + 1 month = 28 Feb),
 * then the days; the time of day is kept. All three must be integers.
 *
 * @example
 * addCalendarUnits(Date.UTC(2025, 0, 31, 12), 0, 1, 0) //=> Date.UTC(2025, 1, 28, 12)
 */
export function addCalendarUnits(wallMs: number, years: number, months: number, days: number): number {
  const epochDay = Math.floor(wallMs / DAY_MS);
  const timeOfDay = wallMs - epochDay * DAY_MS;
  if (years === 0 && months === 0) return (epochDay + days) * DAY_MS + timeOfDay;
  const date = civilOfEpochDay(epochDay);
  const monthIndex = date.year * 12 + (date.month - 1) + years * 12 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(date.day, daysInMonth(year, month));
  return (epochDayOfCivil(year, month, day) + days) * DAY_MS + timeOfDay;
}
