/**
 * Each ultimatum is resolved once (README, Layout): one this library created is never checked
 * again, a frozen document read as it is is checked on its first use only, and a plain document
 * (which may change) is checked on every call. Observed through the compiled form handed out
 * (the same object when reused, a new one when made again) and through the reads of a field.
 */
import { createUltimatum, deadlineOf, explain, status, type Ultimatum } from 'ultimatum';
import { compiledOf } from '../src/status/compiled.js';
import { describe, expect, it } from 'vitest';
import { utc, utcCase } from './helpers.js';

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

// Issued Mon 3 Mar 2025 09:00Z, 10 days: Thu 13 Mar 09:00Z.
const stored = () => JSON.parse(JSON.stringify(createUltimatum(utcCase()))) as Ultimatum;

/** A stored document whose `title` counts how often it is read (a check reads it once). */
function counted(): { doc: Record<string, unknown>; reads: () => number } {
  const doc = stored() as unknown as Record<string, unknown>;
  const title = doc.title;
  let reads = 0;
  Object.defineProperty(doc, 'title', {
    enumerable: true,
    get: () => {
      reads++;
      return title;
    },
  });
  return { doc, reads: () => reads };
}

describe('the compiled form of an ultimatum', () => {
  it('of one made by createUltimatum is reused: reading it checks nothing again', () => {
    const u = createUltimatum(utcCase());
    const first = compiledOf(u);
    expect(status(u, '2025-03-04T09:00').deadlineMs).toBe(utc(2025, 3, 13, 9));
    expect(deadlineOf(u, '2025-03-05T09:00')?.toMillis()).toBe(utc(2025, 3, 13, 9));
    expect(explain(u, '2025-03-05T09:00')).toHaveLength(1);
    expect(compiledOf(u)).toBe(first);
  });

  it('of a frozen stored document is made on first use and then reused', () => {
    const { doc, reads } = counted();
    deepFreeze(doc); // reads it once
    const u = doc as unknown as Ultimatum;
    expect(status(u, '2025-03-04T09:00').remainingMs).toBe(9 * 86_400_000);
    expect(reads()).toBe(2);
    const first = compiledOf(u);
    expect(status(u, '2025-03-14T09:00').overdueMs).toBe(86_400_000);
    expect(deadlineOf(u, '2025-03-05')?.toMillis()).toBe(utc(2025, 3, 13, 9));
    expect(compiledOf(u)).toBe(first);
    expect(reads()).toBe(2);
  });

  it('of a plain stored document is made again on every call, so a change is seen', () => {
    const { doc, reads } = counted();
    const u = doc as unknown as Ultimatum;
    expect(deadlineOf(u, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 13, 9));
    expect(reads()).toBe(1);
    // 3 Mar 09:00Z + 5 days = 8 Mar 09:00Z.
    doc.deadline = { after: { days: 5 } };
    expect(deadlineOf(u, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 8, 9));
    expect(reads()).toBe(2);
    expect(compiledOf(u)).not.toBe(compiledOf(u));
  });

  it('is carried by no copy of the document: a spread, JSON or structured clone is read as itself', () => {
    const u = createUltimatum(utcCase());
    // 3 Mar 09:00Z + 5 days = 8 Mar 09:00Z: the copy's own rule, not the original's 13 Mar.
    const amended = { ...u, deadline: { after: { days: 5 } } } as Ultimatum;
    expect(deadlineOf(amended, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 8, 9));
    expect(compiledOf(amended)).not.toBe(compiledOf(u));
    expect(compiledOf(structuredClone(u))).not.toBe(compiledOf(u));
    expect(JSON.stringify(u)).toBe(JSON.stringify(JSON.parse(JSON.stringify(u))));
    expect(Object.keys(u)).toEqual(['schemaVersion', 'id', 'title', 'issuer', 'addressee', 'demands', 'issuedAt', 'zone', 'deadline', 'consequences', 'events']);
  });

  it('is not taken by a copy of every property descriptor (symbols included): the copy is read as itself', () => {
    const u = createUltimatum(utcCase());
    const descriptors: PropertyDescriptorMap = Object.getOwnPropertyDescriptors(u);
    // 3 Mar 09:00Z + 5 days = 8 Mar 09:00Z.
    descriptors.deadline = { value: { after: { days: 5 } }, enumerable: true };
    const copy = Object.defineProperties({}, descriptors) as Ultimatum;
    expect(deadlineOf(copy, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 8, 9));
    expect(deadlineOf(u, '2025-03-04')?.toMillis()).toBe(utc(2025, 3, 13, 9));
  });

  it('is not inherited: an object made with a document as its prototype is refused, not taken for it', () => {
    const u = createUltimatum(utcCase());
    expect(() => status(Object.create(u) as Ultimatum, '2025-03-04')).toThrow(expect.objectContaining({ name: 'UltimatumError' }));
  });

  it('is not taken from a Proxy that answers every property with itself: refused as a document', () => {
    const echo: Ultimatum = new Proxy({}, { get: () => echo }) as Ultimatum;
    expect(() => status(echo, '2025-03-04')).toThrow(expect.objectContaining({ name: 'UltimatumError' }));
  });
});
