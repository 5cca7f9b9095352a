/**
 * Business-time rules in ultimatums: `{ businessHours }`, `{ businessMinutes }`, and business days,
 * whose pauses stop the business clock (README, "Business hours"). Every expected instant is
 * computed by hand in the comment beside it.
 */
import { createCalendar, createUltimatum, explain, isUltimatumError, milestones, parseUltimatum, status, type UltimatumInput } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { caught } from './refusal.js';

const H = 3_600_000;
const day = ['09:00-17:00'];
const hours = { mon: day, tue: day, wed: day, thu: day, fri: day };

function sla(overrides: Partial<UltimatumInput>): UltimatumInput {
  return {
    title: 'Ticket 42',
    issuer: 'Helpdesk',
    addressee: 'Support team',
    demands: ['Resolve the ticket'],
    issuedAt: '2025-03-03T09:00',
    zone: 'Europe/London',
    deadline: { after: { businessDays: 5 } },
    ...overrides,
  };
}

/** 8 business hours on 09:00–17:00 from Mon 10 Mar 2025 09:00 (due Mon 17:00), with a history. */
function eightHours(events: NonNullable<UltimatumInput['events']>, more: Partial<UltimatumInput> = {}): UltimatumInput {
  return sla({ issuedAt: '2025-03-10T09:00', calendar: { hours }, deadline: { after: { businessHours: 8 } }, events, ...more });
}

const pausedCase = [
  { type: 'pause' as const, at: '2025-03-05T10:00' },
  { type: 'resume' as const, at: '2025-03-10T10:00' },
];

describe('the SLA case of the issue: 5 business days from Mon 3 Mar 2025 09:00 London, paused Wed 5 Mar 10:00 to Mon 10 Mar 10:00', () => {
  it('on business days worked around the clock, it ends Thu 13 Mar 09:00 (not Sat 15 Mar)', () => {
    // Total: 5 business days = 120 h. Used before the pause: Mon 15 h + Tue 24 h + Wed 10 h = 49 h; 71 h left.
    // From Mon 10 Mar 10:00: Mon 14 h (57 left), Tue 24 h (33), Wed 24 h (9), Thu 00:00 + 9 h = Thu 13 Mar 09:00.
    const u = createUltimatum(sla({ events: pausedCase }));
    expect(status(u, '2025-03-11T12:00').deadline?.toISO()).toBe('2025-03-13T09:00:00.000+00:00');
  });

  it('on 09:00–17:00 it ends Wed 12 Mar 17:00: the clock stops at night and during the pause', () => {
    // Total: 5 × 8 h = 40 h. Used: Mon 8 h + Tue 8 h + Wed 09:00–10:00 1 h = 17 h; 23 h left.
    // From Mon 10 Mar 10:00: Mon 7 h (16 left), Tue 8 h (8), Wed 8 h → Wed 12 Mar 17:00, the close.
    const u = createUltimatum(sla({ calendar: { hours }, events: pausedCase }));
    const s = status(u, '2025-03-11T12:00');
    expect(s.deadline?.toISO()).toBe('2025-03-12T17:00:00.000+00:00');
    // Elapsed: 17 h + Mon 10:00–17:00 7 h + Tue 09:00–12:00 3 h = 27 h; 13 h left; progress 27/40.
    expect(s.elapsedBusinessMs).toBe(27 * H);
    expect(s.remainingBusinessMs).toBe(13 * H);
    expect(s.progress).toBe(27 / 40);
  });

  it('while paused, the working time left is frozen and the deadline moves by the working time paused so far', () => {
    const u = createUltimatum(sla({ calendar: { hours }, events: [{ type: 'pause', at: '2025-03-05T10:00' }] }));
    const s = status(u, '2025-03-07T12:00');
    expect(s.phase).toBe('paused');
    expect(s.remainingBusinessMs).toBe(23 * H);
    expect(s.elapsedBusinessMs).toBe(17 * H);
    // Paused so far: Wed 10:00–17:00 7 h + Thu 8 h + Fri 09:00–12:00 3 h = 18 h.
    // Mon 10 Mar 09:00 + 18 h: Mon 8 h, Tue 8 h, Wed 2 h → Wed 12 Mar 11:00.
    expect(s.deadline?.toISO()).toBe('2025-03-12T11:00:00.000+00:00');
  });
});

