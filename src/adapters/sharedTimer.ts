/**
 * Something woken by a shared timer: given the clock's reading, it does its work and says when it
 * wants to be woken next (epoch ms; `Infinity`: not again until something changes).
 *
 * @example
 * const w: Waker = { wake: (now) => { redraw(now); return now + 1_000; } };
 */
export interface Waker {
  wake(nowMs: number): number;
}

/**
 * What a shared timer runs on: a clock, one-shot timers, and (in a page) a way to hear that the
 * page became visible again, returning how to stop listening.
 *
 * @example
 * const host: TimerHost = { now: Date.now, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) };
 */
export interface TimerHost {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  onVisible?(fn: () => void): () => void;
}

/**
 * One timer for many wakers (every `<ultimatum-countdown>` of a page).
 *
 * @example
 * const timer = createSharedTimer(host); timer.add(w); timer.delete(w); // nothing left running
 */
export interface SharedTimer {
  /** Wakes `w` now, then whenever it asks. */
  add(w: Waker): void;
  /** Stops waking `w`; the last one out stops the timer and the visibility listener. */
  delete(w: Waker): void;
  /** Wakes every waker now (the page became visible, the clock may have jumped). */
  wakeAll(): void;
  readonly size: number;
}

/**
 * The longest single wait: a longer one is chained, the clock read again on each wake. Well under
 * setTimeout's limit (2^31 − 1 ms), and short because timers count on a clock that stops while
 * the machine sleeps: after a sleep, a wall-clock instant that passed is seen within a minute.
 */
const MAX_WAIT_MS = 60_000;

interface Entry {
  /** When it asked to be woken, and when it was last woken (to see a clock moved back). */
  wantMs: number;
  wokeMs: number;
}

/**
 * A single timer that wakes each waker when it asks, reading the clock on every wake: a timer that
 * fires late (a background tab, a sleeping machine) or early, or a clock set back, never shows a
 * stale figure, because each waker is woken from what the clock says now, not from what was planned.
 *
 * @example
 * const timer = createSharedTimer({ now: Date.now, setTimeout, clearTimeout });
 * timer.add({ wake: (now) => { el.textContent = String(now); return now + 1_000; } });
 */
export function createSharedTimer(host: TimerHost): SharedTimer {
  const entries = new Map<Waker, Entry>();
  let handle: unknown;
  let stopListening: (() => void) | undefined;

  const wakeOne = (w: Waker, entry: Entry, now: number) => {
    entry.wokeMs = now;
    let want = Number.POSITIVE_INFINITY;
    try {
      want = w.wake(now);
    } finally {
      // A waker that throws is not woken again until it is added again: one bad element cannot stop the rest.
      entry.wantMs = Number.isNaN(want) ? Number.POSITIVE_INFINITY : want;
    }
  };

  const schedule = () => {
    if (handle !== undefined) host.clearTimeout(handle);
    handle = undefined;
    let next = Number.POSITIVE_INFINITY;
    for (const entry of entries.values()) next = Math.min(next, entry.wantMs);
    if (next === Number.POSITIVE_INFINITY) return;
    const wait = Math.min(Math.max(next - host.now(), 0), MAX_WAIT_MS);
    handle = host.setTimeout(tick, wait);
  };

  const run = (all: boolean) => {
    const now = host.now();
    const errors: unknown[] = [];
    for (const [w, entry] of entries) {
      // Due, or woken "in the future": the clock was set back, so what it planned is stale.
      if (!all && entry.wantMs > now && entry.wokeMs <= now) continue;
      try {
        wakeOne(w, entry, now);
      } catch (e) {
        errors.push(e);
      }
    }
    schedule();
    if (errors.length > 0) throw errors[0];
  };

  function tick() {
    handle = undefined;
    run(false);
  }

  return {
    add(w) {
      if (entries.has(w)) return;
      const entry: Entry = { wantMs: Number.POSITIVE_INFINITY, wokeMs: host.now() };
      entries.set(w, entry);
      if (stopListening === undefined && host.onVisible !== undefined) stopListening = host.onVisible(() => run(true));
      try {
        wakeOne(w, entry, entry.wokeMs);
      } finally {
        schedule();
      }
    },
    delete(w) {
      if (!entries.delete(w)) return;
      if (entries.size > 0) return schedule();
      if (handle !== undefined) host.clearTimeout(handle);
      handle = undefined;
      stopListening?.();
      stopListening = undefined;
    },
    wakeAll: () => run(true),
    get size() {
      return entries.size;
    },
  };
}
