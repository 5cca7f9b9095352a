import { comply, createUltimatum, milestones, pause, reschedule, resume, status } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utc } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('milestones', () => {
  const u = createUltimatum(base()); // 14 Jul 2025 12:00 EDT → 2 Sep 12:00 EDT: exactly 50 × 24 h

  it('defaults to 50 / 75 / 90 % elapsed and 7 days, 1 day, 1 hour left, sorted', () => {
    const issued = utc(2025, 7, 14, 16);
    expect(milestones(u).map((m) => [m.kind, m.label, m.atMs])).toEqual([
      ['elapsed', '50 % of the time elapsed', issued + 25 * DAY],
      ['elapsed', '75 % of the time elapsed', issued + 37.5 * DAY],
      ['left', '7 days left', utc(2025, 8, 26, 16)],
      ['elapsed', '90 % of the time elapsed', issued + 45 * DAY],
      ['left', '1 day left', utc(2025, 9, 1, 16)],
      ['left', '1 hour left', utc(2025, 9, 2, 15)],
    ]);
  });

  it('"days left" are calendar days: 1 day before 2 Nov 2025 12:00 EST is 1 Nov 12:00 EDT, 25 h earlier', () => {
    // Clocks go back at 02:00 on Sun 2 Nov 2025, so 1 Nov 12:00 EDT → 2 Nov 12:00 EST is 25 hours.
    const dst = createUltimatum(base({ issuedAt: '2025-10-20T12:00', deadline: { at: '2025-11-02T12:00' } }));
    const [oneDay] = milestones(dst, { fractions: [], before: [{ days: 1 }] });
    expect(oneDay?.atMs).toBe(utc(2025, 11, 1, 16)); // 1 Nov 12:00 EDT, 25 h before 2 Nov 17:00Z
  });

  it('none before issuedAt', () => {
    const short = createUltimatum(base({ deadline: { after: { hours: 12 } } }));
    expect(milestones(short, { fractions: [], before: [{ days: 1 }, { hours: 1 }] }).map((m) => m.label)).toEqual(['1 hour left']);
  });

  it('pauses push the elapsed shares later', () => {
    // 10 days from 1 Mar 00:00 UTC, paused 2 days from 3 Mar: the deadline is 13 Mar; 50 % (5 active days) is 8 Mar.
    let p = createUltimatum(base({ zone: 'UTC', issuedAt: '2025-03-01', deadline: { after: { days: 10 } } }));
    p = resume(pause(p, { at: '2025-03-03' }), { at: '2025-03-05' });
    expect(milestones(p, { fractions: [0.5, 0.1], before: [] }).map((m) => m.atMs)).toEqual([utc(2025, 3, 2), utc(2025, 3, 8)]);
  });

  it('are recomputed after amendments, and as of an instant', () => {
    const cut = reschedule(u, { at: '2025-07-29T12:00', deadline: { after: { days: 10 } } });
    const left = (at?: string) => milestones(cut, { fractions: [], before: [{ days: 1 }], ...(at ? { at } : {}) })[0]?.atMs;
    expect(left()).toBe(utc(2025, 8, 7, 16));
    expect(left('2025-07-20')).toBe(utc(2025, 9, 1, 16));
  });

  it('stop at compliance', () => {
    const done = comply(u, { at: '2025-08-10T12:00' });
    expect(milestones(done).map((m) => m.label)).toEqual(['50 % of the time elapsed']);
  });

  it('refuses bad options with paths', () => {
    expect(() => milestones(u, { fractions: [1.5] })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: ['fractions', 0] })] }));
    expect(() => milestones(u, { before: [{ days: -1 }] })).toThrow(expect.objectContaining({ code: 'INVALID_DURATION', issues: [expect.objectContaining({ path: ['before', 0, 'days'] })] }));
  });
});

describe('status().nextMilestone', () => {
  it('is the next milestone after `at` under the deadline then in force', () => {
    const u = createUltimatum(base());
    expect(status(u, '2025-08-27T12:00').nextMilestone?.label).toBe('90 % of the time elapsed');
    expect(status(u, '2025-09-02T11:30').nextMilestone).toBeUndefined();
  });
});
