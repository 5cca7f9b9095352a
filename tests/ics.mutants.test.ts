/**
 * toICS(): the details tests/ics.test.ts leaves open — folding at the exact UTF-8 boundaries,
 * each TEXT escape on its own, http (not only https) URLs, a URL ending in a backslash, what moves
 * SEQUENCE, windows while paused, the instant of issue, and each option refused with its code,
 * path and message. Every `toICS` call runs inside its test, and every expected line is written
 * out by hand from RFC 5545 and the inputs.
 */
import {
  createUltimatum,
  enforce,
  extend,
  note,
  pause,
  reschedule,
  resume,
  shorten,
  status,
  type Ultimatum,
  type UltimatumInput,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { toICS } from '../src/adapters/ics.js';
import { issueTriples, utcCase } from './helpers.js';

/** 10 days from Mon 3 Mar 2025 09:00 UTC: Thu 13 Mar 09:00. */
const make = (overrides: Partial<UltimatumInput> = {}): Ultimatum => createUltimatum(utcCase({ id: 'case', ...overrides }));

/** The physical lines (between CRLFs) of a calendar. */
function physical(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  return ics.slice(0, -2).split('\r\n');
}

/** The physical lines of one property, from its name to its last continuation line. */
function propertyLines(ics: string, name: string): string[] {
  const lines = physical(ics);
  const first = lines.findIndex((l) => l.startsWith(`${name}:`));
  expect(first).toBeGreaterThanOrEqual(0);
  let end = first + 1;
  while (lines[end]?.startsWith(' ')) end++;
  return lines.slice(first, end);
}

/** The logical (unfolded) lines. */
const unfolded = (ics: string): string[] => ics.replace(/\r\n /g, '').slice(0, -2).split('\r\n');

/** The value of the first logical line of a property. */
function prop(ics: string, name: string): string | undefined {
  const line = unfolded(ics).find((l) => l.startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('toICS: folding at the UTF-8 width boundaries (RFC 5545 §3.1: 75 octets a line)', () => {
  it('U+0080, the first 2-octet character: 33 after "SUMMARY:" (8 + 66 = 74), the 34th would make 76', () => {
    const c = '\u0080';
    const ics = toICS(make({ title: c.repeat(60) }), { alarms: false });
    const lines = propertyLines(ics, 'SUMMARY');
    expect(lines).toEqual([`SUMMARY:${c.repeat(33)}`, ` ${c.repeat(27)} — deadline`]);
    expect(lines.map(octets)).toEqual([74, 1 + 54 + 13]);
  });

  it('U+0800, the first 3-octet character: 22 after "SUMMARY:" (8 + 66 = 74), the 23rd would make 77', () => {
    const c = '\u0800';
    const ics = toICS(make({ title: c.repeat(30) }), { alarms: false });
    const lines = propertyLines(ics, 'SUMMARY');
    expect(lines).toEqual([`SUMMARY:${c.repeat(22)}`, ` ${c.repeat(8)} — deadline`]);
    expect(lines.map(octets)).toEqual([74, 1 + 24 + 13]);
  });

  it('U+10000, the first 4-octet character: 16 after "SUMMARY:" (8 + 64 = 72), the 17th would make 76', () => {
    const c = '\u{10000}';
    const ics = toICS(make({ title: c.repeat(20) }), { alarms: false });
    const lines = propertyLines(ics, 'SUMMARY');
    expect(lines).toEqual([`SUMMARY:${c.repeat(16)}`, ` ${c.repeat(4)} — deadline`]);
    expect(lines.map(octets)).toEqual([72, 1 + 16 + 13]);
  });

  it('a URL that ends in a backslash keeps it (the WHATWG parser leaves "\\" in a query as it is)', () => {
    const ics = toICS(make({ source: { url: 'https://example.org/search?q=a\\' } }), { alarms: false });
    expect(propertyLines(ics, 'URL')).toEqual(['URL:https://example.org/search?q=a\\']);
    // In DESCRIPTION the same backslash is TEXT, so escaped.
    expect(prop(ics, 'DESCRIPTION')?.endsWith('\\nSource: https://example.org/search?q=a\\\\')).toBe(true);
  });
});

describe('toICS: TEXT escapes, one character at a time (RFC 5545 §3.3.11)', () => {
  it('backslash, semicolon and comma each get a backslash; a lone CR becomes \\n like LF and CR LF', () => {
    const summary = (title: string) => prop(toICS(make({ title }), { alarms: false }), 'SUMMARY');
    expect(summary('a\\b')).toBe('a\\\\b — deadline');
    expect(summary('a;b')).toBe('a\\;b — deadline');
    expect(summary('a,b')).toBe('a\\,b — deadline');
    expect(summary('a\\b;c,d')).toBe('a\\\\b\\;c\\,d — deadline');
    expect(summary('a\rb')).toBe('a\\nb — deadline');
    expect(summary('a\nb')).toBe('a\\nb — deadline');
    expect(summary('a\r\nb')).toBe('a\\nb — deadline');
  });

  it('CATEGORIES: one TEXT value per tag, commas between them, a comma inside a tag escaped', () => {
    const ics = toICS(make({ tags: ['trade', 'a,b', 'c;d'] }), { alarms: false });
    expect(prop(ics, 'CATEGORIES')).toBe('trade,a\\,b,c\\;d');
    expect(prop(toICS(make(), { alarms: false }), 'CATEGORIES')).toBeUndefined();
  });

  it('NAME and X-WR-CALNAME (RFC 7986) follow CALSCALE, each on its own line', () => {
    const ics = toICS([], { name: 'Board, 2025' });
    expect(physical(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//ultimatum//ultimatum//EN',
      'CALSCALE:GREGORIAN',
      'NAME:Board\\, 2025',
      'X-WR-CALNAME:Board\\, 2025',
      'END:VCALENDAR',
    ]);
  });
});

describe('toICS: URL', () => {
  it('an http address is written too, not only https', () => {
    const ics = toICS(make({ source: { url: 'http://example.org/notice' } }), { alarms: false });
    expect(prop(ics, 'URL')).toBe('http://example.org/notice');
  });
});

describe('toICS: what SEQUENCE counts', () => {
  it('reschedule, extend, shorten, pause and resume bump it; a note and an enforcement do not', () => {
    let u = make({ consequences: [{ id: 'fine', kind: 'custom', description: 'A fine' }] });
    u = note(u, { at: '2025-03-04T09:00', text: 'received' });
    u = reschedule(u, { at: '2025-03-05T09:00', deadline: { after: { days: 10 } } }); // 15 Mar 09:00
    u = extend(u, { at: '2025-03-06T09:00', by: { days: 2 } }); // 17 Mar 09:00
    u = shorten(u, { at: '2025-03-07T09:00', by: { days: 1 } }); // 16 Mar 09:00
    u = pause(u, { at: '2025-03-08T09:00' });
    u = resume(u, { at: '2025-03-09T09:00' }); // one day paused: 17 Mar 09:00
    u = enforce(u, { at: '2025-03-10T09:00', consequences: ['fine'], partial: true });
    const asOf = (at: string | undefined) => {
      const ics = toICS(u, { at, alarms: false });
      return [Number(prop(ics, 'SEQUENCE')), prop(ics, 'DTSTART')];
    };
    expect(
      ['2025-03-04T09:00', '2025-03-05T09:00', '2025-03-06T09:00', '2025-03-07T09:00', '2025-03-08T09:00', '2025-03-09T09:00', '2025-03-10T09:00'].map(
        asOf,
      ),
    ).toEqual([
      [0, '20250313T090000Z'], // the note
      [1, '20250315T090000Z'], // reschedule
      [2, '20250317T090000Z'], // extend
      [3, '20250316T090000Z'], // shorten
      [4, '20250316T090000Z'], // pause, as of its own instant: nothing paused yet
      [5, '20250317T090000Z'], // resume
      [5, '20250317T090000Z'], // the enforcement
    ]);
    expect(asOf(undefined)).toEqual([5, '20250317T090000Z']);
  });

  it('an event at the very instant of issue is folded in as of that instant, as status() has it', () => {
    const u = reschedule(make(), { at: '2025-03-03T09:00', deadline: { after: { days: 5 } } });
    const issued = Date.UTC(2025, 2, 3, 9);
    const at = toICS(u, { at: issued, alarms: false });
    expect(prop(at, 'SEQUENCE')).toBe('1');
    expect(prop(at, 'DTSTART')).toBe('20250308T090000Z');
    expect(status(u, issued).deadlineMs).toBe(Date.UTC(2025, 2, 8, 9));
    const before = toICS(u, { at: issued - 1, alarms: false });
    expect(prop(before, 'SEQUENCE')).toBe('0');
    expect(prop(before, 'DTSTART')).toBe('20250313T090000Z');
  });
});

describe('toICS: a window while the clock is paused', () => {
  it('both ends move later by the time paused so far', () => {
    // Window 11–13 Mar 2025 00:00 UTC (10 to 12 days from 1 Mar), paused on 3 Mar: as of 5 Mar
    // two days have been paused, so 13–15 Mar.
    const u = pause(
      createUltimatum(
        utcCase({ id: 'window', issuedAt: '2025-03-01', deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } } }),
      ),
      { at: '2025-03-03' },
    );
    const ics = toICS(u, { at: '2025-03-05', alarms: false });
    expect([prop(ics, 'DTSTART'), prop(ics, 'DTEND'), prop(ics, 'STATUS')]).toEqual([
      '20250313T000000Z',
      '20250315T000000Z',
      'TENTATIVE',
    ]);
    // Raw TEXT: the semicolon is escaped.
    expect(prop(ics, 'DESCRIPTION')?.split('\\n')[0]).toBe(
      'Window: Thu 13 Mar 2025 00:00 UTC – Sat 15 Mar 2025 00:00 UTC (UTC)\\; overdue from its end',
    );
  });
});

describe('toICS: consequences in DESCRIPTION', () => {
  const description = (u: Ultimatum, at?: string) =>
    (prop(toICS(u, at === undefined ? { alarms: false } : { at, alarms: false }), 'DESCRIPTION') ?? '').split('\\n');

  it('an empty list of targets names none', () => {
    const u = make({
      consequences: [
        { kind: 'sanctions', description: 'Asset freeze', targets: [] },
        { kind: 'custom', description: 'A fine', targets: [] },
        { kind: 'tariff', ratePercent: 25, scope: 'primary', targets: [] },
      ],
    });
    expect(description(u).slice(4)).toEqual([
      'Consequences threatened:',
      '- Sanctions: Asset freeze',
      '- A fine',
      '- 25 % primary tariff',
    ]);
  });

  it('an enforcement after `at` has not happened yet: the consequence is still threatened then', () => {
    const u = enforce(make({ consequences: [{ id: 'fine', kind: 'custom', description: 'A fine' }] }), {
      at: '2025-03-10T09:00',
      consequences: ['fine'],
    });
    expect(description(u, '2025-03-05').slice(4)).toEqual(['Consequences threatened:', '- A fine']);
    expect(description(u).slice(4)).toEqual([]);
  });
});

describe('toICS: options, each refused with its code, path and message', () => {
  const u = make();

  it('null options, or null milestones, are not objects', () => {
    expect(issueTriples(() => toICS(u, null as never))).toEqual([['INVALID_INPUT', [], 'must be an options object']]);
    expect(issueTriples(() => toICS(u, { milestones: null as never }))).toEqual([
      ['INVALID_INPUT', ['milestones'], 'must be false or an object of milestone options'],
    ]);
    expect(issueTriples(() => toICS(u, { milestones: true as never }))).toEqual([
      ['INVALID_INPUT', ['milestones'], 'must be false or an object of milestone options'],
    ]);
  });

  it('milestones: `at` is explained, unknown keys and non-arrays are INVALID_INPUT', () => {
    expect(issueTriples(() => toICS(u, { milestones: { at: '2025-03-05', every: 1, fractions: 0.5, before: 'P1D' } as never }))).toEqual([
      ['INVALID_INPUT', ['milestones', 'at'], 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"'],
      ['INVALID_INPUT', ['milestones', 'every'], 'unknown field "every"'],
      ['INVALID_INPUT', ['milestones', 'fractions'], 'must be an array'],
      ['INVALID_INPUT', ['milestones', 'before'], 'must be an array'],
    ]);
  });

  it('fractions: numbers strictly between 0 and 1 only', () => {
    const fraction = 'must be a number between 0 and 1 (exclusive)';
    expect(issueTriples(() => toICS(u, { milestones: { fractions: [0.5, '0.5', 0, 1, -0.5, 0.999] as never } }))).toEqual([
      ['INVALID_INPUT', ['milestones', 'fractions', 1], fraction],
      ['INVALID_INPUT', ['milestones', 'fractions', 2], fraction],
      ['INVALID_INPUT', ['milestones', 'fractions', 3], fraction],
      ['INVALID_INPUT', ['milestones', 'fractions', 4], fraction],
    ]);
  });

  it('prodId and name: non-empty strings, not arrays', () => {
    expect(issueTriples(() => toICS(u, { prodId: '', name: ['Board'] as never }))).toEqual([
      ['INVALID_INPUT', ['prodId'], 'must be a non-empty string'],
      ['INVALID_INPUT', ['name'], 'must be a non-empty string'],
    ]);
  });

  it('`at` and `dtstamp` are checked even when no event is written', () => {
    const yearRange = 'falls after the year 9999 (UTC), which iCalendar cannot write';
    expect(issueTriples(() => toICS([], { at: '2025-02-30' })).map(([code, path]) => [code, path])).toEqual([['INVALID_DATE', ['at']]]);
    expect(issueTriples(() => toICS([], { dtstamp: '9999-12-31T23:00-05:00' }))).toEqual([['OUT_OF_RANGE', ['dtstamp'], yearRange]]);
    // The first instant of the year 10000 cannot be written; the millisecond before it can.
    const y10k = Date.UTC(10000, 0, 1);
    expect(issueTriples(() => toICS([], { dtstamp: y10k }))).toEqual([['OUT_OF_RANGE', ['dtstamp'], yearRange]]);
    expect(prop(toICS(u, { dtstamp: y10k - 1, alarms: false }), 'DTSTAMP')).toBe('99991231T235959Z');
  });

  it('a date-only dtstamp is the start of that day in UTC', () => {
    expect(prop(toICS(u, { dtstamp: '2025-08-01', alarms: false }), 'DTSTAMP')).toBe('20250801T000000Z');
  });
});

describe('toICS: inputs', () => {
  it('a tracker-like object: its items\' problems behind their index', () => {
    const bad = { ...make({ id: 'other' }), zone: 'Mars/Base' };
    expect(issueTriples(() => toICS({ list: () => [make(), bad] } as never)).map(([code, path]) => [code, path])).toEqual([
      ['INVALID_ZONE', [1, 'zone']],
    ]);
    expect(issueTriples(() => toICS({ list: () => [make(), make()] })).map(([code, path]) => [code, path])).toEqual([['INVALID_INPUT', [1, 'id']]]);
  });

  it('anything but an UltimatumError thrown while reading an item is rethrown as it is', () => {
    const boom = new RangeError('boom');
    const item = {
      ...make(),
      get title(): string {
        throw boom;
      },
    };
    let caught: unknown;
    try {
      toICS([item] as never);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(boom);
  });
});
