import type { Ultimatum } from '../model/types.js';
import type { Compiled } from '../status/compile.js';
import { earliestOf, isPausedIn, isWindowIn, latestOf, stateCount, terminalIn } from '../status/historyStates.js';
import { compiledOf } from '../status/compiled.js';
import { pushMilestoneInstants } from '../status/milestones.js';
import { dueOf } from '../status/stateAt.js';

const cache = new WeakMap<Compiled, Float64Array>();

/**
 * Every instant at which something about a compiled ultimatum changes, sorted and distinct:
 * issue, each event, and, under each deadline while it was in force, the window opening, the
 * deadline, consequences falling due and milestones. A pause stops the clock, so nothing is
 * scheduled while paused. Computed once per compiled form.
 *
 * @example
 * changeInstantsOf(compiledOf(u))[0] === compiledOf(u).issuedMs //=> true
 */
export function changeInstantsOf(c: Compiled): Float64Array {
  let hit = cache.get(c);
  if (hit === undefined) {
    const { values, count } = changeInstantsOnce(c);
    hit = values.slice(0, count).sort();
    cache.set(c, hit);
  }
  return hit;
}

/**
 * A list of instants that is written over, never shrunk: emptying a JS array (`length = 0`) gives
 * its memory back, and every ultimatum indexed would then allocate it again.
 *
 * @example
 * const list = new InstantList(); list.push(Date.UTC(2025, 8, 2)); list.count //=> 1
 */
export class InstantList {
  values = new Float64Array(64);
  count = 0;
  push(ms: number): void {
    if (this.count === this.values.length) {
      const values = new Float64Array(this.count * 2);
      values.set(this.values);
      this.values = values;
    }
    this.values[this.count++] = ms;
  }
}

/** Reused between calls: every ultimatum's instants as they are found, then the distinct ones. */
const found = new InstantList();
/** Up to this many instants, duplicates are found by comparing each pair. */
const PAIRWISE_AT_MOST = 48;

/**
 * The change instants of a compiled ultimatum, distinct but in no set order (the index sorts them
 * all at once), in a list that the next call writes over: read it before calling again. Allocates
 * nothing per ultimatum, so a tracker can index a million of them at once.
 *
 * @example
 * const { values, count } = changeInstantsOnce(compiledOf(u)); values.slice(0, count);
 */
export function changeInstantsOnce(c: Compiled): InstantList {
  found.count = 0;
  found.push(c.issuedMs);
  for (let i = 0; i < c.eventMs.length; i++) found.push(c.eventMs[i] as number);
  const states = c.states;
  for (let k = 0; k < stateCount(states); k++) {
    if (terminalIn(states, k) !== null || isPausedIn(states, k)) continue;
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    const latest = latestOf(states, k);
    const earliest = earliestOf(states, k);
    if (latest >= from && latest < to) found.push(latest);
    if (isWindowIn(states, k) && earliest >= from && earliest < to) found.push(earliest);
    for (let i = 0; i < c.consequences.length; i++) {
      const due = dueOf(c, i, latest);
      if (due >= from && due < to) found.push(due);
    }
  }
  pushMilestoneInstants(c, found);
  const values = found.values;
  const n = found.count;
  let kept = 0;
  // A dozen instants compared pairwise cost less than a sort per ultimatum; a long history is sorted.
  if (n > PAIRWISE_AT_MOST) {
    values.subarray(0, n).sort();
    for (let i = 0; i < n; i++) if (i === 0 || values[i] !== values[kept - 1]) values[kept++] = values[i] as number;
  } else {
    next: for (let i = 0; i < n; i++) {
      const ms = values[i] as number;
      for (let j = 0; j < kept; j++) if (values[j] === ms) continue next;
      values[kept++] = ms;
    }
  }
  found.count = kept;
  return found;
}

/**
 * Every instant at which something about an ultimatum changes (see `changeInstantsOf`).
 *
 * @example
 * changeInstants(u)[0] === compiledOf(u).issuedMs //=> true
 */
export function changeInstants(u: Ultimatum): Float64Array {
  return changeInstantsOf(compiledOf(u));
}
