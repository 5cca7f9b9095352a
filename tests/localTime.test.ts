/**
 * Wall-clock times read in a zone: the earlier of two where clocks go back, forward by the gap
 * where they jump, and the ends of the range a Date can hold (where the offset a day beyond is
 * unknown) read with the offset that is known.
 */
import { describe, expect, it } from 'vitest';
import { instantOfWallClock, startOfWallDay } from '../src/rules/localTime.js';
import { zoneFor } from '../src/rules/zone.js';

const zone = (name: string) => zoneFor(name) as NonNullable<ReturnType<typeof zoneFor>>;
const HOUR = 3_600_000;

describe('instantOfWallClock', () => {
  it('reads a repeated time as the first, a skipped one forward by the gap', () => {
    const ny = zone('America/New_York');
    // 2 November 2025, 01:30 happens twice: EDT (05:30Z) first, then EST.
    expect(instantOfWallClock(Date.UTC(2025, 10, 2, 1, 30), ny)).toBe(Date.UTC(2025, 10, 2, 5, 30));
    // 9 March 2025, 02:30 does not exist: read with EST, it is 03:30 EDT (07:30Z).
    expect(instantOfWallClock(Date.UTC(2025, 2, 9, 2, 30), ny)).toBe(Date.UTC(2025, 2, 9, 7, 30));
    // Lord Howe moves by half an hour: 5 October 2025, 02:15 is skipped (+10:30 → +11:00).
    expect(instantOfWallClock(Date.UTC(2025, 9, 5, 2, 15), zone('Australia/Lord_Howe'))).toBe(Date.UTC(2025, 9, 5, 2, 15) - 10.5 * HOUR);
  });

  it('reads the ends of the range a Date holds with the offset that is known', () => {
    const utc = zone('UTC');
    expect(instantOfWallClock(-8.64e15, utc)).toBe(-8.64e15);
    expect(instantOfWallClock(8.64e15, utc)).toBe(8.64e15);
    expect(startOfWallDay(8.64e15, utc)).toBe(8.64e15);
  });
});

describe('startOfWallDay', () => {
  it('is midnight where it exists, the jump where the day starts later', () => {
    expect(startOfWallDay(Date.UTC(2025, 6, 14), zone('America/New_York'))).toBe(Date.UTC(2025, 6, 14, 4));
    // Santiago skipped 8 September 2024, 00:00–01:00: the day began at 01:00 -03:00.
    expect(startOfWallDay(Date.UTC(2024, 8, 8), zone('America/Santiago'))).toBe(Date.UTC(2024, 8, 8, 4));
  });
});
