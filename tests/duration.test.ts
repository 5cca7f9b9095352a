/**
 * Durations (src/rules/duration.ts) as callers write them and as they are added: the message for
 * each kind of bad unit, the stored form (only the units given, in canonical order), exact units
 * counted from the instant itself in a repeated hour, durations past the supported range with a
 * roll-over asked for, how an explanation names calendar units, and calendar arithmetic that does
 * not depend on luxon's default zone (the zone of the machine).
 */
import { Duration, Settings } from 'luxon';
import { createTracker, createUltimatum, explain, isUltimatumError, milestones, pause, status, type UltimatumInput, withdraw } from 'ultimatum';
import { afterEach, describe, expect, it } from 'vitest';
import { issueTriples as issues, utc, utcCase } from './helpers.js';

const refusedAfter = (a: unknown, more: Record<string, unknown> = {}) =>
  issues(() => createUltimatum(utcCase({ deadline: { after: a, ...more } as UltimatumInput['deadline'] })));

describe('a bad unit is reported at its path with what is wrong with it', () => {
  it('a unit that is not a number at all is "must be a number", not a range problem', () => {
    expect(refusedAfter({ days: '5' })).toEqual([['INVALID_DURATION', ['deadline', 'after', 'days'], 'must be a number']]);
  });

  it('fractional years and months have no single length; fractional business days are not whole', () => {
    expect(refusedAfter({ years: 1.5 })).toEqual([
      ['INVALID_DURATION', ['deadline', 'after', 'years'], 'must be a whole number: fractional years have no single length'],
    ]);
    expect(refusedAfter({ months: 0.5 })).toEqual([
      ['INVALID_DURATION', ['deadline', 'after', 'months'], 'must be a whole number: fractional months have no single length'],
    ]);
    expect(refusedAfter({ businessDays: 2.5 })).toEqual([['INVALID_DURATION', ['deadline', 'after', 'businessDays'], 'must be a whole number']]);
  });

  it('an invalid luxon Duration gives luxon’s reason', () => {
    expect(refusedAfter(Duration.invalid('counted in parsecs'))).toEqual([
      ['INVALID_DURATION', ['deadline', 'after'], 'is an invalid luxon Duration (counted in parsecs)'],
    ]);
  });

  it('null where a duration belongs is not a duration at all (INVALID_INPUT), not an object with bad units', () => {
    // The tracker reads `within` itself, without a schema in front.
    expect(issues(() => createTracker([]).upcoming({ within: null as never }))).toEqual([
      ['INVALID_INPUT', ['within'], 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units'],
    ]);
  });
});

describe('business time is stored as given, alone or as hours and minutes together', () => {
  it('units that are not one whole unit up to 1 000 are kept as they are, in their own object', () => {
    const stored = (after: Record<string, number>) => createUltimatum(utcCase({ deadline: { after } })).deadline.after;
    for (const after of [{ businessDays: 1001 }, { businessHours: 1.5 }, { businessMinutes: 90.5 }, { businessHours: 1, businessMinutes: 30 }, { businessMinutes: 30, businessHours: 1 }]) {
      expect(stored(after)).toStrictEqual(after);
      expect(stored(after)).not.toBe(stored(after));
    }
    // In the canonical order whatever the order given: hours, then minutes.
    expect(Object.keys(stored({ businessMinutes: 30, businessHours: 1 }) as object)).toEqual(['businessHours', 'businessMinutes']);
    // One whole business unit is shared (frozen) like any other.
    expect(stored({ businessDays: 10 })).toBe(stored({ businessDays: 10 }));
  });

  it('a business unit with another kind of unit is refused at the business unit', () => {
    expect(refusedAfter({ businessDays: 2, days: 1 }).map(([code, path]) => [code, path])).toEqual([['INVALID_DURATION', ['deadline', 'after', 'businessDays']]]);
    expect(refusedAfter({ businessMinutes: 30, hours: 1 }).map(([code, path]) => [code, path])).toEqual([['INVALID_DURATION', ['deadline', 'after', 'businessMinutes']]]);
  });
});

describe('a unit that is not enumerable is not a unit given', () => {
  it('is neither kept nor checked, as Object.keys would not list it', () => {
    const hidden = (name: string, value: number) => Object.defineProperty({ hours: 1 }, name, { value, enumerable: false });
    for (const [name, value] of [['days', 5], ['years', 0.5], ['days', -5], ['businessDays', 2]] as const) {
      const u = createUltimatum(utcCase({ deadline: { after: hidden(name, value) } }));
      expect(u.deadline, `${name}: ${value}`).toEqual({ after: { hours: 1 } });
      expect(status(u).deadline?.toISO()).toBe('2025-03-03T10:00:00.000+00:00');
    }
  });

  it('is kept as it was checked (a getter read again may give another value)', () => {
    let reads = 0;
    const after = {
      get years() {
        reads++;
        return reads <= 3 ? 1 : 0.5;
      },
    };
    const u = createUltimatum(utcCase({ deadline: { after } }));
    expect(u.deadline).toEqual({ after: { years: 1 } });
  });
});

describe('the stored form of a duration', () => {
  it('holds only the units given, in canonical order (largest first)', () => {
    const u = createUltimatum(utcCase({ deadline: { after: { minutes: 5, hours: 1, days: 2 } } }));
    const stored = (u.deadline as { after: Record<string, unknown> }).after;
    expect(Object.keys(stored)).toEqual(['days', 'hours', 'minutes']);
    expect(Object.entries(stored)).toEqual([
      ['days', 2],
      ['hours', 1],
      ['minutes', 5],
    ]);
  });
});

describe('exact units count elapsed time from the instant itself', () => {
  it('also from the second 01:30 of the night clocks go back (New York, 2 Nov 2025)', () => {
    // 01:30-05:00 (EST, the repeated 01:30) is 06:30Z; + 1 hour = 07:30Z = 02:30 EST.
    // Read back through the wall clock it would be the first 01:30 (EDT, 05:30Z) + 1 h = 06:30Z.
    const u = createUltimatum(
      utcCase({ zone: 'America/New_York', issuedAt: '2025-11-02T01:30-05:00', deadline: { after: { hours: 1 } } }),
    );
    expect(status(u, '2025-11-02T06:45Z').deadlineMs).toBe(utc(2025, 11, 2, 7, 30));
  });
});

describe('durations past the supported range', () => {
  const message = 'takes the deadline past the supported range (years 1 to 9999)';

  it('are OUT_OF_RANGE also when a roll-over or the end of the day is asked for', () => {
    // 500 000 years from 2025 and 1e306 hours both leave years 1–9999: there is no day to move.
    for (const more of [{ rollover: 'next-business-day' }, { rollover: 'previous-business-day' }, { endOfDay: true }]) {
      expect(refusedAfter({ years: 500_000 }, more)).toEqual([['OUT_OF_RANGE', ['deadline', 'after'], message]]);
      expect(refusedAfter({ hours: 1e306 }, more)).toEqual([['OUT_OF_RANGE', ['deadline', 'after'], message]]);
    }
  });
});

describe('how an explanation names the units', () => {
  it('weeks and days as calendar units, years and months plainly, hours as exact time', () => {
    // Mon 3 Mar 2025 09:00 UTC + 1 year 2 months = 3 May 2026; + 1 week 1 day = 11 May; + 1 h = 10:00.
    const u = createUltimatum(utcCase({ deadline: { after: { years: 1, months: 2, weeks: 1, days: 1, hours: 1 } } }));
    const [step] = explain(u, '2025-03-04');
    expect([step?.rule, step?.result?.toMillis()]).toEqual([
      '+1 year 2 months 1 calendar week 1 calendar day 1 hour in UTC',
      utc(2026, 5, 11, 10),
    ]);
    const plural = createUltimatum(utcCase({ deadline: { after: { years: 2, months: 3 } } }));
    expect(explain(plural, '2025-03-04')[0]?.rule).toBe('+2 years 3 months in UTC');
  });
});

describe('calendar arithmetic does not depend on luxon’s default zone', () => {
  const saved = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = saved;
  });

  it('10 days keep 12:00 on the ultimatum’s clock, whatever zone the machine is in', () => {
    // A machine in New York: its clocks change on 9 Mar 2025, within the 10 days.
    Settings.defaultZone = 'America/New_York';
    // UTC: 1 Mar 12:00 + 10 days = 11 Mar 12:00Z.
    const inUtc = createUltimatum(utcCase({ issuedAt: '2025-03-01T12:00', deadline: { after: { days: 10 } } }));
    expect(status(inUtc, '2025-03-02').deadlineMs).toBe(utc(2025, 3, 11, 12));
    // Tokyo (UTC+9, no DST): 1 Mar 12:00 JST + 10 days = 11 Mar 12:00 JST = 03:00Z.
    const inTokyo = createUltimatum(utcCase({ zone: 'Asia/Tokyo', issuedAt: '2025-03-01T12:00', deadline: { after: { days: 10 } } }));
    expect(status(inTokyo, '2025-03-02').deadlineMs).toBe(utc(2025, 3, 11, 3));
  });
});

