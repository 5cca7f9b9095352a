/**
 * Resolving a deadline rule to instants, and the words `explain()` gives for it: fixed instants,
 * windows of instants, `after` rules (single and windows, with `from`, with roll-over), and
 * extensions that run past the supported range. Every expectation is computed by hand in a
 * comment beside it.
 */
import { Settings } from 'luxon';
import {
  createUltimatum,
  explain,
  extend,
  status,
  type DeadlineRule,
  type Ultimatum,
  type UltimatumInput,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { compiledCalendarOf } from '../src/rules/businessDays.js';
import { IssueList } from '../src/rules/issues.js';
import { resolveDeadline, type RuleContext } from '../src/rules/resolveDeadline.js';
import { zoneFor } from '../src/rules/zone.js';
import { base, issuesOf, utc } from './helpers.js';

const NY = 'America/New_York';
const OUT_OF_RANGE = 'takes the deadline past the supported range (years 1 to 9999)';

/** The issues of the `UltimatumError` that `f` throws (the test fails if it throws nothing else). */
/** The rule the ultimatum was issued with, as `explain()` words it. */
const issuedRule = (input: Partial<UltimatumInput>) => explain(createUltimatum(base(input)), '2025-07-15T12:00')[0]?.rule;

/** A stored document as `JSON.parse` gives it (never through `createUltimatum`), with its deadline replaced. */
function plainDocument(deadline: Record<string, unknown>): Ultimatum {
  const doc = JSON.parse(JSON.stringify(createUltimatum(base())));
  doc.deadline = deadline;
  return doc;
}

describe('a fixed deadline', () => {
  it('a date-only `at` is the end of that day, and explain says so', () => {
    const u = createUltimatum(base({ deadline: { at: '2025-09-02' } }));
    // End of Tue 2 Sep 2025 in New York = Wed 3 Sep 00:00 EDT = 04:00Z.
    expect(status(u, '2025-07-20').deadlineMs).toBe(utc(2025, 9, 3, 4));
    expect(explain(u, '2025-07-20')[0]?.rule).toBe('fixed: end of 2025-09-02 in America/New_York');
  });

  it('an `at` with a time is named as stored, with its offset', () => {
    const u = createUltimatum(base({ deadline: { at: '2025-09-02T17:00' } }));
    // 17:00 EDT = 21:00Z.
    expect(status(u, '2025-07-20').deadlineMs).toBe(utc(2025, 9, 2, 21));
    expect(explain(u, '2025-07-20')[0]?.rule).toBe('fixed: 2025-09-02T17:00:00-04:00');
  });

  it('is a single deadline, not a window', () => {
    const u = createUltimatum(base({ deadline: { at: '2025-09-02' } }));
    const s = status(u, '2025-09-02T23:00');
    expect(s.window).toBeUndefined();
    expect(s.inWindow).toBe(false);
    expect(explain(u, '2025-07-20')[0]?.window).toBeUndefined();
  });
});

describe('a window of instants (`between`)', () => {
  it('runs from the end of the first day to the end of the second, and explain names both ends', () => {
    const u = createUltimatum(base({ deadline: { between: ['2025-08-07', '2025-08-09'] } }));
    const s = status(u, '2025-08-09T12:00');
    // End of 7 Aug = 8 Aug 00:00 EDT = 04:00Z; end of 9 Aug = 10 Aug 04:00Z.
    expect(s.window?.earliest.toMillis()).toBe(utc(2025, 8, 8, 4));
    expect(s.deadlineMs).toBe(utc(2025, 8, 10, 4));
    expect(s.inWindow).toBe(true);
    expect(explain(u, '2025-08-01')[0]?.rule).toBe(
      'window from end of 2025-08-07 in America/New_York to end of 2025-08-09 in America/New_York',
    );
  });

  it('may have both ends at the same instant (earliest is not after latest)', () => {
    const u = createUltimatum(base({ deadline: { between: ['2025-08-08T12:00', '2025-08-08T12:00'] } }));
    // 8 Aug 12:00 EDT = 16:00Z.
    expect(status(u, '2025-08-01').deadlineMs).toBe(utc(2025, 8, 8, 16));
  });

  it('is refused when the first end is after the second', () => {
    const issues = issuesOf(() => createUltimatum(base({ deadline: { between: ['2025-08-09', '2025-08-07'] } })));
    expect(issues).toEqual([
      { code: 'INVALID_INPUT', path: ['deadline', 'between'], message: 'the earliest end of the window must not be after the latest' },
    ]);
  });
});

describe('how explain words a window of durations', () => {
  it('one amount of the same unit at both ends is written once: "+10 to +12 calendar days"', () => {
    expect(issuedRule({ deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } } })).toBe(
      '+10 to +12 calendar days in America/New_York',
    );
    // Exact units only: no zone, since hours do not depend on it.
    expect(issuedRule({ deadline: { after: { earliest: { hours: 36 }, latest: { hours: 48 } } } })).toBe('+36 to +48 hours');
  });

  it('different units at the two ends are both written in full, with the zone if either uses the calendar', () => {
    const u = createUltimatum(base({ deadline: { after: { earliest: { days: 10 }, latest: { hours: 300 } } } }));
    const s = status(u, '2025-07-15T12:00');
    // 14 Jul 12:00 EDT (16:00Z) + 10 calendar days = 24 Jul 16:00Z; + 300 h = + 12 d 12 h = 27 Jul 04:00Z.
    expect(s.window?.earliest.toMillis()).toBe(utc(2025, 7, 24, 16));
    expect(s.deadlineMs).toBe(utc(2025, 7, 27, 4));
    expect(explain(u, '2025-07-15T12:00')[0]?.rule).toBe('+10 calendar days to +300 hours in America/New_York');
  });

  it('ends of several units are both written in full, even when they start and end alike', () => {
    expect(issuedRule({ deadline: { after: { earliest: { days: 1, hours: 12 }, latest: { days: 1, hours: 18 } } } })).toBe(
      '+1 calendar day 12 hours to +1 calendar day 18 hours in America/New_York',
    );
  });
});

