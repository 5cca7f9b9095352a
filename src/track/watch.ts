import { UltimatumError, type UltimatumIssue } from '../errors/UltimatumError.js';
import * as z from 'zod/mini';
import * as messages from '../errors/messages.js';
import { because, parseWith } from '../model/zodIssues.js';
import type { Ultimatum } from '../model/types.js';
import { eventsUpTo } from '../status/eventsUpTo.js';
import { type Milestone, milestonesOverHistory } from '../status/milestones.js';
import { type Phase, type Status, status } from '../status/status.js';
import { changeInstants } from './changeInstants.js';
import type { Tracker } from './tracker.js';

/**
 * Where a watch reads the time and sets its timers; inject one to drive time in tests.
 *
 * @example
 * const clock: Clock = { now: () => fakeNow, setTimeout: (fn, ms) => queue.add(fn, ms), clearTimeout: (h) => queue.remove(h) };
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * What a watch reports. Each is called with the ultimatum it concerns.
 *
 * @example
 * const handlers: WatchHandlers = { onPhase: (s, before) => console.log(`${before} → ${s.phase}`) };
 */
export interface WatchHandlers {
  /** Every `tickMs`, aligned to multiples of `tickMs` since the epoch (whole seconds, minutes…), and once at the start. */
  onTick?(status: Status, ultimatum: Ultimatum): void;
  /** When the phase changes (not at the start: read `status()` for that). */
  onPhase?(status: Status, previous: Phase, ultimatum: Ultimatum): void;
  /** When a milestone passes; `late` when it passed more than `lateAfterMs` before the watch noticed (a machine asleep). */
  onMilestone?(milestone: Milestone, info: { late: boolean; status: Status }, ultimatum: Ultimatum): void;
}

/**
 * How a watch runs.
 *
 * @example
 * const opts: WatchOptions = { tickMs: 1000, signal: controller.signal };
 */
export interface WatchOptions {
  readonly signal?: AbortSignal | undefined;
  /** Tick period in ms; no ticks when absent. */
  readonly tickMs?: number | undefined;
  readonly clock?: Clock | undefined;
  /** How long after its instant a milestone counts as reported late; default 1 000 ms. */
  readonly lateAfterMs?: number | undefined;
}

/**
 * A running watch.
 *
 * @example
 * const w = watch(u, handlers); w.stop();
 */
export interface Watch {
  /** Releases every timer; nothing is reported after it. Safe to call twice. */
  stop(): void;
  /** Looks again now: after changing a watched tracker, so a new earlier change is not missed. */
  refresh(): void;
}

/** Node clamps longer timeouts to 1 ms, which would fire a 50-day wait at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

interface Source {
  /** Ultimatums with a change in (from, to]. */
  changedIn(from: number, to: number): Iterable<Ultimatum>;
  /** The first change instant after `t`, or Infinity. */
  nextChangeAfter(t: number): number;
  all(): Iterable<Ultimatum>;
}

const fn = (v: unknown) => typeof v === 'function';
const callback = /* @__PURE__ */ (() => z.custom<(...args: never[]) => unknown>(fn, because(messages.expectedType('a function'))))();

const HandlersSchema = /* @__PURE__ */ (() => z.strictObject({ onTick: z.optional(callback), onPhase: z.optional(callback), onMilestone: z.optional(callback) }))();

const OptionsSchema = /* @__PURE__ */ (() => z.strictObject({
  signal: z.optional(
    z.custom<AbortSignal>(
      (v) => typeof v === 'object' && v !== null && 'aborted' in v && fn((v as AbortSignal).addEventListener),
      because(messages.expectedType('an AbortSignal')),
    ),
  ),
  tickMs: z.optional(z.number().check(z.refine((v) => Number.isInteger(v) && v > 0, because(messages.positiveMs())))),
  clock: z.optional(
    z.custom<Clock>(
      (v) => typeof v === 'object' && v !== null && fn((v as Clock).now) && fn((v as Clock).setTimeout) && fn((v as Clock).clearTimeout),
      because(messages.expectedType('a clock: { now(), setTimeout(fn, ms), clearTimeout(handle) }')),
    ),
  ),
  lateAfterMs: z.optional(z.number().check(z.refine((v) => v >= 0, because(messages.finiteNonNegative())))),
}))();

/** Checks handlers and options up front: a mistake must fail here, not later inside a timer. */
function checkArguments(handlers: unknown, opts: unknown): void {
  // Handler and option names differ, so each problem is named by its own key; only handlers that
  // are not an object at all are named "handlers".
  const issues: UltimatumIssue[] = [];
  if (typeof handlers !== 'object' || handlers === null) {
    issues.push({ code: 'INVALID_INPUT', path: ['handlers'], ...messages.expectedType('an object of handlers') });
  } else {
    const h = parseWith(HandlersSchema, handlers, [], false);
    if (!h.success) issues.push(...h.issues);
  }
  const o = parseWith(OptionsSchema, opts, [], false);
  if (!o.success) issues.push(...o.issues);
  if (issues.length > 0) throw new UltimatumError(issues);
}

