import { comply, createUltimatum, extend, isUltimatumError, milestones, note, pause, reschedule, resume, status, timeline, type Ultimatum, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it, vi } from 'vitest';
import { base, utc, utcCase } from './helpers.js';

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

/**
 * milestones(): labels, zone and business calendar of "time left", option checks, the history
 * folded as of `at` (pauses in progress, notes during a pause, a pause ended by compliance),
 * inclusive bounds at issue and at compliance, and the milestones that timeline() shows as they
 * fell. Figures are worked out by hand.
 */
/** 10 days from Mon 3 Mar 2025 00:00 UTC: the deadline is 13 Mar 00:00 UTC. */
const midnightCase = (over: Partial<UltimatumInput> = {}) => createUltimatum(utcCase({ issuedAt: '2025-03-03T00:00', ...over }));
/** Epoch ms of a day in March 2025, UTC. */
const mar = (day: number, hour = 0, minute = 0) => utc(2025, 3, day, hour, minute);
const shown = (u: Ultimatum, opts: Parameters<typeof milestones>[1] = {}) => milestones(u, opts).map((m) => [m.label, m.atMs]);
const fell = (u: Ultimatum) =>
  timeline(u)
    .filter((e) => e.kind === 'milestone')
    .map((e) => [e.label, e.at.toMillis()]);

describe('milestones: "time left" labels, zone and calendar', () => {
  it('a time left of several units names each, separated by spaces', () => {
    // base(): deadline 2 Sep 2025 12:00 EDT; 2 calendar days earlier is 31 Aug 12:00 EDT, 3 hours more 09:00 EDT = 13:00Z.
    expect(shown(createUltimatum(base()), { fractions: [], before: [{ days: 2, hours: 3 }] })).toEqual([['2 days 3 hours left', utc(2025, 8, 31, 13)]]);
  });

  it('business days left are counted back on the ultimatum\'s own calendar, skipping its holidays', () => {
    // Deadline Fri 14 Mar 2025 09:00 UTC; Thu 13 Mar is a holiday: 2 business days back are Wed 12, Tue 11.
    const u = createUltimatum(utcCase({ deadline: { at: '2025-03-14T09:00' }, calendar: { holidays: ['2025-03-13'] } }));
    expect(shown(u, { fractions: [], before: [{ businessDays: 2 }] })).toEqual([['2 business days left', mar(11, 9)]]);
  });

  it('a plain document whose stored duration spells out an undefined unit is labelled by the units it has', () => {
    // utcCase(): deadline 13 Mar 09:00 UTC; 1 day left is 12 Mar 09:00.
    const plain = { ...JSON.parse(JSON.stringify(createUltimatum(utcCase()))), milestones: { before: [{ days: 1, hours: undefined }] } };
    expect(shown(plain, { fractions: [] })).toEqual([['1 day left', mar(12, 9)]]);
  });

  it('the durations of the default times left are frozen: no caller can change every ultimatum\'s', () => {
    const left = milestones(createUltimatum(base())).filter((m) => m.kind === 'left');
    expect(left.map((m) => m.label)).toEqual(['7 days left', '1 day left', '1 hour left']);
    for (const m of left) expect(Object.isFrozen(m.before)).toBe(true);
  });

  it('each milestone is a DateTime in the ultimatum\'s zone', () => {
    // 50 % of 50 days after 14 Jul 2025 12:00 EDT: 8 Aug 12:00 EDT.
    const [first] = milestones(createUltimatum(base()));
    expect(first?.at.toISO()).toBe('2025-08-08T12:00:00.000-04:00');
    expect(first?.at.zoneName).toBe('America/New_York');
  });
});

describe('milestones: options are checked', () => {
  const u = createUltimatum(base());
  const issuesOf = (fractions: number[]) => {
    try {
      milestones(u, { fractions });
    } catch (e) {
      return isUltimatumError(e) ? [e.code, e.issues.map((i) => [i.code, i.path, i.message])] : e;
    }
    return 'accepted';
  };
  const message = 'must be a number between 0 and 1 (exclusive)';

  it('refuses the fractions 0 and 1 (no time, all the time), each at its own path', () => {
    expect(issuesOf([0, 1])).toEqual([
      'INVALID_INPUT',
      [
        ['INVALID_INPUT', ['fractions', 0], message],
        ['INVALID_INPUT', ['fractions', 1], message],
      ],
    ]);
  });

  it('refuses a fraction above 1 or below 0 after valid ones', () => {
    expect(issuesOf([0.5, 2, -0.25])).toEqual([
      'INVALID_INPUT',
      [
        ['INVALID_INPUT', ['fractions', 1], message],
        ['INVALID_INPUT', ['fractions', 2], message],
      ],
    ]);
  });
});