describe('roll-over, as explain names each day passed over', () => {
  // Mon 8 Dec 2025 12:00 New York (EST, 17:00Z); Fri 26 Dec 2025 is a holiday in this calendar.
  const rolled = (days: number, rollover: 'next-business-day' | 'previous-business-day') =>
    createUltimatum(
      base({
        issuedAt: '2025-12-08T12:00',
        calendar: { holidays: ['2025-12-26'] },
        deadline: { after: { days }, rollover },
      }),
    );

  it('forward over a holiday and a weekend', () => {
    // 8 Dec + 18 days = Fri 26 Dec (holiday) → Sat 27, Sun 28 (weekend) → Mon 29 Dec 12:00 EST = 17:00Z.
    const u = rolled(18, 'next-business-day');
    expect(status(u, '2025-12-09').deadlineMs).toBe(utc(2025, 12, 29, 17));
    expect(explain(u, '2025-12-09')[0]?.rule).toBe(
      '+18 calendar days in America/New_York; Fri 26 Dec 2025 is a holiday, Sat 27 Dec 2025 is a weekend day, ' +
        'Sun 28 Dec 2025 is a weekend day → Mon 29 Dec 2025',
    );
  });

  it('back over a weekend day and a holiday', () => {
    // 8 Dec + 19 days = Sat 27 Dec (weekend) → Fri 26 (holiday) → Thu 25 Dec 12:00 EST = 17:00Z.
    const u = rolled(19, 'previous-business-day');
    expect(status(u, '2025-12-09').deadlineMs).toBe(utc(2025, 12, 25, 17));
    expect(explain(u, '2025-12-09')[0]?.rule).toBe(
      '+19 calendar days in America/New_York; Sat 27 Dec 2025 is a weekend day, Fri 26 Dec 2025 is a holiday → Thu 25 Dec 2025',
    );
  });

  it('names the days in English on the calendar date, whatever luxon’s default zone and locale', () => {
    const zone = Settings.defaultZone;
    const locale = Settings.defaultLocale;
    try {
      // Midnight UTC of 26 Dec is still 25 Dec in New York: a day must not be read in the default zone.
      Settings.defaultZone = NY;
      Settings.defaultLocale = 'fr-FR';
      const u = rolled(18, 'next-business-day');
      expect(explain(u, '2025-12-09')[0]?.rule).toBe(
        '+18 calendar days in America/New_York; Fri 26 Dec 2025 is a holiday, Sat 27 Dec 2025 is a weekend day, ' +
          'Sun 28 Dec 2025 is a weekend day → Mon 29 Dec 2025',
      );
    } finally {
      Settings.defaultZone = zone;
      Settings.defaultLocale = locale;
    }
  });
});

