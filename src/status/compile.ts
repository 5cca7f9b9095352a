import type { IANAZone } from 'luxon';
import * as messages from '../errors/messages.js';
import type { Consequence, DurationSpec, Ultimatum, UltimatumEvent } from '../model/types.js';
import { addDuration } from '../rules/duration.js';
import { inSupportedRange, toEpochMs } from '../rules/instant.js';
import { IssueList } from '../rules/issues.js';
import { compiledCalendarOf } from '../rules/businessDays.js';
import type { CompiledCalendar } from '../rules/calendarDays.js';
import { type DeadlineHow, type RuleContext, resolveDeadline } from '../rules/resolveDeadline.js';
import type { ReadInstants } from '../rules/normaliseInput.js';
import { zoneFor } from '../rules/zone.js';
import { workBetween } from '../rules/businessClock.js';
import { scheduleOf } from '../rules/weeklySchedule.js';
import { applyEvent, fieldOf, pausesOf } from './applyEvent.js';
import { latestOf, newStates, packState, stateCount } from './historyStates.js';

/** Where the history stands after a prefix of its events; instants in epoch ms. */
export interface HistoryState {
  /** Deadline in force (`earliest === latest` unless a window); while paused, as it stood when the pause began. */
  readonly earliest: number;
  readonly latest: number;
  readonly window: boolean;
  /** True while a pause is in progress (the clock is stopped). */
  readonly paused: boolean;
  /**
   * While paused, the instant from which the deadline keeps moving: the start of the pause, or
   * the last event that changed the deadline during it. Meaningless (0) when running.
   */
  readonly pausedSince: number;
  /** When the pause in progress began (for explanations); 0 when running. */
  readonly pauseStart: number;
  /** Length of the pauses already ended. */
  readonly pausedTotal: number;
  /** True when the rule in force counts business time: a pause then stops the business clock. */
  readonly business: boolean;
  /** Working time (ms) the pauses already ended covered; 0 unless `business`. */
  readonly pausedWork: number;
  readonly terminal: 'complied' | 'withdrawn' | null;
  readonly terminalMs: number;
  /** Number of enforcement records (in `Compiled.enforcements`) made so far. */
  readonly enforcementCount: number;
}

/** One enforcement of one consequence. */
export interface EnforcementRecord {
  readonly consequenceIndex: number;
  readonly atMs: number;
  readonly partial: boolean;
  readonly eventIndex: number;
}

/**
 * What changed the deadline, as data: a rule (issue, reschedule), a shift by a duration or to an
 * instant (extend, shorten), the clock stopping or restarting, or the end.
 *
 * @example
 * const how: ChangeHow = { kind: 'shift', by: { days: 7 }, later: true };
 */
export type ChangeHow =
  | DeadlineHow
  | { readonly kind: 'shift'; readonly by: DurationSpec; readonly later: boolean }
  | { readonly kind: 'moveTo'; readonly to: string }
  | { readonly kind: 'stop' }
  | { readonly kind: 'restart' }
  | { readonly kind: 'ended'; readonly terminal: 'complied' | 'withdrawn' };

/**
 * How the deadline changed at one point of the history, for `explain()`.
 *
 * @example
 * const step: ChangeStep = { eventIndex: 0, atMs: Date.UTC(2025, 2, 4, 9), how: { kind: 'stop' } };
 */
export interface ChangeStep {
  /** `-1` for the rule the ultimatum was issued with. */
  readonly eventIndex: number;
  readonly atMs: number;
  readonly how: ChangeHow;
  /** For a resume: how long the clock stood still, and since when; on a business clock, the working time it moved by. */
  readonly pause?: { readonly startMs: number; readonly movedByMs: number; readonly movedByWorkMs?: number };
}

/**
 * An ultimatum resolved once: every instant in epoch ms and the state after each event,
 * so that `status` is a binary search and integer arithmetic.
 */
