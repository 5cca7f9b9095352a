/**
 * An SLA board: 20 support tickets, each to be answered within 24 hours of opening; every fifth
 * ticket waited six hours on the customer (the SLA clock paused). At a chosen instant it prints
 * what is overdue, what falls due within a day, and when the board must be looked at next.
 * Run: npx tsx examples/sla-board.ts [ISO instant]
 */
import { pathToFileURL } from 'node:url';
import { createTracker, createUltimatum, milestones, pause, resume, type Ultimatum } from 'ultimatum';

const HOUR = 3_600_000;
const OPENED = Date.UTC(2025, 2, 3); // Mon 3 Mar 2025 00:00 UTC

/** Ticket k (1–20) opens k hours after midnight; tickets 5, 10, 15, 20 pause from +2 h to +8 h. */
export function ticket(k: number): Ultimatum {
  const opened = OPENED + k * HOUR;
  let u = createUltimatum({
    id: `ticket-${String(k).padStart(2, '0')}`,
    title: `Ticket ${k}: first answer`,
    issuer: 'Customer',
    addressee: 'Support',
    demands: ['Answer the ticket'],
    issuedAt: opened,
    zone: 'UTC',
    deadline: { after: { hours: 24 } },
  });
  if (k % 5 === 0) {
    u = pause(u, { at: opened + 2 * HOUR, note: 'waiting for the customer' });
    u = resume(u, { at: opened + 8 * HOUR });
  }
  return u;
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(5, 16).replace('T', ' ');

export function report(at = '2025-03-04T06:30Z'): string[] {
  const board = createTracker(Array.from({ length: 20 }, (_, i) => ticket(i + 1)));
  const lines = [`SLA board at ${at}`];
  const overdue = board.overdue(at);
  lines.push(`Overdue (${overdue.length}): ${overdue.map((t) => `${t.ultimatum.id} since ${hhmm(t.status.deadlineMs ?? 0)}`).join(', ')}`);
  const soon = board.upcoming({ within: { days: 1 }, at });
  lines.push(`Due within a day (${soon.length}):`);
  for (const t of soon) lines.push(`  ${t.ultimatum.id} at ${hhmm(t.status.deadlineMs ?? 0)}${t.status.pausedMs > 0 ? ' (paused 6 h)' : ''}`);
  const next = board.nextChange(at);
  if (next) {
    const what = next.ids.map((id) => {
      const u = board.get(id) as Ultimatum;
      const m = milestones(u).find((x) => x.atMs === next.atMs);
      return `${id} (${m?.label ?? 'deadline'})`;
    });
    lines.push(`Next change: ${hhmm(next.atMs)}: ${what.join(', ')}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(report(process.argv[2]).join('\n'));
