/**
 * The `ultimatum` command line as a built bin in a child process: what only the real process
 * shows (package.json `bin`, the shebang and executable mode, standard input, the iCalendar adapter
 * as the build lays it out, Ctrl-C), and a few runs that print the same as `main()` in-process,
 * whose output tests/cli.test.ts checks line by line. Mutation testing leaves this file out
 * (vitest.mutation.config.ts): it cannot see code run in a child process.
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/adapters/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const RUSSIA = 'examples/data/russia-50-day.json';
const TRACKER = 'examples/data/tracker.json';

// The bin is built with the project's tsup config into a private directory under .tmp/ (as dist/
// is laid out, minus the .d.ts files, which take most of the build time): running tests never
// wipes a dist/ that a concurrent build, publint or another test is reading.
let cli: string;
mkdirSync(join(root, '.tmp'), { recursive: true });
const tmp = mkdtempSync(join(root, '.tmp', 'cli-bin-test-'));

beforeAll(() => {
  const out = join(tmp, 'build');
  execFileSync('npx', ['tsup', '--silent', '--no-dts', '--out-dir', out], { cwd: root, stdio: 'pipe' });
  cli = join(out, 'cli.js');
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the built bin; stdout is a pipe (not a terminal) and NO_COLOR is unset. */
function runBin(args: string[], input?: string) {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env, ...(input === undefined ? {} : { input }) });
  // Not a terminal: never an escape code, whatever the command.
  expect(r.stdout + r.stderr).not.toContain('\x1b');
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `main()` prints in-process for the same arguments and standard input, off a terminal. */
async function inProcess(args: string[], input = '') {
  const out = { stdout: '', stderr: '' };
  const write = (key: keyof typeof out) => ({ write: (s: string) => (out[key] += s) });
  const stdin = (async function* () {
    yield input;
  })();
  const code = await main(args, { stdout: write('stdout'), stderr: write('stderr'), stdin, env: {}, isTTY: false });
  return { code, ...out };
}

describe('the built bin', () => {
  it('is dist/cli.js in package.json, starts with a shebang and is executable', () => {
    expect(pkg.bin.ultimatum).toBe('./dist/cli.js');
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(cli).mode & 0o111).toBe(0o111);
  });

  it('--help and --version print what main() prints (the version read from package.json)', async () => {
    for (const args of [['--help'], ['--version']]) {
      const r = runBin(args);
      expect(r.code).toBe(0);
      expect(r).toEqual(await inProcess(args));
    }
  });
});

describe('the bin prints what main() prints', () => {
  const cases: [string, string[], number, string?][] = [
    ['the founding status table', ['status', RUSSIA, '--at', '2025-08-10'], 0],
    ['status - reads the real standard input', ['status', '-', '--at', '2025-08-10'], 0, readFileSync(join(root, RUSSIA), 'utf8')],
    ['a usage error exits 2', ['frob', RUSSIA], 2],
    ['ics loads the iCalendar adapter as the build lays it out', ['ics', TRACKER], 0],
  ];

  it.each(cases)('%s', async (_, args, code, input) => {
    const r = runBin(args, input);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).not.toBe('');
    expect(r).toEqual(await inProcess(args, input));
  });
});

describe('countdown --watch as a process', () => {
  it('prints a line per second and exits 0 on SIGINT', async () => {
    const child: ChildProcess = spawn(process.execPath, [cli, 'countdown', RUSSIA, '--watch'], { cwd: root });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^50 days to end the war in Ukraine — overdue by \d+ days?/);
    expect(stdout).not.toContain('\x1b');
  }, 10_000);
});
