/**
 * toICS(): how each kind of consequence is written in DESCRIPTION (targets, offsets, enforced in
 * full or in part), read back through ical.js; and the milestone options refused at their paths.
 */
import ICAL from 'ical.js';
import { createUltimatum, enforce, isUltimatumError } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { toICS } from '../src/adapters/ics.js';

// 10 days from Mon 3 Mar 2025 09:00 UTC: Thu 13 Mar 09:00.
const u = createUltimatum({
  title: 'Case',
  issuer: 'A',
  addressee: ['B', 'C'],
  demands: ['Do it'],
  issuedAt: '2025-03-03T09:00',
  zone: 'UTC',
  deadline: { after: { days: 10 } },
  consequences: [
    { id: 'strikes', kind: 'military', description: 'Air strikes', targets: ['Base 1', 'Base 2'], offset: { days: 2 } },
    { id: 'fine', kind: 'custom', description: 'A fine', targets: ['Ministry'] },
    { id: 'statement', kind: 'custom', description: 'Public statement' },
    { id: 'freeze', kind: 'sanctions', description: 'Asset freeze', targets: ['Central bank'] },
    { id: 'embargo', kind: 'sanctions', description: 'Arms embargo' },
    { id: 'duty', kind: 'tariff', ratePercent: 25, scope: 'primary' },
  ],
});

function description(ics: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = cal.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  return String(events[0]?.getFirstPropertyValue('description')).split('\n');
}

describe('toICS: consequences in DESCRIPTION', () => {
  it('each kind in its words, targets named, a due date only when it differs from the deadline', () => {
    expect(description(toICS(u, { alarms: false }))).toEqual([
      'Deadline: Thu 13 Mar 2025 09:00 UTC (UTC)',
      'A → B, C',
      'Demands:',
      '- Do it',
      'Consequences threatened:',
      '- Military action on Base 1, Base 2: Air strikes (due Sat 15 Mar 2025 09:00 UTC)',
      '- A fine (on Ministry)',
      '- Public statement',
      '- Sanctions on Central bank: Asset freeze',
      '- Sanctions: Arms embargo',
      '- 25 % primary tariff',
    ]);
  });

  it('one enforced in full is no longer threatened; one enforced in part is marked', () => {
    let v = enforce(u, { at: '2025-03-04T09:00', consequences: ['freeze', 'strikes', 'statement', 'fine', 'embargo'] });
    v = enforce(v, { at: '2025-03-05T09:00', consequences: ['duty'], partial: true });
    expect(description(toICS(v, { alarms: false })).slice(4)).toEqual(['Consequences threatened:', '- 25 % primary tariff (partly imposed)']);
    const all = enforce(v, { at: '2025-03-06T09:00', consequences: ['duty'] });
    expect(description(toICS(all, { alarms: false }))).toEqual(['Deadline: Thu 13 Mar 2025 09:00 UTC (UTC)', 'A → B, C', 'Demands:', '- Do it']);
  });
});

describe('toICS: milestone options', () => {
  const pathsOf = (opts: unknown) => {
    try {
      toICS(u, opts as never);
    } catch (e) {
      if (isUltimatumError(e)) return e.issues.map((i) => [i.path.join('.'), i.message]);
    }
    throw new Error('did not throw');
  };

  it('refuses fractions or before that are not arrays, and unknown keys, each at its path', () => {
    expect(pathsOf({ milestones: { fractions: 0.5, before: { days: 1 }, every: 'day' } })).toEqual([
      ['milestones.every', 'unknown field "every"'],
      ['milestones.fractions', 'must be an array'],
      ['milestones.before', 'must be an array'],
    ]);
  });
});
