/**
 * Bad input (SPEC §5): every public function refuses it with an `UltimatumError` — never a bare
 * `TypeError` or a luxon error — with a stable `code`, the JSON `path` of the first issue, a
 * message naming that path and the rule, the input left exactly as it was, `Object.prototype`
 * untouched, and a 1 MB string answered in under 100 ms wherever a string is taken.
 *
 * The cases are tables, one module for each kind of input refused, in tests/badInput/: instants,
 * durations, documents and events (of an ultimatum: createUltimatum, safeCreateUltimatum,
 * parseUltimatum, the amendments, status, deadlineOf, countdown), calendars, trackers, and the
 * options of the other entry points (milestones, watch, formatCountdown, toICS). The two kinds of
 * case and what each harness below compares are described in tests/badInput/harness.ts.
 *
 * Each case's expectation is the correct behaviour. Cases marked `was:` record what an earlier
 * version did instead (bugs these cases found and now guard against); `bug:` what the library did
 * when the case was written.
 */
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';
import {
  amend,
  comply,
  deadlineOf,
  enforce,
  extend,
  isUltimatumError,
  note,
  parseUltimatum,
  pause,
  reschedule,
  resume,
  safeCreateUltimatum,
  shorten,
  status,
  type Ultimatum,
  type UltimatumError,
  type UltimatumErrorCode,
} from '../src/index.js';
import { businessDayCases, calendarCases } from './badInput/calendars.js';
import { documentCases } from './badInput/documents.js';
import { durationCases, parseDurationCases } from './badInput/durations.js';
import { eventCases } from './badInput/events.js';
import { base, type CallCase, type Case, copy, event, fields, formatPath, type Json, type Refusal, snapshot, validWith, withProto } from './badInput/harness.js';
import { instantCases } from './badInput/instants.js';
import { formatCases, icsCases, milestoneCases, watchCases } from './badInput/options.js';
import { queryCases, trackerCases } from './badInput/trackers.js';
import { issuesOf } from './helpers.js';
import { caught, expectPrototypesClean, guardObjectPrototype } from './refusal.js';

guardObjectPrototype();

/**
 * Calls the library with the subject of a case (timed when the case must answer quickly) and
 * checks what every refusal must be: an `UltimatumError` with the code expected, its first issue
 * of that code, the other paths expected among its issues, the words its message must (not) hold.
 */
function expectRefused(c: Refusal, subject: unknown): UltimatumError {
  let error: unknown;
  if (c.quick) {
    caught(() => c.call(c.make())); // warm-up on a copy, so the timing measures this input only
    const start = performance.now();
    error = caught(() => c.call(subject));
    expect(performance.now() - start, 'answers quickly').toBeLessThan(100);
  } else {
    error = caught(() => c.call(subject));
  }

  expect(error, 'throws').toBeDefined();
  expect(isUltimatumError(error), `an UltimatumError, not ${String(error)}`).toBe(true);
  const e = error as UltimatumError;
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe('UltimatumError');
  const codes: readonly UltimatumErrorCode[] = typeof c.code === 'string' ? [c.code] : c.code;
  expect(codes).toContain(e.code);
  expect(e.issues.length).toBeGreaterThan(0);
  expect(e.issues[0]?.code).toBe(e.code);
  for (const path of c.alsoPaths ?? []) expect(e.issues.map((i) => i.path)).toContainEqual(path);
  for (const word of c.words ?? []) expect(e.message).toContain(word);
  for (const word of c.notWords ?? []) expect(e.message).not.toContain(word);
  expect(e.message.length, 'a message of reasonable length').toBeLessThan(1_000);
  return e;
}

describe('the founding input is valid (so every refusal below is due to the one bad field)', () => {
  it('creates, parses back and amends without error', () => {
    const u = base();
    expect(deadlineOf(u, '2025-07-20')?.toISO()).toBe('2025-09-02T12:00:00.000-04:00');
    expect(parseUltimatum(JSON.parse(JSON.stringify(u)))).toEqual(u);
    expect(() => shorten(u, { at: '2025-07-29T12:00', to: '2025-08-08T12:00' })).not.toThrow();
  });
});

describe('bad input is refused with an UltimatumError', () => {
  const allCases: Case[] = [...instantCases, ...durationCases, ...documentCases, ...eventCases];

  it('has at least 30 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(allCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const subject = c.make();
    const how = c.compare ?? 'clone';
    const before = snapshot(subject, how);

    const e = expectRefused(c, subject);
    expect(e.issues[0]?.path).toEqual(c.path);
    expect(e.message).toContain(`${formatPath(c.path)}: `);

    expect(snapshot(subject, how), 'input unchanged').toEqual(before);
    expectPrototypesClean();
  });
});

