#!/usr/bin/env node
/**
 * Cold start: what importing the built package costs a fresh Node process, against importing its
 * two dependencies, luxon and zod, alone. Each case runs in RUNS fresh processes, alternating
 * (A B A B …, after WARMUP discarded runs of each, so that disk cache and machine load hit both
 * alike), and is timed two ways:
 *
 * - import: `performance.now()` around `await import(…)` inside the process (the cost of the import
 *   itself; the verdict);
 * - process: spawn to exit, measured outside (adds Node's own start-up, the same for both).
 *
 * Writes .tmp/cold-start.json (read by scripts/write-benchmarks.mjs) and prints the medians.
 *
 * Usage: node scripts/cold-start.mjs [runs=21] [entry=dist/index.node.js] [out=.tmp/cold-start.json]
 * (needs `npm run build` first: reads dist/index.node.js, what Node resolves `ultimatum` to; another
 * entry compares another build)
 * Plain Node (>= 20), no dependencies.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = resolve(root, process.argv[3] ?? 'dist/index.node.js');
const outPath = resolve(root, process.argv[4] ?? '.tmp/cold-start.json');
const RUNS = Math.max(10, Number(process.argv[2] ?? 21) || 21);
const WARMUP = 2;
const TARGET = 1.3;

if (!existsSync(entry)) {
  console.error(`cold-start: no ${entry}; run \`npm run build\` first.`);
  process.exit(1);
}

/** A script for `node -e`: imports `specifiers` together and prints the milliseconds it took. */
function script(specifiers) {
  const imports = specifiers.map((s) => `import(${JSON.stringify(s)})`).join(', ');
  return `const t0 = performance.now(); Promise.all([${imports}]).then(() => process.stdout.write(String(performance.now() - t0)));`;
}

const CASES = [
  { key: 'ultimatum', label: "import('ultimatum') (dist/index.node.js, with luxon and zod)", code: script([pathToFileURL(entry).href]) },
  { key: 'deps', label: "import('luxon') + import('zod')", code: script(['luxon', 'zod']) },
  { key: 'empty', label: 'node -e "" (Node start-up alone, for reference)', code: '' },
];

function runOnce(c) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', c.code], { cwd: root, encoding: 'utf8' });
  const processMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`cold-start: ${c.label} failed: ${r.stderr}`);
  return { processMs, importMs: c.code === '' ? 0 : Number(r.stdout) };
}

const samples = new Map(CASES.map((c) => [c.key, { importMs: [], processMs: [] }]));
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (const c of i % 2 === 0 ? CASES : [...CASES].reverse()) {
    const s = runOnce(c);
    if (i < WARMUP) continue;
    samples.get(c.key).importMs.push(s.importMs);
    samples.get(c.key).processMs.push(s.processMs);
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function quartiles(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
  return [q(0.25), q(0.75)];
}

const result = {
  runs: RUNS,
  warmup: WARMUP,
  target: TARGET,
  node: process.version,
  measuredAt: new Date().toISOString(),
  loadavg: os.loadavg(),
  cases: CASES.map((c) => {
    const s = samples.get(c.key);
    return {
      key: c.key,
      label: c.label,
      importMedianMs: median(s.importMs),
      importQuartilesMs: quartiles(s.importMs),
      processMedianMs: median(s.processMs),
      processQuartilesMs: quartiles(s.processMs),
      importMs: s.importMs,
      processMs: s.processMs,
    };
  }),
};
const byKey = Object.fromEntries(result.cases.map((c) => [c.key, c]));
result.importRatio = byKey.ultimatum.importMedianMs / byKey.deps.importMedianMs;
result.processRatio = byKey.ultimatum.processMedianMs / byKey.deps.processMedianMs;
result.pass = result.importRatio <= TARGET;

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, `${JSON.stringify(result, null, 2)}\n`);

const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`cold-start: ${RUNS} fresh processes per case (after ${WARMUP} warm-up runs), medians:`);
for (const c of result.cases) {
  console.log(`  ${c.label.padEnd(58)} import ${fmt(c.importMedianMs).padStart(9)}   process ${fmt(c.processMedianMs).padStart(9)}`);
}
console.log(
  `  ratio ultimatum ÷ (luxon + zod): import ${result.importRatio.toFixed(2)}×, process ${result.processRatio.toFixed(2)}× (target ≤ ${TARGET}×: ${result.pass ? 'PASS' : 'FAIL'})`,
);
console.log(`cold-start: wrote ${outPath}`);
