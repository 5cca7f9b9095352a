/**
 * Bad input, continued (SPEC §5): the entry points `badInput.test.ts` does not reach —
 * `parseDuration`, the business-day functions, `milestones`, trackers, `watch` / `watchTracker`,
 * `formatCountdown` and `toICS`. Same contract: an `UltimatumError` (never a bare `TypeError`),
 * a documented `code`, the JSON `path` of the offending field (for an argument, its name:
 * `['date']`, `['n']`, `['calendar', …]`; for an option, the option's name), a message naming
 * that path and the rule, the input left exactly as it was, `Object.prototype` untouched, and
 * a 1 MB string answered in under 100 ms wherever a string is taken.
 *
 * The harness is a copy of the one in `badInput.test.ts` (which exports nothing), with three
 * additions: `orPaths` (other paths that would be as right), `view` (what to compare when the
 * subject is not plain data, e.g. a tracker), and `bug` — each case's expectation is the correct
 * behaviour, and `bug` records what the library does instead when this suite was written.
 */
import { describe, expect, it } from 'vitest';
import { caught, expectPrototypesClean, guardObjectPrototype } from './refusal.js';
import { toICS } from '../src/adapters/ics.js';
import {
  addBusinessDays,
  type BusinessCalendar,
  businessDaysBetween,
  countdown,
  createCalendar,
  createTracker,
  createUltimatum,
  formatCountdown,
  isBusinessDay,
  isUltimatumError,
  milestones,
  nextBusinessDay,
  parseDuration,
  parseTracker,
  previousBusinessDay,
  type Tracker,
  type Ultimatum,
  type UltimatumError,
  type UltimatumErrorCode,
  type UltimatumInput,
  watch,
  watchTracker,
} from '../src/index.js';

type Path = ReadonlyArray<string | number>;
type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Inputs

