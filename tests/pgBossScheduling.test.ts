/**
 * ultimatum/pg-boss: how a job is planned and replaced, on a real PostgreSQL and the real pg-boss.
 * Planning holds the ultimatum's row and its live jobs, so that a schedule made while a worker
 * runs the ultimatum's job (even from one of its handlers) is left to that job, which plans from
 * the document as it is then; a waiting job is cancelled only while locked; a job that ended
 * outside the adapter is planned anew; times are read from the database.
 */
import { extend } from 'ultimatum';
import { type DeliveredChange, scheduleChanges, work } from 'ultimatum/pg-boss';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boss, createDocuments, deliveryRow, load, quick, SECOND, sql, startServer, stopAll, store, until } from './support/pgBossHarness.js';

const { pg, unavailable } = await startServer('tests/pgBossScheduling.test.ts');

/** Handlers that log every call as `kind@offset` from `t0` (`late` marked), in order. */
function logger(t0: number, calls: string[]) {
  const log = (c: DeliveredChange) => void calls.push(`${c.kind === 'phase' ? c.phase : c.kind}@${c.atMs - t0}${c.late ? ' late' : ''}`);
  return { onPhase: log, onMilestone: log, onDue: log };
}

const stateOf = async (b: PgBoss, queue: string, job: unknown) => (await b.getJobById(queue, String(job)))?.state;

