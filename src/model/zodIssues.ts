import type * as z from 'zod/mini';
import { issueAt, type UltimatumErrorCode, type UltimatumIssue } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { foreignObjects, LIST_MAX } from './ownData.js';
import { SPEC_KEYS } from './units.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  tuple: 'an array of two instants',
};

/** Keys that only durations have: their problems are duration problems. */
const DURATION_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(SPEC_KEYS);

type ZodIssue = z.core.$ZodIssue;
type Key = string | number;

/**
 * The params of a zod check that refuses with one of this library's problems: the problem rides
 * in the issue's params, so its reason is data from the start, never read back from a message.
 *
 * @example
 * z.number().refine((n) => n >= 0, because(messages.finiteNonNegative()))
 */
export function because(
  p: Problem,
  code: UltimatumErrorCode = 'INVALID_INPUT',
): { error: string; params: { problem: Problem; code: UltimatumErrorCode } } {
  return { error: p.message, params: { problem: p, code } };
}

function toKeys(path: readonly PropertyKey[]): Key[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

/** How deep into the input an alternative of a union got before it failed. */
function depth(issues: readonly ZodIssue[]): number {
  let deepest = 0;
  for (const issue of issues) deepest = Math.max(deepest, issue.path.length);
  return deepest;
}

/**
 * The alternative of a union the caller meant: the one that got deepest into the input (a window
 * with a bad `latest` is a window), then the one with fewer problems, then the first listed.
 */
function closest(alternatives: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] {
  let best: readonly ZodIssue[] = [];
  let bestDepth = -1;
  for (const issues of alternatives) {
    const d = depth(issues);
    if (d > bestDepth || (d === bestDepth && issues.length < best.length)) {
      best = issues;
      bestDepth = d;
    }
  }
  return best;
}

const num = (n: number | bigint) => Number(n);

/** The keys a document's shapes forbid where another key is used (`z.never()`), and why. */
function absentKey(key: PropertyKey | undefined): Problem {
  if (key === 'from' || key === 'endOfDay' || key === 'rollover') return messages.onlyWithAfter(key);
  if (key === 'by' || key === 'to') return messages.exactlyOneOfByTo();
  return messages.exactlyOneRule();
}

/** The problem a zod issue reports, by its code (zod's own English is never read). */
function problemOf(issue: ZodIssue): Problem {
  switch (issue.code) {
    case 'custom': {
      // A type check's own problem gives way to "is required" when there was no value at all.
      const own = issue.params?.problem as Problem | undefined;
      if (own !== undefined && own.reason !== 'wrong_type') return own;
      if (issue.input === undefined) return messages.required();
      return own ?? messages.custom(issue.message);
    }
    case 'invalid_type':
      if (issue.expected === 'never') return absentKey(issue.path[issue.path.length - 1]);
      if (issue.input === undefined) return messages.required();
      if (issue.expected === 'int') return messages.integer();
      if (typeof issue.input === 'number' && issue.expected === 'number') return messages.finiteNumber();
      return messages.expectedType(TYPE_NAMES[issue.expected] ?? issue.expected);
    case 'too_big':
      if (issue.origin === 'string') return messages.tooLong(num(issue.maximum));
      if (issue.origin === 'array') return messages.tooManyItems(num(issue.maximum));
      return messages.tooBig(num(issue.maximum), issue.inclusive ?? false);
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') {
        if (num(issue.minimum) === 1) return messages.emptyArray();
        return issue.origin === 'string' ? messages.tooShort(num(issue.minimum)) : messages.tooFewItems(num(issue.minimum));
      }
      return messages.tooSmall(num(issue.minimum), issue.inclusive ?? false);
    case 'invalid_value':
      return messages.oneOf(issue.values.map(String));
    default:
      return messages.invalid();
  }
}

/**
 * Turns zod's issues into this library's: one issue per unknown key, a reason for each, the
 * path kept as zod gives it (below `base`).
 *
 * @example
 * fromZodIssues(UltimatumInputSchema.safeParse({}).error!.issues)[0]
 * //=> { code: 'INVALID_INPUT', path: ['title'], reason: 'required', params: {}, message: 'is required' }
 */
