import type { Compiled } from '../status/compile.js';
import { appendChangeInstants, computeChangeInstants } from './changeInstants.js';
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
  const last = c.states[c.states.length - 1];
  if (last === undefined || last.terminal !== null || last.paused !== paused) return NO_KEY;
  return paused ? last.latest - last.pausedSince : last.latest;
}

/** Pairs gathered in two growing arrays, then sorted into an index. */
class Rows {
  readonly keys: number[] = [];
  readonly slots: number[] = [];
  add(key: number, slot: number): void {
    if (Number.isNaN(key)) return;
    this.keys.push(key);
    this.slots.push(slot);
  }
  sorted(): SortedPairs {
    const keys = Float64Array.from(this.keys);
    const slots = Int32Array.from(this.slots);
    sortPairs(keys, slots);
    return SortedPairs.fromSorted(keys, slots);
  }
}

/**
 * Builds the indexes of `compiled[slot]` (holes allowed): each ultimatum's change instants
 * appended to one array, then one radix sort per index.
 *
 * @example
 * const index = buildIndex([compiledOf(a), compiledOf(b)]);
 * index.deadlines.size //=> 2 when both are open and running
 */
export function buildIndex(compiled: readonly (Compiled | undefined)[]): TrackerIndex {
  const changes = new Rows();
  const deadlines = new Rows();
  const moving = new Rows();
  const lastEvents = new Rows();
  compiled.forEach((c, slot) => {
    if (c === undefined) return;
    const added = appendChangeInstants(c, changes.keys);
    for (let i = 0; i < added; i++) changes.slots.push(slot);
    lastEvents.add(lastEventOf(c), slot);
    deadlines.add(deadlineKey(c, false), slot);
    moving.add(deadlineKey(c, true), slot);
  });
  return { changes: changes.sorted(), deadlines: deadlines.sorted(), moving: moving.sorted(), lastEvents: lastEvents.sorted() };
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
  for (const key of computeChangeInstants(c)) apply(index.changes, key);
  apply(index.lastEvents, lastEventOf(c));
  const deadline = deadlineKey(c, false);
  if (!Number.isNaN(deadline)) apply(index.deadlines, deadline);
  const moving = deadlineKey(c, true);
  if (!Number.isNaN(moving)) apply(index.moving, moving);
}
