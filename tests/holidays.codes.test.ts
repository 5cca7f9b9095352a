/**
 * ultimatum/holidays with the real date-holidays: country and region codes. Codes with spaces and
 * in any case (a Turkish lower case included) name the same calendar, as do types in any order;
 * calendars of other arguments are kept side by side in the cache; a region date-holidays does not
 * know is refused with the regions it does (at most 30 of them, a state's as STATE-REGION, none
 * under a state that has none). Every calendar is made inside its test, each test with its own
 * years, so that no result cached by another test hides what this one checks. Dates are checked by
 * hand against the law or a calendar, as noted at each.
 */
import { isUltimatumError } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';
import { thrown, thrownBy } from './holidaysHarness.js';

describe('holidayCalendar: codes with spaces and in any case share one calendar', () => {
  it('" us " is the United States, and the same calendar as "US"', () => {
    // 2027: Juneteenth (Sat 19 Jun) observed Fri 18, Independence Day (Sun 4 Jul) Mon 5,
    // Christmas (Sat 25 Dec) Fri 24, and New Year's Day 2028 (a Saturday) Fri 31 Dec 2027.
    const spaced = holidayCalendar(' us ', undefined, { years: [2027, 2027] });
    expect(spaced.holidays).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-06-19',
      '2027-07-04',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-25',
      '2027-12-31',
    ]);
    expect(holidayCalendar('US', undefined, { years: [2027, 2027] })).toBe(spaced);
  });

  it('" by " is Bavaria, and the same calendar as "BY"', () => {
    // Bavaria 2024 (Easter 31 Mar): Epiphany, Good Friday, Easter Monday, Ascension, Whit Monday
    // and Corpus Christi besides the national days; 15 Aug only where Catholics are the majority.
    const spaced = holidayCalendar('de', ' by ', { years: [2024, 2024] });
    expect(spaced.holidays).toEqual([
      '2024-01-01',
      '2024-01-06',
      '2024-03-29',
      '2024-04-01',
      '2024-05-01',
      '2024-05-09',
      '2024-05-20',
      '2024-05-30',
      '2024-10-03',
      '2024-11-01',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(holidayCalendar('DE', 'BY', { years: [2024, 2024] })).toBe(spaced);
  });

  it('a code lower-cased under a Turkish locale ("NI" → "nı") is still Lower Saxony, the same calendar', () => {
    const turkish = 'NI'.toLocaleLowerCase('tr');
    expect(turkish).toBe('n\u0131');
    const ni = holidayCalendar('DE', turkish, { years: [2023, 2023] });
    // Lower Saxony 2023 (Easter 9 Apr): Reformation Day (31 Oct) a holiday since 2018.
    expect(ni.holidays).toEqual([
      '2023-01-01',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-18',
      '2023-05-29',
      '2023-10-03',
      '2023-10-31',
      '2023-12-25',
      '2023-12-26',
    ]);
    expect(holidayCalendar('DE', 'NI', { years: [2023, 2023] })).toBe(ni);
  });

  it('types in any order, repeated or not, are the same calendar', () => {
    const wider = holidayCalendar('US', undefined, { years: [2026, 2026], types: ['optional', 'public'] });
    expect(holidayCalendar('US', undefined, { years: [2026, 2026], types: ['public', 'optional', 'public'] })).toBe(wider);
    expect(wider.holidays).toContain('2026-12-24'); // Christmas Eve (optional), a Thursday
    expect(wider.holidays).toContain('2026-12-25');
  });

  it('an unknown region of a state lists that state\'s regions as STATE-REGION', () => {
    const e = thrownBy(() => holidayCalendar('DE', 'BY-Q', { years: [2024, 2024] }));
    expect(isUltimatumError(e) && e.issues).toMatchObject([
      {
        code: 'INVALID_INPUT',
        path: ['region'],
        message: '"BY-Q" is not a region of DE that date-holidays knows: use one of "BY-A", "BY-KATH", "BY-EVANG"',
      },
    ]);
  });
});

describe('holidayCalendar: unknown regions', () => {
  it('lists at most 30 regions in the message, then "…" (the US has 50 states and DC)', () => {
    const e = thrown(() => holidayCalendar('US', 'ZZ', { years: [2025, 2025] }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: ['region'] });
    expect(e.message).toMatch(/^"ZZ" is not a region of US that date-holidays knows: use one of ("[A-Z]{2}", ){30}…$/);
  });

  it('refuses a region under a state that has none (Berlin), at region', () => {
    const e = thrown(() => holidayCalendar('DE', 'BE-X', { years: [2025, 2025] }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: ['region'] });
    expect(e.message.startsWith('"BE-X" is not a region')).toBe(true);
  });
});

describe('holidayCalendar: the cache', () => {
  it('keeps more than one calendar', () => {
    const y2021 = holidayCalendar('US', undefined, { years: [2021, 2021] });
    const y2022 = holidayCalendar('US', undefined, { years: [2022, 2022] });
    expect(holidayCalendar('US', undefined, { years: [2021, 2021] })).toBe(y2021);
    expect(holidayCalendar('US', undefined, { years: [2022, 2022] })).toBe(y2022);
    // New Year's Day 2022 was a Saturday: observed Fri 31 Dec 2021 (5 U.S.C. 6103(b)(1)).
    expect(y2021.holidays).toContain('2021-12-31');
    expect(y2022.holidays).not.toContain('2021-12-31');
  });
});
