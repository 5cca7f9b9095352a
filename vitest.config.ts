import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { ultimatum: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'] },
    benchmark: { include: ['bench/**/*.bench.ts'], outputJson: '.tmp/bench.json' },
  },
});
