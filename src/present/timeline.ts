import { DateTime, type IANAZone } from 'luxon';
import type { Ultimatum, UltimatumEvent } from '../model/types.js';
import { type DeadlineInForce, deadlineIn } from '../status/historyStates.js';
import { dueOf, enforcementsAt, stateAt } from '../status/stateAt.js';
import { compiledOf } from '../status/compiled.js';
import { milestonesOverHistory } from '../status/milestones.js';
import { describeDuration } from './describeChange.js';
import { formatInstant } from './formatInstant.js';

/**
 * What a timeline entry marks.
 *
 * @example
 * const kind: TimelineKind = 'deadline';
 */
export type TimelineKind = 'issued' | UltimatumEvent['type'] | 'milestone' | 'window-opens' | 'deadline' | 'consequence-due';

/**
 * One dated entry of `timeline(u)`.
 *
 * @example
 * timeline(u)[0] //=> { kind: 'issued', at: DateTime(2025-07-14T12:00-04:00), label: 'Issued: 50-day ultimatum' }
 */
export interface TimelineEntry {
  readonly kind: TimelineKind;
  readonly at: DateTime;
  readonly label: string;
  /** Index in `u.events` for history entries. */
  readonly eventIndex?: number;
}

function deadlineText(state: DeadlineInForce, zone: IANAZone): string {
  const latest = formatInstant(state.latest, zone);
  return state.window ? `window ${formatInstant(state.earliest, zone)} – ${latest}` : latest;
}

function eventLabel(e: UltimatumEvent, after: DeadlineInForce, zone: IANAZone): string {
  const note = e.note ? ` (${e.note})` : '';
  switch (e.type) {
    case 'note':
      return `Note: ${e.text}`;
    case 'enforce':
      return `Enforced${e.partial ? ' (partly)' : ''}: ${e.consequences.join(', ')}${note}`;
    case 'reschedule':
      return `Rescheduled: deadline ${deadlineText(after, zone)}${note}`;
    case 'extend':
    case 'shorten': {
      const verb = e.type === 'extend' ? 'Extended' : 'Shortened';
      const how = e.by !== undefined ? ` by ${describeDuration(e.by)}` : '';
      return `${verb}${how}: deadline ${deadlineText(after, zone)}${note}`;
    }
    case 'pause':
      return `Paused${note}`;
    case 'resume':
      return `Resumed: deadline ${deadlineText(after, zone)}${note}`;
    case 'comply':
      return `Complied${note}`;
    case 'withdraw':
      return `Withdrawn${note}`;
  }
}

/**
 * The whole story, sorted by time: issued, each event, the milestones and the deadline (or window)
 * finally in force, and consequences that fall due after it — what a calendar or a chart would show.
 *
 * @example
 * timeline(u).map((e) => `${e.at.toISODate()} ${e.kind}`)
 * //=> ['2025-07-14 issued', '2025-07-15 note', '2025-07-28 reschedule', '2025-07-29 reschedule',
 * //    '2025-08-06 enforce', '2025-08-08 deadline']
 */
export function timeline(u: Ultimatum): TimelineEntry[] {
  const c = compiledOf(u);
  const dt = (ms: number) => DateTime.fromMillis(ms, { zone: c.zone });
  const entries: (TimelineEntry & { ms: number; order: number })[] = [];
  const push = (kind: TimelineKind, ms: number, label: string, eventIndex?: number): void => {
    entries.push({ kind, at: dt(ms), label, ms, order: entries.length, ...(eventIndex === undefined ? {} : { eventIndex }) });
  };
  push('issued', c.issuedMs, `Issued: ${u.title}`);
  for (const [i, e] of u.events.entries()) {
    push(e.type, c.eventMs[i] as number, eventLabel(e, deadlineIn(c.states, i + 1), c.zone), i);
  }
  for (const m of milestonesOverHistory(u)) push('milestone', m.atMs, m.label);
  // After the whole history; a pause still in progress counts as if the clock restarted at once.
  const last = stateAt(c, Number.POSITIVE_INFINITY);
  if (!last.ended) {
    const pausedNote = last.paused ? ' (paused: moves later until resumed)' : '';
    if (last.window) push('window-opens', last.earliestMs, `Window opens${pausedNote}`);
    push('deadline', last.latestMs, `Deadline: ${formatInstant(last.latestMs, c.zone)}${pausedNote}`);
    const { fully } = enforcementsAt(c, last);
    c.consequences.forEach((consequence, i) => {
      const due = dueOf(c, i, last.latestMs);
      if (!fully.has(i) && due !== last.latestMs) push('consequence-due', due, `Due: ${consequence.id}`);
    });
  }
  entries.sort((a, b) => a.ms - b.ms || a.order - b.order);
  return entries.map(({ ms: _ms, order: _order, ...entry }) => entry);
}
