/**
 * The `ultimatum` command line, in-process through `main(argv, io)`: what tests/cli.test.ts and
 * tests/cli.edges.test.ts leave unsaid. Which options each command takes (as the help says), the
 * colour of each phase and of each table cell on a terminal, the table's short countdowns and
 * 40-character titles, enforcements in `status --json`, deadlines in English whatever luxon's
 * default locale, `countdown --watch` frame by frame (one ultimatum on a terminal, several off
 * one, lines exactly as wide as the terminal), and what `main()` does with a library error raised
 * while a command runs (an --at outside the range in one zone, a bad clock) or an error of its
 * own stdout. Every expected line is worked out by hand from the documents below (UTC unless said).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Settings } from 'luxon';
import { type Clock, comply, createTracker, createUltimatum, enforce, pause, type UltimatumInput, withdraw } from 'ultimatum';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type CliIO, main } from '../src/adapters/cli.js';
import { runMain, usage } from './cliHarness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUSSIA = join(root, 'examples/data/russia-50-day.json');
const dir = mkdtempSync(join(tmpdir(), 'ultimatum-cli-mutants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = (over: Partial<UltimatumInput>): UltimatumInput => ({
  title: 'Case',
  issuer: 'A',
  addressee: 'B',
  demands: ['Do it'],
  issuedAt: '2025-03-03T09:00', // Monday
  zone: 'UTC',
  deadline: { after: { days: 10 } },
  ...over,
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

// 10 days after Mon 3 Mar 2025 09:00 UTC: Thu 13 Mar 09:00 UTC.
const caseU = createUltimatum(input({ id: 'case' }));
// 12 days after the same instant: Sat 15 Mar 09:00 UTC.
const otherU = createUltimatum(input({ id: 'other', title: 'Other', deadline: { after: { days: 12 } } }));
const CASE = file('case.json', caseU);
const PAIR = file('pair.json', createTracker([caseU, otherU]));

const run = runMain;


describe('the help, and the options each command takes', () => {
  it('names each command with its options, each option, the colour rule and the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Usage: ultimatum <command> [options]');
    expect(r.stdout.endsWith('\n')).toBe(true);
    const synopses = [
      'status FILE [--at ISO] [--json]',
      'countdown FILE [--at ISO]',
      'countdown FILE --watch',
      'explain FILE [--at ISO]',
      'validate FILE',
      'ics FILE',
      'parse "TEXT"',
    ];
    for (const synopsis of synopses) expect(lines.some((l) => l.startsWith(`  ${synopsis}  `))).toBe(true);
    for (const option of ['--at ISO', '--json', '--watch', '-h, --help', '-v, --version']) {
      expect(lines.some((l) => l.startsWith(`  ${option}  `))).toBe(true);
    }
    expect(lines).toContain('Colour only when standard output is a terminal and NO_COLOR is not set (or empty).');
    expect(lines).toContain('  0  success');
    expect(lines.some((l) => l.startsWith('  1  the document (or TEXT) is invalid'))).toBe(true);
    expect(lines.some((l) => l.startsWith('  2  usage error'))).toBe(true);
  });

  // From the synopses above: status takes --at and --json, countdown --at and --watch, explain
  // --at; validate, ics and parse none.
  const takes: Record<string, readonly string[]> = {
    status: ['at', 'json'],
    countdown: ['at', 'watch'],
    explain: ['at'],
    validate: [],
    ics: [],
    parse: [],
  };
  const refused = Object.entries(takes).flatMap(([command, flags]) =>
    ['at', 'json', 'watch'].filter((flag) => !flags.includes(flag)).map((flag) => [command, flag] as const),
  );

  it.each(refused)('%s does not take --%s: exit 2, nothing read or printed', async (command, flag) => {
    const args = [command, command === 'parse' ? '10 days' : CASE, `--${flag}`, ...(flag === 'at' ? ['2025-03-12'] : [])];
    expect(await run(args)).toEqual({ code: 2, stdout: '', stderr: usage(`${command} does not take --${flag}`) });
  });

  it('takes each option its synopsis names', async () => {
    // 12 Mar 00:00 (a date alone is the start of the day) to Thu 13 Mar 09:00: 1 day 9 hours.
    expect(await run(['status', CASE, '--at', '2025-03-12', '--json'])).toMatchObject({ code: 0, stderr: '' });
    expect(await run(['countdown', CASE, '--at', '2025-03-12'])).toEqual({
      code: 0,
      stdout: 'Case — 1 day, 9 hours left (deadline Thu 13 Mar 2025 09:00 UTC)\n',
      stderr: '',
    });
    expect(await run(['explain', CASE, '--at', '2025-03-12'])).toEqual({
      code: 0,
      stdout: 'Case (case)\n  1. Mon 3 Mar 2025 09:00 UTC: issued, +10 calendar days in UTC → Thu 13 Mar 2025 09:00 UTC\n',
      stderr: '',
    });
    // Already interrupted: --watch is taken, and ends at once.
    expect(await run(['countdown', CASE, '--watch'], { signal: AbortSignal.abort() })).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('colour on a terminal', () => {
  it('each phase has its colour: pending cyan, active green, paused yellow, expired red, enforced magenta, complied and withdrawn dim', async () => {
    const tariff = { id: 'tariff', kind: 'tariff', ratePercent: 25, scope: 'primary' } as const;
    const path = file(
      'phases.json',
      createTracker([
        // Issued on Tue 11 Mar with 10 days, to Fri 21 Mar 09:00: on 10 Mar its clock has not started.
        createUltimatum(input({ id: 'p1', title: 'Pending', issuedAt: '2025-03-11T09:00' })),
        // To Thu 13 Mar 09:00: 3 days left on 10 Mar 09:00.
        createUltimatum(input({ id: 'p2', title: 'Active' })),
        // Paused on 5 Mar with 8 days left: on 10 Mar the deadline is 10 + 8 = Tue 18 Mar.
        pause(createUltimatum(input({ id: 'p3', title: 'Paused' })), { at: '2025-03-05T09:00' }),
        // Issued Mon 24 Feb, due Thu 6 Mar 09:00: 4 days overdue on 10 Mar 09:00.
        createUltimatum(input({ id: 'p4', title: 'Expired', issuedAt: '2025-02-24T09:00' })),
        enforce(createUltimatum(input({ id: 'p5', title: 'Enforced', issuedAt: '2025-02-24T09:00', consequences: [tariff] })), {
          at: '2025-03-07T09:00',
          consequences: ['tariff'],
        }),
        comply(createUltimatum(input({ id: 'p6', title: 'Complied' })), { at: '2025-03-05T09:00' }),
        withdraw(createUltimatum(input({ id: 'p7', title: 'Withdrawn' })), { at: '2025-03-05T09:00' }),
      ]),
    );
    const expected = [
      'Pending — \x1b[36m10 days left\x1b[0m (deadline Fri 21 Mar 2025 09:00 UTC; pending)',
      'Active — \x1b[32m3 days left\x1b[0m (deadline Thu 13 Mar 2025 09:00 UTC)',
      'Paused — \x1b[33m8 days left\x1b[0m (deadline Tue 18 Mar 2025 09:00 UTC; paused)',
      'Expired — \x1b[31moverdue by 4 days\x1b[0m (deadline Thu 6 Mar 2025 09:00 UTC)',
      'Enforced — \x1b[35moverdue by 4 days\x1b[0m (deadline Thu 6 Mar 2025 09:00 UTC; enforced)',
      'Complied — \x1b[2mcomplied, no deadline in force\x1b[0m',
      'Withdrawn — \x1b[2mwithdrawn, no deadline in force\x1b[0m',
    ];
    const args = ['countdown', path, '--at', '2025-03-10T09:00'];
    expect(await run(args, { isTTY: true })).toEqual({ code: 0, stdout: `${expected.join('\n')}\n`, stderr: '' });
    // NO_COLOR set but empty counts as not set.
    expect((await run(args, { isTTY: true, env: { NO_COLOR: '' } })).stdout).toBe(`${expected.join('\n')}\n`);
  });

  it('status: the header bold, the phase and progress cells (padding included) in the phase colour, nothing else', async () => {
    // 8 Mar 09:00 is 5 of the 10 days: 5 days left, progress 50 %, 10 of 20 cells.
    const r = await run(['status', CASE, '--at', '2025-03-08T09:00'], { isTTY: true });
    const bold = (t: string) => `\x1b[1m${t}\x1b[0m`;
    expect(r).toEqual({
      code: 0,
      stdout:
        // Widths: TITLE 5, PHASE 6 ("active"), DEADLINE 25, COUNTDOWN 11 ("5 days left").
        `${bold('TITLE')}  ${bold('PHASE ')}  ${bold(`DEADLINE${' '.repeat(17)}`)}  ${bold('COUNTDOWN  ')}  ${bold('PROGRESS')}\n` +
        `Case   \x1b[32mactive\x1b[0m  Thu 13 Mar 2025 09:00 UTC  5 days left  \x1b[32m${'█'.repeat(10)}${'·'.repeat(10)}  50 %\x1b[0m\n`,
      stderr: '',
    });
  });
});

describe('status', () => {
  it('the table keeps two units of the countdown; --json and countdown keep them all', async () => {
    // 12 Mar 07:58:30 to 13 Mar 09:00 is 1 day 1 hour 1 minute 30 seconds; 8 d 22 h 58 min 30 s of
    // the 10 days have gone: 89.57 %, shown as 89 %, 18 of 20 cells.
    const at = '2025-03-12T07:58:30';
    expect((await run(['status', CASE, '--at', at])).stdout).toBe(
      `TITLE  PHASE   DEADLINE${' '.repeat(19)}COUNTDOWN${' '.repeat(11)}PROGRESS\n` +
        `Case   active  Thu 13 Mar 2025 09:00 UTC  1 day, 1 hour left  ${'█'.repeat(18)}··  89 %\n`,
    );
    const [entry] = JSON.parse((await run(['status', CASE, '--at', at, '--json'])).stdout) as Record<string, unknown>[];
    expect(entry?.countdown).toBe('1 day, 1 hour, 1 minute, 30 seconds left');
    expect((await run(['countdown', CASE, '--at', at])).stdout).toBe(
      'Case — 1 day, 1 hour, 1 minute, 30 seconds left (deadline Thu 13 Mar 2025 09:00 UTC)\n',
    );
  });

  it('a title of 40 characters is shown whole, one of 41 cut to 39 and "…"', async () => {
    const forty = 'A title of forty characters, not one cut';
    const fortyOne = 'A title of forty-one characters: this one';
    expect([forty.length, fortyOne.length]).toEqual([40, 41]);
    const path = file(
      'titles.json',
      createTracker([createUltimatum(input({ id: 't40', title: forty })), createUltimatum(input({ id: 't41', title: fortyOne }))]),
    );
    const lines = (await run(['status', path, '--at', '2025-03-08T09:00'])).stdout.split('\n');
    expect(lines[1]).toBe(`${forty}  active  Thu 13 Mar 2025 09:00 UTC  5 days left  ${'█'.repeat(10)}${'·'.repeat(10)}  50 %`);
    expect(lines[2]).toBe(
      `A title of forty-one characters: this o…  active  Thu 13 Mar 2025 09:00 UTC  5 days left  ${'█'.repeat(10)}${'·'.repeat(10)}  50 %`,
    );
  });

  it('--json lists each enforcement: the consequence, when, and whether only in part', async () => {
    // The founding case: the secondary tariffs enforced in part on 6 Aug 2025 12:00 EDT.
    const r = await run(['status', RUSSIA, '--at', '2025-08-10', '--json']);
    expect(r.code).toBe(0);
    const [entry] = JSON.parse(r.stdout) as { phase: string; consequences: { enforced: unknown[] } }[];
    expect(entry?.phase).toBe('enforced');
    expect(entry?.consequences.enforced).toEqual([{ id: 'secondary-tariffs', at: '2025-08-06T12:00:00-04:00', partial: true }]);
  });

  it('deadlines are written in English whatever luxon’s default locale', async () => {
    const saved = Settings.defaultLocale;
    Settings.defaultLocale = 'fr-FR';
    try {
      expect((await run(['countdown', CASE, '--at', '2025-03-12T09:00'])).stdout).toBe(
        'Case — 1 day left (deadline Thu 13 Mar 2025 09:00 UTC)\n',
      );
    } finally {
      Settings.defaultLocale = saved;
    }
  });
});

describe('countdown --watch', () => {
  const AT = Date.UTC(2025, 2, 12, 9); // Wed 12 Mar 2025 09:00 UTC: 1 day before the deadline of CASE
  const LINE = 'Case — 1 day left (deadline Thu 13 Mar 2025 09:00 UTC)';
  const COLOURED = 'Case — \x1b[32m1 day left\x1b[0m (deadline Thu 13 Mar 2025 09:00 UTC)';

  /** A clock standing at `now` until `tick()` moves it one second on and fires the pending timer. */
  function steppingClock(start: number) {
    let now = start;
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
    const tick = () => {
      now += 1000;
      const fn = pending;
      pending = undefined;
      fn?.();
    };
    return { clock, tick };
  }

  /** Starts the watch, waits for the first frame, runs `ticks` more, then interrupts it. */
  async function watchFrames(path: string, ticks: number, extra: Partial<CliIO>) {
    const controller = new AbortController();
    const { clock, tick } = steppingClock(AT);
    let stdout = '';
    const done = main(['countdown', path, '--watch'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: {},
      isTTY: false,
      clock,
      signal: controller.signal,
      ...extra,
    });
    await vi.waitFor(() => expect(stdout).not.toBe(''));
    for (let i = 0; i < ticks; i++) tick();
    controller.abort();
    return { code: await done, stdout };
  }

  it('one ultimatum on a terminal: the next frame back at the start of the line, no cursor move up', async () => {
    const next = 'Case — 23 hours, 59 minutes, 59 seconds left (deadline Thu 13 Mar 2025 09:00 UTC)';
    expect(await watchFrames(CASE, 1, { isTTY: true, env: { NO_COLOR: '1' } })).toEqual({
      code: 0,
      stdout: `${LINE}\x1b[K\r${next}\x1b[K\n`,
    });
  });

  it('several ultimatums off a terminal: each second a new block of lines, one per ultimatum', async () => {
    // Other is due Sat 15 Mar 09:00: 3 days left on 12 Mar 09:00.
    expect(await watchFrames(PAIR, 1, {})).toEqual({
      code: 0,
      stdout: [
        LINE,
        'Other — 3 days left (deadline Sat 15 Mar 2025 09:00 UTC)',
        'Case — 23 hours, 59 minutes, 59 seconds left (deadline Thu 13 Mar 2025 09:00 UTC)',
        'Other — 2 days, 23 hours, 59 minutes, 59 seconds left (deadline Sat 15 Mar 2025 09:00 UTC)',
        '',
      ].join('\n'),
    });
  });

  it('a line as wide as the terminal allows is kept whole (and coloured); one character more is cut', async () => {
    expect(LINE).toHaveLength(54);
    // 55 columns: lines of up to 54 characters.
    expect(await watchFrames(CASE, 0, { isTTY: true, columns: 55 })).toEqual({ code: 0, stdout: `${COLOURED}\x1b[K\n` });
    // 54 columns: lines of up to 53, the last one "…".
    expect(await watchFrames(CASE, 0, { isTTY: true, columns: 54 })).toEqual({
      code: 0,
      stdout: 'Case — 1 day left (deadline Thu 13 Mar 2025 09:00 UT…\x1b[K\n',
    });
  });

  it('the width is only used on a terminal at least 2 columns wide', async () => {
    // A terminal claiming 1 column (or less) is taken as of unknown width.
    expect(await watchFrames(CASE, 0, { isTTY: true, columns: 1 })).toEqual({ code: 0, stdout: `${COLOURED}\x1b[K\n` });
    expect(await watchFrames(CASE, 0, { isTTY: true, columns: 0 })).toEqual({ code: 0, stdout: `${COLOURED}\x1b[K\n` });
    // Off a terminal lines are never cut, whatever `columns` says.
    expect(await watchFrames(CASE, 0, { columns: 30 })).toEqual({ code: 0, stdout: `${LINE}\n` });
  });

  it('without a signal it keeps running: a frame per second, never settling', async () => {
    const { clock, tick } = steppingClock(AT);
    let stdout = '';
    let settled = false;
    main(['countdown', CASE, '--watch'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => true }, env: {}, isTTY: false, clock }).then(
      () => (settled = true),
      () => (settled = true),
    );
    await vi.waitFor(() => expect(stdout).toBe(`${LINE}\n`));
    tick();
    expect(stdout).toBe(`${LINE}\nCase — 23 hours, 59 minutes, 59 seconds left (deadline Thu 13 Mar 2025 09:00 UTC)\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
  });
});

describe('errors raised while a command runs', () => {
  // America/Juneau kept local mean time, UTC+15:02:19, until 1867: 00:00 on 1 Jan of year 1 there
  // is 08:57:41 on 31 Dec of year 0 in UTC, before the supported range; in UTC --at is fine.
  const JUNEAU = file('juneau.json', createUltimatum(input({ id: 'juneau', zone: 'America/Juneau' })));

  it.each(['status', 'countdown', 'explain'])('%s: an --at outside the range in the ultimatum’s zone is a usage error (exit 2)', async (command) => {
    expect(await run([command, JUNEAU, '--at', '0001-01-01'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ultimatum: at: is outside the supported range (years 1 to 9999)\n',
    });
  });

  it('a clock that is not one: exit 1, the problem at its path', async () => {
    const clock = { now: () => 0, setTimeout: () => 1 } as unknown as Clock; // no clearTimeout
    expect(await run(['countdown', CASE, '--watch'], { clock, signal: new AbortController().signal })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ultimatum: clock: must be a clock: { now(), setTimeout(fn, ms), clearTimeout(handle) }\n',
    });
  });

  it('an error of stdout itself is not bad input: main() rejects with it', async () => {
    const failure = new Error('write EPIPE');
    const io: CliIO = {
      stdout: {
        write: () => {
          throw failure;
        },
      },
      stderr: { write: () => true },
      env: {},
      isTTY: false,
    };
    await expect(main(['parse', '10 days'], io)).rejects.toBe(failure);
    await expect(main(['validate', CASE], io)).rejects.toBe(failure);
  });
});
