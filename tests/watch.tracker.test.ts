/**
 * watchTracker while its tracker changes: an empty tracker added to, an ultimatum removed by a
 * handler, and ultimatums added and removed before `refresh()`.
 */
import { createTracker, createUltimatum, type Ultimatum, watchTracker } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utc } from './helpers.js';
import { HandClock, tenHours } from './watchHarness.js';

describe('trackers changing', () => {
  it('watchTracker of an empty tracker: nothing scheduled until refresh() after an add', () => {
    const tracker = createTracker();
    const clock = new HandClock(utc(2025, 3, 3, 9));
    const log: string[] = [];
    const w = watchTracker(tracker, { onPhase: (s, before, u) => log.push(`${u.id} ${before}→${s.phase}`) }, { clock });
    expect(clock.timers.size).toBe(0);
    tracker.add(tenHours('ten'));
    w.refresh();
    clock.set(utc(2025, 3, 3, 20));
    expect(log).toEqual(['ten active→expired']);
  });

  it('watchTracker: an ultimatum removed by a handler is not reported after it', () => {
    // 'a' and 'b' both expire at 19:00; the handler that hears of the first removes the other.
    const tracker = createTracker([tenHours('a'), tenHours('b')]);
    const clock = new HandClock(utc(2025, 3, 3, 18, 30));
    const log: string[] = [];
    watchTracker(
      tracker,
      {
        onPhase: (s, _before, u) => {
          log.push(`${u.id} ${s.phase}`);
          tracker.remove(u.id === 'a' ? 'b' : 'a');
        },
      },
      { clock },
    );
    clock.set(utc(2025, 3, 3, 19));
    expect(log).toEqual(['a expired']);
    expect(tracker.list().map((u) => u.id)).toEqual(['a']);
  });

  it('watchTracker: after refresh() an added ultimatum is reported, a removed one no more', () => {
    const tracker = createTracker([tenHours('ten')]);
    const clock = new HandClock(utc(2025, 3, 3, 9));
    const log: string[] = [];
    const w = watchTracker(tracker, { onPhase: (s, before, u: Ultimatum) => log.push(`${u.id} ${before}→${s.phase}`) }, { clock });
    // Two hours, from 09:00: due at 11:00, before anything of 'ten'.
    tracker.add(createUltimatum(base({ id: 'two', zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { hours: 2 } } })));
    tracker.remove('ten');
    w.refresh();
    clock.set(utc(2025, 3, 3, 21));
    expect(log).toEqual(['two active→expired']);
    w.stop();
  });
});
