/**
 * The tracker's questions — upcoming, overdue, byPhase, nextChange — asked as of an instant: an
 * `at` without offset (read in each ultimatum's zone), the deadline then in force before the
 * history settled, the bounds of `upcoming` and `overdue` (README: `at <= deadline < at + within`;
 * overdue iff `t >= deadline`), paused clocks (the deadline moves with `at`, also before 1970),
 * ultimatums whose history is still to come at `at`, and `nextChange` at the millisecond and for
 * several ultimatums at once. UTC, issued Mon 3 Mar 2025 09:00 unless said otherwise.
 */
import { Settings } from 'luxon';
import { comply, createTracker, createUltimatum, note, pause, reschedule, status, type Ultimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, issuesOf, utc } from './helpers.js';

const HOUR = 3_600_000;

/** An ultimatum in UTC with an `after` rule, issued Mon 3 Mar 2025 09:00 unless said otherwise. */
const make = (id: string, deadline: { hours: number } | { days: number }, issuedAt = '2025-03-03T09:00') =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt, deadline: { after: deadline } }));

const ids = (list: { ultimatum: Ultimatum }[]) => list.map((x) => x.ultimatum.id);

describe('an at without offset: read in each ultimatum’s zone, as status() reads it', () => {
  // 2025-05-14T00:01 EDT + 90 calendar days = 2025-08-12T00:01 EDT (04:01Z). At 02:00 New York
  // time on 12 Aug it has passed; at 02:00Z (22:00 EDT on the 11th) it had not.
  const ny = createUltimatum(base({ id: 'ny', issuedAt: '2025-05-14T00:01', zone: 'America/New_York', deadline: { after: { days: 90 } } }));
  // 2025-08-11T12:00Z + 16 h = 2025-08-12T04:00Z, i.e. 13:00 in Tokyo (+09:00).
  const tokyo = createUltimatum(base({ id: 'tokyo', issuedAt: '2025-08-11T12:00Z', zone: 'Asia/Tokyo', deadline: { after: { hours: 16 } } }));
  const t = createTracker([ny, tokyo]);

  it('statusAll, overdue and byPhase agree with status() for each ultimatum', () => {
    expect(status(ny, '2025-08-12T02:00').phase).toBe('expired');
    expect(t.statusAll('2025-08-12T02:00').map((x) => [x.ultimatum.id, x.status.phase])).toEqual([
      ['ny', 'expired'],
      ['tokyo', 'active'], // 02:00 in Tokyo is 11 Aug 17:00Z
    ]);
    expect(t.overdue('2025-08-12T02:00').map((x) => x.ultimatum.id)).toEqual(['ny']);
    expect(t.byPhase('2025-08-12T02:00').expired.map((u) => u.id)).toEqual(['ny']);
    // With an offset the instant is one for all: 02:00Z is before both deadlines.
    expect(t.overdue('2025-08-12T02:00Z')).toEqual([]);
  });

  it('upcoming counts `within` from each zone’s reading, and nextChange is the first change past it', () => {
    // At 00:00 local on 12 Aug: New York's deadline is 1 minute later; Tokyo's (13:00) 13 hours later.
    expect(t.upcoming({ within: { hours: 1 }, at: '2025-08-12T00:00' }).map((x) => x.ultimatum.id)).toEqual(['ny']);
    // Soonest first by instant: Tokyo's 04:00Z comes a minute before New York's 04:01Z.
    expect(t.upcoming({ within: { hours: 14 }, at: '2025-08-12T00:00' }).map((x) => x.ultimatum.id)).toEqual(['tokyo', 'ny']);
    // 12 Aug 00:00 Tokyo = 11 Aug 15:00Z; Tokyo's next change is its 50 % milestone at 11 Aug 20:00Z,
    // before New York's 1-hour-left milestone at 12 Aug 03:01Z.
    const next = t.nextChange('2025-08-12T00:00');
    expect([next?.atMs, next?.ids]).toEqual([Date.UTC(2025, 7, 11, 20), ['tokyo']]);
  });
});

