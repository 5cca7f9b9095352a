#!/usr/bin/env node
/**
 * Reads the vitest bench report (.tmp/bench.json, `benchmark.outputJson` in vitest.config.ts) and
 * the side reports (.tmp/bench-tracker-setup.json from bench/tracker.bench.ts, .tmp/cold-start.json
 * from scripts/cold-start.mjs, and `size-limit --json` run here against dist/), and writes the
 * generated sections of BENCHMARKS.md: machine, tables, and the targets with PASS/FAIL.
 *
 * Each section lives between its own markers (`<!-- business-days:start -->` …); only those parts
 * are rewritten, and only for the benchmarks found in the reports (a partial run keeps the other
 * sections as they were). A missing section is added before `<!-- more benchmarks below -->`.
 * The rest of the file (hand-written notes) is kept as it is.
 *
 * Usage: node scripts/write-benchmarks.mjs [report.json] [BENCHMARKS.md]
 * Plain Node (>= 20); esbuild (there with tsup) for the size breakdown, skipped if absent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportPath = resolve(root, process.argv[2] ?? '.tmp/bench.json');
const outputPath = resolve(root, process.argv[3] ?? 'BENCHMARKS.md');

const START = '<!-- business-days:start -->';
const END = '<!-- business-days:end -->';
const MORE = '<!-- more benchmarks below -->';

/** The counts benchmarked, and the cases in each group: names as in bench/businessDays.bench.ts. */
const COUNTS = [10, 1_000, 100_000];
const OURS = 'ours';
const CASES = [
  { key: OURS, name: 'ultimatum addBusinessDays', label: '**ultimatum** `addBusinessDays`' },
  { key: 'lbd', name: 'luxon-business-days plusBusiness', label: 'luxon-business-days `plusBusiness`' },
  { key: 'dateFns', name: 'date-fns addBusinessDays (no holidays)', label: 'date-fns `addBusinessDays` (no holidays)' },
  { key: 'plus', name: 'luxon DateTime.plus (floor)', label: 'luxon `DateTime.plus` (floor)' },
  {
    key: 'plusSame',
    name: 'luxon DateTime.plus to the same date',
    label: 'luxon `DateTime.plus` to the date ours returns (not a target)',
  },
];

// ---------------------------------------------------------------------------------------------
// Reading the report: { files: [{ filepath, groups: [{ fullName, benchmarks: [{ name, hz, mean,
// median, rme, sampleCount, … }] }] }] }, times in milliseconds.

if (!existsSync(reportPath)) {
  console.error(`write-benchmarks: no report at ${reportPath}; run \`vitest bench --run\` first.`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));

/** results.get(n).get(caseKey) → benchmark result */
const results = new Map(COUNTS.map((n) => [n, new Map()]));
for (const file of report?.files ?? []) {
  for (const group of file?.groups ?? []) {
    const match = /addBusinessDays n=(\d+)$/.exec(String(group?.fullName ?? ''));
    const byCase = match ? results.get(Number(match[1])) : undefined;
    if (!byCase) continue;
    for (const b of group.benchmarks ?? []) {
      const c = CASES.find((x) => x.name === b?.name);
      if (c && Number.isFinite(b.hz) && b.hz > 0) byCase.set(c.key, b);
    }
  }
}

const get = (n, key) => results.get(n)?.get(key);
/** hz(a) / hz(b), or undefined when either is missing. */
function hzRatio(a, b) {
  return a && b ? a.hz / b.hz : undefined;
}
/** The same ratio on medians (time per call), less sensitive to GC pauses and a loaded machine. */
function medianRatio(a, b) {
  return a && b && a.median > 0 && b.median > 0 ? b.median / a.median : undefined;
}

// ---------------------------------------------------------------------------------------------
// Formatting.

const NOT_MEASURED = 'not measured';

