/**
 * What `createUltimatum` stores (README "Stored form"): every instant an ISO string in the zone,
 * every duration an object of units, no key left for an option not given, and every problem
 * reported once at the JSON path of the field that holds it.
 */
import { DateTime } from 'luxon';
import {
  amend,
  createUltimatum,
  parseUltimatum,
  status,
  safeCreateUltimatum,
  type UltimatumInput,
  type UltimatumIssue,
} from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UltimatumSchema } from '../src/model/schemas.js';
import { base, issuesOf } from './helpers.js';

/** The issues of the `UltimatumError` that `f` throws (the test fails if it throws nothing else). */
const refused = (input: Partial<UltimatumInput>) => issuesOf(() => createUltimatum(base(input)));
const where = (issues: readonly Pick<UltimatumIssue, 'code' | 'path'>[]) => issues.map((i) => [i.code, i.path]);
const FINITE = 'must be a finite number >= 0';

describe('problems are reported at the path of the field that holds them', () => {
  it('an unreadable `publishedAt` of the ultimatum’s source', () => {
    const issues = refused({ source: { url: 'https://example.org', publishedAt: '2025-02-30' } });
    expect(where(issues)).toEqual([['INVALID_DATE', ['source', 'publishedAt']]]);
    expect(issues[0]?.message).toContain('"2025-02-30" is not a valid date or instant');
  });

  it('an unreadable `publishedAt` of an event’s source', () => {
    const issues = refused({
      events: [{ type: 'note', at: '2025-07-20T12:00', text: 'Reply', source: { publishedAt: '2025-13-01' } }],
    });
    expect(where(issues)).toEqual([['INVALID_DATE', ['events', 0, 'source', 'publishedAt']]]);
  });

  it('each unreadable end of a window of instants', () => {
    const issues = refused({ deadline: { between: ['2025-02-30', 'soon'] } });
    expect(where(issues)).toEqual([
      ['INVALID_DATE', ['deadline', 'between', 0]],
      ['INVALID_DATE', ['deadline', 'between', 1]],
    ]);
  });

  it('each bad end of a window of durations', () => {
    const earliest = refused({ deadline: { after: { earliest: { days: -1 }, latest: { days: 12 } } } });
    expect(earliest).toEqual([{ code: 'INVALID_DURATION', path: ['deadline', 'after', 'earliest', 'days'], message: FINITE }]);
    const latest = refused({ deadline: { after: { earliest: { days: 10 }, latest: { hours: -1 } } } });
    expect(latest).toEqual([{ code: 'INVALID_DURATION', path: ['deadline', 'after', 'latest', 'hours'], message: FINITE }]);
  });

  it('a bad consequence offset, by the consequence’s position', () => {
    const issues = refused({
      consequences: [
        { kind: 'tariff', ratePercent: 25, scope: 'primary' },
        { kind: 'sanctions', description: 'Asset freeze', offset: { days: -7 } },
      ],
    });
    expect(issues).toEqual([{ code: 'INVALID_DURATION', path: ['consequences', 1, 'offset', 'days'], message: FINITE }]);
  });

  it('a luxon Duration look-alike with a `latest` key is refused as a look-alike, not read as half a window', () => {
    // A plain object carrying luxon's flag passes the shape check as a Duration; it must not be
    // taken for a window because it has a `latest` key (a window needs both ends).
    const r = safeCreateUltimatum({ ...base(), deadline: { after: { isLuxonDuration: true, latest: { days: 12 } } } });
    expect(r.success || r.error.issues).toMatchObject([
      { code: 'INVALID_DURATION', path: ['deadline', 'after'], message: 'looks like a luxon Duration but is not one' },
    ]);
  });

  it('a duration in words that cannot be read, once, at `after`', () => {
    const issues = refused({ deadline: { after: 'fifty dayz' } });
    expect(where(issues)).toEqual([['INVALID_DURATION', ['deadline', 'after']]]);
    expect(issues[0]?.message).toContain('"dayz"');
  });
});

describe('durations are stored as units', () => {
  it('a single duration, from ISO 8601', () => {
    expect(createUltimatum(base({ deadline: { after: 'P50D' } })).deadline).toStrictEqual({ after: { days: 50 } });
  });

  it('a window, from words or from each end', () => {
    const window = { after: { earliest: { days: 10 }, latest: { days: 12 } } };
    expect(createUltimatum(base({ deadline: { after: '10 or 12 days' } })).deadline).toStrictEqual(window);
    expect(createUltimatum(base({ deadline: { after: { earliest: 'P10D', latest: { days: 12 } } } })).deadline).toStrictEqual(window);
  });

  it('a consequence offset', () => {
    const u = createUltimatum(base({ consequences: [{ id: 'ladder', kind: 'custom', description: 'Escalate', offset: 'P7D' }] }));
    expect(u.consequences[0]?.offset).toStrictEqual({ days: 7 });
  });
});

