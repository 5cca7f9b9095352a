/**
 * The engine at scale: `parseTracker` of 100 000 and of 1 000 000 stored ultimatums (five zones,
 * 20 % with an event), the heap they take, the first questions after it, the steady `upcoming`,
 * and `replace` + `upcoming` (an ultimatum amended, then the board asked again). Each count runs in
 * a fresh Node process (`--expose-gc`, so heap figures are after a full collection) against the
 * built package: `ultimatum` resolves to dist/ through bench/tsconfig.dist.json (the project's
 * tsconfig maps it to src/, which tsx would compile on the fly, with helpers of its own in every
 * function). Writes .tmp/bench-scale.json, read by scripts/write-benchmarks.mjs.
 *
 * Usage: tsx bench/scale.ts [counts=100000,1000000]   (run by `npm run bench`, after the build)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { extend, parseTracker, type Tracker, type TrackerDocument, type Ultimatum } from 'ultimatum';
import { board, NOW } from './board.js';

const EVENT_SHARE = 0.2;

function gcHeap(): { heapUsed: number; arrayBuffers: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] as number;
}

function measure(count: number): Record<string, unknown> {
  // The stored documents, as a database gives them back: JSON text, parsed.
  const made = board(count, 20250901, EVENT_SHARE);
  const events = made.reduce((n, u) => n + u.events.length, 0);
  const withEvents = made.filter((u) => u.events.length > 0).length;
  // Amended versions of a few ultimatums, for replace (made now, so their cost is not timed).
  const amended: Ultimatum[] = [];
  for (let i = 0; i < 200; i++) {
    const u = made[(i * 7919) % count] as Ultimatum;
    if (u.events.length === 0) amended.push(extend(u, { at: u.issuedAt, by: { hours: 1 + (i % 48) } }));
  }
  const text = JSON.stringify({ schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: made } satisfies TrackerDocument);
  made.length = 0;
  // Heap before the documents are parsed from the text, and after, once they are dropped: what the
  // tracker itself keeps (strings it shares with the documents included).
  const before = gcHeap();
  let doc: unknown = JSON.parse(text);
  const t0 = performance.now();
  const tracker: Tracker = parseTracker(doc);
  const parseMs = performance.now() - t0;
  doc = undefined;
  const t1 = performance.now();
  const firstNext = tracker.nextChange(NOW);
  const t2 = performance.now();
  tracker.upcoming({ within: { days: 1 }, at: NOW });
  const t3 = performance.now();
  if (firstNext === null) throw new Error('expected a next change after NOW');
  const after = gcHeap();

  const steady: number[] = [];
  for (let k = 0; k < 60; k++) {
    const s = performance.now();
    tracker.upcoming({ within: { days: 1 }, at: NOW + k * 97_000 });
    steady.push(performance.now() - s);
  }
  const replaced: number[] = [];
  for (let k = 0; k < 400; k++) {
    const u = amended[k % amended.length] as Ultimatum;
    const s = performance.now();
    tracker.replace(u);
    tracker.upcoming({ within: { hours: 1 }, at: NOW + (k % 50) * 60_000 });
    replaced.push(performance.now() - s);
  }
  const heapBytes = after.heapUsed - before.heapUsed;
  const bufferBytes = after.arrayBuffers - before.arrayBuffers;
  return {
    count,
    events,
    withEventsShare: withEvents / count,
    parseTrackerMs: parseMs,
    firstNextChangeMs: t2 - t1,
    firstUpcomingMs: t3 - t2,
    steadyUpcomingMedianMs: median(steady.slice(10)),
    replaceUpcomingMedianMs: median(replaced.slice(50)),
    heapBytes,
    arrayBufferBytes: bufferBytes,
    bytesPerUltimatum: (heapBytes + bufferBytes) / count,
    withinOneDay: tracker.upcoming({ within: { days: 1 }, at: NOW }).length,
  };
}

const [, , mode, arg] = process.argv;
if (mode === 'measure') {
  if (!import.meta.resolve('ultimatum').includes('/dist/')) throw new Error('bench/scale.ts measures dist/: run it through `tsx bench/scale.ts`');
  process.stdout.write(`${JSON.stringify(measure(Number(arg)))}\n`);
} else {
  const counts = (mode ?? '100000,1000000').split(',').map(Number);
  const results = counts.map((count) => {
    const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', 'bench/scale.ts', 'measure', String(count)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
      env: { ...process.env, TSX_TSCONFIG_PATH: 'bench/tsconfig.dist.json' },
    });
    if (run.status !== 0) throw new Error(`scale ${count}: ${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    console.log(result);
    return result;
  });
  mkdirSync('.tmp', { recursive: true });
  writeFileSync('.tmp/bench-scale.json', `${JSON.stringify({ measuredAt: new Date().toISOString(), results }, null, 2)}\n`);
}
