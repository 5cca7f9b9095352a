import type { IANAZone } from 'luxon';
import * as messages from '../errors/messages.js';
import type { DeadlineRule } from '../model/types.js';
import type { DurationSpec } from '../model/units.js';
import type { CompiledCalendar } from './calendarDays.js';
import { addDuration, countsBusinessTime, hasCalendarUnits, negateDuration, type Roll } from './duration.js';
import { inSupportedRange, toEpochMs } from './instant.js';
import type { IssueList, Path } from './issues.js';

/**
 * How a deadline rule was computed, as data (`present/describeChange.ts` puts it into words for
 * `explain()`): a fixed instant, a window of instants, or durations after an instant, with the
 * days the result rolled over and whether it moved to the end of its day.
 *
 * @example
 * const how: DeadlineHow = { kind: 'after', spec: { days: 50 }, zoned: true, rolls: [], endOfDay: false };
 */
export type DeadlineHow =
  | { readonly kind: 'fixed'; readonly at: string }
  | { readonly kind: 'window'; readonly from: string; readonly to: string }
  | {
      readonly kind: 'after';
      readonly spec: DurationSpec;
      /** The far end of a window of durations ("10 or 12 days"). */
      readonly latest?: DurationSpec | undefined;
      /** True when a unit depends on the zone's calendar (days, months, business days). */
      readonly zoned: boolean;
      readonly rolls: readonly Roll[];
      readonly endOfDay: boolean;
    };

/**
 * A deadline rule resolved to instants: `latest` is the first overdue instant; for a single
 * deadline `earliest === latest`. `how` says how it was computed, for `explain()`.
 *
 * @example
 * const resolved: ResolvedDeadline = { earliest: 1756828800000, latest: 1756828800000, window: false, how: { kind: 'fixed', at: '2025-09-02' } };
 */
export interface ResolvedDeadline {
  readonly earliest: number;
  readonly latest: number;
  readonly window: boolean;
  readonly how: DeadlineHow;
  /** True when the rule counts business time (days, hours, minutes): its pauses stop the business clock. */
  readonly business?: boolean;
}

/**
 * Reads a stored deadline instant; a date-only one is the end of that day.
 *
 * @example
 * deadlineInstant('2025-09-02', zoneFor('America/New_York')!, ['deadline', 'at'], issues) //=> Date.UTC(2025, 8, 3, 4)
 */
export function deadlineInstant(text: string, zone: IANAZone, path: Path, issues: IssueList): number | undefined {
  return toEpochMs(text, zone, 'end', path, issues);
}

/** The zone and calendar rules are resolved in. */
export interface RuleContext {
  readonly zone: IANAZone;
  readonly zoneName: string;
  readonly calendar: CompiledCalendar;
}

function checked(ms: number, path: Path, issues: IssueList): number | undefined {
  if (!inSupportedRange(ms)) return issues.add('OUT_OF_RANGE', path, messages.durationOutOfRange());
  return ms;
}

/**
 * Resolves a stored deadline rule to instants. `anchorMs` is when the rule was set (the issue
 * instant, or the `at` of a reschedule); an `after` rule counts from `from` when it has one.
 *
 * @example
 * resolveDeadline({ after: { days: 50 } }, Date.UTC(2025, 6, 14, 16), { zone, zoneName: 'America/New_York', calendar }, ['deadline'], issues)
 * //=> { earliest: Date.UTC(2025, 8, 2, 16), latest: Date.UTC(2025, 8, 2, 16), window: false, how: { kind: 'after', spec: { days: 50 }, zoned: true, rolls: [], endOfDay: false } }
 */
export function resolveDeadline(
  rule: DeadlineRule,
  anchorMs: number,
  ctx: RuleContext,
  path: Path,
  issues: IssueList,
): ResolvedDeadline | undefined {
  const { zone } = ctx;
  if (rule.at !== undefined) {
    const at = deadlineInstant(rule.at, zone, [...path, 'at'], issues);
    return at === undefined ? undefined : { earliest: at, latest: at, window: false, how: { kind: 'fixed', at: rule.at } };
  }
  if (rule.between !== undefined) {
    const [a, b] = rule.between;
    const earliest = deadlineInstant(a, zone, [...path, 'between', 0], issues);
    const latest = deadlineInstant(b, zone, [...path, 'between', 1], issues);
    if (earliest === undefined || latest === undefined) return undefined;
    if (earliest > latest) return issues.add('INVALID_INPUT', [...path, 'between'], messages.windowOrder());
    return { earliest, latest, window: true, how: { kind: 'window', from: a, to: b } };
  }
  const after = rule.after;
  if (after === undefined) return undefined; // the schema already refused such a rule
  let from = anchorMs;
  if (rule.from !== undefined) {
    const parsed = toEpochMs(rule.from, zone, 'start', [...path, 'from'], issues);
    if (parsed === undefined) return undefined;
    from = parsed;
  }
  const win = Object.hasOwn(after, 'earliest') && 'earliest' in after ? after : undefined;
  const first = win ? win.earliest : (after as DurationSpec);
  const rolls: Roll[] = [];
  const options = { endOfDay: rule.endOfDay === true, calendar: ctx.calendar, rollover: rule.rollover, rolls };
  // Paths are made only for a problem: most rules have none, and a tracker reads a million.
  const earliest = addDuration(from, first, zone, options);
  if (!inSupportedRange(earliest)) return issues.add('OUT_OF_RANGE', win ? [...path, 'after', 'earliest'] : [...path, 'after'], messages.durationOutOfRange());
  const latest = win ? addDuration(from, win.latest, zone, options) : earliest;
  if (!inSupportedRange(latest)) return issues.add('OUT_OF_RANGE', [...path, 'after', 'latest'], messages.durationOutOfRange());
  if (earliest > latest) return issues.add('INVALID_INPUT', [...path, 'after'], messages.windowOrder());
  const zoned = hasCalendarUnits(first) || (win !== undefined && hasCalendarUnits(win.latest));
  const how: DeadlineHow = { kind: 'after', spec: first, latest: win?.latest, zoned, rolls, endOfDay: options.endOfDay };
  const business = countsBusinessTime(first) || (win !== undefined && countsBusinessTime(win.latest));
  return { earliest, latest, window: win !== undefined, how, business };
}

/**
 * Moves a resolved deadline by a duration (extend/shorten `by`): each end moves on its own
 * wall clock, so a window of days stays a window of days.
 *
 * @example
 * shiftDeadline({ earliest: t, latest: t }, { days: 7 }, ctx, 1, ['events', 3, 'by'], issues)
 */
export function shiftDeadline(
  d: { readonly earliest: number; readonly latest: number },
  by: DurationSpec,
  ctx: RuleContext,
  direction: 1 | -1,
  path: Path,
  issues: IssueList,
): { earliest: number; latest: number } | undefined {
  const move = (ms: number) =>
    addDuration(ms, direction === 1 ? by : negateDuration(by), ctx.zone, { calendar: ctx.calendar });
  const earliest = checked(move(d.earliest), path, issues);
  const latest = earliest === undefined ? undefined : checked(move(d.latest), path, issues);
  return earliest === undefined || latest === undefined ? undefined : { earliest, latest };
}

