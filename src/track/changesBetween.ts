import type { Ultimatum } from '../model/types.js';
import { milestonesOverHistory } from '../status/milestones.js';
import type { Phase } from '../status/stateAt.js';
import { status } from '../status/status.js';
import { changeInstants } from './changeInstants.js';

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
  const instants = changeInstants(u);
  let milestones: ReturnType<typeof milestonesOverHistory> | undefined;
  for (const t of instants) {
    if (t <= fromMs) continue;
    if (t > toMs) break;
    milestones ??= milestonesOverHistory(u);
    for (const m of milestones) {
      if (m.atMs === t) out.push({ kind: 'milestone', id: u.id, atMs: t, key: `${u.id}:milestone:${t}:${m.label}`, label: m.label });
    }
    const before = status(u, t - 1);
    const after = status(u, t);
    if (before.phase !== after.phase) {
      out.push({ kind: 'phase', id: u.id, atMs: t, key: `${u.id}:phase:${t}`, phase: after.phase, previous: before.phase });
    }
    const dueBefore = new Set(before.consequences.due.map((d) => d.consequence.id));
    for (const d of after.consequences.due) {
      const consequenceId = d.consequence.id;
      if (!dueBefore.has(consequenceId)) out.push({ kind: 'due', id: u.id, atMs: t, key: `${u.id}:due:${t}:${consequenceId}`, consequenceId });
    }
  }
  return out;
}
