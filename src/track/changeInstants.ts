import type { Ultimatum } from '../model/types.js';
import { dueOf } from '../status/compile.js';
import { compiledOf } from '../status/compiled.js';
import { milestonesOverHistory } from '../status/milestones.js';

const cache = new WeakMap<object, Float64Array>();

/**
 * Every instant at which something about an ultimatum changes, sorted: issue, each event, and,
 * under each deadline while it was in force, the window opening, the deadline, consequences
 * falling due and milestones. A pause stops the clock, so nothing is scheduled while paused.
 * Computed once per ultimatum object.
 *
 * @example
 * changeInstants(u)[0] === compiledOf(u).issuedMs //=> true
 */
export function changeInstants(u: Ultimatum): Float64Array {
  const hit = cache.get(u);
  if (hit !== undefined) return hit;
  const c = compiledOf(u);
  const out = new Set<number>([c.issuedMs, ...c.eventMs]);
  for (let k = 0; k < c.states.length; k++) {
    const s = c.states[k];
    if (s === undefined || s.terminal !== null || !Number.isNaN(s.pausedSince)) continue;
    const from = k === 0 ? c.issuedMs : (c.eventMs[k - 1] as number);
    const to = k < c.eventMs.length ? (c.eventMs[k] as number) : Number.POSITIVE_INFINITY;
    const candidates = [s.latest, ...(s.window ? [s.earliest] : [])];
    for (let i = 0; i < c.consequences.length; i++) candidates.push(dueOf(c, i, s.latest));
    for (const ms of candidates) if (ms >= from && ms < to) out.add(ms);
  }
  for (const m of milestonesOverHistory(u)) out.add(m.atMs);
  const sorted = Float64Array.from(out).sort();
  if (Object.isFrozen(u)) cache.set(u, sorted);
  return sorted;
}