/**
 * Durations and instants at their edges: a luxon Duration that lost its class (structuredClone),
 * units given as undefined, durations too long for the supported range, a business day in the
 * singular, an ISO instant with an offset on a day that does not exist, and milestones of business
 * days and of a pause ended by a withdrawal. Dates from a calendar: Mon 3 Mar 2025.
 */
const input = utcCase;

function firstIssue(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return [e.code, e.issues[0]?.path, e.issues[0]?.message];
  }
  throw new Error('did not throw');
}

describe('durations', () => {
  it('a luxon Duration copied by structuredClone is refused as a look-alike', () => {
    const copy = structuredClone(Duration.fromObject({ days: 10 }));
    expect(Duration.isDuration(copy)).toBe(true); // luxon only checks a flag…
    expect(firstIssue(() => createUltimatum(input({ deadline: { after: copy } })))).toEqual([
      'INVALID_DURATION',
      ['deadline', 'after'],
      'looks like a luxon Duration but is not one',
    ]);
  });

  it('a unit given as undefined is left out', () => {
    const u = createUltimatum(input({ deadline: { after: { days: 10, hours: undefined } } }));
    expect(u.deadline).toEqual({ after: { days: 10 } });
  });

  it('durations that go past the year 9999 are OUT_OF_RANGE at their path', () => {
    const outOfRange = (after: UltimatumInput['deadline']) => firstIssue(() => createUltimatum(input({ deadline: after })));
    const message = 'takes the deadline past the supported range (years 1 to 9999)';
    expect(outOfRange({ after: { years: 1_000_000 } })).toEqual(['OUT_OF_RANGE', ['deadline', 'after'], message]);
    expect(outOfRange({ after: { hours: 1e306 } })).toEqual(['OUT_OF_RANGE', ['deadline', 'after'], message]);
    expect(outOfRange({ after: { earliest: { days: 1 }, latest: { months: 100_000 } } })).toEqual([
      'OUT_OF_RANGE',
      ['deadline', 'after', 'latest'],
      message,
    ]);
  });

  it('one business day is "1 business day" in an explanation', () => {
    // Fri 7 Mar 09:00 + 1 business day = Mon 10 Mar 09:00.
    const [step] = explain(createUltimatum(input({ issuedAt: '2025-03-07T09:00', deadline: { after: { businessDays: 1 } } })), '2025-03-08');
    expect([step?.rule, step?.result?.toMillis()]).toEqual(['+1 business day in UTC', utc(2025, 3, 10, 9)]);
  });
});

