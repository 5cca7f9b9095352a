/**
 * Binary searches in sorted arrays of numbers: how many items are at most, or below, a value.
 */

/**
 * Items of a sorted array that are `<= x`.
 *
 * @example
 * countAtMost([10, 20, 20, 30], 20) //=> 3
 */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Items of a sorted array that are `< x`.
 *
 * @example
 * countBelow([10, 20, 20, 30], 20) //=> 1
 */
export function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
