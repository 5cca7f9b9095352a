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
