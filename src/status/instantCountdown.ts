import { fail, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { DateInput } from '../model/units.js';
import { IssueList } from '../rules/issues.js';
import { readUtcInstant } from '../rules/utcInstant.js';
import { breakdown } from './breakdown.js';
import type { Countdown } from './countdown.js';

function read(value: unknown, name: string, dateOnly: 'start' | 'end'): number {
  const issues = new IssueList();
  const ms = readUtcInstant(value, dateOnly, [name], issues);
  if (ms === undefined) throw new UltimatumError(issues.items);
  return ms;
}

/**
 * Exact time to (or past) an instant, with no luxon and no zod on its import graph: the
 * `countdown` of `ultimatum/countdown`, for a page that only shows a countdown. Reads what
 * `countdown` reads for an instant (a date-only target is the end of that day, an `at` or target
 * without offset is UTC) in the common ISO 8601 forms; other text is refused with
 * `not_a_simple_instant`. The deadline itself is the first overdue instant.
 *
 * @example
 * instantCountdown('2025-09-02T00:00-04:00', '2025-09-01T00:00-04:00')
 * //=> { totalMs: 86400000, past: false, days: 1, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 }
 */
export function instantCountdown(target: DateInput, at?: DateInput): Countdown {
  if (target === undefined) fail('INVALID_INPUT', ['target'], messages.required());
  return countdownBetween(read(target, 'target', 'end'), at === undefined ? Date.now() : read(at, 'at', 'start'));
}

/**
 * The countdown from `atMs` to `targetMs` (epoch ms): past from the target itself on.
 *
 * @example
 * countdownBetween(Date.UTC(2025, 8, 2), Date.UTC(2025, 8, 1)).days //=> 1
 */
export function countdownBetween(targetMs: number, atMs: number): Countdown {
  const toGo = targetMs - atMs;
  const totalMs = Math.abs(toGo);
  return { totalMs, past: toGo <= 0, ...breakdown(totalMs) };
}
