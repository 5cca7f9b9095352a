/**
 * Stored documents used as they are (`JSON.parse` output, not passed through parseUltimatum):
 * they are checked and compiled on every call, so a change between calls is seen, and every
 * instant that cannot be read is refused with its code and JSON path. Also the history checks
 * that compare a new deadline with the issue instant and the supported range.
 */
import { createUltimatum, deadlineOf, enforce, explain, isUltimatumError, parseUltimatum, reschedule, shorten, status, timeline, type Ultimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base } from './helpers.js';

// 10 days from Mon 3 Mar 2025 09:00 UTC: Thu 13 Mar 09:00.
const u = createUltimatum(base({ zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { days: 10 } } }));
const stored = () => JSON.parse(JSON.stringify(u)) as Record<string, unknown>;

function firstIssue(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return { code: e.code, path: e.issues[0]?.path, message: e.issues[0]?.message };
  }
  throw new Error('did not throw');
}

describe('a plain stored document', () => {
  it('is refused where parseUltimatum refuses it: one reading for both (a repeated consequence id)', () => {
    const doc = stored();
    const penalty = { id: 'penalty', kind: 'custom', description: 'A fine' };
    doc.consequences = [penalty, { ...penalty, description: 'Another fine' }];
    const expected = { code: 'INVALID_INPUT', path: ['consequences', 1, 'id'], message: 'repeats the consequence id "penalty"' };
    expect(firstIssue(() => parseUltimatum(doc))).toEqual(expected);
    expect(firstIssue(() => status(doc as unknown as Ultimatum, '2025-03-04'))).toEqual(expected);
  });

  it('is read afresh on each call, so a change to it is seen', () => {
    const doc = stored();
    expect(deadlineOf(doc as unknown as Ultimatum, '2025-03-04')?.toMillis()).toBe(Date.UTC(2025, 2, 13, 9));
    doc.deadline = { after: { days: 20 } };
    expect(deadlineOf(doc as unknown as Ultimatum, '2025-03-04')?.toMillis()).toBe(Date.UTC(2025, 2, 23, 9));
  });

  it('a frozen copy is read like the ultimatum it was made from', () => {
    const deepFreeze = (value: unknown): unknown => {
      if (typeof value === 'object' && value !== null) {
        for (const child of Object.values(value)) deepFreeze(child);
        Object.freeze(value);
      }
      return value;
    };
    const frozen = deepFreeze(stored()) as Ultimatum;
    expect(status(frozen, '2025-03-14T09:00').overdueMs).toBe(86_400_000);
    expect(status(frozen, '2025-03-12T09:00').remainingMs).toBe(86_400_000);
  });

  it.each([
    ['issuedAt', { issuedAt: '2025-02-30T09:00:00Z' }, ['issuedAt']],
    ['an event instant', { events: [{ type: 'note', at: '2025-13-01', text: 'x' }] }, ['events', 0, 'at']],
    ['a fixed deadline', { deadline: { at: '2025-02-30' } }, ['deadline', 'at']],
    ['the end of a window', { deadline: { between: ['2025-03-10', '2025-02-30'] } }, ['deadline', 'between', 1]],
    ['the start of a window', { deadline: { between: ['someday', '2025-03-20'] } }, ['deadline', 'between', 0]],
    ['the anchor `from`', { deadline: { after: { days: 1 }, from: '2025-02-30' } }, ['deadline', 'from']],
    ['the `to` of an extension', { events: [{ type: 'extend', at: '2025-03-04T09:00:00Z', to: '2025-02-30' }] }, ['events', 0, 'to']],
  ] as const)('refuses %s it cannot read, with INVALID_DATE at its path', (_what, change, path) => {
    const doc = { ...stored(), ...change } as unknown as Ultimatum;
    const issue = firstIssue(() => status(doc, '2025-03-05'));
    expect(issue).toMatchObject({ code: 'INVALID_DATE', path });
    expect(issue.message).toMatch(/ is not a valid date or instant \(/);
    // explain() and timeline() read it the same way.
    expect(firstIssue(() => explain(doc, '2025-03-05'))).toEqual(issue);
    expect(firstIssue(() => timeline(doc))).toEqual(issue);
  });
});

describe('history checks against the issue instant and the supported range', () => {
  it('shortening to before the issue is refused at `to`', () => {
    expect(firstIssue(() => shorten(u, { at: '2025-03-04T09:00', to: '2025-03-01' }))).toEqual({
      code: 'INVALID_EVENT',
      path: ['events', 0, 'to'],
      message: 'puts the deadline before the ultimatum was issued',
    });
  });

  it('rescheduling to before the issue is refused at `deadline`', () => {
    expect(firstIssue(() => reschedule(u, { at: '2025-03-04T09:00', deadline: { at: '2025-03-01T12:00' } }))).toEqual({
      code: 'INVALID_EVENT',
      path: ['events', 0, 'deadline'],
      message: 'puts the deadline before the ultimatum was issued',
    });
  });

  it('an enforcement must name a consequence the ultimatum threatens', () => {
    expect(firstIssue(() => enforce(u, { at: '2025-03-14T09:00', consequences: ['tariffs'] }))).toEqual({
      code: 'INVALID_EVENT',
      path: ['events', 0, 'consequences', 0],
      message: 'names consequence "tariffs", but the ultimatum threatens none',
    });
    const threatening = createUltimatum(
      base({
        zone: 'UTC',
        issuedAt: '2025-03-03T09:00',
        consequences: [
          { id: 'fine', kind: 'custom', description: 'A fine' },
          { id: 'ban', kind: 'sanctions', description: 'A travel ban' },
        ],
      }),
    );
    expect(firstIssue(() => enforce(threatening, { at: '2025-03-14T09:00', consequences: ['fine', 'tariffs'] }))).toEqual({
      code: 'INVALID_EVENT',
      path: ['events', 0, 'consequences', 1],
      message: 'names consequence "tariffs", which is not one of "fine", "ban"',
    });
  });

  it('rescheduling past the year 9999 is OUT_OF_RANGE at the duration', () => {
    // 2025 + 8 000 years is the year 10025.
    expect(firstIssue(() => reschedule(u, { at: '2025-03-04T09:00', deadline: { after: { years: 8000 } } }))).toEqual({
      code: 'OUT_OF_RANGE',
      path: ['events', 0, 'deadline', 'after'],
      message: 'takes the deadline past the supported range (years 1 to 9999)',
    });
  });
});
