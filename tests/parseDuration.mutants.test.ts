/**
 * parseDuration(): behaviour the other parseDuration tests leave open — how words and signs are
 * split (apostrophes belong to a word, each sign is its own token), thousands commas before
 * anything but exactly three digits, "business"/"calendar" only before "day(s)", the range
 * separators after a unit, the 1 000-character limit at its edge, negative ISO durations, the
 * order check of a range across units, and the exact issues of each refusal. Every expectation is
 * worked out by hand from the TSDoc of parseDuration and the README ("Durations in words");
 * characters in messages are counted from 1.
 */
import { parseDuration } from '../src/rules/parseDuration.js';
import { describe, expect, it } from 'vitest';
import { issuesOf } from './helpers.js';

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
