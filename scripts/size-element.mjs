// What a page pays for <ultimatum-countdown>, with every dependency bundled (esbuild, browser,
// minified, gzip level 9, as size-limit measures the other rows): the first load (the element's
// module and what it imports statically) against its limit, and the engine it loads only for a
// `src` document, reported. size-limit cannot split a bundle, so this row is measured here.
// Run after `npm run build`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const LIMIT_KB = 11;
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ultimatum-size-'));
try {
  const { metafile } = await build({
    entryPoints: [join(root, 'dist/element.js')],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    outdir: dir,
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = metafile.outputs;
  const gz = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
  const entry = Object.keys(outputs).find((f) => outputs[f].entryPoint === 'dist/element.js');
  const first = new Set();
  const visit = (file) => {
    if (first.has(file)) return;
    first.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  const size = (files) => [...files].reduce((sum, f) => sum + gz(f), 0) / 1000;
  const lazy = Object.keys(outputs).filter((f) => f.endsWith('.js') && !first.has(f));
  const firstKb = size(first);
  console.log(`\n  <ultimatum-countdown> first load (ultimatum/element, every dependency bundled)\n  Size limit: ${LIMIT_KB} kB\n  Size:       ${firstKb.toFixed(2)} kB minified and gzipped`);
  console.log(`  Loaded only for a src document (the engine: luxon, zod, the main entry): ${size(lazy).toFixed(2)} kB more\n`);
  if (firstKb > LIMIT_KB) {
    console.error(`  The element's first load is over its limit by ${(firstKb - LIMIT_KB).toFixed(2)} kB`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
