/**
 * Every IANA zone the runtime knows, at every UTC-offset change from 1970 to 2037: the compiled
 * zone table finds exactly the changes luxon reports, the end of a day is the first instant of the
 * next day that exists, calendar-day arithmetic keeps the wall-clock time wherever that time
 * exists, an interval of working hours spanning a change has its real length, and no invalid
 * luxon DateTime escapes. (`npm run sweep:daily` also compares the table
 * with luxon at every day of those years: 10 million instants, about 80 s.)
 */
import { createUltimatum, deadlineOf } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { addDuration } from '../src/rules/duration.js';
import { endOfLocalDay, wallClockOf } from '../src/rules/localTime.js';
import { offsetMs, zoneFor } from '../src/rules/zone.js';
import { offsetChanges, zoneTableOf } from '../src/rules/zoneTable.js';
import { compiledCalendarOf, createCalendar } from '../src/rules/businessDays.js';
import { workBetween } from '../src/rules/businessClock.js';
import { scheduleOf } from '../src/rules/weeklySchedule.js';

const DAY = 86_400_000;
const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2038, 0, 1);
const STEP = 7 * DAY;

type Zone = NonNullable<ReturnType<typeof zoneFor>>;
/** The offset luxon itself gives (through Intl), not the compiled table's. */
const luxonOffset = (zone: Zone, ms: number) => Math.round(zone.offset(ms) * 60_000);

const found = new Map<string, number[]>();

/** Instants at which luxon says the zone's offset changes (found once per zone, then kept). */
function transitions(zone: Zone): number[] {
  let out = found.get(zone.name);
  if (out === undefined) {
    out = findTransitions(zone);
    found.set(zone.name, out);
  }
  return out;
}