export interface Compiled {
  readonly zone: IANAZone;
  readonly calendar: CompiledCalendar;
  readonly zoneName: string;
  readonly issuedMs: number;
  readonly events: readonly UltimatumEvent[];
  readonly eventMs: readonly number[];
  /**
   * The state after the first `k` events, for each `k`, packed as numbers (read them through
   * `historyStates`: `stateOf(states, k)`, `latestOf(states, k)`…).
   */
  readonly states: readonly number[];
  readonly consequences: readonly Consequence[];
  readonly enforcements: readonly EnforcementRecord[];
  /** The document compiled (to recompute the change steps when asked: they are not kept). */
  readonly doc: Ultimatum;
  /** Every pause of the history, in order. */
  readonly pauses: readonly PauseSpan[];
  /** The milestones the ultimatum asks for (its own `milestones`, else the defaults). */
  readonly milestoneFractions: readonly number[];
  readonly milestoneBefore: readonly DurationSpec[];
}

/**
 * One pause: from the `pause` event to the event that ended it (resume, comply, withdraw).
 *
 * @example
 * const p: PauseSpan = { startMs: 0, startIndex: 0, endMs: Number.POSITIVE_INFINITY, endIndex: 1 }; // still paused
 */
export interface PauseSpan {
  readonly startMs: number;
  readonly startIndex: number;
  /** `Infinity` while it has not ended. */
  readonly endMs: number;
  /** `events.length` while it has not ended. */
  readonly endIndex: number;
}

/** One empty list shared by every ultimatum without events (a tracker holds a million). */
const NONE: readonly never[] = Object.freeze([]);
// Frozen: every milestone on the defaults hands its duration out, and labels are made once per duration.
const DEFAULT_FRACTIONS: readonly number[] = Object.freeze([0.5, 0.75, 0.9]);
const DEFAULT_BEFORE: readonly DurationSpec[] = Object.freeze([{ days: 7 }, { days: 1 }, { hours: 1 }].map(Object.freeze));

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Paths shared by every document read (an issue copies its path).
const ISSUED_AT = ['issuedAt'];
const DEADLINE = ['deadline'];

/** An instant already read, or undefined where it was not (NaN: its text was not the stored form). */
function known(ms: number | undefined): number | undefined {
  return ms === undefined || Number.isNaN(ms) ? undefined : ms;
}


/**
 * Resolves a stored ultimatum once: parses every instant, folds the history event by event
 * and checks it as a whole (order, nothing after a terminal event, extend later / shorten
 * earlier, resume needs a pause, enforce names known consequences). Returns the problems
 * instead when there are any. `read` holds instants already read from this very text, by
 * `normaliseInput`: they are not read again.
 *
 * @example
 * const { compiled } = compile(u); stateCount(compiled!.states) //=> u.events.length + 1
 */
