/**
 * How the `ultimatum` command line reads FILE, in-process through `main(argv, io)`: standard input
 * as a stream of byte or text chunks (a character split across two, a BOM), none given or
 * interrupted, a directory and other read errors, a file with a BOM, and a JSON null.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUltimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { cliDocuments, RUSSIA, runMain as run, usage } from './cliHarness.js';
import { utcCase as input } from './helpers.js';

const { dir, file, WINDOW } = cliDocuments('cli-input');

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

describe('reading FILE', () => {
  it('reads standard input in byte chunks, a character split across two of them, after a BOM', async () => {
    const doc = JSON.stringify(createUltimatum(input({ id: 'utf8', title: 'Ultimátum — €' })));
    const bytes = new TextEncoder().encode(`\uFEFF${doc}`);
    const cut = bytes.indexOf(0xe2) + 1; // after the first byte of "—" (E2 80 94)
    const r = await run(['countdown', '-', '--at', '2025-03-12T09:00'], { stdin: chunks(bytes.slice(0, cut), bytes.slice(cut)) });
    // 13 Mar 09:00 − 12 Mar 09:00 = 1 day.
    expect(r).toEqual({ code: 0, stdout: 'Ultimátum — € — 1 day left (deadline Thu 13 Mar 2025 09:00 UTC)\n', stderr: '' });
  });

  it('reads standard input given as text chunks', async () => {
    const text = readFileSync(RUSSIA, 'utf8');
    const r = await run(['validate', '-'], { stdin: chunks(text.slice(0, 100), text.slice(100)) });
    expect(r).toEqual({ code: 0, stdout: '(stdin): valid ultimatum russia-50-day-2025\n', stderr: '' });
  });

  it('exits 2 when FILE is - and there is no standard input', async () => {
    expect(await run(['validate', '-'])).toEqual({ code: 2, stdout: '', stderr: usage('cannot read standard input: none was given') });
  });

  it('exits 130 when interrupted before or while standard input is read', async () => {
    const never: AsyncIterable<string> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => {}) }) };
    expect(await run(['validate', '-'], { stdin: never, signal: AbortSignal.abort() })).toEqual({ code: 130, stdout: '', stderr: '' });
    const controller = new AbortController();
    const pending = run(['validate', '-'], { stdin: never, signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ code: 130, stdout: '', stderr: '' });
  });

  it('exits 2 for a directory, and with the system message for other read errors', async () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub, { recursive: true });
    expect(await run(['validate', sub])).toEqual({ code: 2, stdout: '', stderr: usage(`cannot read ${sub}: is a directory`) });
    const through = join(WINDOW, 'inside.json'); // a path through a file
    const r = await run(['validate', through]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ultimatum: cannot read ${through}: ENOTDIR: not a directory`);
  });

  it('a JSON null is not an ultimatum: exit 1 at schemaVersion', async () => {
    const path = file('null.json', 'null');
    expect(await run(['validate', path])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path}: schemaVersion: must be 1: this version reads stored documents of schemaVersion 1\n`,
    });
  });

  it('reads a file that starts with a BOM', async () => {
    const path = file('bom.json', `\uFEFF${readFileSync(RUSSIA, 'utf8')}`);
    expect(await run(['validate', path])).toMatchObject({ code: 0, stdout: `${path}: valid ultimatum russia-50-day-2025\n` });
  });
});
