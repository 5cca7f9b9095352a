/**
 * ultimatum/pg-boss: how a job is planned and replaced, on a real PostgreSQL and the real pg-boss.
 * Planning is done under a lock on the ultimatum's row, so that a schedule made while a worker runs
 * the ultimatum's job (even from one of its handlers) neither waits forever nor loses a change; a
 * replaced job that is running finishes its instant and stops; times are read from the database.
 */
import { extend } from 'ultimatum';
import { type DeliveredChange, scheduleChanges, work } from 'ultimatum/pg-boss';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { boss, createDocuments, deliveryRow, load, quick, SECOND, sql, startServer, stopAll, store, until } from './support/pgBossHarness.js';

const { pg, unavailable } = await startServer('tests/pgBossScheduling.test.ts');

/** Handlers that log every call as `kind@offset` from `t0`, in order. */
function logger(t0: number, calls: string[]) {
  const log = (c: DeliveredChange) => void calls.push(`${c.kind === 'phase' ? c.phase : c.kind}@${c.atMs - t0}`);
  return { onPhase: log, onMilestone: log, onDue: log };
}

describe.skipIf(unavailable !== undefined)('ultimatum/pg-boss planning, on a real PostgreSQL', () => {
  let admin: PgBoss;
  beforeAll(async () => {
    admin = await boss(pg);
    await createDocuments(admin);
  });
  afterAll(() => stopAll(pg));

  it('a handler that extends its own ultimatum and schedules it: no wait, the job it ran in completes, the new deadline is delivered once', async () => {
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
          // The row is not locked while handlers run: this returns at once.
          await scheduleChanges(admin, u, { queue });
        },
      },
    });
    await until('the consequence', () => calls.some((c) => c.startsWith('due')), 20 * SECOND);
    await new Promise((resolve) => setTimeout(resolve, SECOND));
    // Issued at 1 s; half time at 1 + 2 = 3 s; the deadline moved from 5 s to 8 s, and with it
    // half time, to 1 + 3.5 = 4.5 s.
    expect(calls).toEqual(['active@1000', 'milestone@3000', 'milestone@4500', 'expired@8000', 'due@8000']);
    const ran = await admin.getJobById(queue, jobs[0] as string);
    expect(ran?.state).toBe('completed');
    await b.offWork(queue);
  }, 60_000);

  it('a schedule made while a late job is mid-run replaces it without cancelling it: the running job stops after its instant, the new one delivers the rest, each change once', async () => {
    const queue = 'replaced-mid-run';
    const t0 = Date.now();
    // Issued 300 ms from t0, due 1 s later: active at 300, milestone at 800, expired and due at 1 300.
    const u = quick('late', t0, 300, SECOND);
    await store(admin, [u]);
    await scheduleChanges(admin, u, { queue });
    const first = String((await deliveryRow(admin, queue, 'late'))?.job_id);
    // No worker until every change has passed: one job finds three instants to deliver.
    await new Promise((resolve) => setTimeout(resolve, 2 * SECOND));
    const calls: string[] = [];
    const log = logger(t0, calls);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inMilestone = false;
    const b = await boss(pg);
    await work(b, {
      queue,
      load: load(b),
      pollingIntervalSeconds: 0.5,
      handlers: {
        ...log,
        onMilestone: async (c) => {
          log.onMilestone(c);
          inMilestone = true;
          await held;
        },
      },
    });
    await until('the milestone handler', () => inMilestone, 20 * SECOND);
    // The first instant is recorded: what is next (the milestone) is not what the job was planned for.
    expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    const second = String((await deliveryRow(admin, queue, 'late'))?.job_id);
    expect(second).not.toBe(first);
    expect((await admin.getJobById(queue, first))?.state).toBe('active');
    release();
    await until('the consequence', () => calls.some((c) => c.startsWith('due')), 20 * SECOND);
    await until('no job left', async () => (await deliveryRow(admin, queue, 'late'))?.job_id === null, 20 * SECOND);
    expect(calls).toEqual(['active@300', 'milestone@800', 'expired@1300', 'due@1300']);
    expect((await admin.getJobById(queue, first))?.state).toBe('completed');
    expect((await admin.getJobById(queue, second))?.state).toBe('completed');
    await b.offWork(queue);
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
    const u = quick('asked', t0, 0);
    const other = quick('other', t0, 0);
    await scheduleChanges(admin, u, { queue });
    const job = String((await deliveryRow(admin, queue, 'asked'))?.job_id);
    const calls: string[] = [];
    const b = await boss(pg);
    await work(b, { queue, load: () => other, pollingIntervalSeconds: 0.5, handlers: logger(t0, calls) });
    await until('the job to fail', async () => (await admin.getJobById(queue, job))?.state === 'retry', 20 * SECOND);
    const output = (await admin.getJobById(queue, job))?.output as { message?: string; code?: string };
    expect([output.code, output.message]).toEqual(['INVALID_INPUT', 'load: load("asked") returned the ultimatum "other"']);
    expect(calls).toEqual([]);
    await b.offWork(queue);
  }, 60_000);

  it('a waiting job of the ultimatum that the table does not know: the schedule is refused and nothing is recorded', async () => {
    const queue = 'stray';
    await admin.createQueue(queue, { name: queue, policy: 'stately' });
    await admin.send(queue, { id: 'stray' }, { singletonKey: 'stray', startAfter: 3_600 });
    const refused = await scheduleChanges(admin, quick('stray', Date.now(), 60 * SECOND), { queue }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['queue'], reason: 'custom' }] });
    expect(await deliveryRow(admin, queue, 'stray')).toBe(undefined);
  });

  it('times come from the database, not from the clock of the process that schedules', async () => {
    const queue = 'skewed';
    const now = Date.now();
    // Issued a minute ago, due in 59 minutes, its milestone at half time.
    const u = quick('skewed', now, -60 * SECOND, 3_600_000);
    // This process's clock runs an hour and a half fast: by it, the deadline has passed.
    const skew = vi.spyOn(Date, 'now').mockImplementation(() => now + 5_400_000);
    try {
      expect(await scheduleChanges(admin, u, { queue })).toEqual({ scheduled: 1, cancelled: 0, unchanged: 0 });
    } finally {
      skew.mockRestore();
    }
    const row = await deliveryRow(admin, queue, 'skewed');
    // The next change is the half-time milestone, 29 minutes from now.
    expect(Number(row?.due_ms)).toBe(now - 60 * SECOND + 1_800_000);
    // Nothing before the first schedule is delivered: it starts at the database's now.
    const [{ db_now }] = (await sql(admin, 'SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS db_now')) as [{ db_now: string }];
    expect(Math.abs(Number(row?.delivered_ms) - now)).toBeLessThan(Number(db_now) - now + SECOND);
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
