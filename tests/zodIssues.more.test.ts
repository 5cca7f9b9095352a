/**
 * How zod's issues become this library's (src/model/zodIssues.ts), beyond tests/zodIssues.test.ts:
 * with a zod error map configured by the application (so zod's own messages are not its English
 * defaults), with issue shapes the library's schemas do not raise but the translator accepts
 * (symbol keys, a union without alternatives, a longer minimum length, a discriminator issue whose
 * path stops before the discriminator, as zod versions before 4 wrote it), and the choice of the
 * union alternative the caller meant.
 */
import { createUltimatum, type UltimatumInput, UltimatumInputSchema } from 'ultimatum';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fromZodIssues, parseWith } from '../src/model/zodIssues.js';
import { issueTriples as issues, utcCase } from './helpers.js';

const create = (over: Record<string, unknown>) => issues(() => createUltimatum({ ...utcCase(), ...over } as UltimatumInput));

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
