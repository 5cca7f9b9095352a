/**
 * explain(): withdrawal, extend and shorten by a duration and to an instant, a pause shorter than
 * a second, and windows whose two ends are written in different units. Dates from a calendar:
 * Mon 3 Mar 2025; New York is on EDT (UTC−4) from 9 Mar 2025.
 */
import { createUltimatum, explain, extend, pause, resume, shorten, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { utc } from './helpers.js';

const make = (over: Partial<UltimatumInput> = {}) =>
  createUltimatum({
    title: 'Case',
    issuer: 'A',
    addressee: 'B',
    demands: ['Do it'],
    issuedAt: '2025-03-03T09:00',
    zone: 'UTC',
    deadline: { after: { days: 10 } }, // Thu 13 Mar 09:00
    ...over,
  });

describe('explain', () => {
  it('a withdrawal ends with no deadline in force, and keeps its note and source', () => {
    const u = withdraw(make(), { at: '2025-03-05T09:00', note: 'talks succeeded', source: { url: 'https://example.org/w' } });
    const last = explain(u, '2025-03-06').at(-1);
    expect(last).toMatchObject({
      text: 'Wed 5 Mar 2025 09:00 UTC: withdrawn: no deadline in force',
      rule: 'withdrawn',
      result: null,
      eventIndex: 0,
      note: 'talks succeeded',
      source: { url: 'https://example.org/w' },
    });
    expect(last?.window).toBeUndefined();
  });

  it('extend by and shorten by name the duration, with a plus or a minus sign', () => {
    let u = extend(make(), { at: '2025-03-04T09:00', by: { days: 2 } }); // Sat 15 Mar 09:00
    u = shorten(u, { at: '2025-03-05T09:00', by: { hours: 12 } }); // Fri 14 Mar 21:00
    expect(explain(u, '2025-03-06').map((s) => s.text)).toEqual([
      'Mon 3 Mar 2025 09:00 UTC: issued, +10 calendar days in UTC → Thu 13 Mar 2025 09:00 UTC',
      'Tue 4 Mar 2025 09:00 UTC: extended, +2 calendar days → Sat 15 Mar 2025 09:00 UTC',
      'Wed 5 Mar 2025 09:00 UTC: shortened, −12 hours → Fri 14 Mar 2025 21:00 UTC',
    ]);
  });

  it('extend to an instant with a time names it in the zone’s offset', () => {
    // New York: issued Mon 3 Mar 09:00 EST + 10 days = Thu 13 Mar 09:00 EDT (after the DST change).
    const u = extend(make({ zone: 'America/New_York' }), { at: '2025-03-04T09:00', to: '2025-03-20T12:00' });
    const steps = explain(u, '2025-03-05');
    expect(steps.map((s) => s.rule)).toEqual(['+10 calendar days in America/New_York', 'to 2025-03-20T12:00:00-04:00']);
    expect(steps.map((s) => s.result?.toMillis())).toEqual([utc(2025, 3, 13, 13), utc(2025, 3, 20, 16)]);
  });

  it('a pause shorter than a second is told in milliseconds', () => {
    const u = resume(pause(make(), { at: '2025-03-04T09:00' }), { at: '2025-03-04T09:00:00.500' });
    const last = explain(u, '2025-03-05').at(-1);
    expect(last?.rule).toBe('paused 500 ms: the deadline moves later by 500 ms');
    expect(last?.result?.toMillis()).toBe(utc(2025, 3, 13, 9) + 500);
  });

  it('a window whose ends use different units is written out in full at both ends', () => {
    const steps = (after: UltimatumInput['deadline']) => explain(make({ deadline: after }), '2025-03-04')[0]?.rule;
    expect(steps({ after: { earliest: { days: 10 }, latest: { weeks: 2 } } })).toBe('+10 calendar days to +2 calendar weeks in UTC');
    expect(steps({ after: { earliest: { days: 1, hours: 12 }, latest: { days: 2 } } })).toBe('+1 calendar day 12 hours to +2 calendar days in UTC');
    expect(steps({ after: { earliest: { days: 2 }, latest: { days: 2, hours: 12 } } })).toBe('+2 calendar days to +2 calendar days 12 hours in UTC');
    expect(steps({ after: { earliest: { hours: 36 }, latest: { hours: 48 } } })).toBe('+36 to +48 hours');
  });
});
