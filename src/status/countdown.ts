import { DateTime, type IANAZone } from 'luxon';
import type { DateInput, Ultimatum } from '../model/types.js';
import { fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { zoneFor } from '../rules/zone.js';
import { breakdown } from './breakdown.js';
import { readAt } from './readAt.js';
import { compiledOf } from './compiled.js';
import { stateAt } from './stateAt.js';
import { status } from './status.js';

/**
 * Exact time to (or past) a deadline, broken into days of 24 hours and smaller units.
 *
 * @example
 * const c: Countdown = { totalMs: 90_061_001, past: false, days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 };
 */
export interface Countdown {
  /** Absolute milliseconds to the deadline, or past it when `past` is true. */
  readonly totalMs: number;
  /** True once the deadline has passed: the figures then count the time overdue. */
  readonly past: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly milliseconds: number;
}

/**
 * Exact time to a deadline, or past it: for an ultimatum, its active time left (frozen while
 * paused, and at compliance or withdrawal — past, by how late, if that came after the deadline)
 * or the time overdue; for an instant, the time to it. Days are 24 hours, so the
 * countdown never goes up while time goes forward, across DST as anywhere.
 *
 * @example
 * countdown(u, '2025-07-20T12:00') //=> { totalMs: 3801600000, past: false, days: 44, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 }
 * countdown('2025-01-01T00:00Z', '2025-01-01T00:00:01.5Z') //=> { totalMs: 1500, past: true, days: 0, hours: 0, minutes: 0, seconds: 1, milliseconds: 500 }
 */
export function countdown(target: Ultimatum | DateInput, at?: DateInput): Countdown {
  let totalMs: number;
  let past: boolean;
  if (target === undefined) fail('INVALID_INPUT', ['target'], messages.required());
  if (isDateInput(target)) {
    const utc = zoneFor('UTC') as IANAZone;
    // A date-only target is a deadline: the end of that day, as everywhere else.
    const targetMs = readAt(target, utc, 'target', 'end');
    const toGo = targetMs - readAt(at, utc);
    // A deadline is the first overdue instant: at the target itself it has passed.
    past = toGo <= 0;
    totalMs = Math.abs(toGo);
  } else {
    const s = status(target, at);
    past = s.overdueMs !== null;
    totalMs = s.overdueMs ?? s.remainingMs;
    if (s.phase === 'complied' || s.phase === 'withdrawn') {
      // Ended after its deadline: the countdown stays at how late it ended, instead of jumping to 0.
      const c = compiledOf(target);
      const end = stateAt(c, s.atMs);
      if (end.endedMs >= end.latestMs) {
        past = true;
        totalMs = end.endedMs - end.latestMs;
      }
    }
  }
  return { totalMs, past, ...breakdown(totalMs) };
}

function isDateInput(x: unknown): x is DateInput {
  return typeof x !== 'object' || x === null || x instanceof Date || DateTime.isDateTime(x);
}
