/**
 * The tracker as a collection: what createTracker and parseTracker take, an overview of every
 * question, replace (an amended ultimatum in place of the one with its id), removing and adding
 * (also after the index was built), and the paths of every refusal. The questions at their edges
 * are in tests/tracker.queries.test.ts. Ultimatums are in UTC, issued Mon 3 Mar 2025 09:00 unless
 * said otherwise, so each deadline is plain arithmetic.
 */
import { comply, createTracker, createUltimatum, extend, isUltimatumError, parseTracker, pause, type Ultimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { article50 } from '../examples/brexit-article-50.js';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, issuesOf, utc } from './helpers.js';

const sla = (id: string, issuedAt: string, hours: number) =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt, deadline: { after: { hours } } }));

/** An ultimatum in UTC with an `after` rule, issued Mon 3 Mar 2025 09:00 unless said otherwise. */
const make = (id: string, deadline: { hours: number } | { days: number }, issuedAt = '2025-03-03T09:00') =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt, deadline: { after: deadline } }));

const ids = (list: { ultimatum: Ultimatum }[]) => list.map((x) => x.ultimatum.id);

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

describe('replace: an amended ultimatum in place of the one with its id', () => {
  it('moves its deadline in every index and keeps its place in the list', () => {
    const a = sla('a', '2025-03-03T09:00', 24);
    const t = createTracker([a, sla('b', '2025-03-03T09:00', 48)]);
    expect(t.upcoming({ within: { hours: 30 }, at: '2025-03-03T09:00' }).map((x) => x.ultimatum.id)).toEqual(['a']);
    // Extended by 2 days: due 6 Mar 09:00, after b's 5 Mar 09:00.
    t.replace(extend(a, { at: '2025-03-03T10:00', by: { days: 2 } }));
    expect(t.list().map((u) => u.id)).toEqual(['a', 'b']);
    expect(t.upcoming({ within: { hours: 30 }, at: '2025-03-03T11:00' })).toEqual([]);
    expect(t.upcoming({ within: { days: 4 }, at: '2025-03-03T11:00' }).map((x) => [x.ultimatum.id, x.status.deadlineMs])).toEqual([
      ['b', utc(2025, 3, 5, 9)],
      ['a', utc(2025, 3, 6, 9)],
    ]);
    expect(t.overdue('2025-03-05T12:00').map((x) => x.ultimatum.id)).toEqual(['b']);
  });

  it('refuses an id the tracker does not hold, and a bad document, changing nothing', () => {
    const t = createTracker([sla('a', '2025-03-03T09:00', 24)]);
    expect(issuesOf(() => t.replace(sla('z', '2025-03-03T09:00', 1))).map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', ['id']]]);
    expect(issuesOf(() => t.replace({ ...sla('a', '2025-03-03T09:00', 1), zone: 'Mars/Base' })).map((i) => i.code)).toEqual(['INVALID_ZONE']);
    expect(t.nextChange('2025-03-03T09:00')?.atMs).toBe(utc(2025, 3, 3, 21)); // 50 % of 24 h, as before
  });

  it('many removals compact the slots without changing an answer', () => {
    const keep = sla('keep', '2025-03-03T09:00', 24);
    const t = createTracker([keep]);
    for (let i = 0; i < 3_000; i++) t.add(sla(`x${i}`, '2025-03-03T09:00', 1 + (i % 5)));
    for (let i = 0; i < 3_000; i++) t.remove(`x${i}`);
    t.add(sla('late', '2025-03-03T09:00', 2));
    expect(t.list().map((u) => u.id)).toEqual(['keep', 'late']);
    expect(t.upcoming({ within: { days: 1 }, at: '2025-03-03T09:00' }).map((x) => x.ultimatum.id)).toEqual(['late']);
    expect(t.nextChange('2025-03-03T09:00')?.ids).toEqual(['late']); // 50 % of 2 h, at 10:00
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
  const expectedList = { code: 'INVALID_INPUT', path: [], message: 'must be an array (or iterable) of ultimatums' };

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

  it('parseTracker reports the first problem in the list, a repeated id before a broken document after it', () => {
    const a = JSON.parse(JSON.stringify(make('a', { hours: 10 })));
    const broken = { ...JSON.parse(JSON.stringify(make('b', { hours: 10 }))), zone: 'Mars/Olympus' };
    const doc = { schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [a, a, broken] };
    expect(issuesOf(() => parseTracker(doc)).map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', ['ultimatums', 1, 'id']]]);
    const doc2 = { schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [a, broken, a] };
    expect(issuesOf(() => parseTracker(doc2)).map((i) => [i.code, i.path])).toEqual([['INVALID_ZONE', ['ultimatums', 1, 'zone']]]);
  });

  it('createTracker reports the first problem in the list too; a sparse list is read by what it yields, not by its length', () => {
    const a = make('a', { hours: 10 });
    expect(issuesOf(() => createTracker([a, a, JSON.parse('{}')])).map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', [1, 'id']]]);
    const sparse: Ultimatum[] = [];
    sparse.length = 2 ** 31;
    expect(issuesOf(() => createTracker(sparse)).map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', [0]]]);
    // An array whose iterator yields fewer than its length: the tracker holds what was yielded.
    const b = make('b', { hours: 20 });
    const short = [a, b, make('c', { hours: 30 })];
    Object.defineProperty(short, Symbol.iterator, {
      value: function* () {
        yield a;
        yield b;
      },
    });
    const t = createTracker(short);
    expect([t.size, t.list().map((u) => u.id), t.upcoming({ within: { days: 2 }, at: '2025-03-03T09:00' }).map((x) => x.ultimatum.id)]).toEqual([2, ['a', 'b'], ['a', 'b']]);
  });

  it('createTracker from a generator (its length unknown) keeps every ultimatum in order', () => {
    function* three() {
      yield make('a', { hours: 30 });
      yield make('b', { hours: 10 });
      yield make('c', { hours: 20 });
    }
    const t = createTracker(three());
    expect([t.size, t.list().map((u) => u.id), t.upcoming({ within: { days: 2 }, at: '2025-03-03T09:00' }).map((x) => x.ultimatum.id)]).toEqual([3, ['a', 'b', 'c'], ['b', 'c', 'a']]);
  });

  it('add refuses a repeated id at id', () => {
    expect(issuesOf(() => t.add(make('a', { hours: 5 })))).toEqual([
      { code: 'INVALID_INPUT', path: ['id'], message: 'repeats the id "a": ids must be unique in a tracker' },
    ]);
    expect(t.size).toBe(1);
  });

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
