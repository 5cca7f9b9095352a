import { createUltimatum, explain, pause, reschedule, resume, timeline } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { article50 } from '../examples/brexit-article-50.js';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, utc } from './helpers.js';

describe('explain', () => {
  it('names each rule and its result, as of the instant asked', () => {
    const steps = explain(foundingCase(), '2025-08-01T12:00');
    expect(steps.map((s) => s.rule)).toEqual([
      '+50 calendar days in America/New_York',
      '+10 to +12 calendar days in America/New_York',
      '+10 calendar days in America/New_York',
    ]);
    expect(steps.map((s) => s.result?.toMillis())).toEqual([utc(2025, 9, 2, 16), utc(2025, 8, 9, 16), utc(2025, 8, 8, 16)]);
    expect(steps[1]?.window?.earliest.toMillis()).toBe(utc(2025, 8, 7, 16));
    expect(steps[0]?.text).toBe(
      'Mon 14 Jul 2025 12:00 EDT: issued, +50 calendar days in America/New_York → Tue 2 Sep 2025 12:00 EDT',
    );
    expect(explain(foundingCase(), '2025-07-20')).toHaveLength(1);
  });

  it('ends with compliance and no deadline', () => {
    const steps = explain(article50(), '2020-02-15');
    expect(steps).toHaveLength(5);
    expect(steps[4]?.result).toBeNull();
    expect(steps[4]?.text).toBe('Thu 30 Jan 2020 00:00 GMT+1: complied: no deadline in force');
    expect(steps[1]?.rule).toBe('to the end of 2019-04-12');
  });

  it('says how long a pause in progress has lasted', () => {
    const u = pause(createUltimatum(base({ zone: 'UTC', issuedAt: '2025-03-03', deadline: { after: { days: 5 } } })), {
      at: '2025-03-04',
    });
    const last = explain(u, '2025-03-07').at(-1);
    expect(last?.rule).toBe('paused 3 days so far: the deadline has moved later by 3 days while the clock is stopped');
    expect(last?.result?.toMillis()).toBe(utc(2025, 3, 11));
  });

  it('tells a pause from the deadline it moved when the deadline changed during the pause', () => {
    // Issued 1 Jan (UTC) with 10 days; paused 3 Jan; on 5 Jan rescheduled to +10 days (15 Jan);
    // the clock stays stopped until 7 Jan, so the deadline moves 2 days, to 17 Jan.
    let u = createUltimatum(base({ zone: 'UTC', issuedAt: '2025-01-01', deadline: { after: { days: 10 } } }));
    u = pause(u, { at: '2025-01-03' });
    u = reschedule(u, { at: '2025-01-05', deadline: { after: { days: 10 } } });
    const during = explain(u, '2025-01-06').at(-1);
    expect(during?.text).toBe(
      'Mon 6 Jan 2025 00:00 UTC: still paused since Fri 3 Jan 2025 00:00 UTC, paused 3 days so far: the deadline has moved later by 1 day while the clock is stopped → Thu 16 Jan 2025 00:00 UTC',
    );
    u = resume(u, { at: '2025-01-07' });
    const after = explain(u, '2025-01-08');
    expect(after.map((s) => s.result?.toMillis())).toEqual([utc(2025, 1, 11), utc(2025, 1, 11), utc(2025, 1, 15), utc(2025, 1, 17)]);
    expect(after.at(-1)?.rule).toBe('paused 4 days: the deadline moves later by 2 days');
  });
});

describe('timeline', () => {
  it('lists issue, events and the final deadline in time order', () => {
    const entries = timeline(foundingCase());
    expect(entries.map((e) => [e.at.toISODate(), e.kind])).toEqual([
      ['2025-07-14', 'issued'],
      ['2025-07-15', 'note'],
      ['2025-07-28', 'reschedule'],
      ['2025-07-29', 'reschedule'],
      // Milestones as they fell under the deadline of 8 Aug 12:00 (25 days after issue), in force from 29 Jul:
      ['2025-08-01', 'milestone'], // 7 days left
      ['2025-08-02', 'milestone'], // 75 %: 18.75 days after 14 Jul 12:00 = 2 Aug 06:00
      ['2025-08-06', 'milestone'], // 90 %: 22.5 days = 6 Aug 00:00
      ['2025-08-06', 'enforce'],
      ['2025-08-07', 'milestone'], // 1 day left
      ['2025-08-08', 'milestone'], // 1 hour left
      ['2025-08-08', 'deadline'],
    ]);
    // 50 % never fell: on 27 Jul 00:00 (half of 14 Jul → 8 Aug) the deadline in force was still 2 Sep.
    expect(entries.filter((e) => e.kind === 'milestone').map((e) => e.label)).not.toContain('50 % of the time elapsed');
  });
  it('ends at the outcome when complied', () => {
    expect(timeline(article50()).at(-1)?.kind).toBe('comply');
  });
});
