/**
 * watch / watchTracker edge cases: the system clock (under vitest's fake timers), option checks
 * with their paths, `lateAfterMs`, stopping from inside a handler, a clock that cannot cancel a
 * timer, an already aborted signal, refresh after stop, a clock moved back, and a tracker
 * changed while watched.
 */
import { type Clock, createTracker, createUltimatum, isUltimatumError, type Ultimatum, type Watch, watch, watchTracker } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base, utc } from './helpers.js';

const HOUR = 3_600_000;

/** 10 hours from Mon 3 Mar 2025 09:00 UTC: due 19:00; 50 % elapsed at 14:00. */
const tenHours = (id = 'ten') => createUltimatum(base({ id, zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { hours: 10 } } }));

/** A clock moved by hand; `fire()` runs the pending timers whose time has come. */
class HandClock implements Clock {
  time: number;
  timers = new Map<number, { at: number; fn: () => void }>();
  cancellable = true;
  private next = 1;
  constructor(time: number) {
    this.time = time;
  }
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    if (this.cancellable) this.timers.delete(id as number);
  };
  /** Sets the time and fires what is due, in order. */
  set(to: number): void {
    this.time = to;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= this.time).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) return;
      this.timers.delete(due[0]);
      due[1].fn();
    }
  }
}

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isUltimatumError(e)) return { code: e.code, path: e.issues[0]?.path, message: e.issues[0]?.message };
    throw e;
  }
  throw new Error('did not throw');
}

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

describe('options', () => {
  it('refuses a tickMs that is not a whole number of ms > 0, and a bad lateAfterMs, at their paths', () => {
    const positive = { code: 'INVALID_INPUT', path: ['tickMs'], message: 'must be a whole number of milliseconds > 0' };
    expect(issueOf(() => watch(tenHours(), {}, { tickMs: 1.5 }))).toEqual(positive);
    expect(issueOf(() => watch(tenHours(), {}, { tickMs: -1000 }))).toEqual(positive);
    const late = { code: 'INVALID_INPUT', path: ['lateAfterMs'], message: 'must be a finite number >= 0' };
    expect(issueOf(() => watch(tenHours(), {}, { lateAfterMs: -1 }))).toEqual(late);
    expect(issueOf(() => watchTracker(createTracker(), {}, { lateAfterMs: -0.5 }))).toEqual(late);
  });

  it('lateAfterMs decides when a milestone counts as reported late', () => {
    // The 50 % milestone is at 14:00; the watch wakes 3 s after it (the machine was busy).
    const report = (lateAfterMs?: number) => {
      const clock = new HandClock(utc(2025, 3, 3, 13));
      const seen: boolean[] = [];
      watch(tenHours(), { onMilestone: (m, { late }) => m.fraction === 0.5 && seen.push(late) }, { clock, lateAfterMs });
      clock.time = utc(2025, 3, 3, 14) + 3000;
      clock.set(clock.time);
      return seen;
    };
    expect(report()).toEqual([true]); // default: late after 1 s
    expect(report(5000)).toEqual([false]);
    expect(report(3000)).toEqual([false]); // exactly 3 s is not more than 3 s
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

describe('time going back and trackers changing', () => {
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

  it('watches a stored document given as plain JSON like the ultimatum itself', () => {
    const plain = JSON.parse(JSON.stringify(tenHours())) as Ultimatum;
    const clock = new HandClock(utc(2025, 3, 3, 18));
    const phases: [string, number][] = [];
    watch(plain, { onPhase: (s) => phases.push([s.phase, clock.time]) }, { clock });
    clock.set(utc(2025, 3, 3, 19, 30));
    expect(phases).toEqual([['expired', utc(2025, 3, 3, 19, 30)]]);
  });

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