/** Instants at which luxon says the zone's offset changes, found by stepping a week and bisecting. */
function findTransitions(zone: Zone): number[] {
  const out: number[] = [];
  let prev = luxonOffset(zone, FROM);
  for (let t = FROM + STEP; t < TO; t += STEP) {
    const o = luxonOffset(zone, t);
    if (o === prev) continue;
    // Bisect (t - STEP, t] down to the millisecond; one change per week at most is assumed,
    // and checked below by recomputing the offset on both sides.
    let lo = t - STEP;
    let hi = t;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (luxonOffset(zone, mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push(hi);
    prev = o;
  }
  return out;
}

const zones = Intl.supportedValuesOf('timeZone');

describe('every zone, every offset change 1970–2037', () => {
  it('knows a few hundred zones', () => {
    expect(zones.length).toBeGreaterThan(300);
  });

  it('the compiled zone table has exactly the offset changes luxon has', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let changes = 0;
    for (const name of zones) {
      const zone = zoneFor(name) as Zone;
      const expected = transitions(zone).map((at) => ({ at, offset: luxonOffset(zone, at) }));
      const compiled = offsetChanges(zoneTableOf(zone), FROM, TO);
      changes += expected.length;
      if (JSON.stringify(compiled) !== JSON.stringify(expected)) failures.push(name);
      for (const { at } of expected) {
        for (const ms of [at - 1, at]) if (offsetMs(zone, ms) !== luxonOffset(zone, ms)) failures.push(`${name} at ${ms}`);
      }
    }
    expect(failures).toEqual([]);
    // New York alone changes twice a year; the world, some tens of thousands of times.
    expect(changes).toBeGreaterThan(10_000);
  });

  it('end of day, calendar days and public results hold at every transition', { timeout: 120_000 }, () => {
    const failures: string[] = [];
    let checked = 0;
    for (const name of zones) {
      const zone = zoneFor(name);
      if (zone === undefined) {
        failures.push(`${name}: not a luxon zone`);
        continue;
      }
      for (const change of transitions(zone)) {
        for (const around of [change - DAY, change - 1, change, change + DAY]) {
          checked++;
          // End of day: the result is on a later local date than `around`, and one ms before it is
          // not — so it is the first instant of the next day that exists (clocks may jump by hours:
          // America/Danmarkshavn went from 31 Dec 1995 23:59:59 straight to 1 Jan 1996 03:00).
          const end = endOfLocalDay(around, zone);
          const day = Math.floor(wallClockOf(around, zone) / DAY);
          const endDay = Math.floor(wallClockOf(end, zone) / DAY);
          const beforeDay = Math.floor(wallClockOf(end - 1, zone) / DAY);
          if (!(endDay > day && beforeDay <= day)) {
            failures.push(`${name} end of day after ${new Date(around).toISOString()} → ${new Date(end).toISOString()}`);
          }
          // Calendar day: one day later shows the same wall time, wherever that time exists.
          const next = addDuration(around, { days: 1 }, zone);
          const wall = wallClockOf(around, zone) + DAY;
          const exists = [offsetMs(zone, wall - DAY), offsetMs(zone, wall + DAY), offsetMs(zone, wall)].some(
            (o) => wallClockOf(wall - o, zone) === wall,
          );
          if (exists && wallClockOf(next, zone) !== wall) {
            failures.push(`${name} +1 day from ${new Date(around).toISOString()} → ${new Date(next).toISOString()}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
  });

  it('working hours: an interval spanning each change has its real length', { timeout: 120_000 }, () => {
    // For each change, an override on its local date: from a whole hour well before it to a whole
    // hour well after it, on the wall clock (4 h, or more than the change itself, so that neither end
    // lies in the hour skipped or repeated). Its real length is the instant of its
    // end less the instant of its start, each read with the offset in force there (luxon's).
    const H = 3_600_000;
    const failures: string[] = [];
    let checked = 0;
    let skipped = 0;
    const hhmm = (wall: number) => new Date(wall).toISOString().slice(11, 16);
    for (const name of zones) {
      const zone = zoneFor(name) as Zone;
      const spans: { start: number; end: number; wallStart: number; wallEnd: number }[] = [];
      let lastDay = Number.NEGATIVE_INFINITY;
      for (const at of transitions(zone)) {
        const m = Math.max(4 * H, Math.abs(luxonOffset(zone, at) - luxonOffset(zone, at - 1)) + H);
        const start = Math.floor((at - m + luxonOffset(zone, at - m)) / H) * H - luxonOffset(zone, at - m);
        const end = Math.ceil((at + m + luxonOffset(zone, at + m)) / H) * H - luxonOffset(zone, at + m);
        const wallStart = start + luxonOffset(zone, start);
        const wallEnd = end + luxonOffset(zone, end);
        const day = Math.floor(wallStart / DAY);
        // Another change within the span, a jump of a day (Pacific/Apia, 2011), or a span on the day
        // after the last one (their intervals could touch): not this test's case.
        const clean = luxonOffset(zone, start) === luxonOffset(zone, at - 1) && luxonOffset(zone, end) === luxonOffset(zone, at);
        if (!clean || wallEnd - wallStart >= DAY || wallEnd <= wallStart || day <= lastDay + 1) {
          skipped++;
          continue;
        }
        lastDay = Math.floor(wallEnd / DAY);
        spans.push({ start, end, wallStart, wallEnd });
      }
      const overrides = Object.fromEntries(
        spans.map((s) => [new Date(s.wallStart).toISOString().slice(0, 10), [`${hhmm(s.wallStart)}-${hhmm(s.wallEnd).replace(/^00:00$/, '24:00')}`]]),
      );
      // A minute a week keeps the week worked; Wednesday noon, far from every span.
      const calendar = createCalendar({ hours: { wed: ['12:00-12:01'] }, overrides });
      const schedule = scheduleOf(compiledCalendarOf(calendar));
      for (const s of spans) {
        checked++;
        const real = s.end - s.start;
        const inside = workBetween(schedule, zone, s.start, s.end);
        const around = workBetween(schedule, zone, s.start - 2 * H, s.end + 2 * H);
        if (inside !== real || around !== real) failures.push(`${name} ${new Date(s.start).toISOString()}: ${inside} / ${around} ≠ ${real}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
    // Only a few changes sit too close to another, or jump a whole day.
    expect(skipped).toBeLessThan(checked / 20);
  });

  it('no invalid DateTime escapes: a date-only deadline in every zone', () => {
    for (const name of zones) {
      const u = createUltimatum({
        title: 't', issuer: 'i', addressee: 'a', demands: ['d'], zone: name,
        issuedAt: '2024-01-01', deadline: { at: '2024-03-31' },
      });
      const d = deadlineOf(u, '2024-01-02');
      expect(d?.isValid, name).toBe(true);
      expect(d?.hour === 0 || d?.hour === 1, `${name}: ${d?.toISO()}`).toBe(true);
    }
  });
});
