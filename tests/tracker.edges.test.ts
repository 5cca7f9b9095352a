/**
 * Tracker edge cases: questions asked as of an instant before the history settled (the deadline
 * then in force, not the final one), removed ultimatums, ultimatums added after the index was
 * built, and the paths of every refusal. All ultimatums are in UTC, issued Mon 3 Mar 2025 09:00,
 * so each deadline is plain arithmetic.
 */
import { comply, createTracker, createUltimatum, parseTracker, reschedule, type Ultimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, issuesOf, utc } from './helpers.js';

const HOUR = 3_600_000;

const make = (id: string, deadline: { hours: number } | { days: number }) =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: deadline } }));

const ids = (list: { ultimatum: Ultimatum }[]) => list.map((x) => x.ultimatum.id);

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

describe('removing and adding', () => {
  it('a removed ultimatum is gone from every question', () => {
    // 'a' is due 3 Mar 19:00, 'b' (100 hours) 7 Mar 13:00.
    const t = createTracker([make('a', { hours: 10 }), make('b', { hours: 100 })]);
    expect(t.nextChange('2025-03-03T09:00')?.ids).toEqual(['a']); // builds the index with 'a' in it
    expect(t.remove('a')).toBe(true);
    expect(t.get('a')).toBeUndefined();
    expect(t.size).toBe(1);
    // 'b' first changes at 50 % of its 100 hours: 5 Mar 11:00.
    expect(t.nextChange('2025-03-03T09:00')).toMatchObject({ atMs: utc(2025, 3, 5, 11), ids: ['b'] });
    expect(ids(t.upcoming({ within: { days: 1 }, at: '2025-03-03T09:00' }))).toEqual([]);
    expect(ids(t.overdue('2025-03-10'))).toEqual(['b']);
    expect(t.byPhase('2025-03-10').expired.map((u) => u.id)).toEqual(['b']);
    expect(t.toJSON().ultimatums.map((u) => u.id)).toEqual(['b']);
  });

  it('an ultimatum added after a question is included in the next one', () => {
    const t = createTracker([make('b', { hours: 100 })]);
    expect(t.nextChange('2025-03-03T09:00')?.ids).toEqual(['b']);
    // 'a' (10 hours) reaches 50 % at 14:00, before anything of 'b'.
    expect(t.add(make('a', { hours: 10 }))).toBe(t);
    expect(t.nextChange('2025-03-03T09:00')).toMatchObject({ atMs: utc(2025, 3, 3, 14), ids: ['a'] });
    expect(ids(t.overdue('2025-03-04'))).toEqual(['a']);
  });

  it('get of an unknown id is undefined; an empty tracker answers every question with nothing', () => {
    const t = createTracker();
    expect(t.get('nope')).toBeUndefined();
    expect(t.size).toBe(0);
    expect(t.statusAll('2025-03-03')).toEqual([]);
    expect(t.upcoming({ within: { days: 365 }, at: '2025-03-03' })).toEqual([]);
    expect(t.overdue('2025-03-03')).toEqual([]);
    expect(t.nextChange('2025-03-03')).toBeNull();
    expect(Object.values(t.byPhase('2025-03-03')).flat()).toEqual([]);
  });
});

describe('refusals, each with its path', () => {
  const t = createTracker([make('a', { hours: 10 })]);

  it('upcoming refuses a bad `within`', () => {
    expect(issuesOf(() => t.upcoming({ within: 'ten bananas' }))).toEqual([
      {
        code: 'INVALID_DURATION',
        path: ['within'],
        message: '"ten bananas": "bananas" (at character 5) is not a unit (days, weeks, hours, business days…)',
      },
    ]);
    expect(issuesOf(() => t.upcoming({ within: { days: -1 } }))).toEqual([
      { code: 'INVALID_DURATION', path: ['within', 'days'], message: 'must be a finite number >= 0' },
    ]);
    expect(issuesOf(() => t.upcoming({ within: 5 as never }))).toEqual([
      { code: 'INVALID_INPUT', path: ['within'], message: 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units' },
    ]);
    expect(issuesOf(() => t.upcoming({ within: '10 or 12 days' }))).toEqual([
      {
        code: 'INVALID_DURATION',
        path: ['within'],
        message: 'a range ("10 or 12 days") is only allowed as a whole `after`, where it makes a window',
      },
    ]);
  });

  it('parseTracker refuses what is not an object, at (root)', () => {
    const notTracker = {
      code: 'INVALID_INPUT',
      path: [],
      message: 'must be a tracker document: { schemaVersion: 1, kind: "ultimatum-tracker", ultimatums: [...] }',
    };
    expect(issuesOf(() => parseTracker(null))).toEqual([notTracker]);
    expect(issuesOf(() => parseTracker('tracker'))).toEqual([notTracker]);
  });

  it('parseTracker refuses a list that is not an array, and a repeated id at ultimatums[i].id', () => {
    expect(issuesOf(() => parseTracker({ schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: {} }))).toEqual([
      { code: 'INVALID_INPUT', path: ['ultimatums'], message: 'must be an array' },
    ]);
    const a = JSON.parse(JSON.stringify(make('a', { hours: 10 })));
    expect(issuesOf(() => parseTracker({ schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [a, a] }))).toEqual([
      { code: 'INVALID_INPUT', path: ['ultimatums', 1, 'id'], message: 'repeats the id "a": ids must be unique in a tracker' },
    ]);
  });

  it('add refuses a repeated id at id', () => {
    expect(issuesOf(() => t.add(make('a', { hours: 5 })))).toEqual([
      { code: 'INVALID_INPUT', path: ['id'], message: 'repeats the id "a": ids must be unique in a tracker' },
    ]);
    expect(t.size).toBe(1);
  });
});
