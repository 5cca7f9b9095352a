/**
 * Bad input (SPEC §5): every public function refuses it with an `UltimatumError` — never a bare
 * `TypeError` or a luxon error — with a stable `code`, the JSON `path` of the first issue, a
 * message naming that path and the rule, the input left exactly as it was, and `Object.prototype`
 * untouched.
 *
 * Each case's expectation is the correct behaviour. Cases marked `was:` record what an earlier
 * version did instead (bugs these cases found and now guard against).
 */
import { DateTime, Duration } from 'luxon';
import { describe, expect, it } from 'vitest';
import { caught, expectPrototypesClean, guardObjectPrototype } from './refusal.js';
import {
  amend,
  comply,
  countdown,
  createUltimatum,
  deadlineOf,
  type EventInput,
  enforce,
  extend,
  isUltimatumError,
  note,
  parseUltimatum,
  pause,
  reschedule,
  resume,
  safeCreateUltimatum,
  shorten,
  status,
  type Ultimatum,
  type UltimatumError,
  type UltimatumErrorCode,
  type UltimatumInput,
  withdraw,
} from '../src/index.js';

type Path = ReadonlyArray<string | number>;
type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Inputs

/** A fresh, valid input: the founding case (14 July 2025, 50 days, secondary tariffs). */
function valid(): UltimatumInput {
  return {
    title: '50-day ultimatum on the war in Ukraine',
    issuer: 'United States',
    addressee: 'Russia',
    demands: ['Agree a ceasefire with Ukraine'],
    issuedAt: '2025-07-14T12:00',
    zone: 'America/New_York',
    deadline: { after: { days: 50 } },
    consequences: [{ id: 'secondary-tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' }],
  };
}

/** `valid()` with some fields replaced (or removed, with `undefined`), typed loosely on purpose. */
function validWith(fields: Json): Json {
  const out: Json = { ...valid(), ...fields };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete out[key];
  return out;
}

/** A fresh ultimatum made from `valid()`; its deadline is 2025-09-02T12:00 in New York. */
function base(): Ultimatum {
  return createUltimatum(valid());
}

/** What `JSON.stringify` wrote for `base()`, read back as plain data. */
function stored(): Json {
  return JSON.parse(JSON.stringify(base())) as Json;
}

