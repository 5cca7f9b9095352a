/**
 * Mutation-test gaps in the rules layer and its messages: the first instant of a day whose
 * midnight falls inside a gap that began the evening before; how the business-day functions read
 * a date (an RFC 9557 annotation, epoch milliseconds that look like a year, a bad count); how
 * long user text is cut in messages; spans of several units in explain(); and the messages of
 * holidayCalendar's years, toICS's milestones.at and formatCountdown's locale.
 *
 * Dates from a calendar: 1 Jan 1919 was a Wednesday, so Thu 27, Sun 30 and Mon 31 March 1919;
 * Thu 1 Jan 1970; Mon 3 Mar 2025; Fri 19 and Mon 22 Dec 2025. New York is on EST (UTC−5) in
 * December.
 */
import { DateTime } from 'luxon';
import {
  addBusinessDays,
  type Countdown,
  businessDaysBetween,
  createCalendar,
  createUltimatum,
  deadlineOf,
  explain,
  formatCountdown,
  isBusinessDay,
  pause,
  resume,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';
import { toICS } from '../src/adapters/ics.js';
import { base, issuesOf, utc, utcCase } from './helpers.js';

const DAY = 86_400_000;

describe('a midnight inside a gap that began the evening before (America/Toronto, 1919)', () => {
  // tz database: "Rule Toronto 1919 only - Mar 30 23:30 1:00 D". At 23:30 EST (−05:00) on Sun 30
  // March 1919, 04:30Z, the clocks went to 00:30 EDT (−04:00) on Mon 31 March: 31 March had no
  // 00:00, and its first instant is 00:30 EDT = 04:30Z — not 01:00 EDT (05:00Z), where reading
  // midnight with the earlier offset would land. The only such gap in the tz database.
  const firstOf31March = utc(1919, 3, 31, 4, 30);
  const toronto = (over: Parameters<typeof base>[0]) => createUltimatum(base({ zone: 'America/Toronto', ...over }));

  it('a date-only deadline on the 30th ends at the first instant of the 31st', () => {
    const u = toronto({ issuedAt: '1919-03-01T12:00', deadline: { at: '1919-03-30' } });
    const d = deadlineOf(u, '1919-03-02');
    expect(d?.toMillis()).toBe(firstOf31March);
    expect(d?.toISO()).toBe('1919-03-31T00:30:00.000-04:00');
  });

  it('a date-only issue date on the 31st starts at 00:30 EDT', () => {
    expect(toronto({ issuedAt: '1919-03-31', deadline: { after: { days: 1 } } }).issuedAt).toBe('1919-03-31T00:30:00-04:00');
  });

  it('endOfDay after calendar days that reach the 30th', () => {
    // Fri 28 Mar 12:00 + 2 calendar days = Sun 30 Mar 12:00; its end is the start of the 31st.
    const u = toronto({ issuedAt: '1919-03-28T12:00', deadline: { after: { days: 2 }, endOfDay: true } });
    expect(deadlineOf(u, '1919-03-29')?.toMillis()).toBe(firstOf31March);
  });

  it('endOfDay after business days that reach the 30th (Friday–Saturday weekend)', () => {
    // Thu 27 Mar + 1 business day: Fri 28 and Sat 29 are the weekend, so Sun 30; its end as above.
    const u = toronto({
      issuedAt: '1919-03-27T12:00',
      calendar: { weekend: [5, 6] },
      deadline: { after: { businessDays: 1 }, endOfDay: true },
    });
    expect(deadlineOf(u, '1919-03-28')?.toMillis()).toBe(firstOf31March);
  });
});

describe('business-day functions: how a date is read', () => {
  const cal = createCalendar();

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

  it('epoch milliseconds are milliseconds, even when their digits read as an ISO year', () => {
    // 2025 ms after the epoch is Thu 1 Jan 1970 00:00:02.025Z, not 1 Jan 2025.
    expect(addBusinessDays(2025, 1, cal).toMillis()).toBe(DAY + 2025);
    expect(addBusinessDays(2025, 0, cal).toMillis()).toBe(2025);
    // Thu 1 Jan 1970 → Mon 5 Jan: Fri 2 and Mon 5.
    expect(businessDaysBetween(2025, '1970-01-05', cal)).toBe(2);
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

describe('messages', () => {
  it('quote user text of exactly 80 characters whole, and cut only longer text', () => {
    const zoneMessage = (zone: string) => issuesOf(() => createUltimatum(utcCase({ zone }))).map((i) => [i.code, i.path, i.message]);
    const eighty = 'A'.repeat(80);
    expect(zoneMessage(eighty)).toEqual([['INVALID_ZONE', ['zone'], `"${eighty}" is not a known IANA time zone`]]);
    expect(zoneMessage(`${eighty}B`)).toEqual([['INVALID_ZONE', ['zone'], `"${eighty}…" is not a known IANA time zone`]]);
  });

  it('explain() writes a span of several units with spaces between them', () => {
    // Paused Tue 4 Mar 09:00 to Wed 5 Mar 11:03:04: 1 day 2 hours 3 minutes 4 seconds, and the
    // deadline, Thu 13 Mar 09:00 UTC, moves by as much, to Fri 14 Mar 11:03:04.
    const span = '1 day 2 hours 3 minutes 4 seconds';
    const paused = pause(createUltimatum(utcCase()), { at: '2025-03-04T09:00' });
    const resumed = explain(resume(paused, { at: '2025-03-05T11:03:04' }), '2025-03-06').at(-1);
    expect(resumed?.rule).toBe(`paused ${span}: the deadline moves later by ${span}`);
    expect(resumed?.result?.toMillis()).toBe(utc(2025, 3, 14, 11, 3) + 4_000);
    const still = explain(paused, '2025-03-05T11:03:04').at(-1);
    expect(still?.rule).toBe(`paused ${span} so far: the deadline has moved later by ${span} while the clock is stopped`);
  });

  it('holidayCalendar: a span of years too long is refused before date-holidays is loaded', () => {
    // A span of calendar years is no duration: INVALID_INPUT, as the TSDoc of holidayCalendar says.
    expect(issuesOf(() => holidayCalendar('US', undefined, { years: [2000, 2200] }))).toEqual([
      { code: 'INVALID_INPUT', path: ['options', 'years'], message: 'must be [from, to] with from <= to, spanning at most 200 years' },
    ]);
  });

  it('toICS: milestones.at is refused with the reason', () => {
    const issue = issuesOf(() => toICS(createUltimatum(base()), { milestones: { at: '2025-08-01' } as never }));
    expect(issue).toEqual([
      {
        code: 'INVALID_INPUT',
        path: ['milestones', 'at'],
        message: 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"',
      },
    ]);
  });

  it('formatCountdown: a locale Intl refuses is named in the message', () => {
    const c: Countdown = { totalMs: 1_000, past: false, days: 0, hours: 0, minutes: 0, seconds: 1, milliseconds: 0 };
    for (const style of ['long', 'digital'] as const) {
      expect(issuesOf(() => formatCountdown(c, { locale: 'not a tag', style }))).toEqual([
        { code: 'INVALID_INPUT', path: ['locale'], message: '"not a tag" is not a valid BCP 47 language tag' },
      ]);
    }
  });
});
