/**
 * The `ultimatum` command line, run in-process through `main(argv, io)` as the bin runs it with
 * stdout a pipe, on the example documents (examples/data), with expected output computed by hand;
 * plus what a pipe cannot show (a terminal, a fake clock, a missing iCalendar adapter). That the
 * built bin prints the same as `main()` is tests/cli.bin.test.ts's part.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from 'ultimatum';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type CliIO, main } from '../src/adapters/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const RUSSIA = 'examples/data/russia-50-day.json';
const TRACKER = 'examples/data/tracker.json';
const ESC = '\x1b';

// Documents written by the tests go to a private directory under .tmp/.
mkdirSync(join(root, '.tmp'), { recursive: true });
const tmp = mkdtempSync(join(root, '.tmp', 'cli-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Runs `main()` in-process as the bin would with stdout a pipe and NO_COLOR unset; `input` is standard input. */
async function run(args: string[], input?: string) {
  const io = { stdout: '', stderr: '' };
  const code = await main(args, {
    stdout: { write: (s: string) => (io.stdout += s) },
    stderr: { write: (s: string) => (io.stderr += s) },
    stdin: input === undefined ? undefined : once(input),
    env: {},
    isTTY: false,
  });
  // Not a terminal: never an escape code, whatever the command.
  expect(io.stdout + io.stderr).not.toContain(ESC);
  return { code, ...io, lines: io.stdout.split('\n').filter((l) => l !== '') };
}

function writeTemp(name: string, change: (doc: Record<string, unknown>) => void, from = RUSSIA): string {
  const doc = JSON.parse(readFileSync(join(root, from), 'utf8')) as Record<string, unknown>;
  change(doc);
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return path;
}

describe('help and version', () => {
  it('--help and -h print the usage; --version and -v the package.json version', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('Usage: ultimatum <command> [options]');
    for (const command of ['status FILE', 'countdown FILE', 'explain FILE', 'validate FILE', 'ics FILE', 'parse "TEXT"']) {
      expect(r.stdout).toContain(`  ${command}`);
    }
    expect(await run(['status', '-h'])).toMatchObject({ code: 0, stdout: r.stdout, stderr: '' });
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    expect(await run(['-v'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});

describe('status', () => {
  it('the founding case on 10 Aug 2025: enforced, due Fri 8 Aug 12:00 EDT, overdue 1 day 12 hours', async () => {
    // 10 Aug 00:00 EDT (a date alone is the start of the day in the zone) − 8 Aug 12:00 = 1 d 12 h.
    const r = await run(['status', RUSSIA, '--at', '2025-08-10']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.lines).toEqual([
      'TITLE                              PHASE     DEADLINE                  COUNTDOWN                   PROGRESS',
      '50 days to end the war in Ukraine  enforced  Fri 8 Aug 2025 12:00 EDT  overdue by 1 day, 12 hours  ████████████████████ 100 %',
    ]);
  });

  it('a tracker: one row per ultimatum, each deadline in its own zone', async () => {
    const r = await run(['status', TRACKER, '--at', '2025-08-01']);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      'TITLE                                     PHASE     DEADLINE                   COUNTDOWN                       PROGRESS',
      // 14 Jul 12:00 → 8 Aug 12:00 is 25 days; 1 Aug 00:00 is 17.5 of them: 70 %, 14 of 20 cells.
      '50 days to end the war in Ukraine         active    Fri 8 Aug 2025 12:00 EDT   7 days, 12 hours left           ██████████████······  70 %',
      // Complied on 30 Jan 2020, 1037 days + 1 h into 1039 days + 1 h: 99.8 %, shown as 99 % (never rounded up to done).
      'Article 50 notice: two years to agree t…  complied  —                          complied, no deadline in force  ████████████████████  99 %',
      // Served 11 Dec: not issued yet on 1 Aug; 14 days run to Thu 25 Dec (a holiday) → end of Fri 26 Dec.
      'Answer to the complaint served on 2025-…  pending   Sat 27 Dec 2025 00:00 EST  16 days left                    ····················   0 %',
    ]);
  });

  it('--json: an array with one entry per ultimatum', async () => {
    const r = await run(['status', TRACKER, '--at', '2025-08-01', '--json']);
    expect(r.code).toBe(0);
    const entries = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => e.phase)).toEqual(['active', 'complied', 'pending']);
    expect(entries[0]).toMatchObject({
      id: 'russia-50-day-2025',
      at: '2025-08-01T00:00:00-04:00',
      deadline: '2025-08-08T12:00:00-04:00',
      window: null,
      remainingMs: (7 * 24 + 12) * 3_600_000,
      overdueMs: null,
      progress: 0.7,
      countdown: '7 days, 12 hours left',
      nextMilestone: { label: '7 days left', at: '2025-08-01T12:00:00-04:00' },
      consequences: { threatened: [{ id: 'secondary-tariffs', dueAt: '2025-08-08T12:00:00-04:00' }], enforced: [], due: [] },
    });
    expect(entries[1]).toMatchObject({ id: 'brexit-article-50', deadline: null, zone: 'Europe/Brussels' });
  });

  it('reads the document from stdin with -', async () => {
    const r = await run(['status', '-', '--at', '2025-08-10'], readFileSync(join(root, RUSSIA), 'utf8'));
    expect(r.code).toBe(0);
    expect(r.lines[1]).toContain('enforced  Fri 8 Aug 2025 12:00 EDT');
  });
});

