import { readInput, readStored, type SafeResult } from './compiled.js';
import type { Ultimatum, UltimatumInput } from '../model/types.js';

export type { SafeResult } from './compiled.js';

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
  const result = readInput(input);
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
  return readInput(input);
}

/**
 * Like `parseUltimatum`, but returns `{ success, data | error }` instead of throwing.
 *
 * @example
 * safeParseUltimatum(JSON.parse(stored)).success //=> true
 */
export function safeParseUltimatum(json: unknown): SafeResult<Ultimatum> {
  return readStored(json);
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
