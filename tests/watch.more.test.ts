/**
 * watch / watchTracker, continued: what `watch.test.ts` and `watch.edges.test.ts` leave out —
 * the argument checks for handlers, `signal`, `clock` and the tracker (each named by its own
 * path), handlers that are left out, ticks only on tick boundaries (and none without `tickMs`),
 * the timers handed back to the clock by `refresh()` and `stop()`, the abort listener let go of,
 * and a tracker whose last change is passed while asleep.
 */
import { getEventListeners } from 'node:events';
import {
  type Clock,
  createTracker,
  createUltimatum,
  type Phase,
  type Tracker,
  type Ultimatum,
  watch,
  watchTracker,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, issuesOf, utc } from './helpers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * `hours` hours from Mon 3 Mar 2025 09:00 UTC. For 10 hours: due 19:00; milestones (README:
 * 50 / 75 / 90 % elapsed, 7 days / 1 day / 1 hour left, none before the issue) at 14:00 (50 %),
 * 16:30 (75 %), 18:00 (90 %) and 18:00 (1 hour left); 7 days and 1 day left fall before 09:00.
 */
const sla = (hours: number, id = `sla-${hours}h`) =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { hours } } }));

/** A clock moved by hand that records every delay asked for and every handle given and cancelled. */
class RecordingClock implements Clock {
  readonly timers = new Map<number, { at: number; fn: () => void }>();
  readonly delays: number[] = [];
  readonly given: number[] = [];
  readonly cleared: unknown[] = [];
  private next = 1;
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.delays.push(ms);
    this.given.push(id);
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.cleared.push(id);
    this.timers.delete(id as number);
  };
  /** Moves time forward to `to`, firing each timer at its own time (a machine awake throughout). */
  advanceTo(to: number): void {
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = to;
  }
  /** Sets the time to `to` at once (a machine asleep meanwhile), then fires what is due. */
  sleepUntil(to: number): void {
    this.time = to;
    this.advanceTo(to);
  }
}

/** A stand-in for a tracker with only the given methods; it never has anything to report. */
const partialTracker = (...methods: ('nextChange' | 'list' | 'get')[]) => {
  const all = { nextChange: () => null, list: () => [], get: () => undefined };
  return Object.fromEntries(methods.map((m) => [m, all[m]])) as unknown as Tracker;
};

describe('argument checks name the offending argument', () => {
  // Wording from src/errors/messages.ts (expectedType: `must be ${expected}`), the catalogue the
  // library prints from; each refusal is one INVALID_INPUT issue at the argument's own name.
  const noop = () => {};

  it('handlers that are not an object at all are refused as "handlers"', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const expected = [{ code: 'INVALID_INPUT', path: ['handlers'], message: 'must be an object of handlers' }];
    for (const handlers of [null, undefined, 'onTick', 42, noop]) {
      expect(issuesOf(() => watch(sla(10), handlers as never, { clock }))).toEqual(expected);
      expect(issuesOf(() => watchTracker(createTracker(), handlers as never, { clock }))).toEqual(expected);
    }
    expect(clock.given).toEqual([]); // nothing was started
  });

  it('a signal must be an AbortSignal: an object with `aborted` and an addEventListener() method', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const expected = [{ code: 'INVALID_INPUT', path: ['signal'], message: 'must be an AbortSignal' }];
    const notSignals: unknown[] = [
      null,
      'abort',
      1,
      {},
      { aborted: false }, // no addEventListener
      { aborted: false, addEventListener: 'yes' }, // not a method
      { addEventListener: noop, removeEventListener: noop }, // no `aborted`
    ];
    for (const signal of notSignals) {
      expect(issuesOf(() => watch(sla(10), {}, { clock, signal: signal as AbortSignal }))).toEqual(expected);
    }
    expect(clock.given).toEqual([]);
    // A real one is taken: the watch starts and sets its first timer (the 50 % mark at 14:00).
    watch(sla(10), {}, { clock, signal: new AbortController().signal });
    expect(clock.delays).toEqual([5 * HOUR]); // 09:00 → 14:00
  });

  it('a clock must have all three of now(), setTimeout() and clearTimeout()', () => {
    const expected = [{ code: 'INVALID_INPUT', path: ['clock'], message: 'must be a clock: { now(), setTimeout(fn, ms), clearTimeout(handle) }' }];
    const now = () => utc(2025, 3, 3, 9);
    const setTimeout = () => 1;
    const clearTimeout = () => {};
    const notClocks: unknown[] = [null, 7, 'system', {}, { now, setTimeout }, { now, clearTimeout }, { setTimeout, clearTimeout }];
    for (const clock of notClocks) {
      expect(issuesOf(() => watch(sla(10), {}, { clock: clock as Clock }))).toEqual(expected);
      expect(issuesOf(() => watchTracker(createTracker(), {}, { clock: clock as Clock }))).toEqual(expected);
    }
  });

  it('watchTracker takes only something with nextChange(), list() and get(), as "tracker"', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const expected = [{ code: 'INVALID_INPUT', path: ['tracker'], message: 'must be a tracker from createTracker()' }];
    const notTrackers: unknown[] = [
      null,
      3,
      'tracker',
      {},
      partialTracker('nextChange', 'get'), // no list()
      partialTracker('list', 'get'), // no nextChange()
      partialTracker('nextChange', 'list'), // no get()
      [sla(10)], // an array of ultimatums is not a tracker
      Object.assign(() => {}, partialTracker('nextChange', 'list', 'get')), // a function, not an object
    ];
    for (const tracker of notTrackers) {
      expect(issuesOf(() => watchTracker(tracker as Tracker, { onPhase: () => {} }, { clock, tickMs: 1000 }))).toEqual(expected);
    }
    expect(clock.given).toEqual([]);
    // All three present: taken (it never changes, so the only timer is the next tick, 1 s on).
    watchTracker(partialTracker('nextChange', 'list', 'get'), {}, { clock, tickMs: 1000 });
    expect(clock.delays).toEqual([1000]);
  });
});

describe('every handler is optional', () => {
  it('ticks with no onTick handler still report the phase change', () => {
    // From 18:30 with hourly ticks: a tick at the start and at 19:00; the deadline at 19:00.
    const clock = new RecordingClock(utc(2025, 3, 3, 18, 30));
    const phases: [Phase, Phase, number][] = [];
    watch(sla(10), { onPhase: (s, before) => phases.push([before, s.phase, clock.time]) }, { clock, tickMs: HOUR });
    clock.advanceTo(utc(2025, 3, 3, 20, 30));
    expect(phases).toEqual([['active', 'expired', utc(2025, 3, 3, 19)]]);
  });

  it('a phase change with no onPhase handler still reports the milestones around it', () => {
    // From 17:30: 90 % and 1 hour left at 18:00, then the deadline (a phase change) at 19:00.
    const clock = new RecordingClock(utc(2025, 3, 3, 17, 30));
    const seen: [string, number][] = [];
    watch(sla(10), { onMilestone: (m) => seen.push([m.label, clock.time]) }, { clock });
    clock.advanceTo(utc(2025, 3, 3, 20));
    expect(seen).toEqual([
      ['90 % of the time elapsed', utc(2025, 3, 3, 18)],
      ['1 hour left', utc(2025, 3, 3, 18)],
    ]);
    // 17:30 → 18:00 (milestones), 18:00 → 19:00 (deadline); nothing after.
    expect(clock.delays).toEqual([30 * MINUTE, HOUR]);
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