describe('countdown, explain, parse', () => {
  it('countdown: one line per ultimatum', async () => {
    // README: formatCountdown(countdown(u, '2025-08-01T12:00')) is '7 days'.
    expect((await run(['countdown', RUSSIA, '--at', '2025-08-01T12:00'])).lines).toEqual([
      '50 days to end the war in Ukraine — 7 days left (deadline Fri 8 Aug 2025 12:00 EDT)',
    ]);
    // 28 Jul 20:00: the "10 or 12 days" window, 7–9 Aug 12:00; 9 Aug 12:00 − 28 Jul 20:00 = 11 d 16 h.
    expect((await run(['countdown', RUSSIA, '--at', '2025-07-28T20:00'])).stdout).toBe(
      '50 days to end the war in Ukraine — 11 days, 16 hours left (deadline Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT)\n',
    );
    expect((await run(['countdown', TRACKER, '--at', '2025-08-10'])).lines).toEqual([
      '50 days to end the war in Ukraine — overdue by 1 day, 12 hours (deadline Fri 8 Aug 2025 12:00 EDT; enforced)',
      'Article 50 notice: two years to agree the withdrawal — complied, no deadline in force',
      'Answer to the complaint served on 2025-12-11 — 16 days left (deadline Sat 27 Dec 2025 00:00 EST; pending)',
    ]);
  });

  it('explain on 1 Aug 2025: the three steps to Fri 8 Aug 12:00 EDT', async () => {
    const r = await run(['explain', RUSSIA, '--at', '2025-08-01']);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '50 days to end the war in Ukraine (russia-50-day-2025)',
      '  1. Mon 14 Jul 2025 12:00 EDT: issued, +50 calendar days in America/New_York → Tue 2 Sep 2025 12:00 EDT',
      '  2. Mon 28 Jul 2025 12:00 EDT: rescheduled, +10 to +12 calendar days in America/New_York → Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT (Speaking in Scotland: the 50 days cut to "10 or 12 days")',
      '  3. Tue 29 Jul 2025 12:00 EDT: rescheduled, +10 calendar days in America/New_York → Fri 8 Aug 2025 12:00 EDT ("10 days from today")',
    ]);
  });

  it('explain before the reschedules shows only the rule it was issued with', async () => {
    expect((await run(['explain', RUSSIA, '--at', '2025-07-20'])).stdout).toBe(
      '50 days to end the war in Ukraine (russia-50-day-2025)\n' +
        '  1. Mon 14 Jul 2025 12:00 EDT: issued, +50 calendar days in America/New_York → Tue 2 Sep 2025 12:00 EDT\n',
    );
  });

  it('parse prints JSON; words it cannot read are an error naming the word', async () => {
    expect(await run(['parse', '10 or 12 days'])).toMatchObject({ code: 0, stdout: '{"earliest":{"days":10},"latest":{"days":12}}\n' });
    expect((await run(['parse', 'fifty', 'days'])).stdout).toBe('{"days":50}\n'); // unquoted words are joined
    const bad = await run(['parse', 'ten bananas']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('parse: "ten bananas": "bananas" (at character 5) is not a unit (days, weeks, hours, business days…)\n');
  });
});

