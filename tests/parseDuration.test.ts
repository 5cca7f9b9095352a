import fc from 'fast-check';
import { createUltimatum, deadlineOf, formatCountdown, isUltimatumError, parseDuration, status } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, issuesOf, propertyRuns, utc } from './helpers.js';

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

/**
 * parseDuration(): the words and forms tests/parseDuration.test.ts does not read — thousands in
 * words, "calendar days", "between … and …" with the unit once or twice — and the exact message
 * of each refusal, which points at the word (characters counted from 1) or says where the text
 * ended.
 */
describe('parseDuration: more forms', () => {
  it.each([
    ['two thousand days', { days: 2000 }],
    ['one thousand two hundred hours', { hours: 1200 }],
    ['ten calendar days', { days: 10 }],
    ['1 calendar day', { days: 1 }],
    ['between 10 and 12 days', { earliest: { days: 10 }, latest: { days: 12 } }],
    ['between 2 weeks and 20 days', { earliest: { weeks: 2 }, latest: { days: 20 } }],
    ['3 fortnights', { weeks: 6 }],
    ['twenty-one days', { days: 21 }],
    ['  P1W  ', { weeks: 1 }],
  ])('%j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });
});

describe('parseDuration: refusals', () => {
  const refusal = (text: unknown) => {
    try {
      parseDuration(text as string);
    } catch (e) {
      if (isUltimatumError(e)) return [e.code, e.issues.map((i) => i.path), e.issues[0]?.message];
    }
    throw new Error('did not throw');
  };

  it.each([
    ['', '"" ends where a duration was expected'],
    ['   ', '"   " ends where a duration was expected'],
    ['1.2.3 days', '"1.2.3 days": "1.2.3" (at character 1) is not a number'],
    ['between 10 or 12 days', '"between 10 or 12 days": "or" (at character 12) is not "and"'],
    ['10 or 12', '"10 or 12" ends where a unit (days, weeks, hours, business days…) was expected'],
    ['10 days please', '"10 days please": "please" (at character 9) is not a number'],
    ['10 or 12 days please', '"10 or 12 days please": "please" (at character 15) is not the end'],
    ['12 hundred days', '"12 hundred days": "hundred" (at character 4) is not a unit (days, weeks, hours, business days…)'],
    // Text that stops half-way through a number: a thousands comma, a hyphen, an "and".
    ['10,', '"10,": "," (at character 3) is not a unit (days, weeks, hours, business days…)'],
    ['forty-', '"forty-" ends where a number was expected'],
    ['one hundred and', '"one hundred and": "and" (at character 13) is not a unit (days, weeks, hours, business days…)'],
  ])('%j', (text, message) => {
    expect(refusal(text)).toEqual(['INVALID_DURATION', [[]], message]);
  });

  it('refuses what is not a string, and text longer than 1 000 characters', () => {
    expect(refusal(50)).toEqual(['INVALID_DURATION', [[]], 'must be a string']);
    expect(refusal(`${'1 day '.repeat(200)}`)).toEqual(['INVALID_DURATION', [[]], 'must be at most 1000 characters']);
  });
});

/**
 * parseDuration(): behaviour the other parseDuration tests leave open — how words and signs are
 * split (apostrophes belong to a word, each sign is its own token), thousands commas before
 * anything but exactly three digits, "business"/"calendar" only before "day(s)", the range
 * separators after a unit, the 1 000-character limit at its edge, negative ISO durations, the
 * order check of a range across units, and the exact issues of each refusal. Every expectation is
 * worked out by hand from the TSDoc of parseDuration and the README ("Durations in words");
 * characters in messages are counted from 1.
 */
const UNIT = 'a unit (days, weeks, hours, business days…)';

/** The issues of the UltimatumError parseDuration throws; anything else (or nothing) fails. */
const issues = (text: string) => issuesOf(() => parseDuration(text));

/** The one issue of a refusal, as the exact data a caller sees. */
const refusedWith = (message: string) => [{ code: 'INVALID_DURATION', path: [], message }];

describe('parseDuration: words, signs and apostrophes', () => {
  it.each([
    // An apostrophe (ASCII or typographic) is part of the word: the error points at the whole "day's".
    ["10 day's", `"10 day's": "day's" (at character 4) is not ${UNIT}`],
    ['10 day’s', `"10 day’s": "day’s" (at character 4) is not ${UNIT}`],
  ])('a word with an apostrophe is one word: %j', (text, message) => {
    expect(issues(text)).toEqual(refusedWith(message));
  });

  it('an en dash between two number words separates them: "ten–twelve days" is a range', () => {
    expect(parseDuration('ten–twelve days')).toEqual({ earliest: { days: 10 }, latest: { days: 12 } });
  });

  it('each sign is a token of its own: ",," is two commas, the second one refused', () => {
    // "2 days,, 3 hours": the first "," (character 7) separates terms, the second (character 8) is no number.
    expect(issues('2 days,, 3 hours')).toEqual(refusedWith('"2 days,, 3 hours": "," (at character 8) is not a number'));
  });

  it('a minus sign before a comma-grouped number is refused, not read as a negative duration', () => {
    expect(issues('-,100 days')).toEqual(refusedWith('"-,100 days": "-" (at character 1) is not a number'));
  });
});

describe('parseDuration: numbers', () => {
  it('a thousands comma groups exactly three digits, not four', () => {
    // "1" is read; the "," at character 2 is then neither a unit nor a range separator.
    expect(issues('1,0000 days')).toEqual(refusedWith(`"1,0000 days": "," (at character 2) is not ${UNIT}`));
  });

  it.each([
    // A three-digit number after a range word is the range's second end, not thousands of the first.
    ['5 or 100 days', { earliest: { days: 5 }, latest: { days: 100 } }],
    ['1 to 365 days', { earliest: { days: 1 }, latest: { days: 365 } }],
    ['between 1 and 365 days', { earliest: { days: 1 }, latest: { days: 365 } }],
    // "or" ends a number in words: 100 or 200 days, not 10 200 days.
    ['one hundred or two hundred days', { earliest: { days: 100 }, latest: { days: 200 } }],
  ])('%j is a range', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it('"and" does not continue a number after "zero" (only after hundred/thousand)', () => {
    // The number is "zero"; "and" at character 6 is then no unit.
    expect(issues('zero and five days')).toEqual(refusedWith(`"zero and five days": "and" (at character 6) is not ${UNIT}`));
  });
});

describe('parseDuration: two-word units', () => {
  it.each([
    ['1 business day', { businessDays: 1 }],
    ['1 working day', { businessDays: 1 }],
  ])('the singular %j is one business day', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it('"business" before anything but day(s) is no unit', () => {
    expect(issues('10 business hours')).toEqual(refusedWith(`"10 business hours": "business" (at character 4) is not ${UNIT}`));
  });

  it('"calendar" before anything but day(s) is no unit', () => {
    expect(issues('2 calendar weeks')).toEqual(refusedWith(`"2 calendar weeks": "calendar" (at character 3) is not ${UNIT}`));
  });

  it.each([
    ['3 calendar days and 4 hours', { days: 3, hours: 4 }],
    ['10 calendar days or 2 weeks', { earliest: { days: 10 }, latest: { weeks: 2 } }],
  ])('reading goes on after "calendar days": %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });
});

describe('parseDuration: ranges', () => {
  it.each(['10 days to 12 days', '10 days - 12 days', '10 days-12 days', '10 days – 12 days', '10 days–12 days'])(
    'a range separator after a unit: %j',
    (text) => {
      expect(parseDuration(text)).toEqual({ earliest: { days: 10 }, latest: { days: 12 } });
    },
  );

  it.each([
    // 12 h = 43 200 000 ms < 1 d = 86 400 000 ms: the shorter end comes first.
    ['12 hours or 1 day', { earliest: { hours: 12 }, latest: { days: 1 } }],
    // Equal ends are not "from the longer to the shorter": 7 d = 1 wk = 604 800 000 ms.
    ['between 7 days and 1 week', { earliest: { days: 7 }, latest: { weeks: 1 } }],
    ['10 to 10 days', { earliest: { days: 10 }, latest: { days: 10 } }],
  ])('ends compared by length across units: %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it('a range from a day down to 2 hours is refused as longer-to-shorter', () => {
    // 1 d = 86 400 000 ms > 2 h = 7 200 000 ms.
    expect(issues('1 day or 2 hours')).toEqual(
      refusedWith('"1 day or 2 hours" goes from the longer to the shorter: write the shorter first ("10 or 12 days")'),
    );
  });
});

describe('parseDuration: refusals as data', () => {
  it.each([
    ['ten days ten days', '"ten days ten days" names days twice'],
    ['P5X', '"P5X" is not an ISO 8601 duration such as "P50D" or "PT48H"'],
    ['10 business days and 2 hours', 'cannot be combined with other units: count business days, or calendar time, not both'],
    ['-P5D', '"-P5D" is negative: a duration counts forward'],
  ])('%j', (text, message) => {
    expect(issues(text)).toEqual(refusedWith(message));
  });

  it('1 000 characters are read; 1 001 are refused at once', () => {
    const thousand = `${' '.repeat(993)}50 days`; // 993 + 7 = 1 000 characters
    expect(thousand).toHaveLength(1_000);
    expect(parseDuration(thousand)).toEqual({ days: 50 });
    expect(issues(` ${thousand}`)).toEqual(refusedWith('must be at most 1000 characters'));
  });
});
