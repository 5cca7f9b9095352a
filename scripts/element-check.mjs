// <ultimatum-countdown> in a real browser: serves examples/embed.html as a newsroom would (its one
// <script type="module"> line answered with the built `ultimatum/element`, bundled for the browser
// with code splitting, as a user's bundler or a CDN gives it) and drives Debian's headless Chromium
// on Playwright's fake clock. Expected texts are computed by hand from the instants on the page and
// the founding case's history (deadline in force: 8 August 2025, noon in New York). Run after
// `npm run build`, with chromium installed (`.ci/run` does both).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'ultimatum-element-'));
const HOUR = 3_600_000;
// Thu 7 Aug 2025, 11:00 in New York: 1 day 1 hour before the deadline in force, 26 days 1 hour before 2 September noon.
const T0 = Date.parse('2025-08-07T11:00:00-04:00');

// Bare deadlines only: one under a lang browsers ignore (en_US is no BCP 47 tag), one with a bad attribute.
const bare = `<!doctype html><html lang="en"><meta charset="utf-8">
<script type="module" src="https://esm.sh/ultimatum/element"></script>
<ultimatum-countdown id="bare" deadline="2025-09-02T12:00-04:00">fallback</ultimatum-countdown>
<div lang="en_US"><ultimatum-countdown id="badlang" deadline="2025-09-02T12:00-04:00">fallback</ultimatum-countdown></div>
<ultimatum-countdown id="badformat" deadline="2025-09-02T12:00-04:00" format="tiny">2 September</ultimatum-countdown>`;

// Three locales and the digital format, each beside the text CLDR gives for 26 days and 1 hour (the
// unit names, French with a no-break space between number and unit as CLDR writes it, and the
// unit list pattern: "{0}, {1}" in English and German, "{0} et {1}" in French),
// written in a plain span with the same font: the screenshots of the two must be the same pixels.
const EXPECTED_TEXTS = [
  ['en', 'locale="en"', '26 days, 1 hour'],
  ['de', 'locale="de"', '26 Tage, 1 Stunde'],
  ['fr', 'locale="fr"', '26\u00a0jours et 1\u00a0heure'],
  ['digital', 'format="digital"', '26:01:00:00'],
];
const locales = `<!doctype html><html lang="en"><meta charset="utf-8">
<style>body { margin: 0; font: 20px/1.5 sans-serif; } div { padding: 4px 8px; }</style>
<script type="module" src="https://esm.sh/ultimatum/element"></script>
${EXPECTED_TEXTS.map(([id, attr, expected]) => `<div><ultimatum-countdown id="${id}" deadline="2025-09-02T12:00-04:00" ${attr}>fallback</ultimatum-countdown></div>
<div><span id="${id}-expected">${expected}</span></div>`).join('\n')}`;

const pages = {
  '/locales.html': ['text/html', () => locales],
  '/embed.html': ['text/html', () => readFileSync(join(root, 'examples/embed.html'))],
  '/bare.html': ['text/html', () => bare],
  '/data/russia-50-day.json': ['application/json', () => readFileSync(join(root, 'examples/data/russia-50-day.json'))],
};
const served = new Map();

// Counts the page's pending timeouts, on top of Playwright's fake timers.
const countTimers = () => {
  const pending = new Set();
  const set = window.setTimeout;
  const clear = window.clearTimeout;
  window.__pending = pending;
  window.setTimeout = (fn, ms, ...args) => {
    const h = set((...a) => {
      pending.delete(h);
      return fn(...a);
    }, ms, ...args);
    pending.add(h);
    return h;
  };
  window.clearTimeout = (h) => {
    pending.delete(h);
    return clear(h);
  };
};

// Records every event and every change of each element's live region.
const record = () => {
  window.__events = [];
  window.__announced = [];
  for (const el of document.querySelectorAll('ultimatum-countdown')) {
    for (const type of ['ultimatum-phase', 'ultimatum-milestone', 'ultimatum-error']) {
      el.addEventListener(type, (e) => {
        const d = e.detail;
        window.__events.push([el.id, type, d.phase ?? d.milestone?.label ?? d.error?.message, d.previous ?? d.late]);
      });
    }
    const live = el.shadowRoot.querySelector('[aria-live]');
    new MutationObserver(() => window.__announced.push([el.id, live.textContent])).observe(live, { childList: true, characterData: true, subtree: true });
  }
};

