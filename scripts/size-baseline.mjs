// The figure issue-era pages paid, re-measured in the same run as today's: `{ countdown,
// formatCountdown }` imported from the library as it was before its browser work (the last source
// with `import { z } from 'zod'`), bundled exactly as size-limit bundles today's rows (esbuild,
// browser, minified, gzip -9, every dependency bundled, the dependencies installed now). Reported,
// never failed on: a clone without that commit (a shallow one) says so and moves on.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const BEFORE = 'e92cf6cdec8705c321addf4c34acf52a7b9c2c02';
const IMPORT = '{ countdown, formatCountdown }';
const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'ultimatum-baseline-'));

async function gzKb(entry) {
  const out = await build({
    stdin: { contents: `import ${IMPORT} from ${JSON.stringify(entry)};\nconsole.log(countdown, formatCountdown);`, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'error',
  });
  return gzipSync(out.outputFiles[0].contents, { level: 9 }).length / 1000;
}

try {
  let before;
  if (spawnSync('git', ['cat-file', '-e', `${BEFORE}^{commit}`], { cwd: root, stdio: 'ignore' }).status === 0) {
    writeFileSync(join(dir, 'src.tar'), execFileSync('git', ['archive', BEFORE, 'src'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }));
    execFileSync('tar', ['-xf', 'src.tar'], { cwd: dir });
    before = await gzKb(join(dir, 'src/index.ts'));
  }
  const main = await gzKb(join(root, 'dist/index.js'));
  const sub = await gzKb(join(root, 'dist/countdown.js'));
  console.log(`\n  import ${IMPORT}, every dependency bundled:`);
  console.log(before === undefined ? `  before the browser work: not measured (commit ${BEFORE.slice(0, 7)} is not in this clone)` : `  before the browser work (${BEFORE.slice(0, 7)}, from 'ultimatum'): ${before.toFixed(2)} kB`);
  console.log(`  now, from 'ultimatum':                         ${main.toFixed(2)} kB`);
  console.log(`  now, from 'ultimatum/countdown':               ${sub.toFixed(2)} kB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
