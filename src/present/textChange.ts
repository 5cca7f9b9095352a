import type { Countdown } from '../status/countdown.js';
import { type FormatCountdownOptions, SIZES, UNITS } from './formatCountdown.js';

/**
 * How long until `formatCountdown(c, opts)` reads differently, as time runs on: the wait to the
 * next boundary of the smallest unit the text can change in, so a display that shows days and
 * hours wakes once an hour, not every second. Counting down, the text changes 1 ms after the
 * remaining time passes a boundary (figures are truncated); counting up (past), at the boundary.
 * Options are those `formatCountdown` accepts (already checked there); at least 1 ms.
 *
 * @example
 * msUntilTextChanges({ totalMs: 90_061_001, past: false, days: 1, hours: 1, minutes: 1, seconds: 1, milliseconds: 1 }, { maxUnits: 2 })
 * //=> 61_002 (then 1 day, 0 hours, 59 minutes… is left: "1 day, 59 minutes")
 */
export function msUntilTextChanges(c: Countdown, opts: FormatCountdownOptions = {}): number {
  const { style = 'long', maxUnits, largestUnit = 'days', smallestUnit = 'seconds' } = opts;
  const hi = UNITS.indexOf(largestUnit);
  const lo = UNITS.indexOf(smallestUnit);
  let step = SIZES[lo] as number;
  if (style !== 'digital' && maxUnits !== undefined) {
    // With all `maxUnits` shown, units below the last shown one are hidden: it sets the step.
    let shown = 0;
    let rest = Math.floor(c.totalMs);
    for (let i = hi; i <= lo; i++) {
      const size = SIZES[i] as number;
      const v = Math.floor(rest / size);
      rest %= size;
      if (v !== 0 && ++shown === maxUnits) {
        step = size;
        break;
      }
    }
  }
  const into = Math.floor(c.totalMs) % step;
  return c.past ? step - into : into + 1;
}
