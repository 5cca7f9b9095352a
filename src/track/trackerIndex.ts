import type { Compiled } from '../status/compile.js';
import { isPausedIn, latestOf, pausedSinceOf, stateCount, terminalIn } from '../status/historyStates.js';
import { changeInstantsOnce } from './changeInstants.js';
import { SortedPairs, sortPairs } from './sortedPairs.js';

/**
 * The indexes of a tracker, by slot: what each question needs sorted, kept up to date pair by
 * pair as ultimatums come and go (no rebuild), and built in one linear sort at creation.
 *
 * - `changes`: every change instant of every ultimatum (for `nextChange`);
 * - `deadlines`: the final deadline of each ultimatum whose history ends open and running;
 * - `moving`: for those whose history ends paused, the active time left (deadline − pause start),
 *   since their deadline at `t` is `t` plus that;
 * - `lastEvents`: when each history settles (its last event, or its issue): asked about an
 *   earlier instant, an ultimatum may have had another deadline in force.
 */
export interface TrackerIndex {
  readonly changes: SortedPairs;
  readonly deadlines: SortedPairs;
  readonly moving: SortedPairs;
  readonly lastEvents: SortedPairs;
}

const NO_KEY = Number.NaN;

/** When an ultimatum's history settles: its last event, or its issue. */
function lastEventOf(c: Compiled): number {
  return Math.max(c.issuedMs, c.eventMs[c.eventMs.length - 1] ?? c.issuedMs);
}

/** The key of an ultimatum in `deadlines` (`paused` false) or in `moving` (`paused` true), else NaN. */
function deadlineKey(c: Compiled, paused: boolean): number {
  const last = stateCount(c.states) - 1;
  if (terminalIn(c.states, last) !== null || isPausedIn(c.states, last) !== paused) return NO_KEY;
  return paused ? latestOf(c.states, last) - pausedSinceOf(c.states, last) : latestOf(c.states, last);
}

/**
 * Pairs gathered straight into typed arrays that double when full, then sorted where they are:
 * a million ultimatums make ten million pairs, which plain arrays would hold as doubles to be
 * copied at every growth, and copied again into typed arrays.
 */
class Rows {
  #keys: Float64Array;
  #slots: Int32Array;
  #size = 0;
  constructor(capacity: number) {
    this.#keys = new Float64Array(Math.max(16, capacity));
    this.#slots = new Int32Array(Math.max(16, capacity));
  }
  add(key: number, slot: number): void {
    if (Number.isNaN(key)) return;
    if (this.#size === this.#keys.length) {
      const keys = new Float64Array(this.#size * 2);
      const slots = new Int32Array(this.#size * 2);
      keys.set(this.#keys);
      slots.set(this.#slots);
      this.#keys = keys;
      this.#slots = slots;
    }
    this.#keys[this.#size] = key;
    this.#slots[this.#size] = slot;
    this.#size++;
  }
  sorted(): SortedPairs {
    // The index keeps views of these arrays: room left over is given back when it is worth it.
    const n = this.#size;
    const keys = n < this.#keys.length * 0.9 ? this.#keys.slice(0, n) : this.#keys.subarray(0, n);
    const slots = n < this.#slots.length * 0.9 ? this.#slots.slice(0, n) : this.#slots.subarray(0, n);
    sortPairs(keys, slots);
    return SortedPairs.fromSorted(keys, slots);
  }
}

/**
 * The indexes gathered one ultimatum at a time, then sorted once: a tracker read from a document
 * indexes each ultimatum while its compiled form is fresh in the cache, instead of walking a
 * million of them again afterwards.
 *
 * @example
 * const builder = new IndexBuilder(1); builder.add(0, compiledOf(u)); const index = builder.build();
 */
export class IndexBuilder {
  // About eight change instants an ultimatum (issue, deadline, consequence, three shares, three times left).
  readonly #changes: Rows;
  readonly #deadlines: Rows;
  readonly #moving = new Rows(0);
  readonly #lastEvents: Rows;

  constructor(expected: number) {
    this.#changes = new Rows(expected * 8);
    this.#deadlines = new Rows(expected);
    this.#lastEvents = new Rows(expected);
  }

  add(slot: number, c: Compiled): void {
    const { values, count } = changeInstantsOnce(c);
    for (let i = 0; i < count; i++) this.#changes.add(values[i] as number, slot);
    this.#lastEvents.add(lastEventOf(c), slot);
    this.#deadlines.add(deadlineKey(c, false), slot);
    this.#moving.add(deadlineKey(c, true), slot);
  }

  build(): TrackerIndex {
    return { changes: this.#changes.sorted(), deadlines: this.#deadlines.sorted(), moving: this.#moving.sorted(), lastEvents: this.#lastEvents.sorted() };
  }
}

/**
 * Adds (`+1`) or removes (`-1`) one ultimatum's pairs: O(k log n) for its k change instants.
 *
 * @example
 * updateIndex(index, slot, compiledOf(u), 1);
 */
export function updateIndex(index: TrackerIndex, slot: number, c: Compiled, direction: 1 | -1): void {
  const apply = (pairs: SortedPairs, key: number) => {
    if (direction === 1) pairs.insert(key, slot);
    else pairs.remove(key, slot);
  };
  // Read before anything else asks for change instants (the list is written over by the next call).
  const { values, count } = changeInstantsOnce(c);
  for (let i = 0; i < count; i++) apply(index.changes, values[i] as number);
  apply(index.lastEvents, lastEventOf(c));
  const deadline = deadlineKey(c, false);
  if (!Number.isNaN(deadline)) apply(index.deadlines, deadline);
  const moving = deadlineKey(c, true);
  if (!Number.isNaN(moving)) apply(index.moving, moving);
}
