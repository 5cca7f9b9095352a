import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing runs the unit tests many times: leave out those that spawn processes, build the
// package or sweep every zone (they test the same code through slower doors). The date-holidays
// tests load the optional peer (seconds per run): they join only when the adapter itself is
// mutated (`MUTATE_HOLIDAYS=1 npx stryker run --mutate src/adapters/holidays.ts`).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      // 100 fast-check runs per property instead of 1 000 (tests/helpers.ts `propertyRuns`).
      env: { ULTIMATUM_PROPERTY_RUNS: '100' },
      exclude: [
        'tests/zoneSweep.test.ts',
        'tests/cli*.test.ts',
        'tests/examples.test.ts',
        ...(process.env.MUTATE_HOLIDAYS === '1' ? [] : ['tests/holidays*.test.ts']),
        'node_modules/**',
      ],
    },
  }),
);