describe('a common duration is one frozen object, shared by every document that names it', () => {
  it('the same whole duration of one unit, and the deadline rule made of it alone', () => {
    const a = createUltimatum(base({ id: 'a', deadline: { after: { days: 50 } } }));
    const b = parseUltimatum(JSON.parse(JSON.stringify(createUltimatum(base({ id: 'b', deadline: { after: 'P50D' } })))));
    expect(b.deadline).toBe(a.deadline);
    expect(Object.isFrozen(a.deadline) && Object.isFrozen(a.deadline.after)).toBe(true);
    const offset = (id: string) => createUltimatum(base({ consequences: [{ id, kind: 'custom', description: 'x', offset: { hours: 36 } }] })).consequences[0]?.offset;
    expect(offset('one')).toBe(offset('two'));
  });

  it('not a duration of several units, of a fraction, of zero or of more than 1 000; not a rule with more than `after`', () => {
    const twice = (deadline: UltimatumInput['deadline']) => [createUltimatum(base({ deadline })).deadline, createUltimatum(base({ deadline })).deadline];
    for (const after of [{ days: 1, hours: 2 }, { hours: 1.5 }, { hours: 0 }, { minutes: 1001 }]) {
      const [x, y] = twice({ after });
      expect(x).toStrictEqual(y);
      expect(x).not.toBe(y);
    }
    for (const deadline of [{ after: { minutes: 1000 } }, { after: { days: 5 }, rollover: 'none' as const }, { after: { days: 5 }, endOfDay: false }]) {
      const [x, y] = twice(deadline);
      expect(x).toBe(y);
    }
    for (const deadline of [{ after: { days: 5 }, endOfDay: true }, { after: { days: 5 }, rollover: 'next-business-day' as const }, { after: { days: 5 }, from: '2025-07-20' }]) {
      const [p, q] = twice(deadline);
      expect(p).toStrictEqual(q);
      expect(p).not.toBe(q);
      expect(p?.after).toBe(q?.after);
    }
  });
});

describe('roll-over is stored only when it moves something', () => {
  it('absent when not given', () => {
    expect(createUltimatum(base({ deadline: { after: { days: 14 } } })).deadline).toStrictEqual({ after: { days: 14 } });
  });

  it('absent when "none", the default', () => {
    expect(createUltimatum(base({ deadline: { after: { days: 14 }, rollover: 'none' } })).deadline).toStrictEqual({
      after: { days: 14 },
    });
  });

  it('kept when it names a direction', () => {
    const u = createUltimatum(base({ deadline: { after: { days: 14 }, rollover: 'next-business-day' } }));
    expect(u.deadline).toStrictEqual({ after: { days: 14 }, rollover: 'next-business-day' });
  });
});

describe('optional fields', () => {
  it('leave no key behind when not given', () => {
    const u = createUltimatum(base());
    expect(Object.keys(u).sort()).toEqual(
      ['addressee', 'consequences', 'deadline', 'demands', 'events', 'id', 'issuedAt', 'issuer', 'schemaVersion', 'title', 'zone'].sort(),
    );
  });

  it('are kept when given: tags, calendar, and the source with its instant in the zone', () => {
    const u = createUltimatum(
      base({
        tags: ['tariffs', 'russia'],
        calendar: { holidays: ['2025-12-25'] },
        source: { url: 'https://example.org/remarks', publishedAt: '2025-07-14T13:05' },
      }),
    );
    expect(u.tags).toEqual(['tariffs', 'russia']);
    expect(u.calendar).toEqual({ holidays: ['2025-12-25'] });
    // 13:05 in New York in July is EDT, -04:00.
    expect(u.source).toStrictEqual({ url: 'https://example.org/remarks', publishedAt: '2025-07-14T13:05:00-04:00' });
  });

  it('an event’s source instant is read in the zone (a date alone is the start of that day)', () => {
    const u = amend(createUltimatum(base()), {
      type: 'note',
      at: '2025-07-20T12:00',
      text: 'Kremlin reply',
      source: { url: 'https://example.org/reply', publishedAt: '2025-07-20' },
    });
    expect(u.events[0]?.source).toStrictEqual({ url: 'https://example.org/reply', publishedAt: '2025-07-20T00:00:00-04:00' });
  });

  it('an event field passed as undefined (as a JavaScript caller may) is not stored', () => {
    const r = safeCreateUltimatum({ ...base(), events: [{ type: 'pause', at: '2025-07-20T12:00', note: undefined, source: undefined }] });
    expect(r.success).toBe(true);
    expect(r.success && r.data.events[0]).toStrictEqual({ type: 'pause', at: '2025-07-20T12:00:00-04:00' });
  });
});

describe('generated ids on a platform without Web Crypto', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('fall back to the time and random letters instead of failing', () => {
    vi.stubGlobal('crypto', undefined);
    const { id } = createUltimatum(base());
    expect(id).toMatch(/^u-[0-9a-z]+-[0-9a-z]{1,8}$/);
  });
});

