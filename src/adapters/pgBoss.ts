/**
 * `ultimatum/pg-boss`: durable reminders. Each ultimatum's next change is a pg-boss job; a worker
 * that runs it reloads the ultimatum, delivers every change since the last one it delivered, and
 * schedules the next. pg-boss is the caller's (an optional peer): this module only calls the
 * instance it is given, so it has no import of its own to fail.
 */
import { fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Ultimatum } from '../model/types.js';
import { changeInstants } from '../track/changeInstants.js';
import { changesBetween, type UltimatumChange } from '../track/changesBetween.js';
import {
  createDeliveries,
  type DeliveryRow,
  existingJobs,
  inTransaction,
  lockRows,
  type PoolLike,
  poolOf,
  readRow,
  recordDelivery,
  recordJobs,
  type SqlRunner,
  sqlName,
  waitingJobs,
} from './pgBossTables.js';

export type { PoolLike, SqlRunner } from './pgBossTables.js';

/**
 * What this adapter uses of a `PgBoss` instance (pg-boss 10): a structural type, so that
 * `ultimatum/pg-boss` needs no types of pg-boss to compile.
 *
 * @example
 * import PgBoss from 'pg-boss';
 * const boss: BossLike = new PgBoss(process.env.DATABASE_URL!);
 */
export interface BossLike {
  insert(jobs: object[], options: { db: SqlRunner }): Promise<unknown>;
  createQueue(name: string, options?: object): Promise<void>;
  getQueue(name: string): Promise<unknown>;
  work(name: string, options: object, handler: (jobs: { id: string; data: unknown }[]) => Promise<unknown>): Promise<string>;
  cancel(name: string, ids: string[], options: { db: SqlRunner }): Promise<unknown>;
  getDb(): SqlRunner;
}

/**
 * Where the adapter keeps its state: the pg-boss queue, and the table (created when missing) that
 * records per ultimatum the last change delivered and the job scheduled.
 *
 * @example
 * const opts: DurableQueue = { queue: 'ultimatum-changes', table: 'ultimatum_deliveries' };
 */
export interface DurableQueue {
  readonly queue: string;
  /** Default `ultimatum_deliveries`; `schema.table` is allowed. */
  readonly table?: string | undefined;
  /** The schema pg-boss was started with (its `schema` option); default `pgboss`. */
  readonly schema?: string | undefined;
  /** Where transactions take their connection; default pg-boss's own pool. */
  readonly pool?: PoolLike | undefined;
  /** The clock (epoch ms); default the database's, the clock pg-boss starts jobs by. */
  readonly now?: (() => number) | undefined;
}

/**
 * A change as a handler receives it: the change (its `key` is stable: make the handler's effect
 * idempotent on it), and `late` when delivered more than `lateAfterMs` after it happened.
 *
 * @example
 * const onPhase = (c: DeliveredChange) => console.log(c.key, c.late);
 */
export type DeliveredChange = UltimatumChange & { readonly late: boolean };

/**
 * Options of `work`: how to load an ultimatum by id (from the caller's store; `undefined` when it
 * is gone), the handlers, and pg-boss worker settings.
 *
 * @example
 * const opts: WorkOptions = { queue: 'ultimatum-changes', load: (id) => store.get(id), handlers: { onDue: notify } };
 */
export interface WorkOptions extends DurableQueue {
  load(id: string): Promise<Ultimatum | undefined> | Ultimatum | undefined;
  readonly handlers: {
    readonly onPhase?: ((c: DeliveredChange & { kind: 'phase' }) => unknown) | undefined;
    readonly onMilestone?: ((c: DeliveredChange & { kind: 'milestone' }) => unknown) | undefined;
    readonly onDue?: ((c: DeliveredChange & { kind: 'due' }) => unknown) | undefined;
  };
  /** Default 60 000. */
  readonly lateAfterMs?: number | undefined;
  /** Jobs fetched at once; default 1, so that one failing job fails (and retries) alone. */
  readonly batchSize?: number | undefined;
  /** pg-boss polling, in seconds (at least 0.5); default 2. */
  readonly pollingIntervalSeconds?: number | undefined;
}

const ready = new WeakMap<object, Set<string>>();

