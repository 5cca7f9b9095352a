/**
 * Business-day functions given what createCalendar() did not make — a plain calendar object,
 * frozen or not — and dates given as a JavaScript Date or epoch milliseconds (read in UTC).
 * Dates from a calendar: Wed 24 Dec 2025, Fri 7 Mar 2025.
 */
import { addBusinessDays, businessDaysBetween, createCalendar, isBusinessDay, nextBusinessDay } from 'ultimatum';
import { describe, expect, it } from 'vitest';

const christmas = createCalendar({ holidays: ['2025-12-25'] });

describe('dates as a Date or epoch milliseconds', () => {
  it('are read in UTC and keep their time of day', () => {
    // Wed 24 Dec 2025 17:00Z + 1 business day: Thu 25 is a holiday, so Fri 26 Dec 17:00Z.
    const fromDate = addBusinessDays(new Date(Date.UTC(2025, 11, 24, 17)), 1, christmas);
    expect([fromDate.toMillis(), fromDate.zoneName]).toEqual([Date.UTC(2025, 11, 26, 17), 'UTC']);
    const fromMs = nextBusinessDay(Date.UTC(2025, 11, 24, 17), christmas);
    expect(fromMs.toMillis()).toBe(Date.UTC(2025, 11, 26, 17));
    // Wed 24 → Mon 29 Dec: Fri 26 and Mon 29 (Thu 25 a holiday, 27–28 the weekend).
    expect(businessDaysBetween(new Date(Date.UTC(2025, 11, 24)), Date.UTC(2025, 11, 29), christmas)).toBe(2);
  });
});

describe('plain calendar objects', () => {
  it('work like created ones, frozen or not, and a frozen one gives the same answer again', () => {
    // A Friday–Saturday weekend: Fri 7 Mar 2025 is not a business day, Sun 9 Mar is.
    const plain = { weekend: [5, 6], holidays: [] as string[] };
    const frozen = Object.freeze({ weekend: Object.freeze([5, 6]), holidays: Object.freeze(['2025-03-09']) });
    expect([isBusinessDay('2025-03-07', plain), isBusinessDay('2025-03-09', plain)]).toEqual([false, true]);
    expect([isBusinessDay('2025-03-07', frozen), isBusinessDay('2025-03-09', frozen), isBusinessDay('2025-03-10', frozen)]).toEqual([
      false,
      false,
      true,
    ]);
    // Thu 6 Mar + 1: Fri and Sat are the weekend, Sun 9 a holiday: Mon 10 Mar.
    expect(addBusinessDays('2025-03-06', 1, frozen).toISODate()).toBe('2025-03-10');
  });

  it('a plain calendar changed between calls is read again', () => {
    const plain = { weekend: [6, 7], holidays: [] as string[] };
    expect(isBusinessDay('2025-03-07', plain)).toBe(true);
    plain.holidays.push('2025-03-07');
    expect(isBusinessDay('2025-03-07', plain)).toBe(false);
  });
});
