/**
 * What the `ultimatum` commands print, in-process through `main(argv, io)`, beyond the example
 * documents of tests/cli.test.ts: windows, pauses, complied ultimatums, explanations of several
 * ultimatums, validation of a one-ultimatum tracker, the table's short countdowns and 40-character
 * titles, enforcements in `status --json`, deadlines in English whatever luxon's default locale,
 * the colour of each phase and of each table cell on a terminal, and iCalendar output and its
 * errors. The documents are tests/cliHarness.ts's (UTC unless said).
 */
import { join } from 'node:path';
import { Settings } from 'luxon';
import { comply, createTracker, createUltimatum, enforce, pause, withdraw } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { cliDocuments, RUSSIA, runMain as run, usage, windowCase } from './cliHarness.js';
import { utcCase as input } from './helpers.js';

const { dir, file, WINDOW, PAUSED, TRACKER, CASE } = cliDocuments('cli-output');

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