/** The queue (stately: one queued and one active job per ultimatum), pg-boss's tables and ours, checked once per process. */
async function setUp(boss: BossLike, queue: string, table: string, schema: string): Promise<void> {
  const done = ready.get(boss) ?? new Set<string>();
  ready.set(boss, done);
  const key = `${queue}\u0000${table}\u0000${schema}`;
  if (done.has(key)) return;
  const existing = (await boss.getQueue(queue)) as { policy?: unknown } | null;
  if (existing === null) await boss.createQueue(queue, { policy: 'stately' });
  // Another policy would allow two queued jobs of one ultimatum: every guarantee below needs this one.
  else if (existing.policy !== 'stately') fail('INVALID_INPUT', ['queue'], messages.custom(`queue "${queue}" must have the stately policy, not ${String(existing.policy)}`));
  const db = boss.getDb();
  const { rows } = await db.executeSql('SELECT to_regclass($1) IS NOT NULL AS found', [`${schema}.job`]);
  if (rows[0]?.found !== true) fail('INVALID_INPUT', ['schema'], messages.custom(`pg-boss has no job table in schema "${schema}": pass the schema it was started with`));
  await createDeliveries(db, table);
  done.add(key);
}

/**
 * The first instant after `afterMs` at which a handler has something to hear, or null when
 * nothing is left to happen (an event that changes no phase, such as a note or an extension, is
 * an instant of change for a tracker but nothing to deliver).
 */
function nextChangeAfter(u: Ultimatum, afterMs: number): number | null {
  for (const t of changeInstants(u)) if (t > afterMs && changesBetween(u, t - 1, t).length > 0) return t;
  return null;
}

type Counts = { scheduled: number; cancelled: number; unchanged: number };

/** Ultimatums scheduled per transaction: a few statements for each thousand, not per ultimatum. */
const BATCH = 2_000;

interface Place {
  readonly boss: BossLike;
  readonly pool: PoolLike;
  readonly queue: string;
  readonly table: string;
  readonly schema: string;
  readonly now: (() => number) | undefined;
}

async function placeOf(boss: BossLike, opts: DurableQueue): Promise<Place> {
  const table = sqlName(opts.table ?? 'ultimatum_deliveries', 'table');
  const schema = sqlName(opts.schema ?? 'pgboss', 'schema');
  const pool = poolOf(opts.pool, boss.getDb());
  await setUp(boss, opts.queue, table, schema);
  return { boss, pool, queue: opts.queue, table, schema, now: opts.now };
}

/**
 * Puts the job of each ultimatum at its next undelivered change, or cancels it, in one transaction
 * that holds the ultimatums' rows: the job and its row change together or not at all, and no other
 * scheduler or worker plans the same ultimatum meanwhile. `current` is the job being run, when a
 * worker plans its own successor; if the row no longer names it, it was superseded and plans nothing.
 */
async function scheduleBatch(place: Place, batch: readonly Ultimatum[], counts: Counts, current?: string): Promise<void> {
  const { boss, queue, table, schema } = place;
  const latest = new Map<string, Ultimatum>();
  for (const u of batch) latest.set(u.id, u);
  await inTransaction(place.pool, async (db) => {
    const { rows, nowMs } = await lockRows(db, table, queue, [...latest.keys()], place.now?.());
    const replaced: string[] = [];
    const jobs: { id: string }[] = [];
    const planned: [id: string, jobId: string | null, due: number | null][] = [];
    for (const [id, u] of latest) {
      const row = rows.get(id) as DeliveryRow;
      if (current !== undefined && row.jobId !== current) continue;
      const next = nextChangeAfter(u, row.delivered);
      const own = current !== undefined;
      if (next === row.due && row.jobId !== null && !own) {
        counts.unchanged++;
        continue;
      }
      if (row.jobId !== null && !own) replaced.push(row.jobId);
      let jobId: string | null = null;
      if (next !== null) {
        jobId = globalThis.crypto.randomUUID();
        jobs.push({ id: jobId, name: queue, data: { id }, startAfter: new Date(Math.max(next, nowMs)).toISOString(), singletonKey: id, retryLimit: 20, retryDelay: 1, retryBackoff: true } as { id: string });
      }
      planned.push([id, jobId, next]);
      counts[next === null ? 'cancelled' : 'scheduled']++;
    }
    // A replaced job that is running is left to finish: the row no longer names it, so it stops
    // after the instant it is delivering. One waiting is cancelled first: the queue holds one per ultimatum.
    const waiting = replaced.length > 0 ? await waitingJobs(db, schema, queue, replaced) : [];
    if (waiting.length > 0) await boss.cancel(queue, waiting, { db });
    if (jobs.length > 0) {
      await boss.insert(jobs, { db });
      const inserted = await existingJobs(db, schema, queue, jobs.map((j) => j.id));
      const refused = jobs.find((j) => !inserted.has(j.id));
      // The queue already holds a waiting job of this ultimatum that the table does not know.
      if (refused !== undefined) fail('INVALID_INPUT', ['queue'], messages.custom(`queue "${queue}" holds a job of "${planned.find((p) => p[1] === refused.id)?.[0]}" that ${table} does not name`));
    }
    if (planned.length > 0) await recordJobs(db, table, queue, planned);
  });
}

