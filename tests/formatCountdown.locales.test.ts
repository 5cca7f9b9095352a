/**
 * formatCountdown() against Intl itself, over more locales and more distinct texts than any of its
 * caches holds: whatever it remembers, each text must be the one Intl.NumberFormat (unit style)
 * and Intl.ListFormat (unit lists) give — its documented source — called directly here.
 */
import { formatCountdown, isUltimatumError } from 'ultimatum';
import { describe, expect, it } from 'vitest';

const S = 1_000;
const H = 3_600_000;
const D = 24 * H;

const countdown = (totalMs: number) => ({ totalMs, past: false, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 });

/** What Intl gives for these unit values, in this order, in `locale` and `style`. */
function intl(locale: string, style: 'long' | 'short' | 'narrow', values: [Intl.NumberFormatOptions['unit'], number][]): string {
  const parts = values.map(([unit, v]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style }).format(v));
  return new Intl.ListFormat(locale, { type: 'unit', style }).format(parts);
}

// 80 distinct, valid tags (private-use subtags after a base language Intl knows).
const LOCALES = Array.from({ length: 80 }, (_, i) => `${['en', 'de', 'fr', 'es', 'he'][i % 5]}-x-c${String(i).padStart(2, '0')}`);

describe('formatCountdown: the same text as Intl, however many locales and texts', () => {
  it('80 locales, twice over, in long and narrow style', () => {
    const c = countdown(2 * D + 3 * H + 5 * S);
    for (let round = 0; round < 2; round++) {
      for (const locale of LOCALES) {
        for (const style of ['long', 'narrow'] as const) {
          expect(formatCountdown(c, { locale, style })).toBe(
            intl(locale, style, [
              ['day', 2],
              ['hour', 3],
              ['second', 5],
            ]),
          );
        }
      }
    }
  });

  it('80 locales in the digital style: the locale’s digits, no grouping', () => {
    const c = countdown(3 * H + 4 * 60_000 + 5 * S);
    for (const locale of [...LOCALES, 'ar-EG', ...LOCALES]) {
      const digits = (v: number, n: number) => new Intl.NumberFormat(locale, { minimumIntegerDigits: n, useGrouping: false }).format(v);
      expect(formatCountdown(c, { locale, style: 'digital' })).toBe(`${digits(3, 1)}:${digits(4, 2)}:${digits(5, 2)}`);
    }
  });

  it('1 000 distinct last parts (every millisecond value), in Spanish and in Hebrew', () => {
    for (const locale of ['es', 'he']) {
      for (let ms = 0; ms < 1_000; ms++) {
        expect(formatCountdown(countdown(H + ms), { locale, style: 'short', smallestUnit: 'milliseconds' })).toBe(
          ms === 0
            ? intl(locale, 'short', [['hour', 1]])
            : intl(locale, 'short', [
                ['hour', 1],
                ['millisecond', ms],
              ]),
        );
      }
    }
  });
});

describe('formatCountdown: a good locale next to a bad option', () => {
  it('reports only the bad option', () => {
    try {
      formatCountdown(countdown(D), { locale: 'en', style: 'wide' as never });
      expect.unreachable();
    } catch (e) {
      expect(isUltimatumError(e) && e.issues).toMatchObject([
        { code: 'INVALID_INPUT', path: ['style'], message: 'must be one of "long", "short", "narrow", "digital"' },
      ]);
    }
  });
});
