import { DateTime, Duration } from 'luxon';
import { createUltimatum, deadlineOf, status } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utc } from './helpers.js';

const deadlineMs = (input: Parameters<typeof base>[0]) => status(createUltimatum(base(input)), utc(2000, 1, 1)).deadlineMs;

describe('calendar durations (SPEC §2.2)', () => {
  it('50 days from Mon 14 Jul 2025 12:00 New York is Tue 2 Sep 2025 12:00 EDT', () => {
    const u = createUltimatum(base());
    const d = deadlineOf(u, '2025-07-20T12:00');
    expect(d?.toISO()).toBe('2025-09-02T12:00:00.000-04:00');
    expect(d?.weekdayShort).toBe('Tue');
  });

  it('10 calendar days across the DST change keep 12:00; 240 hours land at 13:00', () => {
    // 1 Mar 2025 12:00 EST is 17:00Z; clocks go forward on 9 Mar.
    const calendar = deadlineMs({ issuedAt: '2025-03-01T12:00', deadline: { after: { days: 10 } } });
    const exact = deadlineMs({ issuedAt: '2025-03-01T12:00', deadline: { after: { hours: 240 } } });
    expect(calendar).toBe(utc(2025, 3, 11, 16)); // 12:00 EDT
    expect(exact).toBe(utc(2025, 3, 11, 17)); // 13:00 EDT = 17:00Z + 240 h
  });

  it('reads ISO 8601 durations and luxon Durations the same as units', () => {
    const expected = utc(2025, 9, 2, 16);
    expect(deadlineMs({ deadline: { after: 'P50D' } })).toBe(expected);
    expect(deadlineMs({ deadline: { after: Duration.fromObject({ days: 50 }) } })).toBe(expected);
    expect(deadlineMs({ deadline: { after: 'PT48H' } })).toBe(utc(2025, 7, 16, 16));
    expect(deadlineMs({ deadline: { after: { weeks: 2 } } })).toBe(utc(2025, 7, 28, 16));
  });

  it('a month after 31 January is the last day of February', () => {
    expect(deadlineMs({ issuedAt: '2025-01-31T12:00', deadline: { after: { months: 1 } } })).toBe(utc(2025, 2, 28, 17));
  });

  it('a fractional day adds its fraction as exact time', () => {
    expect(deadlineMs({ deadline: { after: { days: 1.5 } } })).toBe(utc(2025, 7, 16, 4));
  });

  it('a calendar day landing in the spring-forward gap moves forward by the gap', () => {
    // 8 Mar 2025 02:30 EST + 1 day = 9 Mar 02:30, which does not exist: 03:30 EDT = 07:30Z.
    expect(deadlineMs({ issuedAt: '2025-03-08T02:30', deadline: { after: { days: 1 } } })).toBe(utc(2025, 3, 9, 7, 30));
  });

  it('a calendar day landing on a repeated hour takes the first of the two', () => {
    // 1 Nov 2025 01:30 EDT + 1 day = 2 Nov 01:30, which happens twice: the first is EDT, 05:30Z.
    expect(deadlineMs({ issuedAt: '2025-11-01T01:30', deadline: { after: { days: 1 } } })).toBe(utc(2025, 11, 2, 5, 30));
  });

  it('counts from `from` when given', () => {
    expect(deadlineMs({ deadline: { after: { days: 10 }, from: '2025-07-29T12:00' } })).toBe(utc(2025, 8, 8, 16));
  });
});

describe('instants (SPEC §2.1)', () => {
  it('reads a string without offset in the zone, with an offset as written', () => {
    expect(createUltimatum(base({ issuedAt: '2025-07-14T12:00' })).issuedAt).toBe('2025-07-14T12:00:00-04:00');
    expect(createUltimatum(base({ issuedAt: '2025-07-14T12:00Z' })).issuedAt).toBe('2025-07-14T08:00:00-04:00');
    expect(createUltimatum(base({ issuedAt: '2025-07-14T12:00+02:00' })).issuedAt).toBe('2025-07-14T06:00:00-04:00');
  });

  it('accepts Date, epoch milliseconds and luxon DateTime', () => {
    const ms = utc(2025, 7, 14, 16);
    for (const issuedAt of [new Date(ms), ms, DateTime.fromMillis(ms, { zone: 'Asia/Tokyo' })]) {
      expect(createUltimatum(base({ issuedAt })).issuedAt).toBe('2025-07-14T12:00:00-04:00');
    }
  });

  it('a date-only issue instant is the start of that day', () => {
    expect(createUltimatum(base({ issuedAt: '2025-07-14' })).issuedAt).toBe('2025-07-14T00:00:00-04:00');
  });

  it('a wall-clock time that happens twice is the earlier instant, whenever the code runs', () => {
    expect(createUltimatum(base({ issuedAt: '2025-11-02T01:30' })).issuedAt).toBe('2025-11-02T01:30:00-04:00');
  });

  it('a wall-clock time skipped by DST moves forward by the gap', () => {
    expect(createUltimatum(base({ issuedAt: '2025-03-09T02:30' })).issuedAt).toBe('2025-03-09T03:30:00-04:00');
  });

  it('defaults the zone to UTC', () => {
    const { zone: _zone, ...noZone } = base();
    const u = createUltimatum(noZone);
    expect(u.zone).toBe('UTC');
    expect(u.issuedAt).toBe('2025-07-14T12:00:00+00:00');
  });
});