/**
 * Schedules the next change of each ultimatum as one pg-boss job, keyed by its id: call it after
 * creating or amending an ultimatum, and the job moves (the old one is cancelled); an ultimatum
 * with nothing left to happen (complied, withdrawn, every deadline and milestone past and
 * delivered) has its job cancelled.
 *
 * @example
 * await scheduleChanges(boss, amended, { queue: 'ultimatum-changes' }) //=> { scheduled: 1, cancelled: 0, unchanged: 0 }
 */
export async function scheduleChanges(
  boss: BossLike,
  target: Ultimatum | Iterable<Ultimatum> | { list(): Ultimatum[] },
  opts: DurableQueue,
): Promise<{ scheduled: number; cancelled: number; unchanged: number }> {
  const place = await placeOf(boss, opts);
  const list: Iterable<Ultimatum> =
    typeof (target as { list?: unknown }).list === 'function'
      ? (target as { list(): Ultimatum[] }).list()
      : Symbol.iterator in (target as object)
        ? (target as Iterable<Ultimatum>)
        : [target as Ultimatum];
  const counts: Counts = { scheduled: 0, cancelled: 0, unchanged: 0 };
  let batch: Ultimatum[] = [];
  for (const u of list) {
    batch.push(u);
    if (batch.length === BATCH) {
      await scheduleBatch(place, batch, counts);
      batch = [];
    }
  }
  if (batch.length > 0) await scheduleBatch(place, batch, counts);
  return counts;
}

/** Calls the handler of a change's kind. */
async function deliver(handlers: WorkOptions['handlers'], change: DeliveredChange): Promise<void> {
  if (change.kind === 'phase') await handlers.onPhase?.(change);
  else if (change.kind === 'milestone') await handlers.onMilestone?.(change);
  else await handlers.onDue?.(change);
}

/**
 * One job: reload, deliver what happened since the last delivery (instant by instant), plan the
 * next. A job the row no longer names (superseded by a later schedule) stops at the next check.
 */
async function runJob(place: Place, opts: WorkOptions, jobId: string, id: string): Promise<void> {
  const db = place.boss.getDb();
  const { row, nowMs } = await readRow(db, place.table, place.queue, id);
  if (row === undefined || row.jobId !== jobId) return;
  const now = place.now?.() ?? nowMs;
  const u = await opts.load(id);
  if (u !== undefined && u.id !== id) fail('INVALID_INPUT', ['load'], messages.custom(`load("${id}") returned the ultimatum "${u.id}"`));
  if (u === undefined) {
    await db.executeSql(`DELETE FROM ${place.table} WHERE queue = $1 AND id = $2 AND job_id = $3`, [place.queue, id, jobId]);
    return;
  }
  const changes = changesBetween(u, row.delivered, now);
  const lateAfter = opts.lateAfterMs ?? 60_000;
  let delivered = row.delivered;
  for (let i = 0; i < changes.length; ) {
    // The changes of one instant are delivered together, then recorded: a crash between them
    // delivers the instant again (at least once), never skips part of it.
    const at = (changes[i] as UltimatumChange).atMs;
    for (; i < changes.length && (changes[i] as UltimatumChange).atMs === at; i++) {
      await deliver(opts.handlers, { ...(changes[i] as UltimatumChange), late: now - at > lateAfter });
    }
    const planned = await recordDelivery(db, place.table, place.queue, id, delivered, at);
    // Another run got there first, or a new schedule superseded this job: that job delivers the rest.
    if (planned !== jobId) return;
    delivered = at;
  }
  // Planned from the document as it is now: an amendment made while the handlers ran is not undone.
  const fresh = (await opts.load(id)) ?? u;
  await scheduleBatch(place, [fresh], { scheduled: 0, cancelled: 0, unchanged: 0 }, jobId);
}

/**
 * Starts a pg-boss worker that delivers the changes `scheduleChanges` scheduled: for each job, the
 * ultimatum is loaded again (`load`), its status computed at the real time of the run (the clock
 * read then), each change since the last one delivered handed to its handler once — a change
 * that passed while every worker was down is delivered once, `late` — and the next job scheduled.
 * Returns the pg-boss worker id (for `boss.offWork`).
 *
 * @example
 * await work(boss, { queue: 'ultimatum-changes', load: (id) => store.get(id), handlers: { onPhase: (c) => notify(c) } });
 */
export async function work(boss: BossLike, opts: WorkOptions): Promise<string> {
  const place = await placeOf(boss, opts);
  const options = { batchSize: opts.batchSize ?? 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  return boss.work(opts.queue, options, async (jobs) => {
    for (const job of jobs) {
      const id = (job.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') await runJob(place, opts, job.id, id);
    }
  });
}