export function compile(u: Ultimatum, read?: ReadInstants): { compiled?: Compiled; changes: readonly ChangeStep[]; issues: IssueList } {
  const issues = new IssueList();
  const zone = zoneFor(u.zone);
  if (zone === undefined) {
    issues.add('INVALID_ZONE', ['zone'], messages.unknownZone(u.zone));
    return { issues, changes: NONE };
  }
  const issuedMs = known(read?.issuedMs) ?? toEpochMs(u.issuedAt, zone, 'start', ISSUED_AT, issues);
  if (issuedMs === undefined) return { issues, changes: NONE };
  const calendar = compiledCalendarOf(u.calendar);
  const rules: RuleContext = { zone, zoneName: u.zone, calendar };
  const initial = resolveDeadline(u.deadline, issuedMs, rules, DEADLINE, issues);
  const eventMs = u.events.length === 0 ? NONE : u.events.map((e, i) => known(read?.eventMs[i]) ?? toEpochMs(e.at, zone, 'start', ['events', i, 'at'], issues) ?? Number.NaN);
  if (initial !== undefined && initial.earliest < issuedMs) issues.add('INVALID_INPUT', DEADLINE, messages.deadlineBeforeIssue());
  if (initial === undefined || issues.length > 0) return { issues, changes: NONE };

  const out = { enforcements: [] as EnforcementRecord[], changes: [{ eventIndex: -1, atMs: issuedMs, how: initial.how }] as ChangeStep[] };
  let s: Mutable<HistoryState> = {
    earliest: initial.earliest,
    latest: initial.latest,
    window: initial.window,
    paused: false,
    pausedSince: 0,
    pauseStart: 0,
    pausedTotal: 0,
    business: initial.business === true,
    pausedWork: 0,
    terminal: null,
    terminalMs: Number.NaN,
    enforcementCount: 0,
  };
  const states = newStates(u.events.length + 1);
  packState(states, 0, s);
  // Made only for a history to fold (most documents have none), and written out: a spread copies
  // through a slow generic path.
  const ctx = u.events.length === 0 ? undefined : { zone, zoneName: u.zone, calendar, consequenceIds: u.consequences.map((c) => c.id) };
  for (let i = 0; ctx !== undefined && i < u.events.length; i++) {
    const e = u.events[i] as UltimatumEvent;
    const atMs = eventMs[i] as number;
    const previous = i === 0 ? issuedMs : (eventMs[i - 1] as number);
    // An event refused for when it happened is not also checked for what it did (no echo).
    const found = issues.length;
    if (atMs < issuedMs) issues.add('INVALID_EVENT', ['events', i, 'at'], messages.eventBeforeIssue());
    else if (atMs < previous) issues.add('INVALID_EVENT', ['events', i, 'at'], messages.eventOutOfOrder(u.events[i - 1]?.at ?? u.issuedAt));
    if (s.terminal !== null) issues.add('INVALID_EVENT', ['events', i, 'type'], messages.eventAfterTerminal(s.terminal));
    s = { ...s };
    const before = { earliest: s.earliest, latest: s.latest };
    applyEvent(ctx, s, e, i, atMs, out, issues);
    // Only an event that moved the deadline can have put it out of bounds (no echo on later ones).
    const checked = issues.length === found && (s.earliest !== before.earliest || s.latest !== before.latest);
    if (checked && s.earliest < issuedMs) {
      issues.add('INVALID_EVENT', ['events', i, fieldOf(e)], messages.deadlineBeforeIssue());
    } else if (checked && (s.business ? workBetween(scheduleOf(calendar), zone, issuedMs, s.earliest) < s.pausedWork : s.earliest - issuedMs < s.pausedTotal)) {
      // Time paused is not active time: a deadline inside it would leave less than none.
      issues.add('INVALID_EVENT', ['events', i, fieldOf(e)], messages.noActiveTime());
    } else if (checked && !inSupportedRange(s.latest)) {
      // A pause long enough to carry the deadline past year 9999.
      issues.add('OUT_OF_RANGE', ['events', i, 'at'], messages.durationOutOfRange());
    }
    packState(states, i + 1, s);
  }
  // Due dates grow with the deadline, so checking the latest deadline ever in force covers every state.
  let latestEver = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < stateCount(states); k++) latestEver = Math.max(latestEver, latestOf(states, k));
  for (let j = 0; j < u.consequences.length; j++) {
    const offset = u.consequences[j]?.offset;
    if (offset !== undefined && !inSupportedRange(addDuration(latestEver, offset, zone, { calendar }))) {
      issues.add('OUT_OF_RANGE', ['consequences', j, 'offset'], messages.durationOutOfRange());
    }
  }
  if (issues.length > 0) return { issues, changes: out.changes };
  return {
    issues,
    changes: out.changes,
    compiled: {
      zone,
      calendar,
      zoneName: u.zone,
      issuedMs,
      events: u.events,
      eventMs: eventMs.length === 0 ? NONE : eventMs,
      states,
      consequences: u.consequences,
      enforcements: out.enforcements.length === 0 ? NONE : out.enforcements,
      doc: u,
      pauses: u.events.length === 0 ? NONE : pausesOf(u.events, eventMs),
      milestoneFractions: u.milestones?.fractions ?? DEFAULT_FRACTIONS,
      milestoneBefore: u.milestones?.before ?? DEFAULT_BEFORE,
    },
  };
}

const changeCache = new WeakMap<Compiled, readonly ChangeStep[]>();

/**
 * How the deadline changed over the history, step by step (for `explain()`): recomputed from the
 * document on first use, since most ultimatums are never explained and a tracker holds many.
 *
 * @example
 * changesOf(compiledOf(u))[0]?.eventIndex //=> -1 (the rule it was issued with)
 */
export function changesOf(c: Compiled): readonly ChangeStep[] {
  let changes = changeCache.get(c);
  if (changes === undefined) {
    changes = compile(c.doc).changes;
    changeCache.set(c, changes);
  }
  return changes;
}
