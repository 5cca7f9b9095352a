/**
 * The instants at which an ultimatum changes (src/track/changeInstants.ts), seen through
 * `tracker.nextChange`: the issue instant, the window opening, the deadline and consequences
 * falling due under each deadline while it was in force, and nothing after the outcome.
 * Milestones are switched off (`fractions: [], before: []`) so that each instant below is the
 * only one. UTC, issued Mon 3 Mar 2025 09:00 with 10 days (Thu 13 Mar 09:00) unless said otherwise.
 */
import { comply, createTracker, createUltimatum, extend, reschedule, shorten, type Ultimatum, type UltimatumInput } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { utc, utcCase } from './helpers.js';

const quiet = (over: Partial<UltimatumInput> = {}) =>
  createUltimatum(utcCase({ id: 'u', milestones: { fractions: [], before: [] }, ...over }));

/** Every change instant after `from`, in order, as a tracker of one would wake for them. */
function wakes(u: Ultimatum, from: number): number[] {
  const t = createTracker([u]);
  const out: number[] = [];
  for (let next = t.nextChange(from); next !== null; next = t.nextChange(next.atMs)) out.push(next.atMs);
  return out;
}

describe('what changes, and when', () => {
  it('the issue instant of an ultimatum not issued yet is a change (pending → active)', () => {
    // Issued Mon 10 Mar 09:00 with 10 days: active from 10 Mar 09:00, due 20 Mar 09:00.
    expect(wakes(quiet({ issuedAt: '2025-03-10T09:00' }), utc(2025, 3, 5))).toEqual([utc(2025, 3, 10, 9), utc(2025, 3, 20, 9)]);
  });

  it('the window opening, the deadline and a consequence due after it', () => {
    // 10 to 12 days: opens 13 Mar 09:00, due 15 Mar 09:00; the fine is due 2 days later, 17 Mar 09:00.
    const u = quiet({
      deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } },
      consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', offset: { days: 2 } }],
    });
    expect(wakes(u, utc(2025, 3, 3, 9))).toEqual([utc(2025, 3, 13, 9), utc(2025, 3, 15, 9), utc(2025, 3, 17, 9)]);
  });

  it('a deadline rescheduled before it fell is not a change; the new one is', () => {
    // 13 Mar 09:00 is replaced on 10 Mar 09:00 by 30 days from then: Wed 9 Apr 09:00.
    const u = reschedule(quiet(), { at: '2025-03-10T09:00', deadline: { after: { days: 30 } } });
    expect(wakes(u, utc(2025, 3, 3, 9))).toEqual([utc(2025, 3, 10, 9), utc(2025, 4, 9, 9)]);
  });

  it('a deadline shortened to an instant already past changes nothing before the shortening', () => {
    // On Wed 12 Mar 09:00 the deadline is brought forward to Tue 11 Mar 09:00: overdue from 12 Mar on,
    // and nothing happened on 11 Mar (the deadline then in force was still 13 Mar).
    const u = shorten(quiet(), { at: '2025-03-12T09:00', to: '2025-03-11T09:00' });
    expect(wakes(u, utc(2025, 3, 10, 9))).toEqual([utc(2025, 3, 12, 9)]);
  });

  it('nothing changes after compliance, not even the deadline that was in force', () => {
    // 10 hours (due 19:00, default milestones at 14:00, 16:30, 18:00), complied at 10:00.
    const u = comply(createUltimatum(utcCase({ id: 'c', deadline: { after: { hours: 10 } } })), { at: '2025-03-03T10:00' });
    expect(wakes(u, utc(2025, 3, 3, 9))).toEqual([utc(2025, 3, 3, 10)]);
  });
});

describe('plain documents', () => {
  it('a JSON document changed between two trackers is read afresh', () => {
    // Stored with 10 days (13 Mar 09:00), then edited to 5 days (8 Mar 09:00).
    const doc = JSON.parse(JSON.stringify(quiet())) as Ultimatum & { deadline: unknown };
    expect(createTracker([doc]).nextChange(utc(2025, 3, 3, 9))?.atMs).toBe(utc(2025, 3, 13, 9));
    doc.deadline = { after: { days: 5 } };
    expect(createTracker([doc]).nextChange(utc(2025, 3, 3, 9))?.atMs).toBe(utc(2025, 3, 8, 9));
  });

  it('an instant found twice is one change, in a short history and in a long one', () => {
    // A consequence with no offset falls due at the deadline itself: 13 Mar 09:00, found twice.
    const fine = { consequences: [{ id: 'fine', kind: 'custom' as const, description: 'A fine' }] };
    const short = quiet(fine);
    expect(createTracker([short]).nextChange(utc(2025, 3, 12))?.ids).toEqual(['u']);
    expect(wakes(short, utc(2025, 3, 3, 9))).toEqual([utc(2025, 3, 13, 9)]);
    // Seventy one-day extensions (more instants than the list first has room for), hourly from
    // 3 Mar 10:00 to 6 Mar 07:00: 13 Mar + 70 days = 22 May 09:00.
    let long = quiet(fine);
    for (let h = 1; h <= 70; h++) long = extend(long, { at: new Date(utc(2025, 3, 3, 9) + h * 3_600_000), by: { days: 1 } });
    const hourly = Array.from({ length: 70 }, (_, i) => utc(2025, 3, 3, 10 + i));
    expect(hourly.at(-1)).toBe(utc(2025, 3, 6, 7));
    expect(wakes(long, utc(2025, 3, 3, 8))).toEqual([utc(2025, 3, 3, 9), ...hourly, utc(2025, 5, 22, 9)]);
    expect(createTracker([long]).nextChange(utc(2025, 5, 1))?.ids).toEqual(['u']);
  });
});