describe('business hours and minutes as rules', () => {
  it('first response in 4 business hours from Fri 7 Mar 15:00 is Mon 10 Mar 11:00', () => {
    // Fri 15:00–17:00 2 h, Mon 09:00–11:00 2 h.
    const u = createUltimatum(sla({ issuedAt: '2025-03-07T15:00', calendar: { hours }, deadline: { after: { businessHours: 4 } } }));
    expect(status(u, '2025-03-07T15:00').deadline?.toISO()).toBe('2025-03-10T11:00:00.000+00:00');
  });

  it('90 business minutes from Mon 16:00 is Tue 09:30', () => {
    const u = createUltimatum(sla({ issuedAt: '2025-03-10T16:00', calendar: { hours }, deadline: { after: { businessMinutes: 90 } } }));
    expect(status(u, '2025-03-10T16:00').deadline?.toISO()).toBe('2025-03-11T09:30:00.000+00:00');
  });

  it('a pause over a night and a weekend moves the deadline by the working hours it covered only', () => {
    // 8 h from Fri 7 Mar 09:00 → Fri 17:00. Paused Fri 16:00 (1 h left) to Mon 10:00: covered Fri 1 h + Mon 1 h.
    // Fri 17:00 + 2 h → Mon 11:00; equally, Mon 10:00 + the 1 h left.
    const u = createUltimatum(
      sla({
        issuedAt: '2025-03-07T09:00',
        calendar: { hours },
        deadline: { after: { businessHours: 8 } },
        events: [
          { type: 'pause', at: '2025-03-07T16:00' },
          { type: 'resume', at: '2025-03-10T10:00' },
        ],
      }),
    );
    const s = status(u, '2025-03-10T10:30');
    expect(s.deadline?.toISO()).toBe('2025-03-10T11:00:00.000+00:00');
    expect(s.remainingBusinessMs).toBe(0.5 * H);
    // The wall-clock pause is still reported as such: Fri 16:00 to Mon 10:00 is 66 h.
    expect(s.pausedMs).toBe(66 * H);
  });

  it('extends by business hours', () => {
    // Mon 10 Mar 09:00 + 8 h = Mon 17:00; extended by 2 business hours → Tue 11:00.
    const u = createUltimatum(
      eightHours([{ type: 'extend', at: '2025-03-10T12:00', by: { businessHours: 2 } }]),
    );
    expect(status(u, '2025-03-10T13:00').deadline?.toISO()).toBe('2025-03-11T11:00:00.000+00:00');
  });

  it('reads back from JSON with the same figures', () => {
    const u = createUltimatum(sla({ calendar: { hours, holidays: ['2025-03-04'] }, deadline: { after: { businessHours: 20 } } }));
    const back = parseUltimatum(JSON.parse(JSON.stringify(u)));
    // Mon 8 h, Tue holiday, Wed 8 h, Thu 4 h → Thu 6 Mar 13:00.
    expect(status(back, '2025-03-03T10:00').deadline?.toISO()).toBe('2025-03-06T13:00:00.000+00:00');
    expect(JSON.stringify(status(back, '2025-03-03T10:00'))).toBe(JSON.stringify(status(u, '2025-03-03T10:00')));
  });

  it('a calendar made by createCalendar can be given', () => {
    const u = createUltimatum(sla({ calendar: createCalendar({ hours }), deadline: { after: { businessHours: 1 } } }));
    expect(status(u, '2025-03-03T09:00').deadline?.toISO()).toBe('2025-03-03T10:00:00.000+00:00');
  });

  it('has no business figures on a calendar-time rule', () => {
    const s = status(createUltimatum(sla({ deadline: { after: { days: 2 } } })), '2025-03-03T10:00');
    expect(s.remainingBusinessMs).toBeUndefined();
    expect('remainingBusinessMs' in JSON.parse(JSON.stringify(s))).toBe(false);
  });
});