function run(source: Source, handlers: WatchHandlers, opts: WatchOptions): Watch {
  const clock = opts.clock ?? systemClock;
  const tickMs = opts.tickMs;
  const lateAfterMs = opts.lateAfterMs ?? 1_000;
  let stopped = false;
  let handle: unknown;
  // Time as the watch has seen it: it never goes back, so a clock moved back repeats nothing.
  let seen = clock.now();
  let nextTick = tickMs === undefined ? Number.POSITIVE_INFINITY : seen;
  let target = Number.POSITIVE_INFINITY;

  const report = (from: number, to: number) => {
    for (const u of source.changedIn(from, to)) {
      const now = status(u, to);
      const before = status(u, from).phase;
      if (before !== now.phase) handlers.onPhase?.(now, before, u);
      if (handlers.onMilestone) {
        for (const m of milestonesOverHistory(u)) {
          if (m.atMs > from && m.atMs <= to) handlers.onMilestone(m, { late: to - m.atMs > lateAfterMs, status: now }, u);
        }
      }
    }
  };

  const wake = () => {
    handle = undefined;
    if (stopped) return;
    const now = clock.now();
    const t = Math.max(now, seen);
    if (t > seen) report(seen, t);
    seen = t;
    if (t >= nextTick && tickMs !== undefined) {
      for (const u of source.all()) handlers.onTick?.(status(u, t), u);
      nextTick = (Math.floor(t / tickMs) + 1) * tickMs;
    }
    if (stopped) return; // a handler may stop the watch
    target = Math.min(nextTick, source.nextChangeAfter(t));
    if (target === Number.POSITIVE_INFINITY) return;
    // Waits past setTimeout's limit are chained; every wake re-reads the clock, so an early
    // wake (a chained wait, a clock moved back) only schedules the rest.
    handle = clock.setTimeout(wake, Math.min(MAX_TIMEOUT_MS, Math.max(0, target - now)));
  };

  const stop = () => {
    stopped = true;
    if (handle !== undefined) clock.clearTimeout(handle);
    handle = undefined;
    opts.signal?.removeEventListener('abort', stop);
  };

  if (opts.signal?.aborted) return { stop, refresh: () => {} };
  opts.signal?.addEventListener('abort', stop, { once: true });
  wake();
  return {
    stop,
    refresh: () => {
      if (stopped) return;
      if (handle !== undefined) clock.clearTimeout(handle);
      wake();
    },
  };
}

/** The first instant after `t`, or Infinity. */
function firstAfter(instants: Float64Array, t: number): number {
  return instants[eventsUpTo(instants, t)] ?? Number.POSITIVE_INFINITY;
}

/**
 * Watches one ultimatum: ticks, phase changes and milestones, with timers you can trust. Waits
 * longer than setTimeout's 24.8-day limit are chained; every wake re-reads the clock, so a
 * machine that slept or a clock moved forward or back never fires early and never twice, and a
 * milestone passed while asleep is reported once, flagged `late`. `stop()` or the `signal`
 * releases every timer, so a stopped watch never keeps Node alive.
 *
 * @example
 * const w = watch(u, {
 *   onTick: (s) => render(formatCountdown(countdown(u, s.atMs))),
 *   onPhase: (s, before) => notify(`${before} → ${s.phase}`),
 *   onMilestone: (m, { late }) => notify(`${m.label}${late ? ' (while asleep)' : ''}`),
 * }, { tickMs: 1000, signal });
 */
export function watch(u: Ultimatum, handlers: WatchHandlers, opts: WatchOptions = {}): Watch {
  checkArguments(handlers, opts);
  const instants = changeInstants(u);
  return run(
    {
      changedIn: (from, to) => (firstAfter(instants, from) <= to ? [u] : []),
      nextChangeAfter: (t) => firstAfter(instants, t),
      all: () => [u],
    },
    handlers,
    opts,
  );
}

/**
 * Watches every ultimatum of a tracker, waking only at the tracker's next change (or tick).
 * Call `refresh()` after adding or removing ultimatums.
 *
 * @example
 * const w = watchTracker(tracker, { onPhase: (s, before, u) => log(u.id, before, s.phase) });
 */
export function watchTracker(tracker: Tracker, handlers: WatchHandlers, opts: WatchOptions = {}): Watch {
  const t = tracker as Partial<Tracker> | null;
  if (typeof t !== 'object' || t === null || !fn(t.nextChange) || !fn(t.list) || !fn(t.get)) {
    throw new UltimatumError([{ code: 'INVALID_INPUT', path: ['tracker'], ...messages.expectedType('a tracker from createTracker()') }]);
  }
  checkArguments(handlers, opts);
  return run(
    {
      *changedIn(from, to) {
        const ids = new Set<string>();
        for (let next = tracker.nextChange(from); next !== null && next.atMs <= to; next = tracker.nextChange(next.atMs)) {
          for (const id of next.ids) ids.add(id);
        }
        for (const id of ids) {
          const u = tracker.get(id);
          if (u !== undefined) yield u;
        }
      },
      nextChangeAfter: (t) => tracker.nextChange(t)?.atMs ?? Number.POSITIVE_INFINITY,
      all: () => tracker.list(),
    },
    handlers,
    opts,
  );
}
