/**
 * Folding and checking the history (SPEC §2.7): which instants are allowed for events and
 * deadlines, how stored instants are read, which problems are reported and where, and the
 * due dates of consequences with an offset. Every figure is worked out by hand in UTC from
 * `utcCase()`: issued Mon 3 Mar 2025 09:00Z, 10 days → Thu 13 Mar 09:00Z.
 */
import {
  createUltimatum,
  type EventInput,
  explain,
  isUltimatumError,
  safeCreateUltimatum,
  status,
  type Ultimatum,
  type UltimatumInput,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/status/compile.js';
import { base, utc, utcCase } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const BEFORE_ISSUE = 'puts the deadline before the ultimatum was issued';
const NO_ACTIVE_TIME = 'puts the deadline so early that, less the time the clock was paused, no active time would be left';
const PAST_RANGE = 'takes the deadline past the supported range (years 1 to 9999)';

type Issue = { code: string; path: readonly (string | number)[]; message: string };

/** The problems `createUltimatum` finds in an input, or `[]` when it is accepted. */
function problems(input: UltimatumInput): Issue[] {
  const r = safeCreateUltimatum(input);
  return r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
}

/** The problems `status` finds in a stored document read as it is. */
function storedProblems(doc: Record<string, unknown>): Issue[] {
  try {
    status(doc as unknown as Ultimatum, '2025-03-05');
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return e.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
  }
  return [];
}

/** A stored document written by hand: issued Mon 3 Mar 2025 09:00Z, 10 days. */
function storedDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'case',
    title: 'Case',
    issuer: 'A',
    addressee: ['B'],
    demands: ['Do it'],
    issuedAt: '2025-03-03T09:00:00Z',
    zone: 'UTC',
    deadline: { after: { days: 10 } },
    consequences: [],
    events: [],
    ...overrides,
  };
}

const unreadable = (path: (string | number)[]): Issue => ({
  code: 'INVALID_DATE',
  path,
  message: '"someday" is not a valid date or instant (expected a whole date such as 2025-09-02, optionally with a time)',
});

describe('event instants', () => {
  it('an event may fall at the very instant of issue', () => {
    // Rescheduled at issue to 5 days: 3 Mar 09:00Z + 5 days = 8 Mar 09:00Z.
    const u = createUltimatum(utcCase({ events: [{ type: 'reschedule', at: '2025-03-03T09:00', deadline: { after: { days: 5 } } }] }));
    expect(status(u, '2025-03-03T09:00').deadlineMs).toBe(utc(2025, 3, 8, 9));
  });

  it('two events may share an instant', () => {
    const u = createUltimatum(
      utcCase({
        events: [
          { type: 'pause', at: '2025-03-04T09:00' },
          { type: 'note', at: '2025-03-04T09:00', text: 'clock stopped while the parties talk' },
        ],
      }),
    );
    // Paused 4 Mar 09:00Z; on 5 Mar 09:00Z one day of pause, the deadline 13 Mar + 1 day.
    const s = status(u, '2025-03-05T09:00');
    expect(s.phase).toBe('paused');
    expect(s.pausedMs).toBe(DAY);
    expect(s.deadlineMs).toBe(utc(2025, 3, 14, 9));
  });

  it('an event out of order is refused at its `at`, naming the event before it as stored', () => {
    // base(): New York, EDT (-04:00) in July; the stored form of 20 Jul 12:00 is 2025-07-20T12:00:00-04:00.
    expect(
      problems(
        base({
          events: [
            { type: 'note', at: '2025-07-15T12:00', text: 'first' },
            { type: 'note', at: '2025-07-20T12:00', text: 'second' },
            { type: 'note', at: '2025-07-19T12:00', text: 'third, out of order' },
          ],
        }),
      ),
    ).toEqual([
      {
        code: 'INVALID_EVENT',
        path: ['events', 2, 'at'],
        message: 'is before the previous event (2025-07-20T12:00:00-04:00): events must be in chronological order',
      },
    ]);
  });
});

