import { Duration } from 'luxon';

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

/**
 * A luxon `Duration` of a span, in exact units (days of 24 hours), so `toHuman()` reads well.
 *
 * @example
 * exactDuration(90_000_000).toHuman() //=> '1 day, 1 hour'
 */
export function exactDuration(ms: number): Duration {
  const units: Partial<Record<keyof Breakdown, number>> = {};
  for (const [unit, value] of Object.entries(breakdown(ms))) if (value !== 0) units[unit as keyof Breakdown] = value;
  // Zero units are left out so that `toHuman()` reads "1 day, 1 hour"; a zero span is "0 milliseconds".
  return Duration.fromObject(Object.keys(units).length === 0 ? { milliseconds: 0 } : units);
}
