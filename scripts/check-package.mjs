#!/usr/bin/env node
// Checks what a consumer actually gets: packs the package, lints the tarball with publint (strict),
// checks its types with attw (strict profile: node10, node16-cjs, node16-esm, bundler), then installs
// the tarball into a throw-away project and imports it from ESM and CJS: first without the optional
// peer date-holidays (the main entry must not need it; `ultimatum/holidays` must say how to get it),
// then with it; finally type-checks a TypeScript consumer of every entry under node16 (ESM and CJS)
// and bundler resolution. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shell = process.platform === 'win32'; // npm/npx are .cmd shims there
const MODES = ['node10', 'node16-cjs', 'node16-esm', 'bundler'];
const ENTRIES = ['.', './countdown', './element', './holidays', './ics', './pg-boss'];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The version the unit tests ran against, from the npm cache.
const dateHolidays = `date-holidays@${pkg.devDependencies['date-holidays']}`;

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
    // attw exits 0 on an untyped package, so require types and a typed resolution in every mode,
    // for every entry point.
    const typed = ENTRIES.every((e) =>
      MODES.every((m) => analysis?.entrypoints?.[e]?.resolutions?.[m]?.resolution?.isTypeScript),
    );
    if (!r.ok || !analysis?.types || analysis.problems?.length !== 0 || !typed) {
      throw new StepError(run('npx', [...args, '--format', 'ascii']).output);
    }
    return `no problems in ${MODES.join(', ')} for ${ENTRIES.map((e) => `"${e}"`).join(', ')}`;
  });

  const dir = join(tmp, 'smoke');
  const node = (file) => {
    const r = run(process.execPath, [file], dir);
    if (!r.ok) throw new StepError(r.output);
  };
  /** Writes the same checks as `name.mjs` (import) and `name.cjs` (require) and runs both. */
  const both = (name, names, body) => {
    writeFileSync(
      join(dir, `${name}.mjs`),
      `import assert from 'node:assert/strict';\n${names.map(([n, from]) => `import { ${n} } from '${from}';`).join('\n')}\n${body}`,
    );
    writeFileSync(
      join(dir, `${name}.cjs`),
      `const assert = require('node:assert/strict');\n${names.map(([n, from]) => `const { ${n} } = require('${from}');`).join('\n')}\n${body}`,
    );
    node(`${name}.mjs`);
    node(`${name}.cjs`);
  };

  step('consumer smoke test without date-holidays (ESM + CJS)', () => {
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
    const inst = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], dir);
    if (!inst.ok) throw new StepError(inst.output);
    // An optional peer is never installed for us; make sure, or this step proves nothing.
    if (existsSync(join(dir, 'node_modules', 'date-holidays'))) throw new StepError('date-holidays was installed with the tarball');
    both(
      'main',
      [['createUltimatum, isUltimatumError, status', 'ultimatum']],
      `const u = createUltimatum({ title: 't', issuer: 'US', addressee: 'Russia', demands: ['ceasefire'],
  issuedAt: '2025-07-14T12:00', zone: 'America/New_York', deadline: { after: { days: 50 } } });
assert.equal(status(u, '2025-07-20T12:00').deadline.toISO(), '2025-09-02T12:00:00.000-04:00');
assert.throws(() => createUltimatum({}), (e) => isUltimatumError(e) && e.code === 'INVALID_INPUT');
`,
    );
    const r = run(process.execPath, ['-e', "require('node:assert/strict').equal(require('ultimatum/package.json').name, 'ultimatum')"], dir);
    if (!r.ok) throw new StepError(r.output);
    // The JSON Schema ships and describes the stored document.
    const schema = run(
      process.execPath,
      ['-e', "const s = require('ultimatum/schema.json'); require('node:assert/strict').deepEqual([s.$schema, s.properties.schemaVersion.const, s.additionalProperties], ['https://json-schema.org/draft/2020-12/schema', 1, false])"],
      dir,
    );
    if (!schema.ok) throw new StepError(schema.output);
    // The small countdown, and the element, which on a server defines nothing and throws nothing.
    both(
      'countdown-element',
      [
        ['countdown, formatCountdown', 'ultimatum/countdown'],
        ['defineCountdownElement', 'ultimatum/element'],
      ],
      `assert.equal(formatCountdown(countdown('2025-09-02T12:00-04:00', '2025-08-31T12:00-04:00'), { locale: 'en' }), '2 days');
assert.equal(defineCountdownElement(), undefined);
`,
    );
    // The subpath imports without its peer, and says what to install when used.
    both(
      'holidays-missing',
      [
        ['isUltimatumError', 'ultimatum'],
        ['holidayCalendar', 'ultimatum/holidays'],
      ],
      `assert.throws(() => holidayCalendar('US'), (e) =>
  isUltimatumError(e) && e.code === 'UNSUPPORTED' && e.message.includes('"date-holidays"') && e.message.includes('npm install date-holidays'));
`,
    );
    return 'ultimatum, ultimatum/countdown, ultimatum/element (a no-op on a server), ultimatum/package.json and ultimatum/schema.json work; ultimatum/holidays throws UNSUPPORTED';
  });

  step('readers written as code: under Node only', () => {
    // Node resolves `ultimatum` to the entry that installs them; a bundle for the browser never
    // carries them (a page's Content-Security-Policy would report even a caught attempt).
    const esm = run(process.execPath, ['--input-type=module', '-e', "process.stdout.write(import.meta.resolve('ultimatum'))"], dir);
    const cjs = run(process.execPath, ['-e', "process.stdout.write(require.resolve('ultimatum'))"], dir);
    if (!esm.ok || !esm.stdout.endsWith('dist/index.node.js')) throw new StepError(`import resolves to ${esm.output}`);
    if (!cjs.ok || !cjs.stdout.endsWith('dist/index.node.cjs')) throw new StepError(`require resolves to ${cjs.output}`);
    const { buildSync } = createRequire(import.meta.url)('esbuild');
    const bundle = (platform) =>
      buildSync({ stdin: { contents: "export { createUltimatum, status } from 'ultimatum';", resolveDir: dir }, bundle: true, platform, format: 'esm', write: false, logLevel: 'silent' })
        .outputFiles[0].text;
    if (bundle('browser').includes('new Function')) throw new StepError('a browser bundle of ultimatum carries the readers written as code');
    if (!bundle('node').includes('new Function')) throw new StepError('a Node bundle of ultimatum lacks the readers written as code');
    return 'import and require resolve to dist/index.node.*; a browser bundle has no `new Function`, a Node bundle has';
  });

  step('consumer smoke test with date-holidays (ESM + CJS)', () => {
    const inst = run('npm', ['install', dateHolidays, '--no-audit', '--no-fund', '--prefer-offline'], dir);
    if (!inst.ok) throw new StepError(inst.output);
    both(
      'holidays',
      [
        ['addBusinessDays, isUltimatumError', 'ultimatum'],
        ['holidayCalendar', 'ultimatum/holidays'],
      ],
      `const us = holidayCalendar('US', undefined, { years: [2025, 2026] });
assert.ok(us.holidays.includes('2025-07-04') && us.holidays.includes('2026-07-03'));
assert.equal(addBusinessDays('2025-07-02', 2, us).toISODate(), '2025-07-07');
assert.ok(holidayCalendar('DE', 'BY', { years: [2025, 2025] }).holidays.includes('2025-01-06'));
assert.throws(() => holidayCalendar('XX'), (e) => isUltimatumError(e) && e.code === 'INVALID_INPUT' && e.issues[0].path[0] === 'country');
`,
    );
    return `${dateHolidays}: ultimatum/holidays imports, requires and lists US and Bavarian holidays`;
  });

  step('TypeScript consumers (node16 ESM, node16 CJS, bundler)', () => {
    // The published types, type-checked the way consumers compile: strict, and with the settings
    // that catch wrong exports (node16 with "type": "module" and without, and bundler).
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const source = `import { createUltimatum, status, formatCountdown, countdown, type Ultimatum, type Status } from 'ultimatum';
import { holidayCalendar } from 'ultimatum/holidays';
import { toICS } from 'ultimatum/ics';
const u: Ultimatum = createUltimatum({ title: 't', issuer: 'US', addressee: 'Russia', demands: ['ceasefire'],
  issuedAt: '2025-07-14T12:00', zone: 'America/New_York', deadline: { after: { days: 50 } } });
const s: Status = status(u, '2025-07-20');
const text: string = formatCountdown(countdown(u, s.atMs));
const phase: 'pending' | 'active' | 'paused' | 'expired' | 'enforced' | 'complied' | 'withdrawn' = s.phase;
const ics: string = toICS(u);
const days: readonly string[] = holidayCalendar('US').holidays;
// @ts-expect-error stored documents are read-only
u.title = 'changed';
export { text, phase, ics, days };
`;
    const results = [];
    for (const [name, type, options] of [
      ['node16-esm', 'module', { module: 'node16', moduleResolution: 'node16' }],
      ['node16-cjs', 'commonjs', { module: 'node16', moduleResolution: 'node16' }],
      ['bundler', 'module', { module: 'esnext', moduleResolution: 'bundler' }],
    ]) {
      const project = join(dir, `ts-${name}`);
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `ts-${name}`, private: true, type }));
      writeFileSync(join(project, 'consumer.ts'), source);
      const compilerOptions = { ...options, target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [], typeRoots: [join(dir, 'node_modules', '@types')] };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
      const r = run(process.execPath, [tsc, '-p', project], project);
      if (!r.ok) throw new StepError(`${name}\n${r.output}`);
      results.push(name);
    }
    return `type-checked with ${results.join(', ')}`;
  });
  console.log('package checks passed');
} catch (e) {
  console.error(e instanceof StepError ? e.message : (e?.stack ?? e));
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