describe('an event refused for its instant is reported once', () => {
  const EARLY = 'is before the ultimatum was issued';
  it('a resume dated before the issue, during a pause, is not also checked for the deadline it would move', () => {
    // Paused 4 Mar 09:00Z; a resume dated 1 Jan 2025 is before the issue (3 Mar). Folding it would
    // make a pause of minus 62 days and a deadline before the issue: an echo of the same mistake.
    expect(
      problems(
        utcCase({
          events: [
            { type: 'pause', at: '2025-03-04T09:00' },
            { type: 'resume', at: '2025-01-01T09:00' },
          ],
        }),
      ),
    ).toEqual([{ code: 'INVALID_EVENT', path: ['events', 1, 'at'], message: EARLY }]);
  });

  it('so is an extension dated before the issue', () => {
    expect(
      problems(
        utcCase({
          events: [
            { type: 'pause', at: '2025-03-04T09:00' },
            { type: 'extend', at: '2025-01-01T09:00', by: { days: 1 } },
          ],
        }),
      ),
    ).toEqual([{ code: 'INVALID_EVENT', path: ['events', 1, 'at'], message: EARLY }]);
  });
});

describe('pauses', () => {
  it('a pause at the deadline itself is refused: the deadline is the first overdue instant', () => {
    expect(problems(utcCase({ events: [{ type: 'pause', at: '2025-03-13T09:00' }] }))).toEqual([
      { code: 'INVALID_EVENT', path: ['events', 0, 'at'], message: 'pauses after the deadline has passed: there is no clock left to stop' },
    ]);
    // One minute earlier is still before it.
    expect(problems(utcCase({ events: [{ type: 'pause', at: '2025-03-13T08:59' }] }))).toEqual([]);
  });

  it('explain names the rule of a pause: the clock stops', () => {
    const u = createUltimatum(utcCase({ events: [{ type: 'pause', at: '2025-03-04T09:00' }] }));
    const step = explain(u, '2025-03-04T12:00')[1];
    expect(step?.rule).toBe('the clock stops');
    expect(step?.eventIndex).toBe(0);
    expect(step?.result?.toMillis()).toBe(utc(2025, 3, 13, 9));
  });

  it('the compiled changes record when the clock stops and restarts, and by how much it moved', () => {
    const u = createUltimatum(
      utcCase({
        events: [
          { type: 'pause', at: '2025-03-04T09:00' },
          { type: 'resume', at: '2025-03-06T09:00' },
        ],
      }),
    );
    const { changes } = compile(u);
    // Paused from 4 to 6 Mar 09:00Z: two days.
    expect(changes.slice(1)).toEqual([
      { eventIndex: 0, atMs: utc(2025, 3, 4, 9), how: { kind: 'stop' } },
      { eventIndex: 1, atMs: utc(2025, 3, 6, 9), how: { kind: 'restart' }, pause: { startMs: utc(2025, 3, 4, 9), movedByMs: 2 * DAY } },
    ]);
  });
});

