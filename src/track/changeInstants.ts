import type { Ultimatum } from '../model/types.js';
import type { Compiled } from '../status/compile.js';
import { compiledOf } from '../status/compiled.js';
import { milestoneInstantsOverHistory } from '../status/milestones.js';
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
    hit = computeChangeInstants(c);
    cache.set(c, hit);
  }
  return hit;
}

/**
 * The change instants of `changeInstantsOf`, computed afresh and not kept (a tracker holds a
 * million ultimatums: it reads them once to index them, and again only to remove one).
 *
 * @example
 * computeChangeInstants(compiledOf(u)).length === changeInstantsOf(compiledOf(u)).length //=> true
 */
export function computeChangeInstants(c: Compiled): Float64Array {
  const found: number[] = [c.issuedMs, ...c.eventMs];
  for (let k = 0; k < c.states.length; k++) {
    const s = c.states[k];
    if (s === undefined || s.terminal !== null || s.paused) continue;
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    const keep = (ms: number) => {
      if (ms >= from && ms < to) found.push(ms);
    };
    keep(s.latest);
    if (s.window) keep(s.earliest);
    for (let i = 0; i < c.consequences.length; i++) keep(dueOf(c, i, s.latest));
  }
  found.push(...milestoneInstantsOverHistory(c));
  const sorted = Float64Array.from(found).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] as number;
  return n === sorted.length ? sorted : sorted.slice(0, n);
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
