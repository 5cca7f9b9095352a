import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    countdown: 'src/countdown.ts',
    element: 'src/adapters/element.ts',
    holidays: 'src/adapters/holidays.ts',
    ics: 'src/adapters/ics.ts',
    cli: 'src/adapters/cli.ts',
  },
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['luxon', 'zod', 'date-holidays'],
  treeshake: true,
});
