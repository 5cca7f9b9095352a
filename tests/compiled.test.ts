/**
 * Each ultimatum is resolved once (README, Layout): one this library created is never checked
 * again, a frozen document read as it is is checked on its first use only, and a plain document
 * (which may change) is checked on every call. Observed through the stored-document schema,
 * which every check of a document goes through.
 */
import { createUltimatum, deadlineOf, explain, status, type Ultimatum } from 'ultimatum';
import { READING_STORED } from '../src/rules/readingSchemas.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utc, utcCase } from './helpers.js';

afterEach(() => {
  vi.restoreAllMocks();
});

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

// Issued Mon 3 Mar 2025 09:00Z, 10 days: Thu 13 Mar 09:00Z.
const stored = () => JSON.parse(JSON.stringify(createUltimatum(utcCase()))) as Ultimatum;

describe('the compiled form of an ultimatum', () => {
  it('of one made by createUltimatum is reused: reading it checks nothing again', () => {
    const u = createUltimatum(utcCase());
    const checks = vi.spyOn(READING_STORED, 'safeParse');
    expect(status(u, '2025-03-04T09:00').deadlineMs).toBe(utc(2025, 3, 13, 9));
    expect(deadlineOf(u, '2025-03-05T09:00')?.toMillis()).toBe(utc(2025, 3, 13, 9));
    expect(explain(u, '2025-03-05T09:00')).toHaveLength(1);
    expect(checks).not.toHaveBeenCalled();
  });

  it('of a frozen stored document is made on first use and then reused', () => {
    const doc = deepFreeze(stored());
    const checks = vi.spyOn(READING_STORED, 'safeParse');
    expect(status(doc, '2025-03-04T09:00').remainingMs).toBe(9 * 86_400_000);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(status(doc, '2025-03-14T09:00').overdueMs).toBe(86_400_000);
    expect(deadlineOf(doc, '2025-03-05')?.toMillis()).toBe(utc(2025, 3, 13, 9));
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('of a plain stored document is made again on every call, so a change is seen', () => {
    const doc = stored() as unknown as Record<string, unknown>;
    const checks = vi.spyOn(READING_STORED, 'safeParse');
    expect(deadlineOf(doc as unknown as Ultimatum, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 13, 9));
    // 3 Mar 09:00Z + 5 days = 8 Mar 09:00Z.
    doc.deadline = { after: { days: 5 } };
    expect(deadlineOf(doc as unknown as Ultimatum, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 8, 9));
    expect(checks).toHaveBeenCalledTimes(2);
  });
});
