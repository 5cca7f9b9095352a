import type { DateTime } from 'luxon';
import { DateTime as LuxonDateTime } from 'luxon';
import { UltimatumError, isUltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { DateInput, DurationInput, Ultimatum } from '../model/types.js';
import { z } from 'zod';
import { parseWith } from '../model/zodIssues.js';
import { addDuration, toDurationSpec } from '../rules/duration.js';
import { inSupportedRange } from '../rules/instant.js';
import { IssueList } from '../rules/issues.js';
import { zoneFor } from '../rules/zone.js';
import { compiledOf } from '../status/compiled.js';
import { parseUltimatum } from '../status/createUltimatum.js';
import { readAt } from '../status/readAt.js';
import type { Compiled } from '../status/compile.js';
import { type Phase, type Status, status, statusOfCompiled } from '../status/status.js';
import { changeInstants } from './changeInstants.js';
import type { IANAZone } from 'luxon';

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
 * with 100 000 of them.
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
  get(id: string): Ultimatum | undefined;
  /** Every ultimatum, in the order added. */
  list(): Ultimatum[];
  readonly size: number;
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

let utcZone: IANAZone | undefined;
/** The UTC zone, made on first use: an IANAZone builds an Intl.DateTimeFormat (~20–30 ms at start-up). */
function utc(): IANAZone {
  utcZone ??= zoneFor('UTC') as IANAZone;
  return utcZone;
}

/** The shape of a stored tracker; each ultimatum is then read with `parseUltimatum`. */
const TrackerDocumentSchema = /* @__PURE__ */ (() => z.strictObject({
  schemaVersion: z.literal(1, { error: messages.trackerDocument() }),
  kind: z.literal('ultimatum-tracker', { error: messages.trackerDocument() }),
  ultimatums: z.array(z.unknown()),
}, { error: (issue) => (issue.code === 'invalid_type' ? messages.trackerDocument() : undefined) }))();
const PHASES: readonly Phase[] = ['pending', 'active', 'paused', 'expired', 'enforced', 'complied', 'withdrawn'];

function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorts instants with their owners: one typed array of instants, one of owner slots. */
function sortedPairs(pairs: [number, number][]): { at: Float64Array; slot: Int32Array } {
  pairs.sort((a, b) => a[0] - b[0]);
  return { at: Float64Array.from(pairs, (p) => p[0]), slot: Int32Array.from(pairs, (p) => p[1]) };
}

interface Index {
  readonly changes: { at: Float64Array; slot: Int32Array };
  /** Final deadlines of ultimatums whose history is settled and open (not paused or ended). */
  readonly deadlines: { at: Float64Array; slot: Int32Array };
  /** Last event instant per slot, sorted: after it, the final deadline is the one in force. */
  readonly lastEvents: { at: Float64Array; slot: Int32Array };
  /** Slots paused at the end of their history, by the active time they have left (deadline − pause start). */
  readonly moving: { at: Float64Array; slot: Int32Array };
}

class TrackerImpl implements Tracker {
  readonly #items: (Ultimatum | undefined)[] = [];
  /** The compiled form of each slot (no WeakMap lookup per status). */
  readonly #compiled: (Compiled | undefined)[] = [];
  readonly #slots = new Map<string, number>();
  #index: Index | undefined;

  add(u: Ultimatum): Tracker {
    const compiled = compiledOf(u);
    if (this.#slots.has(u.id)) {
      throw new UltimatumError([{ code: 'INVALID_INPUT', path: ['id'], message: messages.duplicateUltimatumId(u.id) }]);
    }
    this.#slots.set(u.id, this.#items.length);
    this.#items.push(u);
    this.#compiled.push(compiled);
    this.#index = undefined;
    return this;
  }

  remove(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    this.#items[slot] = undefined;
    this.#compiled[slot] = undefined;
    this.#slots.delete(id);
    this.#index = undefined;
    return true;
  }

  get(id: string): Ultimatum | undefined {
    const slot = this.#slots.get(id);
    return slot === undefined ? undefined : this.#items[slot];
  }

  list(): Ultimatum[] {
    return this.#items.filter((u): u is Ultimatum => u !== undefined);
  }

  get size(): number {
    return this.#slots.size;
  }

  statusAll(at?: DateInput): TrackedStatus[] {
    const t = readAt(at, utc());
    return this.list().map((ultimatum) => ({ ultimatum, status: status(ultimatum, t) }));
  }

  #build(): Index {
    if (this.#index !== undefined) return this.#index;
    const changes: [number, number][] = [];
    const deadlines: [number, number][] = [];
    const lastEvents: [number, number][] = [];
    const moving: [number, number][] = [];
    this.#items.forEach((u, slot) => {
      if (u === undefined) return;
      for (const ms of changeInstants(u)) changes.push([ms, slot]);
      const c = compiledOf(u);
      const last = c.states[c.states.length - 1];
      lastEvents.push([Math.max(c.issuedMs, c.eventMs[c.eventMs.length - 1] ?? c.issuedMs), slot]);
      if (last === undefined || last.terminal !== null) return;
      if (!last.paused) deadlines.push([last.latest, slot]);
      else moving.push([last.latest - last.pausedSince, slot]);
    });
    this.#index = {
      changes: sortedPairs(changes),
      deadlines: sortedPairs(deadlines),
      lastEvents: sortedPairs(lastEvents),
      moving: sortedPairs(moving),
    };
    return this.#index;
  }

  /** Slots with an event after `t`: their state at `t` is not the final one indexed. */
  #unsettled(index: Index, t: number): Set<number> | undefined {
    const { at, slot } = index.lastEvents;
    // Strictly after t: an event at t is already folded into the status at t.
    const first = lowerBound(at, t + 1);
    if (first >= at.length) return undefined;
    const out = new Set<number>();
    for (let i = first; i < at.length; i++) out.add(slot[i] as number);
    return out;
  }

  /** Statuses of the indexed deadlines in [from, to), the paused ones whose deadline is there at `t`, and the unsettled ones, checked and sorted. */
  #byDeadline(t: number, from: number, to: number, keep: (s: Status) => boolean): TrackedStatus[] {
    const index = this.#build();
    const unsettled = this.#unsettled(index, t);
    const out: TrackedStatus[] = [];
    const consider = (slot: number) => {
      const ultimatum = this.#items[slot];
      const c = this.#compiled[slot];
      if (ultimatum === undefined || c === undefined) return;
      const s = statusOfCompiled(ultimatum, c, t);
      if (s.deadlineMs !== null && s.deadlineMs >= from && s.deadlineMs < to && keep(s)) out.push({ ultimatum, status: s });
    };
    const range = (pairs: { at: Float64Array; slot: Int32Array }, lo: number, hi: number) => {
      const { at, slot } = pairs;
      const end = hi === Number.POSITIVE_INFINITY ? at.length : lowerBound(at, hi);
      for (let i = lo === Number.NEGATIVE_INFINITY ? 0 : lowerBound(at, lo); i < end; i++) {
        if (unsettled === undefined || !unsettled.has(slot[i] as number)) consider(slot[i] as number);
      }
    };
    range(index.deadlines, from, to);
    // Paused since before t: the deadline at t is t + (deadline − pause start), so the range shifts by t.
    range(index.moving, from - t, to - t);
    if (unsettled !== undefined) for (const s of unsettled) consider(s);
    return out.sort((a, b) => (a.status.deadlineMs as number) - (b.status.deadlineMs as number));
  }

  upcoming(opts: { within: DurationInput; at?: DateInput }): TrackedStatus[] {
    const issues = new IssueList();
    const within = toDurationSpec(opts?.within, ['within'], issues);
    if (within === undefined) throw new UltimatumError(issues.items);
    const t = readAt(opts.at, utc());
    const until = addDuration(t, within, utc());
    if (!inSupportedRange(until)) {
      throw new UltimatumError([{ code: 'OUT_OF_RANGE', path: ['within'], message: messages.durationOutOfRange() }]);
    }
    return this.#byDeadline(t, t, until, (s) => s.phase !== 'pending');
  }

  overdue(at?: DateInput): TrackedStatus[] {
    const t = readAt(at, utc());
    return this.#byDeadline(t, Number.NEGATIVE_INFINITY, t + 1, (s) => s.overdueMs !== null);
  }

  byPhase(at?: DateInput): Record<Phase, Ultimatum[]> {
    const out = Object.fromEntries(PHASES.map((p) => [p, [] as Ultimatum[]])) as Record<Phase, Ultimatum[]>;
    for (const { ultimatum, status: s } of this.statusAll(at)) out[s.phase].push(ultimatum);
    return out;
  }

  nextChange(at?: DateInput): NextChange | null {
    const t = readAt(at, utc());
    const { at: instants, slot } = this.#build().changes;
    let i = lowerBound(instants, t + 1);
    if (i >= instants.length) return null;
    const atMs = instants[i] as number;
    const ids: string[] = [];
    for (; i < instants.length && instants[i] === atMs; i++) {
      const u = this.#items[slot[i] as number];
      if (u !== undefined && !ids.includes(u.id)) ids.push(u.id);
    }
    return { at: LuxonDateTime.fromMillis(atMs, { zone: 'utc' }), atMs, ids };
  }

  toJSON(): TrackerDocument {
    return { schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: this.list() };
  }
}

