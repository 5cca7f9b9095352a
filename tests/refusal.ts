import { afterEach, expect } from 'vitest';

/**
 * Calls `f` and returns what it threw (or undefined). A watch it started by mistake (it should
 * have thrown) is stopped, so no timer outlives the test.
 */
export function caught(f: () => unknown): unknown {
  try {
    const result = f();
    if (typeof result === 'object' && result !== null && typeof (result as { stop?: unknown }).stop === 'function') {
      (result as { stop: () => void }).stop();
    }
  } catch (e) {
    return e;
  }
  return undefined;
}

/** `Object.prototype` as it was when the test file loaded, before any input was tried. */
const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();

/** Nothing was added to `Object.prototype` (no `__proto__` pollution). */
export function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.keys(Object.prototype)).toHaveLength(0);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
}

/** Checks `expectPrototypesClean` after every test of the file. */
export function guardObjectPrototype(): void {
  afterEach(expectPrototypesClean);
}
