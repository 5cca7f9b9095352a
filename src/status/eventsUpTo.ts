import { countAtMost } from '../rules/sortedSearch.js';

/**
 * Number of events at or before `t` (events are sorted by `at`), by binary search.
 *
 * @example
 * eventsUpTo([10, 20, 20, 30], 20) //=> 3
 */
export function eventsUpTo(eventMs: ArrayLike<number>, t: number): number {
  return countAtMost(eventMs, t);
}