describe('questions asked before the history settled', () => {
  // 'moved': 10 days (Thu 13 Mar 09:00), rescheduled on 10 Mar to 30 days from then (Wed 9 Apr 09:00).
  const moved = reschedule(make('moved', { days: 10 }), { at: '2025-03-10T09:00', deadline: { after: { days: 30 } } });
  // 'pulled': 30 days (Wed 2 Apr 09:00), rescheduled on 10 Mar to 2 days from then (Wed 12 Mar 09:00).
  const pulled = reschedule(make('pulled', { days: 30 }), { at: '2025-03-10T09:00', deadline: { after: { days: 2 } } });
  const tracker = createTracker([moved, pulled]);

  it('upcoming uses the deadline in force at `at`, not the final one', () => {
    // On 5 Mar, within 14 days (to 19 Mar): 'moved' is due 13 Mar, 'pulled' 2 Apr.
    const early = tracker.upcoming({ within: { days: 14 }, at: '2025-03-05T09:00' });
    expect(ids(early)).toEqual(['moved']);
    expect(early[0]?.status.deadlineMs).toBe(utc(2025, 3, 13, 9));
    // On 11 Mar, within 14 days (to 25 Mar): 'moved' is now due 9 Apr, 'pulled' 12 Mar.
    const late = tracker.upcoming({ within: { days: 14 }, at: '2025-03-11T09:00' });
    expect(ids(late)).toEqual(['pulled']);
    expect(late[0]?.status.deadlineMs).toBe(utc(2025, 3, 12, 9));
  });

  it('overdue at an instant includes an ultimatum complied only later', () => {
    // 10 hours: due 3 Mar 19:00; complied on 6 Mar. On 4 Mar 09:00 it is 14 hours overdue.
    const late = comply(make('late', { hours: 10 }), { at: '2025-03-06T09:00' });
    const t = createTracker([late]);
    const before = t.overdue('2025-03-04T09:00');
    expect(ids(before)).toEqual(['late']);
    expect(before[0]?.status.overdueMs).toBe(14 * HOUR);
    expect(t.overdue('2025-03-07T09:00')).toEqual([]);
  });
});

