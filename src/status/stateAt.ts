import { addDuration } from '../rules/duration.js';
import { addWork, workBetween } from '../rules/businessClock.js';
import { scheduleOf } from '../rules/weeklySchedule.js';
import type { Compiled, EnforcementRecord, PauseSpan } from './compile.js';
import { BUSINESS, COMPLIED, EARLIEST, ENFORCEMENT, FIELDS, LATEST, META, PAUSE_START, PAUSED, PAUSED_SINCE, PAUSED_TOTAL, PAUSED_WORK, TERMINAL_MS, WINDOW, WITHDRAWN } from './historyStates.js';
import { eventsUpTo } from './eventsUpTo.js';

/**
 * Where an ultimatum stands, in the order the rules are tried: before `issuedAt` it is
 * `pending`; then `complied`, `withdrawn`, `enforced`, `paused`; at or past the deadline
 * `expired`; otherwise `active`.
 *
 * @example
 * const phase: Phase = status(u, '2025-08-10').phase; //=> 'enforced'
 */
export type Phase = 'pending' | 'active' | 'paused' | 'expired' | 'enforced' | 'complied' | 'withdrawn';

/**
 * Everything about a compiled ultimatum at one instant, in epoch ms and ms: the one query that
 * `status`, `countdown`, `milestones`, `explain`, `timeline`, `ics`, the tracker and `watch`
 * read from. Integer arithmetic on the compiled history; no luxon, no words.
 *
 * @example
 * const s = stateAt(compiledOf(u), Date.UTC(2025, 7, 1, 16));
 * s.latestMs === Date.UTC(2025, 7, 8, 16) //=> true (the deadline in force on 1 August)
 */
export interface StateAt {
  /** The instant asked about (`Infinity`: after the whole history, a pause in progress ended at once). */
  readonly atMs: number;
  readonly phase: Phase;
  /** Events folded in (those at or before `atMs`). */
  readonly count: number;
  readonly paused: boolean;
  /** The instant the active time is read at: `atMs` (issue at the earliest), the end once ended, a pause's last move after the whole history. */
  readonly clockMs: number;
  /** When the pause in progress began; 0 when running. */
  readonly pauseStartMs: number;
  /** How far the pause in progress has moved the deadline so far. */
  readonly movingMs: number;
  /** The deadline in force (`latestMs`), the opening of its window (`earliestMs`, equal when none). */
  readonly earliestMs: number;
  readonly latestMs: number;
  readonly window: boolean;
  /** True when complied with or withdrawn: no deadline is in force. */
  readonly ended: boolean;
  /** When it ended (0 when it has not). */
  readonly endedMs: number;
  /** Time paused, the pause in progress included. */
  readonly pausedMs: number;
  /** Active (unpaused) time from issue to the deadline. */
  readonly totalMs: number;
  /** Active time elapsed, capped at `totalMs`. */
  readonly elapsedMs: number;
  /** How many enforcement records (`Compiled.enforcements`) are in force. */
  readonly enforcementCount: number;
  /** True when the rule in force counts business time: the figures below are then working time. */
  readonly business: boolean;
  /** Working time of the pauses, the one in progress included (0 unless `business`). */
  readonly pausedWorkMs: number;
  /** Working time from issue to the deadline, less the pauses (0 unless `business`). */
  readonly totalWorkMs: number;
  /** Working time elapsed, less the pauses, capped at `totalWorkMs` (0 unless `business`). */
  readonly elapsedWorkMs: number;
}

/**
 * The state of a compiled ultimatum at `atMs`, folding the events at or before it (as-of).
 *
 * @example
 * stateAt(compiledOf(u), Date.UTC(2025, 7, 10)).phase //=> 'enforced'
 */
export function stateAt(c: Compiled, atMs: number): StateAt {
  return new State(c, atMs);
}

/**
 * Active (unpaused) time from issue to the deadline, from figures of a state already read.
 *
 * @example
 * activeTotal(s.latestMs, c.issuedMs, s.pausedMs) === s.totalMs //=> true
 */
export function activeTotal(latestMs: number, issuedMs: number, pausedMs: number): number {
  return Math.max(0, latestMs - issuedMs - pausedMs);
}

