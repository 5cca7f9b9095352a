/**
 * watch / watchTracker when the clock jumps: set back (nothing is reported again; the watch resumes
 * when the clock catches up), or forward past every change while the machine sleeps (each
 * ultimatum reported once, when it wakes).
 */
import { createTracker, type Phase, watch, watchTracker } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { utc } from './helpers.js';
import { HandClock, RecordingClock, sla, tenHours } from './watchHarness.js';

describe('time going back', () => {
  it('a clock moved back reports nothing again and resumes when it catches up', () => {
    const clock = new HandClock(utc(2025, 3, 3, 13));
    const seen: [string, number][] = [];
    const w = watch(tenHours(), { onMilestone: (m) => seen.push([m.label, clock.time]), onPhase: (s) => seen.push([s.phase, clock.time]) }, { clock });
    clock.set(utc(2025, 3, 3, 14, 30)); // past 50 % (14:00)
    clock.set(utc(2025, 3, 3, 13)); // set back 1.5 hours…
    w.refresh(); // …and the watch looks while it is behind: nothing fires
    clock.set(utc(2025, 3, 3, 16)); // 75 % is at 16:30: not yet
    expect(seen).toEqual([['50 % of the time elapsed', utc(2025, 3, 3, 14, 30)]]);
    clock.set(utc(2025, 3, 3, 16, 30));
    expect(seen.slice(1)).toEqual([['75 % of the time elapsed', utc(2025, 3, 3, 16, 30)]]);
  });
});

describe('watchTracker after a sleep', () => {
  it('a sleep past every change of the tracker reports each ultimatum once, when it wakes', () => {
    // 'two' is due 11:00, 'four' 13:00; the machine sleeps from 09:00 to 15:00.
    const tracker = createTracker([sla(2, 'two'), sla(4, 'four')]);
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const log: [string, Phase, Phase, number][] = [];
    watchTracker(tracker, { onPhase: (s, before, u) => log.push([u.id, before, s.phase, clock.time]) }, { clock });
    clock.sleepUntil(utc(2025, 3, 3, 15));
    expect(log).toEqual([
      ['two', 'active', 'expired', utc(2025, 3, 3, 15)],
      ['four', 'active', 'expired', utc(2025, 3, 3, 15)],
    ]);
    expect(clock.timers.size).toBe(0); // nothing left to wait for
  });
});
