import { describe, expect, it } from 'vitest';
import { isUltimatumError, UltimatumError } from '../src/errors/UltimatumError.js';
import { type FormatCountdownOptions, formatCountdown } from '../src/present/formatCountdown.js';
import type { Countdown } from '../src/status/countdown.js';

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
