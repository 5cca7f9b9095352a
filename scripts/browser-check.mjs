// A real browser: bundles the built ESM entry (with luxon and zod) for the browser, serves a page
// that shows a live countdown, opens it in headless Chromium and reads the text twice: it must have
// counted down. Run after `npm run build`, with Debian's chromium installed (`.ci/run` does both).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'ultimatum-browser-'));
const page = `<!doctype html><meta charset="utf-8"><title>ultimatum</title>
<p id="countdown">loading</p>
<script type="module">
  import { createUltimatum, countdown, formatCountdown, watch } from './ultimatum.js';
  const u = createUltimatum({ title: 'Browser', issuer: 'test', addressee: 'test', demands: ['wait'],
    issuedAt: Date.now(), zone: 'Europe/Brussels', deadline: { after: { days: 50 } } });
  const el = document.getElementById('countdown');
  watch(u, { onTick: (s) => { el.textContent = formatCountdown(countdown(u, s.atMs), { locale: 'en' }); } }, { tickMs: 1000 });
</script>`;

let server;
let browser;
try {
  await build({
    entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: join(dir, 'ultimatum.js'),
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'index.html'), page);
  const files = { '/': ['index.html', 'text/html'], '/ultimatum.js': ['ultimatum.js', 'text/javascript'] };
  server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file[1] });
    res.end(readFileSync(join(dir, file[0])));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.goto(`http://127.0.0.1:${port}/`);
  await tab.waitForFunction(() => document.getElementById('countdown')?.textContent?.includes('days'), null, { timeout: 10_000 });
  const read = async () => (await tab.textContent('#countdown')) ?? '';
  const toSeconds = (text) =>
    [...text.matchAll(/([\d,]+) (day|hour|minute|second)s?/g)].reduce(
      (sum, m) => sum + Number(m[1].replaceAll(',', '')) * { day: 86_400, hour: 3_600, minute: 60, second: 1 }[m[2]],
      0,
    );
  const first = await read();
  await tab.waitForTimeout(2_200);
  const second = await read();
  assert.deepEqual(errors, []);
  assert.ok(toSeconds(first) > 49 * 86_400, `a 50-day countdown: ${first}`);
  assert.ok(toSeconds(second) < toSeconds(first), `it counted down: "${first}" then "${second}"`);
  console.log(`✓ headless Chromium counted down: "${first}" → "${second}"`);
} finally {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
}