function fmtNumber(x, digits = 0) {
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
function fmtHz(hz) {
  if (hz === undefined) return NOT_MEASURED;
  return hz >= 100 ? fmtNumber(hz) : fmtNumber(hz, hz >= 1 ? 2 : 4);
}
/** A time given in milliseconds, in the unit that reads best. */
function fmtTime(ms) {
  if (!Number.isFinite(ms)) return NOT_MEASURED;
  if (ms >= 1_000) return `${fmtNumber(ms / 1_000, 2)} s`;
  if (ms >= 1) return `${fmtNumber(ms, 2)} ms`;
  if (ms >= 0.001) return `${fmtNumber(ms * 1_000, 2)} µs`;
  return `${fmtNumber(ms * 1_000_000, 0)} ns`;
}
function fmtRatio(r) {
  if (r === undefined || !Number.isFinite(r)) return NOT_MEASURED;
  if (r >= 100) return `${fmtNumber(r)}×`;
  if (r >= 0.01) return `${fmtNumber(r, 2)}×`;
  return `${r.toPrecision(2)}×`;
}
function fmtCount(n) {
  return fmtNumber(n).replaceAll(',', ' ');
}

function table(n) {
  const ours = get(n, OURS);
  const lines = [
    '| Case | ops/s (hz) | mean | median | rme | samples | hz ÷ hz(ours) | hz(ours) ÷ hz |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of CASES) {
    const b = get(n, c.key);
    if (!b) {
      lines.push(`| ${c.label} | ${NOT_MEASURED} | | | | | | |`);
      continue;
    }
    const rme = Number.isFinite(b.rme) ? `±${fmtNumber(b.rme, 2)} %` : '';
    const samples = Number.isFinite(b.sampleCount) ? fmtNumber(b.sampleCount) : '';
    const rel = c.key === OURS ? ['1×', '1×'] : [fmtRatio(hzRatio(b, ours)), fmtRatio(hzRatio(ours, b))];
    lines.push(
      `| ${c.label} | ${fmtHz(b.hz)} | ${fmtTime(b.mean)} | ${fmtTime(b.median)} | ${rme} | ${samples} | ${rel[0]} | ${rel[1]} |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Targets: { title, value (hz based), median (cross-check), pass(value) }.

function verdict(value, pass) {
  if (value === undefined || !Number.isFinite(value)) return 'NOT MEASURED';
  return pass(value) ? 'PASS' : 'FAIL';
}

const businessTargets = [
  {
    title: 'ours ≥ 1 000× luxon-business-days at n = 1 000',
    rule: 'hz(ours) ÷ hz(luxon-business-days) ≥ 1 000',
    value: hzRatio(get(1_000, OURS), get(1_000, 'lbd')),
    median: medianRatio(get(1_000, OURS), get(1_000, 'lbd')),
    pass: (r) => r >= 1_000,
  },
  {
    title: 'ours at n = 100 000 within 2× of ours at n = 10',
    rule: 'hz(ours, n = 10) ÷ hz(ours, n = 100 000) ≤ 2',
    value: hzRatio(get(10, OURS), get(100_000, OURS)),
    median: medianRatio(get(10, OURS), get(100_000, OURS)),
    pass: (r) => r <= 2,
  },
  ...COUNTS.map((n) => ({
    title: `ours ≤ 3× one luxon plus at n = ${fmtCount(n)}`,
    rule: 'hz(luxon plus) ÷ hz(ours) ≤ 3',
    value: hzRatio(get(n, 'plus'), get(n, OURS)),
    median: medianRatio(get(n, 'plus'), get(n, OURS)),
    pass: (r) => r <= 3,
  })),
];

function targetsTable() {
  const lines = [
    '| Target | Rule | Measured (hz) | Result | Cross-check on medians |',
    '| --- | --- | ---: | :---: | ---: |',
  ];
  for (const t of businessTargets) {
    const v = verdict(t.value, t.pass);
    const m = t.median === undefined ? NOT_MEASURED : `${fmtRatio(t.median)} (${verdict(t.median, t.pass)})`;
    lines.push(`| ${t.title} | ${t.rule} | ${fmtRatio(t.value)} | **${v}** | ${m} |`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// The section.

function readVersion(pkg) {
  try {
    return JSON.parse(readFileSync(resolve(root, 'node_modules', pkg, 'package.json'), 'utf8')).version ?? '?';
  } catch {
    return '?';
  }
}

const cpus = os.cpus();
const measuredAt = statSync(reportPath).mtime.toISOString();
const loadavg = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(', ');
const machine = `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${os.type()} ${os.release()} (${os.arch()})`;
/** The machine, Node and package versions, and when: the first lines of every section. */
function machineLines(packages, when = measuredAt) {
  const versions = packages.map((p) => `${p} ${readVersion(p)}`).join(', ');
  return [
    `- Machine: ${machine}`,
    `- Node ${process.version}; ${versions}`,
    `- Measured: ${when} (load average when this file was written: ${loadavg})`,
  ];
}

const businessSection = [
  START,
  '<!-- Generated by scripts/write-benchmarks.mjs from .tmp/bench.json (npm run bench); edits here are overwritten. -->',
  '',
  '## Business days: `addBusinessDays`',
  '',
  ...machineLines(['vitest', 'luxon', 'luxon-business-days', 'date-fns']),
  '',
  'Same start for every case: Friday 7 March 2025, 17:00 America/New_York (a luxon `DateTime`; the',
  'same instant as a JS `Date` for date-fns). Same holidays: the 11 US federal holidays a year,',
  '2025–2030, on their observed dates (66 dates) — `createCalendar({ holidays })` for ultimatum, one',
  '`holidayMatchers` Set lookup for luxon-business-days (set up once through `setupBusiness`).',
  'date-fns ignores holidays (weekends only), and a single luxon `DateTime.plus({ days: n })` is the',
  'floor for any function that returns a luxon `DateTime` in a zone. The last row, not a target,',
  'is that one `plus` to the date ultimatum actually returns (n business days span ~1.4 n calendar',
  'days), which is the `plus` ultimatum does internally. ultimatum and luxon-business-days are',
  'checked to agree at n = 10 and n = 1 000 before timing.',
  '',
  'luxon-business-days walks day by day (one `plus({ days: 1 })` and the holiday matchers per',
  'day), so at n = 100 000 it gets 1 warm-up and 3 measured calls only: its rme there is wide. At',
  'n = 100 000 the dates run past 2030, beyond the holiday list, for every library alike.',
  '',
  '`hz` is calls per second (1 ÷ mean); `rme` the relative margin of error of the mean. Means are',
  'pulled up by rare multi-millisecond pauses (GC, other processes on a shared 2-core machine), so',
  'the targets also show the same ratio on medians as a cross-check; the verdict is on hz.',
  '',
  ...COUNTS.flatMap((n) => [`### n = ${fmtCount(n)}`, '', table(n), '']),
  '### Targets',
  '',
  targetsTable(),
  '',
  END,
].join('\n');

// ---------------------------------------------------------------------------------------------
// The other benchmarks: one group each, a fixed number of calls per benchmark iteration.

/** The group whose full name matches `pattern`: { calls, byName: Map(name → result) }, or undefined. */
function findGroup(pattern) {
  for (const file of report?.files ?? []) {
    for (const group of file?.groups ?? []) {
      const match = pattern.exec(String(group?.fullName ?? ''));
      if (!match) continue;
      const byName = new Map();
      for (const b of group.benchmarks ?? []) if (Number.isFinite(b?.hz) && b.hz > 0) byName.set(b.name, b);
      return { calls: match[1] === undefined ? 1 : Number(match[1]), byName };
    }
  }
  return undefined;
}

/**
 * One row per case, per call: `calls` calls make one benchmark iteration, so calls/s = hz × calls
 * and the time of a call is the iteration's ÷ calls. `cases`: [{ name, label, key }]; `ours` the
 * key of the row the ratios are taken against.
 */
function perCallTable(group, cases, ours) {
  const get = (key) => group.byName.get(cases.find((c) => c.key === key)?.name);
  const o = get(ours);
  const lines = [
    '| Case | calls/s | mean / call | median / call | rme | iterations | ÷ ours | ours ÷ |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const c of cases) {
    const b = get(c.key);
    if (!b) {
      lines.push(`| ${c.label} | ${NOT_MEASURED} | | | | | | |`);
      continue;
    }
    const rme = Number.isFinite(b.rme) ? `±${fmtNumber(b.rme, 2)} %` : '';
    const rel = c.key === ours ? ['1×', '1×'] : [fmtRatio(hzRatio(b, o)), fmtRatio(hzRatio(o, b))];
    lines.push(
      `| ${c.label} | ${fmtHz(b.hz * group.calls)} | ${fmtTime(b.mean / group.calls)} | ${fmtTime(b.median / group.calls)} | ${rme} | ${fmtNumber(b.sampleCount ?? 0)} | ${rel[0]} | ${rel[1]} |`,
    );
  }
  return lines.join('\n');
}

/** Targets as { title, rule, value, median, pass, show } → a table; show formats a value. */
function targetTable(list) {
  const lines = ['| Target | Rule | Measured | Result | Cross-check on medians |', '| --- | --- | ---: | :---: | ---: |'];
  for (const t of list) {
    const show = t.show ?? fmtRatio;
    const v = verdict(t.value, t.pass);
    const m = t.median === undefined ? NOT_MEASURED : `${show(t.median)} (${verdict(t.median, t.pass)})`;
    lines.push(`| ${t.title} | ${t.rule} | ${t.value === undefined ? NOT_MEASURED : show(t.value)} | **${v}** | ${m} |`);
  }
  return lines.join('\n');
}

const GENERATED = (from) =>
  `<!-- Generated by scripts/write-benchmarks.mjs from ${from} (npm run bench); edits here are overwritten. -->`;
const MEAN_NOTE = [
  '`calls/s` is calls per second from the mean (hz × calls per iteration); `rme` the relative margin',
  'of error of the mean. Means are pulled up by rare multi-millisecond pauses (GC, other processes',
  'on a shared 2-core machine), so each target also shows the same figure on medians; the verdict',
  'is on the mean.',
];

/** Sections to write: { name, body (lines, without markers) }; `summary` lines for the console. */
const sections = [];
const summary = [];
function addTargets(list) {
  for (const t of list) summary.push(`${verdict(t.value, t.pass).padEnd(12)} ${t.title}: ${t.value === undefined ? NOT_MEASURED : (t.show ?? fmtRatio)(t.value)}`);
}

if (COUNTS.some((n) => results.get(n).size > 0)) {
  sections.push({ name: 'business-days', text: businessSection });
  addTargets(businessTargets);
}

// --- status ----------------------------------------------------------------------------------

const statusGroup = findGroup(/status: 5 events, (\d+) calls per iteration$/);
if (statusGroup) {
  const cases = [
    { key: 'ours', name: 'ultimatum status', label: '**ultimatum** `status(u, at)`, reading `phase` and the `…Ms` figures' },
    { key: 'naive', name: 'naive luxon status', label: 'naive: luxon re-parses the stored ISO strings on every call' },
    { key: 'parsed', name: 'ultimatum status, parsed document', label: 'ultimatum, `u = parseUltimatum(stored)` (not a target)' },
    { key: 'iso', name: 'ultimatum status, at as ISO string', label: 'ultimatum, `at` as an ISO string (not a target)' },
    { key: 'dt', name: 'ultimatum status + deadline DateTime', label: 'ultimatum, also reading `.deadline` (a luxon `DateTime`; not a target)' },
    { key: 'plain', name: 'ultimatum status, plain JSON document', label: 'ultimatum on the plain `JSON.parse`d document (compiled on every call; not a target)' },
  ];
  const b = (key) => statusGroup.byName.get(cases.find((c) => c.key === key).name);
  const callsPerSecond = (x) => (x ? x.hz * statusGroup.calls : undefined);
  const callsPerSecondMedian = (x) => (x && x.median > 0 ? (1_000 * statusGroup.calls) / x.median : undefined);
  const targets = [
    {
      title: 'status ≥ 5 000 000 calls/s',
      rule: 'calls/s(ours) ≥ 5 000 000',
      value: callsPerSecond(b('ours')),
      median: callsPerSecondMedian(b('ours')),
      pass: (v) => v >= 5_000_000,
      show: (v) => `${fmtHz(v)}/s`,
    },
    {
      title: 'status ≥ 20× the naive luxon one',
      rule: 'hz(ours) ÷ hz(naive) ≥ 20',
      value: hzRatio(b('ours'), b('naive')),
      median: medianRatio(b('ours'), b('naive')),
      pass: (r) => r >= 20,
    },
  ];
  addTargets(targets);
  sections.push({
    name: 'status',
    text: [
      GENERATED('.tmp/bench.json'),
      '',
      '## `status(u, at)`: 5 events',
      '',
      ...machineLines(['vitest', 'luxon']),
      '',
      'The founding case (`examples/russia-50-day.ts`: a note, two reschedules, a partial enforcement)',
      'with a fifth event, a note on 8 August. Every case asks about the same 16 instants in turn',
      '(pending, the 50 days, the window of 10 or 12 days, the 10 days, enforced, overdue), `at` as',
      `epoch milliseconds; one benchmark iteration is ${statusGroup.calls} calls. The naive baseline (in the bench) reads`,
      'the stored JSON document: `DateTime.fromISO(…, { zone })` for `issuedAt` and each event up to `at`,',
      '`DateTime#plus` for each deadline rule, then the phase and the same millisecond figures; both are',
      'checked to give the same answers at all 16 instants before timing.',
      '',
      ...MEAN_NOTE,
      '',
      perCallTable(statusGroup, cases, 'ours'),
      '',
      '### Targets',
      '',
      targetTable(targets),
    ],
  });
}

// --- countdown -------------------------------------------------------------------------------

const countdownGroup = findGroup(/countdown: (\d+) durations per iteration$/);
if (countdownGroup) {
  const cases = [
    { key: 'ours', name: 'ultimatum countdown + formatCountdown', label: "**ultimatum** `formatCountdown(countdown(u, at), { locale: 'en' })`" },
    { key: 'humanize', name: 'humanize-duration', label: "humanize-duration `humanizer({ units: ['d','h','m','s'] })(ms)`" },
    { key: 'pretty', name: 'pretty-ms verbose', label: 'pretty-ms `prettyMs(ms, { verbose: true })`' },
    { key: 'format', name: 'ultimatum formatCountdown alone', label: 'ultimatum `formatCountdown(c)` of a ready countdown (not a target)' },
    { key: 'countdown', name: 'ultimatum countdown alone', label: 'ultimatum `countdown(u, at)` alone (not a target)' },
    { key: 'digital', name: 'ultimatum countdown + formatCountdown digital', label: "ultimatum, `style: 'digital'` (not a target)" },
  ];
  const b = (key) => countdownGroup.byName.get(cases.find((c) => c.key === key).name);
  const targets = ['humanize', 'pretty'].map((peer) => ({
    title: `countdown + formatCountdown ≥ 1× ${peer === 'humanize' ? 'humanize-duration' : 'pretty-ms'}`,
    rule: `hz(ours) ÷ hz(${peer === 'humanize' ? 'humanize-duration' : 'pretty-ms'}) ≥ 1`,
    value: hzRatio(b('ours'), b(peer)),
    median: medianRatio(b('ours'), b(peer)),
    pass: (r) => r >= 1,
  }));
  addTargets(targets);
  sections.push({
    name: 'countdown',
    text: [
      GENERATED('.tmp/bench.json'),
      '',
      '## `countdown` + `formatCountdown` against humanize-duration and pretty-ms',
      '',
      ...machineLines(['vitest', 'luxon', 'humanize-duration', 'pretty-ms']),
      '',
      `The same ${countdownGroup.calls} durations for every case: the founding case's countdown at ${countdownGroup.calls} instants 15 h 47 min 13 s`,
      'apart after its issue, in whole seconds: 38 to the deadline in force (49 days 8 h … down to',
      'hours), then 26 overdue (up to 17 days 2 h).',
      'ultimatum computes each from the ultimatum and the instant; the peers get its milliseconds. Each',
      'is set up to write the same words ("43 days, 10 hours, 52 minutes, 49 seconds"; pretty-ms',
      'without the commas), checked before timing. One benchmark iteration formats all of them.',
      '',
      ...MEAN_NOTE,
      '',
      perCallTable(countdownGroup, cases, 'ours'),
      '',
      '### Targets',
      '',
      targetTable(targets),
    ],
  });
}

// --- business hours --------------------------------------------------------------------------

const hoursGroup = findGroup(/business hours: \+4 000 h$/);
const flatGroup = findGroup(/business hours: flat in n$/);
if (hoursGroup || flatGroup) {
  const cases = [
    { key: 'ours', name: 'ultimatum addBusinessTime', label: '**ultimatum** `addBusinessTime(d, { hours: 4000 }, cal)`' },
    { key: 'dayjs', name: 'dayjs-business-time addBusinessHours', label: 'dayjs-business-time `addBusinessHours(4000)`' },
    { key: 'moment', name: 'moment-business-time addWorkingTime', label: "moment-business-time `addWorkingTime(4000, 'hours')`" },
  ];
  const flatCases = [
    { key: 'small', name: 'ultimatum +4 h', label: 'ultimatum +4 h (Europe/London)' },
    { key: 'large', name: 'ultimatum +40 000 h', label: 'ultimatum +40 000 h (Europe/London)' },
  ];
  const b = (key) => hoursGroup?.byName.get(cases.find((c) => c.key === key).name);
  const f = (key) => flatGroup?.byName.get(flatCases.find((c) => c.key === key).name);
  const targets = [
    ...['dayjs', 'moment'].map((peer) => ({
      title: `addBusinessTime +4 000 h ≥ 100× ${peer === 'dayjs' ? 'dayjs-business-time' : 'moment-business-time'}`,
      rule: `hz(ours) ÷ hz(${peer}) ≥ 100`,
      value: b('ours') && b(peer) ? hzRatio(b('ours'), b(peer)) : undefined,
      median: b('ours') && b(peer) ? medianRatio(b('ours'), b(peer)) : undefined,
      pass: (r) => r >= 100,
    })),
    {
      title: 'addBusinessTime flat in n: +40 000 h within 2× of +4 h',
      rule: 'hz(+4 h) ÷ hz(+40 000 h) ≤ 2',
      value: f('small') && f('large') ? hzRatio(f('small'), f('large')) : undefined,
      median: f('small') && f('large') ? medianRatio(f('small'), f('large')) : undefined,
      pass: (r) => r <= 2,
    },
  ];
  addTargets(targets);
  sections.push({
    name: 'business-hours',
    text: [
      GENERATED('.tmp/bench.json'),
      '',
      '## `addBusinessTime` against dayjs-business-time and moment-business-time',
      '',
      ...machineLines(['vitest', 'luxon', 'dayjs', 'dayjs-business-time', 'moment', 'moment-business-time']),
      '',
      '+4 000 business hours on Mon–Fri 09:00–17:00 from Fri 7 Mar 2025 16:00, all three in UTC (the',
      'peers read the process zone, set to UTC in the bench), checked to agree before timing. The peers',
      'walk the hours; ultimatum counts whole weeks by arithmetic and holidays, overrides and offset',
      'changes by binary search. Then ultimatum alone at +4 h and +40 000 h in Europe/London.',
      '',
      ...MEAN_NOTE,
      '',
      hoursGroup ? perCallTable(hoursGroup, cases, 'ours') : NOT_MEASURED,
      '',
      flatGroup ? perCallTable(flatGroup, flatCases, 'small') : NOT_MEASURED,
      '',
      '### Targets',
      '',
      targetTable(targets),
    ],
  });
}

// --- tracker ---------------------------------------------------------------------------------

const trackerGroup = findGroup(/tracker: 100 000 ultimatums$/);
const setupPath = resolve(root, '.tmp/bench-tracker-setup.json');
if (trackerGroup) {
  const setup = existsSync(setupPath) ? JSON.parse(readFileSync(setupPath, 'utf8')) : undefined;
  const cases = [
    { key: 'upcoming', name: 'upcoming within 1 day', label: '`upcoming({ within: { days: 1 }, at })`' },
    { key: 'next', name: 'nextChange', label: '`nextChange(at)`' },
    { key: 'week', name: 'upcoming within 7 days', label: '`upcoming({ within: { days: 7 }, at })` (not a target)' },
    { key: 'past', name: 'upcoming within 1 day, as of 30 days earlier', label: '`upcoming` within 1 day, `at` 30 days earlier (not a target)' },
    { key: 'overdue', name: 'overdue', label: '`overdue(at)` (not a target)' },
    { key: 'replace', name: 'replace + upcoming', label: '`replace(amended)` + `upcoming` within 1 hour (target ≤ 1 ms: see the engine section)' },
    { key: 'addRemove', name: 'add + remove, then nextChange', label: '`add` + `remove`, then `nextChange` (not a target)' },
  ];
  const b = (key) => trackerGroup.byName.get(cases.find((c) => c.key === key).name);
  const lines = ['| Case | mean | median | min | max | calls/s | rme | samples |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const c of cases) {
    const x = b(c.key);
    if (!x) lines.push(`| ${c.label} | ${NOT_MEASURED} | | | | | | |`);
    else
      lines.push(
        `| ${c.label} | ${fmtTime(x.mean)} | ${fmtTime(x.median)} | ${fmtTime(x.min)} | ${fmtTime(x.max)} | ${fmtHz(x.hz)} | ±${fmtNumber(x.rme, 2)} % | ${fmtNumber(x.sampleCount ?? 0)} |`,
      );
  }
  const targets = [
    ['upcoming', '`upcoming({ within, at })` at most 5 ms', 5],
    ['next', '`nextChange(at)` under 10 ms', 10],
  ].map(([key, title, limit]) => ({
    title,
    rule: `mean time per call <= ${limit} ms`,
    value: b(key)?.mean,
    median: b(key)?.median,
    pass: (ms) => ms <= limit,
    show: fmtTime,
  }));
  addTargets(targets);
  const one = setup
    ? [
        '| One-off cost (timed once, at module load) | Time |',
        '| --- | ---: |',
        `| ${fmtCount(setup.count)} × \`createUltimatum\` (validation, compilation; ${fmtCount(setup.events)} events in all) | ${fmtTime(setup.createUltimatumsMs)} |`,
        `| \`createTracker(list)\` (indexes built) | ${fmtTime(setup.createTrackerMs)} |`,
        `| first \`nextChange\` after it | ${fmtTime(setup.firstNextChangeMs)} |`,
        `| first \`upcoming\` after that | ${fmtTime(setup.firstUpcomingMs)} |`,
        '',
        `Phases at NOW (${setup.now}): ${Object.entries(setup.phasesAtNow)
          .map(([phase, n]) => `${phase} ${fmtCount(n)}`)
          .join(', ')}. \`upcoming\` within 1 day returns ${fmtCount(setup.upcomingWithinDay.min)}–${fmtCount(setup.upcomingWithinDay.max)} ultimatums.`,
      ]
    : [`(No ${setupPath}: the one-off costs were not recorded.)`];
  sections.push({
    name: 'tracker',
    text: [
      GENERATED('.tmp/bench.json and .tmp/bench-tracker-setup.json'),
      '',
      '## Tracker: 100 000 ultimatums',
      '',
      ...machineLines(['vitest', 'luxon', 'zod']),
      '',
      'A reproducible board (seeded) of 100 000 ultimatums in five zones (UTC, New York, London,',
      'Berlin, Tokyo), issued over the 60 days before NOW = 1 Sep 2025 12:00 UTC: 70 % `{ hours: 1–720 }`,',
      '20 % `{ days: 1–90 }`, 10 % windows; 15 % extended, 6 % paused and resumed, 2 % still paused,',
      '4 % enforced, 5 % complied, 2 % withdrawn, every event before NOW. Queries ask at NOW and the',
      'next 15 steps of 37 min 11 s, so every history is settled (the steady state of a live board).',
      '`upcoming` is checked against a brute-force `statusAll` filter before timing. Times per call.',
      '',
      lines.join('\n'),
      '',
      ...one,
      '',
      '### Targets',
      '',
      targetTable(targets),
    ],
  });
}

// --- cold start ------------------------------------------------------------------------------

// --- engine: one ultimatum, and the tracker at 100 000 and 1 000 000 ------------------------

const engineGroup = findGroup(/engine: one ultimatum$/);
const scalePath = resolve(root, '.tmp/bench-scale.json');
const scale = existsSync(scalePath) ? JSON.parse(readFileSync(scalePath, 'utf8')) : undefined;
if (engineGroup || scale) {
  const e = (name) => engineGroup?.byName.get(name);
  const create = e('createUltimatum');
  const naive = e('naive zod parse + luxon fromISO(zone).plus');
  const rows = [
    ['createUltimatum (50 days from 14 Jul 2025 12:00 New York, one consequence)', create],
    ['naive: zod parse of the same shape + luxon `fromISO(…, { zone }).plus({ days: 50 })` (baseline)', naive],
    ['parseUltimatum of the stored document', e('parseUltimatum (stored document)')],
    ['`milestones(u)`', e('milestones(u)')],
  ];
  const one = ['| Case | mean | median | calls/s | rme |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const [label, x] of rows) {
    one.push(x ? `| ${label} | ${fmtTime(x.mean)} | ${fmtTime(x.median)} | ${fmtHz(x.hz)} | ±${fmtNumber(x.rme, 2)} % |` : `| ${label} | ${NOT_MEASURED} | | | |`);
  }
  const at = (count) => scale?.results?.find((r) => r.count === count);
  const big = ['| Count | `parseTracker` | heap kept | bytes / ultimatum | first `nextChange` | first `upcoming` | steady `upcoming` (median) | `replace` + `upcoming` (median) |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of scale?.results ?? []) {
    big.push(
      `| ${fmtCount(r.count)} | ${fmtTime(r.parseTrackerMs)} | ${fmtNumber((r.heapBytes + r.arrayBufferBytes) / 1e6, 0)} MB | ${fmtNumber(r.bytesPerUltimatum, 0)} | ${fmtTime(r.firstNextChangeMs)} | ${fmtTime(r.firstUpcomingMs)} | ${fmtTime(r.steadyUpcomingMedianMs)} | ${fmtTime(r.replaceUpcomingMedianMs)} |`,
    );
  }
  const targets = [
    { title: '`createUltimatum` ≤ 10 µs', rule: 'mean time per call ≤ 10 µs', value: create?.mean, median: create?.median, pass: (ms) => ms <= 0.01, show: fmtTime },
    {
      title: '`createUltimatum` ≥ 7× the naive zod + luxon baseline',
      rule: 'calls/s(ours) ÷ calls/s(naive) ≥ 7',
      value: hzRatio(create, naive),
      median: medianRatio(create, naive),
      pass: (x) => x >= 7,
    },
    { title: '`milestones(u)` ≤ 5 µs', rule: 'mean time per call ≤ 5 µs', value: e('milestones(u)')?.mean, median: e('milestones(u)')?.median, pass: (ms) => ms <= 0.005, show: fmtTime },
    { title: '`parseTracker` of 100 000 ≤ 1.5 s', rule: 'one run', value: at(100_000)?.parseTrackerMs, pass: (ms) => ms <= 1500, show: fmtTime },
    { title: '`parseTracker` of 1 000 000 ≤ 15 s', rule: 'one run', value: at(1_000_000)?.parseTrackerMs, pass: (ms) => ms <= 15_000, show: fmtTime },
    {
      title: '1 000 000 tracked ≤ 1.5 GB of heap',
      rule: 'heap + array buffers kept, after a full GC',
      value: at(1_000_000) && (at(1_000_000).heapBytes + at(1_000_000).arrayBufferBytes) / 1e9,
      pass: (gb) => gb <= 1.5,
      show: (gb) => `${fmtNumber(gb, 2)} GB`,
    },
    { title: 'first `nextChange` after building 100 000 ≤ 300 ms', rule: 'one run', value: at(100_000)?.firstNextChangeMs, pass: (ms) => ms <= 300, show: fmtTime },
    { title: 'first `upcoming` after building 100 000 ≤ 300 ms', rule: 'one run', value: at(100_000)?.firstUpcomingMs, pass: (ms) => ms <= 300, show: fmtTime },
    { title: 'steady `upcoming` at 100 000 ≤ 5 ms', rule: 'median of 50', value: at(100_000)?.steadyUpcomingMedianMs, pass: (ms) => ms <= 5, show: fmtTime },
    ...[100_000, 1_000_000].map((n) => ({
      title: `\`replace\` + \`upcoming\` at ${fmtCount(n)} ≤ 1 ms`,
      rule: 'median of 350',
      value: at(n)?.replaceUpcomingMedianMs,
      pass: (ms) => ms <= 1,
      show: fmtTime,
    })),
  ];
  addTargets(targets);
  sections.push({
    name: 'engine',
    text: [
      GENERATED('.tmp/bench.json (bench/engine.bench.ts) and .tmp/bench-scale.json (bench/scale.ts)'),
      '',
      '## Engine: one ultimatum, and trackers of 100 000 and 1 000 000',
      '',
      ...machineLines(['vitest', 'luxon', 'zod']),
      '',
      one.join('\n'),
      '',
      `The tracker at scale (measured ${scale?.measuredAt ?? 'not yet'}): stored documents of the benchmark board`,
      '(bench/board.ts: five zones, 20 % with an event), each count in a fresh Node process against the',
      'built package. `parseTracker` reads and checks every document and builds the indexes; the heap',
      'kept is measured after a full GC, with the parsed JSON dropped. `replace` puts an amended ultimatum',
      '(extended by 1–48 hours) in place of its old version, then asks `upcoming` within 1 hour.',
      '',
      big.join('\n'),
      '',
      '### Targets',
      '',
      targetTable(targets),
    ],
  });
}

const coldPath = resolve(root, '.tmp/cold-start.json');
if (existsSync(coldPath)) {
  const cold = JSON.parse(readFileSync(coldPath, 'utf8'));
  const lines = [
    '| Case | import, median | import, quartiles | process, median | process, quartiles |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...cold.cases.map(
      (c) =>
        `| ${c.label.replaceAll('|', '\\|')} | ${c.key === 'empty' ? '–' : fmtTime(c.importMedianMs)} | ${c.key === 'empty' ? '–' : c.importQuartilesMs.map(fmtTime).join(' – ')} | ${fmtTime(c.processMedianMs)} | ${c.processQuartilesMs.map(fmtTime).join(' – ')} |`,
    ),
  ];
  const targets = [
    {
      title: `cold start ≤ ${cold.target}× luxon + zod`,
      rule: `median import(ours) ÷ median import(luxon + zod) ≤ ${cold.target}`,
      value: cold.importRatio,
      // The cross-check here: the same ratio on whole processes, spawn to exit.
      median: cold.processRatio,
      pass: (r) => r <= cold.target,
    },
  ];
  addTargets(targets);
  sections.push({
    name: 'cold-start',
    text: [
      GENERATED('.tmp/cold-start.json (node scripts/cold-start.mjs)'),
      '',
      '## Cold start: importing the package in a fresh Node process',
      '',
      ...machineLines(['luxon', 'zod'], cold.measuredAt).map((l) =>
        l.startsWith('- Node') ? `- Node ${cold.node}; ${['luxon', 'zod'].map((p) => `${p} ${readVersion(p)}`).join(', ')}` : l,
      ),
      `- Load average while measuring: ${cold.loadavg.map((l) => l.toFixed(2)).join(', ')}`,
      '',
      `${cold.runs} fresh \`node -e\` processes per case, after ${cold.warmup} discarded warm-up runs each, the cases`,
      'alternating so that machine load and disk cache hit them alike. *import* is `performance.now()`',
      'around the `import()` inside the process (what the import itself costs: the verdict); *process*',
      'is spawn to exit, measured outside (adds Node start-up, the same for every case). The package',
      'is the built ESM entry, `dist/index.js` (run `npm run build` first).',
      '',
      lines.join('\n'),
      '',
      '### Targets',
      '',
      targetTable(targets).replace('Cross-check on medians', 'Cross-check: whole processes'),
    ],
  });
}

// --- bundle size -----------------------------------------------------------------------------

/** `size-limit --json` against dist/ (exits 1 when over a limit: the JSON is still there). */
function sizeLimit() {
  const bin = resolve(root, 'node_modules/size-limit/bin.js');
  if (!existsSync(bin) || !existsSync(resolve(root, 'dist/index.js'))) return undefined;
  const r = spawnSync(process.execPath, [bin, '--json'], { cwd: root, encoding: 'utf8' });
  try {
    return JSON.parse(r.stdout);
  } catch {
    console.error(`write-benchmarks: size-limit gave no JSON: ${r.stderr || r.stdout}`);
    return undefined;
  }
}

/** The biggest modules of a minified esbuild bundle of `contents` (luxon, zod external). */
async function breakdown(contents, top = 10) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return undefined;
  }
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: 'size-entry.js' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    external: ['luxon', 'zod'],
    outfile: 'out.js',
    logLevel: 'silent',
  });
  const { gzipSync } = await import('node:zlib');
  const output = Object.values(result.metafile.outputs)[0];
  const modules = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .filter((m) => m.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { total: output.bytes, gzip: gzipSync(result.outputFiles[0].contents, { level: 9 }).length, modules: modules.slice(0, top), count: modules.length };
}

