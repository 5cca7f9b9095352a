/**
 * ultimatum/holidays with the real date-holidays: how the holidays it gives are read into days.
 * A holiday on the night the clocks go back, a half-day holiday, a rule that refers to a holiday of
 * a type not asked for, and the strict reading of date-holidays' wall-clock dates and lengths (its
 * `getHolidays` stubbed for three tests). Every calendar is made inside its test, each test with
 * its own years, so that no result cached by another test hides what this one checks. Dates are
 * checked by hand against the law or a calendar, as noted at each.
 */
import { createRequire } from 'node:module';
import { isBusinessDay, isUltimatumError } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';
import { type Raw, thrownBy } from './holidaysHarness.js';

describe('holidayCalendar: how much of a day a holiday covers', () => {
  it('Austria 2025: National Day falls on the night the clocks go back (25 h), and stays one day', () => {
    // Feiertagsruhegesetz 1957, § 1 (Easter 20 Apr 2025). Sun 26 Oct 2025 lasted 25 hours in
    // Vienna; its last hour must not make Mon 27 Oct a holiday.
    const at = holidayCalendar('AT', undefined, { years: [2025, 2025] });
    expect(at.holidays).toEqual([
      '2025-01-01', // Neujahr
      '2025-01-06', // Heilige Drei Könige
      '2025-04-21', // Ostermontag
      '2025-05-01', // Staatsfeiertag
      '2025-05-29', // Christi Himmelfahrt
      '2025-06-09', // Pfingstmontag
      '2025-06-19', // Fronleichnam
      '2025-08-15', // Mariä Himmelfahrt
      '2025-10-26', // Nationalfeiertag
      '2025-11-01', // Allerheiligen
      '2025-12-08', // Mariä Empfängnis
      '2025-12-25', // Christtag
      '2025-12-26', // Stefanitag
    ]);
    expect(isBusinessDay('2025-10-27', at)).toBe(true);
  });

  it('Solothurn: 1 May is a holiday from 12:00 only, exactly half the day: a business day', () => {
    const so = holidayCalendar('CH', 'SO', { years: [2025, 2025] });
    expect(so.holidays).not.toContain('2025-05-01');
    expect(isBusinessDay('2025-05-01', so)).toBe(true);
    expect(so.holidays).toContain('2025-08-01'); // Swiss National Day, the whole day
  });
});

describe('holidayCalendar: what date-holidays gives is read strictly', () => {
  /** The class holidays.ts loads (date-holidays' CJS build). */
  const dateHolidays = () =>
    createRequire(import.meta.url)('date-holidays') as { prototype: { getHolidays(year: number): Raw[] } };
  /** date-holidays' getHolidays answering `raw` for `year`, nothing for the others. */
  const giving = (year: number, raw: Raw) =>
    vi.spyOn(dateHolidays().prototype, 'getHolidays').mockImplementation((y: number) => (y === year ? [raw] : []));
  const H = 3_600_000;
  const unreadable = (date: string) =>
    `date-holidays gave a holiday dated ${JSON.stringify(date)}, which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)`;
  const issues = (fn: () => unknown) => {
    const e = thrownBy(fn);
    return isUltimatumError(e) ? e.issues : e;
  };

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a holiday of no length, or of negative length: UNSUPPORTED', () => {
    const start = new Date(Date.UTC(2101, 6, 4, 4));
    giving(2101, { date: '2101-07-04 00:00:00', start, end: start, type: 'public' });
    expect(issues(() => holidayCalendar('US', undefined, { years: [2101, 2101] }))).toMatchObject([
      { code: 'UNSUPPORTED', path: [], message: unreadable('2101-07-04 00:00:00') },
    ]);
    vi.restoreAllMocks();
    giving(2102, { date: '2102-07-04 00:00:00', start, end: new Date(start.getTime() - H), type: 'public' });
    expect(issues(() => holidayCalendar('US', undefined, { years: [2102, 2102] }))).toMatchObject([
      { code: 'UNSUPPORTED', path: [], message: unreadable('2102-07-04 00:00:00') },
    ]);
  });

  it('a date that does not begin with its year: UNSUPPORTED', () => {
    const start = new Date(Date.UTC(2103, 6, 4, 4));
    giving(2103, { date: ' 2103-07-04 00:00:00', start, end: new Date(start.getTime() + 24 * H), type: 'public' });
    expect(issues(() => holidayCalendar('US', undefined, { years: [2103, 2103] }))).toMatchObject([
      { code: 'UNSUPPORTED', path: [], message: unreadable(' 2103-07-04 00:00:00') },
    ]);
  });

  it('the seconds of the wall clock count', () => {
    // From 00:00:50 on 4 Jul, 36 h less 20 s: to 12:00:30 on 5 Jul, 30 s more than half of it.
    const start = new Date(Date.UTC(2104, 6, 4, 4, 0, 50));
    giving(2104, { date: '2104-07-04 00:00:50', start, end: new Date(start.getTime() + 36 * H - 20_000), type: 'public' });
    expect(holidayCalendar('US', undefined, { years: [2104, 2104] }).holidays).toEqual(['2104-07-04', '2104-07-05']);
  });
});

describe('holidayCalendar: rules that refer to holidays of other types', () => {
  it('Glarus: the Näfelser Fahrt (first Thursday of April) moves off Maundy Thursday', () => {
    // Glarus law: the first Thursday of April, a week later when it is Maundy Thursday. Easter 2026
    // is 5 April, so Maundy Thursday is 2 April, the first Thursday: the holiday is Thursday 9 April.
    // In 2025 (Easter 20 April) the first Thursday, 3 April, stands. Maundy Thursday is only an
    // observance, so asking for public holidays must not hide it from the rule that needs it.
    const gl = holidayCalendar('CH', 'GL', { years: [2025, 2026] });
    expect(gl.holidays).toContain('2025-04-03');
    expect(gl.holidays).toContain('2026-04-09');
    expect(gl.holidays).not.toContain('2026-04-02');
  });
});
