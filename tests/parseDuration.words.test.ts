import { isUltimatumError, parseDuration } from 'ultimatum';
import { describe, expect, it } from 'vitest';

const refusal = (text: string) => {
  try {
    parseDuration(text);
  } catch (e) {
    if (isUltimatumError(e)) return e.message;
  }
  return 'accepted';
};

describe('number words and digits, read as a person would', () => {
  it.each([
    ['twenty-one days', { days: 21 }],
    ['ninety-nine hours', { hours: 99 }],
    ['one hundred and five days', { days: 105 }],
    ['two thousand hours', { hours: 2000 }],
    // "and" after "thousand", as after "hundred": 1 000 + 5, 2 000 + 20, 1 000 + 200 + 5.
    ['one thousand and five days', { days: 1005 }],
    ['two thousand and twenty days', { days: 2020 }],
    ['one thousand two hundred and five days', { days: 1205 }],
    ['zero days', { days: 0 }],
    ['1,000,000 seconds', { seconds: 1_000_000 }],
    ['.5 hours', { hours: 0.5 }],
    ['0.25 days', { days: 0.25 }],
  ])('%j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each([
    // "forty-ten" is no number: read as the range 40 to 10 days, longer first.
    ['forty-ten days', 'goes from the longer to the shorter'],
    // "and" continues a number only after "hundred"/"thousand" ("one hundred and five").
    ['fifty and two days', '"and" (at character 7) is not a unit'],
    ['zero and five days', '"and" (at character 6) is not a unit'],
    // One "and" (or ", and") joins two terms; a second is not a number.
    ['1 day and and 2 hours', '"and" (at character 11) is not a number'],
    // A comma groups thousands only before exactly three digits.
    ['1,00 days', '"," (at character 2) is not a unit'],
    ['1.5,000 days', '"," (at character 4) is not a unit'],
  ])('refuses %j', (text, words) => {
    expect(refusal(text)).toContain(words);
  });
});