describe('deadlines against the issue instant and the time paused', () => {
  it('a shortening may put the deadline at the very instant of issue', () => {
    const u = createUltimatum(utcCase({ events: [{ type: 'shorten', at: '2025-03-04T09:00', to: '2025-03-03T09:00' }] }));
    // Deadline 3 Mar 09:00Z; on 4 Mar 09:00Z one day overdue.
    const s = status(u, '2025-03-04T09:00');
    expect(s.phase).toBe('expired');
    expect(s.deadlineMs).toBe(utc(2025, 3, 3, 9));
    expect(s.overdueMs).toBe(DAY);
  });

  it('an extension to an earlier instant is refused once, as not later', () => {
    // 1 Mar is before 13 Mar: not later. That it is also before the issue is not repeated.
    expect(problems(utcCase({ events: [{ type: 'extend', at: '2025-03-04T09:00', to: '2025-03-01T09:00' }] }))).toEqual([
      { code: 'INVALID_EVENT', path: ['events', 0, 'to'], message: 'must move the deadline later' },
    ]);
  });

  it('a window whose earliest end is before the issue is refused, even if its latest end is unchanged', () => {
    // Between 1 Mar 09:00Z (before the issue) and 13 Mar 09:00Z (the deadline already in force).
    expect(
      problems(utcCase({ events: [{ type: 'reschedule', at: '2025-03-04T09:00', deadline: { between: ['2025-03-01T09:00', '2025-03-13T09:00'] } }] })),
    ).toEqual([{ code: 'INVALID_EVENT', path: ['events', 0, 'deadline'], message: BEFORE_ISSUE }]);
  });

  it('a shortening into the time the clock was paused is refused at `to`', () => {
    // Paused 4 → 6 Mar 09:00Z (2 days): deadline 15 Mar 09:00Z. Shortened on 7 Mar to 4 Mar 09:00Z:
    // 1 day after issue, less 2 days paused, leaves less than no active time.
    const events = (to: string): EventInput[] => [
      { type: 'pause', at: '2025-03-04T09:00' },
      { type: 'resume', at: '2025-03-06T09:00' },
      { type: 'shorten', at: '2025-03-07T09:00', to },
    ];
    expect(problems(utcCase({ events: events('2025-03-04T09:00') }))).toEqual([
      { code: 'INVALID_EVENT', path: ['events', 2, 'to'], message: NO_ACTIVE_TIME },
    ]);
    // To 5 Mar 09:00Z: 2 days after issue, exactly the 2 days paused, no active time left but none missing.
    const u = createUltimatum(utcCase({ events: events('2025-03-05T09:00') }));
    const s = status(u, '2025-03-07T09:00');
    expect(s.deadlineMs).toBe(utc(2025, 3, 5, 9));
    expect(s.phase).toBe('expired');
    expect(s.pausedMs).toBe(2 * DAY);
    expect(s.remainingMs).toBe(0);
  });

  it('after a refused shortening, each later event that moves the deadline is checked again, at its own field', () => {
    // 4 Mar: paused (deadline 13 Mar 09:00Z).
    // 5 Mar: the pause so far (1 day) is folded in, then shortened to 1 Mar 09:00Z: before the issue.
    // 6 Mar: resumed after 1 more day: deadline 2 Mar 09:00Z, still before the issue; 2 days paused.
    // 7 Mar: window from 2 Mar 09:00Z (unchanged) to 20 Mar 09:00Z: its earliest end is before the issue.
    // 8 Mar: extended by 1 day: 3 Mar 09:00Z – 21 Mar 09:00Z, i.e. 0 days after issue, less 2 paused.
    expect(
      problems(
        utcCase({
          events: [
            { type: 'pause', at: '2025-03-04T09:00' },
            { type: 'shorten', at: '2025-03-05T09:00', to: '2025-03-01T09:00' },
            { type: 'resume', at: '2025-03-06T09:00' },
            { type: 'reschedule', at: '2025-03-07T09:00', deadline: { between: ['2025-03-02T09:00', '2025-03-20T09:00'] } },
            { type: 'extend', at: '2025-03-08T09:00', by: { days: 1 } },
            { type: 'note', at: '2025-03-09T09:00', text: 'moves nothing, so is not reported' },
          ],
        }),
      ),
    ).toEqual([
      { code: 'INVALID_EVENT', path: ['events', 1, 'to'], message: BEFORE_ISSUE },
      { code: 'INVALID_EVENT', path: ['events', 2, 'at'], message: BEFORE_ISSUE },
      { code: 'INVALID_EVENT', path: ['events', 3, 'deadline'], message: BEFORE_ISSUE },
      { code: 'INVALID_EVENT', path: ['events', 4, 'by'], message: NO_ACTIVE_TIME },
    ]);
  });
});

