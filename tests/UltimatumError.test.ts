/**
 * `UltimatumError` and `isUltimatumError` at their edges: an error built without issues, values
 * that are not errors at all (null, primitives, functions, other errors, look-alikes without the
 * brand), and an error from another realm (node:vm), which `isUltimatumError` must recognise
 * (SPEC §4: "works across realms").
 */
import vm from 'node:vm';
import { isUltimatumError, UltimatumError } from 'ultimatum';
import { describe, expect, it } from 'vitest';

/** The brand the library documents for cross-realm checks: a `Symbol.for` key, shared by every realm. */
const BRAND = Symbol.for('ultimatum.UltimatumError');

describe('an UltimatumError built without any issue', () => {
  it('still has the generic INVALID_INPUT code and a message naming the root', () => {
    const e = new UltimatumError([]);
    // No issue to take the code from: the shape code, INVALID_INPUT; the path of nothing is "(root)".
    expect([e.code, e.message, e.issues]).toEqual(['INVALID_INPUT', '(root): invalid input', []]);
    expect(e.name).toBe('UltimatumError');
    expect(isUltimatumError(e)).toBe(true);
  });
});

describe('isUltimatumError on values that are not UltimatumErrors', () => {
  it('is false, without throwing, for null, undefined and primitives', () => {
    for (const value of [null, undefined, 0, 1, '', 'UltimatumError', true, Symbol('x'), 10n]) {
      expect(isUltimatumError(value)).toBe(false);
    }
  });

  it('is false for other errors and plain objects, also ones shaped like an UltimatumError', () => {
    const lookAlike = { name: 'UltimatumError', code: 'INVALID_INPUT', issues: [], message: 'x' };
    for (const value of [new TypeError('x'), new Error('x'), {}, [], lookAlike, Object.create(null)]) {
      expect(isUltimatumError(value)).toBe(false);
    }
  });

  it('is false for a function, even one carrying the brand (an error is an object)', () => {
    const branded = Object.defineProperty(() => undefined, BRAND, { value: true });
    expect(isUltimatumError(branded)).toBe(false);
    expect(isUltimatumError(UltimatumError)).toBe(false);
  });
});

describe('isUltimatumError across realms', () => {
  it('recognises an error branded in another realm, which `instanceof` does not', () => {
    // What another copy of the library, loaded in a vm context (or an iframe), throws.
    const foreign: unknown = vm.runInNewContext(
      `const e = new Error('zone: is unknown');
       Object.defineProperty(e, Symbol.for('ultimatum.UltimatumError'), { value: true });
       e`,
    );
    expect(foreign instanceof UltimatumError).toBe(false);
    expect(isUltimatumError(foreign)).toBe(true);
  });

  it('does not recognise an unbranded error from another realm', () => {
    expect(isUltimatumError(vm.runInNewContext(`new Error('x')`))).toBe(false);
  });
});
