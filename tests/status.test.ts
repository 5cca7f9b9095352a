/**
 * status(): windows (open, paused, ended), the next milestone as of `at`, and consequences
 * (nothing due before the deadline, enforcement notes). Figures are worked out by hand.
 */
import { comply, createUltimatum, enforce, pause, reschedule, status } from 'ultimatum';
import { describe, expect, it } from 'vitest';
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