describe('instants', () => {
  it('an instant with an offset on a day that does not exist is INVALID_DATE, with luxon’s reason', () => {
    const [code, path, message] = firstIssue(() => createUltimatum(input({ issuedAt: '2025-02-30T12:00Z' })));
    expect([code, path]).toEqual(['INVALID_DATE', ['issuedAt']]);
    expect(message).toMatch(/^"2025-02-30T12:00Z" is not a valid date or instant \(.+\)$/);
  });
});

describe('milestones', () => {
  it('"business days left" count back over the weekend, singular and plural', () => {
    // 14 days from Mon 3 Mar 09:00: Mon 17 Mar 09:00. One business day before: Fri 14 Mar; two: Thu 13 Mar.
    const u = createUltimatum(input({ deadline: { after: { days: 14 } } }));
    expect(milestones(u, { fractions: [], before: [{ businessDays: 1 }, { businessDays: 2 }] }).map((m) => [m.label, m.atMs])).toEqual([
      ['2 business days left', utc(2025, 3, 13, 9)],
      ['1 business day left', utc(2025, 3, 14, 9)],
    ]);
  });

  it('the ultimatum’s own fractions, with the default times left when it gives none', () => {
    // 50 days from Mon 3 Mar 09:00 UTC: Tue 22 Apr 09:00. 25 % = 12.5 days: Sat 15 Mar 21:00;
    // default times left: 7 days (Tue 15 Apr), 1 day (Mon 21 Apr), 1 hour (22 Apr 08:00).
    const u = createUltimatum(input({ deadline: { after: { days: 50 } }, milestones: { fractions: [0.25] } }));
    expect(u.milestones).toEqual({ fractions: [0.25] });
    expect(milestones(u).map((m) => [m.label, m.atMs])).toEqual([
      ['25 % of the time elapsed', utc(2025, 3, 15, 21)],
      ['7 days left', utc(2025, 4, 15, 9)],
      ['1 day left', utc(2025, 4, 21, 9)],
      ['1 hour left', utc(2025, 4, 22, 8)],
    ]);
  });

  it('a pause ended by a withdrawal does not count as active time', () => {
    // 10 days of active time; paused 5–7 Mar, then withdrawn on 7 Mar. 10 % of the 10 days is
    // 1 day: Tue 4 Mar 09:00 (were the 2 paused days counted, it would be 1.2 days: 13:48).
    const u = withdraw(pause(createUltimatum(input()), { at: '2025-03-05T09:00' }), { at: '2025-03-07T09:00' });
    expect(milestones(u, { fractions: [0.1], before: [] }).map((m) => [m.label, m.atMs])).toEqual([
      ['10 % of the time elapsed', utc(2025, 3, 4, 9)],
    ]);
  });
});
