import { DateTime } from 'luxon';
import { UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { DateInput, DurationInput, DurationSpec, Ultimatum } from '../model/types.js';
import { addDuration, negateDuration, toDurationSpec } from '../rules/duration.js';
import * as z from 'zod/mini';
import { DateInputSchema, DurationInputSchema } from '../model/schemas.js';
import { because, parseWith } from '../model/zodIssues.js';
import { IssueList } from '../rules/issues.js';
import type { Compiled } from './compile.js';
import { isPausedIn, stateCount } from './historyStates.js';
import { compiledOf } from './compiled.js';
import { readAt } from './readAt.js';
import { instantOfProgress, type StateAt, stateAt } from './stateAt.js';

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

const leftLabels = new WeakMap<DurationSpec, string>();
/** "7 days left": made once per duration (the default ones are shared by every ultimatum). */
function leftLabel(spec: DurationSpec): string {
  let label = leftLabels.get(spec);
  if (label === undefined) {
    label = `${describeLeft(spec)} left`;
    leftLabels.set(spec, label);
  }
  return label;
}

/** A milestone whose luxon `at` is built on first read (a tracker computes millions of them). */
class MilestoneView implements Milestone {
  readonly kind: 'elapsed' | 'left';
  readonly label: string;
  readonly atMs: number;
  declare readonly fraction?: number;
  declare readonly before?: DurationSpec;
  readonly #c: Compiled;

  constructor(c: Compiled, atMs: number, fraction: number | undefined, before: DurationSpec | undefined) {
    this.#c = c;
    this.atMs = atMs;
    if (fraction !== undefined) {
      this.kind = 'elapsed';
      this.fraction = fraction;
      this.label = `${Math.round(fraction * 1000) / 10} % of the time elapsed`;
    } else {
      this.kind = 'left';
      this.before = before as DurationSpec;
      this.label = leftLabel(before as DurationSpec);
    }
  }

  get at(): DateTime {
    return DateTime.fromMillis(this.atMs, { zone: this.#c.zone });
  }

  toJSON(): Record<string, unknown> {
    const what = this.fraction === undefined ? { before: this.before } : { fraction: this.fraction };
    return { kind: this.kind, label: this.label, atMs: this.atMs, ...what, at: this.at.toISO() };
  }
}

/**
 * Calls `found` with each milestone instant of a state (fractions first, then times left, in the
 * order asked), skipping those before issue or after the deadline (or the end, once ended).
 */
function eachMilestone(
  c: Compiled,
  s: StateAt,
  fractions: readonly number[],
  before: readonly DurationSpec[],
  found: (atMs: number, fraction: number | undefined, before: DurationSpec | undefined) => void,
): void {
  const end = s.ended ? s.endedMs : s.latestMs;
  const keep = (ms: number) => ms >= c.issuedMs && ms <= end && Number.isFinite(ms);
  for (const fraction of fractions) {
    const atMs = instantOfProgress(c, s, fraction);
    if (keep(atMs)) found(atMs, fraction, undefined);
  }
  const back = negated(before);
  for (let i = 0; i < before.length; i++) {
    const atMs = addDuration(s.latestMs, back[i] as DurationSpec, c.zone, { calendar: c.calendar });
    if (keep(atMs)) found(atMs, undefined, before[i]);
  }
}

/**
 * The milestones an ultimatum asks for (its own, else the defaults) in a state, sorted.
 *
 * @example
 * milestonesOf(u, c, stateAt(c, Date.UTC(2025, 6, 20))).map((m) => m.label)
 */
export function milestonesOf(
  _u: Ultimatum,
  c: Compiled,
  s: StateAt,
  fractions: readonly number[] = c.milestoneFractions,
  before: readonly DurationSpec[] = c.milestoneBefore,
): Milestone[] {
  const out: Milestone[] = [];
  eachMilestone(c, s, fractions, before, (atMs, fraction, spec) => out.push(new MilestoneView(c, atMs, fraction, spec)));
  return out.sort((a, b) => a.atMs - b.atMs);
}

const MilestoneOptionsSchema = /* @__PURE__ */ (() => z.strictObject({
  fractions: z.optional(z.array(z.custom<number>((v) => typeof v === 'number', because(messages.fraction()))).check(z.maxLength(100))),
  before: z.optional(z.array(DurationInputSchema).check(z.maxLength(100))),
  at: z.optional(DateInputSchema),
}))();

function readOptions(c: Compiled, opts: MilestoneOptions): { fractions: readonly number[]; before: readonly DurationSpec[] } {
  const issues = new IssueList();
  const fractions = opts.fractions ?? c.milestoneFractions;
  fractions.forEach((f, i) => {
    if (typeof f !== 'number' || !(f > 0 && f < 1)) issues.add('INVALID_INPUT', ['fractions', i], messages.fraction());
  });
  const before = opts.before ? opts.before.map((d, i) => toDurationSpec(d, ['before', i], issues) ?? {}) : c.milestoneBefore;
  if (issues.length > 0) throw new UltimatumError(issues.items);
  return { fractions, before: before as readonly DurationSpec[] };
}

/** No option given: nothing to check (the common call, `milestones(u)`). */
function isEmptyPlainObject(x: unknown): boolean {
  if (typeof x !== 'object' || x === null || Object.getPrototypeOf(x) !== Object.prototype) return false;
  for (const _ in x) return false;
  return true;
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
  if (isEmptyPlainObject(opts)) return milestonesOf(u, c, stateAt(c, Number.POSITIVE_INFINITY));
  // A typo ("fraction") must not silently fall back to the defaults.
  const shape = parseWith(MilestoneOptionsSchema, opts);
  if (!shape.success) throw new UltimatumError(shape.issues);
  const { fractions, before } = readOptions(c, opts);
  const t = opts.at === undefined ? Number.POSITIVE_INFINITY : readAt(opts.at, c.zone);
  return milestonesOf(u, c, stateAt(c, t), fractions, before);
}

/** One milestone found: its instant and what it marks (a share elapsed, or a time left). */
type Found = readonly [atMs: number, fraction: number | undefined, before: DurationSpec | undefined];

/**
 * The milestones as they fell over the history, sorted: under each deadline in force, those that
 * came before the next change of it (none while paused).
 */
function foundOverHistory(c: Compiled): Found[] {
  const out: Found[] = [];
  for (let k = 0; k < stateCount(c.states); k++) {
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    if (from >= to || isPausedIn(c.states, k)) continue;
    const here: Found[] = [];
    eachMilestone(c, stateAt(c, from), c.milestoneFractions, c.milestoneBefore, (atMs, fraction, spec) => {
      if (atMs >= from && atMs < to) here.push([atMs, fraction, spec]);
    });
    // Each deadline's milestones lie in [from, to): sorting each run sorts the whole.
    out.push(...here.sort((a, b) => a[0] - b[0]));
  }
  return out;
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
  return foundOverHistory(c).map(([atMs, fraction, spec]) => new MilestoneView(c, atMs, fraction, spec));
}

const negatedCache = new WeakMap<readonly DurationSpec[], readonly DurationSpec[]>();
/** The times left, negated once per list (one list for every ultimatum on the defaults). */
function negated(before: readonly DurationSpec[]): readonly DurationSpec[] {
  let out = negatedCache.get(before);
  if (out === undefined) {
    out = before.map(negateDuration);
    negatedCache.set(before, out);
  }
  return out;
}

/**
 * Appends the instants of `milestonesOverHistory` to `out` (unsorted), without building the
 * milestones: what a tracker indexes, for each of a million ultimatums.
 *
 * @example
 * const out: number[] = []; pushMilestoneInstants(compiledOf(u), out); out.length === milestonesOverHistory(u).length //=> true
 */
export function pushMilestoneInstants(c: Compiled, out: { push(ms: number): unknown }): void {
  const back = negated(c.milestoneBefore);
  const options = { calendar: c.calendar };
  for (let k = 0; k < stateCount(c.states); k++) {
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    if (from >= to || isPausedIn(c.states, k)) continue;
    // Each figure of the state is read once (its getters compute them afresh on every read).
    const s = stateAt(c, from);
    const lo = Math.max(from, c.issuedMs);
    const latest = s.latestMs;
    const end = s.ended ? s.endedMs : latest;
    const total = s.business ? s.totalWorkMs : s.totalMs;
    // Indexed, not for-of: the lists are frozen, and V8 iterates a frozen list with an object per step.
    const fractions = c.milestoneFractions;
    for (let i = 0; i < fractions.length; i++) keepWithin(out, instantOfProgress(c, s, fractions[i] as number, total), lo, to, end);
    for (let i = 0; i < back.length; i++) keepWithin(out, addDuration(latest, back[i] as DurationSpec, c.zone, options), lo, to, end);
  }
}

/** Appends `ms` when it is finite and within `[lo, to)`, and at or before `end`. */
function keepWithin(out: { push(ms: number): unknown }, ms: number, lo: number, to: number, end: number): void {
  if (ms >= lo && ms < to && ms <= end && Number.isFinite(ms)) out.push(ms);
}
