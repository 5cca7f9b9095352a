import { DateTime, type Duration } from 'luxon';
import type { Consequence, DateInput, Ultimatum } from '../model/types.js';
import { exactDuration } from './exactDuration.js';
import type { Compiled } from './compile.js';
import { compiledOf } from './compiled.js';
import { type Milestone, milestonesOf } from './milestones.js';
import { readAt } from './readAt.js';
import { activeElapsed, activeTotal, dueOf, enforcementsAt, type Phase, type StateAt, stateAt } from './stateAt.js';

export type { Phase } from './stateAt.js';

/**
 * One imposition of a threatened consequence (an `enforce` event may name several).
 *
 * @example
 * status(u, '2025-08-10').consequences.enforced[0]?.partial //=> true
 */
export interface Enforcement {
  readonly consequence: Consequence;
  readonly at: DateTime;
  readonly partial: boolean;
  readonly note?: string;
}

/**
 * A consequence still hanging over the addressee, with when it falls due.
 *
 * @example
 * status(u, '2025-08-10').consequences.due[0]?.partiallyEnforced //=> true
 */
export interface ThreatenedConsequence {
  readonly consequence: Consequence;
  /** The deadline in force plus the consequence's `offset`, if any. */
  readonly dueAt: DateTime;
  /** True when an `enforce` event marked `partial` already imposed part of it. */
  readonly partiallyEnforced: boolean;
}

/**
 * The answer of `status(u, at)`. luxon values are built on first read, so reading only
 * `phase` and the `…Ms` figures costs no object construction.
 *
 * @example
 * const s: Status = status(u, '2025-07-20T12:00');
 * s.phase //=> 'active'
 * s.deadline?.toISO() //=> '2025-09-02T12:00:00.000-04:00'
 */
export interface Status {
  readonly phase: Phase;
  readonly at: DateTime;
  readonly issuedAt: DateTime;
  /** The deadline in force: the first overdue instant (`latest` of a window); `null` once complied or withdrawn. */
  readonly deadline: DateTime | null;
  /** Present when the deadline in force is a window. */
  readonly window?: { readonly earliest: DateTime; readonly latest: DateTime } | undefined;
  /** True when `earliest <= at < latest` of a window in force. */
  readonly inWindow: boolean;
  /** Active time left; zero once past. Frozen while paused and after compliance or withdrawal. */
  readonly remaining: Duration;
  /** Time past the deadline; `null` before it and once complied or withdrawn. */
  readonly overdueBy: Duration | null;
  /** Active (unpaused) time elapsed since issue, capped at the total active time. */
  readonly elapsed: Duration;
  /** `elapsed / (elapsed + remaining)`, in [0, 1]; on a business-time rule, of working time. */
  readonly progress: number;
  /** Time spent paused, including a pause in progress. */
  readonly pausedFor: Duration;
  readonly consequences: {
    readonly threatened: readonly ThreatenedConsequence[];
    readonly enforced: readonly Enforcement[];
    readonly due: readonly ThreatenedConsequence[];
  };
  /** The next milestone after `at` (defaults as `milestones()`), if any is left. */
  readonly nextMilestone?: Milestone | undefined;
  /** The figures above in epoch ms / ms, for arithmetic without luxon. */
  readonly atMs: number;
  readonly deadlineMs: number | null;
  readonly remainingMs: number;
  readonly overdueMs: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  /** Working time left, when the rule counts business time (days, hours, minutes); frozen while paused. */
  readonly remainingBusinessMs?: number | undefined;
  /** Working time elapsed since issue, less the pauses, when the rule counts business time. */
  readonly elapsedBusinessMs?: number | undefined;
}

class StatusView implements Status {
  readonly phase: Phase;
  readonly inWindow: boolean;
  readonly progress: number;
  readonly deadlineMs: number | null;
  readonly remainingMs: number;
  readonly overdueMs: number | null;
  readonly elapsedMs: number;
  readonly pausedMs: number;
  readonly atMs: number;
  readonly remainingBusinessMs?: number;
  readonly elapsedBusinessMs?: number;
  readonly #c: Compiled;
  readonly #s: StateAt;
  readonly #u: Ultimatum;

  constructor(u: Ultimatum, c: Compiled, s: StateAt) {
    this.#u = u;
    this.#c = c;
    this.#s = s;
    // Each figure read once: the state computes them afresh on every read.
    const { atMs, latestMs, pausedMs } = s;
    const totalMs = activeTotal(latestMs, c.issuedMs, pausedMs);
    const elapsedMs = activeElapsed(totalMs, s.clockMs, c.issuedMs, pausedMs);
    this.atMs = atMs;
    this.phase = s.phase;
    this.pausedMs = pausedMs;
    this.elapsedMs = elapsedMs;
    this.remainingMs = totalMs - elapsedMs;
    this.progress = totalMs === 0 ? 1 : elapsedMs / totalMs;
    if (s.business) {
      const total = s.totalWorkMs;
      const elapsed = s.elapsedWorkMs;
      this.remainingBusinessMs = total - elapsed;
      this.elapsedBusinessMs = elapsed;
      this.progress = total === 0 ? 1 : elapsed / total;
    }
    const open = !s.ended;
    this.deadlineMs = open ? latestMs : null;
    this.overdueMs = open && s.phase !== 'pending' && atMs >= latestMs ? atMs - latestMs : null;
    this.inWindow = open && s.window && atMs >= s.earliestMs && atMs < latestMs;
  }

