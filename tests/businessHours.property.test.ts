/**
 * Business time against a reference that walks minute by minute: each minute of two windows
 * around the 2025 DST changes is read on the zone's clock by luxon, marked working or not from the
 * schedule as the README states it (an interval belongs to the date it starts on, start inclusive,
 * end exclusive; overrides replace a date's hours; holidays and weekend days have none), and summed.
 */
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { addBusinessTime, type BusinessCalendarInput, businessTimeBetween, createCalendar, isWithinBusinessHours } from 'ultimatum';
import { describe, expect, it } from 'vitest';

const M = 60_000;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const lunch = ['09:00-12:30', '13:30-17:00'];
const night = ['22:00-06:00'];
const SCHEDULES: Record<string, BusinessCalendarInput> = {
  lunch: {
    hours: { mon: lunch, tue: lunch, wed: lunch, thu: lunch, fri: lunch },
    holidays: ['2025-03-14', '2025-10-31'],
    overrides: { '2025-03-21': ['09:00-12:00'], '2025-11-01': ['10:00-11:00'] },
  },
  night: { hours: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: ['10:00-14:00'] }, holidays: ['2025-03-27'] },
  dst: {
    hours: { mon: ['08:00-18:00'], tue: ['08:00-18:00'], wed: ['08:00-18:00'], thu: ['08:00-18:00'], fri: ['08:00-18:00'], sun: ['00:30-03:30'] },
    holidays: ['2025-11-03'],
    // Saturday evenings up to the Sunday interval, touching it: 20:00–00:30 then 00:30–03:30.
    overrides: { '2025-03-29': ['20:00-00:30'], '2025-10-25': ['20:00-00:30'], '2025-03-08': ['20:00-00:30'], '2025-11-01': ['20:00-00:30'] },
  },
};
/** Windows of 16 days, each holding one 2025 change of its zone (London 30 Mar, 26 Oct; New York 9 Mar, 2 Nov). */
const WINDOWS: [string, number][] = [
  ['Europe/London', Date.UTC(2025, 2, 25)],
  ['Europe/London', Date.UTC(2025, 9, 21)],
  ['America/New_York', Date.UTC(2025, 2, 4)],
  ['America/New_York', Date.UTC(2025, 9, 28)],
];
const WINDOW_MINUTES = 16 * 1440;
const DAY_MS = 86_400_000;

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** A date's intervals in minutes of that date, an end past 1440 on the next date. */
function intervalsOn(input: BusinessCalendarInput, epochDay: number): [number, number][] {
  const date = new Date(epochDay * DAY_MS);
  const iso = date.toISOString().slice(0, 10);
  const weekday = WEEKDAYS[(date.getUTCDay() + 6) % 7] as (typeof WEEKDAYS)[number];
  const texts = input.overrides?.[iso] ?? (input.holidays?.includes(iso) ? [] : (input.hours?.[weekday] ?? []));
  return texts.map((t) => {
    const start = toMinutes(t);
    let end = toMinutes(t.slice(6));
    if (end <= start) end += 1440;
    return [start, end];
  });
}

/** Reference: running count of working minutes over a window, the zone's offset read from luxon at every minute. */
function reference(input: BusinessCalendarInput, zoneName: string, from: number): Int32Array {
  const zone = IANAZone.create(zoneName);
  const prefix = new Int32Array(WINDOW_MINUTES + 1);
  for (let i = 0; i < WINDOW_MINUTES; i++) {
    const wall = from + i * M + zone.offset(from + i * M) * M;
    const day = Math.floor(wall / DAY_MS);
    const minute = (wall - day * DAY_MS) / M;
    const working =
      intervalsOn(input, day).some(([s, e]) => minute >= s && minute < e) ||
      intervalsOn(input, day - 1).some(([s, e]) => minute + 1440 >= s && minute + 1440 < e);
    prefix[i + 1] = (prefix[i] as number) + (working ? 1 : 0);
  }
  return prefix;
}

interface Case {
  readonly calendar: ReturnType<typeof createCalendar>;
  readonly zone: string;
  readonly from: number;
  readonly prefix: Int32Array;
}

