import type { DateTime } from 'luxon';
import * as z from 'zod/mini';
import { fail, UltimatumError, isUltimatumError } from '../errors/UltimatumError.js';
import { isPlainObject } from '../model/plainObject.js';
import * as messages from '../errors/messages.js';
import type { DateInput, DurationInput, Ultimatum } from '../model/types.js';
import { because, parseWith } from '../model/zodIssues.js';
import type { Compiled } from '../status/compile.js';
import { compiledOf, readStored, type SafeResult } from '../status/compiled.js';
import type { Phase, Status } from '../status/status.js';
import { TrackerBuilder } from './trackerBuilder.js';
import { TrackerImpl } from './trackerImpl.js';

/**
 * One ultimatum of a tracker with its status at the instant asked.
 *
 * @example
 * tracker.upcoming({ within: { days: 1 } })[0]?.status.deadline
 */
export interface TrackedStatus {
  readonly ultimatum: Ultimatum;
  readonly status: Status;
}

/**
 * The next instant at which anything in a tracker changes, and which ultimatums change then.
 *
 * @example
 * const next = tracker.nextChange(); if (next) queue.schedule(next.atMs, next.ids);
 */
export interface NextChange {
  readonly at: DateTime;
  readonly atMs: number;
  readonly ids: readonly string[];
}

/**
 * The stored form of a tracker: a versioned list of stored ultimatums.
 *
 * @example
 * const doc: TrackerDocument = tracker.toJSON(); JSON.stringify(doc);
 */
export interface TrackerDocument {
  readonly schemaVersion: 1;
  readonly kind: 'ultimatum-tracker';
  readonly ultimatums: readonly Ultimatum[];
}

/**
 * Many ultimatums, indexed by deadline and by change instant so that the questions a dashboard
 * or a job queue asks — what is due soon, what is overdue, when must I wake up next — stay fast
 * with a million of them; `add`, `remove` and `replace` update the indexes in place.
 *
 * An `at` written without an offset (`'2025-08-12T02:00'`, `'2025-08-12'`) is read in each
 * ultimatum's own zone, as `status(u, at)` reads it; `within` is added in that zone too.
 *
 * @example
 * const tracker = createTracker([a, b]);
 * tracker.overdue('2025-08-10').map((t) => t.ultimatum.id);
 */
export interface Tracker {
  /** Adds an ultimatum; refuses a duplicate id. Returns the tracker. */
  add(u: Ultimatum): Tracker;
  /** Removes by id; true when there was one. */
  remove(id: string): boolean;
  /**
   * Puts an amended ultimatum in the place of the one with its id (it keeps its place in `list()`);
   * refuses an id the tracker does not hold. Returns the tracker.
   */
  replace(u: Ultimatum): Tracker;
  get(id: string): Ultimatum | undefined;
  /** Every ultimatum, in the order added. */
  list(): Ultimatum[];
  readonly size: number;
  /** Every ultimatum with its status at `at`, in the order added. */
  statusAll(at?: DateInput): TrackedStatus[];
  /** Open deadlines falling within `within` of `at` (`at <= deadline < at + within`), soonest first. */
  upcoming(opts: { within: DurationInput; at?: DateInput }): TrackedStatus[];
  /** Open ultimatums past their deadline at `at`, the longest overdue first. */
  overdue(at?: DateInput): TrackedStatus[];
  byPhase(at?: DateInput): Record<Phase, Ultimatum[]>;
  /** The next instant after `at` at which a phase, window, consequence or milestone changes. */
  nextChange(at?: DateInput): NextChange | null;
  toJSON(): TrackerDocument;
}

/** The shape of a stored tracker; each ultimatum is then read as `parseUltimatum` reads it. */
const TrackerDocumentSchema = /* @__PURE__ */ (() => z.strictObject({
  schemaVersion: z.custom<1>((v) => v === 1, because(messages.trackerDocument())),
  kind: z.custom<'ultimatum-tracker'>((v) => v === 'ultimatum-tracker', because(messages.trackerDocument())),
  ultimatums: z.array(z.unknown()),
}))();
/** Rethrows an UltimatumError with its paths put under `prefix`; anything else unchanged. */
function under(prefix: (string | number)[], e: unknown): never {
  if (isUltimatumError(e)) throw new UltimatumError(e.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
  throw e;
}

/**
 * Creates a tracker of ultimatums (ids must be unique), its indexes built at once.
 *
 * @example
 * const tracker = createTracker([russia, brexit]);
 * tracker.nextChange('2025-07-20')?.ids //=> ['russia-50-day-2025']
 * @throws {UltimatumError} `INVALID_INPUT` at `[i].id` for a repeated id.
 */
export function createTracker(ultimatums: Iterable<Ultimatum> = []): Tracker {
  if (ultimatums === null || typeof (ultimatums as Partial<Iterable<Ultimatum>>)[Symbol.iterator] !== 'function') {
    throw new UltimatumError([{ code: 'INVALID_INPUT', path: [], ...messages.expectedType('an array (or iterable) of ultimatums') }]);
  }
  const builder = new TrackerBuilder(Array.isArray(ultimatums) ? ultimatums.length : 0);
  let i = 0;
  for (const u of ultimatums) {
    let compiled: Compiled;
    try {
      compiled = compiledOf(u);
    } catch (e) {
      under([i], e);
    }
    builder.add(u, compiled);
    i++;
  }
  return new TrackerImpl(builder.finish());
}

/**
 * Reads a stored tracker document (what `JSON.stringify(tracker)` wrote), checking every ultimatum
 * as `parseUltimatum` does.
 *
 * @example
 * const again = parseTracker(JSON.parse(JSON.stringify(tracker)));
 * again.size === tracker.size //=> true
 * @throws {UltimatumError} with paths like `ultimatums[3].deadline.after.days`.
 */
export function parseTracker(json: unknown): Tracker {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('INVALID_INPUT', [], messages.trackerDocument());
  if (!isPlainObject(json)) fail('INVALID_INPUT', [], messages.notPlainObject('an object with another prototype'));
  // Each ultimatum is checked as parseUltimatum checks it: the list itself may hold millions.
  const shape = parseWith(TrackerDocumentSchema, json, [], false);
  if (!shape.success) throw new UltimatumError(shape.issues);
  const docs = shape.data.ultimatums;
  // Each indexed as soon as it is read; the lists are made at their full length at once (grown
  // a push at a time, lists of a million are copied again and again).
  const builder = new TrackerBuilder(docs.length, ['ultimatums']);
  for (let i = 0; i < docs.length; i++) {
    let read: SafeResult<Ultimatum>;
    try {
      read = readStored(docs[i]);
    } catch (e) {
      under(['ultimatums', i], e);
    }
    if (!read.success) under(['ultimatums', i], read.error);
    builder.add(read.data, compiledOf(read.data));
  }
  return new TrackerImpl(builder.finish());
}
