/**
 * ultimatum/pg-boss against a real PostgreSQL server (started here, see support/postgres.ts) and
 * the real pg-boss: changes delivered once each by two workers, a worker killed mid-run and
 * replaced, an amendment moving the job, a withdrawal cancelling it. Skipped, saying why, only
 * when no server can be started on this machine (`.ci/run` installs one).
 */
import { spawn } from 'node:child_process';
import { extend, withdraw, createUltimatum } from 'ultimatum';
import { type BossLike, type DeliveredChange, scheduleChanges, work } from 'ultimatum/pg-boss';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boss as startBoss, children, createDocuments, load, quick, SECOND, sql, startServer, stopAll, store, until } from './support/pgBossHarness.js';

const { pg, unavailable } = await startServer('tests/pgBoss.test.ts');
const boss = () => startBoss(pg);

describe.skipIf(unavailable !== undefined)('ultimatum/pg-boss on a real PostgreSQL', () => {
  let admin: PgBoss;
  beforeAll(async () => {
    admin = await boss();
    await createDocuments(admin);
    await sql(admin, 'CREATE TABLE deliveries (key text PRIMARY KEY, kind text NOT NULL, late boolean NOT NULL, worker text NOT NULL)');
    await sql(admin, 'CREATE TABLE calls (n serial PRIMARY KEY, key text NOT NULL, worker text NOT NULL)');
    const typed: BossLike = admin;
    expect(typeof typed.insert).toBe('function');
  });
  afterAll(() => stopAll(pg));

  it('1 000 ultimatums, two workers: every change handled once', async () => {
    const queue = 'two-workers';
    const t0 = Date.now();
    // Issued 3 s to 5 s from now: 4 000 changes over the next 15 s.
    const list = Array.from({ length: 1_000 }, (_, i) => quick(`u${i}`, t0, 3 * SECOND + (i % 20) * 100));
    await store(admin, list);
    expect(await scheduleChanges(admin, list, { queue })).toEqual({ scheduled: 1_000, cancelled: 0, unchanged: 0 });
    const seen = new Map<string, number>();
    const handle = (worker: string) => async (c: DeliveredChange) => {
      seen.set(c.key, (seen.get(c.key) ?? 0) + 1);
      await sql(admin, 'INSERT INTO deliveries (key, kind, late, worker) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING', [c.key, c.kind, c.late, worker]);
    };
    for (const name of ['a', 'b']) {
      const b = await boss();
      const h = handle(name);
      await work(b, { queue, load: load(b), batchSize: 50, pollingIntervalSeconds: 0.5, handlers: { onPhase: h, onMilestone: h, onDue: h } });
    }
    await until('4 000 deliveries', async () => seen.size >= 4_000, 60 * SECOND);
    // A little longer: nothing more may come.
    await new Promise((resolve) => setTimeout(resolve, 2 * SECOND));
    expect(seen.size).toBe(4_000);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const kinds = await sql(admin, `SELECT kind, count(*)::int AS n FROM deliveries WHERE key LIKE 'u%' GROUP BY kind ORDER BY kind`);
    expect(kinds).toEqual([
      { kind: 'due', n: 1_000 },
      { kind: 'milestone', n: 1_000 },
      { kind: 'phase', n: 2_000 },
    ]);
    const workers = await sql(admin, `SELECT DISTINCT worker FROM deliveries WHERE key LIKE 'u%' ORDER BY worker`);
    expect(workers.map((r) => r.worker)).toEqual(['a', 'b']);
    // Nothing is left to happen: no job is scheduled for any of them.
    const left = await sql(admin, 'SELECT count(*)::int AS n FROM ultimatum_deliveries WHERE queue = $1 AND job_id IS NOT NULL', [queue]);
    expect(left).toEqual([{ n: 0 }]);
  }, 120_000);

  it('a worker killed mid-run and replaced: nothing lost, no effect doubled', async () => {
    const queue = 'killed';
    // Short expiry: the killed worker's active jobs are retried by the next worker 2 s later.
    await admin.createQueue(queue, { name: queue, policy: 'short', expireInSeconds: 2, retryLimit: 20 });
    const t0 = Date.now();
    const list = Array.from({ length: 200 }, (_, i) => quick(`k${i}`, t0, 2 * SECOND + (i % 10) * 100));
    await store(admin, list);
    await scheduleChanges(admin, list, { queue });
    const start = (name: string) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/pgBossWorker.ts'], {
        env: { ...process.env, PG_URL: pg.url, PG_QUEUE: queue, WORKER_NAME: name },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      return child;
    };
    const count = async (table: string) => Number((await sql(admin, `SELECT count(*)::int AS n FROM ${table} WHERE key LIKE 'k%'`))[0]?.n);
    const first = start('first');
    await until('the first worker to be mid-run', async () => (await count('deliveries')) >= 100, 60 * SECOND);
    first.kill('SIGKILL');
    const delivered = await count('deliveries');
    expect(delivered).toBeLessThan(800);
    start('second');
    await until('800 deliveries', async () => (await count('deliveries')) >= 800, 60 * SECOND);
    await new Promise((resolve) => setTimeout(resolve, 3 * SECOND));
    expect(await count('deliveries')).toBe(800);
    // A handler may be called again only for the instant the killed worker was in (at least once);
    // its effect, keyed by the change, is there once.
    const twice = await sql(admin, `SELECT key, array_agg(worker ORDER BY n) AS workers FROM calls WHERE key LIKE 'k%' GROUP BY key HAVING count(*) > 1`);
    for (const row of twice) expect(row.workers).toEqual(['first', 'second']);
    expect(twice.length).toBeLessThanOrEqual(10 * 4);
    const second = await sql(admin, `SELECT count(*)::int AS n FROM deliveries WHERE key LIKE 'k%' AND worker = 'second'`);
    expect(Number(second[0]?.n)).toBeGreaterThan(0);
  }, 150_000);

  it('refuses a queue of another policy: it could hold two queued jobs of one ultimatum', async () => {
    await admin.createQueue('standard-queue', { name: 'standard-queue' });
    const refused = await scheduleChanges(admin, quick('p', Date.now(), 0), { queue: 'standard-queue' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['queue'], reason: 'custom' }] });
  });

  it('an amendment moves the job; a withdrawal cancels it once delivered', async () => {
    const queue = 'amend';
    const now = Date.now();
    let u = createUltimatum({
      id: 'amended',
      title: 'amended',
      issuer: 'test',
      addressee: 'test',
      demands: ['reply'],
      zone: 'UTC',
      issuedAt: now - 60 * SECOND,
      deadline: { after: { hours: 1 } },
      milestones: { fractions: [], before: [] },
    });
    await store(admin, [u]);
    await scheduleChanges(admin, u, { queue });
    const row = async () => (await sql(admin, 'SELECT job_id, due_ms FROM ultimatum_deliveries WHERE queue = $1 AND id = $2', [queue, 'amended']))[0] ?? {};
    const first = await row();
    // The next change is the deadline: issued a minute ago, due in 59 minutes.
    expect(Number(first.due_ms)).toBe(now - 60 * SECOND + 3_600_000);
    // Extended by an hour: the job moves to the new deadline, and the old one is cancelled.
    u = extend(u, { at: now, by: { hours: 1 } });
    await store(admin, [u]);
    expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    const moved = await row();
    expect(Number(moved.due_ms)).toBe(now - 60 * SECOND + 7_200_000);
    expect((await admin.getJobById(queue, String(first.job_id)))?.state).toBe('cancelled');
    const job = await admin.getJobById(queue, String(moved.job_id));
    expect([job?.state, job?.startAfter.getTime()]).toEqual(['created', now - 60 * SECOND + 7_200_000]);
    // Scheduling it again changes nothing.
    expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 0, cancelled: 0, unchanged: 1 });
    // Withdrawn now: the withdrawal is the one change left; once delivered, nothing is scheduled.
    u = withdraw(u, { at: Date.now() });
    await store(admin, [u]);
    await scheduleChanges(admin, u, { queue });
    expect((await admin.getJobById(queue, String(moved.job_id)))?.state).toBe('cancelled');
    const phases: string[] = [];
    const b = await boss();
    await work(b, { queue, load: load(b), pollingIntervalSeconds: 0.5, handlers: { onPhase: (c) => void phases.push(`${c.previous} → ${c.phase}`) } });
    await until('the withdrawal to be delivered', async () => phases.length > 0, 20 * SECOND);
    await until('the job to be cancelled', async () => (await row()).job_id === null, 20 * SECOND);
    expect(phases).toEqual(['active → withdrawn']);
    expect((await row()).due_ms).toBe(null);
  }, 60_000);

  it('examples/durable-reminders.ts: scheduled, moved by the extension, delivered', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/durable-reminders.ts'], {
      env: { ...process.env, DATABASE_URL: pg.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const instant = (line: string | undefined) => Date.parse(/\d{4}-\d\d-\d\dT[\d:.]+Z/.exec(line ?? '')?.[0] ?? '');
    const issued = instant(lines[0]);
    // The issue (scheduled within a minute of it, so delivered), then half of 10 s, then half of the
    // 14 s the extension makes; the deadline 14 s after issue.
    expect(lines.slice(1).map((l) => [instant(l) - issued, l.replace(/\S+Z\b/, '').replace(/\s+/g, ' ').trim()])).toEqual([
      [0, 'scheduled: next change at (the issue itself)'],
      [0, 'phase: pending → active'],
      [5_000, 'planned: next change at (half time)'],
      [7_000, 'extended: next change at (half of 14 s)'],
      [7_000, 'milestone: 50 % of the time elapsed'],
      [14_000, 'phase: active → expired'],
      [14_000, 'due: terminate'],
    ]);
  }, 60_000);
});

describe('ultimatum/pg-boss options', () => {
  it('refuses a table name that is not a plain SQL name before touching the database', async () => {
    // Never called: the name is refused first.
    const untouched = {} as BossLike;
    const u = quick('x', Date.now(), 0);
    for (const table of ['deliveries; DROP TABLE x', 'Upper', 'a.b.c']) {
      const refused = await scheduleChanges(untouched, u, { queue: 'q', table }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['table'], reason: 'wrong_type' }] });
    }
  });
});
