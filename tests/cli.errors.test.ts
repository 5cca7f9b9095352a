/**
 * What `main()` does with an error raised while a command runs, in-process: a library error (an
 * --at outside the supported range in the ultimatum's zone, a clock that is not one) is reported
 * with its exit code; an error of its own stdout is not bad input, and main() rejects with it.
 */
import { type Clock, createUltimatum } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { type CliIO, main } from '../src/adapters/cli.js';
import { cliDocuments, runMain as run } from './cliHarness.js';
import { utcCase as input } from './helpers.js';

const { file, CASE } = cliDocuments('cli-errors');

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
