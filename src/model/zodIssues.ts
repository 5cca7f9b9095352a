import type { z } from 'zod';
import type { UltimatumErrorCode, UltimatumIssue } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  tuple: 'an array of two instants',
  int: 'a whole number',
};

/** Messages zod writes itself; anything else was written by our schemas and is kept. */
const ZOD_DEFAULT = /^(Too (big|small)|Invalid|Unrecognized|Expected)/;
/** Keys that only durations have: their problems are duration problems. */
const DURATION_KEYS: ReadonlySet<string> = new Set([
  'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds', 'businessDays',
]);

type ZodIssue = z.core.$ZodIssue;
type Key = string | number;

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

/**
 * Turns zod's issues into this library's: one issue per unknown key, plain-words messages,
 * the path kept as zod gives it (below `base`).
 *
 * @example
 * fromZodIssues(UltimatumInputSchema.safeParse({}).error!.issues)[0]
 * //=> { code: 'INVALID_INPUT', path: ['title'], message: 'is required' }
 */
export function fromZodIssues(issues: readonly ZodIssue[], base: readonly Key[] = []): UltimatumIssue[] {
  const out: UltimatumIssue[] = [];
  const add = (code: UltimatumErrorCode, path: readonly Key[], message: string) => {
    const last = path[path.length - 1];
    const actual = code === 'INVALID_INPUT' && typeof last === 'string' && DURATION_KEYS.has(last) ? 'INVALID_DURATION' : code;
    out.push({ code: actual, path: [...base, ...path], message });
  };
  for (const issue of issues) {
    const path = toKeys(issue.path);
    if (issue.code !== 'custom' && issue.code !== 'unrecognized_keys' && issue.code !== 'invalid_union' && !ZOD_DEFAULT.test(issue.message)) {
      add('INVALID_INPUT', path, issue.message);
      continue;
    }
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) add('INVALID_INPUT', [...path, key], messages.unknownKey(key));
        break;
      case 'invalid_type':
        add(
          'INVALID_INPUT',
          path,
          issue.input === undefined
            ? messages.required()
            : typeof issue.input === 'number' && issue.expected === 'number'
              ? messages.finiteNumber()
              : messages.expectedType(TYPE_NAMES[issue.expected] ?? issue.expected),
        );
        break;
      case 'invalid_union':
        if (issue.discriminator !== undefined) {
          // zod already ends the path with the discriminator; older versions did not.
          const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
          add('INVALID_INPUT', at, messages.oneOf(('options' in issue ? (issue.options ?? []) : []).map(String)));
        } else {
          const best = closest(issue.errors);
          out.push(...fromZodIssues(best, [...base, ...path]));
          if (best.length === 0) add('INVALID_INPUT', path, issue.message);
        }
        break;
      case 'too_big':
        add(
          'INVALID_INPUT',
          path,
          issue.origin === 'string'
            ? messages.tooLong(Number(issue.maximum))
            : issue.origin === 'array'
              ? messages.tooManyItems(issue.maximum)
              : messages.tooBig(issue.maximum, issue.inclusive),
        );
        break;
      case 'too_small':
        add(
          'INVALID_INPUT',
          path,
          issue.origin === 'string'
            ? Number(issue.minimum) === 1
              ? messages.emptyArray()
              : messages.tooShort(Number(issue.minimum))
            : issue.origin === 'array'
              ? Number(issue.minimum) === 1
                ? messages.emptyArray()
                : messages.tooFewItems(issue.minimum)
              : messages.tooSmall(issue.minimum, issue.inclusive),
        );
        break;
      case 'invalid_value':
        add('INVALID_INPUT', path, messages.oneOf(issue.values.map(String)));
        break;
      default:
        add('INVALID_INPUT', path, issue.message);
    }
  }
  return out;
}

/**
 * Parses with zod, reporting the input in each issue (so "is required" is told apart from
 * "must be a string"), and returns the data or this library's issues.
 *
 * @example
 * const r = parseWith(UltimatumSchema, json);
 * if (!r.success) throw new UltimatumError(r.issues);
 */
export function parseWith<T>(
  schema: z.ZodType<T>,
  value: unknown,
  base: readonly Key[] = [],
): { success: true; data: T } | { success: false; issues: UltimatumIssue[] } {
  // Reporting the input costs a third of a parse: only a refused value is parsed again with it.
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: result.data };
  const reported = schema.safeParse(value, { reportInput: true });
  return { success: false, issues: fromZodIssues(reported.success ? result.error.issues : reported.error.issues, base) };
}
