import {
  amend,
  countdown,
  createUltimatum,
  deadlineOf,
  isUltimatumError,
  pause,
  resume,
  status,
  timeline,
  type DeadlineRuleInput,
  type Ultimatum,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, utc } from './helpers.js';

/** The error a call throws, for checking its code and path. */
function errorOf(call: () => unknown) {
  try {
    call();
  } catch (e) {
    if (isUltimatumError(e)) return { code: e.code, path: e.issues[0]?.path };
    throw e;
  }
  throw new Error('expected an UltimatumError');
}

describe('the supported range is years 1 to 9999', () => {
  it('accepts historical dates', () => {
    const u = createUltimatum(base({ zone: 'UTC', issuedAt: '1900-06-01', deadline: { at: '1900-06-11' } }));
    expect(deadlineOf(u, '1900-06-02')?.toMillis()).toBe(Date.UTC(1900, 5, 12));
    expect(createUltimatum(base({ zone: 'UTC', issuedAt: '0001-01-01', deadline: { at: '0001-01-02' } })).issuedAt).toBe(
      '0001-01-01T00:00:00+00:00',
    );
  });
  it('refuses year 0 and year 10000', () => {
    expect(errorOf(() => createUltimatum(base({ zone: 'UTC', issuedAt: '0000-12-31' })))).toEqual({ code: 'OUT_OF_RANGE', path: ['issuedAt'] });
    expect(errorOf(() => createUltimatum(base({ deadline: { at: '+010000-01-01' } })))).toEqual({
      code: 'OUT_OF_RANGE',
      path: ['deadline', 'at'],
    });
  });
});

describe('instants are whole dates, never read against today', () => {
  it.each(['12:00', '2025-02', '2026', '2025-W36', 'T12:00'])('refuses %j', (text) => {
    expect(errorOf(() => createUltimatum(base({ issuedAt: text })))).toEqual({ code: 'INVALID_DATE', path: ['issuedAt'] });
    expect(errorOf(() => status(createUltimatum(base()), text))).toEqual({ code: 'INVALID_DATE', path: ['at'] });
  });
  it('accepts week and ordinal dates', () => {
    // ISO week 29 of 2025, day 1 = Mon 14 Jul; ordinal day 195 of 2025 = 14 Jul.
    expect(createUltimatum(base({ issuedAt: '2025-W29-1T12:00' })).issuedAt).toBe('2025-07-14T12:00:00-04:00');
    expect(createUltimatum(base({ issuedAt: '2025-195T12:00' })).issuedAt).toBe('2025-07-14T12:00:00-04:00');
  });
});

describe('a day the zone skipped', () => {
  // Pacific/Apia moved across the date line: 29 Dec 2011 23:59:59 (-10) was followed by 31 Dec 00:00 (+14).
  const apia = (deadline: DeadlineRuleInput) =>
    createUltimatum(base({ zone: 'Pacific/Apia', issuedAt: '2011-12-29T12:00', deadline }));
  it('ends where the next existing day starts', () => {
    expect(deadlineOf(apia({ at: '2011-12-30' }), '2011-12-29T12:00')?.toMillis()).toBe(utc(2011, 12, 30, 10));
    expect(deadlineOf(apia({ after: { days: 1 }, endOfDay: true }), '2011-12-29T12:00')?.toMillis()).toBe(utc(2011, 12, 30, 10));
  });
});

describe('consequence due dates while paused', () => {
  it('move continuously, the same way as after the resume', () => {
    // Deadline Sat 8 Mar 2025 12:00 EST; +1 calendar day offset; paused for one day from 1 Mar 12:00.
    const u = resume(
      pause(
        createUltimatum(
          base({
            issuedAt: '2025-02-28T12:00',
            deadline: { at: '2025-03-08T12:00' },
            consequences: [{ id: 'late', kind: 'custom', description: 'penalty', offset: { days: 1 } }],
          }),
        ),
        { at: '2025-03-01T12:00' },
      ),
      { at: '2025-03-02T12:00' },
    );
    const resumeMs = utc(2025, 3, 2, 17);
    const dueAt = (t: number) => status(u, t).consequences.threatened[0]?.dueAt.toMillis() ?? Number.NaN;
    // After the resume: deadline 9 Mar 17:00Z (13:00 EDT); +1 calendar day = 10 Mar 13:00 EDT = 17:00Z.
    expect(dueAt(resumeMs)).toBe(utc(2025, 3, 10, 17));
    expect(dueAt(resumeMs) - dueAt(resumeMs - 1)).toBe(1);
  });
});

describe('plain documents and missing arguments', () => {
  it('a plain JSON document is read afresh on every call', () => {
    const doc = JSON.parse(JSON.stringify(createUltimatum(base())));
    expect(status(doc, '2025-07-20').deadlineMs).toBe(utc(2025, 9, 2, 16));
    doc.deadline = { after: { days: 30 } };
    expect(status(doc, '2025-07-20').deadlineMs).toBe(utc(2025, 8, 13, 16));
  });
  it('amend refuses what is not an ultimatum, countdown a missing target', () => {
    expect(errorOf(() => amend(null as unknown as Ultimatum, { type: 'comply', at: '2025-08-01' })).code).toBe('INVALID_INPUT');
    expect(errorOf(() => countdown(undefined as unknown as string, utc(2025, 1, 1)))).toEqual({ code: 'INVALID_INPUT', path: ['target'] });
  });
  it('a date-only countdown target is the end of that day', () => {
    expect(countdown('2025-09-02', '2025-09-01').totalMs).toBe(2 * 86_400_000);
  });
});

describe('calendar', () => {
  it.each([
    [{ holidays: ['2025-02-30'] }, ['calendar', 'holidays', 0]],
    [{ holidays: ['25 Dec'] }, ['calendar', 'holidays', 0]],
    [{ weekend: [6, 6] }, ['calendar', 'weekend']],
    [{ weekend: [1, 2, 3, 4, 5, 6, 7] }, ['calendar', 'weekend']],
  ])('refuses %j', (calendar, path) => {
    expect(errorOf(() => createUltimatum(base({ calendar })))).toEqual({ code: 'INVALID_INPUT', path });
  });
});

describe('presentation', () => {
  it('durations read well in luxon', () => {
    const s = status(createUltimatum(base()), utc(2025, 9, 1, 15));
    expect(s.remaining.toHuman({ listStyle: 'long' })).toBe('1 day and 1 hour');
    expect(s.overdueBy).toBeNull();
  });
  it('timeline labels say what each event did', () => {
    const entries = timeline(foundingCase()).filter((e) => e.kind !== 'milestone');
    expect(entries.map((e) => e.label.replace(/ \([^)]*\)$/, ''))).toEqual([
      'Issued: 50 days to end the war in Ukraine',
      'Note: The Kremlin calls the statements "very serious" and says it "will need time to analyze" them',
      'Rescheduled: deadline window Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT',
      'Rescheduled: deadline Fri 8 Aug 2025 12:00 EDT',
      'Enforced (partly): secondary-tariffs',
      'Deadline: Fri 8 Aug 2025 12:00 EDT',
    ]);
  });
});
