import type { IANAZone } from 'luxon';
import { offsetMs } from './zone.js';
import { DAY_MS } from './civil.js';

/**
 * Wall-clock milliseconds (the local date and time read as if it were UTC) of an instant.
 *
 * @example
 * wallClockOf(Date.UTC(2025, 6, 14, 16), zoneFor('America/New_York')!) //=> Date.UTC(2025, 6, 14, 12)
 */
export function wallClockOf(instantMs: number, zone: IANAZone): number {
  return instantMs + offsetMs(zone, instantMs);
}

/**
 * The earliest instant showing exactly `wallMs` on the zone's clocks, read with either offset it
 * could have (`before` and `after`: those in force a day either side of it); NaN where the time
 * does not exist. Numbers only: this runs for every calendar deadline of every document read.
 */
function earliestInstantShowing(wallMs: number, zone: IANAZone, before: number, after: number): number {
  // An offset that is NaN (past the range of a Date) shows nothing.
  const a = wallMs - before;
  const b = wallMs - after;
  const aShows = offsetMs(zone, a) === before;
  const bShows = after !== before && offsetMs(zone, b) === after;
  if (aShows) return bShows && b < a ? b : a;
  return bShows ? b : Number.NaN;
}

/**
 * The instant of a wall-clock time in a zone, decided the same way whenever the code runs:
 * a time that occurs twice (clocks going back) is the earlier instant; a time skipped by
 * clocks going forward moves forward by the length of the gap (02:30 → 03:30). luxon's own
 * local-time parsing guesses from the offset in force *now*, so its answer for an ambiguous
 * time changes with the season the code runs in — which a deadline library cannot accept.
 *
 * @example
 * instantOfWallClock(Date.UTC(2025, 10, 2, 1, 30), zoneFor('America/New_York')!)
 * //=> Date.UTC(2025, 10, 2, 5, 30) (01:30 EDT, the first of the two)
 */
export function instantOfWallClock(wallMs: number, zone: IANAZone): number {
  const before = offsetMs(zone, wallMs - DAY_MS);
  const found = earliestInstantShowing(wallMs, zone, before, offsetMs(zone, wallMs + DAY_MS));
  // In a gap: read with the offset before the change, which lands after it.
  return Number.isNaN(found) ? wallMs - before : found;
}

/**
 * The first instant of a local calendar day (given as wall-clock ms of its midnight). Where
 * midnight does not exist (clocks jump forward at 00:00), it is the instant the clocks jumped,
 * the first one the day has — found by bisection, since the gap may not be a whole hour.
 *
 * @example
 * startOfWallDay(Date.UTC(2024, 8, 8), zoneFor('America/Santiago')!) //=> Date.UTC(2024, 8, 8, 4) (01:00 -03:00)
 */
export function startOfWallDay(midnightWallMs: number, zone: IANAZone): number {
  const before = offsetMs(zone, midnightWallMs - DAY_MS);
  const after = offsetMs(zone, midnightWallMs + DAY_MS);
  const existing = earliestInstantShowing(midnightWallMs, zone, before, after);
  if (!Number.isNaN(existing)) return existing;
  // Gap: every instant in (lo, hi] is either before the day or after the jump; find the jump.
  let lo = midnightWallMs - Math.max(before, after);
  let hi = midnightWallMs - Math.min(before, after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClockOf(mid, zone) >= midnightWallMs) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Wall-clock ms of the midnight that starts the local day containing `wallMs`.
 *
 * @example
 * wallMidnight(Date.UTC(2025, 6, 14, 12)) //=> Date.UTC(2025, 6, 14)
 */
export function wallMidnight(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/**
 * The end of the local day containing `instantMs`: the first instant of the next day.
 *
 * @example
 * endOfLocalDay(Date.UTC(2024, 8, 7, 15), zoneFor('America/Santiago')!) //=> Date.UTC(2024, 8, 8, 4)
 */
export function endOfLocalDay(instantMs: number, zone: IANAZone): number {
  return startOfWallDay(wallMidnight(wallClockOf(instantMs, zone)) + DAY_MS, zone);
}
