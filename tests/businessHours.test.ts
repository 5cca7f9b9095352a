/**
 * Business hours, computed by hand from the rules the README states: the clock runs inside the
 * calendar's intervals (start inclusive, end exclusive), on the wall clock of the zone; a time
 * reached exactly at a closing is that closing instant (as Zendesk and Jira report it); an interval
 * on a DST day has its real length (a skipped hour is not worked, a repeated one is worked twice).
 */
import {
  addBusinessTime,
  businessTimeBetween,
  createCalendar,
  isUltimatumError,
  isWithinBusinessHours,
  nextBusinessOpen,
  type WeeklyHours,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { caught } from './refusal.js';

const H = 3_600_000;
const M = 60_000;
const nineToFive = ['09:00-17:00'];
const weekdays: WeeklyHours = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
const office = createCalendar({ hours: weekdays });
const allWeek = ['00:00-24:00'];
const london = (local: string) => `${local}[Europe/London]`;
const ny = (local: string) => `${local}[America/New_York]`;
const iso = (d: { toISO(): string | null }) => d.toISO();

describe('adding business hours on Mon–Fri 09:00–17:00', () => {
  it('8 h from Fri 16:00 is Mon 16:00: 1 h on Friday, 7 h on Monday', () => {
    expect(iso(addBusinessTime(london('2025-03-07T16:00'), { hours: 8 }, office))).toBe('2025-03-10T16:00:00.000+00:00');
  });

  it('9 h from Fri 16:00 ends at the close, Mon 17:00 (the closing instant, not Tue 09:00)', () => {
    // 1 h Friday + 8 h Monday = 9 h, used up exactly at 17:00.
    expect(iso(addBusinessTime(london('2025-03-07T16:00'), { hours: 9 }, office))).toBe('2025-03-10T17:00:00.000+00:00');
    // One minute more runs into Tuesday's opening.
    expect(iso(addBusinessTime(london('2025-03-07T16:00'), { hours: 9, minutes: 1 }, office))).toBe('2025-03-11T09:01:00.000+00:00');
  });

  it('skips a holiday: with Mon 10 Mar off, 8 h from Fri 16:00 is Tue 16:00', () => {
    const cal = createCalendar({ hours: weekdays, holidays: ['2025-03-10'] });
    expect(iso(addBusinessTime(london('2025-03-07T16:00'), { hours: 8 }, cal))).toBe('2025-03-11T16:00:00.000+00:00');
  });

  it('starting outside hours starts at the next opening', () => {
    // Sat 08:00 → Mon 09:00 + 2 h.
    expect(iso(addBusinessTime(london('2025-03-08T08:00'), { hours: 2 }, office))).toBe('2025-03-10T11:00:00.000+00:00');
    // Mon 07:00 → 09:00 + 30 min.
    expect(iso(addBusinessTime(london('2025-03-10T07:00'), { minutes: 30 }, office))).toBe('2025-03-10T09:30:00.000+00:00');
  });

  it('counts back with a negative duration: Mon 09:30 − 1 h is Fri 16:30', () => {
    expect(iso(addBusinessTime(london('2025-03-10T09:30'), { hours: -1 }, office))).toBe('2025-03-07T16:30:00.000+00:00');
  });

  it('adds nothing for zero, even outside hours', () => {
    expect(iso(addBusinessTime(london('2025-03-08T08:00'), {}, office))).toBe('2025-03-08T08:00:00.000+00:00');
  });

  it('40 000 h are exactly 1 000 weeks of 40 h: from Mon 09:00 to the Friday close of the 1 000th week', () => {
    // Mon 6 Jan 2025 09:00 UTC; 999 whole weeks (6 993 days) then Mon–Fri of week 1 000 (4 more days), at 17:00.
    const end = addBusinessTime('2025-01-06T09:00Z', { hours: 40_000 }, office, { zone: 'UTC' });
    expect(end.toMillis()).toBe(Date.UTC(2025, 0, 6 + 6_997, 17));
  });
});

describe('DST: an interval on a DST day has its real length', () => {
  it('London, spring forward (Sun 30 Mar 2025, 01:00 → 02:00): Fri 16:00 GMT + 8 h is Mon 16:00 BST, 71 h later', () => {
    const end = addBusinessTime(london('2025-03-28T16:00'), { hours: 8 }, office);
    expect(iso(end)).toBe('2025-03-31T16:00:00.000+01:00');
    // Fri 16:00 to Mon 16:00 is 72 h of wall clock; the clocks went forward an hour: 71 h elapsed (Mon 15:00Z).
    expect(end.toMillis() - Date.UTC(2025, 2, 28, 16)).toBe(71 * H);
  });

  it('London: a day worked around the clock is 23 h in spring and 25 h in autumn', () => {
    const cal = createCalendar({ hours: { mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek, sun: allWeek } });
    expect(businessTimeBetween(london('2025-03-30T00:00'), london('2025-03-31T00:00'), cal)).toBe(23 * H);
    expect(businessTimeBetween(london('2025-10-26T00:00'), london('2025-10-27T00:00'), cal)).toBe(25 * H);
  });

  it('New York, spring forward (Sun 9 Mar 2025, 02:00 → 03:00): Sun 00:00–06:00 is 5 h; autumn (2 Nov) 7 h', () => {
    const cal = createCalendar({ hours: { ...weekdays, sun: ['00:00-06:00'] } });
    expect(businessTimeBetween(ny('2025-03-09T00:00'), ny('2025-03-09T12:00'), cal)).toBe(5 * H);
    expect(businessTimeBetween(ny('2025-11-02T00:00'), ny('2025-11-02T12:00'), cal)).toBe(7 * H);
    // 5 h from Sun 00:00 EST end at 06:00 EDT, 10:00Z.
    expect(iso(addBusinessTime(ny('2025-03-09T00:00'), { hours: 5 }, cal))).toBe('2025-03-09T06:00:00.000-04:00');
  });

  it('New York: Fri 16:00 EST + 8 h is Mon 16:00 EDT (20:00Z)', () => {
    expect(addBusinessTime(ny('2025-03-07T16:00'), { hours: 8 }, office).toMillis()).toBe(Date.UTC(2025, 2, 10, 20));
  });

  it('a night shift across the London change: Sat 29 Mar 22:00 – Sun 06:00 is 7 h; 26 Oct 9 h', () => {
    const cal = createCalendar({ hours: { sat: ['22:00-06:00'] } });
    expect(businessTimeBetween(london('2025-03-29T12:00'), london('2025-03-30T12:00'), cal)).toBe(7 * H);
    expect(businessTimeBetween(london('2025-10-25T12:00'), london('2025-10-26T12:00'), cal)).toBe(9 * H);
  });
});

describe('several intervals a day, night shifts and overrides', () => {
  it('a lunch break stops the clock: Mon 12:00 + 1 h on 09:00–12:30, 13:30–17:00 is 14:00', () => {
    const lunch = ['09:00-12:30', '13:30-17:00'];
    const cal = createCalendar({ hours: { mon: lunch, tue: lunch } });
    // 12:00–12:30 (30 min), then 13:30–14:00 (30 min).
    expect(iso(addBusinessTime(london('2025-03-10T12:00'), { hours: 1 }, cal))).toBe('2025-03-10T14:00:00.000+00:00');
    expect(isWithinBusinessHours(london('2025-03-10T12:45'), cal)).toBe(false);
    expect(iso(nextBusinessOpen(london('2025-03-10T12:45'), cal))).toBe('2025-03-10T13:30:00.000+00:00');
  });

  it('an interval crossing midnight belongs to the day it starts: Mon 23:00 + 10 h on 22:00–06:00 is Wed 01:00', () => {
    const shift = ['22:00-06:00'];
    const cal = createCalendar({ hours: { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift } });
    // Mon 23:00 → Tue 06:00 is 7 h; Tue 22:00 + 3 h is Wed 01:00.
    expect(iso(addBusinessTime(london('2025-03-03T23:00'), { hours: 10 }, cal))).toBe('2025-03-05T01:00:00.000+00:00');
    // Sat 02:00 is still Friday's shift; Sun 02:00 is no one's.
    expect(isWithinBusinessHours(london('2025-03-08T02:00'), cal)).toBe(true);
    expect(isWithinBusinessHours(london('2025-03-09T02:00'), cal)).toBe(false);
  });

  it('a half-day override: Wed 24 Dec 2025 09:00–12:00, Christmas and Boxing Day off, 10:00 + 8 h is Mon 29 Dec 15:00', () => {
    const cal = createCalendar({ hours: weekdays, holidays: ['2025-12-25', '2025-12-26'], overrides: { '2025-12-24': ['09:00-12:00'] } });
    // Wed 10:00–12:00 (2 h); Thu, Fri holidays; Sat, Sun; Mon 09:00 + 6 h.
    expect(iso(addBusinessTime(london('2025-12-24T10:00'), { hours: 8 }, cal))).toBe('2025-12-29T15:00:00.000+00:00');
    expect(businessTimeBetween(london('2025-12-22T00:00'), london('2025-12-29T00:00'), cal)).toBe((8 + 8 + 3) * H);
  });

  it('an override can open a weekend day or a holiday', () => {
    const cal = createCalendar({ hours: weekdays, holidays: ['2025-12-26'], overrides: { '2025-12-26': ['10:00-11:00'], '2025-12-27': ['10:00-12:00'] } });
    expect(businessTimeBetween(london('2025-12-26T00:00'), london('2025-12-28T00:00'), cal)).toBe(3 * H);
  });
});

describe('without hours, business days are worked around the clock', () => {
  it('Mon 3 Mar 2025 09:00 to Wed 5 Mar 10:00 is 49 h (15 + 24 + 10)', () => {
    expect(businessTimeBetween(london('2025-03-03T09:00'), london('2025-03-05T10:00'), createCalendar())).toBe(49 * H);
  });

  it('a weekend counts for nothing: Fri 12:00 to Mon 12:00 is 24 h', () => {
    expect(businessTimeBetween(london('2025-03-07T12:00'), london('2025-03-10T12:00'), createCalendar())).toBe(24 * H);
  });
});

describe('measuring, and asking about an instant', () => {
  it('businessTimeBetween is exact to the ms and signed', () => {
    expect(businessTimeBetween(london('2025-03-07T16:00'), london('2025-03-10T17:00'), office)).toBe(9 * H);
    expect(businessTimeBetween(london('2025-03-10T17:00'), london('2025-03-07T16:00'), office)).toBe(-9 * H);
    expect(businessTimeBetween(london('2025-03-10T09:00:00.001'), london('2025-03-10T09:00:00.003'), office)).toBe(2);
  });

  it('an interval is open from its start to just before its end', () => {
    expect(isWithinBusinessHours(london('2025-03-10T09:00'), office)).toBe(true);
    expect(isWithinBusinessHours(london('2025-03-10T16:59:59.999'), office)).toBe(true);
    expect(isWithinBusinessHours(london('2025-03-10T17:00'), office)).toBe(false);
    expect(isWithinBusinessHours(london('2025-03-08T12:00'), office)).toBe(false);
  });

  it('nextBusinessOpen is the instant itself when open, else the next opening', () => {
    expect(iso(nextBusinessOpen(london('2025-03-10T10:00'), office))).toBe('2025-03-10T10:00:00.000+00:00');
    expect(iso(nextBusinessOpen(london('2025-03-07T17:00'), office))).toBe('2025-03-10T09:00:00.000+00:00');
    const cal = createCalendar({ hours: weekdays, holidays: ['2025-12-25', '2025-12-26'] });
    expect(iso(nextBusinessOpen(london('2025-12-24T18:00'), cal))).toBe('2025-12-29T09:00:00.000+00:00');
  });

  it('reads the hours in the zone option, and answers in it', () => {
    // 09:00 in Tokyo is 00:00Z: Mon 10 Mar 00:00Z + 1 h is 10:00 JST.
    expect(iso(addBusinessTime('2025-03-10T00:00Z', { hours: 1 }, office, { zone: 'Asia/Tokyo' }))).toBe('2025-03-10T10:00:00.000+09:00');
  });

  it('a fixed offset is read as such', () => {
    expect(iso(addBusinessTime('2025-03-10T16:00+02:00', { hours: 2 }, office))).toBe('2025-03-11T10:00:00.000+02:00');
  });
});

describe('refusals', () => {
  const reasonOf = (f: () => unknown) => {
    const e = caught(f);
    if (!isUltimatumError(e)) throw new Error('expected an UltimatumError');
    return e.issues.map((i) => [i.code, i.path, i.reason]);
  };

  it('refuses overlapping intervals, across midnight too', () => {
    expect(reasonOf(() => createCalendar({ hours: { mon: ['09:00-17:00', '16:00-18:00'] } }))).toEqual([['INVALID_INPUT', ['hours', 'mon', 1], 'overlapping_hours']]);
    expect(reasonOf(() => createCalendar({ hours: { mon: ['22:00-10:00'], tue: nineToFive } }))).toEqual([['INVALID_INPUT', ['hours', 'mon'], 'overlapping_hours']]);
    expect(reasonOf(() => createCalendar({ hours: weekdays, overrides: { '2025-03-09': ['20:00-10:00'] } }))).toEqual([
      ['INVALID_INPUT', ['overrides', '2025-03-09'], 'overlapping_hours'],
    ]);
  });

  it('refuses what is no interval, hours on a weekend day, a week without work, a date that is none', () => {
    expect(reasonOf(() => createCalendar({ hours: { mon: ['9:00-17:00'] } }))).toEqual([['INVALID_INPUT', ['hours', 'mon', 0], 'not_an_interval']]);
    expect(reasonOf(() => createCalendar({ hours: { mon: ['09:00-09:00'] } }))).toEqual([['INVALID_INPUT', ['hours', 'mon', 0], 'not_an_interval']]);
    expect(reasonOf(() => createCalendar({ hours: { sat: nineToFive }, weekend: [6, 7] }))).toEqual([['INVALID_INPUT', ['hours', 'sat'], 'hours_on_weekend']]);
    expect(reasonOf(() => createCalendar({ hours: {}, weekend: [6, 7] }))).toEqual([['INVALID_INPUT', ['hours'], 'no_working_hours']]);
    expect(reasonOf(() => createCalendar({ hours: weekdays, overrides: { '2025-02-30': [] } }))).toEqual([['INVALID_INPUT', ['overrides', '2025-02-30'], 'not_a_calendar_date']]);
  });

  it('refuses a duration that is not hours and minutes, and leaves the input alone', () => {
    const duration = { hours: 1, days: 2 };
    expect(reasonOf(() => addBusinessTime(london('2025-03-10T09:00'), duration as never, office))).toEqual([['INVALID_DURATION', ['duration', 'days'], 'unknown_field']]);
    expect(duration).toEqual({ hours: 1, days: 2 });
    expect(reasonOf(() => addBusinessTime(london('2025-03-10T09:00'), { hours: Number.NaN }, office))).toEqual([['INVALID_DURATION', ['duration', 'hours'], 'not_finite']]);
    expect(reasonOf(() => addBusinessTime(london('2025-03-10T09:00'), 5 as never, office))).toEqual([['INVALID_DURATION', ['duration'], 'wrong_type']]);
    expect(reasonOf(() => addBusinessTime(london('2025-03-10T09:00'), { hours: 1 }, office, { zone: 'Mars/Base' }))).toEqual([['INVALID_ZONE', ['zone'], 'unknown_zone']]);
  });

  it('refuses a result past the supported range, either way', () => {
    const mondays = createCalendar({ hours: { mon: nineToFive } });
    expect(reasonOf(() => addBusinessTime(london('9999-12-01T09:00'), { hours: 80_000 }, mondays))).toEqual([['OUT_OF_RANGE', ['duration'], 'instant_out_of_range']]);
    expect(reasonOf(() => addBusinessTime(london('0002-01-01T09:00'), { hours: -80_000 }, mondays))).toEqual([['OUT_OF_RANGE', ['duration'], 'instant_out_of_range']]);
    // 10^10 h of Mondays is 24 million years: refused from the estimate, with no zone compiled out
    // to the end of what a Date holds (which never finished going forward).
    expect(reasonOf(() => addBusinessTime(london('2025-01-06T09:00'), { hours: 1e10 }, mondays))).toEqual([['OUT_OF_RANGE', ['duration'], 'instant_out_of_range']]);
    expect(reasonOf(() => addBusinessTime(london('2025-01-06T09:00'), { hours: -1e10 }, mondays))).toEqual([['OUT_OF_RANGE', ['duration'], 'instant_out_of_range']]);
  });

  it('keeps hours on the calendar it returns, frozen', () => {
    const cal = createCalendar({ hours: { mon: nineToFive }, overrides: { '2025-12-24': ['09:00-12:00'] } });
    expect(cal.hours).toEqual({ mon: nineToFive });
    expect(cal.weekend).toEqual([2, 3, 4, 5, 6, 7]);
    expect(cal.overrides).toEqual({ '2025-12-24': ['09:00-12:00'] });
    expect(Object.isFrozen(cal)).toBe(true);
    expect(Object.isFrozen(cal.hours?.mon)).toBe(true);
    expect(Object.isFrozen(cal.overrides)).toBe(true);
  });
});

describe('far from the first range the clock was read in', () => {
  it('100 years of Mondays: 5 200 Mondays of 8 h from Wed 1 Jan 2025 end on the 5 200th Monday at 17:00', () => {
    // First Monday: 6 Jan 2025; the 5 200th is 5 199 weeks (36 393 days) later; August, so BST.
    const mondays = createCalendar({ hours: { mon: nineToFive } });
    const end = addBusinessTime(london('2025-01-01T09:00'), { hours: 8 * 5_200 }, mondays);
    expect(end.toMillis()).toBe(Date.UTC(2025, 0, 6 + 36_393, 16));
    // And back again, through the same widened ledger.
    expect(businessTimeBetween(end, london('2025-01-01T09:00'), mondays)).toBe(-8 * 5_200 * H);
  });
});

describe('the figures are exact multiples of the minute where the hours are', () => {
  it('15 min from 16:50 on Friday is Mon 09:05', () => {
    expect(addBusinessTime(london('2025-03-07T16:50'), { minutes: 15 }, office).toMillis() - Date.UTC(2025, 2, 10, 9)).toBe(5 * M);
  });
});
