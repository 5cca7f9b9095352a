/**
 * Number of events at or before `t` (events are sorted by `at`), by binary search.
 *
 * @example
 * eventsUpTo([10, 20, 20, 30], 20) //=> 3
 */
export function eventsUpTo(eventMs: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = eventMs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((eventMs[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
