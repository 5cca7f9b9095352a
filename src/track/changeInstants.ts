import type { Ultimatum } from '../model/types.js';
import type { Compiled } from '../status/compile.js';
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
    hit = Float64Array.from(computeChangeInstants(c)).sort();
    cache.set(c, hit);
  }
  return hit;
}

/** Reused between calls: one array for every ultimatum's instants as they are found. */
const scratch: number[] = [];
/** Up to this many instants, duplicates are found by comparing each pair. */
const PAIRWISE_AT_MOST = 48;

/**
 * Appends the change instants of a compiled ultimatum to `out`, distinct but in no set order (the
 * index sorts them all at once); returns how many. Allocates nothing per ultimatum, so a tracker
 * can index a million of them at once.
 *
 * @example
 * const out: number[] = []; appendChangeInstants(compiledOf(u), out) === out.length //=> true
 */
export function appendChangeInstants(c: Compiled, out: number[]): number {
  const found = scratch;
  found.length = 0;
  found.push(c.issuedMs);
  for (let i = 0; i < c.eventMs.length; i++) found.push(c.eventMs[i] as number);
  for (let k = 0; k < c.states.length; k++) {
    const s = c.states[k];
    if (s === undefined || s.terminal !== null || s.paused) continue;
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    if (s.latest >= from && s.latest < to) found.push(s.latest);
    if (s.window && s.earliest >= from && s.earliest < to) found.push(s.earliest);
    for (let i = 0; i < c.consequences.length; i++) {
      const due = dueOf(c, i, s.latest);
      if (due >= from && due < to) found.push(due);
    }
  }
  pushMilestoneInstants(c, found);
  // Distinct, in no order: the index sorts every ultimatum's instants at once. A dozen instants
  // compared pairwise cost less than a sort with a comparator per ultimatum; a long history is sorted.
  const start = out.length;
  if (found.length > PAIRWISE_AT_MOST) {
    found.sort((a, b) => a - b);
    for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) out.push(found[i] as number);
    return out.length - start;
  }
  next: for (let i = 0; i < found.length; i++) {
    const ms = found[i] as number;
    for (let j = start; j < out.length; j++) if (out[j] === ms) continue next;
    out.push(ms);
  }
  return out.length - start;
}

/**
 * The change instants of `changeInstantsOf` in no set order, computed afresh and not kept (a
 * tracker reads them once to index an ultimatum, and again only to remove it).
 *
 * @example
 * computeChangeInstants(compiledOf(u)).length === changeInstantsOf(compiledOf(u)).length //=> true
 */
export function computeChangeInstants(c: Compiled): number[] {
  const out: number[] = [];
  appendChangeInstants(c, out);
  return out;
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