describe('every instant is stored as a text that reads back the same instant', () => {
  it('in local mean time (Monrovia, −0:44:30 until 1972), which has no ISO 8601 offset: in UTC', () => {
    // 09:00 on the wall at −0:44:30 is 09:44:30 UTC; "09:00:00-00:44" would read back 09:44:00.
    const u = createUltimatum(base({ zone: 'Africa/Monrovia', issuedAt: '1970-01-01T09:00' }));
    expect(u.issuedAt).toBe('1970-01-01T09:44:30+00:00');
    const again = parseUltimatum(JSON.parse(JSON.stringify(u)));
    expect(again).toEqual(u);
    expect(status(again, '1970-01-01T09:44:30Z').phase).toBe('active');
    expect(status(again, '1970-01-01T09:44:29Z').phase).toBe('pending');
  });

  it('a luxon DateTime with a fraction of a millisecond: the whole millisecond, as for a number', () => {
    const u = createUltimatum(base({ zone: 'UTC', issuedAt: DateTime.fromMillis(Date.UTC(2025, 6, 14, 16) + 0.5) }));
    expect(u.issuedAt).toBe('2025-07-14T16:00:00+00:00');
    expect(parseUltimatum(JSON.parse(JSON.stringify(u)))).toEqual(u);
  });
});

describe('the stored document holds only its own data', () => {
  it('a calendar given with a symbol key is stored without it (and nothing of the caller’s is frozen)', () => {
    const extra = { x: 1 };
    const weekend = [6, 7];
    const u = createUltimatum(base({ calendar: { weekend, [Symbol('extra')]: extra } as never }));
    expect(Object.getOwnPropertySymbols(u.calendar)).toEqual([]);
    expect(u.calendar?.weekend).toEqual([6, 7]);
    expect(Object.isFrozen(weekend)).toBe(false);
    expect(Object.isFrozen(extra)).toBe(false);
  });

  it('no list of the caller’s is taken into the document or frozen, read the quick way or by zod', () => {
    const quick = base({ addressee: ['Russia'], demands: ['a ceasefire'], tags: ['x'] });
    // A field zod sees and the quick reader leaves to it: this input is read by zod.
    const byZod = base({ addressee: ['Russia'], demands: ['a ceasefire'], tags: ['x'] }) as Record<string, unknown>;
    const zone = byZod.zone;
    delete byZod.zone;
    Object.defineProperty(byZod, 'zone', { value: zone });
    const stored = JSON.parse(JSON.stringify(createUltimatum(quick)));
    const read = (input: unknown) => (input === stored ? parseUltimatum(stored) : createUltimatum(input as never));
    for (const input of [quick, byZod, stored]) {
      const u = read(input);
      for (const key of ['addressee', 'demands', 'tags'] as const) {
        expect(u[key]).not.toBe((input as Record<string, unknown>)[key]);
        expect(Object.isFrozen((input as Record<string, unknown>)[key])).toBe(false);
      }
      expect(u.addressee).toEqual(['Russia']);
    }
  });
});

describe('the stored document is written in the stored schema’s order, whatever the input’s order', () => {
  /** The same data with every object's keys in reverse order, at every depth. */
  const reversed = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(reversed)
      : typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype
        ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)]))
        : v;
  /** The key paths of a value in order: equal lists mean equal values with keys in the same order. */
  const keyPaths = (v: unknown, at = ''): string[] =>
    typeof v !== 'object' || v === null ? [] : Object.entries(v).flatMap(([k, x]) => [`${at}/${k}`, ...keyPaths(x, `${at}/${k}`)]);
  const input = base({
    id: 'u-1',
    source: { url: 'https://example.org', quote: 'q', publishedAt: '2025-07-14T10:00' },
    consequences: [
      { kind: 'tariff', ratePercent: 100, scope: 'secondary', targets: ['X'], offset: { days: 1 } },
      { id: 'sanctions', kind: 'sanctions', description: 'Sanctions' },
    ],
    events: [
      { type: 'extend', at: '2025-07-20T10:00', by: { days: 3 }, note: 'n', source: { publishedAt: '2025-07-20T09:00', url: 'https://example.org/2' } },
      { type: 'reschedule', at: '2025-07-29T10:00', deadline: { after: { days: 10 }, endOfDay: true } },
      { type: 'enforce', at: '2025-08-06T10:00', consequences: ['tariff-1'], partial: true },
      { type: 'note', at: '2025-08-07T10:00', text: 'talks' },
    ],
  });

  it('as zod writes a stored document it reads (its shape’s order), from either order of the input', () => {
    const u = createUltimatum(input);
    const v = createUltimatum(reversed(input) as UltimatumInput);
    expect(keyPaths(v)).toEqual(keyPaths(u));
    expect(keyPaths(u)).toEqual(keyPaths(UltimatumSchema.parse(JSON.parse(JSON.stringify(u)))));
    // The consequence given without an id has it first, like the one given with one.
    expect(Object.keys(u.consequences[0] ?? {})).toEqual(['id', 'targets', 'offset', 'kind', 'ratePercent', 'scope']);
    expect(Object.keys(u.events[0] ?? {})).toEqual(['at', 'note', 'source', 'type', 'by']);
  });
});
