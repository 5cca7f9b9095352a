/**
 * formatCountdown(): styles and locales, the digital clock (its number formats too), units,
 * truncation and magnitude; and the edges of its validation — each refused input reported once,
 * with its message, a valid option next to a bad one never reported, the 100-character bound on a
 * locale tag, and only the options object's own keys read.
 */
import { describe, expect, it } from 'vitest';
import { isUltimatumError, UltimatumError } from '../src/errors/UltimatumError.js';
import { type FormatCountdownOptions, formatCountdown } from '../src/present/formatCountdown.js';
import type { Countdown } from '../src/status/countdown.js';
import { issuesOf } from './helpers.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

/** A consistent Countdown for `totalMs`, its fields worked out by plain arithmetic. */
function cd(totalMs: number, past = false): Countdown {
  return {
    totalMs,
    past,
    days: Math.floor(totalMs / D),
    hours: Math.floor((totalMs % D) / H),
    minutes: Math.floor((totalMs % H) / M),
    seconds: Math.floor((totalMs % M) / S),
    milliseconds: totalMs % S,
  };
}

const c2d3h4m5s = cd(2 * D + 3 * H + 4 * M + 5 * S);

/** The paths of the issues of the UltimatumError that `fn` throws. */
const paths = (fn: () => unknown) => issuesOf(fn).map((i) => i.path);

// Valid private-use tags (read as plain "en"): 'en-x-' (5) + ten 'abcdefgh' joined by '-' (10 × 8 + 9 = 89)
// + '-abcde' (6) = 100 characters; one more letter makes 101.
const TAG_100 = `en-x-${Array.from({ length: 10 }, () => 'abcdefgh').join('-')}-abcde`;
const TAG_101 = `${TAG_100}f`;

/** Runs `fn`, expects an UltimatumError, and returns it. */
function thrown(fn: () => unknown): UltimatumError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UltimatumError);
    expect(isUltimatumError(e)).toBe(true);
    return e as UltimatumError;
  }
  throw new Error('expected an UltimatumError');
}

function expectIssue(fn: () => unknown, path: ReadonlyArray<string | number>): void {
  const e = thrown(fn);
  expect(e.code).toBe('INVALID_INPUT');
  expect(e.issues).toHaveLength(1);
  expect(e.issues[0]?.code).toBe('INVALID_INPUT');
  expect(e.issues[0]?.path).toEqual(path);
}

describe('formatCountdown: styles and locales', () => {
  it('en long: CLDR unit lists join with commas, no "and"', () => {
    expect(formatCountdown(c2d3h4m5s, { locale: 'en' })).toBe('2 days, 3 hours, 4 minutes, 5 seconds');
  });
  it('en singular forms', () => {
    expect(formatCountdown(cd(D + H + M + S), { locale: 'en' })).toBe('1 day, 1 hour, 1 minute, 1 second');
  });
  it('en short and narrow', () => {
    expect(formatCountdown(c2d3h4m5s, { locale: 'en', style: 'short' })).toBe('2 days, 3 hr, 4 min, 5 sec');
    expect(formatCountdown(c2d3h4m5s, { locale: 'en', style: 'narrow' })).toBe('2d 3h 4m 5s');
  });
  it('de long', () => {
    expect(formatCountdown(c2d3h4m5s, { locale: 'de' })).toBe('2 Tage, 3 Stunden, 4 Minuten und 5 Sekunden');
    expect(formatCountdown(cd(D + H), { locale: 'de' })).toBe('1 Tag, 1 Stunde');
  });
  it('fr long (CLDR puts a no-break space in "2 jours", but a plain one in "4 minutes")', () => {
    expect(formatCountdown(c2d3h4m5s, { locale: 'fr' })).toBe('2\u00a0jours, 3\u00a0heures, 4 minutes et 5\u00a0secondes');
    expect(formatCountdown(cd(2 * D + 3 * H), { locale: 'fr' })).toBe('2\u00a0jours et 3\u00a0heures');
  });
  it('takes a list of locales, first supported wins', () => {
    expect(formatCountdown(cd(2 * D), { locale: ['de', 'en'] })).toBe('2 Tage');
  });
  it('defaults to the runtime locale', () => {
    const runtime = new Intl.NumberFormat().resolvedOptions().locale;
    expect(formatCountdown(c2d3h4m5s)).toBe(formatCountdown(c2d3h4m5s, { locale: runtime }));
  });
  it('keeps cached formatters of different locales and styles apart', () => {
    const c = cd(2 * D);
    const seen = ['en', 'de', 'en', 'fr', 'de'].map((locale) => formatCountdown(c, { locale }));
    expect(seen).toEqual(['2 days', '2 Tage', '2 days', '2\u00a0jours', '2 Tage']);
    expect(formatCountdown(c, { locale: 'en', style: 'narrow' })).toBe('2d');
    expect(formatCountdown(c, { locale: 'en' })).toBe('2 days');
  });
});

