import fc from 'fast-check';
import { createUltimatum, deadlineOf, formatCountdown, isUltimatumError, parseDuration, status } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, propertyRuns, utc } from './helpers.js';

describe('parseDuration', () => {
  it.each([
    ['P50D', { days: 50 }],
    ['PT48H', { hours: 48 }],
    ['50 days', { days: 50 }],
    ['fifty days', { days: 50 }],
    ['forty-eight hours', { hours: 48 }],
    ['two weeks', { weeks: 2 }],
    ['a fortnight', { weeks: 2 }],
    ['a month', { months: 1 }],
    ['an hour', { hours: 1 }],
    ['1.5 hours', { hours: 1.5 }],
    ['10 business days', { businessDays: 10 }],
    ['10 working days', { businessDays: 10 }],
    ['one hundred and twenty days', { days: 120 }],
    ['1,000 days', { days: 1000 }],
    ['2 days, 3 hours, and 4 minutes', { days: 2, hours: 3, minutes: 4 }],
    ['1 day and 2 hours', { days: 1, hours: 2 }],
    ['2d 3h 4m 5s', { days: 2, hours: 3, minutes: 4, seconds: 5 }],
    ['Ten Days', { days: 10 }],
  ])('%j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['10 or 12 days', '10-12 days', '10 – 12 days', '10 to 12 days', 'between 10 and 12 days', 'ten or twelve days', '10 days or 12 days'])(
    'range %j',
    (text) => {
      expect(parseDuration(text)).toEqual({ earliest: { days: 10 }, latest: { days: 12 } });
    },
  );

  it.each([
    ['50 dayz', '"dayz" (at character 4)'],
    ['days', '"days" (at character 1) is not a number'],
    ['10 days or', 'ends where a number was expected'],
    ['fifty', 'ends where a unit'],
    ['ten days ten days', 'names days twice'],
    ['10 business days and 2 hours', 'cannot be combined'],
    ['P5X', 'is not an ISO 8601 duration'],
    ['-5 days', '"-" (at character 1) is not a number'],
  ])('refuses %j, pointing at the word', (text, words) => {
    let error: unknown;
    try {
      parseDuration(text);
    } catch (e) {
      error = e;
    }
    expect(isUltimatumError(error) && error.code).toBe('INVALID_DURATION');
    expect(isUltimatumError(error) && error.message).toContain(words);
  });

  it('answers a 1 MB string at once', () => {
    for (const text of ['a'.repeat(1_000_000), '1 day, '.repeat(150_000), `${'9'.repeat(999)} days`]) {
      const start = performance.now();
      expect(() => parseDuration(text)).toThrow();
      expect(performance.now() - start).toBeLessThan(100);
    }
  });

  it('reads back what formatCountdown writes (1 000 random durations)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 400 * 86_400_000 }), (ms) => {
        const totalMs = Math.floor(ms / 1000) * 1000;
        const c = { totalMs, past: false, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 };
        const expected: Record<string, number> = {};
        const parts = [
          ['days', Math.floor(totalMs / 86_400_000)],
          ['hours', Math.floor(totalMs / 3_600_000) % 24],
          ['minutes', Math.floor(totalMs / 60_000) % 60],
          ['seconds', Math.floor(totalMs / 1000) % 60],
        ] as const;
        for (const [unit, value] of parts) if (value > 0) expected[unit] = value;
        for (const style of ['long', 'short', 'narrow'] as const) {
          expect(parseDuration(formatCountdown(c, { locale: 'en', style }))).toEqual(expected);
        }
      }),
      { numRuns: propertyRuns(), seed: 20250714 },
    );
  });
});

describe('words in deadline rules', () => {
  it('"50 days" and "10 or 12 days" as `after`', () => {
    const u = createUltimatum(base({ deadline: { after: '50 days' } }));
    expect(u.deadline).toEqual({ after: { days: 50 } });
    expect(deadlineOf(u, '2025-07-20')?.toMillis()).toBe(utc(2025, 9, 2, 16));
    const w = createUltimatum(base({ issuedAt: '2025-07-28T12:00', deadline: { after: '10 or 12 days' } }));
    expect(w.deadline).toEqual({ after: { earliest: { days: 10 }, latest: { days: 12 } } });
    expect(status(w, '2025-08-08').window?.earliest.toMillis()).toBe(utc(2025, 8, 7, 16));
  });

  it('a range where one duration is needed is refused, with the path', () => {
    let error: unknown;
    try {
      createUltimatum(base({ events: [{ type: 'extend', at: '2025-07-20', by: '10 or 12 days' }] }));
    } catch (e) {
      error = e;
    }
    expect(isUltimatumError(error) && [error.code, error.issues[0]?.path]).toEqual(['INVALID_DURATION', ['events', 0, 'by']]);
  });
});