describe('milestones: as of when', () => {
  // base() cut on 29 Jul 12:00 EDT to 10 days: deadline 8 Aug 12:00 EDT, 1 day left on 7 Aug 12:00 EDT (16:00Z).
  const cut = () => reschedule(createUltimatum(base()), { at: '2025-07-29T12:00', deadline: { after: { days: 10 } } });

  it('without `at`, the whole history counts, whatever the clock says', () => {
    const u = cut();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(utc(2025, 7, 20, 16)); // before the cut
      expect(shown(u, { fractions: [], before: [{ days: 1 }] })).toEqual([['1 day left', utc(2025, 8, 7, 16)]]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an event at the very instant of issue counts as of that instant', () => {
    // Extended at issue by 10 days: 12 Sep 12:00 EDT; 1 day left is 11 Sep 12:00 EDT (16:00Z).
    const u = extend(createUltimatum(base()), { at: '2025-07-14T12:00', by: { days: 10 } });
    expect(shown(u, { at: '2025-07-14T12:00', fractions: [], before: [{ days: 1 }] })).toEqual([['1 day left', utc(2025, 9, 11, 16)]]);
  });
});

describe('milestones: pauses', () => {
  it('during a pause, as if the clock restarted at `at` (a resume later in the history is not yet known)', () => {
    // Paused 5 Mar (2 active days used), asked on 7 Mar: 8 active days left from 7 Mar, so the
    // deadline would be 15 Mar and 1 day left 14 Mar; 50 % (5 active days) is 3 more days from 7 Mar: 10 Mar.
    const u = resume(pause(midnightCase(), { at: '2025-03-05' }), { at: '2025-03-09' });
    expect(shown(u, { at: '2025-03-07', fractions: [0.5], before: [{ days: 1 }] })).toEqual([
      ['50 % of the time elapsed', mar(10)],
      ['1 day left', mar(14)],
    ]);
    expect(status(u, '2025-03-07').deadlineMs).toBe(mar(15));
  });

  it('a note during a pause does not end it', () => {
    // Paused 5 → 7 Mar (2 days): deadline 15 Mar, 10 active days; 50 % is 8 Mar + 2 paused days = 10 Mar.
    const u = resume(note(pause(midnightCase(), { at: '2025-03-05' }), { at: '2025-03-06', text: 'waiting' }), { at: '2025-03-07' });
    expect(shown(u, { fractions: [0.5], before: [] })).toEqual([['50 % of the time elapsed', mar(10)]]);
  });

  it.each([
    ['complied', comply],
    ['withdrawn', withdraw],
  ] as const)('a pause ended by the ultimatum being %s is not active time', (_label, end) => {
    // Paused 4 Mar, ended 6 Mar: deadline 13 + 2 = 15 Mar, of which 10 days active. 5 % (12 h) is
    // 3 Mar 12:00; 50 % (5 days) would be 10 Mar, after the end, so it is left out.
    const u = end(pause(midnightCase(), { at: '2025-03-04' }), { at: '2025-03-06' });
    expect(shown(u, { fractions: [0.05, 0.5], before: [] })).toEqual([['5 % of the time elapsed', mar(3, 12)]]);
  });

  it('a share reached just as a pause begins falls at the pause, not at its end', () => {
    // Paused 4 → 6 Mar: 10 active days; 10 % (1 day) has elapsed at 4 Mar 00:00, as status() says there.
    const u = resume(pause(midnightCase(), { at: '2025-03-04' }), { at: '2025-03-06' });
    expect(shown(u, { fractions: [0.1], before: [] })).toEqual([['10 % of the time elapsed', mar(4)]]);
    expect(status(u, '2025-03-04').progress).toBe(0.1);
  });
});

describe('milestones: bounds', () => {
  it('a time left that falls exactly at issue is kept (none before issue)', () => {
    // 1 day from 3 Mar 09:00: "1 day left" is 3 Mar 09:00, the issue instant itself.
    const u = createUltimatum(utcCase({ deadline: { after: { days: 1 } } }));
    expect(shown(u, { fractions: [], before: [{ days: 1 }] })).toEqual([['1 day left', mar(3, 9)]]);
  });

  it('a milestone at the very instant of compliance is kept (none after it)', () => {
    // 50 % of 50 days is 8 Aug 12:00 EDT (16:00Z), when the demand is met.
    const done = comply(createUltimatum(base()), { at: '2025-08-08T12:00' });
    expect(shown(done)).toEqual([['50 % of the time elapsed', utc(2025, 8, 8, 16)]]);
  });
});

describe('milestones as they fell (timeline)', () => {
  it('none while paused: they fall under the deadline in force once the clock runs again', () => {
    // Paused 4 → 8 Mar: deadline 17 Mar. While paused the deadline moves, so "7 days left" of the
    // 13 Mar deadline (6 Mar) never happens; after the resume: 7 days left 10 Mar; 50 % (5 active
    // days) is 1 day before the pause + 4 days after it: 12 Mar.
    const u = resume(pause(midnightCase({ milestones: { fractions: [0.5], before: [{ days: 7 }] } }), { at: '2025-03-04' }), { at: '2025-03-08' });
    expect(fell(u)).toEqual([
      ['7 days left', mar(10)],
      ['50 % of the time elapsed', mar(12)],
    ]);
  });

  it('a milestone at the very instant of a change, under the new deadline, is shown', () => {
    // Rescheduled on 5 Mar to 1 day: deadline 6 Mar, so "1 day left" is 5 Mar itself.
    const u = reschedule(midnightCase({ milestones: { fractions: [], before: [{ days: 1 }] } }), { at: '2025-03-05', deadline: { after: { days: 1 } } });
    expect(fell(u)).toEqual([['1 day left', mar(5)]]);
  });

  it('a milestone of the old deadline at the very instant it is replaced is not shown', () => {
    // 50 % of the first 10 days is 8 Mar 00:00, when a reschedule to 10 more days (18 Mar) takes
    // effect; under it 50 % of 15 days is 10 Mar 12:00.
    const u = reschedule(midnightCase({ milestones: { fractions: [0.5], before: [] } }), { at: '2025-03-08', deadline: { after: { days: 10 } } });
    expect(fell(u)).toEqual([['50 % of the time elapsed', mar(10, 12)]]);
  });
});
