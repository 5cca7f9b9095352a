/**
 * What the in-process command-line tests share: a run of `main()` with string outputs, and the
 * documents they read, written to a private directory. Every expected line in those tests is
 * worked out by hand from the documents below (all in UTC, so the arithmetic is plain).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTracker, createUltimatum, extend, pause, shorten } from 'ultimatum';
import { afterAll } from 'vitest';
import type { CliIO } from '../src/adapters/cli.js';
import { main } from '../src/adapters/cli.js';
import { utcCase as input } from './helpers.js';

/** Runs `main(args)` as the bin would with stdout a pipe; `extra` overrides parts of the io. */
export async function runMain(args: string[], extra: Partial<CliIO> = {}) {
  const out = { stdout: '', stderr: '' };
  const code = await main(args, {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: {},
    isTTY: false,
    ...extra,
  });
  return { code, ...out };
}

/** What a usage error prints on stderr. */
export const usage = (message: string) => `ultimatum: ${message}\nRun "ultimatum --help" for usage.\n`;

/** The founding case (examples/data), by its absolute path. */
export const RUSSIA = fileURLToPath(new URL('../examples/data/russia-50-day.json', import.meta.url));

// The documents, all issued Mon 3 Mar 2025 09:00 UTC (tests/helpers.ts `utcCase`).
// A window of 10 to 12 days after Mon 3 Mar 09:00: Thu 13 Mar 09:00 – Sat 15 Mar 09:00.
export const windowCase = createUltimatum(
  input({ id: 'window-case', title: 'Window case', deadline: { after: { earliest: { days: 10 }, latest: { days: 12 } } } }),
);
// 10 days (to Thu 13 Mar 09:00), paused on Wed 5 Mar 09:00 with 8 days left.
const pausedCase = pause(createUltimatum(input({ id: 'paused-case', title: 'Paused case' })), { at: '2025-03-05T09:00' });
// 10 days (Thu 13 Mar 09:00); extended by 3 days on 4 Mar (Sun 16 Mar 09:00); shortened on 5 Mar
// to the end of Fri 14 Mar, i.e. Sat 15 Mar 00:00.
const extendedCase = shorten(
  extend(createUltimatum(input({ id: 'extended', title: 'Extended case' })), { at: '2025-03-04T09:00', by: { days: 3 }, note: 'more time' }),
  { at: '2025-03-05T09:00', to: '2025-03-14' },
);
// 10 days after Mon 3 Mar 2025 09:00 UTC: Thu 13 Mar 09:00 UTC.
const caseU = createUltimatum(input({ id: 'case' }));
// 12 days after the same instant: Sat 15 Mar 09:00 UTC.
const otherU = createUltimatum(input({ id: 'other', title: 'Other', deadline: { after: { days: 12 } } }));

/**
 * A private directory under the system's temporary one, removed after the test file's tests (call
 * it at the top of the file), holding the documents above: WINDOW, PAUSED, TRACKER (the window
 * and the extended case), CASE and PAIR (the case and Other). `file(name, content)` writes another:
 * a string as it is, anything else as JSON.
 */
export function cliDocuments(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `ultimatum-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  function file(name: string, content: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }
  return {
    dir,
    file,
    WINDOW: file('window.json', windowCase),
    PAUSED: file('paused.json', pausedCase),
    TRACKER: file('tracker.json', createTracker([windowCase, extendedCase])),
    CASE: file('case.json', caseU),
    PAIR: file('pair.json', createTracker([caseU, otherU])),
  };
}