describe('`from` in a stored document read without createUltimatum', () => {
  it('a date-only `from` is the start of that day, as in an input', () => {
    const doc = plainDocument({ after: { days: 10 }, from: '2025-07-29' });
    // Start of 29 Jul = 00:00 EDT = 04:00Z; + 10 calendar days = 8 Aug 00:00 EDT = 04:00Z.
    expect(status(doc, '2025-07-30').deadlineMs).toBe(utc(2025, 8, 8, 4));
    expect(status(createUltimatum(base({ deadline: { after: { days: 10 }, from: '2025-07-29' } })), '2025-07-30').deadlineMs).toBe(
      utc(2025, 8, 8, 4),
    );
  });

  it('an unreadable `from` is reported once, at `from`, and nothing is computed from it', () => {
    const issues = issuesOf(() => status(plainDocument({ after: { days: 10 }, from: '2025-02-30' }), '2025-07-30'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.code).toBe('INVALID_DATE');
    expect(issues[0]?.path).toEqual(['deadline', 'from']);
    expect(issues[0]?.message).toContain('"2025-02-30" is not a valid date or instant');
  });
});

describe('an `after` rule past year 9999', () => {
  it('a window names the end that overflows, once', () => {
    // 2025 + 9000 years = 11025: the earliest end already overflows; the latest is not tried.
    expect(issuesOf(() => createUltimatum(base({ deadline: { after: { earliest: { years: 9000 }, latest: { years: 9001 } } } })))).toEqual([
      { code: 'OUT_OF_RANGE', path: ['deadline', 'after', 'earliest'], message: OUT_OF_RANGE },
    ]);
    // 24 Jul 2025 is fine; 2025 + 8000 years = 10025 is not.
    expect(issuesOf(() => createUltimatum(base({ deadline: { after: { earliest: { days: 10 }, latest: { years: 8000 } } } })))).toEqual([
      { code: 'OUT_OF_RANGE', path: ['deadline', 'after', 'latest'], message: OUT_OF_RANGE },
    ]);
  });

  it('a single deadline is reported at `after`', () => {
    expect(issuesOf(() => createUltimatum(base({ deadline: { after: { years: 8000 } } })))).toEqual([
      { code: 'OUT_OF_RANGE', path: ['deadline', 'after'], message: OUT_OF_RANGE },
    ]);
  });
});

describe('an extension past year 9999', () => {
  // A consequence with an offset: its due date is checked against the latest deadline ever in force.
  const escalation = { id: 'escalation', kind: 'tariff', ratePercent: 100, scope: 'secondary', offset: { days: 1 } } as const;

  it('of a single deadline is reported once, at `by`', () => {
    const u = createUltimatum(base({ consequences: [escalation] }));
    // 2 Sep 2025 + 9000 years = 11025.
    expect(issuesOf(() => extend(u, { at: '2025-07-20T12:00', by: { years: 9000 } }))).toEqual([
      { code: 'OUT_OF_RANGE', path: ['events', 0, 'by'], message: OUT_OF_RANGE },
    ]);
  });

  it('of a window whose latest end alone overflows is reported once, and leaves nothing half-moved', () => {
    // End of 9999-12-20 in New York = 9999-12-21 05:00Z; + 1 day offset is still in range.
    const u = createUltimatum(base({ deadline: { between: ['2025-08-07', '9999-12-20'] }, consequences: [escalation] }));
    // Earliest: 8 Aug 2025 + 30 days = 7 Sep 2025, fine; latest: 21 Dec 9999 + 30 days = 20 Jan 10000, out.
    expect(issuesOf(() => extend(u, { at: '2025-07-20T12:00', by: { days: 30 } }))).toEqual([
      { code: 'OUT_OF_RANGE', path: ['events', 0, 'by'], message: OUT_OF_RANGE },
    ]);
  });
});

describe('resolveDeadline gives nothing for an instant it cannot read (internal contract)', () => {
  // compile() relies on `undefined` here; through the public API an unreadable instant is always
  // reported too, so the returned value itself is only observable by calling the function.
  const ctx: RuleContext = { zone: zoneFor(NY)!, zoneName: NY, calendar: compiledCalendarOf({}) };
  const anchor = utc(2025, 7, 14, 16);
  const resolve = (rule: DeadlineRule) => {
    const issues = new IssueList();
    return { resolved: resolveDeadline(rule, anchor, ctx, ['deadline'], issues), issues: issues.items };
  };

  it('an unreadable `at`', () => {
    const { resolved, issues } = resolve({ at: '2025-02-30' });
    expect(resolved).toBeUndefined();
    expect(issues.map((i) => [i.code, i.path])).toEqual([['INVALID_DATE', ['deadline', 'at']]]);
  });

  it('a window with either end unreadable', () => {
    const first = resolve({ between: ['2025-02-30', '2025-08-09'] });
    expect(first.resolved).toBeUndefined();
    expect(first.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_DATE', ['deadline', 'between', 0]]]);
    const second = resolve({ between: ['2025-08-07', '2025-02-30'] });
    expect(second.resolved).toBeUndefined();
    expect(second.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_DATE', ['deadline', 'between', 1]]]);
  });

  it('a rule of no kind (which the schema refuses) resolves to nothing, without throwing', () => {
    const { resolved, issues } = resolve({} as DeadlineRule);
    expect(resolved).toBeUndefined();
    expect(issues).toEqual([]);
  });
});
