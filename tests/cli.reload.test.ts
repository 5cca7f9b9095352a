/**
 * The `ics` command when the iCalendar adapter cannot be used: each test loads a fresh copy of the
 * command line with the adapter mocked. Reloading modules inside a test makes Stryker count every
 * module-level constant as covered by that test, so vitest.mutation.config.ts leaves this file out.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const RUSSIA = join(fileURLToPath(new URL('..', import.meta.url)), 'examples/data/russia-50-day.json');

/** Runs `ics RUSSIA` through a fresh cli.ts whose `../adapters/ics.js` is `factory()`. */
async function icsWithAdapter(factory: () => Record<string, unknown>) {
  vi.resetModules();
  vi.doMock('../src/adapters/ics.js', factory);
  const fresh = await import('../src/adapters/cli.js');
  let stdout = '';
  let stderr = '';
  const code = await fresh.main(['ics', RUSSIA], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
    isTTY: false,
  });
  return { code, stdout, stderr };
}

afterEach(() => {
  vi.doUnmock('../src/adapters/ics.js');
  vi.resetModules();
});

describe('ics without a usable iCalendar adapter', () => {
  it('exits 2 when the adapter cannot be loaded, and says so', async () => {
    const r = await icsWithAdapter(() => {
      throw new Error('adapter missing');
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ultimatum: ics: the iCalendar adapter (ultimatum/ics) could not be loaded: ');
  });

  it('exits 2 when the adapter has no toICS (as a placeholder module reads)', async () => {
    const r = await icsWithAdapter(() => ({ toICS: undefined }));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ultimatum: ics: this build has no iCalendar adapter (ultimatum/ics does not export toICS yet)');
  });
});