describe('end of day (SPEC §2.1, §2.3)', () => {
  it('a date-only deadline means the end of that day: the start of the next', () => {
    expect(deadlineMs({ deadline: { at: '2025-09-02' } })).toBe(utc(2025, 9, 3, 4));
  });

  it('endOfDay moves a computed deadline to the start of the next day', () => {
    expect(deadlineMs({ deadline: { after: { days: 50 }, endOfDay: true } })).toBe(utc(2025, 9, 3, 4));
  });

  it('the end of 7 Sep 2024 in America/Santiago is 2024-09-08T01:00-03:00 (midnight does not exist)', () => {
    const u = createUltimatum(base({ zone: 'America/Santiago', issuedAt: '2024-09-01', deadline: { at: '2024-09-07' } }));
    expect(deadlineOf(u, '2024-09-02')?.toISO()).toBe('2024-09-08T01:00:00.000-03:00');
    expect(deadlineOf(u, '2024-09-02')?.toMillis()).toBe(utc(2024, 9, 8, 4));
  });

  it('the end of a day in a zone whose clocks went back at midnight is the first midnight', () => {
    // America/Santiago, 6 Apr 2024: clocks go back from 24:00 (-03) to 23:00 (-04) on the 6th,
    // so 7 Apr starts once, at 00:00 -04:00 = 04:00Z.
    const u = createUltimatum(base({ zone: 'America/Santiago', issuedAt: '2024-04-01', deadline: { at: '2024-04-06' } }));
    expect(deadlineOf(u, '2024-04-02')?.toMillis()).toBe(utc(2024, 4, 7, 4));
  });

  it('keeps a date-only deadline as a date in the stored document', () => {
    expect(createUltimatum(base({ deadline: { at: '2025-09-02' } })).deadline).toEqual({ at: '2025-09-02' });
  });
});

describe('a midnight inside a gap that began the evening before (America/Toronto, 1919)', () => {
  // tz database: "Rule Toronto 1919 only - Mar 30 23:30 1:00 D". At 23:30 EST (−05:00) on Sun 30
  // March 1919, 04:30Z, the clocks went to 00:30 EDT (−04:00) on Mon 31 March: 31 March had no
  // 00:00, and its first instant is 00:30 EDT = 04:30Z — not 01:00 EDT (05:00Z), where reading
  // midnight with the earlier offset would land. The only such gap in the tz database.
  // (1 Jan 1919 was a Wednesday: so Thu 27, Fri 28, Sun 30 and Mon 31 March 1919.)
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

describe('windows (SPEC §2.6)', () => {
  const windowed = createUltimatum(
    base({ issuedAt: '2025-07-28T12:00', deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } } }),
  );

  it('is overdue only at `latest`, and says when it is in the window', () => {
    const before = status(windowed, '2025-08-07T11:59');
    expect(before.deadline?.toISO()).toBe('2025-08-09T12:00:00.000-04:00');
    expect(before.window?.earliest.toISO()).toBe('2025-08-07T12:00:00.000-04:00');
    expect(before.inWindow).toBe(false);
    const inside = status(windowed, '2025-08-07T12:00');
    expect([inside.inWindow, inside.phase]).toEqual([true, 'active']);
    const last = status(windowed, utc(2025, 8, 9, 16) - 1);
    expect([last.inWindow, last.phase]).toEqual([true, 'active']);
    const after = status(windowed, '2025-08-09T12:00');
    expect([after.inWindow, after.phase, after.overdueMs]).toEqual([false, 'expired', 0]);
  });

  it('a window of two instants', () => {
    const u = createUltimatum(base({ deadline: { between: ['2025-08-07', '2025-08-09'] } }));
    const s = status(u, '2025-08-08T12:00');
    expect(s.window?.earliest.toMillis()).toBe(utc(2025, 8, 8, 4));
    expect(s.deadlineMs).toBe(utc(2025, 8, 10, 4));
    expect(s.inWindow).toBe(true);
  });
});

describe('the deadline is the first overdue instant (SPEC §1)', () => {
  it('one millisecond before it is active, at it expired', () => {
    const u = createUltimatum(base());
    const deadline = utc(2025, 9, 2, 16);
    expect(status(u, deadline - 1).phase).toBe('active');
    expect(status(u, deadline - 1).remainingMs).toBe(1);
    expect(status(u, deadline).phase).toBe('expired');
    expect(status(u, deadline).remainingMs).toBe(0);
    expect(status(u, deadline).overdueMs).toBe(0);
  });
});
