/**
 * Bad documents (SPEC §5): an ultimatum's input or stored form as a whole — missing and
 * mistyped fields, deadline rules of the wrong shape, windows the wrong way round, consequences and
 * milestones, unknown and `__proto__` keys, 1 MB text — through createUltimatum,
 * safeCreateUltimatum, parseUltimatum and status.
 */
import { status, type Ultimatum } from '../../src/index.js';
import { type Case, create, type Json, kase, MB, MB_DIGITS, parse, safe, stored, valid, validWith, withProto } from './harness.js';

export const documentCases: Case[] = [
  // createUltimatum: fields, deadline rules, consequences, milestones, unknown and prototype keys, 1 MB text
  kase({ name: 'rollover unknown value', make: () => validWith({ deadline: { after: { days: 10 }, rollover: 'sometimes' } } as never), call: create, code: 'INVALID_INPUT', path: ['deadline', 'rollover'], words: ['next-business-day'] }),
  kase({ name: '__proto__ key at the top level (JSON)', make: () => withProto(valid()), call: create, code: 'INVALID_INPUT', path: ['__proto__'], words: ['unknown field'] }),
  kase({ name: '__proto__ key inside deadline (JSON)', make: () => validWith({ deadline: withProto({ after: { days: 50 } }) }), call: create, code: 'INVALID_INPUT', path: ['deadline', '__proto__'], words: ['unknown field'] }),
  kase({ name: '__proto__ key inside deadline.after (JSON)', make: () => validWith({ deadline: { after: withProto({ days: 50 }) } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', '__proto__'], words: ['unknown field'] }),
  kase({ name: 'constructor.prototype key (JSON)', make: () => JSON.parse(`{"constructor":{"prototype":{"polluted":1}},${JSON.stringify(valid()).slice(1)}`) as Json, call: create, code: 'INVALID_INPUT', path: ['constructor'], words: ['unknown field'] }),
  kase({ name: '1 MB string as title', make: () => validWith({ title: MB }), call: create, code: 'INVALID_INPUT', path: ['title'], words: ['at most'], quick: true }),
  kase({ name: '1 MB string as a demand', make: () => validWith({ demands: ['ceasefire', MB] }), call: create, code: 'INVALID_INPUT', path: ['demands', 1], quick: true }),
  kase({ name: 'a deadline rule with both at and after', make: () => validWith({ deadline: { at: '2025-09-02', after: { days: 50 } } }), call: create, code: 'INVALID_INPUT', path: ['deadline'], words: ['exactly one'] }),
  kase({ name: 'a deadline rule with none of at, after, between', make: () => validWith({ deadline: {} }), call: create, code: 'INVALID_INPUT', path: ['deadline'], words: ['exactly one'] }),
  kase({ name: '"from" with an "at" rule', make: () => validWith({ deadline: { at: '2025-09-02', from: '2025-07-14' } }), call: create, code: 'INVALID_INPUT', path: ['deadline', 'from'], words: ['"from"', '"after"'] }),
  kase({ name: '"endOfDay" with a "between" rule', make: () => validWith({ deadline: { between: ['2025-09-01', '2025-09-02'], endOfDay: true } }), call: create, code: 'INVALID_INPUT', path: ['deadline', 'endOfDay'] }),
  kase({ name: 'after window: earliest after latest', make: () => validWith({ deadline: { after: { earliest: { days: 12 }, latest: { days: 10 } } } }), call: create, code: 'INVALID_INPUT', path: ['deadline', 'after'], words: ['earliest', 'latest'] }),
  kase({ name: 'between window: earliest after latest', make: () => validWith({ deadline: { between: ['2025-09-10', '2025-09-01'] } }), call: create, code: 'INVALID_INPUT', path: ['deadline', 'between'], words: ['earliest', 'latest'] }),
  kase({
    name: 'between with one instant',
    make: () => validWith({ deadline: { between: ['2025-09-10'] } }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['deadline', 'between'],
    notWords: ['must not be empty'],
    was: 'message "deadline.between: must not be empty" for a one-element tuple (it needs two instants)',
  }),
  kase({
    name: 'after window missing latest',
    make: () => validWith({ deadline: { after: { earliest: { days: 10 } } } }),
    call: create,
    code: ['INVALID_INPUT', 'INVALID_DURATION'],
    path: ['deadline', 'after', 'latest'],
    words: ['required'],
    was: 'reported as INVALID_DURATION at deadline.after.earliest: unknown field "earliest" (the window is read as a duration of units)',
  }),
  kase({
    name: 'unknown consequence kind',
    make: () => validWith({ consequences: [{ id: 'x', kind: 'nuclear', description: 'x' }] }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['consequences', 0, 'kind'],
    words: ['"tariff"'],
    was: 'path is [consequences, 0, "kind", "kind"] (same doubled discriminator)',
  }),
  kase({ name: 'unknown top-level key next to a valid input ("deadlin")', make: () => validWith({ deadlin: { after: { days: 50 } } }), call: create, code: 'INVALID_INPUT', path: ['deadlin'], words: ['unknown field "deadlin"'] }),
  kase({
    // Document order: the field the input has comes first, then the one it lacks.
    name: 'typo "deadlin" instead of "deadline"',
    make: () => validWith({ deadline: undefined, deadlin: { after: { days: 50 } } }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['deadlin'],
    words: ['unknown field "deadlin"', '1 more problem'],
    alsoPaths: [['deadline']],
  }),
  kase({ name: 'missing title', make: () => validWith({ title: undefined }), call: create, code: 'INVALID_INPUT', path: ['title'], words: ['is required'] }),
  kase({
    name: 'title of the wrong type',
    make: () => validWith({ title: 42 }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['title'],
    words: ['string'],
    notWords: ['is required'],
    was: 'message "title: is required" for a title that is present but a number',
  }),
  kase({ name: 'empty demands', make: () => validWith({ demands: [] }), call: create, code: 'INVALID_INPUT', path: ['demands'], words: ['must not be empty'] }),
  kase({ name: 'empty addressee list', make: () => validWith({ addressee: [] }), call: create, code: 'INVALID_INPUT', path: ['addressee'] }),
  kase({
    name: 'duplicate consequence ids',
    make: () => validWith({ consequences: [...(valid().consequences ?? []), { id: 'secondary-tariffs', kind: 'sanctions', description: 'banking' }] }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['consequences', 1, 'id'],
    words: ['"secondary-tariffs"'],
  }),
  kase({ name: 'milestone fraction 1', make: () => validWith({ milestones: { fractions: [0.5, 1] } }), call: create, code: 'INVALID_INPUT', path: ['milestones', 'fractions', 1] }),

  // safeCreateUltimatum: returns the error instead of throwing it
  kase({ name: 'safeCreateUltimatum: unknown zone', make: () => validWith({ zone: 'Mars/Base' }), call: safe, code: 'INVALID_ZONE', path: ['zone'], words: ['Mars/Base'] }),
  kase({ name: 'safeCreateUltimatum: 1 MB title', make: () => validWith({ title: MB }), call: safe, code: 'INVALID_INPUT', path: ['title'], quick: true }),
  kase({ name: 'safeCreateUltimatum: -Infinity issuedAt', make: () => validWith({ issuedAt: Number.NEGATIVE_INFINITY }), call: safe, code: 'INVALID_DATE', path: ['issuedAt'] }),
  kase({ name: 'safeCreateUltimatum: { days: -1 }', make: () => validWith({ deadline: { after: { days: -1 } } }), call: safe, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'] }),
  kase({ name: 'safeCreateUltimatum: __proto__ key (JSON)', make: () => withProto(valid()), call: safe, code: 'INVALID_INPUT', path: ['__proto__'] }),
  kase({ name: 'safeCreateUltimatum: resume with no pause', make: () => validWith({ events: [{ type: 'resume', at: '2025-07-20' }] }), call: safe, code: 'INVALID_EVENT', path: ['events', 0, 'type'], words: ['not paused'] }),
  kase({
    name: 'safeCreateUltimatum: a string instead of an input',
    make: () => 'not an ultimatum',
    call: safe,
    code: 'INVALID_INPUT',
    path: [],
    words: ['(root)'],
    notWords: ['is required'],
    was: 'message "(root): is required" for a string',
  }),

  // parseUltimatum: a stored document
  kase({ name: 'parseUltimatum: schemaVersion 2', make: () => ({ ...stored(), schemaVersion: 2 }), call: parse, code: 'INVALID_INPUT', path: ['schemaVersion'], words: ['must be 1'] }),
  kase({ name: 'parseUltimatum: schemaVersion "1" (a string)', make: () => ({ ...stored(), schemaVersion: '1' }), call: parse, code: 'INVALID_INPUT', path: ['schemaVersion'] }),
  kase({ name: 'parseUltimatum: no schemaVersion', make: () => validWith({}), call: parse, code: 'INVALID_INPUT', path: ['schemaVersion'] }),
  kase({ name: 'parseUltimatum: null', make: () => null, call: parse, code: 'INVALID_INPUT', path: ['schemaVersion'] }),
  kase({ name: 'parseUltimatum: __proto__ key at the top level', make: () => withProto(stored()), call: parse, code: 'INVALID_INPUT', path: ['__proto__'], words: ['unknown field'] }),
  kase({ name: 'parseUltimatum: __proto__ key inside deadline', make: () => ({ ...stored(), deadline: withProto({ after: { days: 50 } }) }), call: parse, code: 'INVALID_INPUT', path: ['deadline', '__proto__'] }),
  kase({ name: 'parseUltimatum: zone "Mars/Base"', make: () => ({ ...stored(), zone: 'Mars/Base' }), call: parse, code: 'INVALID_ZONE', path: ['zone'] }),
  kase({ name: 'parseUltimatum: issuedAt "2025-02-30"', make: () => ({ ...stored(), issuedAt: '2025-02-30' }), call: parse, code: 'INVALID_DATE', path: ['issuedAt'] }),
  kase({ name: 'parseUltimatum: 1 MB issuedAt', make: () => ({ ...stored(), issuedAt: MB_DIGITS }), call: parse, code: 'INVALID_DATE', path: ['issuedAt'], quick: true }),
  kase({
    name: 'parseUltimatum: events out of order',
    make: () => ({
      ...stored(),
      events: [
        { type: 'note', at: '2025-07-25T12:00:00-04:00', text: 'b' },
        { type: 'note', at: '2025-07-20T12:00:00-04:00', text: 'a' },
      ],
    }),
    call: parse,
    code: 'INVALID_EVENT',
    path: ['events', 1, 'at'],
  }),
  kase({
    name: 'parseUltimatum: issuedAt a JSON object posing as a luxon DateTime',
    make: () => ({ ...stored(), issuedAt: { isLuxonDateTime: true, isValid: true } }),
    call: parse,
    code: ['INVALID_INPUT', 'INVALID_DATE'],
    path: ['issuedAt'],
    was: 'bare TypeError "input.toMillis is not a function" (DateTime.isDateTime only checks isLuxonDateTime)',
  }),
  kase({
    name: 'parseUltimatum: deadline.after a JSON object posing as a luxon Duration',
    make: () => ({ ...stored(), deadline: { after: { isLuxonDuration: true, isValid: true } } }),
    call: parse,
    // A stored document holds units only: the luxon flag is an unknown field there.
    code: 'INVALID_INPUT',
    path: ['deadline', 'after', 'isLuxonDuration'],
  }),

  // status: a stored document passed in place of an ultimatum
  kase({ name: 'status: a stored document with zone "Mars/Base"', make: () => ({ ...stored(), zone: 'Mars/Base' }), call: (doc: unknown) => status(doc as Ultimatum, '2025-08-01'), code: 'INVALID_ZONE', path: ['zone'] }),
  kase({ name: 'status: a stored document with a __proto__ key', make: () => withProto(stored()), call: (doc: unknown) => status(doc as Ultimatum, '2025-08-01'), code: 'INVALID_INPUT', path: ['__proto__'] }),
];
