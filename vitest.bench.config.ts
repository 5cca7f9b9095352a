import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const dist = (file: string) => fileURLToPath(new URL(`./dist/${file}`, import.meta.url));

/**
 * `npm run bench` measures the built package, as a user runs it: `ultimatum` and its subpaths
 * resolve to `dist/`, and `dist/` is loaded by Node itself. Left to vitest's module runner (as the
 * tests' sources are), every call between two of its modules would go through a getter of the
 * runner's module object: that is the runner's cost, not the library's, and it is 2–3× on `status`.
 */
export default mergeConfig(
  { ...base, resolve: {} },
  defineConfig({
    resolve: {
      alias: [
        { find: /^ultimatum$/, replacement: dist('index.node.js') },
        { find: /^ultimatum\/countdown$/, replacement: dist('countdown.js') },
        { find: /^ultimatum\/holidays$/, replacement: dist('holidays.js') },
        { find: /^ultimatum\/ics$/, replacement: dist('ics.js') },
      ],
    },
    test: { server: { deps: { external: [/\/dist\//] } } },
  }),
);