/**
 * Creates a tracker of ultimatums (ids must be unique).
 *
 * @example
 * const tracker = createTracker([russia, brexit]);
 * tracker.nextChange('2025-07-20')?.ids //=> ['russia-50-day-2025']
 * @throws {UltimatumError} `INVALID_INPUT` at `[i].id` for a repeated id.
 */
export function createTracker(ultimatums: Iterable<Ultimatum> = []): Tracker {
  if (ultimatums === null || typeof (ultimatums as Partial<Iterable<Ultimatum>>)[Symbol.iterator] !== 'function') {
    throw new UltimatumError([{ code: 'INVALID_INPUT', path: [], message: messages.expectedType('an array (or iterable) of ultimatums') }]);
  }
  const tracker = new TrackerImpl();
  let i = 0;
  for (const u of ultimatums) {
    try {
      tracker.add(u);
    } catch (e) {
      if (isUltimatumError(e)) throw new UltimatumError(e.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] })));
      throw e;
    }
    i++;
  }
  return tracker;
}

/**
 * Reads a stored tracker document (what `JSON.stringify(tracker)` wrote), checking every ultimatum.
 *
 * @example
 * const again = parseTracker(JSON.parse(JSON.stringify(tracker)));
 * again.size === tracker.size //=> true
 * @throws {UltimatumError} with paths like `ultimatums[3].deadline.after.days`.
 */
export function parseTracker(json: unknown): Tracker {
  const shape = parseWith(TrackerDocumentSchema, json);
  if (!shape.success) throw new UltimatumError(shape.issues);
  const parsed = shape.data.ultimatums.map((u, i) => {
    try {
      return parseUltimatum(u);
    } catch (e) {
      if (isUltimatumError(e)) {
        throw new UltimatumError(e.issues.map((issue) => ({ ...issue, path: ['ultimatums', i, ...issue.path] })));
      }
      throw e;
    }
  });
  try {
    return createTracker(parsed);
  } catch (e) {
    if (isUltimatumError(e)) throw new UltimatumError(e.issues.map((issue) => ({ ...issue, path: ['ultimatums', ...issue.path] })));
    throw e;
  }
}
