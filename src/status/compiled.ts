import { issueAt, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { SCHEMA_VERSION, UltimatumInputSchema, UltimatumSchema } from '../model/schemas.js';
import { MISS, schemaReader } from '../model/schemaReader.js';
import { READING_INPUT, READING_STORED } from '../rules/readingSchemas.js';
import type { Ultimatum } from '../model/types.js';
import { foreignObjects } from '../model/ownData.js';
import { parseWith } from '../model/zodIssues.js';
import { IssueList } from '../rules/issues.js';
import { normaliseInput, type ReadInstants } from '../rules/normaliseInput.js';
import { type Compiled, compile } from './compile.js';

/**
 * The result of `safeCreateUltimatum` / `safeParseUltimatum`, as zod's `safeParse` gives it.
 *
 * @example
 * const r: SafeResult<Ultimatum> = safeCreateUltimatum(input);
 * if (r.success) r.data.id; else r.error.issues;
 */
export type SafeResult<T> = { success: true; data: T } | { success: false; error: UltimatumError };

/**
 * Where a document read here keeps its compiled form: a property of its own, not enumerable (no
 * spread, clone or JSON of the document carries it; a copy of its descriptors is caught by
 * `remembered`) and keyed by a symbol no one else holds. A
 * WeakMap entry cost more than the rest of the bookkeeping of a `createUltimatum` together
 * (ephemerons make every young collection slower, and a tracker holds a million of them).
 */
const COMPILED: unique symbol = Symbol('ultimatum.compiled');
/** Frozen documents that did not come from here (a caller's own frozen copy): remembered aside. */
const cache = new WeakMap<object, Compiled>();

function remembered(u: object): Compiled | undefined {
  try {
    // Its own (an object made with the document as its prototype inherits it, and a Proxy may
    // answer any property with itself), and made for this very object: a copy of every property
    // descriptor carries the symbol to an object that may differ from the one compiled.
    const own = Object.hasOwn(u, COMPILED) ? (u as { [COMPILED]?: Compiled })[COMPILED] : undefined;
    if (own?.doc === u) return own;
  } catch {
    // Only a Proxy runs code on this: one that throws is read like every document from elsewhere.
  }
  return cache.get(u);
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  // normaliseInput's own plain data: its keys are its own, no list of them is needed.
  else for (const key in value) deepFreeze(value[key]);
  return Object.freeze(value);
}

type Shaped = Parameters<typeof normaliseInput>[0];

/**
 * The shapes read without zod's machinery (see `schemaReader`): a document they vouch for, and
 * whose instants, durations and history then read without a problem, never meets zod's parse.
 * Anything else is read again the full way, which finds and reports every problem.
 */
let readInputShape: ((value: unknown) => unknown) | undefined;
let readStoredShape: ((value: unknown) => unknown) | undefined;

/** The fast reading of a shape zod would accept, or undefined when it must read the value itself. */
function fast(read: (value: unknown) => unknown, value: unknown): SafeResult<Ultimatum> | undefined {
  let shape: unknown;
  try {
    shape = read(value);
  } catch {
    // A getter that throws, met before the full reading's walk would have refused its object.
    return undefined;
  }
  if (shape === MISS) return undefined;
  const done = finish(shape as Shaped);
  return done.success ? done : undefined;
}

/** Normalises a shape-checked input, checks its history, freezes it and remembers its compiled form. */
function finish(input: Shaped): SafeResult<Ultimatum> {
  const issues = new IssueList();
  const read: ReadInstants = { issuedMs: Number.NaN, eventMs: [] };
  const doc = normaliseInput(input, issues, read);
  if (doc === undefined || issues.length > 0) return { success: false, error: new UltimatumError(issues.items) };
  const { compiled, issues: historyIssues } = compile(doc, read);
  if (compiled === undefined) return { success: false, error: new UltimatumError(historyIssues.items) };
  Object.defineProperty(doc, COMPILED, { value: compiled });
  const u = deepFreeze(doc) as Ultimatum;
  return { success: true, data: u };
}

/**
 * Reads an input as `createUltimatum` does: shape, then every instant, duration and the history.
 *
 * @example
 * readInput(input).success //=> true
 */
export function readInput(input: unknown): SafeResult<Ultimatum> {
  readInputShape ??= schemaReader(UltimatumInputSchema);
  const quick = fast(readInputShape, input);
  if (quick !== undefined) return quick;
  const shape = parseWith(READING_INPUT, input);
  if (!shape.success) return { success: false, error: new UltimatumError(shape.issues) };
  return finish(shape.data);
}

/**
 * Reads a stored document as `parseUltimatum` does: its version, the stored shape (which every
 * input shape also passes), then the same reading as an input. The one path for stored documents,
 * also for plain ones handed to `status()` and the rest.
 *
 * @example
 * readStored(JSON.parse(JSON.stringify(u))).success //=> true
 */
export function readStored(json: unknown): SafeResult<Ultimatum> {
  readStoredShape ??= schemaReader(UltimatumSchema);
  const quick = fast(readStoredShape, json);
  if (quick !== undefined) return quick;
  // Not even the version is read from an object that is not plain data.
  const foreign = foreignObjects(json);
  if (foreign.length > 0) return { success: false, error: new UltimatumError(foreign) };
  const version = typeof json === 'object' && json !== null ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version !== SCHEMA_VERSION) {
    const issue = issueAt('INVALID_INPUT', ['schemaVersion'], messages.schemaVersion(SCHEMA_VERSION));
    return { success: false, error: new UltimatumError([issue]) };
  }
  // A stored document holds strings and numbers only: check that shape before reading it.
  const stored = parseWith(READING_STORED, json);
  if (!stored.success) return { success: false, error: new UltimatumError(stored.issues) };
  return finish(stored.data as Parameters<typeof normaliseInput>[0]);
}

/**
 * The compiled form of an ultimatum, resolved once per object. A document that did not come
 * from `createUltimatum`/`parseUltimatum` (e.g. `JSON.parse` output) is read as `parseUltimatum`
 * reads it — same checks, same errors — on every call, since it may change between calls: pass
 * it through `parseUltimatum` once instead.
 *
 * @example
 * compiledOf(u).issuedMs //=> 1752508800000
 */
export function compiledOf(u: Ultimatum): Compiled {
  const hit = typeof u === 'object' && u !== null ? remembered(u) : undefined;
  if (hit !== undefined) return hit;
  if (typeof u !== 'object' || u === null || Array.isArray(u)) {
    // Not a document at all: say what was expected ("an object"), not which version.
    const shape = parseWith(UltimatumSchema, u);
    if (!shape.success) throw new UltimatumError(shape.issues);
  }
  const read = readStored(u);
  if (!read.success) throw read.error;
  const compiled = remembered(read.data) as Compiled;
  // Only a frozen document cannot change under the cache; a plain one is read on every call.
  if (Object.isFrozen(u)) cache.set(u, compiled);
  return compiled;
}
