/**
 * changesBetween: what happened to an ultimatum in a span, each change once, in time order, with
 * a stable key. Instants worked out by hand from the rules written.
 */
import { readFileSync } from 'node:fs';
import { comply, createUltimatum, enforce, extend, parseTracker, parseUltimatum, status, type Ultimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { changesBetween } from '../src/track/changesBetween.js';
import { utc, utcCase } from './helpers.js';

// Issued Mon 3 Mar 2025 09:00 UTC, 10 days: deadline Thu 13 Mar 09:00; half time Sat 8 Mar 09:00;
// the notice falls due at the deadline, the tariff a day after it, Fri 14 Mar 09:00 (when the
// notice, due since the day before, is not due again).
const u = createUltimatum(
  utcCase({
    id: 'case',
    milestones: { fractions: [0.5], before: [] },
    consequences: [
      { id: 'tariff', kind: 'tariff', ratePercent: 25, scope: 'primary', offset: { days: 1 } },
      { id: 'notice', kind: 'custom', description: 'public notice' },
    ],
  }),
);

describe('changesBetween', () => {
  it('lists each change once, in time order, with a stable key', () => {
    expect(changesBetween(u, utc(2025, 3, 3, 8), utc(2025, 3, 20))).toEqual([
      { kind: 'phase', id: 'case', atMs: utc(2025, 3, 3, 9), key: `case:phase:${utc(2025, 3, 3, 9)}`, phase: 'active', previous: 'pending' },
      { kind: 'milestone', id: 'case', atMs: utc(2025, 3, 8, 9), key: `case:milestone:${utc(2025, 3, 8, 9)}:50 % of the time elapsed`, label: '50 % of the time elapsed' },
      { kind: 'phase', id: 'case', atMs: utc(2025, 3, 13, 9), key: `case:phase:${utc(2025, 3, 13, 9)}`, phase: 'expired', previous: 'active' },
      { kind: 'due', id: 'case', atMs: utc(2025, 3, 13, 9), key: `case:due:${utc(2025, 3, 13, 9)}:notice`, consequenceId: 'notice' },
      { kind: 'due', id: 'case', atMs: utc(2025, 3, 14, 9), key: `case:due:${utc(2025, 3, 14, 9)}:tariff`, consequenceId: 'tariff' },
    ]);
  });

  it('takes the span open at its start and closed at its end', () => {
    expect(changesBetween(u, utc(2025, 3, 8, 9), utc(2025, 3, 13, 9)).map((c) => c.kind)).toEqual(['phase', 'due']);
    expect(changesBetween(u, utc(2025, 3, 20), utc(2025, 3, 1))).toEqual([]);
    expect(changesBetween(u, utc(2025, 3, 8, 9) - 1, utc(2025, 3, 8, 9)).map((c) => c.kind)).toEqual(['milestone']);
    expect(changesBetween(u, utc(2025, 3, 13, 9), utc(2025, 3, 13, 9))).toEqual([]);
  });

  it('follows the history: an extension moves the deadline, the due date and the half-time mark', () => {
    // Extended on 5 Mar by 4 days: deadline Mon 17 Mar 09:00, half of 14 days: Mon 10 Mar 09:00, due Tue 18 Mar.
    const longer = parseUltimatum(JSON.parse(JSON.stringify(extend(u, { at: '2025-03-05T09:00', by: { days: 4 } }))));
    expect(changesBetween(longer, utc(2025, 3, 5, 9), utc(2025, 3, 20)).map((c) => [c.kind, c.atMs])).toEqual([
      ['milestone', utc(2025, 3, 10, 9)],
      ['phase', utc(2025, 3, 17, 9)],
      ['due', utc(2025, 3, 17, 9)],
      ['due', utc(2025, 3, 18, 9)],
    ]);
  });

  it('says a consequence falls due, and a phase changes, exactly where status() says so (every change instant of the example documents)', () => {
    const read = (name: string) => JSON.parse(readFileSync(new URL(`../examples/data/${name}`, import.meta.url), 'utf8'));
    const docs: Ultimatum[] = [
      ...['russia-50-day.json', 'brexit-article-50.json', 'court-deadline.json'].map((name) => parseUltimatum(read(name))),
      ...parseTracker(read('tracker.json')).list(),
      u,
      // The notice imposed in full on 5 Mar, before it fell due; the addressee complies on 15 Mar.
      comply(enforce(u, { at: '2025-03-05T09:00', consequences: ['notice'] }), { at: '2025-03-15T09:00' }),
      enforce(u, { at: '2025-03-05T09:00', consequences: ['tariff'], partial: true }),
    ];
    let compared = 0;
    for (const doc of docs) {
      const all = changesBetween(doc, -8.64e15, 8.64e15);
      const instants = [...new Set(all.map((c) => c.atMs))];
      for (const t of instants) {
        const before = status(doc, t - 1);
        const after = status(doc, t);
        const wasDue = new Set(before.consequences.due.map((d) => d.consequence.id));
        const expected = [
          ...(before.phase === after.phase ? [] : [`phase ${before.phase} → ${after.phase}`]),
          ...after.consequences.due.filter((d) => !wasDue.has(d.consequence.id)).map((d) => `due ${d.consequence.id}`),
        ];
        const got = all.filter((c) => c.atMs === t && c.kind !== 'milestone').map((c) => (c.kind === 'phase' ? `phase ${c.previous} → ${c.phase}` : `due ${(c as { consequenceId: string }).consequenceId}`));
        expect(got).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('a consequence imposed in full before its due date never falls due; the others do', () => {
    const early = enforce(u, { at: '2025-03-05T09:00', consequences: ['notice'] });
    // The deadline (13 Mar) brings no notice due; the tariff still falls due a day later.
    expect(changesBetween(early, utc(2025, 3, 10), utc(2025, 3, 20)).filter((c) => c.kind === 'due').map((c) => [c.atMs, (c as { consequenceId: string }).consequenceId])).toEqual([
      [utc(2025, 3, 14, 9), 'tariff'],
    ]);
  });
});
