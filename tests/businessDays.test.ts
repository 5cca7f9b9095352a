/**
 * Business-day arithmetic, business days and roll-over in deadline rules, calendars as stored and
 * the edges of n, how a date is read (a Date or epoch milliseconds in UTC, an RFC 9557
 * annotation, epoch milliseconds that look like a year), and plain calendar objects that
 * createCalendar() did not make, frozen or not.
 * Dates from a calendar: Thu 1 Jan 1970; Fri 7 Mar 2025; Fri 19, Mon 22 and Wed 24 Dec 2025. New
 * York is on EST (UTC−5) in December.
 */
import { DateTime } from 'luxon';
import {
  addBusinessDays,
  businessDaysBetween,
  createCalendar,
  createUltimatum,
  deadlineOf,
  explain,
  isBusinessDay,
  isUltimatumError,
  nextBusinessDay,
  previousBusinessDay,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, issuesOf, utc } from './helpers.js';

const christmas = createCalendar({ holidays: ['2025-12-25', '2026-01-01'] });
const cal = createCalendar();
const DAY = 86_400_000;

describe('business-day arithmetic (SPEC §2.4)', () => {
  it('5 business days from Fri 19 Dec 2025, with 25 Dec and 1 Jan off, is Mon 29 Dec', () => {
    // Mon 22 (1), Tue 23 (2), Wed 24 (3), Thu 25 holiday, Fri 26 (4), Sat, Sun, Mon 29 (5).
    expect(addBusinessDays('2025-12-19', 5, christmas).toISODate()).toBe('2025-12-29');
    expect(businessDaysBetween('2025-12-19', '2025-12-29', christmas)).toBe(5);
  });

  it('counts backwards without counting the start', () => {
    expect(addBusinessDays('2025-12-29', -5, christmas).toISODate()).toBe('2025-12-19');
    expect(addBusinessDays('2025-12-27', -1, christmas).toISODate()).toBe('2025-12-26'); // from a Saturday
    expect(businessDaysBetween('2025-12-29', '2025-12-19', christmas)).toBe(-5);
  });

  it('counts a < d <= b', () => {
    expect(businessDaysBetween('2025-12-19', '2025-12-19', christmas)).toBe(0);
    expect(businessDaysBetween('2025-12-19', '2025-12-21', christmas)).toBe(0); // Sat, Sun
    expect(businessDaysBetween('2025-12-24', '2025-12-26', christmas)).toBe(1); // Thu holiday, Fri
    expect(businessDaysBetween('2025-12-26', '2026-01-05', christmas)).toBe(5); // 29, 30, 31, 2, 5
  });

  it('knows business days, and the next and previous ones', () => {
    expect(isBusinessDay('2025-12-25', christmas)).toBe(false);
    expect(isBusinessDay('2025-12-27', christmas)).toBe(false);
    expect(isBusinessDay('2025-12-26', christmas)).toBe(true);
    expect(nextBusinessDay('2025-12-24', christmas).toISODate()).toBe('2025-12-26');
    expect(previousBusinessDay('2025-12-29', christmas).toISODate()).toBe('2025-12-26');
    expect(nextBusinessDay('2025-12-31', christmas).toISODate()).toBe('2026-01-02');
  });

  it('keeps the input zone and wall-clock time, across DST', () => {
    // Fri 7 Mar 2025 12:00 EST; clocks go forward on Sun 9 Mar; Mon 10 Mar 12:00 EDT.
    const friday = DateTime.fromISO('2025-03-07T12:00', { zone: 'America/New_York' });
    const monday = addBusinessDays(friday, 1, createCalendar());
    expect(monday.toISO()).toBe('2025-03-10T12:00:00.000-04:00');
    expect(monday.zoneName).toBe('America/New_York');
    expect(addBusinessDays('2025-03-07T12:00+05:30', 1, createCalendar()).toISO()).toBe('2025-03-10T12:00:00.000+05:30');
  });

  it('takes any weekend: Friday–Saturday, Sunday only, six-day weeks', () => {
    const gulf = createCalendar({ weekend: [5, 6] });
    expect(addBusinessDays('2025-12-18', 1, gulf).toISODate()).toBe('2025-12-21'); // Thu → Sun
    const sundayOnly = createCalendar({ weekend: [7] });
    expect(addBusinessDays('2025-12-19', 2, sundayOnly).toISODate()).toBe('2025-12-22'); // Fri → Sat → Mon
    const oneDay = createCalendar({ weekend: [1, 2, 3, 4, 5, 6] });
    expect(addBusinessDays('2025-12-19', 3, oneDay).toISODate()).toBe('2026-01-04'); // Sundays 21 Dec, 28 Dec, 4 Jan
  });

  it('costs the same for 100 000 days: 100 000 Mon–Fri business days are exactly 20 000 weeks', () => {
    expect(addBusinessDays('2025-12-22', 100_000, createCalendar()).toISODate()).toBe(
      DateTime.fromISO('2025-12-22', { zone: 'utc' }).plus({ weeks: 20_000 }).toISODate(),
    );
  });

  it('refuses a week with no business day, bad dates and bad counts', () => {
    const codeAndPath = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (isUltimatumError(e)) return [e.code, e.issues[0]?.path];
      }
      return undefined;
    };
    expect(codeAndPath(() => createCalendar({ weekend: [1, 2, 3, 4, 5, 6, 7] }))).toEqual(['INVALID_INPUT', ['weekend']]);
    expect(codeAndPath(() => createCalendar({ weekend: [0] }))).toEqual(['INVALID_INPUT', ['weekend', 0]]);
    expect(codeAndPath(() => createCalendar({ holidays: ['2025-02-30'] }))).toEqual(['INVALID_INPUT', ['holidays', 0]]);
    expect(codeAndPath(() => addBusinessDays('2025-12-19', 1.5, christmas))).toEqual(['INVALID_INPUT', ['n']]);
    expect(codeAndPath(() => addBusinessDays('nope', 1, christmas))).toEqual(['INVALID_DATE', ['date']]);
  });
});