describe('a pause on business hours, as milestones and explain see it', () => {
  // 8 h from Mon 10 Mar 09:00 → Mon 17:00. Paused Mon 10:00 to Tue 10:00: covered Mon 7 h + Tue 1 h = 8 h
  // of working time, so the deadline moves to Mon 17:00 + 8 h = Tue 17:00.
  const u = createUltimatum(
    eightHours([
        { type: 'pause', at: '2025-03-10T10:00' },
        { type: 'resume', at: '2025-03-11T10:00' },
      ], { milestones: { fractions: [0.5], before: [] } }),
  );

  it('half-way is 4 h of working time in: Mon 09:00–10:00, then Tue 10:00 + 3 h = 13:00', () => {
    expect(status(u, '2025-03-11T12:00').deadline?.toISO()).toBe('2025-03-11T17:00:00.000+00:00');
    expect(milestones(u).map((m) => m.at.toISO())).toEqual(['2025-03-11T13:00:00.000+00:00']);
    expect(status(u, '2025-03-11T13:00').progress).toBe(0.5);
  });

  it('explain says the pause moved the deadline by business time', () => {
    expect(explain(u, '2025-03-11T12:00')[2]?.rule).toContain('of business time');
  });

  it('refuses a shortening that leaves less working time than the pauses took', () => {
    // Paused Mon 10:00 to Tue 15:00: Mon 7 h + Tue 6 h = 13 h. Shortened to Tue 12:00: 8 + 3 = 11 h since issue.
    const e = caught(() =>
      createUltimatum(
        eightHours([
            { type: 'pause', at: '2025-03-10T10:00' },
            { type: 'resume', at: '2025-03-11T15:00' },
            { type: 'shorten', at: '2025-03-11T15:30', to: '2025-03-11T12:00' },
          ]),
      ),
    );
    expect(isUltimatumError(e) && e.issues.map((i) => [i.path, i.reason])).toEqual([[['events', 2, 'to'], 'no_active_time']]);
  });

  it('a reschedule during a pause to calendar time moves by elapsed time from then on', () => {
    // Paused Mon 10:00 (business clock). At Mon 12:00 rescheduled to 1 calendar day from then: Tue 12:00,
    // and the clock is now a wall clock: resumed Mon 14:00, it moves 2 h later, to Tue 14:00.
    const v = createUltimatum(
      eightHours([
          { type: 'pause', at: '2025-03-10T10:00' },
          { type: 'reschedule', at: '2025-03-10T12:00', deadline: { after: { days: 1 } } },
          { type: 'resume', at: '2025-03-10T14:00' },
        ]),
    );
    const s = status(v, '2025-03-10T15:00');
    expect(s.deadline?.toISO()).toBe('2025-03-11T14:00:00.000+00:00');
    expect(s.remainingBusinessMs).toBeUndefined();
  });
});

describe('explain names the schedule', () => {
  it('says the hours, the zone and the holidays', () => {
    const u = createUltimatum(
      sla({ issuedAt: '2025-12-24T13:00', calendar: { hours, holidays: ['2025-12-25', '2026-01-01'] }, deadline: { after: { businessHours: 8 } } }),
    );
    // Wed 24 Dec 13:00–17:00 4 h, Thu 25 a holiday, Fri 26 09:00–13:00 4 h: 1 Jan is not passed over, so not named.
    expect(explain(u, '2025-12-24T14:00')[0]?.result?.toISO()).toBe('2025-12-26T13:00:00.000+00:00');
    expect(explain(u, '2025-12-24T14:00')[0]?.rule).toBe('+8 business hours on Mon–Fri 09:00–17:00 Europe/London; 25 Dec is a holiday');
  });
});

describe('refusals', () => {
  const issuesOf = (input: UltimatumInput) => {
    const e = caught(() => createUltimatum(input));
    if (!isUltimatumError(e)) throw new Error('expected an UltimatumError');
    return e.issues.map((i) => [i.code, i.path, i.reason]);
  };

  it('business hours stand alone, with business minutes only', () => {
    expect(issuesOf(sla({ deadline: { after: { businessHours: 2, days: 1 } } }))).toEqual([
      ['INVALID_DURATION', ['deadline', 'after', 'businessHours'], 'business_time_alone'],
    ]);
    expect(issuesOf(sla({ deadline: { after: { businessMinutes: -1 } } }))).toEqual([
      ['INVALID_DURATION', ['deadline', 'after', 'businessMinutes'], 'not_finite_non_negative'],
    ]);
  });

  it('names the calendar field of bad hours', () => {
    expect(issuesOf(sla({ calendar: { hours: { mon: ['09:00-17:00', '12:00-13:00'] } } }))).toEqual([
      ['INVALID_INPUT', ['calendar', 'hours', 'mon', 1], 'overlapping_hours'],
    ]);
  });
});
