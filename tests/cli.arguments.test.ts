/**
 * The `ultimatum` command line's arguments, in-process through `main(argv, io)`: the help, which
 * options each command takes (as the help says), a command or option it does not know (an
 * inherited property name, a short option, an option holding a quote), and a FILE or TEXT missing
 * or in excess. Usage errors on the example documents are tests/cli.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { cliDocuments, runMain as run, usage } from './cliHarness.js';

const { WINDOW, PAUSED, TRACKER, CASE } = cliDocuments('cli-arguments');

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
