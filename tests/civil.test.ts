import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addCalendarUnits, civilOfEpochDay, daysInMonth, epochDayOfCivil } from '../src/rules/civil.js';
import { propertyRuns } from './helpers.js';

const DAY = 86_400_000;
/** Epoch days of years 1 to 9999 (the supported range), and a little beyond. */
const epochDays = fc.integer({ min: -719_162 - 400, max: 2_932_896 + 400 });

describe('civil dates', () => {
  it('knows dates worked out by hand', () => {
    expect(epochDayOfCivil(1970, 1, 1)).toBe(0);
    expect(epochDayOfCivil(2025, 7, 14)).toBe(20_283); // 55 years of 365 days + 14 leap days + 194
    expect(epochDayOfCivil(2000, 3, 1)).toBe(11_017);
    expect(civilOfEpochDay(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(civilOfEpochDay(epochDayOfCivil(1, 1, 1))).toEqual({ year: 1, month: 1, day: 1 });
    expect([2023, 2024, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });

  it('agrees with Date for every epoch day of years 1–9999', () => {
    fc.assert(
      fc.property(epochDays, (day) => {
        const date = new Date(day * DAY);
        const civil = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
        expect(civilOfEpochDay(day)).toEqual(civil);
        expect(epochDayOfCivil(civil.year, civil.month, civil.day)).toBe(day);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('adds years, months and days as luxon plus does in UTC (end of month clamped)', () => {
    expect(addCalendarUnits(Date.UTC(2025, 0, 31, 12), 0, 1, 0)).toBe(Date.UTC(2025, 1, 28, 12));
    expect(addCalendarUnits(Date.UTC(2024, 1, 29), 1, 0, 0)).toBe(Date.UTC(2025, 1, 28));
    expect(addCalendarUnits(Date.UTC(2025, 2, 31, 9, 30), 0, -1, 1)).toBe(Date.UTC(2025, 2, 1, 9, 30));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: DAY - 1 }),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -3_000, max: 3_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (day, time, years, months, days) => {
          const wall = day * DAY + time;
          const expected = DateTime.fromMillis(wall, { zone: 'utc' }).plus({ years, months, days }).toMillis();
          expect(addCalendarUnits(wall, years, months, days)).toBe(expected);
        },
      ),
      { numRuns: propertyRuns() },
    );
  });
});
