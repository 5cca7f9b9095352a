import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// Mutation testing runs the unit tests many times: leave out those that spawn processes, build the
// package or sweep every zone (they test the same code through slower doors).
export default mergeConfig(
  base,
  defineConfig({
    test: {
      typecheck: { enabled: false },
      exclude: [
        'tests/zoneSweep.test.ts',
        'tests/cli*.test.ts',
        'tests/examples.test.ts',
        'tests/holidays*.test.ts',
        'node_modules/**',
      ],
    },
  }),
);
