/**
 * `ultimatum/countdown`: the countdown to an instant with no luxon and no zod. Expected values are
 * computed by hand from the instants written; the property compares it with the main entry's
 * `countdown`, which reads instants through luxon-backed code.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { Temporal } from 'temporal-polyfill';
import { countdown as fullCountdown } from 'ultimatum';
import { countdown, formatCountdown } from 'ultimatum/countdown';
import { describe, expect, it } from 'vitest';
import { fullIssuesOf } from './helpers.js';

const HOUR = 3_600_000;

describe('countdown of ultimatum/countdown', () => {
  it('counts exact time to an instant with an offset', () => {
    // 31 Aug 12:00 to 2 Sep 00:00, both at -04:00: 36 hours.
    expect(countdown('2025-09-02T00:00-04:00', '2025-08-31T12:00-04:00')).toEqual({
      totalMs: 36 * HOUR,
      past: false,
      days: 1,
      hours: 12,
      minutes: 0,
      seconds: 0,
      milliseconds: 0,
    });
    expect(formatCountdown(countdown('2025-09-02T00:00-04:00', '2025-08-31T12:00-04:00'), { locale: 'en' })).toBe('1 day, 12 hours');
  });

  it('the README example', () => {
    expect(formatCountdown(countdown('2025-09-02T12:00-04:00', '2025-08-31T12:00-04:00'), { locale: 'en' })).toBe('2 days');
  });

  it('reads a date-only target as the end of that day and text without offset in UTC', () => {
    // The end of 2 Sep UTC is 3 Sep 00:00Z: one hour after 2 Sep 23:00.
    expect(countdown('2025-09-02', '2025-09-02T23:00').totalMs).toBe(HOUR);
    expect(countdown('2025-09-02T00:00:00.250Z', '2025-09-01T23:59:59Z')).toMatchObject({ totalMs: 1_250, seconds: 1, milliseconds: 250 });
  });

  it('reads a date-only `at` as the start of that day, and no `at` as now', () => {
    // From 2 Sep 00:00Z to the end of 3 Sep (4 Sep 00:00Z): two days.
    expect(countdown('2025-09-03', '2025-09-02').totalMs).toBe(2 * 24 * HOUR);
    // Read after the target was written: a little under 10 days and an hour is left.
    const c = countdown(Date.now() + 10 * 24 * HOUR + HOUR);
    expect([c.past, c.days]).toEqual([false, 10]);
    expect(c.totalMs).toBeLessThanOrEqual(10 * 24 * HOUR + HOUR);
    expect(c.totalMs).toBeGreaterThan(10 * 24 * HOUR + HOUR - 60_000);
  });

  it('is past at the deadline itself and counts the time overdue after it', () => {
    expect(countdown('2025-01-01T00:00Z', '2025-01-01T00:00Z')).toMatchObject({ totalMs: 0, past: true });
    expect(countdown('2025-01-01T00:00Z', '2025-01-02T01:00+01:00')).toMatchObject({ totalMs: 24 * HOUR, past: true, days: 1, hours: 0 });
  });

  it('reads epoch ms, Dates, luxon DateTimes and Temporal instants', () => {
    const target = Date.UTC(2025, 8, 2, 4);
    const at = '2025-09-01T04:00Z';
    for (const t of [target, new Date(target), DateTime.fromMillis(target, { zone: 'Asia/Tokyo' }), Temporal.Instant.fromEpochMilliseconds(target)]) {
      expect(countdown(t, at).totalMs).toBe(24 * HOUR);
    }
    expect(countdown(Temporal.PlainDate.from('2025-09-02'), '2025-09-02T12:00Z').totalMs).toBe(12 * HOUR);
  });

  it('refuses text in other ISO forms by name, and what is no instant at all', () => {
    for (const text of ['2025-W36-2', '20250902T000000Z', '2025-09-02T24:00', '2025-02-30', 'tomorrow', '2025-09-02T12:00[Europe/Paris]']) {
      expect(fullIssuesOf(() => countdown(text, 0)).map((i) => [i.code, i.path, i.reason])).toEqual([['INVALID_DATE', ['target'], 'not_a_simple_instant']]);
    }
    expect(fullIssuesOf(() => countdown('2025-09-02', 'soon')).map((i) => [i.path, i.reason])).toEqual([[['at'], 'not_a_simple_instant']]);
    expect(fullIssuesOf(() => countdown(undefined as never)).map((i) => [i.code, i.path, i.reason])).toEqual([['INVALID_INPUT', ['target'], 'required']]);
    expect(fullIssuesOf(() => countdown({} as never, 0)).map((i) => [i.code, i.reason])).toEqual([['INVALID_INPUT', 'wrong_type']]);
    expect(fullIssuesOf(() => countdown(null as never, 0)).map((i) => [i.code, i.reason])).toEqual([['INVALID_INPUT', 'wrong_type']]);
    expect(fullIssuesOf(() => countdown(Number.NaN, 0)).map((i) => [i.code, i.reason])).toEqual([['INVALID_DATE', 'epoch_out_of_range']]);
    expect(fullIssuesOf(() => countdown(new Date(Number.NaN), 0)).map((i) => [i.code, i.reason])).toEqual([['INVALID_DATE', 'invalid_date_object']]);
    expect(fullIssuesOf(() => countdown(DateTime.invalid('because'), 0)).map((i) => [i.code, i.reason, i.params])).toEqual([
      ['INVALID_DATE', 'invalid_luxon_datetime', { explanation: 'because' }],
    ]);
    expect(fullIssuesOf(() => countdown(1e17, 0)).map((i) => [i.code, i.reason])).toEqual([['OUT_OF_RANGE', 'instant_out_of_range']]);
    expect(fullIssuesOf(() => countdown(`2025-09-02T00:00:00.000${'0'.repeat(60)}Z`, 0)).map((i) => [i.code, i.reason])).toEqual([['INVALID_DATE', 'too_long']]);
    // Look-alikes: a luxon flag without a DateTime behind it, a Date tag without a Date.
    expect(fullIssuesOf(() => countdown({ isLuxonDateTime: true } as never, 0)).map((i) => [i.code, i.reason])).toEqual([['INVALID_DATE', 'not_luxon']]);
    // 64 characters are read (and refused as no instant); 65 are too long to read.
    expect(fullIssuesOf(() => countdown('x'.repeat(64), 0)).map((i) => i.reason)).toEqual(['not_a_simple_instant']);
    expect(fullIssuesOf(() => countdown('x'.repeat(65), 0)).map((i) => i.reason)).toEqual(['too_long']);
    expect(fullIssuesOf(() => countdown({ [Symbol.toStringTag]: 'Date' } as never, 0)).map((i) => i.reason)).toEqual(['invalid_date_object']);
  });

  it('gives what the main entry gives for every instant written in the common forms', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
    const offsetMinutes = fc.integer({ min: -14 * 60, max: 14 * 60 });
    const write = (ms: number, offset: number, form: number) => {
      const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      return [`${wall}${zone}`, `${wall.slice(0, 16)}Z`, wall.slice(0, 19), wall.slice(0, 10)][form] as string;
    };
    fc.assert(
      fc.property(instant, offsetMinutes, fc.integer({ min: 0, max: 3 }), instant, (t, offset, form, at) => {
        const text = write(t, offset, form);
        expect(countdown(text, at)).toEqual(fullCountdown(text, at));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('the import graph of ultimatum/countdown', () => {
  it('reaches neither luxon nor zod (a type-only import costs nothing)', () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'/gm)) {
        const spec = m[1] as string;
        if (spec.startsWith('.')) visit(join(dirname(file), spec.replace(/\.js$/, '.ts')));
        else packages.add(spec);
      }
    };
    visit(join(src, 'countdown.ts'));
    expect([...packages]).toEqual([]);
    expect(seen.size).toBeGreaterThan(5);
  });
});