/**
 * Active time elapsed at the state's clock, capped at the total, from figures already read.
 *
 * @example
 * activeElapsed(s.totalMs, s.clockMs, c.issuedMs, s.pausedMs) === s.elapsedMs //=> true
 */
export function activeElapsed(totalMs: number, clockMs: number, issuedMs: number, pausedMs: number): number {
  return Math.min(totalMs, Math.max(0, clockMs - issuedMs - pausedMs));
}

/**
 * `StateAt` as a class: only the instant, the clock and where the history state lies are stored,
 * the rest is read through getters. A status is asked for millions of times a second: an object
 * literal with a dozen number fields would allocate a dozen boxed numbers each time.
 */
class State implements StateAt {
  readonly atMs: number;
  readonly phase: Phase;
  readonly count: number;
  readonly clockMs: number;
  readonly #issuedMs: number;
  readonly #c: Compiled;
  /** The packed history states (`historyStates`), and where the one in force starts in them. */
  readonly #states: readonly number[];
  readonly #at: number;
  readonly #meta: number;

  constructor(c: Compiled, atMs: number) {
    const pending = atMs < c.issuedMs;
    const count = pending ? 0 : eventsUpTo(c.eventMs, atMs);
    const states = c.states;
    const at = count * FIELDS;
    const meta = states[at + META] as number;
    this.atMs = atMs;
    this.count = count;
    this.#states = states;
    this.#at = at;
    this.#meta = meta;
    this.#issuedMs = c.issuedMs;
    this.#c = c;
    const paused = (meta & PAUSED) !== 0;
    const terminal = meta & COMPLIED ? 'complied' : meta & WITHDRAWN ? 'withdrawn' : null;
    // The clock the active time is read on: stopped at the end; after the whole history, a pause
    // in progress counts as ended where it began.
    this.clockMs =
      terminal !== null ? this.#field(TERMINAL_MS) : paused && atMs === Number.POSITIVE_INFINITY ? this.#field(PAUSED_SINCE) : Math.max(atMs, c.issuedMs);
    if (pending) this.phase = 'pending';
    else if (terminal !== null) this.phase = terminal;
    else if (meta >= ENFORCEMENT) this.phase = 'enforced';
    else if (paused) this.phase = 'paused';
    else this.phase = atMs >= this.#field(LATEST) ? 'expired' : 'active';
  }

