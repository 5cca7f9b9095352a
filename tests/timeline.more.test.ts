/**
 * timeline(): an enforcement of several consequences, entries dated in the ultimatum's zone, and
 * `eventIndex` only on history entries. Calendar facts: Mon 14 Jul 2025; New York on EDT (UTC−4).
 */
import { createUltimatum, enforce, timeline } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utcCase } from './helpers.js';

describe('timeline', () => {
  it('an enforcement lists every consequence it carried out, separated by commas', () => {
    const u = enforce(
      createUltimatum(
        utcCase({
          milestones: { fractions: [], before: [] },
          consequences: [
            { id: 'fine', kind: 'custom', description: 'A fine' },
            { id: 'tariff', kind: 'tariff', ratePercent: 10, scope: 'primary' },
          ],
        }),
      ),
      { at: '2025-03-14T09:00', consequences: ['fine', 'tariff'] },
    );
    expect(timeline(u).map((e) => e.label)).toEqual([
      'Issued: Case',
      'Deadline: Thu 13 Mar 2025 09:00 UTC',
      'Enforced: fine, tariff',
    ]);
  });

  it('entries are DateTimes in the ultimatum’s zone', () => {
    // Issued Mon 14 Jul 2025 12:00 EDT + 50 days = Tue 2 Sep 2025 12:00 EDT.
    const entries = timeline(createUltimatum(base({ milestones: { fractions: [], before: [] } })));
    expect(entries.map((e) => [e.kind, e.at.toISO()])).toEqual([
      ['issued', '2025-07-14T12:00:00.000-04:00'],
      ['deadline', '2025-09-02T12:00:00.000-04:00'],
    ]);
  });

  it('only history entries carry an eventIndex', () => {
    const u = enforce(
      createUltimatum(utcCase({ milestones: { fractions: [0.5], before: [] }, consequences: [{ id: 'fine', kind: 'custom', description: 'A fine' }] })),
      { at: '2025-03-04T09:00', consequences: ['fine'], partial: true },
    );
    // Issued 3 Mar 09:00, enforced 4 Mar 09:00, 50 % of 10 days on 8 Mar 09:00, deadline 13 Mar 09:00.
    expect(timeline(u).map((e) => [e.kind, Object.keys(e).sort()])).toEqual([
      ['issued', ['at', 'kind', 'label']],
      ['enforce', ['at', 'eventIndex', 'kind', 'label']],
      ['milestone', ['at', 'kind', 'label']],
      ['deadline', ['at', 'kind', 'label']],
    ]);
  });
});
