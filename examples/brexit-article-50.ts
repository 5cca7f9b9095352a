/**
 * Article 50 TEU: the United Kingdom's notice of 29 March 2017 started two years to leave the
 * EU, ending at the end of 29 March 2019, Brussels time. The European Council extended it
 * three times; the withdrawal agreement was concluded on 30 January 2020.
 * Run: npx tsx examples/brexit-article-50.ts
 */
import { pathToFileURL } from 'node:url';
import { comply, createUltimatum, deadlineOf, explain, extend, type Ultimatum } from 'ultimatum';

export function article50(): Ultimatum {
  let u = createUltimatum({
    id: 'brexit-article-50',
    title: 'Article 50 notice: two years to agree the withdrawal',
    issuer: 'United Kingdom',
    addressee: ['European Union'],
    demands: ['Conclude a withdrawal agreement'],
    issuedAt: '2017-03-29',
    zone: 'Europe/Brussels',
    // A date-only deadline means the end of that day in the zone.
    deadline: { at: '2019-03-29' },
    source: { url: 'https://eur-lex.europa.eu/eli/treaty/teu_2012/art_50/oj' },
  });
  u = extend(u, { at: '2019-03-22', to: '2019-04-12', note: 'European Council Decision (EU) 2019/476' });
  u = extend(u, { at: '2019-04-11', to: '2019-10-31', note: 'European Council Decision (EU) 2019/584' });
  u = extend(u, { at: '2019-10-29', to: '2020-01-31', note: 'European Council Decision (EU) 2019/1810' });
  u = comply(u, { at: '2020-01-30', note: 'Withdrawal agreement concluded by the Council' });
  return u;
}

const CHOSEN = ['2018-06-01', '2019-03-25', '2019-06-01', '2019-12-01', '2020-02-15'];

export function report(): string[] {
  const u = article50();
  const lines = CHOSEN.map((date) => {
    const d = deadlineOf(u, date);
    return `Deadline in force on ${date}: ${d ? d.toISO({ suppressMilliseconds: true }) : 'none (complied)'}`;
  });
  lines.push('How it was reached (as of 2020-02-15):');
  for (const step of explain(u, '2020-02-15')) lines.push(`  ${step.text}${step.note ? ` (${step.note})` : ''}`);
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(report().join('\n'));
