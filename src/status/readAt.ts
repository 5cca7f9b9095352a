import type { IANAZone } from 'luxon';
import { UltimatumError } from '../errors/UltimatumError.js';
import { type DateOnlyMeaning, MAX_MS, MIN_MS, toEpochMs } from '../rules/instant.js';
import { IssueList } from '../rules/issues.js';

/**
 * Reads the `at` argument of the pure functions: now when absent (the only place the clock is
 * read), epoch ms taken as is, anything else as a `DateInput` in the ultimatum's zone. A date-only
 * `at` is the start of that day; a date-only deadline (`dateOnly: 'end'`) the end of it.
 *
 * @example
 * readAt(1752508800000, zone) //=> 1752508800000
 */
export function readAt(at: unknown, zone: IANAZone, name = 'at', dateOnly: DateOnlyMeaning = 'start'): number {
  if (at === undefined) return Date.now();
  if (typeof at === 'number' && Number.isFinite(at) && at >= MIN_MS && at <= MAX_MS) return Math.trunc(at);
  const issues = new IssueList();
  const ms = toEpochMs(at, zone, dateOnly, [name], issues);
  if (ms === undefined) throw new UltimatumError(issues.items);
  return ms;
}
