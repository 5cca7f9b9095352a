#!/usr/bin/env node
// Checks what a consumer actually gets: packs the package, lints the tarball with publint (strict),
// checks its types with attw (strict profile: node10, node16-cjs, node16-esm, bundler), then installs
// the tarball into a throw-away project and imports it from ESM and CJS. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shell = process.platform === 'win32'; // npm/npx are .cmd shims there
const MODES = ['node10', 'node16-cjs', 'node16-esm', 'bundler'];

class StepError extends Error {}

function run(cmd, args, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, shell, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  return { ok: r.status === 0 && !r.error, stdout: r.stdout ?? '', output };
}

function step(name, fn) {
  const t0 = Date.now();
  let detail;
  try {
    detail = fn();
  } catch (e) {
    console.error(`✗ ${name}`);
    throw e;
  }
  console.log(`✓ ${name}${detail ? `: ${detail}` : ''} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

const tmp = mkdtempSync(join(tmpdir(), 'ultimatum-check-'));
let tarball;
try {
  step('npm pack', () => {
    const r = run('npm', ['pack', '--pack-destination', tmp]);
    const tgz = readdirSync(tmp).filter((f) => f.endsWith('.tgz'));
    if (!r.ok || tgz.length !== 1) throw new StepError(r.output);
    tarball = join(tmp, tgz[0]);
    return `${tgz[0]} (${Math.round(statSync(tarball).size / 1024)} kB)`;
  });

  step('publint --strict', () => {
    // --strict turns warnings into errors; anything else it prints (suggestions) fails us too.
    const r = run('npx', ['--no', 'publint', 'run', tarball, '--strict', '--level', 'suggestion']);
    if (!r.ok || !r.stdout.includes('All good!')) throw new StepError(r.output);
    return 'no errors, warnings or suggestions';
  });

  step('attw --profile strict', () => {
    const args = ['--no', 'attw', tarball, '--profile', 'strict'];
    const r = run('npx', [...args, '--format', 'json']);
    let analysis;
    try {
      analysis = JSON.parse(r.stdout).analysis;
    } catch {}
    // attw exits 0 on an untyped package, so require types and a typed resolution in every mode.
    const entry = analysis?.entrypoints?.['.'];
    const typed = MODES.every((m) => entry?.resolutions?.[m]?.resolution?.isTypeScript);
    if (!r.ok || !analysis?.types || analysis.problems?.length !== 0 || !typed) {
      throw new StepError(run('npx', [...args, '--format', 'ascii']).output);
    }
    return `no problems in ${MODES.join(', ')}`;
  });

  step('consumer smoke test (ESM + CJS)', () => {
    const dir = join(tmp, 'smoke');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
    const inst = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], dir);
    if (!inst.ok) throw new StepError(inst.output);
    const checks = `
const u = createUltimatum({ title: 't', issuer: 'US', addressee: 'Russia', demands: ['ceasefire'],
  issuedAt: '2025-07-14T12:00', zone: 'America/New_York', deadline: { after: { days: 50 } } });
assert.equal(status(u, '2025-07-20T12:00').deadline.toISO(), '2025-09-02T12:00:00.000-04:00');
assert.throws(() => createUltimatum({}), (e) => isUltimatumError(e) && e.code === 'INVALID_INPUT');
`;
    writeFileSync(
      join(dir, 'esm.mjs'),
      `import assert from 'node:assert/strict';
import { createUltimatum, isUltimatumError, status } from 'ultimatum';
${checks}`,
    );
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const assert = require('node:assert/strict');
const { createUltimatum, isUltimatumError, status } = require('ultimatum');
${checks}assert.equal(require('ultimatum/package.json').name, 'ultimatum');
`,
    );
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const r = run(process.execPath, [file], dir);
      if (!r.ok) throw new StepError(r.output);
    }
    return 'import, require and ultimatum/package.json work';
  });
  console.log('package checks passed');
} catch (e) {
  console.error(e instanceof StepError ? e.message : (e?.stack ?? e));
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
