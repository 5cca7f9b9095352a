/**
 * status(): windows (open, paused, ended), the next milestone as of `at`, and consequences
 * (nothing due before the deadline, enforcement notes). Figures are worked out by hand.
 */
import { comply, createUltimatum, deadlineOf, enforce, isUltimatumError, pause, reschedule, resume, status, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it, vi } from 'vitest';
import { base, utc, utcCase } from './helpers.js';

// 3 Mar 2025 09:00 UTC + 10 or 12 days: a window from 13 Mar 09:00 to 15 Mar 09:00 UTC.
const windowed = () => createUltimatum(utcCase({ deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } } }));

describe('status: windows', () => {
  it('before `earliest` the window is shown but the instant is not in it', () => {
    const s = status(windowed(), '2025-03-12T09:00');
    expect(s.phase).toBe('active');
    expect(s.inWindow).toBe(false);
    expect([s.window?.earliest.toMillis(), s.window?.latest.toMillis()]).toEqual([utc(2025, 3, 13, 9), utc(2025, 3, 15, 9)]);
  });

  it('inWindow holds from `earliest` up to, not including, `latest`', () => {
    const u = windowed();
    expect(status(u, '2025-03-13T09:00').inWindow).toBe(true);
    expect(status(u, utc(2025, 3, 15, 9) - 1).inWindow).toBe(true);
    // At `latest` the deadline has passed (SPEC §2.6): expired, no longer in the window.
    const atLatest = status(u, '2025-03-15T09:00');
    expect([atLatest.phase, atLatest.inWindow]).toEqual(['expired', false]);
  });

  it('a single deadline has no window and is never "in" one', () => {
    const s = status(createUltimatum(utcCase()), '2025-03-12T09:00');
    expect(s.window).toBeUndefined();
    expect(s.inWindow).toBe(false);
    expect(JSON.parse(JSON.stringify(s))).not.toHaveProperty('window');
  });

  it('once complied inside the window: no window, not in it', () => {
    const u = comply(windowed(), { at: '2025-03-14T09:00' });
    const s = status(u, '2025-03-14T09:00');
    expect(s.phase).toBe('complied');
    expect(s.window).toBeUndefined();
    expect(s.inWindow).toBe(false);
  });

  it('while paused both ends of the window move later by the pause so far', () => {
    // Paused 5 Mar 09:00, asked on 8 Mar 09:00: 3 days paused, so 13 → 16 Mar and 15 → 18 Mar.
    const s = status(pause(windowed(), { at: '2025-03-05T09:00' }), '2025-03-08T09:00');
    expect(s.phase).toBe('paused');
    expect(s.window?.earliest.toISO()).toBe('2025-03-16T09:00:00.000+00:00');
    expect(s.window?.latest.toISO()).toBe('2025-03-18T09:00:00.000+00:00');
    expect(s.inWindow).toBe(false);
  });
});

describe('status: nextMilestone', () => {
  // base(): 14 Jul 2025 12:00 EDT (16:00Z) + 50 days = 2 Sep 12:00 EDT, exactly 50 × 24 h.
  it('is taken under the deadline in force at `at`, not under a later reschedule', () => {
    const cut = reschedule(createUltimatum(base()), { at: '2025-07-29T12:00', deadline: { after: { days: 10 } } });
    // On 20 July the 50-day deadline is in force: 50 % is 25 days after issue, 8 Aug 16:00Z.
    // (Under the later 10-day cut it would be 12.5 days after issue, 27 Jul 04:00Z.)
    const next = status(cut, '2025-07-20T12:00').nextMilestone;
    expect([next?.label, next?.atMs]).toEqual(['50 % of the time elapsed', utc(2025, 8, 8, 16)]);
  });

  it('at the very instant of a milestone, the next one is the one after it', () => {
    // At 8 Aug 16:00Z (50 %), the next is 75 %: 37.5 days after issue = 21 Aug 04:00Z.
    const next = status(createUltimatum(base()), utc(2025, 8, 8, 16)).nextMilestone;
    expect([next?.label, next?.atMs]).toEqual(['75 % of the time elapsed', utc(2025, 8, 21, 4)]);
  });
});

