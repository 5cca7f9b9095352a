import { comply, createTracker, createUltimatum, isUltimatumError, parseTracker, pause } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { article50 } from '../examples/brexit-article-50.js';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, utc } from './helpers.js';

const sla = (id: string, issuedAt: string, hours: number) =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt, deadline: { after: { hours } } }));

describe('createTracker', () => {
  it('adds, gets, lists and removes; refuses a duplicate id', () => {
    const t = createTracker([sla('a', '2025-03-03T09:00', 24), sla('b', '2025-03-03T09:00', 48)]);
    expect(t.size).toBe(2);
    expect(t.get('b')?.id).toBe('b');
    expect(t.remove('a')).toBe(true);
    expect(t.remove('a')).toBe(false);
    expect(t.list().map((u) => u.id)).toEqual(['b']);
    let error: unknown;
    try {
      createTracker([sla('x', '2025-03-03', 1), sla('x', '2025-03-03', 2)]);
    } catch (e) {
      error = e;
    }
    expect(isUltimatumError(error) && [error.code, error.issues[0]?.path]).toEqual(['INVALID_INPUT', [1, 'id']]);
  });

  it('upcoming: open deadlines within the window, soonest first', () => {
    const t = createTracker([
      sla('in-30h', '2025-03-03T09:00', 30),
      sla('in-2h', '2025-03-03T09:00', 2),
      sla('in-3d', '2025-03-03T09:00', 72),
      comply(sla('done', '2025-03-03T09:00', 5), { at: '2025-03-03T10:00' }),
    ]);
    const ids = (within: { hours?: number; days?: number }, at: string) =>
      t.upcoming({ within, at }).map((x) => x.ultimatum.id);
    // At 09:00 'done' is still open (it complies at 10:00): deadlines 11:00, 14:00, then 4 Mar 15:00.
    expect(ids({ hours: 31 }, '2025-03-03T09:00')).toEqual(['in-2h', 'done', 'in-30h']);
    // At 10:30 'done' has complied; within a day (to 4 Mar 10:30) only 'in-2h' is left.
    expect(ids({ days: 1 }, '2025-03-03T10:30')).toEqual(['in-2h']);
  });

  it('overdue, as of an instant, with the history folded to then', () => {
    const russia = foundingCase();
    const t = createTracker([russia, article50(), sla('late', '2025-08-01', 1)]);
    // On 1 Aug 2025 nothing is overdue but the 1-hour SLA; on 10 Aug the 50-day ultimatum is too.
    expect(t.overdue('2025-08-01T12:00').map((x) => x.ultimatum.id)).toEqual(['late']);
    expect(t.overdue('2025-08-10').map((x) => x.ultimatum.id)).toEqual(['late', 'russia-50-day-2025']);
    // As of 20 Jul, the deadline in force was 2 Sep: not overdue on 20 Jul.
    expect(t.overdue('2025-07-20').map((x) => x.ultimatum.id)).toEqual([]);
  });

  it('byPhase groups by the phase at an instant', () => {
    const t = createTracker([foundingCase(), article50()]);
    const phases = t.byPhase('2025-08-10');
    expect(phases.enforced.map((u) => u.id)).toEqual(['russia-50-day-2025']);
    expect(phases.complied.map((u) => u.id)).toEqual(['brexit-article-50']);
  });

  it('nextChange: the next phase, window, consequence or milestone change, and whose', () => {
    const t = createTracker([sla('a', '2025-03-03T09:00', 10), sla('b', '2025-03-03T09:00', 100)]);
    // 'a': 50 % at 14:00, 75 % at 16:30, 90 % at 18:00, 1 h left at 18:00, deadline 19:00.
    expect(t.nextChange('2025-03-03T09:00')).toMatchObject({ atMs: utc(2025, 3, 3, 14), ids: ['a'] });
    expect(t.nextChange('2025-03-03T17:00')).toMatchObject({ atMs: utc(2025, 3, 3, 18), ids: ['a'] });
    expect(t.nextChange('2025-03-03T18:00')).toMatchObject({ atMs: utc(2025, 3, 3, 19), ids: ['a'] });
    // After 'a' expires: 'b' reaches 50 % after 50 h, on 5 Mar 11:00.
    expect(t.nextChange('2025-03-03T19:00')).toMatchObject({ atMs: utc(2025, 3, 5, 11), ids: ['b'] });
    expect(createTracker([]).nextChange('2025-01-01')).toBeNull();
  });

  it('a paused ultimatum has no change scheduled until it resumes', () => {
    const t = createTracker([pause(sla('p', '2025-03-03T09:00', 10), { at: '2025-03-03T10:00' })]);
    expect(t.nextChange('2025-03-03T10:00')).toBeNull();
    expect(t.upcoming({ within: { hours: 10 }, at: '2025-03-03T11:00' }).map((x) => x.status.deadlineMs)).toEqual([
      utc(2025, 3, 3, 20), // 9 h left when paused at 10:00, projected from 11:00
    ]);
  });

  it('round-trips through JSON', () => {
    const t = createTracker([foundingCase(), article50()]);
    const again = parseTracker(JSON.parse(JSON.stringify(t)));
    expect(again.list()).toEqual(t.list());
    let error: unknown;
    try {
      parseTracker({ schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [{ ...foundingCase(), zone: 'Mars/Base' }] });
    } catch (e) {
      error = e;
    }
    expect(isUltimatumError(error) && [error.code, error.issues[0]?.path]).toEqual(['INVALID_ZONE', ['ultimatums', 0, 'zone']]);
  });
});
