/**
 * `countdown --watch`, in-process through `main(argv, io)` with a clock the test moves: a single
 * frame off a terminal, on a narrow one and on one of unknown width (the line cut to the width
 * before colour, so no escape is split), an interrupted watch and an empty tracker; then frame by
 * frame: one ultimatum on a terminal, several off one, lines exactly as wide as the terminal, and
 * no end without a signal. The redraw of several lines on a terminal is tests/cli.test.ts's, the
 * bin stopped by SIGINT tests/cli.bin.test.ts's.
 */
import { type Clock, createTracker } from 'ultimatum';
import { describe, expect, it, vi } from 'vitest';
import { type CliIO, main } from '../src/adapters/cli.js';
import { cliDocuments } from './cliHarness.js';

const { file, WINDOW, CASE, PAIR } = cliDocuments('cli-watch');

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

describe('countdown --watch, frame by frame', () => {
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
