import { Duration } from 'luxon';
import { type Breakdown, breakdown } from './breakdown.js';

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
