/**
 * formatCountdown(): the edges of its validation (each refused input reported once, with its
 * message, and a valid option next to a bad one never reported), the 100-character bound on a
 * locale tag, and the digital clock's number formats.
 */
import { type Countdown, type FormatCountdownOptions, formatCountdown, } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { issuesOf } from './helpers.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** A Countdown for `totalMs`; formatCountdown reads `totalMs` only (its TSDoc). */
const cd = (totalMs: number): Countdown => ({ totalMs, past: false, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 });

/** The issues of the UltimatumError that `fn` throws. */
const paths = (fn: () => unknown) => issuesOf(fn).map((i) => i.path);

// Valid private-use tags (read as plain "en"): 'en-x-' (5) + ten 'abcdefgh' joined by '-' (10 × 8 + 9 = 89)
// + '-abcde' (6) = 100 characters; one more letter makes 101.
const TAG_100 = `en-x-${Array.from({ length: 10 }, () => 'abcdefgh').join('-')}-abcde`;
const TAG_101 = `${TAG_100}f`;

describe('formatCountdown: arguments that are not objects', () => {
  it('an undefined countdown is refused like null, with path []', () => {
    expect(issuesOf(() => formatCountdown(undefined as unknown as Countdown))).toEqual([
      { code: 'INVALID_INPUT', path: [], message: 'must be a Countdown object' },
    ]);
  });

  it('options that are a number or a string are refused once, as not an options object', () => {
    const expected = [{ code: 'INVALID_INPUT', path: [], message: 'must be an options object' }];
    expect(issuesOf(() => formatCountdown(cd(5 * S), 5 as unknown as FormatCountdownOptions))).toEqual(expected);
    // A locale passed where the options go: its characters are not reported as unknown keys "0", "1".
    expect(issuesOf(() => formatCountdown(cd(5 * S), 'de' as unknown as FormatCountdownOptions))).toEqual(expected);
  });
});

describe('formatCountdown: a valid value next to a bad option is not reported', () => {
  const wide = 'wide' as FormatCountdownOptions['style'];

  it('totalMs 0 (the smallest valid countdown)', () => {
    expect(paths(() => formatCountdown(cd(0), { style: wide }))).toEqual([['style']]);
  });

  it('maxUnits 2', () => {
    expect(paths(() => formatCountdown(cd(5 * S), { maxUnits: 2, style: wide }))).toEqual([['style']]);
  });

  it('largestUnit equal to smallestUnit, which formats one unit', () => {
    // 2 d 3 h 4 min in hours only: 2 × 24 + 3 = 51 hours, the 4 minutes truncated.
    expect(formatCountdown(cd(2 * D + 3 * H + 4 * M), { locale: 'en', largestUnit: 'hours', smallestUnit: 'hours' })).toBe('51 hours');
    expect(paths(() => formatCountdown(cd(5 * S), { largestUnit: 'hours', smallestUnit: 'hours', style: wide }))).toEqual([['style']]);
  });

  it('a locale tag of exactly 100 characters', () => {
    expect(TAG_100).toHaveLength(100);
    expect(paths(() => formatCountdown(cd(5 * S), { locale: TAG_100, style: wide }))).toEqual([['style']]);
  });
});

describe('formatCountdown: messages of refused options', () => {
  it('maxUnits below 1', () => {
    expect(issuesOf(() => formatCountdown(cd(5 * S), { maxUnits: 0 }))).toEqual([
      { code: 'INVALID_INPUT', path: ['maxUnits'], message: 'must be a whole number >= 1' },
    ]);
  });

  it('a locale array holding a non-string is refused as such, not handed to Intl', () => {
    const expected = [{ code: 'INVALID_INPUT', path: ['locale'], message: 'must be a language tag or an array of language tags' }];
    expect(issuesOf(() => formatCountdown(cd(5 * S), { locale: ['en', 5] as unknown as string[] }))).toEqual(expected);
    expect(issuesOf(() => formatCountdown(cd(5 * S), { locale: 42 as unknown as string, style: 'digital' }))).toEqual(expected);
  });
});

describe('formatCountdown: a locale tag may have at most 100 characters', () => {
  it('100 characters are formatted (as "en")', () => {
    // 2 d 3 h in English long units, as in the en CLDR list: "2 days, 3 hours".
    expect(formatCountdown(cd(2 * D + 3 * H), { locale: TAG_100 })).toBe('2 days, 3 hours');
  });

  it('101 characters are refused before Intl sees them, even though the tag is well formed', () => {
    expect(TAG_101).toHaveLength(101);
    // The message says what is wrong (its length), not that a well-formed tag is malformed.
    expect(issuesOf(() => formatCountdown(cd(2 * D + 3 * H), { locale: TAG_101 }))).toEqual([
      { code: 'INVALID_INPUT', path: ['locale'], message: 'must be at most 100 characters' },
    ]);
  });

  it('in an array, each tag has the same limit, reported at its index', () => {
    expect(formatCountdown(cd(2 * D + 3 * H), { locale: [TAG_100, 'de'] })).toBe('2 days, 3 hours');
    expect(issuesOf(() => formatCountdown(cd(2 * D + 3 * H), { locale: ['de', TAG_101, 'fr', TAG_101] }))).toEqual([
      { code: 'INVALID_INPUT', path: ['locale', 1], message: 'must be at most 100 characters' },
      { code: 'INVALID_INPUT', path: ['locale', 3], message: 'must be at most 100 characters' },
    ]);
  });

  it('an array of short tags whose key is long is still formatted', () => {
    // Twelve 10-character tags: the cache key is over 100 characters, no tag is.
    const tags = Array.from({ length: 12 }, () => 'en-x-abcde');
    expect(formatCountdown(cd(2 * D + 3 * H), { locale: tags })).toBe('2 days, 3 hours');
  });
});

describe('formatCountdown: digital number formats', () => {
  it('the leading field is never grouped, milliseconds always take three digits', () => {
    // 50 d + 7 ms with largestUnit hours: 50 × 24 = 1200 hours, 0 min, 0 s, 7 ms. Intl "en" would
    // group 1200 as "1,200" (useGrouping defaults to on); a clock writes 1200, and 7 ms as .007.
    expect(
      formatCountdown(cd(50 * D + 7), { locale: 'en-x-clock', style: 'digital', largestUnit: 'hours', smallestUnit: 'milliseconds' }),
    ).toBe('1200:00:00.007');
  });
});

describe('formatCountdown: only the options object’s own keys are checked', () => {
  it('an options object with a prototype is refused, its inherited keys never read (only plain data objects are)', () => {
    expect(() => formatCountdown(cd(5_000), Object.create({ locale: 'de' }))).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: [], reason: 'not_plain_object' })] }),
    );
  });

  it('an own unknown key is still refused, at its path', () => {
    expect(() => formatCountdown(cd(5_000), { locales: 'de' } as never)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: ['locales'] })] }),
    );
  });
});
