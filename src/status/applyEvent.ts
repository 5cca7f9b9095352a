import * as messages from '../errors/messages.js';
import type { UltimatumEvent } from '../model/types.js';
import type { IssueList } from '../rules/issues.js';
import { addWork, workBetween } from '../rules/businessClock.js';
import { scheduleOf } from '../rules/weeklySchedule.js';
import { deadlineInstant, type RuleContext, resolveDeadline, shiftDeadline } from '../rules/resolveDeadline.js';
import type { ChangeHow, ChangeStep, EnforcementRecord, HistoryState, PauseSpan } from './compile.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The field of an event that sets its new deadline, for error paths.
 *
 * @example
 * fieldOf({ type: 'extend', at: '2025-03-04', by: { days: 2 } }) //=> 'by'
 */
export function fieldOf(e: UltimatumEvent): string {
  if (e.type === 'reschedule') return 'deadline';
  if (e.type === 'extend' || e.type === 'shorten') return e.by !== undefined ? 'by' : 'to';
  return 'at';
}

function endPause(s: Mutable<HistoryState>): void {
  s.paused = false;
  s.pausedSince = 0;
  s.pauseStart = 0;
}

/**
 * The pauses of a history that compiled: each `pause` event to the next resume or terminal event.
 *
 * @example
 * pausesOf(u.events, compiledOf(u).eventMs)[0]?.endMs //=> Infinity while still paused
 */
export function pausesOf(events: readonly UltimatumEvent[], eventMs: readonly number[]): PauseSpan[] {
  const out: PauseSpan[] = [];
  let start = -1;
  events.forEach((e, i) => {
    if (e.type === 'pause') start = i;
    else if (start >= 0 && (e.type === 'resume' || e.type === 'comply' || e.type === 'withdraw')) {
      out.push({ startMs: eventMs[start] as number, startIndex: start, endMs: eventMs[i] as number, endIndex: i });
      start = -1;
    }
  });
  if (start >= 0) out.push({ startMs: eventMs[start] as number, startIndex: start, endMs: Number.POSITIVE_INFINITY, endIndex: events.length });
  return out;
}

/**
 * Applies one event to the running state of the history fold; records problems with the event's path.
 *
 * @example
 * applyEvent(ctx, state, { type: 'pause', at: '2025-03-04T09:00:00Z' }, 0, Date.UTC(2025, 2, 4, 9), out, issues);
 */
export function applyEvent(
  c: RuleContext & { consequenceIds: readonly string[] },
  s: Mutable<HistoryState>,
  e: UltimatumEvent,
  i: number,
  atMs: number,
  out: { enforcements: EnforcementRecord[]; changes: ChangeStep[] },
  issues: IssueList,
): void {
  const path = ['events', i] as const;
  const { paused } = s;
  // While paused the deadline in force is the one the clock would give if restarted now:
  // fold the pause so far in before changing it, and start the pause again from this event.
  const foldPause = () => {
    if (!paused) return;
    const gap = atMs - s.pausedSince;
    if (s.business) {
      // The business clock stopped: the deadline moves by the working time the pause covered.
      const schedule = scheduleOf(c.calendar);
      const work = workBetween(schedule, c.zone, s.pausedSince, atMs);
      s.earliest = addWork(schedule, c.zone, s.earliest, work);
      s.latest = addWork(schedule, c.zone, s.latest, work);
      s.pausedWork += work;
    } else {
      s.earliest += gap;
      s.latest += gap;
    }
    s.pausedTotal += gap;
    s.pausedSince = atMs;
  };
  switch (e.type) {
    case 'reschedule': {
      foldPause();
      const next = resolveDeadline(e.deadline, atMs, c, [...path, 'deadline'], issues);
      if (next === undefined) return;
      Object.assign(s, { earliest: next.earliest, latest: next.latest, window: next.window, business: next.business === true });
      out.changes.push({ eventIndex: i, atMs, how: next.how });
      return;
    }
    case 'extend':
    case 'shorten': {
      foldPause();
      const later = e.type === 'extend';
      let next: { earliest: number; latest: number; window: boolean } | undefined;
      let how: ChangeHow;
      if (e.by !== undefined) {
        const moved = shiftDeadline(s, e.by, c, later ? 1 : -1, [...path, 'by'], issues);
        next = moved && { earliest: moved.earliest, latest: moved.latest, window: s.window };
        how = { kind: 'shift', by: e.by, later };
      } else {
        const to = deadlineInstant(e.to as string, c.zone, [...path, 'to'], issues);
        next = to === undefined ? undefined : { earliest: to, latest: to, window: false };
        how = { kind: 'moveTo', to: e.to as string };
      }
      if (next === undefined) return;
      const field = e.by !== undefined ? 'by' : 'to';
      if (later && next.latest <= s.latest) issues.add('INVALID_EVENT', [...path, field], messages.extendNotLater());
      else if (!later && next.latest >= s.latest) issues.add('INVALID_EVENT', [...path, field], messages.shortenNotEarlier());
      Object.assign(s, next);
      out.changes.push({ eventIndex: i, atMs, how });
      return;
    }
    case 'pause':
      if (paused) issues.add('INVALID_EVENT', [...path, 'type'], messages.pauseWhilePaused());
      else if (atMs >= s.latest) issues.add('INVALID_EVENT', [...path, 'at'], messages.pauseAfterDeadline());
      else {
        s.paused = true;
        s.pausedSince = atMs;
        s.pauseStart = atMs;
        out.changes.push({ eventIndex: i, atMs, how: { kind: 'stop' } });
      }
      return;
    case 'resume': {
      if (!paused) {
        issues.add('INVALID_EVENT', [...path, 'type'], messages.resumeWithoutPause());
        return;
      }
      const work = s.pausedWork;
      const moved = { startMs: s.pauseStart, movedByMs: atMs - s.pausedSince };
      foldPause();
      const pause = s.business ? { ...moved, movedByWorkMs: s.pausedWork - work } : moved;
      endPause(s);
      out.changes.push({ eventIndex: i, atMs, how: { kind: 'restart' }, pause });
      return;
    }
    case 'comply':
    case 'withdraw':
      foldPause();
      endPause(s);
      s.terminal = e.type === 'comply' ? 'complied' : 'withdrawn';
      s.terminalMs = atMs;
      out.changes.push({ eventIndex: i, atMs, how: { kind: 'ended', terminal: s.terminal } });
      return;
    case 'enforce':
      e.consequences.forEach((id, j) => {
        const index = c.consequenceIds.indexOf(id);
        if (index < 0) issues.add('INVALID_EVENT', [...path, 'consequences', j], messages.unknownConsequence(id, c.consequenceIds));
        else out.enforcements.push({ consequenceIndex: index, atMs, partial: e.partial === true, eventIndex: i });
      });
      s.enforcementCount = out.enforcements.length;
      return;
    case 'note':
      return;
  }
}
