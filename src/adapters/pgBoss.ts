/**
 * `ultimatum/pg-boss`: durable reminders. Each ultimatum's next change is a pg-boss job; a worker
 * that runs it reloads the ultimatum, delivers every change since the last one it delivered, and
 * schedules the next. pg-boss is the caller's (an optional peer): this module only calls the
 * instance it is given, so it has no import of its own to fail.
 */
import { fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Ultimatum } from '../model/types.js';
import { changesBetween, type UltimatumChange } from '../track/changesBetween.js';
import { type BossLike, type Counts, type Place, planSuccessor, scheduleBatch, setUp } from './pgBossPlan.js';
import { type PoolLike, poolOf, readRow, recordDelivery, sqlName } from './pgBossTables.js';
import * as readerCode from '../model/readerCode.js';
import { useReaderCode } from '../model/readers.js';

// A server runtime: documents are read by readers written as code (see src/index.node.ts).
useReaderCode(readerCode);

export type { BossLike } from './pgBossPlan.js';
export type { PoolLike, SqlRunner } from './pgBossTables.js';

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
  /** A clock for tests (epoch ms; jobs are still placed on the database's clock); default the database's, the clock pg-boss starts jobs by. */
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

/** Ultimatums planned per transaction: a few statements for each thousand, not per ultimatum. */
const BATCH = 2_000;

async function placeOf(boss: BossLike, opts: DurableQueue): Promise<Place> {
  const table = sqlName(opts.table ?? 'ultimatum_deliveries', 'table');
  const schema = sqlName(opts.schema ?? 'pgboss', 'schema');
  const pool = poolOf(opts.pool, boss.getDb());
  await setUp(boss, opts.queue, table, schema);
  return { boss, pool, queue: opts.queue, table, schema, now: opts.now };
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
  // The last of one id in a batch wins: it is the document as amended last.
  let batch = new Map<string, Ultimatum>();
  for (const u of list) {
    batch.delete(u.id);
    batch.set(u.id, u);
    if (batch.size === BATCH) {
      await scheduleBatch(place, batch, counts);
      batch = new Map();
    }
  }
  if (batch.size > 0) await scheduleBatch(place, batch, counts);
  return counts;
}

/** Calls the handler of a change's kind. */
async function deliver(handlers: WorkOptions['handlers'], change: DeliveredChange): Promise<void> {
  if (change.kind === 'phase') await handlers.onPhase?.(change);
  else if (change.kind === 'milestone') await handlers.onMilestone?.(change);
  else await handlers.onDue?.(change);
}

/** The caller's `load`, refusing a document of another ultimatum. */
function loader(opts: WorkOptions): (id: string) => Promise<Ultimatum | undefined> {
  return async (id) => {
    const u = await opts.load(id);
    if (u !== undefined && u.id !== id) fail('INVALID_INPUT', ['load'], messages.custom(`load("${id}") returned the ultimatum "${u.id}"`));
    return u;
  };
}

/**
 * Delivers what is due of one ultimatum, one instant at a time, each recorded before the next.
 * Returns false when the row no longer names this job (a later schedule replaced it while it
 * waited): the job that replaced it delivers.
 */
async function deliverDue(place: Place, opts: WorkOptions, load: (id: string) => Promise<Ultimatum | undefined>, jobId: string, id: string): Promise<boolean> {
  const db = place.boss.getDb();
  const u = await load(id);
  const lateAfter = opts.lateAfterMs ?? 60_000;
  for (;;) {
    const { row, nowMs } = await readRow(db, place.table, place.queue, id);
    if (row === undefined || row.jobId !== jobId) return false;
    if (u === undefined) return true;
    const now = place.now?.() ?? nowMs;
    const changes = changesBetween(u, row.delivered, now);
    if (changes.length === 0) return true;
    // The changes of one instant are delivered together, then recorded: a crash between them
    // delivers the instant again (at least once), never skips part of it.
    const at = (changes[0] as UltimatumChange).atMs;
    for (const change of changes) if (change.atMs === at) await deliver(opts.handlers, { ...change, late: now - at > lateAfter });
    const planned = await recordDelivery(db, place.table, place.queue, id, row.delivered, at);
    // Not recorded (another run of this job got there first): read where the row is, and go on from there.
    if (planned !== false && planned !== jobId) return false;
  }
}

/** How often one run delivers and plans again when the document keeps bringing changes already due. */
const MAX_ROUNDS = 10;

/** One job: deliver what is due since the last delivery, then plan the next under the lock. */
async function runJob(place: Place, opts: WorkOptions, jobId: string, id: string): Promise<void> {
  const load = loader(opts);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (!(await deliverDue(place, opts, load, jobId, id))) return;
    if ((await planSuccessor(place, load, jobId, id)) === 'done') return;
  }
  // pg-boss retries the job: by then the document has settled.
  throw new Error(`ultimatum "${id}" kept bringing changes already due: ${MAX_ROUNDS} rounds`);
}

/**
 * Starts a pg-boss worker that delivers the changes `scheduleChanges` scheduled: for each job, the
 * ultimatum is loaded again (`load`), its status computed at the real time of the run (the clock
 * read then), each change since the last one recorded handed to its handler — one instant at a
 * time, each recorded before the next, so an instant is delivered again only when a run fails
 * before recording it; a change that passed while every worker was down comes `late` — and the
 * next job planned.
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
