/**
 * status() edge cases: its JSON form, the luxon Durations it offers (elapsed, paused, remaining,
 * overdue), a deadline at the very instant of issue, and the phases with no deadline or before
 * issue. Figures are worked out by hand from the inputs.
 */
import { comply, createUltimatum, deadlineOf, enforce, isUltimatumError, pause, resume, status, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it, vi } from 'vitest';
import { base } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const utcCase = (over: Partial<UltimatumInput> = {}) =>
  createUltimatum(base({ zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { days: 10 } }, ...over }));

describe('status: JSON form', () => {
  it('JSON.stringify gives the figures, the instants in the zone and the window', () => {
    // 14 Jul 2025 12:00 EDT + 10 to 12 days: 24 Jul 12:00 – 26 Jul 12:00 EDT; on 25 Jul 12:00, inside it.
    const u = createUltimatum(
      base({
        deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } },
        consequences: [{ id: 'tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' }],
      }),
    );
    expect(JSON.parse(JSON.stringify(status(u, '2025-07-25T12:00')))).toEqual({
      phase: 'active',
      at: '2025-07-25T12:00:00.000-04:00',
      issuedAt: '2025-07-14T12:00:00.000-04:00',
      deadline: '2025-07-26T12:00:00.000-04:00',
      window: { earliest: '2025-07-24T12:00:00.000-04:00', latest: '2025-07-26T12:00:00.000-04:00' },
      inWindow: true,
      remainingMs: DAY,
      overdueMs: null,
      elapsedMs: 11 * DAY,
      pausedMs: 0,
      progress: 11 / 12,
      consequences: {
        threatened: [
          {
            consequence: { id: 'tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' },
            dueAt: '2025-07-26T12:00:00.000-04:00',
            partiallyEnforced: false,
          },
        ],
        enforced: [],
        due: [],
      },
    });
  });

  it('once complied: no deadline and no window in the JSON', () => {
    const json = JSON.parse(JSON.stringify(status(comply(utcCase(), { at: '2025-03-05T09:00' }), '2025-03-06')));
    expect(json).toMatchObject({ phase: 'complied', deadline: null, overdueMs: null, remainingMs: 8 * DAY, progress: 0.2 });
    expect(json).not.toHaveProperty('window');
  });
});

describe('status: durations', () => {
  it('elapsed, paused, remaining and overdue as luxon Durations in exact units', () => {
    // 10 days from 3 Mar 09:00; paused 5 Mar 09:00 to 6 Mar 21:00 (1.5 days): due 14 Mar 21:00.
    const u = resume(pause(utcCase(), { at: '2025-03-05T09:00' }), { at: '2025-03-06T21:00' });
    const s = status(u, '2025-03-15T09:00');
    expect(s.phase).toBe('expired');
    expect(s.overdueBy?.toObject()).toEqual({ hours: 12 });
    expect(s.elapsed.toObject()).toEqual({ days: 10 });
    expect(s.pausedFor.toObject()).toEqual({ days: 1, hours: 12 });
    expect(s.remaining.toMillis()).toBe(0);
    expect(s.remaining.toObject()).toEqual({ milliseconds: 0 });
    expect(s.issuedAt.toISO()).toBe('2025-03-03T09:00:00.000+00:00');
    expect(s.at.toMillis()).toBe(Date.UTC(2025, 2, 15, 9));
  });

  it('a deadline at the very instant of issue is over at once: progress 1, nothing left', () => {
    const s = status(utcCase({ deadline: { at: '2025-03-03T09:00' } }), '2025-03-03T09:00');
    expect([s.phase, s.progress, s.remainingMs, s.overdueMs]).toEqual(['expired', 1, 0, 0]);
  });
});

describe('status: no deadline, or not issued yet', () => {
  it('after a withdrawal there is no deadline and no next milestone', () => {
    const u = withdraw(utcCase(), { at: '2025-03-05T09:00' });
    const s = status(u, '2025-03-06');
    expect([s.phase, s.deadline, s.window, s.nextMilestone]).toEqual(['withdrawn', null, undefined, undefined]);
    expect(deadlineOf(u, '2025-03-06')).toBeNull();
    expect(deadlineOf(u, '2025-03-04')?.toMillis()).toBe(Date.UTC(2025, 2, 13, 9));
  });

  it('before issue: pending, the consequences threatened but none due and none enforced', () => {
    const u = enforce(utcCase({ consequences: [{ id: 'fine', kind: 'custom', description: 'A fine' }] }), {
      at: '2025-03-14T09:00',
      consequences: ['fine'],
    });
    const s = status(u, '2025-03-01');
    expect(s.phase).toBe('pending');
    expect(s.consequences.threatened.map((t) => [t.consequence.id, t.dueAt.toMillis()])).toEqual([['fine', Date.UTC(2025, 2, 13, 9)]]);
    expect([s.consequences.due, s.consequences.enforced]).toEqual([[], []]);
    expect(status(u, '2025-03-15').consequences.enforced.map((e) => e.consequence.id)).toEqual(['fine']);
  });

  it('without `at`, the instant asked about is now', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.UTC(2025, 2, 12, 9)); // one day before the deadline of 13 Mar 09:00
      const s = status(utcCase());
      expect([s.atMs, s.phase, s.remainingMs]).toEqual([Date.UTC(2025, 2, 12, 9), 'active', DAY]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an `at` it cannot read, at the path at', () => {
    try {
      status(utcCase(), 'next tuesday');
      expect.unreachable();
    } catch (e) {
      expect(isUltimatumError(e) && [e.code, e.issues[0]?.path, e.issues[0]?.message]).toEqual([
        'INVALID_DATE',
        ['at'],
        '"next tuesday" is not a valid date or instant (expected a whole date such as 2025-09-02, optionally with a time)',
      ]);
    }
  });
});