describe('validate', () => {
  it('accepts the examples', async () => {
    expect(await run(['validate', TRACKER])).toMatchObject({ code: 0, stdout: `${TRACKER}: valid tracker document, 3 ultimatums\n` });
    expect(await run(['validate', RUSSIA])).toMatchObject({ code: 0, stdout: `${RUSSIA}: valid ultimatum russia-50-day-2025\n`, stderr: '' });
  });

  it('exits 1 with the JSON path of each problem', async () => {
    const file = writeTemp('out-of-order.json', (d) => {
      (d.events as { at: string }[])[2]!.at = '2025-07-20T12:00:00-04:00'; // before events[1] (28 Jul)
    });
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${file}: events[2].at: is before the previous event (2025-07-28T12:00:00-04:00): events must be in chronological order\n`,
    );
  });

  it('paths inside a tracker start at ultimatums[i]; several problems give several lines', async () => {
    const file = writeTemp(
      'tracker.json',
      (d) => {
        const u = (d.ultimatums as Record<string, unknown>[])[1]!;
        delete u.title;
        u.zone = 'Mars/Base';
      },
      TRACKER,
    );
    const r = await run(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toContain(`${file}: ultimatums[1].title: is required`);
  });

  it('a file that is not JSON is invalid at (root); other commands exit 1 the same way', async () => {
    const file = join(tmp, 'not.json');
    writeFileSync(file, '{"title": ');
    const r = await run(['status', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(`${file}: (root): is not JSON: `)).toBe(true);
  });
});

describe('usage errors exit 2', () => {
  const cases: [string[], string][] = [
    [['frob', RUSSIA], 'unknown command "frob"'],
    [['status'], 'status needs a FILE (or - for standard input)'],
    [['status', 'no-such-file.json'], 'cannot read no-such-file.json: no such file'],
    [[], 'missing command'],
    [['status', RUSSIA, '--bogus'], 'unknown option --bogus'],
    [['status', RUSSIA, '--at'], '--at needs a value'],
    [['status', RUSSIA, '--json=yes'], '--json does not take a value'],
    [['--help=x'], '--help does not take a value'],
    [['-v', '--version=1'], '--version does not take a value'],
    [['validate', RUSSIA, '--json'], 'validate does not take --json'],
    [['status', RUSSIA, '--at', 'next tuesday'], '--at: "next tuesday" is not a valid date or instant'],
    [['countdown', RUSSIA, '--watch', '--at', '2025-08-01'], 'countdown --watch follows the clock: it does not take --at'],
    [['status', RUSSIA, RUSSIA], 'status takes one FILE, not 2'],
    [['parse'], 'parse needs the TEXT to read'],
  ];

  it.each(cases.slice(0, 3))('%j: the message and the pointer to --help, nothing else', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`ultimatum: ${message}\nRun "ultimatum --help" for usage.\n`);
  });

  it.each(cases.slice(3))('%j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ultimatum: ${message}`);
    expect(r.stderr).toContain('Run "ultimatum --help" for usage.');
  });
});

describe('colour', () => {
  // Every run() above also checks that its output has no escape code, off a terminal.

  function capture(isTTY: boolean, env: Record<string, string> = {}, extra: Partial<CliIO> = {}) {
    const io = { stdout: '', stderr: '' };
    const cliIO: CliIO = {
      stdout: { write: (s: string) => (io.stdout += s) },
      stderr: { write: (s: string) => (io.stderr += s) },
      env,
      isTTY,
      ...extra,
    };
    return { io, cliIO };
  }

  it('colour on a terminal, none with NO_COLOR set (in-process)', async () => {
    const args = ['status', join(root, RUSSIA), '--at', '2025-08-10'];
    const tty = capture(true);
    expect(await main(args, tty.cliIO)).toBe(0);
    expect(tty.io.stdout).toContain('\x1b[35menforced'); // the phase, in its colour
    const noColor = capture(true, { NO_COLOR: '1' });
    expect(await main(args, noColor.cliIO)).toBe(0);
    expect(noColor.io.stdout).not.toContain('\x1b');
    expect(noColor.io.stdout).toBe(tty.io.stdout.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), ''));
    expect((await run(args)).stdout).toBe(noColor.io.stdout); // not a terminal, NO_COLOR unset
  });

  it('countdown --watch redraws in place on a terminal and stops on abort (in-process, fake clock)', async () => {
    let now = Date.UTC(2025, 7, 1, 16); // 1 Aug 2025 12:00 EDT
    let pending: (() => void) | undefined;
    const clock: Clock = {
      now: () => now,
      setTimeout: (fn) => {
        pending = fn;
        return 1;
      },
      clearTimeout: () => {
        pending = undefined;
      },
    };
    const controller = new AbortController();
    const { io, cliIO } = capture(true, { NO_COLOR: '1' }, { clock, signal: controller.signal, columns: 200 });
    const done = main(['countdown', join(root, TRACKER), '--watch'], cliIO);
    await vi.waitFor(() => expect(io.stdout).toContain('7 days left'));
    now += 1000;
    pending?.();
    controller.abort();
    expect(await done).toBe(0);
    expect(pending).toBeUndefined(); // the watch released its timer
    const frames = io.stdout.split('\r\x1b[2A'); // back up over the three lines of the first frame
    expect(frames).toHaveLength(2);
    expect(frames[0]).toContain('50 days to end the war in Ukraine — 7 days left (deadline Fri 8 Aug 2025 12:00 EDT)\x1b[K\n');
    expect(frames[1]).toContain('6 days, 23 hours, 59 minutes, 59 seconds left');
    expect(frames[1]!.endsWith('\x1b[K\n')).toBe(true);
  });
});

describe('ics', () => {
  it('prints toICS() of the document when the adapter exports it, and a clear error when not', async () => {
    const mod = (await import('../src/adapters/ics.js')) as Record<string, unknown>;
    const r = await run(['ics', TRACKER]);
    if (typeof mod.toICS === 'function') {
      expect(r.code).toBe(0);
      expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(r.stdout.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    } else {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('ics: this build has no iCalendar adapter');
    }
  });
});
