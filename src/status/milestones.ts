import { DateTime } from 'luxon';
import { UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { DateInput, DurationInput, DurationSpec, Ultimatum } from '../model/types.js';
import { addDuration, negateDuration, toDurationSpec } from '../rules/duration.js';
import { z } from 'zod';
import { DateInputSchema, DurationInputSchema } from '../model/schemas.js';
import { parseWith } from '../model/zodIssues.js';
import { IssueList } from '../rules/issues.js';
import type { Compiled, HistoryState } from './compile.js';
import { compiledOf } from './compiled.js';
import { readAt } from './readAt.js';
import { eventsUpTo } from './eventsUpTo.js';

/**
 * A derived instant worth a reminder: a share of the active time elapsed, or a time left.
 *
 * @example
 * milestones(u)[0] //=> { kind: 'elapsed', fraction: 0.5, label: '50 % of the time elapsed', atMs: …, at: DateTime }
 */
export interface Milestone {
  readonly kind: 'elapsed' | 'left';
  readonly label: string;
  readonly at: DateTime;
  readonly atMs: number;
  /** For `elapsed`: the share of active time (0.5 = half). */
  readonly fraction?: number;
  /** For `left`: the time before the deadline. */
  readonly before?: DurationSpec;
}

/**
 * Which milestones to compute; defaults come from the ultimatum's own `milestones`, then 50 %,
 * 75 % and 90 % elapsed and 7 days, 1 day and 1 hour left.
 *
 * @example
 * const opts: MilestoneOptions = { fractions: [0.5], before: [{ days: 1 }], at: '2025-07-20' };
 */
export interface MilestoneOptions {
  readonly fractions?: readonly number[] | undefined;
  readonly before?: readonly DurationInput[] | undefined;
  /** As of when (the history folded up to then); default: the whole history. */
  readonly at?: DateInput | undefined;
}

const DEFAULT_FRACTIONS = [0.5, 0.75, 0.9];
const DEFAULT_BEFORE: readonly DurationSpec[] = [{ days: 7 }, { days: 1 }, { hours: 1 }];

/** "7 days", "1 hour", "2 business days": plain words for a time left. */
function describeLeft(spec: DurationSpec): string {
  return Object.entries(spec)
    .filter(([, v]) => v !== undefined)
    .map(([unit, v]) => {
      const name = unit === 'businessDays' ? 'business day' : unit.slice(0, -1);
      return `${v} ${name}${v === 1 ? '' : 's'}`;
    })
    .join(' ');
}

/** Pause intervals of the history up to `count` events, the one in progress ending at `evalMs`. */
function pauseIntervals(u: Ultimatum, c: Compiled, count: number, evalMs: number): [number, number][] {
  const out: [number, number][] = [];
  let start = Number.NaN;
  for (let i = 0; i < count; i++) {
    const type = u.events[i]?.type;
    const at = c.eventMs[i] as number;
    if (type === 'pause') start = at;
    else if (!Number.isNaN(start) && (type === 'resume' || type === 'comply' || type === 'withdraw')) {
      out.push([start, at]);
      start = Number.NaN;
    }
  }
  if (!Number.isNaN(start)) out.push([start, Math.max(start, evalMs)]);
  return out;
}

/** The instant at which `active` ms of unpaused time have passed since issue. */
function instantOfActiveTime(issuedMs: number, active: number, pauses: readonly [number, number][]): number {
  let t = issuedMs + active;
  for (const [start, end] of pauses) {
    if (start >= t) break;
    t += end - start;
  }
  return t;
}

const MilestoneOptionsSchema = /* @__PURE__ */ (() => z.strictObject({
  fractions: z.array(z.number({ error: messages.fraction() })).max(100).optional(),
  before: z.array(DurationInputSchema).max(100).optional(),
  at: DateInputSchema.optional(),
}))();

function readOptions(u: Ultimatum, opts: MilestoneOptions): { fractions: readonly number[]; before: readonly DurationSpec[] } {
  const issues = new IssueList();
  const fractions = opts.fractions ?? u.milestones?.fractions ?? DEFAULT_FRACTIONS;
  fractions.forEach((f, i) => {
    if (typeof f !== 'number' || !(f > 0 && f < 1)) issues.add('INVALID_INPUT', ['fractions', i], messages.fraction());
  });
  const before = opts.before
    ? opts.before.map((d, i) => toDurationSpec(d, ['before', i], issues) ?? {})
    : (u.milestones?.before ?? DEFAULT_BEFORE);
  if (issues.length > 0) throw new UltimatumError(issues.items);
  return { fractions, before: before as readonly DurationSpec[] };
}

/**
 * The milestones of an ultimatum under the deadline in force (as of `opts.at`, or after its whole
 * history): shares of the active time elapsed and times left before the deadline, sorted. None
 * falls before `issuedAt`, and none after a compliance or withdrawal. While a pause is in
 * progress they are computed as if the clock restarted at `at`.
 *
 * @example
 * milestones(createUltimatum({ ...input, issuedAt: '2025-07-14T12:00', deadline: { after: { days: 50 } } }))
 *   .map((m) => `${m.label}: ${m.at.toISODate()}`)
 * //=> ['50 % of the time elapsed: 2025-08-08', '75 % of the time elapsed: 2025-08-21',
 * //    '7 days left: 2025-08-26', '90 % of the time elapsed: 2025-08-28', '1 day left: 2025-09-01',
 * //    '1 hour left: 2025-09-02']
 * @throws {UltimatumError} `INVALID_INPUT` at `fractions[i]`, `INVALID_DURATION` at `before[i]`.
 */
export function milestones(u: Ultimatum, opts: MilestoneOptions = {}): Milestone[] {
  const c = compiledOf(u);
  // A typo ("fraction") must not silently fall back to the defaults.
  const shape = parseWith(MilestoneOptionsSchema, opts);
  if (!shape.success) throw new UltimatumError(shape.issues);
  const { fractions, before } = readOptions(u, opts);
  const t = opts.at === undefined ? Number.POSITIVE_INFINITY : readAt(opts.at, c.zone);
  const count = t < c.issuedMs ? 0 : eventsUpTo(c.eventMs, t);
  const s = c.states[count] as HistoryState;
  const paused = !Number.isNaN(s.pausedSince);
  const evalMs = Number.isFinite(t) ? t : paused ? s.pausedSince : c.issuedMs;
  const ongoing = paused ? Math.max(0, evalMs - s.pausedSince) : 0;
  const latest = s.latest + ongoing;
  const pauses = pauseIntervals(u, c, count, evalMs);
  const pausedTotal = pauses.reduce((sum, [a, b]) => sum + (b - a), 0);
  const total = Math.max(0, latest - c.issuedMs - pausedTotal);
  const end = s.terminal === null ? latest : s.terminalMs;
  const out: Milestone[] = [];
  const add = (m: Omit<Milestone, 'at'>) => {
    if (m.atMs >= c.issuedMs && m.atMs <= end && Number.isFinite(m.atMs)) {
      out.push({ ...m, at: DateTime.fromMillis(m.atMs, { zone: c.zone }) });
    }
  };
  for (const fraction of fractions) {
    const atMs = instantOfActiveTime(c.issuedMs, Math.round(fraction * total), pauses);
    add({ kind: 'elapsed', fraction, label: `${Math.round(fraction * 1000) / 10} % of the time elapsed`, atMs });
  }
  for (const spec of before) {
    const atMs = addDuration(latest, negateDuration(spec), c.zone, { calendar: c.calendar });
    add({ kind: 'left', before: spec, label: `${describeLeft(spec)} left`, atMs });
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

/**
 * The milestones as they fell over the history: under each deadline in force, those that came
 * before the next change of it (none while paused). What a timeline shows, and when a tracker
 * must wake up.
 *
 * @example
 * milestonesOverHistory(u).map((m) => m.label)
 */
export function milestonesOverHistory(u: Ultimatum): Milestone[] {
  const c = compiledOf(u);
  const out: Milestone[] = [];
  for (let k = 0; k < c.states.length; k++) {
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    const state = c.states[k] as HistoryState;
    if (from >= to || !Number.isNaN(state.pausedSince)) continue;
    for (const m of milestones(u, { at: from })) if (m.atMs >= from && m.atMs < to) out.push(m);
  }
  return out;
}
