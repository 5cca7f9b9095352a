/**
 * A US federal court deadline: a response due 14 days after service (FRCP 12(a)(1)(A)(i)),
 * counted under FRCP 6(a)(1): exclude the day of service, count every day, and if the last day
 * is a Saturday, Sunday or legal holiday, run until the end of the next day that is not one.
 * "End of day" is midnight in the court's time zone (FRCP 6(a)(4)(A)): the Southern District of
 * New York here. Holidays: the US federal holidays of 2025 and 2026 (5 U.S.C. 6103).
 * Run: npx tsx examples/court-deadline.ts
 */
import { pathToFileURL } from 'node:url';
import { createUltimatum, deadlineOf, explain, type Ultimatum } from 'ultimatum';

export const FEDERAL_HOLIDAYS = [
  ...['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04'],
  ...['2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25'],
  ...['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03'],
  ...['2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
];

/** A response due 14 days after service, rolled past weekends and holidays, due at the end of the day. */
export function responseDue(servedOn: string): Ultimatum {
  return createUltimatum({
    id: `answer-${servedOn}`,
    title: `Answer to the complaint served on ${servedOn}`,
    issuer: 'Plaintiff',
    addressee: 'Defendant',
    demands: ['Serve an answer or a motion under Rule 12'],
    issuedAt: servedOn,
    zone: 'America/New_York',
    calendar: { holidays: FEDERAL_HOLIDAYS },
    deadline: { after: { days: 14 }, rollover: 'next-business-day', endOfDay: true },
    consequences: [{ id: 'default', kind: 'custom', description: 'Entry of default (FRCP 55(a))' }],
  });
}

export function report(): string[] {
  const lines: string[] = [];
  for (const servedOn of ['2025-12-11', '2025-08-16', '2025-10-01']) {
    const u = responseDue(servedOn);
    const due = deadlineOf(u, servedOn);
    lines.push(`Served ${servedOn}: file before ${due?.toISO({ suppressMilliseconds: true })}`);
    for (const step of explain(u, servedOn)) lines.push(`  ${step.rule}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(report().join('\n'));
