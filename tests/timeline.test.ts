/**
 * timeline(): one entry per event kind with its label, the deadline finally in force (a window,
 * a pause in progress), and consequences falling due after the deadline by their offset. All in
 * UTC from Mon 3 Mar 2025 09:00; milestones are switched off (`fractions: [], before: []`) so
 * that each list below is complete. Dates worked out on a calendar: 13 Mar 2025 is a Thursday.
 */
import { comply, createUltimatum, enforce, extend, note, pause, reschedule, resume, shorten, timeline, type Ultimatum, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utcCase } from './helpers.js';

// utcCase: 10 days from Mon 3 Mar 09:00, so Thu 13 Mar 09:00.
const make = (over: Partial<UltimatumInput> = {}) => createUltimatum(utcCase({ milestones: { fractions: [], before: [] }, ...over }));

const rows = (u: Ultimatum) => timeline(u).map((e) => [e.kind, e.at.toISO({ suppressMilliseconds: true, includeOffset: false }), e.label, e.eventIndex]);

describe('timeline', () => {
  it('labels pause, resume, extend by, shorten to and enforce; consequences due by their offset', () => {
    let u = make({
      consequences: [
        { id: 'fine', kind: 'custom', description: 'A fine', offset: { days: 2 } },
        { id: 'tariff', kind: 'tariff', ratePercent: 10, scope: 'primary' }, // due at the deadline itself: no entry of its own
        { id: 'sanctions', kind: 'sanctions', description: 'Asset freeze', offset: { days: 1 } },
      ],
    });
    u = pause(u, { at: '2025-03-04T09:00', note: 'talks' });
    u = resume(u, { at: '2025-03-05T09:00' }); // one day paused: Fri 14 Mar 09:00
    u = extend(u, { at: '2025-03-06T09:00', by: { days: 2 } }); // Sun 16 Mar 09:00
    u = shorten(u, { at: '2025-03-07T09:00', to: '2025-03-15T09:00' }); // Sat 15 Mar 09:00
    u = enforce(u, { at: '2025-03-08T09:00', consequences: ['sanctions'] }); // fully: no longer due
    expect(rows(u)).toEqual([
      ['issued', '2025-03-03T09:00:00', 'Issued: Case', undefined],
      ['pause', '2025-03-04T09:00:00', 'Paused (talks)', 0],
      ['resume', '2025-03-05T09:00:00', 'Resumed: deadline Fri 14 Mar 2025 09:00 UTC', 1],
      ['extend', '2025-03-06T09:00:00', 'Extended by 2 calendar days: deadline Sun 16 Mar 2025 09:00 UTC', 2],
      ['shorten', '2025-03-07T09:00:00', 'Shortened: deadline Sat 15 Mar 2025 09:00 UTC', 3],
      ['enforce', '2025-03-08T09:00:00', 'Enforced: sanctions', 4],
      ['deadline', '2025-03-15T09:00:00', 'Deadline: Sat 15 Mar 2025 09:00 UTC', undefined],
      ['consequence-due', '2025-03-17T09:00:00', 'Due: fine', undefined],
    ]);
  });

  it('a partial enforcement leaves the consequence due; notes, windows and rescheduled windows', () => {
    let u = make({
      deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } },
      consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', offset: { hours: 6 } }],
    });
    u = note(u, { at: '2025-03-04T09:00', text: 'No answer yet' });
    u = enforce(u, { at: '2025-03-05T09:00', consequences: ['fine'], partial: true, note: 'half of it' });
    // From 6 Mar 09:00: 5 to 7 days, Tue 11 Mar 09:00 – Thu 13 Mar 09:00.
    u = reschedule(u, { at: '2025-03-06T09:00', deadline: { after: { earliest: { days: 5 }, latest: { days: 7 } } } });
    expect(rows(u)).toEqual([
      ['issued', '2025-03-03T09:00:00', 'Issued: Case', undefined],
      ['note', '2025-03-04T09:00:00', 'Note: No answer yet', 0],
      ['enforce', '2025-03-05T09:00:00', 'Enforced (partly): fine (half of it)', 1],
      ['reschedule', '2025-03-06T09:00:00', 'Rescheduled: deadline window Tue 11 Mar 2025 09:00 UTC – Thu 13 Mar 2025 09:00 UTC', 2],
      ['window-opens', '2025-03-11T09:00:00', 'Window opens', undefined],
      ['deadline', '2025-03-13T09:00:00', 'Deadline: Thu 13 Mar 2025 09:00 UTC', undefined],
      ['consequence-due', '2025-03-13T15:00:00', 'Due: fine', undefined],
    ]);
  });

  it('a pause in progress: the window and deadline as they stood, marked as moving', () => {
    // Window 13–15 Mar; paused on 4 Mar and never resumed.
    const u = pause(make({ deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } } }), { at: '2025-03-04T09:00' });
    expect(rows(u).slice(2)).toEqual([
      ['window-opens', '2025-03-13T09:00:00', 'Window opens (paused: moves later until resumed)', undefined],
      ['deadline', '2025-03-15T09:00:00', 'Deadline: Sat 15 Mar 2025 09:00 UTC (paused: moves later until resumed)', undefined],
    ]);
  });

  it('ends with a withdrawal or a compliance: no deadline, no consequence due', () => {
    const consequences = [{ id: 'fine', kind: 'custom' as const, description: 'A fine', offset: { days: 2 } }];
    expect(rows(withdraw(make({ consequences }), { at: '2025-03-05T09:00', note: 'talks succeeded' }))).toEqual([
      ['issued', '2025-03-03T09:00:00', 'Issued: Case', undefined],
      ['withdraw', '2025-03-05T09:00:00', 'Withdrawn (talks succeeded)', 0],
    ]);
    expect(rows(comply(make({ consequences }), { at: '2025-03-05T09:00' })).at(-1)).toEqual([
      'comply',
      '2025-03-05T09:00:00',
      'Complied',
      0,
    ]);
  });

  it('extend to an instant says no "by"; an entry at the deadline instant comes before the deadline', () => {
    const u = note(extend(make(), { at: '2025-03-05T09:00', to: '2025-03-14T09:00' }), { at: '2025-03-14T09:00', text: 'Time is up' });
    expect(rows(u)).toEqual([
      ['issued', '2025-03-03T09:00:00', 'Issued: Case', undefined],
      ['extend', '2025-03-05T09:00:00', 'Extended: deadline Fri 14 Mar 2025 09:00 UTC', 0],
      ['note', '2025-03-14T09:00:00', 'Note: Time is up', 1],
      ['deadline', '2025-03-14T09:00:00', 'Deadline: Fri 14 Mar 2025 09:00 UTC', undefined],
    ]);
  });
});

/**
 * timeline(): an enforcement of several consequences, entries dated in the ultimatum's zone, and
 * `eventIndex` only on history entries. Calendar facts: Mon 14 Jul 2025; New York on EDT (UTC−4).
 */
describe('timeline: enforcements, zones and event indexes', () => {
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
