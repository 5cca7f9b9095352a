/**
 * Every kind of zod issue the schemas can raise, as the caller sees it: one `UltimatumIssue` with
 * the JSON path of the field and a plain-words message (src/model/zodIssues.ts). Each case breaks
 * one field of an otherwise valid input; the expected messages are the wording of
 * src/errors/messages.ts for the limit written in src/model/schemas.ts.
 */
import { createCalendar, createUltimatum, isUltimatumError, UltimatumError, type UltimatumInput } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { utcCase } from './helpers.js';

const valid: UltimatumInput = utcCase();

function issues(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return e.issues.map((i) => [i.code, i.path.join('.'), i.message]);
  }
  throw new Error('did not throw');
}

const create = (over: Record<string, unknown>) => issues(() => createUltimatum({ ...valid, ...over } as UltimatumInput));

describe('unrecognized_keys', () => {
  it('one issue per unknown key, at the key', () => {
    expect(create({ colour: 'red', size: 3 })).toEqual([
      ['INVALID_INPUT', 'colour', 'unknown field "colour"'],
      ['INVALID_INPUT', 'size', 'unknown field "size"'],
    ]);
  });
});

describe('invalid_type', () => {
  it('"is required" for a missing field, "must be …" naming the type for a wrong one', () => {
    const { title: _title, ...untitled } = valid;
    expect(issues(() => createUltimatum(untitled as UltimatumInput))).toEqual([['INVALID_INPUT', 'title', 'is required']]);
    expect(issues(() => createUltimatum(null as never))).toEqual([['INVALID_INPUT', '', 'must be an object']]);
    expect(create({ tags: 'urgent' })).toEqual([['INVALID_INPUT', 'tags', 'must be an array']]);
    expect(create({ source: { url: 5 } })).toEqual([['INVALID_INPUT', 'source.url', 'must be a string']]);
    expect(create({ deadline: { after: { days: 1 }, endOfDay: 'yes' } })).toEqual([['INVALID_INPUT', 'deadline.endOfDay', 'must be true or false']]);
    expect(create({ deadline: { between: '2025-04-01' } })).toEqual([['INVALID_INPUT', 'deadline.between', 'must be an array of two instants']]);
  });

  it('NaN and Infinity, numbers that are not finite, are "must be a finite number"', () => {
    for (const ratePercent of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(create({ consequences: [{ kind: 'tariff', ratePercent, scope: 'primary' }] })).toEqual([
        ['INVALID_INPUT', 'consequences.0.ratePercent', 'must be a finite number'],
      ]);
    }
  });

  it('an instant of the wrong type, and a missing one, at issuedAt', () => {
    expect(create({ issuedAt: {} })).toEqual([
      ['INVALID_INPUT', 'issuedAt', 'must be an ISO 8601 string, a Date, epoch milliseconds, a luxon DateTime or a Temporal instant or date'],
    ]);
    expect(create({ issuedAt: undefined })).toEqual([['INVALID_INPUT', 'issuedAt', 'is required']]);
  });
});

describe('invalid_union', () => {
  it('a discriminated union names the discriminator and its options', () => {
    expect(create({ consequences: [{ kind: 'embargo', description: 'x' }] })).toEqual([
      ['INVALID_INPUT', 'consequences.0.kind', 'must be one of "tariff", "sanctions", "military", "custom"'],
    ]);
  });

  it('a plain union reports the alternative the caller meant', () => {
    // addressee: a name or a list of names; a number is neither, and reads best as "a string".
    expect(create({ addressee: 5 })).toEqual([['INVALID_INPUT', 'addressee', 'must be a string']]);
    // after: a window or a duration; an object with one window key is a window missing a part.
    expect(create({ deadline: { after: { earliest: { days: 10 } } } })).toEqual([['INVALID_INPUT', 'deadline.after.latest', 'is required']]);
  });
});