/**
 * Targets whose size-limit row is a guard above the target (the target is missed): reported
 * separately, so that the summary never reads a guard as the target met. Bytes (size-limit's kB
 * are 1 000 B).
 */
const SIZE_TARGETS = [
  { row: 'import { createUltimatum, status }, every dependency bundled', title: '{ createUltimatum, status } ≤ 45 kB, every dependency bundled', bytes: 45_000 },
  { row: 'whole entry (import *), every dependency bundled', title: 'whole entry ≤ 60 kB, every dependency bundled', bytes: 60_000 },
];
const sizes = sizeLimit();
if (sizes) {
  const limits = JSON.parse(readFileSync(resolve(root, '.size-limit.json'), 'utf8'));
  const fmtBytes = (n) => `${fmtNumber(n / 1_000, 2)} kB`;
  const lines = ['| Check (size-limit, esbuild, min + gzip) | Size | Limit | Result |', '| --- | ---: | ---: | :---: |'];
  for (const s of sizes) {
    lines.push(`| ${s.name} | ${fmtBytes(s.size)} | ${fmtBytes(s.sizeLimit)} | **${s.passed ? 'PASS' : 'FAIL'}** |`);
    summary.push(`${(s.passed ? 'PASS' : 'FAIL').padEnd(12)} size: ${s.name}: ${fmtBytes(s.size)} (limit ${fmtBytes(s.sizeLimit)})`);
  }
  for (const target of SIZE_TARGETS) {
    const row = sizes.find((s) => s.name.startsWith(target.row));
    if (!row) continue;
    const verdict = row.size <= target.bytes ? 'PASS' : 'FAIL';
    lines.push(`| target: ${target.title} | ${fmtBytes(row.size)} | ${fmtBytes(target.bytes)} | **${verdict}** |`);
    summary.push(`${verdict.padEnd(12)} size target: ${target.title}: ${fmtBytes(row.size)}`);
  }
  const describeBreakdown = (title, b) =>
    b
      ? [
          `${title}: ${fmtNumber(b.total)} B minified, ${fmtNumber(b.gzip)} B gzip -9, ${b.count} modules; the biggest:`,
          '',
          '| Module | Minified bytes |',
          '| --- | ---: |',
          ...b.modules.map((m) => `| \`${m.path.replace(/^\.\.\/+/, '')}\` | ${fmtNumber(m.bytes)} |`),
        ]
      : [];
  const distFc = await breakdown("import { formatCountdown } from './dist/index.js'; console.log(formatCountdown);", 8);
  const srcAll = await breakdown("import * as all from './src/index.ts'; console.log(all);", 12);
  const srcCs = await breakdown("import { createUltimatum, status } from './src/index.ts'; console.log(createUltimatum, status);", 12);
  sections.push({
    name: 'bundle-size',
    text: [
      GENERATED('`size-limit --json` (.size-limit.json) and esbuild metafiles'),
      '',
      '## Bundle size',
      '',
      `- Measured: ${new Date().toISOString()} on the dist/ built at ${statSync(resolve(root, 'dist/index.js')).mtime.toISOString()}`,
      `- size-limit ${readVersion('size-limit')} with @size-limit/esbuild ${readVersion('@size-limit/esbuild')}, esbuild ${readVersion('esbuild')}`,
      '',
      'size-limit bundles each check with esbuild for the browser (minified, tree-shaken), gzips it at',
      'level 9 and subtracts the empty-project overhead. The rows that count are what a page pays, with',
      'every dependency (luxon, zod) bundled; the rows with luxon and zod external (`ignore`) are',
      `secondary: the library's own code. ${limits.length} rows; \`npm test\` runs the same checks (\`npm run size\` after the`,
      "build), and `scripts/size-element.mjs` measures `<ultimatum-countdown>`'s first load the same way.",
      '',
      lines.join('\n'),
      '',
      '### Where the bytes are',
      '',
      'The same esbuild settings on `dist/index.js` can only tell the files of dist apart; bundling',
      'the TypeScript sources shows each module (what a build that kept the modules apart would give).',
      '',
      ...describeBreakdown('`import { formatCountdown }` from dist/index.js', distFc),
      '',
      ...describeBreakdown('`import *` from src/index.ts', srcAll),
      '',
      ...describeBreakdown('`import { createUltimatum, status }` from src/index.ts', srcCs),
    ],
  });
}

