import type { Compiled } from '../status/compile.js';
import { computeChangeInstants } from './changeInstants.js';
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

/** The keys one ultimatum has in the indexes (other than its change instants). */
function keysOf(c: Compiled): { lastEvent: number; deadline?: number; moving?: number } {
  const last = c.states[c.states.length - 1];
  const lastEvent = Math.max(c.issuedMs, c.eventMs[c.eventMs.length - 1] ?? c.issuedMs);
  if (last === undefined || last.terminal !== null) return { lastEvent };
  return last.paused ? { lastEvent, moving: last.latest - last.pausedSince } : { lastEvent, deadline: last.latest };
}

/**
 * Builds the indexes of `compiled[slot]` (holes allowed) in O(n) after computing each
 * ultimatum's change instants: one radix sort per index.
 *
 * @example
 * const index = buildIndex([compiledOf(a), compiledOf(b)]);
 * index.deadlines.size //=> 2 when both are open and running
 */
export function buildIndex(compiled: readonly (Compiled | undefined)[]): TrackerIndex {
  const instants: (Float64Array | undefined)[] = compiled.map((c) => (c === undefined ? undefined : computeChangeInstants(c)));
  let total = 0;
  for (const list of instants) total += list?.length ?? 0;
  const changeKeys = new Float64Array(total);
  const changeSlots = new Int32Array(total);
  const rows = { deadline: [[], []], moving: [[], []], lastEvent: [[], []] } as Record<string, [number[], number[]]>;
  let at = 0;
  compiled.forEach((c, slot) => {
    const list = instants[slot];
    if (c === undefined || list === undefined) return;
    changeKeys.set(list, at);
    changeSlots.fill(slot, at, at + list.length);
    at += list.length;
    for (const [name, key] of Object.entries(keysOf(c))) {
      const row = rows[name] as [number[], number[]];
      row[0].push(key as number);
      row[1].push(slot);
    }
  });
  const sorted = (row: [number[], number[]]) => {
    const keys = Float64Array.from(row[0]);
    const slots = Int32Array.from(row[1]);
    sortPairs(keys, slots);
    return SortedPairs.fromSorted(keys, slots);
  };
  sortPairs(changeKeys, changeSlots);
  return {
    changes: SortedPairs.fromSorted(changeKeys, changeSlots),
    deadlines: sorted(rows.deadline as [number[], number[]]),
    moving: sorted(rows.moving as [number[], number[]]),
    lastEvents: sorted(rows.lastEvent as [number[], number[]]),
  };
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
  const keys = keysOf(c);
  apply(index.lastEvents, keys.lastEvent);
  if (keys.deadline !== undefined) apply(index.deadlines, keys.deadline);
  if (keys.moving !== undefined) apply(index.moving, keys.moving);
}
