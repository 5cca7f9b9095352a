import type { IANAZone } from 'luxon';
import { DateTime as LuxonDateTime } from 'luxon';
import { UltimatumError, fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { isPlainObject } from '../model/plainObject.js';
import type { DateInput, DurationInput, Ultimatum } from '../model/types.js';
import { addDuration, toDurationSpec } from '../rules/duration.js';
import { inSupportedRange } from '../rules/instant.js';
import { IssueList } from '../rules/issues.js';
import { zoneFor } from '../rules/zone.js';
import type { Compiled } from '../status/compile.js';
import { compiledOf } from '../status/compiled.js';
import { readAt } from '../status/readAt.js';
import { type Phase, type Status, statusOfCompiled } from '../status/status.js';
import type { NextChange, TrackedStatus, Tracker, TrackerDocument } from './tracker.js';
import { countZone, TrackerBuilder, type TrackerParts } from './trackerBuilder.js';
import { type TrackerIndex, updateIndex } from './trackerIndex.js';

let utcZone: IANAZone | undefined;
/** The UTC zone, made on first use: an IANAZone builds an Intl.DateTimeFormat (~20–30 ms at start-up). */
function utc(): IANAZone {
  utcZone ??= zoneFor('UTC') as IANAZone;
  return utcZone;
}

const PHASES: readonly Phase[] = ['pending', 'active', 'paused', 'expired', 'enforced', 'complied', 'withdrawn'];

/**
 * An `at` read in every zone of the tracker: `of(zone)` is the instant it names there; `min` and
 * `max` bound them (equal when `at` has an offset, is a number, a Date or a DateTime).
 */
interface Reading {
  readonly of: (zone: string) => number;
  readonly min: number;
  readonly max: number;
}

/** Fewer holes than this are left in place after removals; more than the live count, compacted. */
const MIN_HOLES_TO_COMPACT = 1_024;

/**
 * The tracker itself: slots in the order added, compiled forms beside them, indexes updated in place.
 *
 * @example
 * const tracker: Tracker = new TrackerImpl(new TrackerBuilder(1).add(u, compiledOf(u)).finish());
 */
export class TrackerImpl implements Tracker {
  #items: (Ultimatum | undefined)[];
  /** The compiled form of each slot (no WeakMap lookup per status). */
  #compiled: (Compiled | undefined)[];
  #slots: Map<string, number>;
  /** How many ultimatums of each zone the tracker holds: the zones an `at` is read in. */
  readonly #zones: Map<string, number>;
  #holes = 0;
  #index: TrackerIndex;

  constructor(parts: TrackerParts) {
    this.#items = parts.items;
    this.#compiled = parts.compiled;
    this.#slots = parts.slots;
    this.#zones = parts.zones;
    this.#index = parts.index;
  }

  add(u: Ultimatum): Tracker {
    const compiled = compiledOf(u);
    if (this.#slots.has(u.id)) {
      throw new UltimatumError([{ code: 'INVALID_INPUT', path: ['id'], ...messages.duplicateUltimatumId(u.id) }]);
    }
    const slot = this.#items.length;
    this.#slots.set(u.id, slot);
    this.#items.push(u);
    this.#compiled.push(compiled);
    countZone(this.#zones, u.zone, 1);
    updateIndex(this.#index, slot, compiled, 1);
    return this;
  }

  remove(id: string): boolean {
    const slot = this.#slots.get(id);
    if (slot === undefined) return false;
    updateIndex(this.#index, slot, this.#compiled[slot] as Compiled, -1);
    countZone(this.#zones, (this.#items[slot] as Ultimatum).zone, -1);
    this.#items[slot] = undefined;
    this.#compiled[slot] = undefined;
    this.#slots.delete(id);
    this.#holes++;
    if (this.#holes >= MIN_HOLES_TO_COMPACT && this.#holes > this.#slots.size) this.#compact();
    return true;
  }

  replace(u: Ultimatum): Tracker {
    const compiled = compiledOf(u);
    const slot = typeof u.id === 'string' ? this.#slots.get(u.id) : undefined;
    if (slot === undefined) {
      throw new UltimatumError([{ code: 'INVALID_INPUT', path: ['id'], ...messages.unknownUltimatumId(String(u.id)) }]);
    }
    updateIndex(this.#index, slot, this.#compiled[slot] as Compiled, -1);
    countZone(this.#zones, (this.#items[slot] as Ultimatum).zone, -1);
    this.#items[slot] = u;
    this.#compiled[slot] = compiled;
    countZone(this.#zones, u.zone, 1);
    updateIndex(this.#index, slot, compiled, 1);
    return this;
  }

  /** Drops the holes left by removals: slots renumbered in order, indexes built afresh (amortised O(1) a removal). */
  #compact(): void {
    const builder = new TrackerBuilder(this.#slots.size);
    this.#items.forEach((u, slot) => {
      if (u !== undefined) builder.add(u, this.#compiled[slot] as Compiled);
    });
    const parts = builder.finish();
    this.#items = parts.items;
    this.#compiled = parts.compiled;
    this.#slots = parts.slots;
    this.#holes = 0;
    this.#index = parts.index;
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

  /** Reads `at` in every zone held (once per zone, not per ultimatum). */
  #read(at: DateInput | undefined): Reading {
    if (at === undefined || typeof at === 'number' || this.#zones.size === 0) {
      const t = readAt(at, utc());
      return { of: () => t, min: t, max: t };
    }
    const byZone = new Map<string, number>();
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const name of this.#zones.keys()) {
      const t = readAt(at, zoneFor(name) as IANAZone);
      byZone.set(name, t);
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return min === max ? { of: () => min, min, max } : { of: (zone) => byZone.get(zone) as number, min, max };
  }

  #statusOf(slot: number, reading: Reading): Status {
    const u = this.#items[slot] as Ultimatum;
    return statusOfCompiled(u, this.#compiled[slot] as Compiled, reading.of(u.zone));
  }

  statusAll(at?: DateInput): TrackedStatus[] {
    const reading = this.#read(at);
    const out: TrackedStatus[] = [];
    this.#items.forEach((ultimatum, slot) => {
      if (ultimatum !== undefined) out.push({ ultimatum, status: this.#statusOf(slot, reading) });
    });
    return out;
  }

  /**
   * The open deadlines in `[from(zone), to(zone))` at the reading, checked one by one, soonest
   * first. Candidates come from the indexes over the band the zones span: the settled running
   * deadlines, the paused ones (their deadline at `t` is `t` + the key), and every ultimatum with
   * an event after the earliest reading (its deadline then may not be the final one).
   */
  #byDeadline(reading: Reading, bounds: { lo: number; hi: number; from: (zone: string) => number; to: (zone: string) => number }, keep: (s: Status) => boolean): TrackedStatus[] {
    const index = this.#index;
    const unsettled = new Set<number>();
    index.lastEvents.range(reading.min + 1, Number.POSITIVE_INFINITY, (_, slot) => unsettled.add(slot) !== undefined);
    const found: { slot: number; status: Status }[] = [];
    const consider = (slot: number) => {
      const u = this.#items[slot];
      if (u === undefined) return;
      const s = this.#statusOf(slot, reading);
      if (s.deadlineMs !== null && s.deadlineMs >= bounds.from(u.zone) && s.deadlineMs < bounds.to(u.zone) && keep(s)) found.push({ slot, status: s });
    };
    const settled = (_: number, slot: number) => {
      if (!unsettled.has(slot)) consider(slot);
      return true;
    };
    index.deadlines.range(bounds.lo, bounds.hi, settled);
    index.moving.range(bounds.lo - reading.max, bounds.hi - reading.min, settled);
    for (const slot of unsettled) consider(slot);
    found.sort((a, b) => (a.status.deadlineMs as number) - (b.status.deadlineMs as number) || a.slot - b.slot);
    return found.map(({ slot, status: s }) => ({ ultimatum: this.#items[slot] as Ultimatum, status: s }));
  }

  upcoming(opts: { within: DurationInput; at?: DateInput }): TrackedStatus[] {
    const issues = new IssueList();
    // Only own fields are read: options with a prototype are refused, as every input is.
    if (typeof opts === 'object' && opts !== null && !isPlainObject(opts)) fail('INVALID_INPUT', [], messages.notPlainObject('an object with another prototype'));
    const within = toDurationSpec(opts?.within, ['within'], issues);
    if (within === undefined) throw new UltimatumError(issues.items);
    const reading = this.#read(opts.at);
    const names = this.#zones.size === 0 ? ['UTC'] : [...this.#zones.keys()];
    const until = new Map<string, number>();
    for (const name of names) {
      const end = addDuration(reading.of(name), within, zoneFor(name) as IANAZone);
      if (!inSupportedRange(end)) {
        throw new UltimatumError([{ code: 'OUT_OF_RANGE', path: ['within'], ...messages.durationOutOfRange() }]);
      }
      until.set(name, end);
    }
    const hi = Math.max(...until.values());
    const bounds = { lo: reading.min, hi, from: reading.of, to: (zone: string) => until.get(zone) as number };
    return this.#byDeadline(reading, bounds, (s) => s.phase !== 'pending');
  }

  overdue(at?: DateInput): TrackedStatus[] {
    const reading = this.#read(at);
    const bounds = { lo: Number.NEGATIVE_INFINITY, hi: reading.max + 1, from: () => Number.NEGATIVE_INFINITY, to: (zone: string) => reading.of(zone) + 1 };
    return this.#byDeadline(reading, bounds, (s) => s.overdueMs !== null);
  }

  byPhase(at?: DateInput): Record<Phase, Ultimatum[]> {
    const out = Object.fromEntries(PHASES.map((p) => [p, [] as Ultimatum[]])) as Record<Phase, Ultimatum[]>;
    for (const { ultimatum, status: s } of this.statusAll(at)) out[s.phase].push(ultimatum);
    return out;
  }

  nextChange(at?: DateInput): NextChange | null {
    const reading = this.#read(at);
    let atMs = Number.NaN;
    const slots: number[] = [];
    // Ascending from the earliest reading: the first pair past its own zone's reading is the answer.
    this.#index.changes.range(reading.min + 1, Number.POSITIVE_INFINITY, (key, slot) => {
      if (!Number.isNaN(atMs) && key !== atMs) return false;
      const u = this.#items[slot] as Ultimatum;
      if (key > reading.of(u.zone)) {
        atMs = key;
        slots.push(slot);
      }
      return true;
    });
    if (Number.isNaN(atMs)) return null;
    const ids = slots.sort((a, b) => a - b).map((slot) => (this.#items[slot] as Ultimatum).id);
    return { at: LuxonDateTime.fromMillis(atMs, { zone: 'utc' }), atMs, ids };
  }

  toJSON(): TrackerDocument {
    return { schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: this.list() };
  }
}