  #dt(ms: number): DateTime {
    return DateTime.fromMillis(ms, { zone: this.#c.zone });
  }
  get at(): DateTime {
    return this.#dt(this.atMs);
  }
  get issuedAt(): DateTime {
    return this.#dt(this.#c.issuedMs);
  }
  get deadline(): DateTime | null {
    return this.deadlineMs === null ? null : this.#dt(this.deadlineMs);
  }
  get window(): { earliest: DateTime; latest: DateTime } | undefined {
    if (!this.#s.window || this.deadlineMs === null) return undefined;
    return { earliest: this.#dt(this.#s.earliestMs), latest: this.#dt(this.#s.latestMs) };
  }
  get remaining(): Duration {
    return exactDuration(this.remainingMs);
  }
  get overdueBy(): Duration | null {
    return this.overdueMs === null ? null : exactDuration(this.overdueMs);
  }
  get elapsed(): Duration {
    return exactDuration(this.elapsedMs);
  }
  get pausedFor(): Duration {
    return exactDuration(this.pausedMs);
  }
  get nextMilestone(): Milestone | undefined {
    if (this.deadlineMs === null) return undefined;
    return milestonesOf(this.#u, this.#c, this.#s).find((m) => m.atMs > this.atMs);
  }
  get consequences(): Status['consequences'] {
    const c = this.#c;
    const s = this.#s;
    const { records, fully, partly } = enforcementsAt(c, s);
    const lifted = s.ended;
    const threatened: ThreatenedConsequence[] = [];
    const due: ThreatenedConsequence[] = [];
    c.consequences.forEach((consequence, i) => {
      if (lifted || fully.has(i)) return;
      const dueMs = dueOf(c, i, s.latestMs);
      const entry: ThreatenedConsequence = { consequence, dueAt: this.#dt(dueMs), partiallyEnforced: partly.has(i) };
      threatened.push(entry);
      if (this.phase !== 'pending' && this.atMs >= dueMs) due.push(entry);
    });
    const enforced = records.map((r): Enforcement => {
      const note = c.events[r.eventIndex]?.note;
      const e = { consequence: c.consequences[r.consequenceIndex] as Consequence, at: this.#dt(r.atMs), partial: r.partial };
      return note === undefined ? e : { ...e, note };
    });
    return { threatened, enforced, due };
  }
  toJSON(): Record<string, unknown> {
    const iso = (ms: number | null) => (ms === null ? null : this.#dt(ms).toISO());
    const w = this.window;
    return {
      phase: this.phase,
      at: iso(this.atMs),
      issuedAt: iso(this.#c.issuedMs),
      deadline: iso(this.deadlineMs),
      ...(w ? { window: { earliest: w.earliest.toISO(), latest: w.latest.toISO() } } : {}),
      inWindow: this.inWindow,
      remainingMs: this.remainingMs,
      overdueMs: this.overdueMs,
      elapsedMs: this.elapsedMs,
      pausedMs: this.pausedMs,
      ...(this.elapsedBusinessMs === undefined ? {} : { remainingBusinessMs: this.remainingBusinessMs, elapsedBusinessMs: this.elapsedBusinessMs }),
      progress: this.progress,
      consequences: this.consequences,
    };
  }
}

/**
 * The status of a compiled ultimatum at epoch ms `atMs` (for the tracker, which keeps the compiled forms).
 *
 * @example
 * statusOfCompiled(u, compiledOf(u), Date.UTC(2025, 7, 10)).phase //=> 'enforced'
 */
export function statusOfCompiled(u: Ultimatum, c: Compiled, atMs: number): Status {
  return new StatusView(u, c, stateAt(c, atMs));
}

/**
 * Where an ultimatum stands at an instant, folding only the events at or before it (as-of):
 * asking about 1 August 2025 gives the deadline in force on 1 August, not today's.
 *
 * @example
 * status(u, '2025-08-01T12:00').deadline?.toISO() //=> '2025-08-08T12:00:00.000-04:00'
 * status(u, '2025-08-10').phase //=> 'enforced'
 */
export function status(u: Ultimatum, at?: DateInput): Status {
  const c = compiledOf(u);
  return new StatusView(u, c, stateAt(c, readAt(at, c.zone)));
}

/**
 * The deadline in force at an instant (the first overdue instant), or `null` once complied or withdrawn.
 *
 * @example
 * deadlineOf(u, '2025-07-20')?.toISO() //=> '2025-09-02T12:00:00.000-04:00'
 */
export function deadlineOf(u: Ultimatum, at?: DateInput): DateTime | null {
  return status(u, at).deadline;
}
