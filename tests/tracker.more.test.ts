/**
 * Tracker: the bounds of `upcoming` and `overdue` (README: `at <= deadline < at + within`; overdue
 * iff `t >= deadline`), paused clocks (the deadline moves with `at`, also before 1970), ultimatums
 * whose history is still to come at `at`, `nextChange` at the millisecond and for several
 * ultimatums at once, and refusals. UTC, issued Mon 3 Mar 2025 09:00 unless said otherwise.
 */
import { Settings } from 'luxon';
import {
  comply,
  createTracker,
  createUltimatum,
  note,
  parseTracker,
  pause,
  type Ultimatum,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, issuesOf, utc } from './helpers.js';

const HOUR = 3_600_000;

const make = (id: string, deadline: { hours: number } | { days: number }, issuedAt = '2025-03-03T09:00') =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt, deadline: { after: deadline } }));

const ids = (list: { ultimatum: Ultimatum }[]) => list.map((x) => x.ultimatum.id);

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

describe('refusals', () => {
  const expectedList = { code: 'INVALID_INPUT', path: [], message: 'must be an array (or iterable) of ultimatums' };

  it('createTracker refuses what is not iterable, at (root)', () => {
    expect(issuesOf(() => createTracker(42 as never))).toEqual([expectedList]);
    expect(issuesOf(() => createTracker(null as never))).toEqual([expectedList]);
  });

  it('createTracker takes any iterable', () => {
    const t = createTracker(new Set([make('a', { hours: 10 }), make('b', { hours: 20 })]));
    expect(t.list().map((u) => u.id)).toEqual(['a', 'b']);
  });

  it('an error that is not an UltimatumError passes through unchanged', () => {
    const broken = {
      schemaVersion: 1,
      get title(): string {
        throw new RangeError('broken getter');
      },
    };
    expect(() => createTracker([broken as never])).toThrow(new RangeError('broken getter'));
    const stored = {
      get schemaVersion(): number {
        throw new RangeError('broken getter');
      },
    };
    expect(() => parseTracker({ schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [stored] })).toThrow(
      new RangeError('broken getter'),
    );
  });
});
