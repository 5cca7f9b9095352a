/**
 * What the tables of bad input (tests/badInput.test.ts, SPEC §5) are made of: valid inputs to
 * break one field of, the calls that pass a case's subject to the library, the two kinds of case,
 * and what the checks compare. The tables themselves are in this folder, one module for each kind
 * of input refused.
 *
 * Two kinds of case, checked by two harnesses in tests/badInput.test.ts:
 * - `Case`: an ultimatum's input, stored document, amendment or `at` (createUltimatum,
 *   safeCreateUltimatum, parseUltimatum, the amendments, status, deadlineOf, countdown). The
 *   subject is plain data, compared before and after with structuredClone (or as JSON when it holds
 *   luxon objects, which structuredClone cannot copy); the first issue is at exactly `path`; `was`
 *   records what an earlier version did instead (bugs these cases found and now guard against).
 * - `CallCase`: the other entry points (parseDuration, the business-day functions, milestones,
 *   trackers, watch / watchTracker, formatCountdown and toICS). The subject is mostly an argument
 *   list, which may hold functions (a clock) or a tracker: compared with `view`, or a deep copy that
 *   keeps functions by reference; `orPaths` are other paths that would be as right; `bug` records
 *   what the library did instead when the case was written (for an argument, the path is its name:
 *   `['date']`, `['n']`, `['calendar', …]`; for an option, the option's name).
 *
 * Every case's expectation is the correct behaviour.
 */
import { expect } from 'vitest';
import {
  type BusinessCalendar,
  countdown,
  createCalendar,
  createTracker,
  createUltimatum,
  type EventInput,
  isUltimatumError,
  parseUltimatum,
  safeCreateUltimatum,
  type Tracker,
  type Ultimatum,
  type UltimatumErrorCode,
  type UltimatumInput,
} from '../../src/index.js';

export type Path = ReadonlyArray<string | number>;
export type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Inputs

/** A fresh, valid input: the founding case (14 July 2025, 50 days, secondary tariffs), with `id` if given. */
export function valid(id?: string): UltimatumInput {
  return {
    ...(id === undefined ? {} : { id }),
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
export function validWith(fields: Json): Json {
  const out: Json = { ...valid(), ...fields };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete out[key];
  return out;
}

/** A fresh ultimatum made from `valid(id)`; its deadline is 2025-09-02T12:00 in New York. */
export function base(id?: string): Ultimatum {
  return createUltimatum(valid(id));
}

/** What `JSON.stringify` wrote for `base(id)`, read back as plain data. */
export function stored(id?: string): Json {
  return JSON.parse(JSON.stringify(base(id))) as Json;
}

/** A stored tracker document of two ultimatums, "a" and "b". */
export function trackerDoc(): { schemaVersion: number; kind: string; ultimatums: Json[] } {
  return { schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [stored('a'), stored('b')] };
}

/** `obj` as `JSON.parse` would give it with a leading `"__proto__"` key (an own property). */
export function withProto(obj: object): Json {
  return JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(obj).slice(1)}`) as Json;
}

export const MB = 'x'.repeat(1 << 20);
export const MB_DIGITS = '2'.repeat(1 << 20);
export const calendar = (): BusinessCalendar => createCalendar({ holidays: ['2025-12-25', '2026-01-01'] });

/** A clock that never fires: a watch started by a case (one that should have thrown) does nothing. */
export const stillClock = () => ({ now: () => Date.UTC(2025, 7, 1), setTimeout: () => 0, clearTimeout: () => {} });

/** A countdown of 32 days 12 hours (the founding case on 1 August 2025). */
export const aCountdown = () => countdown(base(), '2025-08-01');

// ---------------------------------------------------------------------------------------------
// Calls (typed loosely on purpose: the point is what the library does with the subjects)

export const create = (input: unknown) => createUltimatum(input as UltimatumInput);
export const parse = (json: unknown) => parseUltimatum(json);

/** `safeCreateUltimatum`, which must return `{ success: false, error }`: its error is rethrown here. */
export function safe(input: unknown): Ultimatum {
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

export const event = (e: unknown) => e as EventInput;
/** A shorthand's fields, typed loosely on purpose. */
export const fields = <T>(f: unknown) => f as T;

/** Subject of an amend/status case: an ultimatum and the bad value passed with it. */
export interface WithU<T> {
  readonly u: Ultimatum;
  readonly arg: T;
}
export const withU = <T>(arg: T, u: Ultimatum = base()): WithU<T> => ({ u, arg });

/** An argument list: the library is called with `...args`. */
export type Args = unknown[];
export const args = (...a: unknown[]): Args => a;
const loose = <F>(f: F) => f as unknown as (...a: unknown[]) => unknown;

/** A case whose subject is an argument list. */
export const call =
  <F>(f: F) =>
  (a: unknown) =>
    loose(f)(...(a as Args));

export interface WithTracker {
  readonly tracker: Tracker;
  readonly arg: unknown;
}
export const withTracker = (arg: unknown): WithTracker => ({ tracker: createTracker([base('a'), base('b')]), arg });
/** A tracker cannot be cloned: compare what it stores, and the argument. */
export const trackerView = (s: unknown) => {
  const { tracker, arg } = s as WithTracker;
  return JSON.stringify({ tracker: tracker.toJSON(), arg });
};

// ---------------------------------------------------------------------------------------------
// The two kinds of case

/** What every case of bad input says: what to refuse, how, and what the message must say. */
export interface Refusal<T = unknown> {
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
  /** Must answer in under 100 ms (robustness against huge inputs, not a benchmark). */
  readonly quick?: boolean;
}

export interface Case<T = unknown> extends Refusal<T> {
  /** `json` when the subject holds luxon objects (structuredClone cannot copy them). */
  readonly compare?: 'clone' | 'json';
  /** What the library did instead when this suite was written. */
  readonly was?: string;
}

export const kase = <T>(c: Case<T>): Case => c as unknown as Case;

export interface CallCase<T = unknown> extends Refusal<T> {
  /** Other paths that would be as right as `path`. */
  readonly orPaths?: readonly Path[];
  /** What to compare before and after the call (default: a deep copy of the subject). */
  readonly view?: (subject: T) => unknown;
  /** What the library does instead (a bug this case found; the case fails until it is fixed). */
  readonly bug?: string;
}

export const callCase = <T>(c: CallCase<T>): CallCase => c as unknown as CallCase;

// ---------------------------------------------------------------------------------------------
// What the checks compare

/** `events[2].at`, as the library writes a path in its messages. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

/** The subject of a `Case`, copied to compare before and after. */
export function snapshot(subject: unknown, how: 'clone' | 'json'): unknown {
  return how === 'json' ? JSON.stringify(subject) : structuredClone(subject);
}

/**
 * A deep copy for comparing before and after: plain objects and arrays copied, functions kept by
 * reference (structuredClone refuses them), Dates by their time.
 */
export function copy(value: unknown, seen = new Map<object, unknown>()): unknown {
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