const CASES: Case[] = [];
for (const input of Object.values(SCHEDULES)) {
  for (const [zone, from] of WINDOWS) CASES.push({ calendar: createCalendar(input), zone, from, prefix: reference(input, zone, from) });
}

/** A case, a start minute in the first half of its window, and a number of working minutes that stays inside it. */
const arbitrary = fc.record({
  k: fc.nat({ max: CASES.length - 1 }),
  start: fc.nat({ max: 5 * 1440 }),
  minutes: fc.nat({ max: 2_000 }),
  more: fc.nat({ max: 2_000 }),
  ms: fc.nat({ max: 59_999 }),
});

/** The first minute boundary at or after `start` where `d` working minutes have passed. */
function referenceAdd(c: Case, start: number, d: number): number {
  const target = (c.prefix[start] as number) + d;
  let lo = start;
  let hi = WINDOW_MINUTES;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((c.prefix[mid] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

describe('business time against a minute-by-minute reference (1 000 runs each)', () => {
  const opts = { numRuns: 1_000 };
  const startOf = (c: Case, start: number) => DateTime.fromMillis(c.from + start * M, { zone: c.zone });

  it('addBusinessTime of whole minutes lands where the reference does, and businessTimeBetween gives them back', () => {
    fc.assert(
      fc.property(arbitrary, ({ k, start, minutes }) => {
        const c = CASES[k] as Case;
        const a = startOf(c, start);
        const end = addBusinessTime(a, { minutes }, c.calendar);
        expect(end.toMillis()).toBe(c.from + referenceAdd(c, start, minutes) * M);
        expect(businessTimeBetween(a, end, c.calendar)).toBe(minutes * M);
      }),
      opts,
    );
  });

  it('businessTimeBetween(a, addBusinessTime(a, d)) === d for any ms, and results lie in working time', () => {
    fc.assert(
      fc.property(arbitrary, ({ k, start, minutes, ms }) => {
        const c = CASES[k] as Case;
        const a = startOf(c, start).plus({ milliseconds: ms });
        const d = minutes * M + ms;
        const end = addBusinessTime(a, { milliseconds: d }, c.calendar);
        expect(businessTimeBetween(a, end, c.calendar)).toBe(d);
        if (d > 0) {
          // The millisecond before the result was worked: the reference says its minute was working time.
          const minute = Math.floor((end.toMillis() - 1 - c.from) / M);
          expect((c.prefix[minute + 1] as number) - (c.prefix[minute] as number)).toBe(1);
          expect(isWithinBusinessHours(end.minus({ milliseconds: 1 }), c.calendar)).toBe(true);
        }
      }),
      opts,
    );
  });

  it('is monotone in d', () => {
    fc.assert(
      fc.property(arbitrary, ({ k, start, minutes, more }) => {
        const c = CASES[k] as Case;
        const a = startOf(c, start);
        const first = addBusinessTime(a, { minutes }, c.calendar).toMillis();
        const second = addBusinessTime(a, { minutes: minutes + more }, c.calendar).toMillis();
        expect(second).toBeGreaterThanOrEqual(first);
        if (more > 0) expect(second).toBeGreaterThan(first);
      }),
      opts,
    );
  });

  it('businessTimeBetween of two minutes is the reference count, either way round', () => {
    fc.assert(
      fc.property(arbitrary, ({ k, start, minutes }) => {
        const c = CASES[k] as Case;
        const end = Math.min(WINDOW_MINUTES, start + minutes * 4);
        const expected = ((c.prefix[end] as number) - (c.prefix[start] as number)) * M;
        expect(businessTimeBetween(startOf(c, start), startOf(c, end), c.calendar)).toBe(expected);
        expect(businessTimeBetween(startOf(c, end), startOf(c, start), c.calendar)).toBe(0 - expected);
      }),
      opts,
    );
  });

  it('isWithinBusinessHours agrees with the reference minute by minute', () => {
    fc.assert(
      fc.property(arbitrary, ({ k, start, ms }) => {
        const c = CASES[k] as Case;
        const working = (c.prefix[start + 1] as number) - (c.prefix[start] as number) === 1;
        expect(isWithinBusinessHours(startOf(c, start).plus({ milliseconds: ms }), c.calendar)).toBe(working);
      }),
      opts,
    );
  });
});
