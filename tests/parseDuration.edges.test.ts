/**
 * parseDuration(): the words and forms tests/parseDuration.test.ts does not read — thousands in
 * words, "calendar days", "between … and …" with the unit once or twice — and the exact message
 * of each refusal, which points at the word (characters counted from 1) or says where the text
 * ended.
 */
import { isUltimatumError, parseDuration } from 'ultimatum';
import { describe, expect, it } from 'vitest';

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
