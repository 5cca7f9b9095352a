/**
 * The founding case: the 50-day ultimatum of 14 July 2025 (see the README).
 * Reports give dates, not times: each statement is modelled at 12:00 in America/New_York.
 * Run: npm run demo
 */
import { pathToFileURL } from 'node:url';
import {
  countdown,
  createUltimatum,
  deadlineOf,
  enforce,
  explain,
  formatCountdown,
  note,
  reschedule,
  status,
  type Ultimatum,
} from 'ultimatum';

const noon = (date: string) => `${date}T12:00`; // read in the ultimatum's zone

/** The ultimatum and its history, each step with its source. */
export function foundingCase(): Ultimatum {
  let u = createUltimatum({
    id: 'russia-50-day-2025',
    title: '50 days to end the war in Ukraine',
    issuer: 'United States',
    addressee: 'Russia',
    demands: ['Agree a ceasefire / peace deal with Ukraine'],
    issuedAt: noon('2025-07-14'),
    zone: 'America/New_York',
    deadline: { after: { days: 50 } },
    consequences: [
      {
        id: 'secondary-tariffs',
        kind: 'tariff',
        ratePercent: 100,
        scope: 'secondary',
        targets: ["Russia's trading partners"],
        description: 'Secondary tariffs of about 100 percent on countries that trade with Russia',
      },
    ],
    source: {
      quote: 'conclude his invasion of Ukraine in 50 days or face punitive secondary tariffs of 100 percent on Russian trade partners',
      publishedAt: '2025-07-14',
    },
  });
  u = note(u, {
    at: noon('2025-07-15'),
    text: 'The Kremlin calls the statements "very serious" and says it "will need time to analyze" them',
    source: { quote: 'We will certainly need time to analyze the rhetoric from Washington.' },
  });
  u = reschedule(u, {
    at: noon('2025-07-28'),
    deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } },
    note: 'Speaking in Scotland: the 50 days cut to "10 or 12 days"',
  });
  u = reschedule(u, { at: noon('2025-07-29'), deadline: { after: { days: 10 } }, note: '"10 days from today"' });
  u = enforce(u, {
    at: noon('2025-08-06'),
    consequences: ['secondary-tariffs'],
    partial: true,
    note: '25 % on imports from India only, over its purchases of Russian oil — not 100 % on all trading partners',
  });
  return u;
}

const when = (d: { toFormat(f: string): string } | null | undefined) =>
  d ? d.toFormat("ccc d LLL yyyy HH:mm ZZZZ") : 'none';

/** Answers the questions the fixture asks, one line each. */
export function report(): string[] {
  const u = foundingCase();
  const lines: string[] = [`${u.title} (issued by ${u.issuer} to ${u.addressee.join(', ')})`];
  lines.push(`Deadline in force on 20 Jul 2025: ${when(deadlineOf(u, noon('2025-07-20')))}`);
  const on28 = status(u, '2025-07-28T20:00');
  lines.push(
    `Deadline in force on 28 Jul 2025 (evening): window ${when(on28.window?.earliest)} – ${when(on28.window?.latest)}`,
  );
  lines.push(`Deadline in force on 1 Aug 2025: ${when(deadlineOf(u, noon('2025-08-01')))}`);
  const c = countdown(u, noon('2025-07-20'));
  lines.push(`Countdown on 20 Jul 2025 12:00: ${formatCountdown(c, { locale: 'en' })} (${formatCountdown(c, { style: 'digital' })})`);
  const on10 = status(u, noon('2025-08-10'));
  lines.push(`Phase on 10 Aug 2025: ${on10.phase}; overdue by ${formatCountdown(countdown(u, noon('2025-08-10')), { locale: 'en' })}`);
  for (const t of on10.consequences.threatened) {
    const c0 = t.consequence;
    const what = c0.kind === 'tariff' ? `${c0.ratePercent} % ${c0.scope} tariff on ${c0.targets?.join(', ')}` : c0.description;
    lines.push(`Threatened: ${what}`);
  }
  for (const e of on10.consequences.enforced) {
    lines.push(`Imposed ${e.at.toISODate()}${e.partial ? ' (partly)' : ''}: ${e.note}`);
  }
  for (const d of on10.consequences.due) {
    lines.push(`Still due since ${when(d.dueAt)}: ${d.consequence.id}${d.partiallyEnforced ? ' (only partly enforced)' : ''}`);
  }
  lines.push('How the deadline of 10 Aug 2025 was reached:');
  for (const step of explain(u, noon('2025-08-10'))) {
    lines.push(`  ${step.text}${step.source?.quote ? ` — “${step.source.quote}”` : ''}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(report().join('\n'));