// --- summary: every target of this run, at the top ---------------------------------------------

if (summary.length > 0) {
  sections.unshift({
    name: 'summary',
    top: true,
    text: [
      GENERATED('the reports of the sections below'),
      '',
      '## Targets at a glance',
      '',
      `As of the last \`npm run bench\` (${new Date().toISOString()}); details and notes in each section below.`,
      '',
      '| Result | Target: measured |',
      '| :---: | --- |',
      ...summary.map((line) => `| **${line.slice(0, 12).trim()}** | ${line.slice(12).trim().replaceAll('|', '\\|')} |`),
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Write, keeping everything outside the markers.

const HEADER = '# Benchmarks\n\nRun `npm run bench` to measure again and regenerate the generated sections.\n';
let doc = existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : `${HEADER}\n${MORE}\n`;
for (const { name, text, top } of sections) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = Array.isArray(text) ? [start, ...text, '', end].join('\n') : text;
  const s = doc.indexOf(start);
  const e = doc.indexOf(end, s);
  if (s !== -1 && e !== -1) doc = doc.slice(0, s) + block + doc.slice(e + end.length);
  else if (top) {
    // After the title and its first paragraph.
    const i = doc.indexOf('\n\n', doc.indexOf('\n\n') + 2);
    doc = i === -1 ? `${doc}\n\n${block}\n` : `${doc.slice(0, i)}\n\n${block}${doc.slice(i)}`;
  } else if (doc.includes(MORE)) {
    const i = doc.indexOf(MORE);
    doc = `${doc.slice(0, i)}${block}\n\n${doc.slice(i)}`;
  } else doc = `${doc.replace(/\s*$/, '')}\n\n${block}\n`;
}
writeFileSync(outputPath, doc);

console.log(`write-benchmarks: wrote ${outputPath} (${sections.map((s) => s.name).join(', ') || 'nothing measured'})`);
for (const line of summary) console.log(`  ${line}`);
