/**
 * countdown(): the target instant itself, and an ultimatum that ended early, on time or late
 * (complied or withdrawn). Figures are worked out by hand.
 */
import { comply, countdown, createUltimatum, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

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