describe.skipIf(unavailable !== undefined)('ultimatum/pg-boss planning, on a real PostgreSQL', () => {
  let admin: PgBoss;
  beforeAll(async () => {
    admin = await boss(pg);
    await createDocuments(admin);
  });
  afterAll(() => stopAll(pg));

  it('a handler that extends its own ultimatum and schedules it: no wait, the job it ran in completes, the new deadline is delivered once, on time', async () => {
    const queue = 'from-a-handler';
    const t0 = Date.now();
    // Issued in 1 s, due 4 s later; at the first half time (3 s from t0) the handler grants 3 s more.
    let u = quick('granted', t0, SECOND, 4 * SECOND);
    await store(admin, [u]);
    await scheduleChanges(admin, u, { queue });
    const calls: string[] = [];
    const log = logger(t0, calls);
    const jobs: string[] = [];
    const b = await boss(pg);
    await work(b, {
      queue,
      load: load(b),
      pollingIntervalSeconds: 0.5,
      handlers: {
        ...log,
        onMilestone: async (c) => {
          log.onMilestone(c);
          if (jobs.length > 0) return;
          jobs.push(String((await deliveryRow(admin, queue, 'granted'))?.job_id));
          u = extend(u, { at: c.atMs, by: { seconds: 3 } });
          await store(admin, [u]);
          // The row is not locked while handlers run: this returns at once, leaving the plan to the running job.
          expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 0, cancelled: 0, unchanged: 1 });
        },
      },
    });
    await until('the consequence', () => calls.some((c) => c.startsWith('due')), 20 * SECOND);
    // Issued at 1 s; half time at 1 + 2 = 3 s; the deadline moved from 5 s to 8 s, and with it
    // half time, to 1 + 3.5 = 4.5 s. Each delivered within a minute of its instant: none late.
    expect(calls).toEqual(['active@1000', 'milestone@3000', 'milestone@4500', 'expired@8000', 'due@8000']);
    await until('the job it ran in to complete', async () => (await stateOf(admin, queue, jobs[0])) === 'completed', 10 * SECOND);
    await b.offWork(queue);
  }, 60_000);

  it('a schedule made while the job runs is left to it; other ultimatums are delivered meanwhile, by another worker', async () => {
    const queue = 'held';
    const t0 = Date.now();
    // Issued 300 ms from t0, due 1 s later: active at 300, milestone at 800, expired and due at 1 300.
    const u = quick('held', t0, 300, SECOND);
    await store(admin, [u]);
    await scheduleChanges(admin, u, { queue });
    const first = (await deliveryRow(admin, queue, 'held'))?.job_id;
    // No worker until every change has passed: one job finds three instants to deliver.
    await new Promise((resolve) => setTimeout(resolve, 2 * SECOND));
    const calls: string[] = [];
    const log = logger(t0, calls);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inMilestone = false;
    const workers = [await boss(pg), await boss(pg)];
    for (const b of workers) {
      await work(b, {
        queue,
        load: load(b),
        pollingIntervalSeconds: 0.5,
        lateAfterMs: 1_000,
        handlers: {
          ...log,
          onMilestone: async (c) => {
            log.onMilestone(c);
            if (c.id !== 'held') return;
            inMilestone = true;
            await held;
          },
        },
      });
    }
    await until('the milestone handler', () => inMilestone, 20 * SECOND);
    expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 0, cancelled: 0, unchanged: 1 });
    expect((await deliveryRow(admin, queue, 'held'))?.job_id).toBe(first);
    expect(await stateOf(admin, queue, first)).toBe('active');
    // Another ultimatum, due in the next second, is not held up by the running job.
    const other = quick('other', Date.now(), 0, 400);
    await store(admin, [other]);
    await scheduleChanges(admin, other, { queue });
    await until("the other's consequence", () => calls.some((c) => c.startsWith('due') && c.includes('@')), 20 * SECOND);
    release();
    await until('no job left', async () => (await deliveryRow(admin, queue, 'held'))?.job_id === null, 20 * SECOND);
    // The held ultimatum's changes, each once, late: delivered more than a second after they fell.
    expect(calls.filter((c) => /@(300|800|1300) /.test(c))).toEqual(['active@300 late', 'milestone@800 late', 'expired@1300 late', 'due@1300 late']);
    expect(await stateOf(admin, queue, first)).toBe('completed');
    for (const b of workers) await b.offWork(queue);
  }, 60_000);

  it('a handler that throws: the job is retried, and only that instant is delivered again', async () => {
    const queue = 'throwing';
    const t0 = Date.now();
    const u = quick('throws', t0, 500, SECOND);
    await store(admin, [u]);
    await scheduleChanges(admin, u, { queue });
    const calls: string[] = [];
    const log = logger(t0, calls);
    let failures = 0;
    const b = await boss(pg);
    await work(b, {
      queue,
      load: load(b),
      pollingIntervalSeconds: 0.5,
      handlers: {
        ...log,
        onDue: (c) => {
          log.onDue(c);
          if (failures++ === 0) throw new Error('mail server down');
        },
      },
    });
    await until('the retried consequence', () => calls.filter((c) => c.startsWith('due')).length === 2, 30 * SECOND);
    await until('no job left', async () => (await deliveryRow(admin, queue, 'throws'))?.job_id === null, 20 * SECOND);
    // The deadline's instant (1 500) is delivered again whole, its phase change included; nothing before it.
    expect(calls).toEqual(['active@500', 'milestone@1000', 'expired@1500', 'due@1500', 'expired@1500', 'due@1500']);
    await b.offWork(queue);
  }, 60_000);

  it('a load that returns another ultimatum fails the job, and no handler is called', async () => {
    const queue = 'wrong-load';
    const t0 = Date.now();
    const u = quick('asked', t0, SECOND);
    const other = quick('other', t0, SECOND);
    await scheduleChanges(admin, u, { queue });
    const job = String((await deliveryRow(admin, queue, 'asked'))?.job_id);
    const calls: string[] = [];
    const b = await boss(pg);
    await work(b, { queue, load: () => other, pollingIntervalSeconds: 0.5, handlers: logger(t0, calls) });
    await until('the job to fail', async () => (await stateOf(admin, queue, job)) === 'retry', 20 * SECOND);
    const output = (await admin.getJobById(queue, job))?.output as { message?: string; code?: string };
    expect([output.code, output.message]).toEqual(['INVALID_INPUT', 'load: load("asked") returned the ultimatum "other"']);
    expect(calls).toEqual([]);
    await b.offWork(queue);
  }, 60_000);

  it('a waiting job of the ultimatum that its row does not name is cancelled, and the schedule goes on', async () => {
    const queue = 'stray';
    await admin.createQueue(queue, { name: queue, policy: 'short' });
    const stray = await admin.send(queue, { id: 'stray' }, { singletonKey: 'stray', startAfter: 3_600 });
    expect(await scheduleChanges(admin, quick('stray', Date.now(), 60 * SECOND), { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    expect(await stateOf(admin, queue, stray)).toBe('cancelled');
    expect(await stateOf(admin, queue, (await deliveryRow(admin, queue, 'stray'))?.job_id)).toBe('created');
  });

  it('a job that ended outside the adapter (deleted, or failed for good) is planned anew, not reported unchanged', async () => {
    const queue = 'orphan';
    const u = quick('orphan', Date.now(), 60 * SECOND);
    await scheduleChanges(admin, u, { queue });
    const first = (await deliveryRow(admin, queue, 'orphan'))?.job_id;
    await admin.deleteJob(queue, String(first));
    expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    const second = (await deliveryRow(admin, queue, 'orphan'))?.job_id;
    expect(second).not.toBe(first);
    expect(await stateOf(admin, queue, second)).toBe('created');
    // Failed for good (its retries spent): planned anew as well.
    await sql(admin, `UPDATE pgboss.job SET state = 'failed' WHERE id = $1::uuid`, [second]);
    expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    expect(await stateOf(admin, queue, (await deliveryRow(admin, queue, 'orphan'))?.job_id)).toBe('created');
  });

  it('two schedules of overlapping sets at once: no deadlock, one live job for each ultimatum, the one its row names', async () => {
    const queue = 'overlap';
    const t0 = Date.now();
    const list = Array.from({ length: 3_000 }, (_, i) => quick(`o${i}`, t0, 3_600_000 + i));
    const [a, b] = await Promise.all([scheduleChanges(admin, list.slice(0, 2_000), { queue }), scheduleChanges(admin, list.slice(1_000).reverse(), { queue })]);
    // 1 000 ultimatums are in both: one of the two schedules them, the other finds them unchanged.
    expect(a.scheduled + b.scheduled).toBe(3_000);
    expect(a.unchanged + b.unchanged).toBe(1_000);
    const live = await sql(admin, `SELECT singleton_key, count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state < 'completed' GROUP BY 1 HAVING count(*) <> 1`, [queue]);
    expect(live).toEqual([]);
    const named = await sql(admin, `SELECT count(*)::int AS n FROM ultimatum_deliveries d JOIN pgboss.job j ON j.id::text = d.job_id AND j.name = d.queue WHERE d.queue = $1 AND j.state = 'created'`, [queue]);
    expect(named).toEqual([{ n: 3_000 }]);
  }, 60_000);

  it('times come from the database, not from the clock of the process that schedules', async () => {
    const queue = 'skewed';
    const now = Date.now();
    // Issued two minutes ago, due in 58 minutes, its milestone at half time (28 minutes from now).
    const u = quick('skewed', now, -120 * SECOND, 3_600_000);
    const [before] = (await sql(admin, 'SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS ms')) as [{ ms: string }];
    // This process's clock runs an hour and a half fast: by it, the deadline has passed.
    const skew = vi.spyOn(Date, 'now').mockImplementation(() => now + 5_400_000);
    try {
      expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    } finally {
      skew.mockRestore();
    }
    const [after] = (await sql(admin, 'SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS ms')) as [{ ms: string }];
    const row = await deliveryRow(admin, queue, 'skewed');
    expect(Number(row?.due_ms)).toBe(now - 120 * SECOND + 1_800_000);
    // Its deliveries start at the database's now of the first schedule (the issue is more than a minute old: history).
    expect(Number(row?.delivered_ms)).toBeGreaterThanOrEqual(Number(before.ms));
    expect(Number(row?.delivered_ms)).toBeLessThanOrEqual(Number(after.ms));
  });

  it('an ultimatum scheduled within a minute of its issue has its issue delivered', async () => {
    const queue = 'just-issued';
    const issued = Date.now() - 5 * SECOND;
    await scheduleChanges(admin, quick('fresh', issued, 0), { queue });
    // Deliveries start just before the issue, so the first change planned is the issue itself.
    expect(await deliveryRow(admin, queue, 'fresh')).toMatchObject({ delivered_ms: String(issued - 1), due_ms: String(issued) });
  });

  it('a document gone from the store: its job delivers nothing and its row is removed', async () => {
    const queue = 'deleted';
    const u = quick('gone', Date.now(), 300, SECOND);
    await scheduleChanges(admin, u, { queue });
    const calls: string[] = [];
    const b = await boss(pg);
    // Never stored: load finds nothing.
    await work(b, { queue, load: load(b), pollingIntervalSeconds: 0.5, handlers: logger(0, calls) });
    await until('the row to go', async () => (await deliveryRow(admin, queue, 'gone')) === undefined, 20 * SECOND);
    expect(calls).toEqual([]);
    await b.offWork(queue);
  }, 60_000);

  it('more ultimatums than one transaction takes (2 000): every one is scheduled, the second time nothing moves', async () => {
    const queue = 'batches';
    const t0 = Date.now();
    const list = Array.from({ length: 2_500 }, (_, i) => quick(`b${i}`, t0, 3_600_000 + i));
    expect(await scheduleChanges(admin, list, { queue })).toEqual({ scheduled: 2_500, cancelled: 0, unchanged: 0 });
    expect(await scheduleChanges(admin, list, { queue })).toEqual({ scheduled: 0, cancelled: 0, unchanged: 2_500 });
    const [row] = await sql(admin, 'SELECT count(*)::int AS n, count(DISTINCT job_id)::int AS jobs FROM ultimatum_deliveries WHERE queue = $1', [queue]);
    expect(row).toEqual({ n: 2_500, jobs: 2_500 });
    // The last one: issued an hour and 2 499 ms from t0, its first change is its issue.
    expect(Number((await deliveryRow(admin, queue, 'b2499'))?.due_ms)).toBe(t0 + 3_600_000 + 2_499);
  }, 60_000);

  it('a custom pg-boss schema must be named: an unknown one is refused', async () => {
    const refused = await scheduleChanges(admin, quick('x', Date.now(), 0), { queue: 'schema', schema: 'elsewhere' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['schema'], reason: 'custom' }] });
  });
});
