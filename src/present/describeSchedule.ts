import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../rules/businessDays.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Words for a calendar's working hours, runs of weekdays with the same hours together:
 * "Mon–Fri 09:00–17:00", "Mon–Thu 09:00–17:00, Fri 09:00–13:00".
 *
 * @example
 * describeHours({ mon: ['09:00-17:00'], tue: ['09:00-17:00'] }) //=> 'Mon–Tue 09:00–17:00'
 */
export function describeHours(hours: NonNullable<BusinessCalendar['hours']>): string {
  const text = DAYS.map((d) => (hours[d] ?? []).map((t) => t.replace('-', '–')).join(', '));
  const runs: string[] = [];
  for (let i = 0; i < 7; i++) {
    if (text[i] === '') continue;
    let j = i;
    while (j + 1 < 7 && text[j + 1] === text[i]) j++;
    runs.push(`${NAMES[i]}${j > i ? `–${NAMES[j]}` : ''} ${text[i]}`);
    i = j;
  }
  return runs.join(', ');
}

/**
 * Words for the business time of a rule: the hours, the zone, and the holidays between two
 * instants (those the rule stepped over), e.g. "Mon–Fri 09:00–17:00 Europe/London; 25 Dec is a holiday".
 *
 * @example
 * describeSchedule({ weekend: [6, 7], holidays: ['2025-12-25'], hours }, 'Europe/London', fromMs, toMs)
 * //=> 'Mon–Fri 09:00–17:00 Europe/London; 25 Dec is a holiday'
 */
export function describeSchedule(
  calendar: { readonly hours?: BusinessCalendar['hours']; readonly holidays?: readonly string[] | undefined } | undefined,
  zoneName: string,
  fromMs: number,
  toMs: number,
): string {
  const hours = calendar?.hours === undefined ? 'business days around the clock' : describeHours(calendar.hours);
  const from = DateTime.fromMillis(fromMs, { zone: zoneName }).toISODate() ?? '';
  const to = DateTime.fromMillis(toMs, { zone: zoneName }).toISODate() ?? '';
  const passed = (calendar?.holidays ?? []).filter((d) => d >= from && d <= to);
  const day = (d: string) => DateTime.fromISO(d, { zone: 'utc' }).setLocale('en-GB').toFormat('d LLL');
  const named = passed.length === 0 ? '' : `; ${passed.map(day).join(', ')} ${passed.length === 1 ? 'is a holiday' : 'are holidays'}`;
  return `${hours} ${zoneName}${named}`;
}