  /** A field of the history state in force (`historyStates`' positions). */
  #field(field: number): number {
    return this.#states[this.#at + field] as number;
  }
  get paused(): boolean {
    return (this.#meta & PAUSED) !== 0;
  }
  get pauseStartMs(): number {
    return this.#field(PAUSE_START);
  }
  get movingMs(): number {
    return this.paused ? this.clockMs - this.#field(PAUSED_SINCE) : 0;
  }
  /** Working time the pause in progress has covered so far (business clock only). */
  get #movingWork(): number {
    return this.business && this.paused ? workBetween(scheduleOf(this.#c.calendar), this.#c.zone, this.#field(PAUSED_SINCE), this.clockMs) : 0;
  }
  #moved(ms: number): number {
    if (!this.business) return ms + this.movingMs;
    return addWork(scheduleOf(this.#c.calendar), this.#c.zone, ms, this.#movingWork);
  }
  get earliestMs(): number {
    return this.#moved(this.#field(EARLIEST));
  }
  get latestMs(): number {
    return this.#moved(this.#field(LATEST));
  }
  get business(): boolean {
    return (this.#meta & BUSINESS) !== 0;
  }
  get pausedWorkMs(): number {
    return this.#field(PAUSED_WORK) + this.#movingWork;
  }
  #workSinceIssue(ms: number): number {
    return this.business ? workBetween(scheduleOf(this.#c.calendar), this.#c.zone, this.#issuedMs, ms) : 0;
  }
  get totalWorkMs(): number {
    return Math.max(0, this.#workSinceIssue(this.latestMs) - this.pausedWorkMs);
  }
  get elapsedWorkMs(): number {
    return Math.min(this.totalWorkMs, Math.max(0, this.#workSinceIssue(this.clockMs) - this.pausedWorkMs));
  }
  get window(): boolean {
    return (this.#meta & WINDOW) !== 0;
  }
  get ended(): boolean {
    return (this.#meta & (COMPLIED | WITHDRAWN)) !== 0;
  }
  get endedMs(): number {
    return this.ended ? this.#field(TERMINAL_MS) : 0;
  }
  get pausedMs(): number {
    return this.#field(PAUSED_TOTAL) + this.movingMs;
  }
  get totalMs(): number {
    return activeTotal(this.latestMs, this.#issuedMs, this.pausedMs);
  }
  get elapsedMs(): number {
    return activeElapsed(this.totalMs, this.clockMs, this.#issuedMs, this.pausedMs);
  }
  get enforcementCount(): number {
    return this.phase === 'pending' ? 0 : Math.floor(this.#meta / ENFORCEMENT);
  }
}

/**
 * The enforcements in force in a state, and which consequences they imposed fully or in part.
 *
 * @example
 * enforcementsAt(c, stateAt(c, Date.UTC(2025, 7, 10))).partly.has(0) //=> true
 */
export function enforcementsAt(
  c: Compiled,
  state: StateAt,
): { records: readonly EnforcementRecord[]; fully: ReadonlySet<number>; partly: ReadonlySet<number> } {
  const records = c.enforcements.slice(0, state.enforcementCount);
  const fully = new Set<number>();
  const partly = new Set<number>();
  for (const r of records) {
    partly.add(r.consequenceIndex);
    if (!r.partial) fully.add(r.consequenceIndex);
  }
  return { records, fully, partly };
}

/**
 * When a consequence falls due under a deadline: the deadline plus its `offset`, on the zone's
 * calendar (so a pause moving the deadline moves the due date the same way a resume does).
 *
 * @example
 * dueOf(compiled, 0, Date.UTC(2025, 7, 8, 16)) //=> Date.UTC(2025, 7, 8, 16) when the first consequence has no offset
 */
export function dueOf(c: Compiled, consequenceIndex: number, deadlineMs: number): number {
  const offset = c.consequences[consequenceIndex]?.offset;
  return offset === undefined ? deadlineMs : addDuration(deadlineMs, offset, c.zone, { calendar: c.calendar });
}

/**
 * The instant at which `activeMs` of unpaused time have passed since issue, under the pauses
 * begun among the first `count` events (one still in progress ends at `clockMs`).
 *
 * @example
 * instantOfActiveTime(c, 86_400_000, c.events.length, Number.POSITIVE_INFINITY) //=> issue + 1 day + the pauses before it
 */
export function instantOfActiveTime(c: Compiled, activeMs: number, count: number, clockMs: number): number {
  let t = c.issuedMs + activeMs;
  // Indexed, not for-of: most lists of pauses are the one frozen empty list, which V8 iterates
  // with an object per step.
  for (let i = 0; i < c.pauses.length; i++) {
    const p = c.pauses[i] as PauseSpan;
    if (p.startIndex >= count || p.startMs >= t) break;
    const end = p.endIndex < count ? p.endMs : Math.max(p.startMs, clockMs);
    t += end - p.startMs;
  }
  return t;
}

/**
 * The instant at which a fraction of the way to the deadline is reached: of the active time, or
 * on a business clock of the working time (pauses, which stop that clock, left out either way).
 * `total` is that time to the deadline, when the caller has it already (it is read from `s` else).
 *
 * @example
 * instantOfProgress(c, stateAt(c, t), 0.5) //=> the half-way instant
 */
export function instantOfProgress(c: Compiled, s: StateAt, fraction: number, total = s.business ? s.totalWorkMs : s.totalMs): number {
  if (!s.business) return instantOfActiveTime(c, Math.round(fraction * total), s.count, s.clockMs);
  const schedule = scheduleOf(c.calendar);
  let t = addWork(schedule, c.zone, c.issuedMs, Math.round(fraction * total));
  for (let i = 0; i < c.pauses.length; i++) {
    const p = c.pauses[i] as PauseSpan;
    if (p.startIndex >= s.count || p.startMs >= t) break;
    const end = p.endIndex < s.count ? p.endMs : Math.max(p.startMs, s.clockMs);
    t = addWork(schedule, c.zone, t, workBetween(schedule, c.zone, p.startMs, end));
  }
  return t;
}