describe('a refused input leaves an existing ultimatum as it was', () => {
  const badEvents: Array<[string, (u: Ultimatum) => unknown]> = [
    ['an unknown event type', (u) => amend(u, event({ type: 'explode', at: '2025-07-20' }))],
    ['a resume with no pause', (u) => resume(u, { at: '2025-07-20' })],
    ['an enforce of an unknown consequence', (u) => enforce(u, { at: '2025-09-03', consequences: ['nope'] })],
    ['an extend that moves the deadline earlier', (u) => extend(u, { at: '2025-07-20', to: '2025-08-01' })],
    ['an event before issuedAt', (u) => note(u, { at: '2025-07-01', text: 'early' })],
    ['a __proto__ key in the event', (u) => amend(u, event(withProto({ type: 'note', at: '2025-07-20', text: 'x' })))],
  ];

  it.each(badEvents)('after %s', (_name, bad) => {
    const u = shorten(base(), { at: '2025-07-29T12:00', to: '2025-08-08T12:00' });
    const json = JSON.stringify(u);
    const deadlineBefore = deadlineOf(u, '2025-08-01')?.toISO();

    const error = caught(() => bad(u));
    expect(isUltimatumError(error)).toBe(true);

    expect(JSON.stringify(u)).toBe(json);
    expect(u).toEqual(JSON.parse(json));
    expect(Object.isFrozen(u)).toBe(true);
    expect(u.events).toHaveLength(1);
    expect(deadlineOf(u, '2025-08-01')?.toISO()).toBe(deadlineBefore);
    expect(status(u, '2025-08-01').phase).toBe('active');
    // and it can still be amended
    expect(deadlineOf(extend(u, { at: '2025-08-02', by: { days: 2 } }), '2025-08-03')?.toISO()).toBe('2025-08-10T12:00:00.000-04:00');
  });

  it('survives many refused amendments in a row, still equal to its stored form', () => {
    const u = pause(base(), { at: '2025-07-20T12:00' });
    const json = JSON.stringify(u);
    const attempts = [
      () => pause(u, { at: '2025-07-21' }),
      () => comply(u, { at: '2025-07-01' }),
      () => enforce(u, { at: '2025-07-22', consequences: [] }),
      () => reschedule(u, { at: '2025-07-22', deadline: { after: { days: -1 } } }),
      () => extend(u, fields({ at: '2025-07-22', by: { days: 1 }, to: '2025-12-01' })),
      () => status(u, 'yesterday' as never),
    ];
    for (const attempt of attempts) expect(isUltimatumError(caught(attempt))).toBe(true);
    expect(JSON.stringify(u)).toBe(json);
    expect(parseUltimatum(JSON.parse(json))).toEqual(u);
    expect(status(u, '2025-07-25T12:00').phase).toBe('paused');
  });

  it('a refused parse of a tampered copy leaves the original alone', () => {
    const u = base();
    const json = JSON.stringify(u);
    const copy = JSON.parse(json) as Json;
    copy.events = [{ type: 'resume', at: '2025-07-20T12:00:00-04:00' }];
    expect(isUltimatumError(caught(() => parseUltimatum(copy)))).toBe(true);
    expect(JSON.stringify(u)).toBe(json);
    expect(u.events).toEqual([]);
  });

  it('safeCreateUltimatum returns the error instead of throwing', () => {
    const r = safeCreateUltimatum(validWith({ zone: 'Mars/Base' }));
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(isUltimatumError(r.error)).toBe(true);
      expect(r.error.code).toBe('INVALID_ZONE');
    }
  });
});

describe('bad input to the other entry points is refused with an UltimatumError', () => {
  const allCases: CallCase[] = [
    ...parseDurationCases,
    ...calendarCases,
    ...businessDayCases,
    ...milestoneCases,
    ...trackerCases,
    ...queryCases,
    ...watchCases,
    ...formatCases,
    ...icsCases,
  ];

  it('has at least 60 cases, through every entry point listed', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(60);
    const names = new Set(allCases.map((c) => c.name.split(':')[0]));
    for (const entry of [
      'parseDuration',
      'createCalendar',
      'addBusinessDays',
      'businessDaysBetween',
      'isBusinessDay',
      'nextBusinessDay',
      'previousBusinessDay',
      'milestones',
      'createTracker',
      'tracker.add',
      'parseTracker',
      'tracker.upcoming',
      'tracker.overdue',
      'watch',
      'watchTracker',
      'formatCountdown',
      'toICS',
    ]) {
      expect(names, entry).toContain(entry);
    }
  });

  it.each(allCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const subject = c.make();
    const view = c.view ?? ((s: unknown) => copy(s));
    const before = view(subject);

    const e = expectRefused(c, subject);
    const paths = [c.path, ...(c.orPaths ?? [])];
    expect(paths).toContainEqual(e.issues[0]?.path);
    expect(e.message).toContain(`${formatPath(e.issues[0]?.path ?? [])}: `);

    expect(view(subject), 'input unchanged').toEqual(before);
    expectPrototypesClean();
  });
});

describe('bad options of ultimatum/holidays', () => {
  it('holidayCalendar: a span of years too long is refused before date-holidays is loaded', () => {
    // A span of calendar years is no duration: INVALID_INPUT, as the TSDoc of holidayCalendar says.
    expect(issuesOf(() => holidayCalendar('US', undefined, { years: [2000, 2200] }))).toEqual([
      { code: 'INVALID_INPUT', path: ['options', 'years'], message: 'must be [from, to] with from <= to, spanning at most 200 years' },
    ]);
  });
});
