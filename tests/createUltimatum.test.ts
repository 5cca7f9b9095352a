/**
 * Reading a stored document: anything that is not an object carrying `schemaVersion: 1` is
 * refused with INVALID_INPUT at `schemaVersion`, never with a TypeError.
 */
import { parseUltimatum, safeParseUltimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';

const versionIssue = {
  code: 'INVALID_INPUT',
  path: ['schemaVersion'],
  message: 'must be 1: this version reads stored documents of schemaVersion 1',
};

describe('safeParseUltimatum / parseUltimatum without a document', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ultimatum'],
    ['a number', 1],
  ])('%s is refused at schemaVersion', (_what, value) => {
    const r = safeParseUltimatum(value);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }))).toEqual([versionIssue]);
    expect(() => parseUltimatum(value)).toThrow(versionIssue.message);
  });
});
