/**
 * How zod's issues become this library's (src/model/zodIssues.ts), as the caller sees them: one
 * `UltimatumIssue` with the JSON path of the field and a plain-words message.
 *
 * First every kind of zod issue the schemas can raise: each case breaks one field of an otherwise
 * valid input; the expected messages are the wording of src/errors/messages.ts for the limit
 * written in src/model/schemas.ts. Then what lies beyond: a zod error map configured by the
 * application (so zod's own messages are not its English defaults), issue shapes the library's
 * schemas do not raise but the translator accepts (symbol keys, a union without alternatives, a
 * longer minimum length, a discriminator issue whose path stops before the discriminator, as zod
 * versions before 4 wrote it), and the choice of the union alternative the caller meant.
 */
import { createCalendar, createUltimatum, isUltimatumError, UltimatumError, type UltimatumInput, UltimatumInputSchema } from 'ultimatum';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fromZodIssues, parseWith } from '../src/model/zodIssues.js';
import { issuesOf, issueTriples, utcCase } from './helpers.js';

const valid: UltimatumInput = utcCase();

/** The issues thrown, as `[code, path joined with dots, message]`. */
function issues(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return e.issues.map((i) => [i.code, i.path.join('.'), i.message]);
  }
  throw new Error('did not throw');
}

describe('each kind of zod issue the schemas raise (paths joined with dots)', () => {
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
 
    it('quote user text of exactly 80 characters whole, and cut only longer text', () => {
      const zoneMessage = (zone: string) => issuesOf(() => createUltimatum(utcCase({ zone }))).map((i) => [i.code, i.path, i.message]);
      const eighty = 'A'.repeat(80);
      expect(zoneMessage(eighty)).toEqual([['INVALID_ZONE', ['zone'], `"${eighty}" is not a known IANA time zone`]]);
      expect(zoneMessage(`${eighty}B`)).toEqual([['INVALID_ZONE', ['zone'], `"${eighty}…" is not a known IANA time zone`]]);
    });
 });
});

