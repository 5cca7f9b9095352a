/**
 * The `at` argument given as epoch milliseconds: taken as is (fractions dropped) inside the
 * supported range, years 1 to 9999 widened by the largest zone offset (14 hours) either side,
 * and refused with OUT_OF_RANGE at `at` outside it.
 */
import { countdown, createUltimatum, status } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { issuesOf, utc, utcCase } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// 0001-01-01T00:00Z is 719 162 days before 1970-01-01: -719 162 × 86 400 000 = -62 135 596 800 000;
// the first supported instant is 14 hours earlier still.
const FIRST_MS = -62_135_596_800_000 - 14 * HOUR;
// 10000-01-01T00:00Z is 2 932 897 days after 1970-01-01 = 253 402 300 800 000; the last supported
// instant is 1 ms before it, plus 14 hours.
const LAST_MS = 253_402_300_800_000 - 1 + 14 * HOUR;

const u = createUltimatum(utcCase()); // issued Mon 3 Mar 2025 09:00Z, due Thu 13 Mar 09:00Z

const outOfRange = (name: string) => [
  { code: 'OUT_OF_RANGE', path: [name], message: 'is outside the supported range (years 1 to 9999)' },
];

describe('an `at` in epoch milliseconds', () => {
  it('is read as is, a fraction of a millisecond dropped', () => {
    // 4 Mar 2025 09:00Z + 0.75 ms → 4 Mar 09:00:00.000Z, one day after issue.
    const s = status(u, utc(2025, 3, 4, 9) + 0.75);
    expect(s.atMs).toBe(utc(2025, 3, 4, 9));
    expect(s.elapsedMs).toBe(DAY);
  });

  it('is accepted at both ends of the supported range', () => {
    const first = status(u, FIRST_MS);
    expect(first.atMs).toBe(FIRST_MS);
    expect(first.phase).toBe('pending');
    const last = status(u, LAST_MS);
    expect(last.atMs).toBe(LAST_MS);
    expect(last.phase).toBe('expired');
    // Overdue from 13 Mar 2025 09:00Z to the last instant.
    expect(last.overdueMs).toBe(LAST_MS - utc(2025, 3, 13, 9));
  });

  it('is refused 1 ms before the first supported instant, naming `at`', () => {
    expect(issuesOf(() => status(u, FIRST_MS - 1))).toEqual(outOfRange('at'));
    expect(issuesOf(() => status(u, -8.64e15))).toEqual(outOfRange('at'));
  });

  it('is refused 1 ms after the last supported instant, naming `at`', () => {
    expect(issuesOf(() => status(u, LAST_MS + 1))).toEqual(outOfRange('at'));
  });

  it('countdown names the argument that is out of range', () => {
    // countdown(target, at): both are read the same way, each under its own name.
    expect(issuesOf(() => countdown(FIRST_MS - 1, utc(2025, 3, 3)))).toEqual(outOfRange('target'));
    expect(issuesOf(() => countdown(u, FIRST_MS - 1))).toEqual(outOfRange('at'));
    // In range: from 3 Mar 2025 09:00Z to the deadline 13 Mar 09:00Z, 10 days.
    expect(countdown(u, utc(2025, 3, 3, 9)).totalMs).toBe(10 * DAY);
  });
});
