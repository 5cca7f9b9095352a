import * as messages from './messages.js';
import type { IssueReason, Problem } from './messages.js';

export type { IssueReason } from './messages.js';

/**
 * Stable error codes. Match on these, not on messages.
 *
 * @example
 * if (isUltimatumError(e) && e.code === 'INVALID_ZONE') askForAnotherZone();
 */
export type UltimatumErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_DATE'
  | 'INVALID_DURATION'
  | 'INVALID_ZONE'
  | 'INVALID_EVENT'
  | 'OUT_OF_RANGE'
  | 'UNSUPPORTED';

/**
 * One problem found in an input: where (`path`, as in zod), what kind (`code`), why (`reason`
 * and its `params`, stable data) and the words for it (`message`).
 *
 * @example
 * const issue: UltimatumIssue = {
 *   code: 'INVALID_ZONE', path: ['zone'], reason: 'unknown_zone', params: { zone: 'Mars/Base' },
 *   message: '"Mars/Base" is not a known IANA time zone',
 * };
 */
export interface UltimatumIssue {
  readonly code: UltimatumErrorCode;
  /** JSON path of the offending field, e.g. `['events', 2, 'at']`. */
  readonly path: ReadonlyArray<string | number>;
  /** Why, in a word: stable, snake_case; every reason is listed in the README. */
  readonly reason: IssueReason;
  /** The facts the message is made of (the zone named, the previous event, …). */
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** Most issues one error lists; the rest are counted in a last `more_issues` issue. */
export const MAX_ISSUES = 100;

/**
 * One issue: a problem placed at a path.
 *
 * @example
 * issueAt('INVALID_ZONE', ['zone'], messages.unknownZone('Mars/Base')).reason //=> 'unknown_zone'
 */
export function issueAt(code: UltimatumErrorCode, path: ReadonlyArray<string | number>, p: Problem): UltimatumIssue {
  return { code, path, reason: p.reason, params: p.params, message: p.message };
}

/** At most MAX_ISSUES issues: a refused input of a million bad items costs a hundred, not a million. */
function capped(issues: readonly UltimatumIssue[]): readonly UltimatumIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const more = issues.length - (MAX_ISSUES - 1);
  return [...issues.slice(0, MAX_ISSUES - 1), issueAt(issues[MAX_ISSUES - 1]?.code ?? 'INVALID_INPUT', [], messages.moreIssues(more))];
}

/** Cross-realm brand: `Symbol.for` keys are shared by every realm of the agent. */
const BRAND = /* @__PURE__ */ (() => Symbol.for('ultimatum.UltimatumError'))();

/**
 * Formats a JSON path the way users write it: `events[2].at`.
 *
 * @example
 * formatPath(['events', 2, 'at']) //=> 'events[2].at'
 */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * The one error this library throws: a stable `code`, and every problem as data in `issues`.
 *
 * @example
 * try { createUltimatum(input) } catch (e) {
 *   if (isUltimatumError(e)) console.log(e.code, e.issues[0]?.path);
 *   //=> 'INVALID_ZONE' ['zone']
 * }
 */
export class UltimatumError extends Error {
  /** The code of the first issue; stable across versions. */
  readonly code: UltimatumErrorCode;
  /** Every problem found, each with its JSON path. */
  readonly issues: readonly UltimatumIssue[];

  constructor(issues: readonly UltimatumIssue[]) {
    const first = issues[0] ?? issueAt('INVALID_INPUT', [], messages.invalid());
    super(messages.summary(issues.length, `${formatPath(first.path)}: ${first.message}`));
    this.name = 'UltimatumError';
    this.code = first.code;
    this.issues = Object.freeze(
      capped(issues).map((i) =>
        Object.freeze({ ...i, path: Object.freeze([...i.path]), params: Object.freeze({ ...(i.params ?? {}) }) }),
      ),
    );
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True for an `UltimatumError`, also one thrown in another realm (iframe, vm context) or by
 * another copy of the library.
 *
 * @example
 * isUltimatumError(new UltimatumError([{ code: 'INVALID_INPUT', path: ['title'], message: 'is required' }])) //=> true
 * isUltimatumError(new TypeError('x')) //=> false
 */
export function isUltimatumError(value: unknown): value is UltimatumError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}

/**
 * Throws one `UltimatumError` for a single problem.
 *
 * @example
 * fail('INVALID_INPUT', ['style'], messages.oneOf(['long', 'short'])) // throws
 */
export function fail(code: UltimatumErrorCode, path: ReadonlyArray<string | number>, p: Problem): never {
  throw new UltimatumError([issueAt(code, path, p)]);
}
