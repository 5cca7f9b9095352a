import { UltimatumError } from '../errors/UltimatumError.js';
import { UltimatumSchema } from '../model/schemas.js';
import type { Ultimatum } from '../model/types.js';
import { parseWith } from '../model/zodIssues.js';
import { type Compiled, compile } from './compile.js';

const cache = new WeakMap<object, Compiled>();

/**
 * Remembers the compiled form of an ultimatum this library created.
 *
 * @example
 * remember(u, compiled); compiledOf(u) === compiled //=> true
 */
export function remember(u: Ultimatum, compiled: Compiled): void {
  cache.set(u, compiled);
}

/**
 * The compiled form of an ultimatum, resolved once per object. A document that did not come
 * from `createUltimatum`/`parseUltimatum` (e.g. `JSON.parse` output) is checked and compiled on
 * every call, since it may change between calls: pass it through `parseUltimatum` once instead.
 *
 * @example
 * compiledOf(u).issuedMs //=> 1752508800000
 */
export function compiledOf(u: Ultimatum): Compiled {
  const hit = typeof u === 'object' && u !== null ? cache.get(u) : undefined;
  if (hit !== undefined) return hit;
  const shape = parseWith(UltimatumSchema, u);
  if (!shape.success) throw new UltimatumError(shape.issues);
  const { compiled, issues } = compile(shape.data);
  if (compiled === undefined) throw new UltimatumError(issues.items);
  // Only a frozen document cannot change under the cache; a plain one is compiled on every call.
  if (Object.isFrozen(u)) cache.set(u, compiled);
  return compiled;
}
