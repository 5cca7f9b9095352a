/**
 * Generated ids: a random UUID where the platform has `crypto.randomUUID` (Node 20, browsers in a
 * secure context), otherwise (a page served over plain http has no randomUUID) an id made of
 * the time and random letters — still unique call after call.
 */
import { createUltimatum, type UltimatumInput } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { utcCase } from './helpers.js';

const input: UltimatumInput = utcCase();

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('generated ids', () => {
  it('are version 4 UUIDs where crypto.randomUUID exists', () => {
    const { id } = createUltimatum(input);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('without crypto.randomUUID: "u-", the time in base 36, random letters; never the same twice', () => {
    vi.stubGlobal('crypto', {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2025, 2, 3, 9));
    const ids = [createUltimatum(input).id, createUltimatum(input).id];
    for (const id of ids) {
      const [, time] = /^u-([0-9a-z]+)-[0-9a-z]{1,8}$/.exec(id) ?? [];
      expect(Number.parseInt(time ?? '', 36)).toBe(Date.UTC(2025, 2, 3, 9));
    }
    expect(ids[0]).not.toBe(ids[1]);
    // An id given is kept as it is.
    expect(createUltimatum({ ...input, id: 'mine' }).id).toBe('mine');
  });
});