describe('business days and roll-over in deadline rules (SPEC §2.4, §2.5)', () => {
  const court = { holidays: ['2025-12-25', '2026-01-01'] };

  it('{ businessDays: 5 } from Fri 19 Dec 2025 12:00 is Mon 29 Dec 12:00', () => {
    const u = createUltimatum(base({ issuedAt: '2025-12-19T12:00', calendar: court, deadline: { after: { businessDays: 5 } } }));
    expect(deadlineOf(u, '2025-12-20')?.toMillis()).toBe(utc(2025, 12, 29, 17));
    expect(explain(u, '2025-12-20')[0]?.rule).toBe('+5 business days in America/New_York');
  });

  it('with endOfDay, the end of the last business day', () => {
    const u = createUltimatum(
      base({ issuedAt: '2025-12-19T12:00', calendar: court, deadline: { after: { businessDays: 5 }, endOfDay: true } }),
    );
    expect(deadlineOf(u, '2025-12-20')?.toISO()).toBe('2025-12-30T00:00:00.000-05:00');
  });

  it('14 days after Thu 11 Dec 2025 falls on Christmas: rolled to Fri 26 Dec, end of day (FRCP 6(a)(1)(C))', () => {
    const u = createUltimatum(
      base({
        issuedAt: '2025-12-11T10:00',
        calendar: court,
        deadline: { after: { days: 14 }, endOfDay: true, rollover: 'next-business-day' },
      }),
    );
    expect(deadlineOf(u, '2025-12-12')?.toISO()).toBe('2025-12-27T00:00:00.000-05:00');
    expect(explain(u, '2025-12-12')[0]?.rule).toBe(
      '+14 calendar days in America/New_York; Thu 25 Dec 2025 is a holiday → Fri 26 Dec 2025, then to the end of that day',
    );
  });

  it('rolls over a weekend forwards or backwards, naming each day', () => {
    // Wed 3 Dec 2025 + 10 days = Sat 13 Dec.
    const rolled = (rollover: 'next-business-day' | 'previous-business-day') =>
      createUltimatum(base({ issuedAt: '2025-12-03T12:00', deadline: { after: { days: 10 }, rollover } }));
    expect(deadlineOf(rolled('next-business-day'), '2025-12-04')?.toISO()).toBe('2025-12-15T12:00:00.000-05:00');
    expect(deadlineOf(rolled('previous-business-day'), '2025-12-04')?.toISO()).toBe('2025-12-12T12:00:00.000-05:00');
    expect(explain(rolled('next-business-day'), '2025-12-04')[0]?.rule).toBe(
      '+10 calendar days in America/New_York; Sat 13 Dec 2025 is a weekend day, Sun 14 Dec 2025 is a weekend day → Mon 15 Dec 2025',
    );
  });

  it('does not roll a business day', () => {
    const u = createUltimatum(base({ issuedAt: '2025-12-01T12:00', deadline: { after: { days: 10 }, rollover: 'next-business-day' } }));
    expect(deadlineOf(u, '2025-12-02')?.toISO()).toBe('2025-12-11T12:00:00.000-05:00');
  });

  it('extends by business days', () => {
    const u = createUltimatum(
      base({
        issuedAt: '2025-12-01T12:00',
        calendar: court,
        deadline: { at: '2025-12-24T12:00' },
        events: [{ type: 'extend', at: '2025-12-10', by: { businessDays: 2 } }],
      }),
    );
    expect(deadlineOf(u, '2025-12-11')?.toISO()).toBe('2025-12-29T12:00:00.000-05:00'); // 26, 29
  });
});