describe('status: consequences', () => {
  const fine = { id: 'fine', kind: 'custom', description: 'A fine' } as const;
  const ban = { id: 'ban', kind: 'custom', description: 'A ban' } as const;

  it('before the deadline a consequence is threatened but not yet due', () => {
    // Deadline 13 Mar 09:00 UTC; on 5 Mar nothing is due (SPEC §2.7: due once the deadline has passed).
    const s = status(createUltimatum(utcCase({ consequences: [fine] })), '2025-03-05T09:00');
    expect(s.consequences.threatened.map((t) => [t.consequence.id, t.dueAt.toMillis()])).toEqual([['fine', utc(2025, 3, 13, 9)]]);
    expect(s.consequences.due).toEqual([]);
  });

  it('an enforcement carries the note of its event, and has no note field when the event had none', () => {
    let u = createUltimatum(utcCase({ consequences: [fine, ban] }));
    u = enforce(u, { at: '2025-03-14T09:00', consequences: ['fine'], partial: true, note: 'first instalment' });
    u = enforce(u, { at: '2025-03-15T09:00', consequences: ['ban'] });
    const [first, second] = status(u, '2025-03-16').consequences.enforced;
    expect([first?.consequence.id, first?.partial, first?.at.toMillis(), first?.note]).toEqual(['fine', true, utc(2025, 3, 14, 9), 'first instalment']);
    expect([second?.consequence.id, second?.partial, second?.at.toMillis()]).toEqual(['ban', false, utc(2025, 3, 15, 9)]);
    expect(Object.keys(second ?? {}).sort()).toEqual(['at', 'consequence', 'partial']);
  });
});

/**
 * status() edge cases: its JSON form, the luxon Durations it offers (elapsed, paused, remaining,
 * overdue), a deadline at the very instant of issue, and the phases with no deadline or before
 * issue. Figures are worked out by hand from the inputs.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const utcUltimatum = (over: Partial<UltimatumInput> = {}) =>
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
    const json = JSON.parse(JSON.stringify(status(comply(utcUltimatum(), { at: '2025-03-05T09:00' }), '2025-03-06')));
    expect(json).toMatchObject({ phase: 'complied', deadline: null, overdueMs: null, remainingMs: 8 * DAY, progress: 0.2 });
    expect(json).not.toHaveProperty('window');
  });
});

describe('status: durations', () => {
  it('elapsed, paused, remaining and overdue as luxon Durations in exact units', () => {
    // 10 days from 3 Mar 09:00; paused 5 Mar 09:00 to 6 Mar 21:00 (1.5 days): due 14 Mar 21:00.
    const u = resume(pause(utcUltimatum(), { at: '2025-03-05T09:00' }), { at: '2025-03-06T21:00' });
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
    const s = status(utcUltimatum({ deadline: { at: '2025-03-03T09:00' } }), '2025-03-03T09:00');
    expect([s.phase, s.progress, s.remainingMs, s.overdueMs]).toEqual(['expired', 1, 0, 0]);
  });
});

describe('status: no deadline, or not issued yet', () => {
  it('after a withdrawal there is no deadline and no next milestone', () => {
    const u = withdraw(utcUltimatum(), { at: '2025-03-05T09:00' });
    const s = status(u, '2025-03-06');
    expect([s.phase, s.deadline, s.window, s.nextMilestone]).toEqual(['withdrawn', null, undefined, undefined]);
    expect(deadlineOf(u, '2025-03-06')).toBeNull();
    expect(deadlineOf(u, '2025-03-04')?.toMillis()).toBe(Date.UTC(2025, 2, 13, 9));
  });

  it('before issue: pending, the consequences threatened but none due and none enforced', () => {
    const u = enforce(utcUltimatum({ consequences: [{ id: 'fine', kind: 'custom', description: 'A fine' }] }), {
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
      const s = status(utcUltimatum());
      expect([s.atMs, s.phase, s.remainingMs]).toEqual([Date.UTC(2025, 2, 12, 9), 'active', DAY]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses an `at` it cannot read, at the path at', () => {
    try {
      status(utcUltimatum(), 'next tuesday');
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
