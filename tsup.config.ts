import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'index.node': 'src/index.node.ts',
    countdown: 'src/countdown.ts',
    element: 'src/adapters/element.ts',
    holidays: 'src/adapters/holidays.ts',
    ics: 'src/adapters/ics.ts',
    'pg-boss': 'src/adapters/pgBoss.ts',
    cli: 'src/adapters/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['luxon', 'zod', 'date-holidays', 'pg-boss'],
  treeshake: true,
});