/** A fresh, valid input: the founding case (14 July 2025, 50 days, secondary tariffs). */
function valid(id = 'russia-50-day'): UltimatumInput {
  return {
    id,
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

/** A fresh ultimatum; its deadline is 2025-09-02T12:00 in New York. */
const base = (id?: string): Ultimatum => createUltimatum(valid(id));

/** What `JSON.stringify` wrote for `base(id)`, read back as plain data. */
const stored = (id?: string): Json => JSON.parse(JSON.stringify(base(id))) as Json;

/** A stored tracker document of two ultimatums, "a" and "b". */
function trackerDoc(): { schemaVersion: number; kind: string; ultimatums: Json[] } {
  return { schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [stored('a'), stored('b')] };
}

/** `obj` as `JSON.parse` would give it with a leading `"__proto__"` key (an own property). */
function withProto(obj: object): Json {
  return JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(obj).slice(1)}`) as Json;
}

const MB = 'x'.repeat(1 << 20);
const MB_DIGITS = '2'.repeat(1 << 20);
const calendar = (): BusinessCalendar => createCalendar({ holidays: ['2025-12-25', '2026-01-01'] });

/** A clock that never fires: a watch started by a case (one that should have thrown) does nothing. */
const stillClock = () => ({ now: () => Date.UTC(2025, 7, 1), setTimeout: () => 0, clearTimeout: () => {} });

/** A countdown of 32 days 12 hours (the founding case on 1 August 2025). */
const aCountdown = () => countdown(base(), '2025-08-01');

// ---------------------------------------------------------------------------------------------
// Subjects and calls (typed loosely on purpose: the point is what the library does with them)

/** An argument list: the library is called with `...args`. */
type Args = unknown[];
const args = (...a: unknown[]): Args => a;
const loose = <F>(f: F) => f as unknown as (...a: unknown[]) => unknown;

interface WithTracker {
  readonly tracker: Tracker;
  readonly arg: unknown;
}
const withTracker = (arg: unknown): WithTracker => ({ tracker: createTracker([base('a'), base('b')]), arg });
/** A tracker cannot be cloned: compare what it stores, and the argument. */
const trackerView = (s: unknown) => {
  const { tracker, arg } = s as WithTracker;
  return JSON.stringify({ tracker: tracker.toJSON(), arg });
};

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
  /** Other paths that would be as right as `path`. */
  readonly orPaths?: readonly Path[];
  /** Words the message must contain besides the path. */
  readonly words?: readonly string[];
  /** Words the message must not contain (a wrong rule). */
  readonly notWords?: readonly string[];
  /** Paths that must also be among the issues. */
  readonly alsoPaths?: readonly Path[];
  /** What to compare before and after the call (default: a deep copy of the subject). */
  readonly view?: (subject: T) => unknown;
  /** Must answer in under 100 ms (robustness against huge inputs, not a benchmark). */
  readonly quick?: boolean;
  /** What the library does instead (a bug this case found; the case fails until it is fixed). */
  readonly bug?: string;
}

const kase = <T>(c: Case<T>): Case => c as unknown as Case;

/** A case whose subject is an argument list. */
const call =
  <F>(f: F) =>
  (a: unknown) =>
    loose(f)(...(a as Args));

const parseDurationCases: Case[] = [
  kase({ name: 'parseDuration: a number', make: () => args(50), call: call(parseDuration), code: ['INVALID_INPUT', 'INVALID_DURATION'], path: [], words: ['(root)', 'string'] }),
  kase({ name: 'parseDuration: null', make: () => args(null), call: call(parseDuration), code: ['INVALID_INPUT', 'INVALID_DURATION'], path: [], words: ['string'] }),
  kase({ name: 'parseDuration: a 1 MB string', make: () => args(MB), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['1000 characters'], quick: true }),
  kase({ name: 'parseDuration: empty', make: () => args(''), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['ends where a duration'] }),
  kase({ name: 'parseDuration: "between 10 12 days"', make: () => args('between 10 12 days'), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['"12" (at character 12)', '"and"'] }),
  kase({ name: 'parseDuration: "1.2.3 days"', make: () => args('1.2.3 days'), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['"1.2.3"', 'a number'] }),
  kase({
    name: 'parseDuration: negative ISO "P-1D"',
    make: () => args('P-1D'),
    call: call(parseDuration),
    code: 'INVALID_DURATION',
    path: [],
    bug: 'returns { days: -1 }, though "-1 days" is refused and every taker of a duration refuses a negative one',
  }),
  kase({
    name: 'parseDuration: reversed range "12 or 10 days"',
    make: () => args('12 or 10 days'),
    call: call(parseDuration),
    code: 'INVALID_DURATION',
    path: [],
    bug: 'returns { earliest: { days: 12 }, latest: { days: 10 } }, a window whose earliest end is after its latest (refuse, or order the ends)',
  }),
];

const calendarCases: Case[] = [
  kase({ name: 'createCalendar: weekend day 8', make: () => args({ weekend: [6, 8] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekend', 1], words: ['7'] }),
  kase({ name: 'createCalendar: weekend day 0', make: () => args({ weekend: [0] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekend', 0], words: ['1'] }),
  kase({
    name: 'createCalendar: weekend day 1.5',
    make: () => args({ weekend: [1.5] }),
    call: call(createCalendar),
    code: 'INVALID_INPUT',
    path: ['weekend', 0],
    words: ['whole number'],
    bug: 'message "must be int" (zod\'s word; the library says "must be a whole number" elsewhere)',
  }),
  kase({
    name: 'createCalendar: a weekend of all seven days',
    make: () => args({ weekend: [1, 2, 3, 4, 5, 6, 7] }),
    call: call(createCalendar),
    code: 'INVALID_INPUT',
    path: ['weekend'],
    words: ['business day'],
    bug: 'message "must have at most 6 items": the schema\'s own message (messages.noBusinessDay) is replaced by the generic too_big one',
  }),
  kase({ name: 'createCalendar: a repeated weekend day', make: () => args({ weekend: [6, 6] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekend'], words: ['repeat'] }),
  kase({ name: 'createCalendar: holiday "2025-02-30"', make: () => args({ holidays: ['2025-12-25', '2025-02-30'] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['holidays', 1], words: ['real calendar date'] }),
  kase({ name: 'createCalendar: a 1 MB holiday', make: () => args({ holidays: [MB] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['holidays', 0], quick: true }),
  kase({ name: 'createCalendar: holidays a string', make: () => args({ holidays: '2025-12-25' }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['holidays'], words: ['array'] }),
  kase({ name: 'createCalendar: unknown field "weekends"', make: () => args({ weekends: [5, 6] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekends'], words: ['unknown field'] }),
  kase({ name: 'createCalendar: a string', make: () => args('US'), call: call(createCalendar), code: 'INVALID_INPUT', path: [], words: ['object'] }),
  kase({ name: 'createCalendar: __proto__ key (JSON)', make: () => args(withProto({ weekend: [6, 7] })), call: call(createCalendar), code: 'INVALID_INPUT', path: ['__proto__'] }),
];

const businessDayCases: Case[] = [
  kase({ name: 'addBusinessDays: n 1.5', make: () => args('2025-12-19', 1.5, calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['n'], words: ['whole number'] }),
  kase({ name: 'addBusinessDays: n NaN', make: () => args('2025-12-19', Number.NaN, calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['n'] }),
  kase({ name: 'addBusinessDays: n 3 000 000', make: () => args('2025-12-19', 3_000_000, calendar()), call: call(addBusinessDays), code: ['INVALID_INPUT', 'OUT_OF_RANGE'], path: ['n'], words: ['2000000'] }),
  kase({ name: 'addBusinessDays: n a string', make: () => args('2025-12-19', '5', calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['n'] }),
  kase({ name: 'addBusinessDays: date "2025-02-30"', make: () => args('2025-02-30', 1, calendar()), call: call(addBusinessDays), code: 'INVALID_DATE', path: ['date'], words: ['2025-02-30'] }),
  kase({ name: 'addBusinessDays: date a 1 MB string', make: () => args(MB_DIGITS, 1, calendar()), call: call(addBusinessDays), code: 'INVALID_DATE', path: ['date'], quick: true }),
  kase({ name: 'addBusinessDays: date null', make: () => args(null, 1, calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['date'] }),
  kase({ name: 'addBusinessDays: calendar with weekend day 9', make: () => args('2025-12-19', 1, { weekend: [9] }), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['calendar', 'weekend', 0] }),
  kase({ name: 'addBusinessDays: calendar a string', make: () => args('2025-12-19', 1, 'US'), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['calendar'] }),
  kase({
    name: 'addBusinessDays: past year 9999',
    make: () => args('9999-12-30', 5, calendar()),
    call: call(addBusinessDays),
    code: 'OUT_OF_RANGE',
    path: ['n'],
    orPaths: [['date']],
    words: ['9999'],
    bug: 'returns +010000-01-06T00:00:00.000Z, outside the supported years 1–9999',
  }),
  kase({
    name: 'previousBusinessDay: before year 1',
    make: () => args('0001-01-01', calendar()),
    call: call(previousBusinessDay),
    code: 'OUT_OF_RANGE',
    path: ['date'],
    orPaths: [['n']],
    bug: 'returns 0000-12-29T00:00:00.000Z, outside the supported years 1–9999',
  }),
  kase({ name: 'businessDaysBetween: a "yesterday"', make: () => args('yesterday', '2025-12-29', calendar()), call: call(businessDaysBetween), code: 'INVALID_DATE', path: ['a'], words: ['"yesterday"'] }),
  kase({ name: 'businessDaysBetween: b NaN', make: () => args('2025-12-19', Number.NaN, calendar()), call: call(businessDaysBetween), code: 'INVALID_DATE', path: ['b'], words: ['finite'] }),
  kase({ name: 'businessDaysBetween: b a 1 MB string', make: () => args('2025-12-19', MB_DIGITS, calendar()), call: call(businessDaysBetween), code: 'INVALID_DATE', path: ['b'], quick: true }),
  kase({ name: 'businessDaysBetween: calendar holiday "x"', make: () => args('2025-12-19', '2025-12-29', { holidays: ['x'] }), call: call(businessDaysBetween), code: 'INVALID_INPUT', path: ['calendar', 'holidays', 0] }),
  kase({ name: 'isBusinessDay: an invalid Date', make: () => args(new Date('nope'), calendar()), call: call(isBusinessDay), code: 'INVALID_DATE', path: ['date'], words: ['invalid Date'] }),
  kase({ name: 'isBusinessDay: a partial date "2025-02"', make: () => args('2025-02', calendar()), call: call(isBusinessDay), code: 'INVALID_DATE', path: ['date'], words: ['whole date'] }),
  kase({ name: 'isBusinessDay: a 1 MB string', make: () => args(MB, calendar()), call: call(isBusinessDay), code: 'INVALID_DATE', path: ['date'], quick: true }),
  kase({ name: 'isBusinessDay: calendar with no business day', make: () => args('2025-12-19', { weekend: [1, 2, 3, 4, 5, 6, 7] }), call: call(isBusinessDay), code: 'INVALID_INPUT', path: ['calendar', 'weekend'] }),
  kase({ name: 'nextBusinessDay: a bare time "12:00"', make: () => args('12:00', calendar()), call: call(nextBusinessDay), code: 'INVALID_DATE', path: ['date'], words: ['"12:00"'] }),
  kase({ name: 'nextBusinessDay: calendar with an unknown field', make: () => args('2025-12-19', { weekend: [6, 7], extra: 1 }), call: call(nextBusinessDay), code: 'INVALID_INPUT', path: ['calendar', 'extra'], words: ['unknown field'] }),
  kase({
    name: 'nextBusinessDay: an object posing as a luxon DateTime',
    make: () => args({ isLuxonDateTime: true, isValid: true }, calendar()),
    call: call(nextBusinessDay),
    code: ['INVALID_DATE', 'INVALID_INPUT'],
    path: ['date'],
  }),
];

const milestoneCases: Case[] = [
  kase({ name: 'milestones: fraction 1', make: () => args(base(), { fractions: [0.5, 1] }), call: call(milestones), code: 'INVALID_INPUT', path: ['fractions', 1], words: ['between 0 and 1'] }),
  kase({ name: 'milestones: fraction NaN', make: () => args(base(), { fractions: [Number.NaN] }), call: call(milestones), code: 'INVALID_INPUT', path: ['fractions', 0] }),
  kase({
    name: 'milestones: fractions not an array',
    make: () => args(base(), { fractions: 0.5 }),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: ['fractions'],
    words: ['array'],
    bug: 'bare TypeError "fractions.forEach is not a function"',
  }),
  kase({ name: 'milestones: before { days: -1 }', make: () => args(base(), { before: [{ days: 7 }, { days: -1 }] }), call: call(milestones), code: 'INVALID_DURATION', path: ['before', 1, 'days'], words: ['>= 0'] }),
  kase({ name: 'milestones: before a range', make: () => args(base(), { before: ['10 or 12 days'] }), call: call(milestones), code: 'INVALID_DURATION', path: ['before', 0], words: ['range'] }),
  kase({ name: 'milestones: before a 1 MB string', make: () => args(base(), { before: [MB] }), call: call(milestones), code: 'INVALID_DURATION', path: ['before', 0], quick: true }),
  kase({
    name: 'milestones: before not an array',
    make: () => args(base(), { before: { days: 1 } }),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: ['before'],
    words: ['array'],
    bug: 'bare TypeError "opts.before.map is not a function"',
  }),
  kase({ name: 'milestones: at "yesterday"', make: () => args(base(), { at: 'yesterday' }), call: call(milestones), code: 'INVALID_DATE', path: ['at'], words: ['"yesterday"'] }),
  kase({ name: 'milestones: at a 1 MB string', make: () => args(base(), { at: MB_DIGITS }), call: call(milestones), code: 'INVALID_DATE', path: ['at'], quick: true }),
  kase({
    name: 'milestones: options null',
    make: () => args(base(), null),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: [],
    bug: 'bare TypeError "Cannot read properties of null (reading \'fractions\')"',
  }),
  kase({
    name: 'milestones: unknown option "fraction" (a typo)',
    make: () => args(base(), { fraction: [0.5] }),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: ['fraction'],
    words: ['unknown field'],
    bug: 'accepted: the typo is ignored and the default fractions are used (toICS refuses unknown options; README: a typo must not be silently dropped)',
  }),
  kase({ name: 'milestones: a stored document with zone "Mars/Base"', make: () => args({ ...stored(), zone: 'Mars/Base' }), call: call(milestones), code: 'INVALID_ZONE', path: ['zone'] }),
];

const trackerCases: Case[] = [
  kase({ name: 'createTracker: a repeated id', make: () => args([base('a'), base('b'), base('a')]), call: call(createTracker), code: 'INVALID_INPUT', path: [2, 'id'], words: ['"a"', 'unique'] }),
  kase({ name: 'createTracker: a stored document with zone "Mars/Base"', make: () => args([base('a'), { ...stored('b'), zone: 'Mars/Base' }]), call: call(createTracker), code: 'INVALID_ZONE', path: [1, 'zone'] }),
  kase({ name: 'createTracker: null in the list', make: () => args([base('a'), null]), call: call(createTracker), code: 'INVALID_INPUT', path: [1], words: ['object'] }),
  kase({
    name: 'createTracker: not a list',
    make: () => args(42),
    call: call(createTracker),
    code: 'INVALID_INPUT',
    path: [],
    bug: 'bare TypeError "ultimatums is not iterable"',
  }),
  kase({
    name: 'tracker.add: a repeated id',
    make: () => withTracker(base('a')),
    call: ({ tracker, arg }: WithTracker) => tracker.add(arg as Ultimatum),
    code: 'INVALID_INPUT',
    path: ['id'],
    words: ['"a"'],
    view: trackerView,
  }),
  kase({ name: 'parseTracker: null', make: () => args(null), call: call(parseTracker), code: 'INVALID_INPUT', path: [], words: ['tracker document'] }),
  kase({
    name: 'parseTracker: kind "tracker"',
    make: () => args({ ...trackerDoc(), kind: 'tracker' }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['kind'],
    bug: 'path [] (the whole document) rather than the offending field',
  }),
  kase({
    name: 'parseTracker: schemaVersion 2',
    make: () => args({ ...trackerDoc(), schemaVersion: 2 }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['schemaVersion'],
    words: ['1'],
    bug: 'path [] (the whole document); parseUltimatum points at schemaVersion',
  }),
  kase({ name: 'parseTracker: ultimatums an object', make: () => args({ ...trackerDoc(), ultimatums: {} }), call: call(parseTracker), code: 'INVALID_INPUT', path: ['ultimatums'], words: ['array'] }),
  kase({
    name: 'parseTracker: unknown field "ultimatum"',
    make: () => args({ ...trackerDoc(), ultimatum: [] }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['ultimatum'],
    words: ['unknown field'],
    bug: 'accepted (so is a "__proto__" key), while parseUltimatum refuses unknown fields',
  }),
  kase({
    name: 'parseTracker: nested zone "Mars/Base"',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[1] = { ...doc.ultimatums[1], zone: 'Mars/Base' };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_ZONE',
    path: ['ultimatums', 1, 'zone'],
    words: ['Mars/Base'],
  }),
  kase({
    name: 'parseTracker: nested { days: -1 }',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[0] = { ...doc.ultimatums[0], deadline: { after: { days: -1 } } };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_DURATION',
    path: ['ultimatums', 0, 'deadline', 'after', 'days'],
    words: ['>= 0'],
    bug: 'INVALID_INPUT "must be at least 0" (the stored schema\'s min(0)); createUltimatum says INVALID_DURATION "must be a finite number >= 0" for the same field — parseUltimatum too',
  }),
  kase({
    name: 'parseTracker: nested 1 MB issuedAt',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[0] = { ...doc.ultimatums[0], issuedAt: MB_DIGITS };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_DATE',
    path: ['ultimatums', 0, 'issuedAt'],
    quick: true,
  }),
  kase({
    name: 'parseTracker: nested events out of order',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[1] = {
        ...doc.ultimatums[1],
        events: [
          { type: 'note', at: '2025-07-25T12:00:00-04:00', text: 'b' },
          { type: 'note', at: '2025-07-20T12:00:00-04:00', text: 'a' },
        ],
      };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_EVENT',
    path: ['ultimatums', 1, 'events', 1, 'at'],
  }),
  kase({
    name: 'parseTracker: a repeated id',
    make: () => args({ ...trackerDoc(), ultimatums: [stored('a'), stored('a')] }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['ultimatums', 1, 'id'],
    words: ['"a"'],
  }),
];

const queryCases: Case[] = [
  kase({
    name: 'tracker.upcoming: within { days: -1 }',
    make: () => withTracker({ within: { days: -1 }, at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within', 'days'],
    words: ['>= 0'],
    view: trackerView,
  }),
  kase({
    name: 'tracker.upcoming: within "soon"',
    make: () => withTracker({ within: 'soon', at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within'],
    words: ['"soon"'],
    view: trackerView,
  }),
  kase({
    name: 'tracker.upcoming: within a range',
    make: () => withTracker({ within: '10 or 12 days', at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within'],
    words: ['range'],
    view: trackerView,
  }),
  kase({
    name: 'tracker.upcoming: within a 1 MB string',
    make: () => withTracker({ within: MB, at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within'],
    view: trackerView,
    quick: true,
  }),
  kase({
    name: 'tracker.upcoming: no within',
    make: () => withTracker({ at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_INPUT',
    path: ['within'],
    view: trackerView,
  }),
  kase({
    name: 'tracker.upcoming: within { years: 300000 }',
    make: () => withTracker({ within: { years: 300_000 }, at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'OUT_OF_RANGE',
    path: ['within'],
    view: trackerView,
    bug: 'returns [] (the end of the range is NaN, so nothing is "within" it), though both deadlines are upcoming',
  }),
  kase({
    name: 'tracker.upcoming: at "yesterday"',
    make: () => withTracker({ within: { days: 1 }, at: 'yesterday' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DATE',
    path: ['at'],
    view: trackerView,
  }),
  kase({ name: 'tracker.overdue: at "yesterday"', make: () => withTracker('yesterday'), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_DATE', path: ['at'], words: ['"yesterday"'], view: trackerView }),
  kase({ name: 'tracker.overdue: at NaN', make: () => withTracker(Number.NaN), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_DATE', path: ['at'], words: ['finite'], view: trackerView }),
  kase({ name: 'tracker.overdue: at a 1 MB string', make: () => withTracker(MB_DIGITS), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_DATE', path: ['at'], view: trackerView, quick: true }),
  kase({ name: 'tracker.overdue: at a plain object', make: () => withTracker({}), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_INPUT', path: ['at'], view: trackerView }),
];

const watchCases: Case[] = [
  kase({ name: 'watch: tickMs 0', make: () => args(base(), {}, { tickMs: 0, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['tickMs'], words: ['> 0'] }),
  kase({ name: 'watch: tickMs 1.5', make: () => args(base(), {}, { tickMs: 1.5, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['tickMs'], words: ['whole number'] }),
  kase({ name: 'watch: tickMs "1000"', make: () => args(base(), {}, { tickMs: '1000', clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['tickMs'] }),
  kase({ name: 'watch: lateAfterMs -1', make: () => args(base(), {}, { lateAfterMs: -1, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['lateAfterMs'], words: ['>= 0'] }),
  kase({ name: 'watch: lateAfterMs Infinity', make: () => args(base(), {}, { lateAfterMs: Number.POSITIVE_INFINITY, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['lateAfterMs'], words: ['finite'] }),
  kase({ name: 'watch: not an ultimatum', make: () => args({ title: 'x' }, {}, { clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['schemaVersion'] }),
  kase({
    name: 'watch: options null',
    make: () => args(base(), {}, null),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: [],
    bug: 'bare TypeError "Cannot read properties of null (reading \'tickMs\')"',
  }),
  kase({
    name: 'watch: a clock without now()',
    make: () => args(base(), {}, { clock: {} }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['clock'],
    orPaths: [['clock', 'now']],
    bug: 'bare TypeError "clock.now is not a function"',
  }),
  kase({
    name: 'watch: onTick not a function',
    make: () => args(base(), { onTick: 5 }, { tickMs: 1000, clock: stillClock() }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['onTick'],
    orPaths: [['handlers', 'onTick']],
    bug: 'bare TypeError "handlers.onTick is not a function"',
  }),
  kase({
    name: 'watch: handlers null',
    make: () => args(base(), null, { clock: stillClock() }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['handlers'],
    orPaths: [[]],
    bug: 'accepted; the first phase change or milestone then throws a TypeError inside a timer callback',
  }),
  kase({
    name: 'watch: unknown option "tick" (a typo)',
    make: () => args(base(), {}, { tick: 1000, clock: stillClock() }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['tick'],
    words: ['unknown field'],
    bug: 'accepted: the typo is ignored and the watch never ticks',
  }),
  kase({ name: 'watchTracker: tickMs -5', make: () => args(createTracker([base()]), {}, { tickMs: -5, clock: stillClock() }), call: call(watchTracker), code: 'INVALID_INPUT', path: ['tickMs'] }),
  kase({ name: 'watchTracker: lateAfterMs "5"', make: () => args(createTracker([base()]), {}, { lateAfterMs: '5', clock: stillClock() }), call: call(watchTracker), code: 'INVALID_INPUT', path: ['lateAfterMs'] }),
  kase({
    name: 'watchTracker: not a tracker',
    make: () => args({}, {}, { clock: stillClock() }),
    call: call(watchTracker),
    code: 'INVALID_INPUT',
    path: ['tracker'],
    orPaths: [[]],
    bug: 'bare TypeError "tracker.nextChange is not a function"',
  }),
];

const formatCases: Case[] = [
  kase({ name: 'formatCountdown: totalMs -1', make: () => args({ ...aCountdown(), totalMs: -1 }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['totalMs'], words: ['>= 0'] }),
  kase({ name: 'formatCountdown: a string', make: () => args('5 days'), call: call(formatCountdown), code: 'INVALID_INPUT', path: [], words: ['Countdown'] }),
  kase({ name: 'formatCountdown: style "verbose"', make: () => args(aCountdown(), { style: 'verbose' }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['style'], words: ['"long"', '"digital"'] }),
  kase({ name: 'formatCountdown: maxUnits 0', make: () => args(aCountdown(), { maxUnits: 0 }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['maxUnits'] }),
  kase({ name: 'formatCountdown: largestUnit below smallestUnit', make: () => args(aCountdown(), { largestUnit: 'seconds', smallestUnit: 'hours' }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['largestUnit'], words: ['smallestUnit'] }),
  kase({
    name: 'formatCountdown: locale a 1 MB string',
    make: () => args(aCountdown(), { locale: MB }),
    call: call(formatCountdown),
    code: 'INVALID_INPUT',
    path: ['locale'],
    words: ['at most 100 characters'],
    quick: true,
    bug: 'the message quotes the whole locale: 1 MB long (messages elsewhere cut user text at 80 characters); and Intl takes ~40–60 ms to refuse it',
  }),
  kase({
    name: 'formatCountdown: unknown option "locales" (a typo)',
    make: () => args(aCountdown(), { locales: 'de' }),
    call: call(formatCountdown),
    code: 'INVALID_INPUT',
    path: ['locales'],
    words: ['unknown field'],
    bug: 'accepted: the typo is ignored and the text comes out in the default locale',
  }),
];

const icsCases: Case[] = [
  kase({ name: 'toICS: null', make: () => args(null), call: call(toICS), code: 'INVALID_INPUT', path: [], words: ['an ultimatum, an array of ultimatums or a tracker'] }),
  kase({ name: 'toICS: a number', make: () => args(42), call: call(toICS), code: 'INVALID_INPUT', path: [] }),
  kase({ name: 'toICS: a non-ultimatum in the list', make: () => args([base('a'), { title: 'x' }]), call: call(toICS), code: 'INVALID_INPUT', path: [1, 'schemaVersion'] }),
  kase({ name: 'toICS: a repeated id', make: () => args([base('a'), base('a')]), call: call(toICS), code: 'INVALID_INPUT', path: [1, 'id'], words: ['"a"'] }),
  kase({ name: 'toICS: dtstamp "yesterday"', make: () => args(base(), { dtstamp: 'yesterday' }), call: call(toICS), code: 'INVALID_DATE', path: ['dtstamp'], words: ['"yesterday"'] }),
  kase({ name: 'toICS: dtstamp a 1 MB string', make: () => args(base(), { dtstamp: MB_DIGITS }), call: call(toICS), code: 'INVALID_DATE', path: ['dtstamp'], quick: true }),
  kase({ name: 'toICS: dtstamp in year 10000 (UTC)', make: () => args(base(), { dtstamp: '9999-12-31T23:00-05:00' }), call: call(toICS), code: 'OUT_OF_RANGE', path: ['dtstamp'], words: ['9999'] }),
  kase({ name: 'toICS: dtstamp NaN', make: () => args(base(), { dtstamp: Number.NaN }), call: call(toICS), code: 'INVALID_DATE', path: ['dtstamp'], words: ['finite'] }),
  kase({ name: 'toICS: unknown option "dtstam"', make: () => args(base(), { dtstam: '2025-08-01' }), call: call(toICS), code: 'INVALID_INPUT', path: ['dtstam'], words: ['unknown field'] }),
  kase({ name: 'toICS: options a string', make: () => args(base(), 'Deadlines'), call: call(toICS), code: 'INVALID_INPUT', path: [], words: ['options object'] }),
  kase({ name: 'toICS: milestones.at', make: () => args(base(), { milestones: { at: '2025-08-01' } }), call: call(toICS), code: 'INVALID_INPUT', path: ['milestones', 'at'] }),
  kase({ name: 'toICS: milestone fraction 2', make: () => args(base(), { milestones: { fractions: [0.5, 2] } }), call: call(toICS), code: 'INVALID_INPUT', path: ['milestones', 'fractions', 1] }),
  kase({ name: 'toICS: alarms "no"', make: () => args(base(), { alarms: 'no' }), call: call(toICS), code: 'INVALID_INPUT', path: ['alarms'], words: ['true or false'] }),
  kase({ name: 'toICS: at a 1 MB string', make: () => args(base(), { at: MB_DIGITS }), call: call(toICS), code: 'INVALID_DATE', path: ['at'], quick: true }),
];

const allCases: Case[] = [
  ...parseDurationCases,
  ...calendarCases,
  ...businessDayCases,
  ...milestoneCases,
  ...trackerCases,
  ...queryCases,
  ...watchCases,
  ...formatCases,
  ...icsCases,
];

// ---------------------------------------------------------------------------------------------
// Checks

/** `events[2].at`, as the library writes a path in its messages. */
function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

/**
 * A deep copy for comparing before and after: plain objects and arrays copied, functions kept by
 * reference (structuredClone refuses them), Dates by their time.
 */
function copy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date) return { date: value.getTime() };
  const out: Record<string | symbol, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  seen.set(value, out);
  for (const key of Reflect.ownKeys(value)) {
    (out as Record<string | symbol, unknown>)[key] = copy((value as Record<string | symbol, unknown>)[key], seen);
  }
  return out;
}


guardObjectPrototype();

describe('bad input to the other entry points is refused with an UltimatumError', () => {
  it('has at least 60 cases, through every entry point listed', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
    const names = new Set(allCases.map((c) => c.name.split(':')[0]));
    for (const entry of [
      'parseDuration',
      'createCalendar',
      'addBusinessDays',
      'businessDaysBetween',
      'isBusinessDay',
      'nextBusinessDay',
      'previousBusinessDay',
      'milestones',
      'createTracker',
      'tracker.add',
      'parseTracker',
      'tracker.upcoming',
      'tracker.overdue',
      'watch',
      'watchTracker',
      'formatCountdown',
      'toICS',
    ]) {
      expect(names, entry).toContain(entry);
    }
  });

  it.each(allCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const subject = c.make();
    const view = c.view ?? ((s: unknown) => copy(s));
    const before = view(subject);

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
    const paths = [c.path, ...(c.orPaths ?? [])];
    expect(paths).toContainEqual(e.issues[0]?.path);
    for (const path of c.alsoPaths ?? []) expect(e.issues.map((i) => i.path)).toContainEqual(path);
    expect(e.message).toContain(`${formatPath(e.issues[0]?.path ?? [])}: `);
    for (const word of c.words ?? []) expect(e.message).toContain(word);
    for (const word of c.notWords ?? []) expect(e.message).not.toContain(word);
    expect(e.message.length, 'a message of reasonable length').toBeLessThan(1_000);

    expect(view(subject), 'input unchanged').toEqual(before);
    expectPrototypesClean();
  });
});