describe('upcoming: the bounds at <= deadline < at + within', () => {
  it('includes a deadline falling exactly at `at`', () => {
    // 'a': 3 Mar 09:00 + 10 h = 19:00; asked at 19:00 for the next hour.
    const t = createTracker([make('a', { hours: 10 })]);
    const found = t.upcoming({ within: { hours: 1 }, at: '2025-03-03T19:00' });
    expect(ids(found)).toEqual(['a']);
    expect(found[0]?.status.deadlineMs).toBe(utc(2025, 3, 3, 19));
  });

  it('leaves out a deadline exactly at `at + within`, also for an ultimatum with events still to come', () => {
    // 'n' is due 19:00 and gets a note on 5 Mar, after `at`; 09:00 + 10 h = 19:00 is the excluded end.
    const n = note(make('n', { hours: 10 }), { at: '2025-03-05T09:00', text: 'Reminder sent' });
    const t = createTracker([n, make('a', { hours: 10 })]);
    expect(t.upcoming({ within: { hours: 10 }, at: '2025-03-03T09:00' })).toEqual([]);
    // One minute more reaches both (added order for equal deadlines is not promised: compare as sets).
    expect(ids(t.upcoming({ within: { hours: 10, minutes: 1 }, at: '2025-03-03T09:00' })).sort()).toEqual(['a', 'n']);
  });

  it('lists an ultimatum with events still to come once', () => {
    const n = note(make('n', { hours: 10 }), { at: '2025-03-05T09:00', text: 'Reminder sent' });
    const found = createTracker([n]).upcoming({ within: { days: 1 }, at: '2025-03-03T09:00' });
    expect(ids(found)).toEqual(['n']);
    expect(found[0]?.status.deadlineMs).toBe(utc(2025, 3, 3, 19));
  });

  it('leaves out a deadline already passed at `at`, even when the ultimatum complies only later', () => {
    // Due 3 Mar 19:00, complied 6 Mar: on 4 Mar 09:00 it is overdue, not upcoming.
    const late = comply(make('late', { hours: 10 }), { at: '2025-03-06T09:00' });
    const t = createTracker([late]);
    expect(t.upcoming({ within: { days: 1 }, at: '2025-03-04T09:00' })).toEqual([]);
    expect(ids(t.overdue('2025-03-04T09:00'))).toEqual(['late']);
  });

  it('leaves out an ultimatum not issued yet at `at`', () => {
    // Issued Mon 10 Mar 09:00 with 1 day: due 11 Mar 09:00, inside [5 Mar, 15 Mar) but still pending on 5 Mar.
    const later = make('later', { days: 1 }, '2025-03-10T09:00');
    const t = createTracker([later]);
    expect(t.upcoming({ within: { days: 10 }, at: '2025-03-05T09:00' })).toEqual([]);
    expect(ids(t.upcoming({ within: { days: 10 }, at: '2025-03-10T09:00' }))).toEqual(['later']);
  });

  it('refuses a missing options object like a missing `within`', () => {
    expect(issuesOf(() => createTracker([make('a', { hours: 10 })]).upcoming(undefined as never))).toEqual([
      { code: 'INVALID_INPUT', path: ['within'], message: 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units' },
    ]);
  });
});

describe('upcoming: a paused clock', () => {
  it('finds a paused ultimatum by the deadline it would have if restarted at `at`, after its old deadline', () => {
    // Due 19:00, paused at 10:00 with 9 h left. At 20:00 the projected deadline is 20:00 + 9 h = 4 Mar 05:00.
    const p = pause(make('p', { hours: 10 }), { at: '2025-03-03T10:00' });
    const found = createTracker([p]).upcoming({ within: { hours: 10 }, at: '2025-03-03T20:00' });
    expect(ids(found)).toEqual(['p']);
    expect(found[0]?.status.deadlineMs).toBe(utc(2025, 3, 4, 5));
  });

  it('works before 1970, where epoch milliseconds are negative', () => {
    // Issued 22 Oct 1962 12:00 UTC with 10 days (1 Nov 12:00); paused 23 Oct 12:00 with 9 days left.
    // On 25 Oct 12:00 the projected deadline is 25 Oct + 9 days = 3 Nov 12:00, within 10 days.
    const p = pause(make('cuba', { days: 10 }, '1962-10-22T12:00'), { at: '1962-10-23T12:00' });
    const found = createTracker([p]).upcoming({ within: { days: 10 }, at: '1962-10-25T12:00' });
    expect(ids(found)).toEqual(['cuba']);
    expect(found[0]?.status.deadlineMs).toBe(Date.UTC(1962, 10, 3, 12));
  });
});

describe('overdue', () => {
  it('an ultimatum is overdue from the very instant of its deadline', () => {
    // Due 3 Mar 19:00: at 18:59:59.999 not yet, at 19:00 overdue by 0 ms.
    const t = createTracker([make('a', { hours: 10 })]);
    expect(t.overdue('2025-03-03T18:59:59.999')).toEqual([]);
    const found = t.overdue('2025-03-03T19:00');
    expect(ids(found)).toEqual(['a']);
    expect(found[0]?.status.overdueMs).toBe(0);
    expect(t.overdue('2025-03-03T20:00')[0]?.status.overdueMs).toBe(HOUR);
  });
});

describe('nextChange', () => {
  it('finds a change one millisecond after `at`', () => {
    // 10 hours from 09:00: 50 % elapsed at 14:00.
    const t = createTracker([make('a', { hours: 10 })]);
    expect(t.nextChange('2025-03-03T13:59:59.999')?.atMs).toBe(utc(2025, 3, 3, 14));
  });

  it('names every ultimatum changing at that instant', () => {
    // Both 10 hours from 09:00: both reach 50 % at 14:00.
    const t = createTracker([make('b', { hours: 10 }), make('a', { hours: 10 }), make('c', { hours: 20 })]);
    const next = t.nextChange('2025-03-03T09:00');
    expect(next?.atMs).toBe(utc(2025, 3, 3, 14));
    expect([...(next?.ids ?? [])].sort()).toEqual(['a', 'b']);
  });

  it('gives the instant as a UTC DateTime whatever luxon’s default zone', () => {
    const saved = Settings.defaultZone;
    Settings.defaultZone = 'Asia/Tokyo';
    try {
      const next = createTracker([make('a', { hours: 10 })]).nextChange('2025-03-03T09:00');
      expect(next?.at.toISO()).toBe('2025-03-03T14:00:00.000Z');
    } finally {
      Settings.defaultZone = saved;
    }
  });
});