describe('formatCountdown: digital', () => {
  it('D:HH:MM:SS with days, H:MM:SS without', () => {
    expect(formatCountdown(c2d3h4m5s, { style: 'digital' })).toBe('2:03:04:05');
    expect(formatCountdown(cd(3 * H + 4 * M + 5 * S), { style: 'digital' })).toBe('3:04:05');
    expect(formatCountdown(cd(0), { style: 'digital' })).toBe('0:00:00');
  });
  it('appends .mmm for milliseconds and folds days into hours', () => {
    expect(formatCountdown(cd(2 * D + 3 * H + 4 * M + 5 * S + 6), { style: 'digital', smallestUnit: 'milliseconds' })).toBe(
      '2:03:04:05.006',
    );
    expect(formatCountdown(c2d3h4m5s, { style: 'digital', largestUnit: 'hours' })).toBe('51:04:05');
    expect(formatCountdown(cd(3 * H + 4 * M + 5 * S), { style: 'digital', largestUnit: 'minutes' })).toBe('184:05');
  });
  it("uses the locale's digits", () => {
    expect(formatCountdown(cd(3 * H + 4 * M + 5 * S), { style: 'digital', locale: 'ar-EG' })).toBe('٣:٠٤:٠٥');
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

describe('formatCountdown: units, truncation, magnitude', () => {
  it('maxUnits truncates, never rounds up', () => {
    const c = cd(D + 23 * H + 59 * M + 59 * S + 999);
    expect(formatCountdown(c, { locale: 'en', maxUnits: 2 })).toBe('1 day, 23 hours');
    expect(formatCountdown(c, { locale: 'en', maxUnits: 1 })).toBe('1 day');
  });
  it('maxUnits counts non-zero units from the first non-zero one', () => {
    expect(formatCountdown(cd(D + 5 * M), { locale: 'en', maxUnits: 2 })).toBe('1 day, 5 minutes');
    expect(formatCountdown(cd(3 * H + 4 * M + 5 * S), { locale: 'en', maxUnits: 2 })).toBe('3 hours, 4 minutes');
  });
  it('omits zero units', () => {
    expect(formatCountdown(cd(2 * D + 5 * S), { locale: 'en' })).toBe('2 days, 5 seconds');
  });
  it('largestUnit folds larger units in', () => {
    expect(formatCountdown(cd(50 * D), { locale: 'en', largestUnit: 'hours' })).toBe('1,200 hours');
    expect(formatCountdown(cd(50 * D), { locale: 'de', largestUnit: 'hours' })).toBe('1.200 Stunden');
    expect(formatCountdown(c2d3h4m5s, { locale: 'en', largestUnit: 'hours' })).toBe('51 hours, 4 minutes, 5 seconds');
    expect(formatCountdown(cd(2 * H), { locale: 'en', largestUnit: 'minutes' })).toBe('120 minutes');
    expect(formatCountdown(cd(H + 1), { locale: 'en', largestUnit: 'seconds' })).toBe('3,600 seconds');
  });
  it('smallestUnit truncates what lies below it', () => {
    expect(formatCountdown(cd(999), { locale: 'en' })).toBe('0 seconds');
    expect(formatCountdown(cd(1_500), { locale: 'en', smallestUnit: 'milliseconds' })).toBe('1 second, 500 milliseconds');
    expect(formatCountdown(cd(59 * S), { locale: 'en', smallestUnit: 'minutes' })).toBe('0 minutes');
    expect(formatCountdown(cd(D + 23 * H), { locale: 'en', smallestUnit: 'days' })).toBe('1 day');
  });
  it('all zero shows zero of the smallest unit', () => {
    expect(formatCountdown(cd(0), { locale: 'en' })).toBe('0 seconds');
    expect(formatCountdown(cd(0), { locale: 'en', style: 'narrow' })).toBe('0s');
    expect(formatCountdown(cd(0), { locale: 'de' })).toBe('0 Sekunden');
  });
  it('founding case: 20 July 12:00 to 2 September 12:00 is 44 days', () => {
    expect(formatCountdown(cd(44 * D), { locale: 'en' })).toBe('44 days');
  });
  it('a past countdown is shown by its magnitude, without "ago"', () => {
    expect(formatCountdown(cd(2 * D + 3 * H + 4 * M + 5 * S, true), { locale: 'en' })).toBe(
      '2 days, 3 hours, 4 minutes, 5 seconds',
    );
  });
  it('reads totalMs only, not the other fields, and floors fractions', () => {
    const lying: Countdown = { ...cd(5 * S), days: 99, hours: 7 };
    expect(formatCountdown(lying, { locale: 'en' })).toBe('5 seconds');
    expect(formatCountdown({ ...cd(0), totalMs: 1_999.9 }, { locale: 'en' })).toBe('1 second');
  });
});

describe('formatCountdown: bad input throws UltimatumError', () => {
  const c = c2d3h4m5s;
  const opt = (o: Record<string, unknown>) => o as FormatCountdownOptions;
  it('bad style', () => {
    expectIssue(() => formatCountdown(c, opt({ style: 'wide' })), ['style']);
  });
  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '2'])('bad maxUnits %s', (maxUnits) => {
    expectIssue(() => formatCountdown(c, opt({ maxUnits })), ['maxUnits']);
  });
  it('bad units', () => {
    expectIssue(() => formatCountdown(c, opt({ largestUnit: 'weeks' })), ['largestUnit']);
    expectIssue(() => formatCountdown(c, opt({ largestUnit: 'milliseconds' })), ['largestUnit']);
    expectIssue(() => formatCountdown(c, opt({ smallestUnit: 'weeks' })), ['smallestUnit']);
  });
  it('largestUnit smaller than smallestUnit', () => {
    expectIssue(() => formatCountdown(c, { largestUnit: 'seconds', smallestUnit: 'minutes' }), ['largestUnit']);
    expectIssue(() => formatCountdown(c, { largestUnit: 'hours', smallestUnit: 'days' }), ['largestUnit']);
  });
  it.each<[string, unknown]>([
    ['underscore tag', 'en_US'],
    ['empty tag', ''],
    ['number', 42],
    ['array with a number', ['en', 5]],
    ['array with a bad tag', ['en', 'en_US']],
  ])('bad locale: %s', (_name, locale) => {
    expectIssue(() => formatCountdown(c, opt({ locale })), ['locale']);
  });
  it('a bad locale string is not served from the cache of a good locale array', () => {
    expect(formatCountdown(c, { locale: ['en', 'de'], style: 'narrow' })).toBe('2d 3h 4m 5s');
    expectIssue(() => formatCountdown(c, { locale: 'en,de', style: 'narrow' }), ['locale']);
    expectIssue(() => formatCountdown(c, { locale: '["en","de"]', style: 'narrow' }), ['locale']);
    expectIssue(() => formatCountdown(c, { locale: 'en_US', style: 'digital' }), ['locale']);
    expect(formatCountdown(c, { locale: 'en', style: 'digital' })).toBe('2:03:04:05');
  });
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '5'])('bad totalMs %s', (totalMs) => {
    expectIssue(() => formatCountdown({ ...c, totalMs } as unknown as Countdown), ['totalMs']);
  });
  it('countdown or options not an object', () => {
    expectIssue(() => formatCountdown(null as unknown as Countdown), []);
    expectIssue(() => formatCountdown('2 days' as unknown as Countdown), []);
    expectIssue(() => formatCountdown(c, null as unknown as FormatCountdownOptions), []);
  });
  it('reports every bad option at once', () => {
    const e = thrown(() => formatCountdown(c, opt({ style: 'wide', maxUnits: 0 })));
    expect(e.issues.map((i) => i.path)).toEqual([['style'], ['maxUnits']]);
  });
});

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

  it('formatCountdown: a locale Intl refuses is named in the message', () => {
    const c: Countdown = { totalMs: 1_000, past: false, days: 0, hours: 0, minutes: 0, seconds: 1, milliseconds: 0 };
    for (const style of ['long', 'digital'] as const) {
      expect(issuesOf(() => formatCountdown(c, { locale: 'not a tag', style }))).toEqual([
        { code: 'INVALID_INPUT', path: ['locale'], message: '"not a tag" is not a valid BCP 47 language tag' },
      ]);
    }
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