export function fromZodIssues(issues: readonly ZodIssue[], base: readonly Key[] = []): UltimatumIssue[] {
  const out: UltimatumIssue[] = [];
  const add = (code: UltimatumErrorCode, path: readonly Key[], p: Problem) => {
    const last = path[path.length - 1];
    const actual = code === 'INVALID_INPUT' && typeof last === 'string' && DURATION_KEYS.has(last) ? 'INVALID_DURATION' : code;
    out.push(issueAt(actual, [...base, ...path], p));
  };
  for (const issue of issues) {
    const path = toKeys(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add('INVALID_INPUT', [...path, key], messages.unknownKey(key));
    } else if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      // zod already ends the path with the discriminator; older versions did not.
      const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
      add('INVALID_INPUT', at, messages.oneOf(('options' in issue ? (issue.options ?? []) : []).map(String)));
    } else if (issue.code === 'invalid_union') {
      const best = closest(issue.errors);
      out.push(...fromZodIssues(best, [...base, ...path]));
      if (best.length === 0) add('INVALID_INPUT', path, messages.invalid());
    } else {
      const p = problemOf(issue);
      add(p.reason === 'required' ? 'INVALID_INPUT' : codeOf(issue), path, p);
    }
  }
  return out;
}

/** The code a custom problem was raised with (durations and instants have their own). */
function codeOf(issue: ZodIssue): UltimatumErrorCode {
  return (issue.code === 'custom' ? (issue.params?.code as UltimatumErrorCode | undefined) : undefined) ?? 'INVALID_INPUT';
}

/** Where a path's keys stand in the input, level by level (a key the input lacks goes last). */
function rankOf(input: unknown, path: readonly Key[]): number[] {
  const rank: number[] = [];
  let at: unknown = input;
  for (const key of path) {
    if (typeof key === 'number') rank.push(key);
    else {
      const keys = typeof at === 'object' && at !== null ? Object.keys(at) : [];
      const i = keys.indexOf(key);
      rank.push(i < 0 ? keys.length : i);
    }
    at = typeof at === 'object' && at !== null ? (at as Record<Key, unknown>)[key] : undefined;
  }
  return rank;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/**
 * The issues in the order their fields appear in the input (as a reader of the document meets
 * them), not in the schema's order; issues at the same place keep theirs.
 *
 * @example
 * inDocumentOrder(issues, input).map((i) => i.path[0]) //=> ['issuedAt', 'zone', 'demands']
 */
export function inDocumentOrder<T extends { readonly path: readonly Key[] }>(issues: readonly T[], input: unknown, base: readonly Key[] = []): T[] {
  const ranked = issues.map((issue, i) => ({ issue, i, rank: rankOf(input, issue.path.slice(base.length)) }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank) || a.i - b.i);
  return ranked.map((r) => r.issue);
}

/**
 * Parses with zod, reporting the input in each issue (so "is required" is told apart from
 * "must be a string"), and returns the data or this library's issues, in document order. An
 * input holding objects that are not plain data (see `foreignObjects`) is refused before zod
 * reads it, unless `plain` is false (options that hold handlers or clocks).
 *
 * @example
 * const r = parseWith(UltimatumSchema, json);
 * if (!r.success) throw new UltimatumError(r.issues);
 */
export function parseWith<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  base: readonly Key[] = [],
  plain = true,
): { success: true; data: T } | { success: false; issues: UltimatumIssue[] } {
  if (plain) {
    const foreign = foreignObjects(value, LIST_MAX, base);
    if (foreign.length > 0) return { success: false, issues: foreign };
  }
  // Reporting the input costs a third of a parse: only a refused value is parsed again with it.
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  const reported = schema.safeParse(value, { reportInput: true });
  const issues = fromZodIssues(reported.success ? result.error.issues : reported.error.issues, base);
  return { success: false, issues: inDocumentOrder(issues, value, base) };
}
