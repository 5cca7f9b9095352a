/**
 * What <ultimatum-countdown> shows, without a browser: a bare deadline, and stored documents
 * loaded over real HTTP (a local server serving examples/data). Expected instants are worked out
 * by hand from the documents' histories.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineSource, documentSource } from '../src/adapters/countdownSource.js';
import { fullIssuesOf } from './helpers.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const data = (name: string) => readFileSync(new URL(`../examples/data/${name}`, import.meta.url));

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/russia.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(data('russia-50-day.json'));
    if (req.url === '/tracker.json') return res.writeHead(200).end(data('tracker.json'));
    if (req.url === '/broken.json') return res.writeHead(200).end('{ "schemaVersion": 1,');
    if (req.url === '/null.json') return res.writeHead(200).end('null');
    if (req.url === '/reversed.json') {
      const tracker = JSON.parse(String(data('tracker.json')));
      return res.writeHead(200).end(JSON.stringify({ ...tracker, ultimatums: [...tracker.ultimatums].reverse() }));
    }
    if (req.url === '/empty.json') return res.writeHead(200).end(JSON.stringify({ schemaVersion: 1, kind: 'ultimatum-tracker', ultimatums: [] }));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return fullIssuesOf(() => {
      throw e;
    }).map((i) => [i.code, i.path, i.reason, i.params]);
  }
  throw new Error('not refused');
}

describe('deadlineSource', () => {
  const deadline = Date.parse('2025-09-02T12:00:00-04:00');

  it('counts down to the instant, active before it and expired from it on', () => {
    const s = deadlineSource('2025-09-02T12:00-04:00');
    expect(s.countdownAt(deadline - DAY - HOUR)).toMatchObject({ totalMs: DAY + HOUR, past: false, days: 1, hours: 1 });
    expect(s.phaseAt(deadline - 1)).toBe('active');
    expect(s.phaseAt(deadline)).toBe('expired');
    expect(s.countdownAt(deadline + 5_000)).toMatchObject({ totalMs: 5_000, past: true });
    expect(s.nextChangeAfter(deadline - DAY)).toBe(deadline);
    expect(s.nextChangeAfter(deadline)).toBe(Number.POSITIVE_INFINITY);
  });

  it('has the milestones 7 days, 1 day and 1 hour before it', () => {
    expect(deadlineSource('2025-09-02T12:00-04:00').milestones).toEqual([
      { kind: 'left', label: '7 days left', atMs: deadline - 7 * DAY },
      { kind: 'left', label: '1 day left', atMs: deadline - DAY },
      { kind: 'left', label: '1 hour left', atMs: deadline - HOUR },
    ]);
  });

  it('reads a date alone as the end of that day in UTC, and refuses what it does not read', () => {
    expect(deadlineSource('2025-09-02').nextChangeAfter(0)).toBe(Date.UTC(2025, 8, 3));
    expect(fullIssuesOf(() => deadlineSource('next Friday')).map((i) => [i.code, i.path, i.reason])).toEqual([
      ['INVALID_DATE', ['deadline'], 'not_a_simple_instant'],
    ]);
  });
});

describe('documentSource', () => {
  it('shows a stored ultimatum by its deadline in force', async () => {
    // Rescheduled on 29 July to 10 days: 8 August 2025, noon in New York (16:00Z).
    const now = Date.parse('2025-08-01T16:00:00Z');
    const s = await documentSource(`${base}/russia.json`, { now });
    expect(s.countdownAt(now)).toMatchObject({ totalMs: 7 * DAY, past: false, days: 7 });
    // The partial enforcement of 6 August makes it enforced from then on.
    expect(s.phaseAt(now)).toBe('active');
    expect(s.phaseAt(Date.parse('2025-08-07T16:00:00Z'))).toBe('enforced');
    // 75 % of the 25 days from 14 July 16:00Z to 8 August 16:00Z: 18 days 18 hours, 2 August 10:00Z.
    expect(s.nextChangeAfter(now)).toBe(Date.parse('2025-08-02T10:00:00Z'));
    expect(s.nextChangeAfter(Date.parse('2026-01-01T00:00:00Z'))).toBe(Number.POSITIVE_INFINITY);
    expect(s.milestones.map((m) => [m.label, m.atMs]).filter(([label]) => String(label).endsWith('left'))).toEqual([
      ['7 days left', Date.parse('2025-08-01T16:00:00Z')],
      ['1 day left', Date.parse('2025-08-07T16:00:00Z')],
      ['1 hour left', Date.parse('2025-08-08T15:00:00Z')],
    ]);
  });

  it('in a tracker, shows the one named, else the next deadline to come', async () => {
    const url = `${base}/tracker.json`;
    // On 1 August the founding case's 8 August deadline comes first.
    const august = Date.parse('2025-08-01T16:00:00Z');
    expect((await documentSource(url, { now: august })).countdownAt(august).totalMs).toBe(7 * DAY);
    // On 12 December only the answer is still to come: 14 days from 11 December is the 25th, a
    // holiday, so the end of Friday 26 December in New York (27 Dec 00:00-05:00).
    const december = Date.parse('2025-12-12T00:00:00-05:00');
    expect((await documentSource(url, { now: december })).countdownAt(december)).toMatchObject({ totalMs: 15 * DAY, past: false });
    const named = await documentSource(url, { now: december, id: 'russia-50-day-2025' });
    expect(named.countdownAt(december).past).toBe(true);
  });

  it('in a tracker, picks the soonest deadline whatever the order, and the last one passed when none is to come', async () => {
    const url = `${base}/reversed.json`;
    const august = Date.parse('2025-08-01T16:00:00Z');
    expect((await documentSource(url, { now: august })).countdownAt(august).totalMs).toBe(7 * DAY);
    // At the founding case's deadline itself it has passed (a deadline is the first overdue instant):
    // the answer comes next. Not issued yet, its countdown is its whole term: 11 to 27 December, 16 days.
    const eighth = Date.parse('2025-08-08T16:00:00Z');
    const answerDue = Date.parse('2025-12-27T00:00:00-05:00');
    expect((await documentSource(url, { now: eighth })).countdownAt(eighth)).toMatchObject({ totalMs: 16 * DAY, past: false });
    // In 2026 every deadline has passed (Brexit's ended, so it has none): the one that passed last, the answer's.
    const later = Date.parse('2026-01-10T00:00:00-05:00');
    for (const tracker of [url, `${base}/tracker.json`]) {
      expect((await documentSource(tracker, { now: later })).countdownAt(later)).toMatchObject({ totalMs: later - answerDue, past: true });
    }
  });

  it('refuses with a reason: no such id, not found, not JSON, no server', async () => {
    expect(await refusal(documentSource(`${base}/tracker.json`, { now: 0, id: 'nope' }))).toEqual([
      ['INVALID_INPUT', ['ultimatum-id'], 'unknown_tracked_id', { id: 'nope' }],
    ]);
    expect(await refusal(documentSource(`${base}/missing.json`, { now: 0 }))).toEqual([
      ['INVALID_INPUT', ['src'], 'fetch_failed', { url: `${base}/missing.json`, status: 404 }],
    ]);
    const [notJson] = await refusal(documentSource(`${base}/broken.json`, { now: 0 }));
    expect(notJson?.slice(0, 3)).toEqual(['INVALID_INPUT', ['src'], 'not_json']);
    expect(await refusal(documentSource(`${base}/empty.json`, { now: 0 }))).toEqual([['INVALID_INPUT', ['ultimatums'], 'empty', {}]]);
    const [notObject] = await refusal(documentSource(`${base}/null.json`, { now: 0 }));
    expect(notObject?.slice(0, 3)).toEqual(['INVALID_INPUT', ['schemaVersion'], 'unsupported_schema_version']);
    const aborted = new AbortController();
    aborted.abort();
    const abort = await documentSource(`${base}/russia.json`, { now: 0, signal: aborted.signal }).catch((e: unknown) => e);
    expect((abort as Error).name).toBe('AbortError');
    const closed = 'http://127.0.0.1:9/none.json';
    expect(await refusal(documentSource(closed, { now: 0 }))).toEqual([['INVALID_INPUT', ['src'], 'fetch_failed', { url: closed, status: null }]]);
  });
});
