/**
 * explain(): which steps are shown as of an instant (the issue rule always, an event from its own
 * instant on), the texts of a window and of a resume, optional fields left out when there is
 * nothing to say, and dates in the ultimatum's zone written in English whatever luxon's defaults.
 * Calendar facts: Mon 3 Mar 2025; New York is on EST (UTC−5) until 9 Mar 2025, EDT (UTC−4) after.
 */
import { Settings } from 'luxon';
import { createUltimatum, explain, extend, pause, resume } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, utc, utcCase } from './helpers.js';

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
