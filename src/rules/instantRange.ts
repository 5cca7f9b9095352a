// The instants this library reads, and Dates from any realm: no luxon here, for the small entries.

/** Epoch ms of 0001-01-01T00:00Z (`Date.UTC` would read year 1 as 1901). */
const YEAR_ONE_MS = /* @__PURE__ */ (() => new Date(0).setUTCFullYear(1, 0, 1))();
/**
 * First and last supported instants: years 1 to 9999 on every clock, so 14 hours either side of
 * those years in UTC (where the extremes are written as year 0000 or +010000).
 */
export const MIN_MS = YEAR_ONE_MS - 14 * 3_600_000;
/** Last supported instant (see `MIN_MS`). */
export const MAX_MS = /* @__PURE__ */ Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 14 * 3_600_000;
/**
 * True for an instant inside the supported range (years 1 to 9999 on every clock; see `MIN_MS`).
 *
 * @example
 * inSupportedRange(Date.UTC(2025, 0, 1)) //=> true
 * inSupportedRange(Number.NaN) //=> false
 */
export function inSupportedRange(ms: number): boolean {
  return ms >= MIN_MS && ms <= MAX_MS;
}

/**
 * The time of a Date, also from another realm; `NaN` for an invalid Date or a look-alike without one.
 *
 * @example
 * timeOfDate(new Date(0)) //=> 0
 */
export function timeOfDate(value: unknown): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

