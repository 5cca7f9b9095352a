/**
 * countdown(): exact time to the deadline, to a plain instant (the target instant itself
 * included), and an ultimatum that ended early, on time or late (complied or withdrawn).
 * Figures are worked out by hand.
 */
import { comply, countdown, createUltimatum, pause, resume, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utc } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('countdown (SPEC §2.9)', () => {
  it('breaks exact time into days of 24 hours', () => {
    // 1 Mar 2025 12:00 EST → 11 Mar 2025 12:00 EDT is 10 calendar days but 239 hours.
    const u = createUltimatum(base({ issuedAt: '2025-03-01T12:00', deadline: { after: { days: 10 } } }));
    expect(countdown(u, '2025-03-01T12:00')).toEqual({
      totalMs: 239 * HOUR,
      past: false,
      days: 9,
      hours: 23,
      minutes: 0,
      seconds: 0,
      milliseconds: 0,
    });
  });

  it('reports the time overdue with past: true, from the deadline itself', () => {
    const u = createUltimatum(base());
    expect(countdown(u, utc(2025, 9, 2, 16))).toMatchObject({ totalMs: 0, past: true });
    expect(countdown(u, utc(2025, 9, 3, 17, 1) + 1_001)).toEqual({
      totalMs: 25 * HOUR + 61_001,
      past: true,
      days: 1,
      hours: 1,
      minutes: 1,
      seconds: 1,
      milliseconds: 1,
    });
  });

  it('counts to a plain instant, reading a string without offset as UTC', () => {
    expect(countdown('2025-01-02T00:00', '2025-01-01T22:30Z')).toMatchObject({ totalMs: 1.5 * HOUR, past: false, hours: 1, minutes: 30 });
    expect(countdown(new Date(utc(2025, 1, 1)), utc(2025, 1, 1) + 1)).toMatchObject({ totalMs: 1, past: true });
  });

  it('never goes up while time goes forward: across DST, a pause, and compliance', () => {
    let u = createUltimatum(base({ issuedAt: '2025-03-01T12:00', deadline: { after: { days: 20 } } }));
    u = pause(u, { at: '2025-03-05T00:00' });
    u = resume(u, { at: '2025-03-10T00:00' });
    u = comply(u, { at: '2025-03-20T08:00' });
    let previous = Number.POSITIVE_INFINITY;
    for (let t = utc(2025, 2, 28); t < utc(2025, 4, 10); t += 17 * 60_000 + 13) {
      const c = countdown(u, t);
      const signed = c.past ? -c.totalMs : c.totalMs;
      expect(signed).toBeLessThanOrEqual(previous);
      previous = signed;
    }
  });
});

describe('countdown to a plain instant', () => {
  it('at the target itself it has passed, by nothing (a deadline is the first overdue instant)', () => {
    expect(countdown('2025-01-01T00:00Z', '2025-01-01T00:00Z')).toEqual({
      totalMs: 0,
      past: true,
      days: 0,
      hours: 0,
      minutes: 0,
      seconds: 0,
      milliseconds: 0,
    });
  });
});

describe('countdown of an ultimatum that ended', () => {
  // base(): deadline 2 Sep 2025 12:00 EDT.
  it('stays at how late it ended instead of jumping back to zero', () => {
    // Deadline 2 Sep 2025 12:00 EDT; complied 3 Sep 18:00 EDT: 30 hours late.
    const late = comply(createUltimatum(base()), { at: '2025-09-03T18:00' });
    expect(countdown(late, '2025-09-03T17:00')).toMatchObject({ past: true, totalMs: 29 * HOUR });
    expect(countdown(late, '2025-09-03T18:00')).toMatchObject({ past: true, totalMs: 30 * HOUR });
    expect(countdown(late, '2025-12-01')).toMatchObject({ past: true, totalMs: 30 * HOUR });
  });

  it('withdrawn late: stays past at how late it ended', () => {
    // Withdrawn 4 Sep 12:00 EDT: 2 days after the deadline.
    const late = withdraw(createUltimatum(base()), { at: '2025-09-04T12:00' });
    expect(countdown(late, '2025-10-01')).toEqual({ totalMs: 2 * DAY, past: true, days: 2, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 });
  });

  it('complied early: the time that was left, frozen, not past', () => {
    // Complied 31 Aug 09:00 EDT: 2 days 3 hours before 2 Sep 12:00 EDT.
    const early = comply(createUltimatum(base()), { at: '2025-08-31T09:00' });
    expect(countdown(early, '2025-10-01')).toEqual({
      totalMs: 2 * DAY + 3 * HOUR,
      past: false,
      days: 2,
      hours: 3,
      minutes: 0,
      seconds: 0,
      milliseconds: 0,
    });
  });

  it('withdrawn early: the time that was left, not past', () => {
    // Withdrawn 1 Sep 12:00 EDT: one day before the deadline.
    const early = withdraw(createUltimatum(base()), { at: '2025-09-01T12:00' });
    expect(countdown(early, '2025-10-01')).toMatchObject({ totalMs: DAY, past: false, days: 1 });
  });

  it('complied at the deadline itself: past, by nothing', () => {
    // At the deadline the demand is already overdue (README), so compliance then is late by 0 ms.
    const onTheDot = comply(createUltimatum(base()), { at: '2025-09-02T12:00' });
    expect(countdown(onTheDot, '2025-10-01')).toEqual({ totalMs: 0, past: true, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 });
  });
});
