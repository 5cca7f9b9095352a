/**
 * A helpdesk SLA board: each ticket has a first response due in 4 business hours and a resolution
 * due in 3 business days, on Mon–Fri 09:00–17:00 in London with Christmas, Boxing Day and New
 * Year's Day off. Waiting for the customer pauses the resolution clock: the pause moves the
 * deadline by the working time it covered, never by nights, weekends or holidays.
 * Run: npx tsx examples/helpdesk-sla.ts
 */
import { pathToFileURL } from 'node:url';
import { createCalendar, createUltimatum, type DeadlineRuleInput, type EventInput, status, type Ultimatum } from 'ultimatum';

const day = ['09:00-17:00'];
export const SUPPORT_HOURS = createCalendar({
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: ['2025-12-25', '2025-12-26', '2026-01-01'],
});

function clock(ticket: string, metric: string, openedAt: string, deadline: DeadlineRuleInput, events: EventInput[] = []): Ultimatum {
  return createUltimatum({
    id: `${ticket}-${metric}`,
    title: `${ticket} ${metric}`,
    issuer: 'Customer',
    addressee: 'Support',
    demands: [metric],
    issuedAt: openedAt,
    zone: 'Europe/London',
    calendar: SUPPORT_HOURS,
    deadline,
    events,
  });
}

const FIRST_RESPONSE: DeadlineRuleInput = { after: { businessHours: 4 } };
const RESOLUTION: DeadlineRuleInput = { after: { businessDays: 3 } };

/** The tickets of the board, each with its two clocks. */
export function tickets(): Ultimatum[] {
  return [
    clock('T-101', 'first response', '2025-12-23T15:00', FIRST_RESPONSE, [{ type: 'comply', at: '2025-12-24T10:30' }]),
    clock('T-101', 'resolution', '2025-12-23T15:00', RESOLUTION, [
      { type: 'pause', at: '2025-12-24T12:00', note: 'awaiting customer' },
      { type: 'resume', at: '2025-12-29T10:00', note: 'customer replied' },
    ]),
    clock('T-102', 'first response', '2025-12-24T15:30', FIRST_RESPONSE),
    clock('T-103', 'first response', '2025-12-29T11:00', FIRST_RESPONSE),
    clock('T-103', 'resolution', '2025-12-29T11:00', RESOLUTION),
  ];
}

function hhmm(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The board at an instant, one line per clock. */
export function report(at = '2025-12-29T12:00[Europe/London]'): string[] {
  const lines = [`SLA board at ${at.replace('T', ' ').replace('[Europe/London]', ' London')}`];
  for (const u of tickets()) {
    const s = status(u, at);
    const due = s.deadline?.setLocale('en-GB').toFormat('ccc d LLL HH:mm') ?? '—';
    const left = s.phase === 'complied' ? 'met' : s.overdueMs !== null ? `breached ${hhmm(s.overdueMs)} ago` : `${hhmm(s.remainingBusinessMs ?? 0)} business time left`;
    lines.push(`${u.title.padEnd(22)} ${s.phase.padEnd(9)} due ${due.padEnd(16)} ${left}, ${Math.round(s.progress * 100)} % used`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(report().join('\n'));
