/**
 * The shared timer behind <ultimatum-countdown>, on a hand-driven clock: one pending timeout for
 * any number of wakers, each woken from the clock's reading (late, early, set back), long waits
 * chained under setTimeout's limit, nothing left once the last waker is gone.
 */
import { describe, expect, it } from 'vitest';
import { createSharedTimer, type TimerHost, type Waker } from '../src/adapters/sharedTimer.js';

/** A clock and timers moved by hand: `advance` fires what falls due, in order. */
function manualHost() {
  let now = 1_000_000;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void; ms: number }>();
  let visible: (() => void) | undefined;
  let listens = 0;
  const host: TimerHost = {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(nextId, { at: now + ms, fn, ms });
      return nextId++;
    },
    clearTimeout: (h) => {
      timers.delete(h as number);
    },
    onVisible: (fn) => {
      listens++;
      visible = fn;
      return () => {
        visible = undefined;
      };
    },
  };
  return {
    host,
    timers,
    get listening() {
      return visible !== undefined;
    },
    get listens() {
      return listens;
    },
    show: () => visible?.(),
    set: (ms: number) => {
      now = ms;
    },
    /** Moves the clock on, firing each timer at the instant it was set for. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    /** Fires the pending timer at `ms` (late or early), whatever it was set for. */
    fireAt(ms: number) {
      const [id, t] = [...timers.entries()][0] as [number, { fn: () => void }];
      timers.delete(id);
      now = ms;
      t.fn();
    },
  };
}

/** A waker that records when it was woken and asks for the next multiple of `every`. */
function ticker(every: number) {
  const woken: number[] = [];
  const w: Waker = {
    wake(now) {
      woken.push(now);
      return (Math.floor(now / every) + 1) * every;
    },
  };
  return { w, woken };
}

describe('createSharedTimer', () => {
  it('wakes a waker at once, then when it asks; many wakers share one pending timeout', () => {
    const m = manualHost();
    const timer = createSharedTimer(m.host);
    const a = ticker(1_000);
    const b = ticker(60_000);
    timer.add(a.w);
    timer.add(b.w);
    expect(a.woken).toEqual([1_000_000]);
    expect(b.woken).toEqual([1_000_000]);
    expect(m.timers.size).toBe(1);
    m.advance(60_000);
    // a every second from 1 001 000 to 1 060 000; b at the next whole minute, 1 020 000.
    expect(a.woken.length).toBe(61);
    expect(a.woken.at(-1)).toBe(1_060_000);
    expect(b.woken).toEqual([1_000_000, 1_020_000]);
    expect(m.timers.size).toBe(1);
    expect(timer.size).toBe(2);
  });

  it('reads the clock on every wake: a late timer shows now, an early one wakes nobody', () => {
    const m = manualHost();
    const timer = createSharedTimer(m.host);
    const a = ticker(1_000);
    timer.add(a.w);
    // The tab slept for an hour: the waker is woken once, at the hour, not 3 600 times.
    m.fireAt(1_000_000 + 3_600_000);
    expect(a.woken).toEqual([1_000_000, 4_600_000]);
    // Fired 1 ms before its time: nobody woken, a new timeout for the rest.
    m.fireAt(4_600_999);
    expect(a.woken).toEqual([1_000_000, 4_600_000]);
    expect([...m.timers.values()].map((t) => t.ms)).toEqual([1]);
  });

  it('wakes at once a waker woken "in the future": the clock was set back', () => {
    const m = manualHost();
    const timer = createSharedTimer(m.host);
    const a = ticker(60_000);
    timer.add(a.w);
    m.set(400_000);
    m.fireAt(400_000);
    expect(a.woken).toEqual([1_000_000, 400_000]);
  });

  it('waits a minute at most (timers stop while a machine sleeps), waking a waker only when it is due', () => {
    const m = manualHost();
    const timer = createSharedTimer(m.host);
    const far = 1_000_000 + 40 * 86_400_000;
    const woken: number[] = [];
    timer.add({
      wake: (now) => {
        woken.push(now);
        return now < far ? far : Number.POSITIVE_INFINITY;
      },
    });
    expect([...m.timers.values()].map((t) => t.ms)).toEqual([60_000]);
    m.advance(40 * 86_400_000);
    expect(woken).toEqual([1_000_000, far]);
    expect(m.timers.size).toBe(0);
  });

  it('wakes everyone when the page is visible again, and stops everything with the last waker', () => {
    const m = manualHost();
    const timer = createSharedTimer(m.host);
    const a = ticker(3_600_000);
    const b = ticker(3_600_000);
    timer.add(a.w);
    timer.add(b.w);
    expect([m.listening, m.listens]).toEqual([true, 1]);
    m.set(1_000_500);
    m.show();
    expect(a.woken).toEqual([1_000_000, 1_000_500]);
    expect(b.woken).toEqual([1_000_000, 1_000_500]);
    timer.delete(a.w);
    expect(m.timers.size).toBe(1);
    timer.delete(b.w);
    expect(m.timers.size).toBe(0);
    expect(m.listening).toBe(false);
    expect(timer.size).toBe(0);
  });

  it('a waker that throws is not woken again; the others go on', () => {
    const m = manualHost();
    const timer = createSharedTimer(m.host);
    let calls = 0;
    const bad: Waker = {
      wake: (now) => {
        calls++;
        if (calls > 1) throw new Error('broken');
        return now + 1_000;
      },
    };
    const good = ticker(1_000);
    timer.add(bad);
    timer.add(good.w);
    expect(() => m.advance(1_000)).toThrow('broken');
    m.advance(5_000);
    expect(calls).toBe(2);
    expect(good.woken.at(-1)).toBe(1_006_000);
  });
});

describe('createSharedTimer, the edges', () => {
  it('works without a visibility hook, ignores a waker added twice or deleted unknown, and a NaN wish', () => {
    let now = 0;
    const set: number[] = [];
    const timer = createSharedTimer({ now: () => now, setTimeout: (_fn, ms) => set.push(ms), clearTimeout: () => undefined });
    let woken = 0;
    const w: Waker = {
      wake: () => {
        woken++;
        return Number.NaN;
      },
    };
    timer.add(w);
    timer.add(w);
    timer.delete({ wake: () => 0 });
    expect([woken, timer.size, set]).toEqual([1, 1, []]);
    now = 5;
    timer.wakeAll();
    expect(woken).toBe(2);
    timer.delete(w);
    expect(timer.size).toBe(0);
  });
});
