/** What the in-process command-line tests share: a run of `main()` with string outputs. */
import type { CliIO } from '../src/adapters/cli.js';
import { main } from '../src/adapters/cli.js';

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