describe('calendars as stored, and the edges of n', () => {
  it('sorts and de-duplicates holidays, and sorts the weekend', () => {
    const cal = createCalendar({ weekend: [7, 6], holidays: ['2026-01-01', '2025-12-25', '2025-12-25'] });
    expect(cal).toEqual({ weekend: [6, 7], holidays: ['2025-12-25', '2026-01-01'] });
  });

  it('takes up to 2 000 000 business days, and no more', () => {
    // 2 000 000 Mon–Fri days are exactly 400 000 weeks: from Mon 1 Jan 0001 to a Monday in year 7667.
    const far = addBusinessDays('0001-01-01', 2_000_000, createCalendar());
    expect(far.toISODate()).toBe(DateTime.fromISO('0001-01-01', { zone: 'utc' }).plus({ weeks: 400_000 }).toISODate());
    expect(() => addBusinessDays('0001-01-01', 2_000_001, createCalendar())).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: ['n'] })] }),
    );
  });

  it('reads a Date or epoch ms in UTC, whatever the machine zone', () => {
    const friday = Date.UTC(2025, 11, 19, 23);
    for (const input of [new Date(friday), friday]) {
      const monday = addBusinessDays(input, 1, createCalendar());
      expect(monday.toISO()).toBe('2025-12-22T23:00:00.000Z');
      expect(monday.zone.isUniversal).toBe(true);
    }
  });

  it('refuses a count that is not a whole number within ±2 000 000, with one message', () => {
    const message = 'must be a whole number of business days between -2000000 and 2000000';
    for (const n of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '1', 2_000_001, -2_000_001]) {
      expect(issuesOf(() => addBusinessDays('2025-12-19', n as number, cal))).toEqual([
        { code: 'INVALID_INPUT', path: ['n'], message },
      ]);
    }
  });

  it('adding 0 business days gives back the very DateTime passed in', () => {
    const dt = DateTime.fromISO('2025-12-20T12:00', { zone: 'America/New_York' }); // a Saturday
    expect(addBusinessDays(dt, 0, cal)).toBe(dt);
  });
});

describe('business-day functions: how a date is read', () => {
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

    it('epoch milliseconds are milliseconds, even when their digits read as an ISO year', () => {
      // 2025 ms after the epoch is Thu 1 Jan 1970 00:00:02.025Z, not 1 Jan 2025.
      expect(addBusinessDays(2025, 1, cal).toMillis()).toBe(DAY + 2025);
      expect(addBusinessDays(2025, 0, cal).toMillis()).toBe(2025);
      // Thu 1 Jan 1970 → Mon 5 Jan: Fri 2 and Mon 5.
      expect(businessDaysBetween(2025, '1970-01-05', cal)).toBe(2);
    });
  });

  it('a date-only string with a zone annotation is the start of that day in the zone', () => {
    // luxon cannot parse a date-only string with an annotation, so the instant the library reads is
    // used: 19 Dec 2025 starts at 00:00 EST = 05:00Z, still Friday 19 Dec in UTC; +1 business day
    // is Mon 22 Dec 00:00 EST = 05:00Z.
    expect(isBusinessDay('2025-12-19[America/New_York]', cal)).toBe(true);
    expect(addBusinessDays('2025-12-19[America/New_York]', 1, cal).toMillis()).toBe(utc(2025, 12, 22, 5));
    // The bracketed zone is kept: Sat 20 Dec in Paris is no business day, though 23:00 UTC the day
    // before is a Friday; and a written offset is kept over luxon's guess for an ambiguous hour
    // (01:30 on 2 Nov 2025 in New York happened twice: −04:00 first, then −05:00).
    expect(isBusinessDay('2025-12-20[Europe/Paris]', cal)).toBe(false);
    expect(addBusinessDays('2025-12-19T10:00+01:00[Europe/Paris]', 1, cal).toISO()).toBe('2025-12-22T10:00:00.000+01:00');
    expect(addBusinessDays('2025-11-02T01:30-04:00[America/New_York]', 0, cal).toMillis()).toBe(utc(2025, 11, 2, 5, 30));
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
