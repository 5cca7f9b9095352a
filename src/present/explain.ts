import { DateTime } from 'luxon';
import type { DateInput, Ultimatum } from '../model/types.js';
import { type ChangeStep, type Compiled, changesOf } from '../status/compile.js';
import { compiledOf } from '../status/compiled.js';
import { readAt } from '../status/readAt.js';
import { deadlineIn, stateCount } from '../status/historyStates.js';
import { stateAt } from '../status/stateAt.js';
import { describeChange } from './describeChange.js';
import { formatInstant } from './formatInstant.js';
import { describeSpan } from './describeSpan.js';
import { describeSchedule } from './describeSchedule.js';

/**
 * One step of how the deadline in force was reached: what happened, by which rule, and the
 * deadline it gave (`null` once complied or withdrawn).
 *
 * @example
 * explain(u, '2025-08-01')[1]?.text
 * //=> 'Mon 28 Jul 2025 12:00 EDT: rescheduled, +10 to +12 calendar days in America/New_York → Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT'
 */
export interface ExplainStep {
  /** The whole step in one sentence. */
  readonly text: string;
  /** The rule applied, e.g. `+50 calendar days in America/New_York`. */
  readonly rule: string;
  /** The deadline after this step (the `latest` end of a window). */
  readonly result: DateTime | null;
  /** Set when the step left a window in force. */
  readonly window?: { readonly earliest: DateTime; readonly latest: DateTime };
  /** When the step happened. */
  readonly at: DateTime;
  /** Index of the event in `u.events`; absent for the rule the ultimatum was issued with. */
  readonly eventIndex?: number;
  /** The event's `note`, if it has one. */
  readonly note?: string;
  readonly source?: Ultimatum['source'];
}

const LABELS: Record<string, string> = {
  reschedule: 'rescheduled',
  extend: 'extended',
  shorten: 'shortened',
  pause: 'paused',
  comply: 'complied',
  withdraw: 'withdrawn',
};

function stepOf(c: Compiled, u: Ultimatum, change: ChangeStep): ExplainStep {
  const k = change.eventIndex + 1;
  const state = k < stateCount(c.states) ? deadlineIn(c.states, k) : undefined;
  const event = change.eventIndex < 0 ? undefined : u.events[change.eventIndex];
  const dt = (ms: number) => DateTime.fromMillis(ms, { zone: c.zone });
  const terminal = change.how.kind === 'ended';
  const how = change.how;
  // A rule of business hours says whose hours: the schedule, the zone, the holidays it passed over.
  const hoursRule = how.kind === 'after' && (how.spec.businessHours !== undefined || how.spec.businessMinutes !== undefined);
  const schedule = hoursRule && state !== undefined ? describeSchedule(u.calendar, c.zoneName, change.atMs, state.latest) : undefined;
  let rule = describeChange(how, c.zoneName, schedule);
  let label: string;
  if (event === undefined) label = 'issued';
  else if (change.pause !== undefined) {
    const { startMs, movedByMs } = change.pause;
    label = `resumed after a pause since ${formatInstant(startMs, c.zone)}`;
    const { movedByWorkMs } = change.pause;
    const moved = movedByWorkMs === undefined ? describeSpan(movedByMs) : `${describeSpan(movedByWorkMs)} of business time`;
    rule = `paused ${describeSpan(change.atMs - startMs)}: the deadline moves later by ${moved}`;
  } else label = LABELS[event.type] ?? event.type;
  const when = formatInstant(change.atMs, c.zone);
  let result: DateTime | null = null;
  let window: ExplainStep['window'];
  let outcome = 'no deadline in force';
  if (!terminal && state !== undefined) {
    result = dt(state.latest);
    outcome = formatInstant(state.latest, c.zone);
    if (state.window) {
      window = { earliest: dt(state.earliest), latest: result };
      outcome = `${formatInstant(state.earliest, c.zone)} – ${outcome}`;
    }
  }
  const text = terminal ? `${when}: ${label}: ${outcome}` : `${when}: ${label}, ${rule} → ${outcome}`;
  const source = event === undefined ? u.source : event.source;
  return {
    text,
    rule,
    result,
    at: dt(change.atMs),
    ...(window ? { window } : {}),
    ...(event === undefined ? {} : { eventIndex: change.eventIndex }),
    ...(event?.note === undefined ? {} : { note: event.note }),
    ...(source === undefined ? {} : { source }),
  };
}

/**
 * How the deadline in force at `at` was reached, step by step: the rule it was issued with,
 * each reschedule, extension, shortening and pause, and a compliance or withdrawal.
 *
 * @example
 * explain(u, '2025-08-01').map((s) => s.text)
 * //=> ['Mon 14 Jul 2025 12:00 EDT: issued, +50 calendar days in America/New_York → Tue 2 Sep 2025 12:00 EDT',
 * //    'Mon 28 Jul 2025 12:00 EDT: rescheduled, +10 to +12 calendar days in America/New_York → Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT',
 * //    'Tue 29 Jul 2025 12:00 EDT: rescheduled, +10 calendar days in America/New_York → Fri 8 Aug 2025 12:00 EDT']
 */
export function explain(u: Ultimatum, at?: DateInput): ExplainStep[] {
  const c = compiledOf(u);
  const t = readAt(at, c.zone);
  const steps = changesOf(c).filter((ch) => ch.eventIndex < 0 || ch.atMs <= t).map((ch) => stepOf(c, u, ch));
  const state = stateAt(c, t);
  if (state.phase === 'paused') {
    const rule =
      `paused ${describeSpan(t - state.pauseStartMs)} so far: ` +
      `the deadline has moved later by ${describeSpan(state.movingMs)} while the clock is stopped`;
    steps.push({
      text: `${formatInstant(t, c.zone)}: still paused since ${formatInstant(state.pauseStartMs, c.zone)}, ${rule} → ${formatInstant(state.latestMs, c.zone)}`,
      rule,
      result: DateTime.fromMillis(state.latestMs, { zone: c.zone }),
      at: DateTime.fromMillis(t, { zone: c.zone }),
    });
  }
  return steps;
}
