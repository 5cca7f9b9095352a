/**
 * The timers a watch asks of its clock: the system clock (under vitest's fake timers), ticks only
 * on tick boundaries (and none without `tickMs`), stopping (from inside a handler, with a clock
 * that cannot cancel a timer, with a signal already aborted, refresh after stop), and the timers
 * and the abort listener handed back by `refresh()` and `stop()`.
 */
import { getEventListeners } from 'node:events';
import { createTracker, type Phase, type Ultimatum, type Watch, watch, watchTracker } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utc } from './helpers.js';
import { HandClock, RecordingClock, sla, tenHours } from './watchHarness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

afterEach(() => {
  vi.useRealTimers();
});

describe('the system clock', () => {
  it('ticks on whole seconds with the real timer functions, and stop() releases the timer', () => {
    vi.useFakeTimers();
    vi.setSystemTime(utc(2025, 3, 3, 18) + 400); // 18:00:00.400, 1 hour before the deadline
    const ticks: number[] = [];
    const w = watch(tenHours(), { onTick: (s) => ticks.push(s.remainingMs) }, { tickMs: 1000 });
    vi.advanceTimersByTime(2000);
    // At the start, then at 18:00:01 and 18:00:02.
    expect(ticks).toEqual([HOUR - 400, HOUR - 1000, HOUR - 2000]);
    expect(vi.getTimerCount()).toBe(1);
    w.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('stopping', () => {
  it('a handler may stop the watch: nothing is scheduled after it', () => {
    const clock = new HandClock(utc(2025, 3, 3, 9));
    let ticks = 0;
    let w: Watch | undefined;
    w = watch(
      tenHours(),
      {
        onTick: () => {
          ticks++;
          w?.stop();
        },
      },
      { clock, tickMs: 1000 },
    );
    // The first tick runs inside watch(), before `w` is assigned: stop it on the second.
    expect(ticks).toBe(1);
    clock.set(utc(2025, 3, 3, 9) + 1000);
    expect(ticks).toBe(2);
    expect(clock.timers.size).toBe(0);
    clock.set(utc(2025, 3, 3, 20));
    expect(ticks).toBe(2);
  });

  it('a timer that fires after stop() (a clock that cannot cancel) reports nothing', () => {
    const clock = new HandClock(utc(2025, 3, 3, 13));
    clock.cancellable = false;
    const seen: string[] = [];
    const w = watch(tenHours(), { onPhase: (s) => seen.push(s.phase), onMilestone: (m) => seen.push(m.label) }, { clock });
    w.stop();
    clock.set(utc(2025, 3, 3, 20)); // the 14:00 timer still fires
    expect(seen).toEqual([]);
    expect(clock.timers.size).toBe(0);
  });

  it('an already aborted signal starts nothing; refresh() after stop() does nothing', () => {
    const clock = new HandClock(utc(2025, 3, 3, 9));
    let ticks = 0;
    const aborted = watch(tenHours(), { onTick: () => ticks++ }, { clock, tickMs: 1000, signal: AbortSignal.abort() });
    aborted.refresh();
    expect([ticks, clock.timers.size]).toEqual([0, 0]);
    const w = watch(tenHours(), { onTick: () => ticks++ }, { clock, tickMs: 1000 });
    expect(ticks).toBe(1);
    w.stop();
    w.refresh();
    expect([ticks, clock.timers.size]).toEqual([1, 0]);
  });
});

describe('ticks', () => {
  it('without tickMs an onTick handler is never called, and every wait is a real delay', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 13));
    const ticks: number[] = [];
    const phases: Phase[] = [];
    const w = watch(sla(10), { onTick: (s) => ticks.push(s.atMs), onPhase: (s) => phases.push(s.phase) }, { clock });
    w.refresh();
    clock.advanceTo(utc(2025, 3, 3, 21));
    expect(ticks).toEqual([]);
    expect(phases).toEqual(['expired']);
    // Waits from 13:00 to each change: 14:00, refreshed at 13:00 (again 1 h), 16:30, 18:00, 19:00.
    expect(clock.delays).toEqual([HOUR, HOUR, 2.5 * HOUR, 1.5 * HOUR, HOUR]);
  });

  it('a wake for a milestone, or a refresh, between two ticks does not tick', () => {
    // Hourly ticks from 16:00; the 75 % milestone wakes the watch at 16:30, refresh() at 16:45.
    const clock = new RecordingClock(utc(2025, 3, 3, 16));
    const ticks: number[] = [];
    const milestones: number[] = [];
    const w = watch(sla(10), { onTick: (s) => ticks.push(s.atMs), onMilestone: (m) => milestones.push(m.atMs) }, { clock, tickMs: HOUR });
    clock.advanceTo(utc(2025, 3, 3, 16, 45));
    w.refresh();
    clock.advanceTo(utc(2025, 3, 3, 17, 30));
    expect(ticks).toEqual([utc(2025, 3, 3, 16), utc(2025, 3, 3, 17)]);
    expect(milestones).toEqual([utc(2025, 3, 3, 16, 30)]);
    // 16:00 → 16:30 (the milestone comes before the 17:00 tick), 16:30 → 17:00 (tick), refresh
    // at 16:45 → 17:00 (15 min), 17:00 → 18:00 (the next tick and the 90 % / 1 hour left marks).
    expect(clock.delays).toEqual([30 * MINUTE, 30 * MINUTE, 15 * MINUTE, HOUR]);
  });

  it('watchTracker ticks once for every tracked ultimatum', () => {
    const tracker = createTracker([sla(10, 'a'), sla(4, 'b')]);
    const clock = new RecordingClock(utc(2025, 3, 3, 9, 30));
    const ticks: [string, number][] = [];
    watchTracker(tracker, { onTick: (s, u: Ultimatum) => ticks.push([u.id, s.atMs]) }, { clock, tickMs: HOUR });
    clock.advanceTo(utc(2025, 3, 3, 10));
    // At the start (09:30) and on the 10:00 boundary, each ultimatum once.
    expect(ticks).toEqual([
      ['a', utc(2025, 3, 3, 9, 30)],
      ['b', utc(2025, 3, 3, 9, 30)],
      ['a', utc(2025, 3, 3, 10)],
      ['b', utc(2025, 3, 3, 10)],
    ]);
  });
});

describe('timers handed back to the clock', () => {
  it('refresh() replaces the pending timer instead of adding a second one', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const seen: number[] = [];
    const w = watch(sla(10), { onMilestone: (m) => seen.push(m.atMs) }, { clock });
    expect(clock.given).toEqual([1]); // 09:00 → 14:00
    w.refresh();
    expect(clock.cleared).toEqual([1]);
    expect([...clock.timers.keys()]).toEqual([2]);
    clock.advanceTo(utc(2025, 3, 3, 14));
    expect(seen).toEqual([utc(2025, 3, 3, 14)]); // once, not once per timer
    w.stop();
    expect(clock.timers.size).toBe(0);
  });

  it('clearTimeout() is only ever given a handle from setTimeout(), and each handle once', () => {
    // A watch with a timer pending, stopped twice.
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const w = watch(sla(10), {}, { clock });
    w.stop();
    w.stop();
    expect(clock.cleared).toEqual([1]);
    // A watch with nothing left to wait for (past the deadline, no ticks): refreshed, stopped twice.
    const after = new RecordingClock(utc(2025, 3, 3, 20));
    const idle = watch(sla(10), {}, { clock: after });
    idle.refresh();
    idle.stop();
    idle.stop();
    expect([after.given, after.cleared]).toEqual([[], []]);
    // An empty tracker likewise.
    const empty = watchTracker(createTracker(), {}, { clock: after });
    empty.refresh();
    empty.stop();
    expect([after.given, after.cleared]).toEqual([[], []]);
  });

  it('stop() lets go of the signal: its abort listener is removed', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const controller = new AbortController();
    const w = watch(sla(10), {}, { clock, signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    w.stop();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(clock.cleared).toEqual([1]);
    controller.abort(); // nothing left to do
    expect(clock.cleared).toEqual([1]);
  });
});
