/**
 * Durations and instants at their edges: a luxon Duration that lost its class (structuredClone),
 * units given as undefined, durations too long for the supported range, a business day in the
 * singular, an ISO instant with an offset on a day that does not exist, and milestones of business
 * days and of a pause ended by a withdrawal. Dates from a calendar: Mon 3 Mar 2025.
 */
import { Duration } from 'luxon';
import { createUltimatum, explain, isUltimatumError, milestones, pause, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { utc, utcCase } from './helpers.js';

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