describe('beyond the kinds the schemas raise (paths as arrays)', () => {
  const create = (over: Record<string, unknown>) => issueTriples(() => createUltimatum({ ...utcCase(), ...over } as UltimatumInput));

  describe('an application that configured its own zod error map', () => {
    // zod is a peer of the application too: its global error map also writes the library's issues.
    afterEach(() => {
      z.config({ customError: undefined });
    });
    const configure = () => z.config({ customError: (issue) => `app says ${issue.code}` });

    it('still gets one issue per unknown key, at the key', () => {
      configure();
      expect(create({ colour: 'red', size: 3 })).toEqual([
        ['INVALID_INPUT', ['colour'], 'unknown field "colour"'],
        ['INVALID_INPUT', ['size'], 'unknown field "size"'],
      ]);
    });

    it('still gets the discriminator and its options for an unknown kind', () => {
      configure();
      expect(create({ consequences: [{ kind: 'embargo', description: 'x' }] })).toEqual([
        ['INVALID_INPUT', ['consequences', 0, 'kind'], 'must be one of "tariff", "sanctions", "military", "custom"'],
      ]);
    });

    it('still gets the issue of the union alternative meant, in this library’s words (messages come from reasons, not from zod)', () => {
      configure();
      // addressee: a name or a list of names; 5 is neither, and reads best as "not a string".
      expect(create({ addressee: 5 })).toEqual([['INVALID_INPUT', ['addressee'], 'must be a string']]);
    });
  });

  describe('wrong types of a number field', () => {
    it('a string where a number belongs is "must be a number", not "must be a finite number"', () => {
      expect(create({ consequences: [{ kind: 'tariff', ratePercent: '100', scope: 'primary' }] })).toEqual([
        ['INVALID_INPUT', ['consequences', 0, 'ratePercent'], 'must be a number'],
      ]);
    });
  });

  describe('a plain union reports the alternative the caller meant', () => {
    const either = z.union([z.strictObject({ a: z.string(), b: z.string() }), z.strictObject({ c: z.string() })]);

    it('when it is a later alternative', () => {
      // { c: 1 }: the first alternative misses a and b and has c unknown (3 issues); the second only
      // has c of the wrong type (1 issue): the caller meant the second.
      expect(parseWith(either, { c: 1 })).toMatchObject({
        success: false,
        issues: [{ code: 'INVALID_INPUT', path: ['c'], message: 'must be a string' }],
      });
    });

    it('and the first alternative when it has fewer', () => {
      // { a: 'x', b: 1 }: first alternative 1 issue (b); second 2 (c missing; a and b unknown, one issue).
      expect(parseWith(either, { a: 'x', b: 1 })).toMatchObject({
        success: false,
        issues: [{ code: 'INVALID_INPUT', path: ['b'], message: 'must be a string' }],
      });
    });

    it('and the alternative that got deeper into the input, even with more problems', () => {
      // { p: { q: 1, r: 1 } }: the first alternative fails at p itself (not a string, 1 issue at
      // depth 1); the second reads into p and fails at q and r (2 issues at depth 2): it is meant.
      const nested = z.strictObject({ p: z.union([z.string(), z.strictObject({ q: z.string(), r: z.string() })]) });
      expect(parseWith(nested, { p: { q: 1, r: 1 } })).toMatchObject({
        success: false,
        issues: [
          { code: 'INVALID_INPUT', path: ['p', 'q'], message: 'must be a string' },
          { code: 'INVALID_INPUT', path: ['p', 'r'], message: 'must be a string' },
        ],
      });
    });

    it('a deadline window whose two parts are numbers: both parts named, not the whole "after"', () => {
      expect(create({ deadline: { after: { earliest: 5, latest: 6 } } })).toEqual([
        ['INVALID_INPUT', ['deadline', 'after', 'earliest'], 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units'],
        ['INVALID_INPUT', ['deadline', 'after', 'latest'], 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units'],
      ]);
    });

    it('an "after" that is neither a duration nor a window gets the duration message (the common case)', () => {
      // Both alternatives fail at "after" itself with one problem: the first listed, the duration, wins.
      expect(create({ deadline: { after: 50 } })).toEqual([
        ['INVALID_INPUT', ['deadline', 'after'], 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units'],
      ]);
    });

    it('a union with no alternative at all still yields one issue, at its path', () => {
      // zod gives an invalid_union with no alternatives' errors: its own message is all there is.
      expect(parseWith(z.strictObject({ x: z.union([]) }), { x: 1 })).toMatchObject({
        success: false,
        issues: [{ code: 'INVALID_INPUT', path: ['x'], reason: 'invalid', message: 'invalid input' }],
      });
    });
  });

  describe('issue shapes the library’s own schemas do not raise', () => {
    it('a string shorter than a minimum above 1 names the minimum', () => {
      expect(parseWith(z.strictObject({ code: z.string().min(3) }), { code: 'ab' })).toMatchObject({
        success: false,
        issues: [{ code: 'INVALID_INPUT', path: ['code'], message: 'must be at least 3 characters long' }],
      });
    });

    it('a symbol key in a zod path becomes a string, so the path stays JSON', () => {
      const key = Symbol('meta');
      const schema = z.strictObject({}).superRefine((_, ctx) => ctx.addIssue({ code: 'custom', message: 'is bad', path: [key, 0] }));
      // String(Symbol('meta')) is 'Symbol(meta)'; numbers stay numbers.
      expect(parseWith(schema, {})).toMatchObject({
        success: false,
        issues: [{ code: 'INVALID_INPUT', path: ['Symbol(meta)', 0], reason: 'custom', message: 'is bad' }],
      });
    });

    it('a discriminator issue whose path stops before the discriminator gets it appended', () => {
      // zod 4 ends the path with the discriminator; earlier versions stopped at the object.
      const issue = {
        code: 'invalid_union',
        discriminator: 'kind',
        options: ['tariff', 'custom'],
        errors: [],
        path: ['consequences', 0],
        message: 'Invalid discriminator value',
        input: { kind: 'embargo' },
      } as unknown as z.core.$ZodIssue;
      expect(fromZodIssues([issue], ['doc'])).toMatchObject([
        { code: 'INVALID_INPUT', path: ['doc', 'consequences', 0, 'kind'], message: 'must be one of "tariff", "custom"' },
      ]);
    });
  });

  describe('fromZodIssues without a base path', () => {
    it('keeps the paths as zod gives them (the documented example)', () => {
      const result = UltimatumInputSchema.safeParse({});
      expect(result.success).toBe(false);
      expect(fromZodIssues(result.error?.issues ?? [])[0]).toEqual({ code: 'INVALID_INPUT', path: ['title'], reason: 'required', params: {}, message: 'is required' });
    });
  });
});
