import fc from 'fast-check';
import ICAL from 'ical.js';
import { createTracker, createUltimatum, enforce, extend, isUltimatumError, milestones, note, parseUltimatum, pause, reschedule, resume, shorten, status, type Ultimatum, UltimatumError, type UltimatumInput } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { article50 } from '../examples/brexit-article-50.js';
import { foundingCase } from '../examples/russia-50-day.js';
import { toICS } from '../src/adapters/ics.js';
import { base, issuesOf, issueTriples, utc, utcCase } from './helpers.js';

// Every expectation below is an instant computed by hand and read back through ical.js, an
// independent RFC 5545 parser, never through this library.

type Component = InstanceType<typeof ICAL.Component>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function parse(ics: string): { cal: Component; events: Component[] } {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return { cal, events: cal.getAllSubcomponents('vevent') };
}

/** Epoch ms of a DATE-TIME property (or TRIGGER) as ical.js reads it. */
function ms(c: Component, name: string): number {
  const value = c.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a DATE-TIME: ${String(value)}`);
  expect(value.zone?.tzid).toBe('UTC');
  return value.toUnixTime() * 1000;
}

function textOf(c: Component, name: string): string {
  return c.getFirstPropertyValue(name) as string;
}

function only(ics: string): Component {
  const { events } = parse(ics);
  expect(events).toHaveLength(1);
  return events[0] as Component;
}

function alarms(event: Component): { label: string; atMs: number; action: string }[] {
  return event
    .getAllSubcomponents('valarm')
    .map((a) => ({ label: textOf(a, 'description'), atMs: ms(a, 'trigger'), action: textOf(a, 'action') }));
}

/** The physical lines of the output (the text between CRLFs). */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  return ics.slice(0, -2).split('\r\n');
}

/** Controls and line ends as an escaped TEXT value gives them back: CR LF and CR become LF, the rest go. */
function asText(s: string): string {
  return [...s.replace(/\r\n?/g, '\n')].filter((ch) => ch === '\t' || ch === '\n' || (ch >= ' ' && ch !== '\u007f')).join('');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('toICS: the founding case (examples/russia-50-day.ts)', () => {
  const u = foundingCase();

  it('after the whole history: a zero-length event at Fri 8 Aug 2025 12:00 EDT = 16:00Z', () => {
    const e = only(toICS(u));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2025, 7, 8, 16));
    expect(e.hasProperty('dtend')).toBe(false);
    const duration = e.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration>;
    expect(duration).toBeInstanceOf(ICAL.Duration);
    expect(duration.toSeconds()).toBe(0);
    expect(textOf(e, 'uid')).toBe('russia-50-day-2025-deadline@ultimatum');
    expect(textOf(e, 'summary')).toBe('50 days to end the war in Ukraine — deadline');
    expect(e.getFirstPropertyValue('sequence')).toBe(2); // two reschedules
    // DTSTAMP: the last revision, the partial enforcement on 6 Aug 12:00 EDT.
    expect(ms(e, 'dtstamp')).toBe(Date.UTC(2025, 7, 6, 16));
    expect(ms(e, 'last-modified')).toBe(Date.UTC(2025, 7, 6, 16));
    expect(textOf(e, 'x-ultimatum-zone')).toBe('America/New_York');
    expect(textOf(e, 'status')).toBe('CONFIRMED');
    expect(textOf(e, 'transp')).toBe('TRANSPARENT');
    expect(e.hasProperty('url')).toBe(false); // the source has no url
  });

  it('DESCRIPTION: local wall time, issuer → addressee, demands, consequences threatened', () => {
    const d = textOf(only(toICS(u)), 'description');
    expect(d.split('\n')).toEqual([
      'Deadline: Fri 8 Aug 2025 12:00 EDT (America/New_York)',
      'United States → Russia',
      'Demands:',
      '- Agree a ceasefire / peace deal with Ukraine',
      'Consequences threatened:',
      "- 100 % secondary tariff on Russia's trading partners: Secondary tariffs of about 100 percent on countries that trade with Russia (partly imposed)",
    ]);
  });

  it('one VALARM per milestone of the deadline in force, then one at the deadline, absolute triggers', () => {
    // Issued 14 Jul 16:00Z, deadline 8 Aug 16:00Z: 25 days of 24 h (no DST change in between).
    const issued = Date.UTC(2025, 6, 14, 16);
    expect(alarms(only(toICS(u)))).toEqual([
      { label: '50 % of the time elapsed', atMs: issued + 12.5 * DAY, action: 'DISPLAY' }, // 27 Jul 04:00Z
      { label: '7 days left', atMs: Date.UTC(2025, 7, 1, 16), action: 'DISPLAY' },
      { label: '75 % of the time elapsed', atMs: Date.UTC(2025, 7, 2, 10), action: 'DISPLAY' }, // + 18.75 days
      { label: '90 % of the time elapsed', atMs: Date.UTC(2025, 7, 6, 4), action: 'DISPLAY' }, // + 22.5 days
      { label: '1 day left', atMs: Date.UTC(2025, 7, 7, 16), action: 'DISPLAY' },
      { label: '1 hour left', atMs: Date.UTC(2025, 7, 8, 15), action: 'DISPLAY' },
      { label: 'Deadline reached', atMs: Date.UTC(2025, 7, 8, 16), action: 'DISPLAY' },
    ]);
    const raw = toICS(u);
    expect(raw).toContain('\r\nTRIGGER;VALUE=DATE-TIME:20250727T040000Z\r\n');
    expect(raw).not.toMatch(/RELATED=/);
  });

  it('as of 28 Jul 2025 20:00: the window 7 Aug 16:00Z – 9 Aug 16:00Z, SEQUENCE 1', () => {
    const e = only(toICS(u, { at: '2025-07-28T20:00' }));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2025, 7, 7, 16));
    expect(ms(e, 'dtend')).toBe(Date.UTC(2025, 7, 9, 16));
    expect(e.hasProperty('duration')).toBe(false);
    expect(textOf(e, 'summary')).toBe('50 days to end the war in Ukraine — window');
    expect(e.getFirstPropertyValue('sequence')).toBe(1);
    expect(ms(e, 'dtstamp')).toBe(Date.UTC(2025, 6, 28, 16)); // the reschedule of 28 Jul 12:00 EDT
    expect(textOf(e, 'uid')).toBe('russia-50-day-2025-deadline@ultimatum'); // same event, updated
    expect(textOf(e, 'description').split('\n')[0]).toBe(
      'Window: Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT (America/New_York); overdue from its end',
    );
    // Milestones under the window's deadline (9 Aug 16:00Z): 26 days from 14 Jul 16:00Z.
    const issued = Date.UTC(2025, 6, 14, 16);
    expect(alarms(e).map((a) => [a.label, a.atMs])).toEqual([
      ['50 % of the time elapsed', issued + 13 * DAY], // 27 Jul 16:00Z
      ['7 days left', Date.UTC(2025, 7, 2, 16)],
      ['75 % of the time elapsed', issued + 19.5 * DAY], // 3 Aug 04:00Z
      ['90 % of the time elapsed', Date.UTC(2025, 7, 7, 1, 36)], // + 23.4 days
      ['1 day left', Date.UTC(2025, 7, 8, 16)],
      ['1 hour left', Date.UTC(2025, 7, 9, 15)],
      ['Deadline reached', Date.UTC(2025, 7, 9, 16)],
    ]);
  });

  it('as of 20 Jul 2025: the 50-day deadline, 2 Sep 16:00Z, SEQUENCE 0, stamped at the note of 15 Jul', () => {
    const e = only(toICS(u, { at: '2025-07-20' }));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2025, 8, 2, 16));
    expect(e.getFirstPropertyValue('sequence')).toBe(0);
    expect(ms(e, 'dtstamp')).toBe(Date.UTC(2025, 6, 15, 16));
  });

  it('before it was issued: the deadline it was issued with, stamped at issuedAt', () => {
    const e = only(toICS(u, { at: '2025-07-01' }));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2025, 8, 2, 16));
    expect(ms(e, 'dtstamp')).toBe(Date.UTC(2025, 6, 14, 16));
  });

  it('agrees with status() and milestones() wherever it is asked', () => {
    for (const at of ['2025-07-14T12:00', '2025-07-28T12:00', '2025-07-29T11:59', '2025-07-29T12:00', '2025-08-10']) {
      const e = only(toICS(u, { at }));
      expect(ms(e, e.hasProperty('dtend') ? 'dtend' : 'dtstart')).toBe(status(u, at).deadlineMs);
      expect(alarms(e).slice(0, -1).map((a) => a.atMs)).toEqual(milestones(u, { at }).map((m) => Math.floor(m.atMs / 1000) * 1000));
    }
  });
});

describe('toICS: Article 50 (examples/brexit-article-50.ts)', () => {
  const u = article50();

  it('complied on 30 Jan 2020: no event (there is no deadline in force to show)', () => {
    const { cal, events } = parse(toICS(u));
    expect(events).toHaveLength(0);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('as of 1 Jun 2018: the end of 29 Mar 2019 in Brussels = 29 Mar 23:00Z, stamped at issue', () => {
    const e = only(toICS(u, { at: '2018-06-01' }));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2019, 2, 29, 23));
    expect(e.getFirstPropertyValue('sequence')).toBe(0);
    expect(ms(e, 'dtstamp')).toBe(Date.UTC(2017, 2, 28, 22)); // 29 Mar 2017 00:00 CEST
    expect(textOf(e, 'description').split('\n')[0]).toBe('Deadline: Sat 30 Mar 2019 00:00 GMT+1 (Europe/Brussels)');
  });

  it('as of 1 Jun 2019: the end of 31 Oct 2019 = 31 Oct 23:00Z, after two extensions; URL from the source', () => {
    const e = only(toICS(u, { at: '2019-06-01' }));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2019, 9, 31, 23));
    expect(e.getFirstPropertyValue('sequence')).toBe(2);
    expect(ms(e, 'dtstamp')).toBe(Date.UTC(2019, 3, 10, 22)); // the extension of 11 Apr 2019 00:00 CEST
    expect(textOf(e, 'url')).toBe('https://eur-lex.europa.eu/eli/treaty/teu_2012/art_50/oj');
    expect(textOf(e, 'description')).toContain('\nSource: https://eur-lex.europa.eu/eli/treaty/teu_2012/art_50/oj');
  });

  it('as of 29 Jan 2020 (the day before compliance): 31 Jan 2020 23:00Z, SEQUENCE 3', () => {
    const e = only(toICS(u, { at: '2020-01-29' }));
    expect(ms(e, 'dtstart')).toBe(Date.UTC(2020, 0, 31, 23));
    expect(e.getFirstPropertyValue('sequence')).toBe(3);
  });
});

describe('toICS: daylight saving time', () => {
  const oneDayLeft = (u: Ultimatum) => {
    const e = only(toICS(u, { milestones: { fractions: [], before: [{ days: 1 }, { days: 7 }] } }));
    const [week, day, deadline] = alarms(e);
    return { start: ms(e, 'dtstart'), week: week?.atMs, day: day?.atMs, deadline: deadline?.atMs };
  };

  it('deadline Mon 10 Mar 2025 12:00 New York = 16:00Z; "1 day left" is Sun 9 Mar 12:00 EDT = 16:00Z', () => {
    // Clocks went forward on 9 Mar at 02:00, before noon: noon to noon is a full 24 h here.
    const u = createUltimatum(base({ issuedAt: '2025-03-01T12:00', deadline: { at: '2025-03-10T12:00' } }));
    const { start, day, week } = oneDayLeft(u);
    expect(start).toBe(Date.UTC(2025, 2, 10, 16));
    expect(day).toBe(Date.UTC(2025, 2, 9, 16));
    expect(start - (day as number)).toBe(24 * HOUR);
    expect(week).toBe(Date.UTC(2025, 2, 3, 17)); // Mon 3 Mar 12:00 EST: 167 h before
    expect(start - (week as number)).toBe(167 * HOUR);
  });

  it('deadline Sun 9 Mar 2025 12:00 EDT = 16:00Z; "1 day left" is Sat 8 Mar 12:00 EST = 17:00Z, 23 h before', () => {
    const u = createUltimatum(base({ issuedAt: '2025-03-01T12:00', deadline: { at: '2025-03-09T12:00' } }));
    const { start, day } = oneDayLeft(u);
    expect(start).toBe(Date.UTC(2025, 2, 9, 16));
    expect(day).toBe(Date.UTC(2025, 2, 8, 17));
    expect(start - (day as number)).toBe(23 * HOUR);
    // A relative TRIGGER:-P1D against this UTC DTSTART would fire at 16:00Z, 11:00 EST: an hour early.
    const relative = ICAL.Time.fromJSDate(new Date(start), true);
    relative.addDuration(ICAL.Duration.fromString('-P1D'));
    expect(relative.toUnixTime() * 1000).toBe(Date.UTC(2025, 2, 8, 16));
  });

  it('deadline Sun 2 Nov 2025 12:00 EST = 17:00Z; "1 day left" is Sat 1 Nov 12:00 EDT = 16:00Z, 25 h before', () => {
    const u = createUltimatum(base({ issuedAt: '2025-10-20T12:00', deadline: { at: '2025-11-02T12:00' } }));
    const { start, day, deadline } = oneDayLeft(u);
    expect(start).toBe(Date.UTC(2025, 10, 2, 17));
    expect(day).toBe(Date.UTC(2025, 10, 1, 16));
    expect(start - (day as number)).toBe(25 * HOUR);
    expect(deadline).toBe(start);
  });
});

describe('toICS: lines (RFC 5545 §3.1)', () => {
  const longTitle =
    'Ультиматум: 50 дней, чтобы закончить войну 🕊️🇺🇦 — 最后通牒 — «mise en demeure» avant le 8 août 2025 à midi 🎯🔥 ✔︎ 👩‍👩‍👧‍👦';
  const u = createUltimatum(
    base({
      title: longTitle,
      demands: ['Прекращение огня; немедленно, без условий', 'Второе требование\nна двух строках'],
      source: { url: 'https://example.org/путь/к/источнику?q=ультиматум&lang=ru' },
    }),
  );
  const ics = toICS(u, { name: 'Ультиматумы — календарь 📅 со всеми сроками, которые ещё не истекли' });

  it('CRLF everywhere: no bare LF, no bare CR, and a CRLF after the last line', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('every line is at most 75 octets of whole UTF-8 characters; continuations start with one space', () => {
    const lines = physicalLines(ics);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(LONE_SURROGATE);
      expect(line.startsWith('  ')).toBe(false);
      expect(line.endsWith('\\') && !line.endsWith('\\\\')).toBe(false); // no escape split across lines
    }
  });

  it('unfolded, the lines give back the original text', () => {
    const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded).toContain(`SUMMARY:${longTitle.replaceAll(',', '\\,')} — deadline`);
    expect(unfolded).toContain('X-WR-CALNAME:Ультиматумы — календарь 📅 со всеми сроками\\, которые ещё не истекли');
    const e = only(ics);
    expect(textOf(e, 'summary')).toBe(`${longTitle} — deadline`);
    expect(textOf(e, 'description')).toContain('- Прекращение огня; немедленно, без условий\n- Второе требование\nна двух строках');
    expect(textOf(e, 'url')).toBe(new URL('https://example.org/путь/к/источнику?q=ультиматум&lang=ru').href);
  });

  it('folds exactly at the 75th octet without splitting a 2-, 3- or 4-octet character', () => {
    for (const ch of ['ж', '€', '😀']) {
      for (let pad = 0; pad < 4; pad++) {
        const title = `${'a'.repeat(pad)}${ch.repeat(60)}`;
        const out = toICS(createUltimatum(base({ title })), { alarms: false });
        const lines = physicalLines(out);
        const first = lines.findIndex((l) => l.startsWith('SUMMARY:'));
        const next = lines.findIndex((l, i) => i > first && !l.startsWith(' '));
        const summary = lines.slice(first, next);
        expect(summary.length).toBeGreaterThan(1);
        for (const line of summary) {
          const octets = Buffer.byteLength(line, 'utf8');
          expect(octets).toBeLessThanOrEqual(75);
          // Full unless the next character would not fit, or it is the last line.
          if (line !== summary[summary.length - 1]) expect(octets).toBeGreaterThan(75 - Buffer.byteLength(ch, 'utf8'));
        }
        expect(textOf(only(out), 'summary')).toBe(`${title} — deadline`);
      }
    }
  });

  it('any title survives escaping and folding, read back by ical.js (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }), fc.constantFrom('', ';', ',', '\\', '\n', '\r\n'), (s, special) => {
        const title = `${s}${special}${s}`;
        const out = toICS(createUltimatum(base({ title })), { alarms: false });
        for (const line of physicalLines(out)) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(textOf(only(out), 'summary')).toBe(`${asText(title)} — deadline`);
      }),
      { numRuns: 150 },
    );
  });
});

describe('toICS: TEXT escaping round-trips through ical.js', () => {
  const title = 'A; B, C \\ D\nE\r\nF\rG\tH';
  const u = createUltimatum(
    base({
      id: 'odd;id,with\\chars',
      title,
      issuer: 'Issuer, Inc.',
      addressee: ['X; Y', 'Z'],
      demands: ['one, two; three \\ four'],
      consequences: [{ kind: 'sanctions', description: 'Freeze; assets, all of them', targets: ['A, B'] }],
      tags: ['trade, tariffs', 'a;b'],
    }),
  );
  const ics = toICS(u, { name: 'N; a, b \\ c', prodId: '-//Example, Inc.//Deadlines; v1//EN' });

  it('SUMMARY, DESCRIPTION, UID, CATEGORIES, PRODID and the calendar name', () => {
    const { cal } = parse(ics);
    const e = only(ics);
    expect(textOf(e, 'summary')).toBe('A; B, C \\ D\nE\nF\nG\tH — deadline');
    expect(textOf(e, 'uid')).toBe('odd;id,with\\chars-deadline@ultimatum');
    expect(textOf(e, 'description').split('\n').slice(1)).toEqual([
      'Issuer, Inc. → X; Y, Z',
      'Demands:',
      '- one, two; three \\ four',
      'Consequences threatened:',
      '- Sanctions on A, B: Freeze; assets, all of them',
    ]);
    expect(e.getFirstProperty('categories')?.getValues()).toEqual(['trade, tariffs', 'a;b']);
    expect(textOf(cal, 'prodid')).toBe('-//Example, Inc.//Deadlines; v1//EN');
    // ical.js reads X- properties (and RFC 7986 NAME, which it does not know) raw, though their
    // default type is TEXT (RFC 5545 §3.8.8.2): the escapes are there, and unescape to the name.
    for (const name of ['x-wr-calname', 'name']) {
      expect(textOf(cal, name)).toBe('N\\; a\\, b \\\\ c');
      expect(textOf(cal, name).replace(/\\(.)/g, '$1')).toBe('N; a, b \\ c');
    }
  });

  it('writes the escapes RFC 5545 asks for', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:A\\; B\\, C \\\\ D\\nE\\nF\\nG\tH — deadline\r\n');
    expect(unfolded).toContain('PRODID:-//Example\\, Inc.//Deadlines\\; v1//EN\r\n');
  });

  it('drops control characters TEXT cannot hold', () => {
    const e = only(toICS(createUltimatum(base({ title: 'bell\u0007 nul\u0000 esc\u001b del\u007f end' })), { alarms: false }));
    expect(textOf(e, 'summary')).toBe('bell nul esc del end — deadline');
  });
});

describe('toICS: stable, reproducible output', () => {
  const u = foundingCase();

  it('the same input gives the same text, call after call and after a JSON round trip', () => {
    const first = toICS(u);
    expect(toICS(u)).toBe(first);
    expect(toICS(parseUltimatum(JSON.parse(JSON.stringify(u))))).toBe(first);
    expect(toICS([u])).toBe(first);
  });

  it('UIDs are the same in every call and as of every instant', () => {
    const uids = ['2025-07-20', '2025-07-28T20:00', undefined].map((at) => textOf(only(toICS(u, { at })), 'uid'));
    expect(new Set(uids)).toEqual(new Set(['russia-50-day-2025-deadline@ultimatum']));
  });

  it('DTSTAMP is injectable (a wall-clock string is UTC); LAST-MODIFIED keeps the revision', () => {
    for (const dtstamp of ['2025-08-01T09:30:15', '2025-08-01T09:30:15Z', new Date(Date.UTC(2025, 7, 1, 9, 30, 15, 999)), utc(2025, 8, 1, 9, 30) + 15_000]) {
      const out = toICS(u, { dtstamp });
      const e = only(out);
      expect(ms(e, 'dtstamp')).toBe(Date.UTC(2025, 7, 1, 9, 30, 15));
      expect(ms(e, 'last-modified')).toBe(Date.UTC(2025, 7, 6, 16));
      expect(toICS(u, { dtstamp })).toBe(out);
    }
  });

  it('SEQUENCE never goes down as time goes on', () => {
    const days = Array.from({ length: 30 }, (_, i) => utc(2025, 7, 14) + i * DAY);
    const seqs = days.map((at) => only(toICS(u, { at, alarms: false })).getFirstPropertyValue('sequence') as unknown as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(0);
    expect(seqs[seqs.length - 1]).toBe(2);
  });

  it('instants are floored to the second', () => {
    const v = createUltimatum(base({ deadline: { at: '2025-08-08T12:00:00.999' } }));
    expect(toICS(v, { alarms: false })).toContain('\r\nDTSTART:20250808T160000Z\r\n');
  });
});

describe('toICS: inputs', () => {
  const russia = foundingCase();
  const brexit = article50();
  const court = createUltimatum(
    base({ id: 'court', title: 'Answer', zone: 'UTC', issuedAt: '2025-12-11', deadline: { at: '2025-12-26' } }),
  );

  it('a tracker: one VEVENT per open ultimatum, in the order of list()', () => {
    const tracker = createTracker([russia, brexit, court]);
    const ics = toICS(tracker, { name: 'Board' });
    const { events } = parse(ics);
    expect(events.map((e) => textOf(e, 'uid'))).toEqual(['russia-50-day-2025-deadline@ultimatum', 'court-deadline@ultimatum']);
    expect(ms(events[1] as Component, 'dtstart')).toBe(Date.UTC(2025, 11, 27)); // end of 26 Dec in UTC
    expect(ics).toBe(toICS([russia, brexit, court], { name: 'Board' }));
    expect(toICS({ list: () => [court] })).toBe(toICS(court));
  });

  it('an empty array or tracker: a calendar without events', () => {
    const { cal, events } = parse(toICS([]));
    expect(events).toHaveLength(0);
    expect(textOf(cal, 'prodid')).toBe('-//ultimatum//ultimatum//EN');
    expect(textOf(cal, 'calscale')).toBe('GREGORIAN');
    expect(toICS(createTracker())).toBe(toICS([]));
  });

  it('a paused clock: STATUS:TENTATIVE, the deadline as status() has it, a pause counts in SEQUENCE', () => {
    // 10 days from 1 Mar 2025 00:00 UTC, paused on 3 Mar: as of 5 Mar the deadline has moved 2 days later.
    const p = pause(createUltimatum(base({ zone: 'UTC', issuedAt: '2025-03-01', deadline: { after: { days: 10 } } })), {
      at: '2025-03-03',
    });
    const asOf = only(toICS(p, { at: '2025-03-05' }));
    expect(ms(asOf, 'dtstart')).toBe(Date.UTC(2025, 2, 13));
    expect(ms(asOf, 'dtstart')).toBe(status(p, '2025-03-05').deadlineMs);
    expect(textOf(asOf, 'status')).toBe('TENTATIVE');
    expect(asOf.getFirstPropertyValue('sequence')).toBe(1);
    expect(textOf(asOf, 'description')).toContain('\nPaused: the clock is stopped; the deadline moves later until it restarts.');
    // After the whole history (no clock read): as if it restarted at once.
    expect(ms(only(toICS(p)), 'dtstart')).toBe(Date.UTC(2025, 2, 11));
  });

  it('milestones: options passed through, the ultimatum\'s own defaults, false, and alarms: false', () => {
    const v = createUltimatum(base({ milestones: { fractions: [0.5], before: [] } }));
    // 14 Jul 16:00Z → 2 Sep 16:00Z: 50 days of 24 h.
    expect(alarms(only(toICS(v))).map((a) => [a.label, a.atMs])).toEqual([
      ['50 % of the time elapsed', Date.UTC(2025, 7, 8, 16)],
      ['Deadline reached', Date.UTC(2025, 8, 2, 16)],
    ]);
    expect(alarms(only(toICS(v, { milestones: { fractions: [], before: ['PT2H'] } }))).map((a) => [a.label, a.atMs])).toEqual([
      ['2 hours left', Date.UTC(2025, 8, 2, 14)],
      ['Deadline reached', Date.UTC(2025, 8, 2, 16)],
    ]);
    expect(alarms(only(toICS(v, { milestones: false }))).map((a) => a.label)).toEqual(['Deadline reached']);
    expect(only(toICS(v, { alarms: false })).getAllSubcomponents('valarm')).toHaveLength(0);
  });

  it('URL only for an http(s) address', () => {
    const withUrl = (url: string) => only(toICS(createUltimatum(base({ source: { url } })), { alarms: false }));
    expect(textOf(withUrl('https://example.org/a b'), 'url')).toBe('https://example.org/a%20b');
    expect(withUrl('javascript:alert(1)').hasProperty('url')).toBe(false);
    expect(withUrl('not a url').hasProperty('url')).toBe(false);
  });
});

describe('toICS: the TSDoc examples', () => {
  it('hold as written', () => {
    expect(toICS(foundingCase(), { dtstamp: '2025-08-01T00:00Z' }).split('\r\n').filter((l) => /^DT/.test(l))).toEqual([
      'DTSTAMP:20250801T000000Z',
      'DTSTART:20250808T160000Z',
    ]);
    expect(toICS(foundingCase(), { at: '2025-07-28T20:00', alarms: false }).match(/^DT(START|END):.*$/gm)).toEqual([
      'DTSTART:20250807T160000Z',
      'DTEND:20250809T160000Z',
    ]);
    const opts = { name: 'Ultimatums', dtstamp: '2025-08-01T00:00Z', milestones: { before: [{ days: 1 }] } };
    expect(toICS(foundingCase(), opts).includes('X-WR-CALNAME:Ultimatums')).toBe(true);
    expect(toICS(createTracker([foundingCase()])).match(/BEGIN:VEVENT/g)?.length).toBe(1);
  });
});

describe('toICS: errors', () => {
  const u = foundingCase();
  const issuesOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(UltimatumError);
      if (isUltimatumError(e)) return e.issues.map((i) => [i.code, i.path]);
    }
    throw new Error('did not throw');
  };

  it('anything but an ultimatum, an array or a tracker: INVALID_INPUT at the root', () => {
    for (const bad of [42, null, undefined, 'BEGIN:VCALENDAR', true, { list: () => 'nope' }]) {
      expect(issuesOf(() => toICS(bad as never))).toEqual([['INVALID_INPUT', []]]);
    }
  });

  it('a bad ultimatum: its problems at their paths, behind its index in an array or tracker', () => {
    expect(issuesOf(() => toICS({ ...u, zone: 'Mars/Base' }))).toEqual([['INVALID_ZONE', ['zone']]]);
    expect(issuesOf(() => toICS([u, { ...u, zone: 'Mars/Base' }, 5] as never))).toEqual([
      ['INVALID_ZONE', [1, 'zone']],
      ['INVALID_INPUT', [2]],
    ]);
    expect(issuesOf(() => toICS([u, u]))).toEqual([['INVALID_INPUT', [1, 'id']]]);
  });

  it('bad options: each at its path, all at once', () => {
    expect(issuesOf(() => toICS(u, { dtstamp: 'yesterday' }))).toEqual([['INVALID_DATE', ['dtstamp']]]);
    expect(issuesOf(() => toICS(u, { at: '2025-02-30' }))).toEqual([['INVALID_DATE', ['at']]]);
    expect(issuesOf(() => toICS(u, { dtstamp: {} as never, prodId: '', name: 3 as never, alarms: 'yes' as never }))).toEqual([
      ['INVALID_INPUT', ['dtstamp']],
      ['INVALID_INPUT', ['alarms']],
      ['INVALID_INPUT', ['prodId']],
      ['INVALID_INPUT', ['name']],
    ]);
    expect(issuesOf(() => toICS(u, { milestones: { fractions: [0.5, 2], before: ['whenever'] } }))).toEqual([
      ['INVALID_INPUT', ['milestones', 'fractions', 1]],
      ['INVALID_DURATION', ['milestones', 'before', 0]],
    ]);
    expect(issuesOf(() => toICS(u, { milestones: { at: '2025-07-20' } as never }))).toEqual([['INVALID_INPUT', ['milestones', 'at']]]);
    expect(issuesOf(() => toICS(u, { milestones: true as never }))).toEqual([['INVALID_INPUT', ['milestones']]]);
    expect(issuesOf(() => toICS(u, { alarm: false } as never))).toEqual([['INVALID_INPUT', ['alarm']]]);
    expect(issuesOf(() => toICS(u, 'x' as never))).toEqual([['INVALID_INPUT', []]]);
  });

  it('an instant iCalendar cannot write (after the year 9999 in UTC): OUT_OF_RANGE', () => {
    const far = createUltimatum(base({ issuedAt: '9999-12-01T12:00', deadline: { at: '9999-12-31T23:00' } }));
    expect(issuesOf(() => toICS(far))).toEqual([['OUT_OF_RANGE', []]]);
    expect(issuesOf(() => toICS([u, far]))).toEqual([['OUT_OF_RANGE', [1]]]);
    expect(issuesOf(() => toICS(u, { dtstamp: '9999-12-31T23:00-05:00' }))).toEqual([['OUT_OF_RANGE', ['dtstamp']]]);
  });
});

/**
 * toICS(): the details tests/ics.test.ts leaves open — folding at the exact UTF-8 boundaries,
 * each TEXT escape on its own, http (not only https) URLs, a URL ending in a backslash, what moves
 * SEQUENCE, windows while paused, the instant of issue, and each option refused with its code,
 * path and message. Every `toICS` call runs inside its test, and every expected line is written
 * out by hand from RFC 5545 and the inputs.
 */
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

  it('toICS: milestones.at is refused with the reason', () => {
    const issue = issuesOf(() => toICS(createUltimatum(base()), { milestones: { at: '2025-08-01' } as never }));
    expect(issue).toEqual([
      {
        code: 'INVALID_INPUT',
        path: ['milestones', 'at'],
        message: 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"',
      },
    ]);
  });
});

describe('toICS: tracker-like inputs and what is rethrown', () => {
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
