/**
 * The `ultimatum` command line, in-process through `main(argv, io)`, beyond the commands on the
 * example documents in tests/cli.test.ts: standard input as a stream, unreadable files,
 * windows, pauses, explanations of several ultimatums, validation of a one-ultimatum tracker,
 * iCalendar output and its errors, and `countdown --watch` off and on a terminal. Every expected
 * line is worked out by hand from the documents below (all in UTC, so the arithmetic is plain).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Clock, comply, createTracker, createUltimatum, extend, pause, shorten, type UltimatumInput } from 'ultimatum';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type CliIO, main } from '../src/adapters/cli.js';
import { runMain, usage } from './cliHarness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUSSIA = join(root, 'examples/data/russia-50-day.json');
const dir = mkdtempSync(join(tmpdir(), 'ultimatum-cli-edges-'));
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

// A window of 10 to 12 days after Mon 3 Mar 09:00: Thu 13 Mar 09:00 – Sat 15 Mar 09:00.
const windowCase = createUltimatum(
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

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const WINDOW = file('window.json', windowCase);
const PAUSED = file('paused.json', pausedCase);
const TRACKER = file('tracker.json', createTracker([windowCase, extendedCase]));

const run = runMain;


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

describe('the command line itself', () => {
  it('does not take an inherited property name for a command', async () => {
    expect(await run(['toString', WINDOW])).toEqual({ code: 2, stdout: '', stderr: usage('unknown command "toString"') });
  });

  it('names an unknown short option, and says when a FILE or TEXT is missing or in excess', async () => {
    expect((await run(['status', WINDOW, '-x'])).stderr).toBe(usage('unknown option -x'));
    // An option may hold a quote: named whole, not cut at the quote.
    expect((await run(['status', WINDOW, "--don't"])).stderr).toBe(usage("unknown option --don't"));
    expect((await run(['status', WINDOW, "-'"])).stderr).toBe(usage("unknown option -'"));
    expect((await run(['explain'])).stderr).toBe(usage('explain needs a FILE (or - for standard input)'));
    expect((await run(['countdown', WINDOW, PAUSED, TRACKER])).stderr).toBe(usage('countdown takes one FILE, not 3'));
    expect((await run(['countdown', WINDOW, '--json'])).stderr).toBe(usage('countdown does not take --json'));
  });

  it('parse: a TEXT that is not a duration exits 1, the message without a JSON path', async () => {
    expect(await run(['parse', '50', 'dayz'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'parse: "50 dayz": "dayz" (at character 4) is not a unit (days, weeks, hours, business days…)\n',
    });
  });
});

describe('status, countdown, explain, validate', () => {
  it('countdown inside a window says so, and shows both ends', async () => {
    // 14 Mar 09:00 is inside 13 Mar 09:00 – 15 Mar 09:00; one day to its end.
    expect((await run(['countdown', WINDOW, '--at', '2025-03-14T09:00'])).stdout).toBe(
      'Window case — 1 day left (in the window) (deadline Thu 13 Mar 2025 09:00 UTC – Sat 15 Mar 2025 09:00 UTC)\n',
    );
  });

  it('countdown while paused: the time left frozen, the deadline moving, and "paused"', async () => {
    // Paused on 5 Mar with 8 days left; on 7 Mar the deadline has moved 2 days, to Sat 15 Mar 09:00.
    expect((await run(['countdown', PAUSED, '--at', '2025-03-07T09:00'])).stdout).toBe(
      'Paused case — 8 days left (deadline Sat 15 Mar 2025 09:00 UTC; paused)\n',
    );
  });

  it('status --json of a window: both ends, in the window, the next milestone', async () => {
    const r = await run(['status', WINDOW, '--at', '2025-03-14T09:00', '--json']);
    expect(r.code).toBe(0);
    const [entry] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(entry).toMatchObject({
      id: 'window-case',
      phase: 'active',
      deadline: '2025-03-15T09:00:00+00:00',
      window: { earliest: '2025-03-13T09:00:00+00:00', latest: '2025-03-15T09:00:00+00:00' },
      inWindow: true,
      countdown: '1 day left (in the window)',
      remainingMs: 86_400_000,
      elapsedMs: 11 * 86_400_000,
      progress: 11 / 12,
      // Milestones of 12 days: 1 day left is 14 Mar 09:00 (now, not after it); 1 hour left is 15 Mar 08:00.
      nextMilestone: { label: '1 hour left', at: '2025-03-15T08:00:00+00:00' },
    });
  });

  it('status --json after the deadline: no next milestone, and what is due', async () => {
    const u = createUltimatum(
      input({ id: 'with-tariff', consequences: [{ id: 'tariff', kind: 'tariff', ratePercent: 25, scope: 'primary' }] }),
    );
    const r = await run(['status', file('tariff.json', u), '--at', '2025-03-14T09:00', '--json']);
    const [entry] = JSON.parse(r.stdout) as Record<string, unknown>[];
    // Deadline Thu 13 Mar 09:00; one day overdue on 14 Mar 09:00.
    expect(entry).toMatchObject({
      phase: 'expired',
      window: null,
      overdueMs: 86_400_000,
      countdown: 'overdue by 1 day',
      nextMilestone: null,
      consequences: {
        threatened: [{ id: 'tariff', dueAt: '2025-03-13T09:00:00+00:00' }],
        enforced: [],
        due: [{ id: 'tariff', dueAt: '2025-03-13T09:00:00+00:00', partiallyEnforced: false }],
      },
    });
  });

  it('explain of a tracker: one block per ultimatum, blank line between, notes in brackets', async () => {
    expect((await run(['explain', TRACKER, '--at', '2025-03-06'])).stdout).toBe(
      [
        'Window case (window-case)',
        '  1. Mon 3 Mar 2025 09:00 UTC: issued, +10 to +12 calendar days in UTC → Thu 13 Mar 2025 09:00 UTC – Sat 15 Mar 2025 09:00 UTC',
        '',
        'Extended case (extended)',
        '  1. Mon 3 Mar 2025 09:00 UTC: issued, +10 calendar days in UTC → Thu 13 Mar 2025 09:00 UTC',
        '  2. Tue 4 Mar 2025 09:00 UTC: extended, +3 calendar days → Sun 16 Mar 2025 09:00 UTC (more time)',
        '  3. Wed 5 Mar 2025 09:00 UTC: shortened, to the end of 2025-03-14 → Sat 15 Mar 2025 00:00 UTC',
        '',
      ].join('\n'),
    );
  });

  it('status of a complied ultimatum: no deadline (a dash in the table, null in JSON), progress frozen', async () => {
    // Complied on Wed 5 Mar 09:00, 2 of its 10 days in: 20 %, 4 of 20 cells; 8 days left, frozen.
    const path = file('complied.json', comply(createUltimatum(input({ title: 'Complied case' })), { at: '2025-03-05T09:00' }));
    expect((await run(['status', path, '--at', '2025-03-06'])).stdout).toBe(
      `TITLE${' '.repeat(10)}PHASE${' '.repeat(5)}DEADLINE  COUNTDOWN${' '.repeat(23)}PROGRESS\n` +
        `Complied case  complied  —${' '.repeat(9)}complied, no deadline in force  ████················  20 %\n`,
    );
    const [entry] = JSON.parse((await run(['status', path, '--at', '2025-03-06', '--json'])).stdout) as Record<string, unknown>[];
    expect(entry).toMatchObject({
      phase: 'complied',
      deadline: null,
      window: null,
      countdown: 'complied, no deadline in force',
      remainingMs: 8 * 86_400_000,
      overdueMs: null,
      progress: 0.2,
      nextMilestone: null,
    });
  });

  it('validate counts the ultimatums of a tracker: "1 ultimatum", "2 ultimatums"', async () => {
    const path = file('one.json', createTracker([windowCase]));
    expect((await run(['validate', path])).stdout).toBe(`${path}: valid tracker document, 1 ultimatum\n`);
    expect((await run(['validate', TRACKER])).stdout).toBe(`${TRACKER}: valid tracker document, 2 ultimatums\n`);
  });

  it('exits 2 for a FILE that does not exist', async () => {
    const missing = join(dir, 'missing.json');
    expect(await run(['status', missing])).toEqual({ code: 2, stdout: '', stderr: usage(`cannot read ${missing}: no such file`) });
  });
});

describe('ics', () => {
  it('writes one VEVENT per ultimatum of a tracker, or of a single document', async () => {
    const r = await run(['ics', TRACKER]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(2);
    // The window as DTSTART–DTEND; the shortened deadline, zero-length, at Sat 15 Mar 00:00 UTC.
    expect(r.stdout).toContain('DTSTART:20250313T090000Z\r\nDTEND:20250315T090000Z\r\n');
    expect(r.stdout).toContain('DTSTART:20250315T000000Z\r\nDURATION:PT0S\r\n');
    const single = await run(['ics', RUSSIA]);
    expect(single.stdout).toContain('DTSTART:20250808T160000Z\r\n'); // Fri 8 Aug 2025 12:00 EDT
    expect(single.stdout.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(1);
  });

  it('exits 1 when a deadline cannot be written in iCalendar (after year 9999)', async () => {
    // A date-only deadline is the end of that day: 31 Dec 9999 ends at 10000-01-01T00:00Z.
    const path = file('far.json', createUltimatum(input({ deadline: { at: '9999-12-31' } })));
    expect(await run(['ics', path])).toEqual({
      code: 1,
      stdout: '',
      stderr: `${path}: (root): falls after the year 9999 (UTC), which iCalendar cannot write\n`,
    });
  });
});

describe('countdown --watch', () => {
  /** A clock standing at `now` whose one pending timer the test fires by hand. */
  function fakeClock(now: number): Clock {
    return { now: () => now, setTimeout: () => 1, clearTimeout: () => {} };
  }
  const AT = Date.UTC(2025, 2, 14, 9); // Fri 14 Mar 2025 09:00 UTC
  const LINE = 'Window case — 1 day left (in the window) (deadline Thu 13 Mar 2025 09:00 UTC – Sat 15 Mar 2025 09:00 UTC)';

  async function watchOnce(file: string, extra: Partial<CliIO>) {
    const controller = new AbortController();
    let stdout = '';
    const done = main(['countdown', file, '--watch'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      env: {},
      isTTY: false,
      clock: fakeClock(AT),
      signal: controller.signal,
      ...extra,
    });
    await vi.waitFor(() => expect(stdout).not.toBe(''));
    controller.abort();
    return { code: await done, stdout };
  }

  it('off a terminal: one plain line per tick, for a single ultimatum', async () => {
    expect(await watchOnce(WINDOW, {})).toEqual({ code: 0, stdout: `${LINE}\n` });
  });

  it('on a narrow terminal: the line cut to the width, before colour (so no escape is split)', async () => {
    // 30 columns: lines of at most 29 characters, the last one "…".
    expect(await watchOnce(WINDOW, { isTTY: true, columns: 30 })).toEqual({ code: 0, stdout: 'Window case — 1 day left (in…\x1b[K\n' });
  });

  it('on a terminal of unknown width: the whole line, the countdown in the phase colour', async () => {
    const { stdout } = await watchOnce(WINDOW, { isTTY: true });
    expect(stdout).toBe(
      'Window case — \x1b[32m1 day left (in the window)\x1b[0m (deadline Thu 13 Mar 2025 09:00 UTC – Sat 15 Mar 2025 09:00 UTC)\x1b[K\n',
    );
  });

  it('returns 0 at once when already interrupted, or when the tracker is empty', async () => {
    const empty = file('empty.json', createTracker([]));
    for (const [path, signal] of [
      [WINDOW, AbortSignal.abort()],
      [empty, new AbortController().signal],
    ] as const) {
      let stdout = '';
      const code = await main(['countdown', path, '--watch'], {
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: () => true },
        env: {},
        isTTY: true,
        clock: fakeClock(AT),
        signal,
      });
      expect([code, stdout]).toEqual([0, '']);
    }
  });
});