describe('stored documents read as they are', () => {
  it('a date-only issuedAt is the start of that day', () => {
    // 3 Mar 00:00Z + 10 days = 13 Mar 00:00Z.
    const s = status(storedDoc({ issuedAt: '2025-03-03' }) as unknown as Ultimatum, '2025-03-03T12:00');
    expect(s.issuedAt.toMillis()).toBe(utc(2025, 3, 3));
    expect(s.deadlineMs).toBe(utc(2025, 3, 13));
    expect(s.elapsedMs).toBe(12 * HOUR);
  });

  it('a date-only event instant is the start of that day', () => {
    // Paused at 5 Mar 00:00Z: at 12:00 the same day, paused for 12 hours.
    const doc = storedDoc({ events: [{ type: 'pause', at: '2025-03-05' }] }) as unknown as Ultimatum;
    const s = status(doc, '2025-03-05T12:00');
    expect(s.phase).toBe('paused');
    expect(s.pausedMs).toBe(12 * HOUR);
  });

  it('an unreadable issuedAt is the one problem reported', () => {
    expect(storedProblems(storedDoc({ issuedAt: 'someday' }))).toEqual([unreadable(['issuedAt'])]);
  });

  it('an unreadable event instant stops the check: the events after it are not folded', () => {
    // Folding on from an unreadable pause would report the resume as resuming no pause.
    const doc = storedDoc({
      events: [
        { type: 'pause', at: 'someday' },
        { type: 'resume', at: '2025-03-05T09:00:00Z' },
      ],
    });
    expect(storedProblems(doc)).toEqual([unreadable(['events', 0, 'at'])]);
  });

  it('an unreadable `to` leaves the deadline as it was', () => {
    // The extension is refused; the deadline stays 13 Mar 09:00Z, so a fine 1 day later is in range
    // and a pause after 13 Mar is still reported as after the deadline.
    const doc = storedDoc({
      consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', offset: { days: 1 } }],
      events: [
        { type: 'extend', at: '2025-03-04T09:00:00Z', to: 'someday' },
        { type: 'pause', at: '2025-03-14T09:00:00Z' },
      ],
    });
    // Read through status() the document is refused at its first problem (as parseUltimatum does);
    // compiled on its own, the history check goes on past the unreadable `to`.
    expect(storedProblems(doc)).toEqual([unreadable(['events', 0, 'to'])]);
    expect(compile(doc as unknown as Ultimatum).issues.items.map((i) => ({ code: i.code, path: i.path, message: i.message }))).toEqual([
      unreadable(['events', 0, 'to']),
      { code: 'INVALID_EVENT', path: ['events', 1, 'at'], message: 'pauses after the deadline has passed: there is no clock left to stop' },
    ]);
  });
});

describe('consequences with an offset', () => {
  it('the offset is checked against the latest deadline ever in force', () => {
    // Deadline the end of 1 Dec 9999 = 2 Dec 9999 00:00Z; + 1 month = 2 Jan 10000: past the range,
    // although the shortening to the end of 1 Apr 2025 later brings it back.
    expect(
      problems(
        utcCase({
          deadline: { at: '9999-12-01' },
          consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', offset: { months: 1 } }],
          events: [{ type: 'shorten', at: '2025-03-04T09:00', to: '2025-04-01' }],
        }),
      ),
    ).toEqual([{ code: 'OUT_OF_RANGE', path: ['consequences', 0, 'offset'], message: PAST_RANGE }]);
  });

  it('an offset in business days is checked on the ultimatum calendar', () => {
    // Only Sundays are business days. Deadline 2 Oct 9999 00:00Z + 20 Sundays ≈ 140 days: into the year 10000.
    // On the default calendar (Mon–Fri) 20 business days would be 28 days, within 9999.
    const input = (weekend: number[]) =>
      utcCase({
        deadline: { at: '9999-10-01' },
        calendar: { weekend },
        consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', offset: { businessDays: 20 } }],
      });
    expect(problems(input([1, 2, 3, 4, 5, 6]))).toEqual([{ code: 'OUT_OF_RANGE', path: ['consequences', 0, 'offset'], message: PAST_RANGE }]);
    expect(problems(input([6, 7]))).toEqual([]);
  });

  it('a due date in business days skips the holidays of the ultimatum calendar', () => {
    // Deadline Wed 5 Mar 09:00Z; 1 business day later: Thu 6 Mar is a holiday → Fri 7 Mar 09:00Z.
    const u = createUltimatum(
      utcCase({
        deadline: { after: { days: 2 } },
        calendar: { holidays: ['2025-03-06'] },
        consequences: [{ id: 'fine', kind: 'custom', description: 'A fine', offset: { businessDays: 1 } }],
      }),
    );
    const thursday = status(u, '2025-03-06T12:00').consequences;
    expect(thursday.threatened.map((t) => t.dueAt.toMillis())).toEqual([utc(2025, 3, 7, 9)]);
    expect(thursday.due).toEqual([]);
    expect(status(u, '2025-03-07T09:00').consequences.due.map((t) => t.consequence.id)).toEqual(['fine']);
  });
});