/** `obj` as `JSON.parse` would give it with a leading `"__proto__"` key (an own property). */
function withProto(obj: object): Json {
  return JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(obj).slice(1)}`) as Json;
}

const MB = 'x'.repeat(1 << 20);
const MB_DIGITS = '2'.repeat(1 << 20);

// ---------------------------------------------------------------------------------------------
// Calls

const create = (input: unknown) => createUltimatum(input as UltimatumInput);
const parse = (json: unknown) => parseUltimatum(json);

/** `safeCreateUltimatum`, which must return `{ success: false, error }`: its error is rethrown here. */
function safe(input: unknown): Ultimatum {
  let result: ReturnType<typeof safeCreateUltimatum>;
  try {
    result = safeCreateUltimatum(input);
  } catch (e) {
    throw new Error(`safeCreateUltimatum threw instead of returning { success: false }: ${String(e)}`);
  }
  if (result.success) return result.data;
  expect(isUltimatumError(result.error)).toBe(true);
  throw result.error;
}

const event = (e: unknown) => e as EventInput;
/** A shorthand's fields, typed loosely on purpose. */
const fields = <T>(f: unknown) => f as T;

/** Subject of an amend/status case: an ultimatum and the bad value passed with it. */
interface WithU<T> {
  readonly u: Ultimatum;
  readonly arg: T;
}
const withU = <T>(arg: T, u: Ultimatum = base()): WithU<T> => ({ u, arg });

// ---------------------------------------------------------------------------------------------
// The table

interface Case<T = unknown> {
  readonly name: string;
  /** Builds the subject afresh for each run. */
  readonly make: () => T;
  /** Passes the subject to the library; must throw an `UltimatumError`. */
  readonly call: (subject: T) => unknown;
  /** The code expected (a list where more than one is defensible). */
  readonly code: UltimatumErrorCode | readonly UltimatumErrorCode[];
  /** JSON path of the first issue. */
  readonly path: Path;
  /** Words the message must contain besides the path. */
  readonly words?: readonly string[];
  /** Words the message must not contain (a wrong rule). */
  readonly notWords?: readonly string[];
  /** Paths that must also be among the issues. */
  readonly alsoPaths?: readonly Path[];
  /** `json` when the subject holds luxon objects (structuredClone cannot copy them). */
  readonly compare?: 'clone' | 'json';
  /** Must answer in under 100 ms (robustness against huge inputs, not a benchmark). */
  readonly quick?: boolean;
  /** What the library did instead when this suite was written. */
  readonly was?: string;
}

const kase = <T>(c: Case<T>): Case => c as unknown as Case;

const createCases: Case[] = [
  kase({ name: 'unknown zone "Mars/Base"', make: () => validWith({ zone: 'Mars/Base' }), call: create, code: 'INVALID_ZONE', path: ['zone'], words: ['Mars/Base', 'IANA'] }),
  kase({ name: 'empty zone', make: () => validWith({ zone: '' }), call: create, code: 'INVALID_ZONE', path: ['zone'] }),
  kase({ name: 'issuedAt "2025-02-30"', make: () => validWith({ issuedAt: '2025-02-30' }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['2025-02-30'] }),
  kase({ name: 'deadline.at "2025-02-30"', make: () => validWith({ deadline: { at: '2025-02-30' } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'at'], words: ['2025-02-30'] }),
  kase({ name: 'deadline.from "2025-02-30"', make: () => validWith({ deadline: { after: { days: 1 }, from: '2025-02-30' } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'from'] }),
  kase({ name: 'issuedAt NaN epoch ms', make: () => validWith({ issuedAt: Number.NaN }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['finite'] }),
  kase({ name: 'issuedAt Infinity epoch ms', make: () => validWith({ issuedAt: Number.POSITIVE_INFINITY }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['finite'] }),
  kase({ name: 'deadline.at -Infinity epoch ms', make: () => validWith({ deadline: { at: Number.NEGATIVE_INFINITY } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'at'], words: ['finite'] }),
  kase({ name: 'issuedAt in year 10000 (epoch ms)', make: () => validWith({ issuedAt: Date.UTC(10000, 0, 2) }), call: create, code: 'OUT_OF_RANGE', path: ['issuedAt'], words: ['9999'] }),
  kase({ name: 'issuedAt in year 0', make: () => validWith({ issuedAt: '0000-06-01' }), call: create, code: 'OUT_OF_RANGE', path: ['issuedAt'] }),
  kase({ name: 'issuedAt an invalid Date', make: () => validWith({ issuedAt: new Date('not a date') }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['invalid Date'] }),
  kase({ name: 'issuedAt an invalid luxon DateTime', make: () => validWith({ issuedAt: DateTime.invalid('x') }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['luxon'], compare: 'json' }),
  kase({
    name: 'issuedAt an object with Date.prototype but no time value',
    make: () => validWith({ issuedAt: Object.create(Date.prototype) }),
    call: create,
    code: ['INVALID_DATE', 'INVALID_INPUT'],
    path: ['issuedAt'],
    was: 'bare TypeError "this is not a Date object." (toEpochMs calls getTime on anything instanceof Date)',
  }),
  kase({ name: 'deadline.after.days NaN', make: () => validWith({ deadline: { after: { days: Number.NaN } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'], words: ['finite'], was: 'message says "must be a number" (NaN is one); spec: "must be a finite number >= 0"' }),
  kase({ name: 'deadline.after.hours Infinity', make: () => validWith({ deadline: { after: { hours: Number.POSITIVE_INFINITY } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'hours'], words: ['finite'], was: 'message says "must be a number"; spec: "must be a finite number >= 0"' }),
  kase({ name: 'negative duration { days: -1 }', make: () => validWith({ deadline: { after: { days: -1 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'], words: ['finite number >= 0'] }),
  kase({ name: 'negative ISO duration "P-1D"', make: () => validWith({ deadline: { after: 'P-1D' } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['negative'] }),
  kase({ name: 'negative luxon Duration', make: () => validWith({ deadline: { after: Duration.fromObject({ days: -1 }) } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'], compare: 'json' }),
  kase({ name: 'fractional months { months: 1.5 }', make: () => validWith({ deadline: { after: { months: 1.5 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'months'], words: ['whole number'] }),
  kase({ name: 'fractional months "P1.5M"', make: () => validWith({ deadline: { after: 'P1.5M' } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'months'], words: ['whole number'] }),
  kase({ name: 'fractional years in a window', make: () => validWith({ deadline: { after: { earliest: { days: 10 }, latest: { years: 0.5 } } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'latest', 'years'] }),
  kase({ name: 'duration past year 275760 { years: 300000 }', make: () => validWith({ deadline: { after: { years: 300_000 } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'], words: ['range'] }),
  kase({ name: 'duration past year 275760 { days: 1e8 }', make: () => validWith({ deadline: { after: { days: 1e8 } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'] }),
  kase({ name: 'duration past year 275760 "P99999999999999999999D"', make: () => validWith({ deadline: { after: 'P99999999999999999999D' } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'] }),
  kase({ name: 'duration past year 9999 { years: 8000 }', make: () => validWith({ deadline: { after: { years: 8000 } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'], words: ['9999'] }),
  kase({ name: 'duration past year 9999 in the latest of a window', make: () => validWith({ deadline: { after: { earliest: { days: 1 }, latest: { years: 8000 } } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after', 'latest'] }),
  kase({
    name: 'duration whose days overflow to Infinity { weeks: 1e308 }',
    make: () => validWith({ deadline: { after: { weeks: 1e308 } } }),
    call: create,
    code: 'OUT_OF_RANGE',
    path: ['deadline', 'after'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value Infinity" (addDuration passes weeks*7 = Infinity to luxon plus)',
  }),
  kase({ name: 'unparsable ISO duration "P5X"', make: () => validWith({ deadline: { after: 'P5X' } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['"P5X"', 'ISO 8601'] }),
  kase({ name: 'empty duration {}', make: () => validWith({ deadline: { after: {} } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['at least one unit'] }),
  kase({ name: 'unknown duration unit { fortnights: 2 }', make: () => validWith({ deadline: { after: { fortnights: 2 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'fortnights'], words: ['unknown field'] }),
  kase({ name: 'invalid luxon Duration', make: () => validWith({ deadline: { after: Duration.invalid('x') } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['luxon'], compare: 'json' }),
  kase({
    name: 'deadline.after a number',
    make: () => validWith({ deadline: { after: 50 } }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['deadline', 'after'],
    notWords: ['is required'],
    was: 'message "deadline.after: is required" although the field is present (every zod invalid_type is reported as "is required": zod 4 issues carry no `input`)',
  }),
  kase({ name: 'businessDays fractional', make: () => validWith({ deadline: { after: { businessDays: 1.5 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'businessDays'], words: ['whole'] }),
  kase({ name: 'businessDays mixed with calendar days', make: () => validWith({ deadline: { after: { businessDays: 10, days: 1 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'businessDays'], words: ['combined'] }),
  kase({ name: 'rollover unknown value', make: () => validWith({ deadline: { after: { days: 10 }, rollover: 'sometimes' } } as never), call: create, code: 'INVALID_INPUT', path: ['deadline', 'rollover'], words: ['next-business-day'] }),
  kase({ name: '__proto__ key at the top level (JSON)', make: () => withProto(valid()), call: create, code: 'INVALID_INPUT', path: ['__proto__'], words: ['unknown field'] }),
  kase({ name: '__proto__ key inside deadline (JSON)', make: () => validWith({ deadline: withProto({ after: { days: 50 } }) }), call: create, code: 'INVALID_INPUT', path: ['deadline', '__proto__'], words: ['unknown field'] }),
  kase({ name: '__proto__ key inside deadline.after (JSON)', make: () => validWith({ deadline: { after: withProto({ days: 50 }) } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', '__proto__'], words: ['unknown field'] }),
  kase({ name: 'constructor.prototype key (JSON)', make: () => JSON.parse(`{"constructor":{"prototype":{"polluted":1}},${JSON.stringify(valid()).slice(1)}`) as Json, call: create, code: 'INVALID_INPUT', path: ['constructor'], words: ['unknown field'] }),
  kase({ name: '1 MB string as title', make: () => validWith({ title: MB }), call: create, code: 'INVALID_INPUT', path: ['title'], words: ['at most'], quick: true }),
  kase({ name: '1 MB string as issuedAt', make: () => validWith({ issuedAt: MB_DIGITS }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['at most'], quick: true }),
  kase({ name: '1 MB string as a demand', make: () => validWith({ demands: ['ceasefire', MB] }), call: create, code: 'INVALID_INPUT', path: ['demands', 1], quick: true }),
  kase({ name: '1 MB string as a duration', make: () => validWith({ deadline: { after: `P${MB_DIGITS}D` } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], quick: true }),
  kase({ name: '1 MB string as deadline.at', make: () => validWith({ deadline: { at: MB_DIGITS } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'at'], quick: true }),
  kase({
    name: 'events out of chronological order',
    make: () =>
      validWith({
        events: [
          { type: 'note', at: '2025-07-20T12:00', text: 'first' },
          { type: 'note', at: '2025-07-25T12:00', text: 'second' },
          { type: 'note', at: '2025-07-22T12:00', text: 'out of order' },
        ],
      }),
    call: create,
    code: 'INVALID_EVENT',
    path: ['events', 2, 'at'],
    words: ['chronological'],
  }),
  kase({ name: 'an event before issuedAt', make: () => validWith({ events: [{ type: 'note', at: '2025-07-01', text: 'too early' }] }), call: create, code: 'INVALID_EVENT', path: ['events', 0, 'at'], words: ['issued'] }),
  kase({ name: 'an event at "2025-02-30"', make: () => validWith({ events: [{ type: 'note', at: '2025-02-30', text: 'x' }] }), call: create, code: 'INVALID_DATE', path: ['events', 0, 'at'] }),
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
    name: 'unknown event type',
    make: () => validWith({ events: [{ type: 'explode', at: '2025-07-20' }] }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['events', 0, 'type'],
    words: ['"reschedule"', '"enforce"'],
    was: 'path is [events, 0, "type", "type"] (fromZodIssues appends the discriminator to a path zod 4 already ends with it)',
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
  kase({ name: 'negative milestone duration', make: () => validWith({ milestones: { before: [{ days: 7 }, { days: -1 }] } }), call: create, code: 'INVALID_DURATION', path: ['milestones', 'before', 1, 'days'] }),
  kase({ name: 'milestone fraction 1', make: () => validWith({ milestones: { fractions: [0.5, 1] } }), call: create, code: 'INVALID_INPUT', path: ['milestones', 'fractions', 1] }),
  kase({
    name: 'consequence offset taking its due date past year 9999',
    make: () => validWith({ consequences: [{ id: 'later', kind: 'tariff', ratePercent: 10, scope: 'primary', offset: { years: 9000 } }] }),
    call: create,
    code: 'OUT_OF_RANGE',
    path: ['consequences', 0, 'offset'],
    was: 'accepted: compile() only checks the due date is finite, so status() reports dueAt +011025-09-02',
  }),
  kase({ name: 'consequence offset past year 275760', make: () => validWith({ consequences: [{ id: 'later', kind: 'tariff', ratePercent: 10, scope: 'primary', offset: { years: 300_000 } }] }), call: create, code: 'OUT_OF_RANGE', path: ['consequences', 0, 'offset'] }),
  kase({
    name: 'consequence offset overflowing to Infinity { weeks: 1e308 }',
    make: () => validWith({ consequences: [{ id: 'later', kind: 'tariff', ratePercent: 10, scope: 'primary', offset: { weeks: 1e308 } }] }),
    call: create,
    code: 'OUT_OF_RANGE',
    path: ['consequences', 0, 'offset'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value Infinity"',
  }),
];

const safeCases: Case[] = [
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
];

const parseCases: Case[] = [
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
];

const amendCases: Case[] = [
  kase({ name: 'amend: unknown event type', make: () => withU({ type: 'explode', at: '2025-07-20' }), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'type'], was: 'path is [events, 0, "type", "type"]' }),
  kase({ name: 'amend: null event', make: () => withU(null), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_INPUT', path: ['events', 0] }),
  kase({ name: 'amend: __proto__ key in the event (JSON)', make: () => withU(withProto({ type: 'note', at: '2025-07-20', text: 'x' })), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_INPUT', path: ['events', 0, '__proto__'] }),
  kase({ name: 'amend: event at "2025-02-30"', make: () => withU({ type: 'note', at: '2025-02-30', text: 'x' }), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_DATE', path: ['events', 0, 'at'] }),
  kase({ name: 'amend: event at a 1 MB string', make: () => withU({ type: 'note', at: MB_DIGITS, text: 'x' }), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_DATE', path: ['events', 0, 'at'], quick: true }),
  kase({ name: 'note: 1 MB text', make: () => withU({ at: '2025-07-20', text: MB }), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'text'], quick: true }),
  kase({ name: 'note: before issuedAt', make: () => withU({ at: '2025-07-13T12:00', text: 'early' }), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'at'], words: ['issued'] }),
  kase({ name: 'note: before the previous event', make: () => withU({ at: '2025-07-20', text: 'late entry' }, note(base(), { at: '2025-07-25', text: 'x' })), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'at'], words: ['chronological'] }),
  kase({ name: 'resume: no pause', make: () => withU({ at: '2025-07-20' }), call: ({ u, arg }: WithU<unknown>) => resume(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'type'], words: ['not paused'] }),
  kase({ name: 'resume: twice', make: () => withU({ at: '2025-07-25' }, resume(pause(base(), { at: '2025-07-20' }), { at: '2025-07-22' })), call: ({ u, arg }: WithU<unknown>) => resume(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 2, 'type'] }),
  kase({ name: 'pause: while paused', make: () => withU({ at: '2025-07-25' }, pause(base(), { at: '2025-07-20' })), call: ({ u, arg }: WithU<unknown>) => pause(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'], words: ['already paused'] }),
  kase({ name: 'pause: after the deadline', make: () => withU({ at: '2025-09-03' }), call: ({ u, arg }: WithU<unknown>) => pause(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'at'], words: ['deadline'] }),
  kase({
    name: 'resume: a pause so long the deadline passes year 9999',
    make: () => withU({ at: '9999-12-01' }, pause(base(), { at: '2025-07-20' })),
    call: ({ u, arg }: WithU<unknown>) => resume(u, fields(arg)),
    code: 'OUT_OF_RANGE',
    path: ['events', 1, 'at'],
    was: 'accepted: the deadline in force becomes +010000-01-14T12:00-05:00',
  }),
  kase({ name: 'enforce: unknown consequence id', make: () => withU({ at: '2025-09-03', consequences: ['secondary-tariffs', 'nope'] }), call: ({ u, arg }: WithU<unknown>) => enforce(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'consequences', 1], words: ['"nope"', '"secondary-tariffs"'] }),
  kase({ name: 'enforce: no consequences', make: () => withU({ at: '2025-09-03', consequences: [] }), call: ({ u, arg }: WithU<unknown>) => enforce(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'consequences'], words: ['must not be empty'] }),
  kase({ name: 'note: after comply', make: () => withU({ at: '2025-08-02', text: 'too late' }, comply(base(), { at: '2025-08-01' })), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'], words: ['complied'] }),
  kase({ name: 'enforce: after withdraw', make: () => withU({ at: '2025-09-03', consequences: ['secondary-tariffs'] }, withdraw(base(), { at: '2025-08-01' })), call: ({ u, arg }: WithU<unknown>) => enforce(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'], words: ['withdrawn'] }),
  kase({ name: 'comply: twice', make: () => withU({ at: '2025-08-02' }, comply(base(), { at: '2025-08-01' })), call: ({ u, arg }: WithU<unknown>) => comply(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'] }),
  kase({ name: 'extend: to an earlier deadline', make: () => withU({ at: '2025-07-20', to: '2025-08-01' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'to'], words: ['later'] }),
  kase({ name: 'extend: by nothing "P0D"', make: () => withU({ at: '2025-07-20', by: 'P0D' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'by'], words: ['later'] }),
  kase({ name: 'shorten: to a later deadline', make: () => withU({ at: '2025-07-29T12:00', to: '2025-10-01' }), call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'to'], words: ['earlier'] }),
  kase({ name: 'extend: both by and to', make: () => withU({ at: '2025-07-20', by: { days: 7 }, to: '2025-10-01' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0], words: ['"by"', '"to"'] }),
  kase({ name: 'shorten: neither by nor to', make: () => withU({ at: '2025-07-20' }), call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0], words: ['"by"', '"to"'] }),
  kase({ name: 'extend: by { days: -1 }', make: () => withU({ at: '2025-07-20', by: { days: -1 } }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'by', 'days'] }),
  kase({ name: 'extend: by NaN hours', make: () => withU({ at: '2025-07-20', by: { hours: Number.NaN } }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'by', 'hours'] }),
  kase({ name: 'extend: to "2025-02-30"', make: () => withU({ at: '2025-07-20', to: '2025-02-30' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_DATE', path: ['events', 0, 'to'] }),
  kase({ name: 'extend: by 8000 years (past 9999)', make: () => withU({ at: '2025-07-20', by: { years: 8000 } }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'OUT_OF_RANGE', path: ['events', 0, 'by'] }),
  kase({ name: 'shorten: by 3000 years (before year 1)', make: () => withU({ at: '2025-07-20', by: { years: 3000 } }), call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)), code: 'OUT_OF_RANGE', path: ['events', 0, 'by'] }),
  kase({
    name: 'extend: by days that overflow to Infinity',
    make: () => withU({ at: '2025-07-20', by: { weeks: 1e307, days: 1.7e308 } }),
    call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)),
    code: 'OUT_OF_RANGE',
    path: ['events', 0, 'by'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value Infinity"',
  }),
  kase({
    name: 'shorten: by weeks that overflow to -Infinity',
    make: () => withU({ at: '2025-07-20', by: { weeks: 1e308 } }),
    call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)),
    code: 'OUT_OF_RANGE',
    path: ['events', 0, 'by'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value -Infinity"',
  }),
  kase({ name: 'reschedule: { days: -1 }', make: () => withU({ at: '2025-07-29', deadline: { after: { days: -1 } } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'deadline', 'after', 'days'] }),
  kase({ name: 'reschedule: at "2025-02-30"', make: () => withU({ at: '2025-07-29', deadline: { at: '2025-02-30' } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_DATE', path: ['events', 0, 'deadline', 'at'] }),
  kase({ name: 'reschedule: both at and after', make: () => withU({ at: '2025-07-29', deadline: { at: '2025-08-08', after: { days: 10 } } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'deadline'] }),
  kase({ name: 'reschedule: negative businessDays', make: () => withU({ at: '2025-07-29', deadline: { after: { businessDays: -10 } } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'deadline', 'after', 'businessDays'] }),
];

const atCases: Case[] = [
  kase({ name: 'status: at "yesterday"', make: () => withU('yesterday'), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['"yesterday"'] }),
  kase({ name: 'status: at NaN', make: () => withU(Number.NaN), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['finite'] }),
  kase({ name: 'status: at Infinity', make: () => withU(Number.POSITIVE_INFINITY), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'] }),
  kase({ name: 'status: at past year 275760', make: () => withU(8.64e15 + 1), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'OUT_OF_RANGE', path: ['at'] }),
  kase({ name: 'status: at in year 10000', make: () => withU('+010000-01-02T00:00:00Z'), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'OUT_OF_RANGE', path: ['at'] }),
  kase({ name: 'status: at a 1 MB string', make: () => withU(MB_DIGITS), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'], quick: true }),
  kase({ name: 'status: at a plain object', make: () => withU({}), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_INPUT', path: ['at'] }),
  kase({
    name: 'status: at an object posing as a luxon DateTime',
    make: () => withU({ isLuxonDateTime: true, isValid: true }),
    call: ({ u, arg }: WithU<unknown>) => status(u, arg as never),
    code: ['INVALID_INPUT', 'INVALID_DATE'],
    path: ['at'],
    was: 'bare TypeError "input.toMillis is not a function"',
  }),
  kase({ name: 'status: a stored document with zone "Mars/Base"', make: () => ({ ...stored(), zone: 'Mars/Base' }), call: (doc: unknown) => status(doc as Ultimatum, '2025-08-01'), code: 'INVALID_ZONE', path: ['zone'] }),
  kase({ name: 'status: a stored document with a __proto__ key', make: () => withProto(stored()), call: (doc: unknown) => status(doc as Ultimatum, '2025-08-01'), code: 'INVALID_INPUT', path: ['__proto__'] }),
  kase({ name: 'deadlineOf: at an invalid Date', make: () => withU(new Date('nope')), call: ({ u, arg }: WithU<unknown>) => deadlineOf(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['invalid Date'] }),
  kase({ name: 'deadlineOf: at an invalid luxon DateTime', make: () => withU(DateTime.invalid('x')), call: ({ u, arg }: WithU<unknown>) => deadlineOf(u, arg as never), code: 'INVALID_DATE', path: ['at'], compare: 'json' }),
  kase({ name: 'deadlineOf: at "2025-02-30"', make: () => withU('2025-02-30'), call: ({ u, arg }: WithU<unknown>) => deadlineOf(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['2025-02-30'] }),
  kase({ name: 'countdown: at "yesterday"', make: () => withU('yesterday'), call: ({ u, arg }: WithU<unknown>) => countdown(u, arg as never), code: 'INVALID_DATE', path: ['at'] }),
  kase({ name: 'countdown: target "2025-02-30"', make: () => '2025-02-30', call: (target: unknown) => countdown(target as never, '2025-01-01'), code: 'INVALID_DATE', path: ['target'] }),
  kase({ name: 'countdown: at NaN for an instant target', make: () => Number.NaN, call: (at: unknown) => countdown('2025-09-02', at as never), code: 'INVALID_DATE', path: ['at'] }),
  kase({ name: 'countdown: target null', make: () => null, call: (target: unknown) => countdown(target as never, '2025-01-01'), code: 'INVALID_INPUT', path: ['target'] }),
  kase({
    name: 'countdown: target an object with Date.prototype but no time value',
    make: () => Object.create(Date.prototype) as object,
    call: (target: unknown) => countdown(target as never, '2025-01-01'),
    code: ['INVALID_DATE', 'INVALID_INPUT'],
    path: ['target'],
    was: 'bare TypeError "this is not a Date object."',
  }),
];

const allCases: Case[] = [...createCases, ...safeCases, ...parseCases, ...amendCases, ...atCases];

// ---------------------------------------------------------------------------------------------
// Checks

/** `events[2].at`, as the library writes a path in its messages. */
function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

function snapshot(subject: unknown, how: 'clone' | 'json'): unknown {
  return how === 'json' ? JSON.stringify(subject) : structuredClone(subject);
}


guardObjectPrototype();

describe('the founding input is valid (so every refusal below is due to the one bad field)', () => {
  it('creates, parses back and amends without error', () => {
    const u = base();
    expect(deadlineOf(u, '2025-07-20')?.toISO()).toBe('2025-09-02T12:00:00.000-04:00');
    expect(parseUltimatum(JSON.parse(JSON.stringify(u)))).toEqual(u);
    expect(() => shorten(u, { at: '2025-07-29T12:00', to: '2025-08-08T12:00' })).not.toThrow();
  });
});

describe('bad input is refused with an UltimatumError', () => {
  it('has at least 30 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(allCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const subject = c.make();
    const how = c.compare ?? 'clone';
    const before = snapshot(subject, how);

    let error: unknown;
    if (c.quick) {
      caught(() => c.call(c.make())); // warm-up on a copy, so the timing measures this input only
      const start = performance.now();
      error = caught(() => c.call(subject));
      expect(performance.now() - start, 'answers quickly').toBeLessThan(100);
    } else {
      error = caught(() => c.call(subject));
    }

    expect(error, 'throws').toBeDefined();
    expect(isUltimatumError(error), `an UltimatumError, not ${String(error)}`).toBe(true);
    const e = error as UltimatumError;
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('UltimatumError');
    const codes: readonly UltimatumErrorCode[] = typeof c.code === 'string' ? [c.code] : c.code;
    expect(codes).toContain(e.code);
    expect(e.issues.length).toBeGreaterThan(0);
    expect(e.issues[0]?.code).toBe(e.code);
    expect(e.issues[0]?.path).toEqual(c.path);
    for (const path of c.alsoPaths ?? []) expect(e.issues.map((i) => i.path)).toContainEqual(path);
    expect(e.message).toContain(`${formatPath(c.path)}: `);
    for (const word of c.words ?? []) expect(e.message).toContain(word);
    for (const word of c.notWords ?? []) expect(e.message).not.toContain(word);
    expect(e.message.length, 'a message of reasonable length').toBeLessThan(1_000);

    expect(snapshot(subject, how), 'input unchanged').toEqual(before);
    expectPrototypesClean();
  });
});

describe('a refused input leaves an existing ultimatum as it was', () => {
  const badEvents: Array<[string, (u: Ultimatum) => unknown]> = [
    ['an unknown event type', (u) => amend(u, event({ type: 'explode', at: '2025-07-20' }))],
    ['a resume with no pause', (u) => resume(u, { at: '2025-07-20' })],
    ['an enforce of an unknown consequence', (u) => enforce(u, { at: '2025-09-03', consequences: ['nope'] })],
    ['an extend that moves the deadline earlier', (u) => extend(u, { at: '2025-07-20', to: '2025-08-01' })],
    ['an event before issuedAt', (u) => note(u, { at: '2025-07-01', text: 'early' })],
    ['a __proto__ key in the event', (u) => amend(u, event(withProto({ type: 'note', at: '2025-07-20', text: 'x' })))],
  ];

  it.each(badEvents)('after %s', (_name, bad) => {
    const u = shorten(base(), { at: '2025-07-29T12:00', to: '2025-08-08T12:00' });
    const json = JSON.stringify(u);
    const deadlineBefore = deadlineOf(u, '2025-08-01')?.toISO();

    const error = caught(() => bad(u));
    expect(isUltimatumError(error)).toBe(true);

    expect(JSON.stringify(u)).toBe(json);
    expect(u).toEqual(JSON.parse(json));
    expect(Object.isFrozen(u)).toBe(true);
    expect(u.events).toHaveLength(1);
    expect(deadlineOf(u, '2025-08-01')?.toISO()).toBe(deadlineBefore);
    expect(status(u, '2025-08-01').phase).toBe('active');
    // and it can still be amended
    expect(deadlineOf(extend(u, { at: '2025-08-02', by: { days: 2 } }), '2025-08-03')?.toISO()).toBe('2025-08-10T12:00:00.000-04:00');
  });

  it('survives many refused amendments in a row, still equal to its stored form', () => {
    const u = pause(base(), { at: '2025-07-20T12:00' });
    const json = JSON.stringify(u);
    const attempts = [
      () => pause(u, { at: '2025-07-21' }),
      () => comply(u, { at: '2025-07-01' }),
      () => enforce(u, { at: '2025-07-22', consequences: [] }),
      () => reschedule(u, { at: '2025-07-22', deadline: { after: { days: -1 } } }),
      () => extend(u, fields({ at: '2025-07-22', by: { days: 1 }, to: '2025-12-01' })),
      () => status(u, 'yesterday' as never),
    ];
    for (const attempt of attempts) expect(isUltimatumError(caught(attempt))).toBe(true);
    expect(JSON.stringify(u)).toBe(json);
    expect(parseUltimatum(JSON.parse(json))).toEqual(u);
    expect(status(u, '2025-07-25T12:00').phase).toBe('paused');
  });

  it('a refused parse of a tampered copy leaves the original alone', () => {
    const u = base();
    const json = JSON.stringify(u);
    const copy = JSON.parse(json) as Json;
    copy.events = [{ type: 'resume', at: '2025-07-20T12:00:00-04:00' }];
    expect(isUltimatumError(caught(() => parseUltimatum(copy)))).toBe(true);
    expect(JSON.stringify(u)).toBe(json);
    expect(u.events).toEqual([]);
  });

  it('safeCreateUltimatum returns the error instead of throwing', () => {
    const r = safeCreateUltimatum(validWith({ zone: 'Mars/Base' }));
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(isUltimatumError(r.error)).toBe(true);
      expect(r.error.code).toBe('INVALID_ZONE');
    }
  });
});
