import type { Ultimatum } from '../model/types.js';
import type { Compiled } from '../status/compile.js';
import { compiledOf } from '../status/compiled.js';
import { milestonesOverHistory } from '../status/milestones.js';
import { dueOf, enforcementsAt, type Phase, type StateAt, stateAt } from '../status/stateAt.js';
import { changeInstants } from './changeInstants.js';

/** The consequences due at a state (as `status().consequences.due`), by index: on integers, no luxon. */
function dueAt(c: Compiled, s: StateAt): Set<number> {
  const due = new Set<number>();
  if (s.ended || s.phase === 'pending') return due;
  const { fully } = enforcementsAt(c, s);
  for (let i = 0; i < c.consequences.length; i++) if (!fully.has(i) && s.atMs >= dueOf(c, i, s.latestMs)) due.add(i);
  return due;
}

/**
 * One thing that happened to an ultimatum at an instant: its phase changed, a milestone fell, or
 * a consequence fell due. `key` names it stably (ultimatum, kind, instant, what), so that a
 * consumer can make its effect idempotent.
 *
 * @example
 * const c: UltimatumChange = { kind: 'phase', id: 'russia', atMs: 1754668800000, key: 'russia:phase:1754668800000', phase: 'expired', previous: 'active' };
 */
export type UltimatumChange =
  | { readonly kind: 'phase'; readonly id: string; readonly atMs: number; readonly key: string; readonly phase: Phase; readonly previous: Phase }
  | { readonly kind: 'milestone'; readonly id: string; readonly atMs: number; readonly key: string; readonly label: string }
  | { readonly kind: 'due'; readonly id: string; readonly atMs: number; readonly key: string; readonly consequenceId: string };

/**
 * Every change of `u` in `(fromMs, toMs]`, in time order (at one instant: milestones, then the
 * phase, then consequences falling due), read from the same change instants `nextChange` uses.
 *
 * @example
 * changesBetween(u, issuedMs - 1, issuedMs).map((c) => [c.kind, c.kind === 'phase' && c.phase]) //=> [['phase', 'active']]
 */
export function changesBetween(u: Ultimatum, fromMs: number, toMs: number): UltimatumChange[] {
  const out: UltimatumChange[] = [];
  const c = compiledOf(u);
  const instants = changeInstants(u);
  let milestones: ReturnType<typeof milestonesOverHistory> | undefined;
  for (const t of instants) {
    if (t <= fromMs) continue;
    if (t > toMs) break;
    milestones ??= milestonesOverHistory(u);
    for (const m of milestones) {
      if (m.atMs === t) out.push({ kind: 'milestone', id: u.id, atMs: t, key: `${u.id}:milestone:${t}:${m.label}`, label: m.label });
    }
    const before = stateAt(c, t - 1);
    const after = stateAt(c, t);
    if (before.phase !== after.phase) {
      out.push({ kind: 'phase', id: u.id, atMs: t, key: `${u.id}:phase:${t}`, phase: after.phase, previous: before.phase });
    }
    const dueBefore = dueAt(c, before);
    for (const i of dueAt(c, after)) {
      const consequenceId = (c.consequences[i] as { id: string }).id;
      if (!dueBefore.has(i)) out.push({ kind: 'due', id: u.id, atMs: t, key: `${u.id}:due:${t}:${consequenceId}`, consequenceId });
    }
  }
  return out;
}
