/** Exact units of a span: days of 24 hours, then hours, minutes, seconds, milliseconds. */
export interface Breakdown {
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly milliseconds: number;
}

/**
 * Splits a non-negative span of milliseconds into exact units by integer arithmetic.
 *
 * @example
 * breakdown(90_061_001) //=> { days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 }
 */
export function breakdown(ms: number): Breakdown {
  const whole = Math.floor(ms);
  return {
    days: Math.floor(whole / 86_400_000),
    hours: Math.floor(whole / 3_600_000) % 24,
    minutes: Math.floor(whole / 60_000) % 60,
    seconds: Math.floor(whole / 1_000) % 60,
    milliseconds: whole % 1_000,
  };
}
