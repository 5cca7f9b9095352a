import { DateTime, type IANAZone } from 'luxon';

/**
 * Writes an instant for people, in its zone, the way `explain()` and `timeline()` do:
 * weekday, day, month, year, 24-hour time and the zone's abbreviation.
 *
 * @example
 * formatInstant(Date.UTC(2025, 8, 2, 16), zoneFor('America/New_York')!) //=> 'Tue 2 Sep 2025 12:00 EDT'
 */
export function formatInstant(ms: number, zone: IANAZone): string {
  return DateTime.fromMillis(ms, { zone }).setLocale('en-US').toFormat('ccc d LLL yyyy HH:mm ZZZZ');
}
