import { UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { SCHEMA_VERSION, UltimatumInputSchema, UltimatumSchema } from '../model/schemas.js';
import type { Ultimatum, UltimatumInput } from '../model/types.js';
import { parseWith } from '../model/zodIssues.js';
import { IssueList } from '../rules/issues.js';
import { normaliseInput } from '../rules/normaliseInput.js';
import { compile } from './compile.js';
import { remember } from './compiled.js';

/**
 * The result of `safeCreateUltimatum` / `safeParseUltimatum`, as zod's `safeParse` gives it.
 *
 * @example
 * const r: SafeResult<Ultimatum> = safeCreateUltimatum(input);
 * if (r.success) r.data.id; else r.error.issues;
 */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: UltimatumError };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function build(input: unknown): SafeResult<Ultimatum> {
  const shape = parseWith(UltimatumInputSchema, input);
  if (!shape.success) return { success: false, error: new UltimatumError(shape.issues) };
  const issues = new IssueList();
  const doc = normaliseInput(shape.data, issues);
  if (doc === undefined || issues.length > 0) return { success: false, error: new UltimatumError(issues.items) };
  const { compiled, issues: historyIssues } = compile(doc);
  if (compiled === undefined) return { success: false, error: new UltimatumError(historyIssues.items) };
  const u = deepFreeze(doc) as Ultimatum;
  remember(u, compiled);
  return { success: true, data: u };
}

/**
 * Creates an ultimatum: validates the input, reads every instant in its zone, resolves the
 * deadline and checks the history as a whole. Returns a frozen plain object.
 *
 * @example
 * const u = createUltimatum({
 *   title: '50-day ultimatum', issuer: 'United States', addressee: 'Russia',
 *   demands: ['Agree a ceasefire'], issuedAt: '2025-07-14T12:00', zone: 'America/New_York',
 *   deadline: { after: { days: 50 } },
 * });
 * deadlineOf(u, '2025-07-20')?.toISO() //=> '2025-09-02T12:00:00.000-04:00'
 * @throws {UltimatumError} with every problem and its path.
 */
export function createUltimatum(input: UltimatumInput): Ultimatum {
  const result = build(input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like `createUltimatum`, but returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * const r = safeCreateUltimatum({ ...input, zone: 'Mars/Base' });
 * r.success //=> false
 * r.success || r.error.code //=> 'INVALID_ZONE'
 */
export function safeCreateUltimatum(input: unknown): SafeResult<Ultimatum> {
  return build(input);
}

/**
 * Like `parseUltimatum`, but returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * safeParseUltimatum(JSON.parse(stored)).success //=> true
 */
export function safeParseUltimatum(json: unknown): SafeResult<Ultimatum> {
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== SCHEMA_VERSION) {
    const issue = { code: 'INVALID_INPUT' as const, path: ['schemaVersion'], message: messages.schemaVersion(SCHEMA_VERSION) };
    return { success: false, error: new UltimatumError([issue]) };
  }
  // A stored document holds strings and numbers only: check that shape before reading it.
  const stored = parseWith(UltimatumSchema, json);
  if (!stored.success) return { success: false, error: new UltimatumError(stored.issues) };
  return build(json);
}

/**
 * Reads a stored ultimatum (for example `JSON.parse` of what `JSON.stringify` wrote) with the
 * same checks as `createUltimatum`; the document must carry `schemaVersion: 1`.
 *
 * @example
 * const again = parseUltimatum(JSON.parse(JSON.stringify(u)));
 * // again deep-equals u
 * @throws {UltimatumError}
 */
export function parseUltimatum(json: unknown): Ultimatum {
  const result = safeParseUltimatum(json);
  if (!result.success) throw result.error;
  return result.data;
}