let server;
let browser;
try {
  const out = await build({
    entryPoints: [join(root, 'dist/element.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: join(dir, 'cdn'),
    metafile: true,
    logLevel: 'warning',
  });
  const files = Object.keys(out.metafile.outputs).map((f) => basename(f));
  const lazy = Object.entries(out.metafile.outputs)
    .filter(([f, o]) => f.endsWith('.js') && Object.keys(o.inputs).some((i) => i.endsWith('dist/index.js')))
    .map(([f]) => basename(f));
  assert.equal(lazy.length, 1, `one lazily loaded engine chunk: ${files.join(', ')}`);

  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const page = pages[path];
    if (!page) return res.writeHead(404).end();
    served.set(path, (served.get(path) ?? 0) + 1);
    res.writeHead(200, { 'content-type': page[0] });
    res.end(page[1]());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

  const open = async (path, { javaScriptEnabled = true } = {}) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'en-US' });
    const requested = [];
    await context.route('https://esm.sh/ultimatum/**', (route) => {
      const name = basename(new URL(route.request().url()).pathname);
      const file = name === 'element' ? 'element.js' : name;
      requested.push(file);
      route.fulfill({ path: join(dir, 'cdn', file), contentType: 'text/javascript' });
    });
    const tab = await context.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    if (javaScriptEnabled) {
      // Paused at T0: time moves only when the check moves it, so each text is exact.
      await tab.clock.install({ time: T0 - 60_000 });
      await tab.clock.pauseAt(T0);
      await tab.addInitScript(countTimers);
    }
    await tab.goto(`${base}${path}`);
    return { tab, requested, errors, context };
  };
  const text = (tab, id) => tab.evaluate((i) => document.getElementById(i).shadowRoot.querySelector('[part=text]').textContent, id);

  // Without JavaScript the page reads right: the server's fallback text.
  {
    const { tab, context } = await open('/embed.html', { javaScriptEnabled: false });
    assert.equal((await tab.textContent('#deadline')).trim(), 'until noon on 2 September 2025 (New York)');
    assert.equal((await tab.textContent('#document')).trim(), '8 August 2025, noon (New York)');
    await context.close();
  }

  // A page with bare deadlines only never loads the engine.
  {
    const { tab, requested, errors, context } = await open('/bare.html');
    await tab.waitForFunction(() => document.getElementById('bare').shadowRoot?.querySelector('[part=text]')?.textContent !== 'fallback');
    assert.equal(await text(tab, 'bare'), '26 days, 1 hour');
    assert.equal(await text(tab, 'badlang'), '26 days, 1 hour', 'an invalid inherited lang is ignored, as browsers ignore it');
    assert.deepEqual(
      await tab.evaluate(() => {
        const el = document.getElementById('bare');
        return [el.phase, el.matches(':state(active)'), el.matches(':state(error)')];
      }),
      ['active', true, false],
    );
    // A bad attribute: the fallback stays, and the page can ask why at any time, by the attribute's name.
    assert.deepEqual(
      await tab.evaluate(() => {
        const el = document.getElementById('badformat');
        return [el.phase, el.matches(':state(error)'), el.error.issues[0].path, el.error.issues[0].reason, el.shadowRoot.querySelector('[part=text] slot') !== null];
      }),
      [undefined, true, ['format'], 'not_one_of', true],
    );
    assert.equal((await tab.textContent('#badformat')).trim(), '2 September');
    assert.ok(!requested.some((f) => lazy.includes(f)), `no engine chunk requested: ${requested.join(', ')}`);
    assert.deepEqual(errors, []);
    await context.close();
  }

  // What a reader sees: each element's pixels are those of the expected text.
  {
    const { tab, errors, context } = await open('/locales.html');
    await tab.waitForFunction(() => [...document.querySelectorAll('ultimatum-countdown')].every((el) => el.shadowRoot?.querySelector('[part=text]')?.textContent !== 'fallback'));
    for (const [id, , expected] of EXPECTED_TEXTS) {
      assert.equal(await text(tab, id), expected, `${id}: the text`);
      const shot = await tab.locator(`#${id}`).screenshot();
      const reference = await tab.locator(`#${id}-expected`).screenshot();
      assert.ok(shot.equals(reference), `${id}: the screenshot shows "${expected}"`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }

  const { tab, requested, errors } = await open('/embed.html');
  await tab.waitForFunction(() => /^\d/.test(document.getElementById('document').shadowRoot?.querySelector('[part=text]')?.textContent ?? ''));
  await tab.evaluate(record);
  assert.ok(requested.some((f) => lazy.includes(f)), 'the src element loads the engine');
  assert.equal(await text(tab, 'deadline'), '26 days, 1 hour');
  assert.equal(await text(tab, 'german'), '26 Tg., 1 Std.', 'the locale of the nearest lang attribute');
  assert.equal(await text(tab, 'document'), '1:01:00:00', 'digital: 1 day 1 hour to the deadline in force');
  assert.equal(await tab.getAttribute('#document', 'role'), 'timer');
  assert.equal(await tab.evaluate(() => window.__pending.size), 1, 'three elements, one timer');

  // An hour on: the document reaches "1 day left", announced once in words (whatever the display),
  // cleared 5 s later so that it is not read again; nothing is announced each second.
  await tab.clock.runFor(HOUR);
  assert.equal(await text(tab, 'document'), '1:00:00:00');
  assert.equal(await text(tab, 'deadline'), '26 days');
  assert.deepEqual(await tab.evaluate(() => window.__events), [['document', 'ultimatum-milestone', '1 day left', false]]);
  await tab.clock.runFor(5_000);
  assert.deepEqual(await tab.evaluate(() => window.__announced), [['document', '1 day'], ['document', '']]);
  assert.equal(await tab.evaluate(() => window.__pending.size), 1);

  // The clock is set back an hour and runs on past the milestone again: it is not reported twice.
  await tab.clock.setSystemTime(T0);
  await tab.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  assert.equal(await text(tab, 'document'), '1:01:00:00', 'the figure follows the clock at once');
  await tab.clock.runFor(HOUR + 5_000);
  assert.deepEqual(await tab.evaluate(() => window.__events), [['document', 'ultimatum-milestone', '1 day left', false]]);

  // Moved elsewhere in the page, an element goes on: the document is not fetched again.
  assert.equal(served.get('/data/russia-50-day.json'), 1);
  await tab.evaluate(() => document.body.append(document.getElementById('document')));
  await tab.clock.runFor(1_000);
  // 1 day less 6 s: a digital clock without days starts at the hours.
  assert.equal(await text(tab, 'document'), '23:59:54');
  assert.equal(served.get('/data/russia-50-day.json'), 1, 'moving an element does not reload it');

  // The machine sleeps past 2 September noon: on waking (the page visible again) every figure is
  // read from the clock at once, and the milestones that passed are reported once each, late.
  await tab.clock.setSystemTime(Date.parse('2025-09-02T12:00:05-04:00'));
  await tab.evaluate(() => {
    window.__events.length = 0;
    window.__announced.length = 0;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  assert.equal(await text(tab, 'deadline'), 'the deadline has passed');
  assert.equal(await text(tab, 'german'), '5 Sek.', 'past the deadline by 5 seconds');
  // 8 Aug noon to 2 Sep 12:00:05: 25 days and 5 seconds overdue.
  assert.equal(await text(tab, 'document'), '25:00:00:05');
  const events = await tab.evaluate(() => window.__events);
  // In the order they fell: the three milestones, then the deadline.
  assert.deepEqual(
    events.filter(([id]) => id === 'deadline'),
    [
      ['deadline', 'ultimatum-milestone', '7 days left', true],
      ['deadline', 'ultimatum-milestone', '1 day left', true],
      ['deadline', 'ultimatum-milestone', '1 hour left', true],
      ['deadline', 'ultimatum-phase', 'expired', 'active'],
    ],
  );
  assert.deepEqual(await tab.evaluate(() => [document.getElementById('deadline').phase, document.getElementById('deadline').matches(':state(expired)')]), ['expired', true]);
  assert.deepEqual(
    events.filter(([id]) => id === 'document').map((e) => e.slice(1)),
    [['ultimatum-milestone', '1 hour left', true]],
  );
  assert.deepEqual((await tab.evaluate(() => window.__announced)).find(([id]) => id === 'deadline'), ['deadline', 'the deadline has passed']);

  // Removed from the page, nothing keeps running.
  await tab.evaluate(() => {
    for (const el of document.querySelectorAll('ultimatum-countdown')) el.remove();
  });
  assert.equal(await tab.evaluate(() => window.__pending.size), 0, 'no timer left once the elements are gone');
  assert.deepEqual(errors, []);
  console.log('✓ <ultimatum-countdown> in headless Chromium: fallback text, live text, screenshots of three locales and digital, one timer, milestones, sleep, expiry, clean-up');
} finally {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
}
