import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing runs the unit tests many times: leave out those that spawn processes, build the
// package or sweep every zone (they test the same code through slower doors, and Stryker cannot
// see code run in a child process: the command line is measured by the in-process runs of main()
// in tests/cli.test.ts and tests/cli.{arguments,input,output,watch,errors}.test.ts, not by
// tests/cli.bin.test.ts). The date-holidays tests load the optional peer (seconds per run) and
// reload modules with a stand-in: they join only when MUTATE_HOLIDAYS=1, which `npm run mutation`
// sets (leave it out when mutating other modules only). A test that reloads modules makes Stryker
// count every module-level constant of what it reloads as covered by it (a "static" mutant run
// with that test alone, not ignored).
// tests/cli.reload.test.ts reloads the command line and the whole library: always left out.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      // 100 fast-check runs per property instead of 1 000 (tests/helpers.ts `propertyRuns`).
      env: { ULTIMATUM_PROPERTY_RUNS: '100' },
      exclude: [
        'tests/zoneSweep.test.ts',
        'tests/cli.bin.test.ts',
        'tests/cli.reload.test.ts',
        'tests/examples.test.ts',
        // Starts a PostgreSQL server and worker processes: a minute a run, and the adapter's own mutants need it only.
        ...(process.env.MUTATE_PG === '1' ? [] : ['tests/pgBoss.test.ts', 'tests/pgBossScheduling.test.ts']),
        ...(process.env.MUTATE_HOLIDAYS === '1' ? [] : ['tests/holidays*.test.ts']),
        'node_modules/**',
      ],
    },
  }),
);