describe('too_big', () => {
  it('strings by characters, arrays by items, numbers inclusive or not', () => {
    expect(create({ title: 'x'.repeat(2001) })).toEqual([['INVALID_INPUT', 'title', 'must be at most 2000 characters']]);
    expect(create({ milestones: { fractions: new Array(101).fill(0.5) } })).toEqual([
      ['INVALID_INPUT', 'milestones.fractions', 'must have at most 100 items'],
    ]);
    expect(create({ consequences: [{ kind: 'tariff', ratePercent: 100_001, scope: 'primary' }] })).toEqual([
      ['INVALID_INPUT', 'consequences.0.ratePercent', 'must be at most 100000'],
    ]);
    expect(create({ milestones: { fractions: [1] } })).toEqual([['INVALID_INPUT', 'milestones.fractions.0', 'must be less than 1']]);
  });
});

describe('too_small', () => {
  it('empty strings and lists, short tuples, numbers inclusive or not', () => {
    expect(create({ id: '' })).toEqual([['INVALID_INPUT', 'id', 'must not be empty']]);
    expect(create({ demands: [] })).toEqual([['INVALID_INPUT', 'demands', 'must not be empty']]);
    expect(create({ deadline: { between: ['2025-04-01'] } })).toEqual([['INVALID_INPUT', 'deadline.between', 'must have at least 2 items']]);
    expect(create({ calendar: { weekend: [0] } })).toEqual([['INVALID_INPUT', 'calendar.weekend.0', 'must be at least 1']]);
    expect(create({ milestones: { fractions: [0] } })).toEqual([['INVALID_INPUT', 'milestones.fractions.0', 'must be greater than 0']]);
  });
});

describe('invalid_value', () => {
  it('lists the allowed values', () => {
    expect(create({ deadline: { after: { days: 1 }, rollover: 'soon' } })).toEqual([
      ['INVALID_INPUT', 'deadline.rollover', 'must be one of "none", "next-business-day", "previous-business-day"'],
    ]);
    expect(create({ schemaVersion: 2 })).toEqual([['INVALID_INPUT', 'schemaVersion', 'must be one of "1"']]);
  });
});

describe('custom issues keep their own message', () => {
  it('deadline rules, extend/shorten, calendar dates and weekdays', () => {
    expect(create({ deadline: {} })).toEqual([['INVALID_INPUT', 'deadline', 'a deadline rule needs exactly one of "at", "after" or "between"']]);
    expect(create({ deadline: { at: '2025-04-01', endOfDay: true } })).toEqual([
      ['INVALID_INPUT', 'deadline.endOfDay', '"endOfDay" only applies to an "after" rule'],
    ]);
    expect(create({ events: [{ type: 'extend', at: '2025-03-04' }] })).toEqual([['INVALID_INPUT', 'events.0', 'needs exactly one of "by" or "to"']]);
    expect(issues(() => createCalendar({ holidays: ['2025-02-30'] }))).toEqual([
      ['INVALID_INPUT', 'holidays.0', 'must be a real calendar date written YYYY-MM-DD'],
    ]);
    expect(issues(() => createCalendar({ weekend: [6, 6] }))).toEqual([['INVALID_INPUT', 'weekend', 'must not repeat a weekday']]);
  });
});

describe('UltimatumError', () => {
  it('summarises its issues in the message, the first with its path', () => {
    const two = new UltimatumError([
      { code: 'INVALID_ZONE', path: ['zone'], reason: 'unknown_zone', params: { zone: 'x' }, message: 'is unknown' },
      { code: 'INVALID_DATE', path: ['events', 2, 'at'], reason: 'not_a_date', params: {}, message: 'is bad' },
    ]);
    expect([two.code, two.message]).toEqual(['INVALID_ZONE', 'zone: is unknown (and 1 more problem)']);
    expect(() => createUltimatum({ ...valid, a: 1, b: 2, c: 3 } as UltimatumInput)).toThrow(/^a: unknown field "a" \(and 2 more problems\)$/);
  });

  it('quotes long user text shortened to 80 characters', () => {
    const zone = `Mars/${'x'.repeat(100)}`;
    expect(create({ zone })).toEqual([['INVALID_ZONE', 'zone', `"Mars/${'x'.repeat(75)}…" is not a known IANA time zone`]]);
  });
});
