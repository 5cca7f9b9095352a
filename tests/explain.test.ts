import { createUltimatum, explain, extend, pause, reschedule, resume, shorten, timeline, type UltimatumInput, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { article50 } from '../examples/brexit-article-50.js';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, utc, utcCase } from './helpers.js';
import { Settings } from 'luxon';

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

/**
 * explain(): withdrawal, extend and shorten by a duration and to an instant, a pause shorter than
 * a second, and windows whose two ends are written in different units. Dates from a calendar:
 * Mon 3 Mar 2025; New York is on EDT (UTC−4) from 9 Mar 2025.
 */
// utcCase: 10 days from Mon 3 Mar 09:00, so Thu 13 Mar 09:00.
const make = (over: Partial<UltimatumInput> = {}) => createUltimatum(utcCase(over));

describe('explain: withdrawal, shifts by and to, short pauses, windows', () => {
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

/**
 * explain(): which steps are shown as of an instant (the issue rule always, an event from its own
 * instant on), the texts of a window and of a resume, optional fields left out when there is
 * nothing to say, and dates in the ultimatum's zone written in English whatever luxon's defaults.
 * Calendar facts: Mon 3 Mar 2025; New York is on EST (UTC−5) until 9 Mar 2025, EDT (UTC−4) after.
 */
describe('which steps, as of an instant', () => {
  const extended = extend(createUltimatum(utcCase()), { at: '2025-03-05T09:00', by: { days: 2 } }); // 13 → 15 Mar 09:00

  it('before the ultimatum was issued, the rule it was issued with', () => {
    const steps = explain(extended, '2025-03-01');
    expect(steps.map((s) => s.rule)).toEqual(['+10 calendar days in UTC']);
    expect(steps[0]?.result?.toMillis()).toBe(utc(2025, 3, 13, 9));
  });

  it('an event is a step from its own instant on, not a millisecond before', () => {
    expect(explain(extended, '2025-03-05T08:59:59.999').map((s) => s.rule)).toEqual(['+10 calendar days in UTC']);
    expect(explain(extended, '2025-03-05T09:00').map((s) => s.rule)).toEqual(['+10 calendar days in UTC', '+2 calendar days']);
  });
});

describe('texts', () => {
  it('a step leaving a window names both ends (the worked example of the TSDoc)', () => {
    expect(explain(foundingCase(), '2025-08-01')[1]?.text).toBe(
      'Mon 28 Jul 2025 12:00 EDT: rescheduled, +10 to +12 calendar days in America/New_York → Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT',
    );
  });

  it('a resume says since when the clock stood still', () => {
    // 13 Mar 09:00, paused Tue 4 Mar 09:00, resumed Wed 5 Mar 09:00: one day later, Fri 14 Mar 09:00.
    const u = resume(pause(createUltimatum(utcCase()), { at: '2025-03-04T09:00' }), { at: '2025-03-05T09:00' });
    expect(explain(u, '2025-03-06').map((s) => s.text)).toEqual([
      'Mon 3 Mar 2025 09:00 UTC: issued, +10 calendar days in UTC → Thu 13 Mar 2025 09:00 UTC',
      'Tue 4 Mar 2025 09:00 UTC: paused, the clock stops → Thu 13 Mar 2025 09:00 UTC',
      'Wed 5 Mar 2025 09:00 UTC: resumed after a pause since Tue 4 Mar 2025 09:00 UTC, paused 1 day: the deadline moves later by 1 day → Fri 14 Mar 2025 09:00 UTC',
    ]);
  });

  it('dates are written in English whatever luxon’s default locale', () => {
    const saved = Settings.defaultLocale;
    Settings.defaultLocale = 'fr-FR';
    try {
      expect(explain(createUltimatum(utcCase()), '2025-03-04')[0]?.text).toBe(
        'Mon 3 Mar 2025 09:00 UTC: issued, +10 calendar days in UTC → Thu 13 Mar 2025 09:00 UTC',
      );
    } finally {
      Settings.defaultLocale = saved;
    }
  });

  it('explain() writes a span of several units with spaces between them', () => {
    // Paused Tue 4 Mar 09:00 to Wed 5 Mar 11:03:04: 1 day 2 hours 3 minutes 4 seconds, and the
    // deadline, Thu 13 Mar 09:00 UTC, moves by as much, to Fri 14 Mar 11:03:04.
    const span = '1 day 2 hours 3 minutes 4 seconds';
    const paused = pause(createUltimatum(utcCase()), { at: '2025-03-04T09:00' });
    const resumed = explain(resume(paused, { at: '2025-03-05T11:03:04' }), '2025-03-06').at(-1);
    expect(resumed?.rule).toBe(`paused ${span}: the deadline moves later by ${span}`);
    expect(resumed?.result?.toMillis()).toBe(utc(2025, 3, 14, 11, 3) + 4_000);
    const still = explain(paused, '2025-03-05T11:03:04').at(-1);
    expect(still?.rule).toBe(`paused ${span} so far: the deadline has moved later by ${span} while the clock is stopped`);
  });
});

describe('fields', () => {
  it('the issue step has no event index, and no source when the ultimatum names none', () => {
    const [issued] = explain(createUltimatum(utcCase()), '2025-03-04');
    expect(Object.keys(issued ?? {}).sort()).toEqual(['at', 'result', 'rule', 'text']);
  });

  it('instants are DateTimes in the ultimatum’s zone', () => {
    // Issued Mon 14 Jul 2025 12:00 EDT + 50 days = Tue 2 Sep 2025 12:00 EDT.
    const [issued] = explain(createUltimatum(base()), '2025-07-20');
    expect(issued?.at.toISO()).toBe('2025-07-14T12:00:00.000-04:00');
    expect(issued?.result?.toISO()).toBe('2025-09-02T12:00:00.000-04:00');
    // The window of 28 Jul: 7 Aug 12:00 EDT to 9 Aug 12:00 EDT.
    const window = explain(foundingCase(), '2025-08-01')[1]?.window;
    expect([window?.earliest.toISO(), window?.latest.toISO()]).toEqual(['2025-08-07T12:00:00.000-04:00', '2025-08-09T12:00:00.000-04:00']);
  });

  it('a pause still in progress is dated in the ultimatum’s zone', () => {
    // New York, issued Mon 3 Mar 09:00 EST, paused Tue 4 Mar 09:00; asked Thu 6 Mar 12:00 EST (17:00Z).
    const u = pause(createUltimatum(utcCase({ zone: 'America/New_York' })), { at: '2025-03-04T09:00' });
    const last = explain(u, '2025-03-06T12:00').at(-1);
    expect(last?.text.startsWith('Thu 6 Mar 2025 12:00 EST: still paused since Tue 4 Mar 2025 09:00 EST')).toBe(true);
    expect(last?.at.toISO()).toBe('2025-03-06T12:00:00.000-05:00');
  });
});
