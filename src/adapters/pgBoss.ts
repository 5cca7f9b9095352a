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

/**
 * What this adapter uses of a `PgBoss` instance (pg-boss 10): a structural type, so that
 * `ultimatum/pg-boss` needs no types of pg-boss to compile.
 *
 * @example
 * import PgBoss from 'pg-boss';
 * const boss: BossLike = new PgBoss(process.env.DATABASE_URL!);
 */
export interface BossLike {
  insert(jobs: object[]): Promise<unknown>;
  createQueue(name: string, options?: object): Promise<void>;
  getQueue(name: string): Promise<unknown>;
  work(name: string, options: object, handler: (jobs: { id: string; data: unknown }[]) => Promise<unknown>): Promise<string>;
  cancel(name: string, id: string | string[]): Promise<unknown>;
  getDb(): { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };
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
  /** The clock (epoch ms); default `Date.now`. */
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

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}(?:\.[a-z_][a-z0-9_]{0,62})?$/;

type Db = ReturnType<BossLike['getDb']>;

function tableOf(opts: DurableQueue): string {
  const table = opts.table ?? 'ultimatum_deliveries';
  if (!IDENTIFIER.test(table)) fail('INVALID_INPUT', ['table'], messages.expectedType('a lower-case SQL name, optionally schema.name'));
  return table;
}

const ready = new WeakMap<object, Set<string>>();

/** The queue (stately: one queued and one active job per ultimatum) and the table, created once per process. */
async function setUp(boss: BossLike, queue: string, table: string): Promise<void> {
  const done = ready.get(boss) ?? new Set<string>();
  ready.set(boss, done);
  const key = `${queue}\u0000${table}`;
  if (done.has(key)) return;
  const existing = (await boss.getQueue(queue)) as { policy?: unknown } | null;
  if (existing === null) await boss.createQueue(queue, { policy: 'stately' });
  // Another policy would allow two queued jobs of one ultimatum: every guarantee below needs this one.
  else if (existing.policy !== 'stately') fail('INVALID_INPUT', ['queue'], messages.custom(`queue "${queue}" must have the stately policy, not ${String(existing.policy)}`));
  const sql = `CREATE TABLE IF NOT EXISTS ${table} (queue text NOT NULL, id text NOT NULL, delivered_ms bigint NOT NULL, job_id text, due_ms bigint, PRIMARY KEY (queue, id))`;
  try {
    await boss.getDb().executeSql(sql);
  } catch {
    // Two processes creating it at once: one of them wins, and then it exists.
    await boss.getDb().executeSql(sql);
  }
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

interface Row {
  delivered: number;
  jobId: string | null;
  due: number | null;
}

type Counts = { scheduled: number; cancelled: number; unchanged: number };

/** Ultimatums scheduled per round of SQL: a few statements for each thousand, not per ultimatum. */
const BATCH = 2_000;

function rowOf(r: Record<string, unknown> | undefined, now: number): Row {
  if (r === undefined) return { delivered: now, jobId: null, due: null };
  return { delivered: Number(r.delivered_ms), jobId: (r.job_id as string | null) ?? null, due: r.due_ms === null || r.due_ms === undefined ? null : Number(r.due_ms) };
}

async function readRows(db: Db, table: string, queue: string, ids: string[], now: number): Promise<Map<string, Record<string, unknown>>> {
  // A new ultimatum has delivered nothing, and what happened before it was scheduled is history.
  await db.executeSql(`INSERT INTO ${table} (queue, id, delivered_ms) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING`, [queue, ids, now]);
  const { rows } = await db.executeSql(`SELECT id, delivered_ms, job_id, due_ms FROM ${table} WHERE queue = $1 AND id = ANY($2::text[])`, [queue, ids]);
  return new Map(rows.map((r) => [r.id as string, r]));
}

/**
 * Puts the job of each ultimatum at its next undelivered change (cancelling the one it had), or
 * cancels it: one insert of rows, one read, one cancel, one insert of jobs and one update per
 * batch. `current` is the job being run, when a worker schedules its own successor.
 */
async function scheduleBatch(boss: BossLike, queue: string, table: string, batch: readonly Ultimatum[], now: number, counts: Counts, current?: string) {
  const db = boss.getDb();
  const latest = new Map<string, Ultimatum>();
  for (const u of batch) latest.set(u.id, u);
  const ids = [...latest.keys()];
  const rows = await readRows(db, table, queue, ids, now);
  const cancels: string[] = [];
  const jobs: object[] = [];
  const changed: [id: string, jobId: string | null, due: number | null][] = [];
  for (const [id, u] of latest) {
    const row = rowOf(rows.get(id), now);
    const next = nextChangeAfter(u, row.delivered);
    const own = row.jobId !== null && row.jobId === current;
    if (next === row.due && row.jobId !== null && !own) {
      counts.unchanged++;
      continue;
    }
    if (row.jobId !== null && !own) cancels.push(row.jobId);
    let jobId: string | null = null;
    if (next !== null) {
      jobId = globalThis.crypto.randomUUID();
      jobs.push({ id: jobId, name: queue, data: { id }, startAfter: new Date(Math.max(next, now)).toISOString(), singletonKey: id, retryLimit: 20, retryDelay: 1, retryBackoff: true });
    }
    changed.push([id, jobId, next]);
    counts[next === null ? 'cancelled' : 'scheduled']++;
  }
  // Cancelled first: a stately queue holds one queued job per ultimatum.
  if (cancels.length > 0) await boss.cancel(queue, cancels);
  if (jobs.length > 0) await boss.insert(jobs);
  if (changed.length > 0) {
    await db.executeSql(
      `UPDATE ${table} AS t SET job_id = v.job_id, due_ms = v.due_ms FROM unnest($2::text[], $3::text[], $4::bigint[]) AS v(id, job_id, due_ms) WHERE t.queue = $1 AND t.id = v.id`,
      [queue, changed.map((c) => c[0]), changed.map((c) => c[1]), changed.map((c) => c[2])],
    );
  }
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
  const table = tableOf(opts);
  await setUp(boss, opts.queue, table);
  const list: Iterable<Ultimatum> =
    typeof (target as { list?: unknown }).list === 'function'
      ? (target as { list(): Ultimatum[] }).list()
      : Symbol.iterator in (target as object)
        ? (target as Iterable<Ultimatum>)
        : [target as Ultimatum];
  const counts: Counts = { scheduled: 0, cancelled: 0, unchanged: 0 };
  const now = (opts.now ?? Date.now)();
  let batch: Ultimatum[] = [];
  for (const u of list) {
    batch.push(u);
    if (batch.length === BATCH) {
      await scheduleBatch(boss, opts.queue, table, batch, now, counts);
      batch = [];
    }
  }
  if (batch.length > 0) await scheduleBatch(boss, opts.queue, table, batch, now, counts);
  return counts;
}

/** Calls the handler of a change's kind. */
async function deliver(handlers: WorkOptions['handlers'], change: DeliveredChange): Promise<void> {
  if (change.kind === 'phase') await handlers.onPhase?.(change);
  else if (change.kind === 'milestone') await handlers.onMilestone?.(change);
  else await handlers.onDue?.(change);
}

/** One job: reload, deliver what happened since the last delivery (instant by instant), schedule the next. */
async function runJob(boss: BossLike, opts: WorkOptions, table: string, jobId: string, id: string): Promise<void> {
  const db = boss.getDb();
  const u = await opts.load(id);
  if (u !== undefined && u.id !== id) fail('INVALID_INPUT', ['load'], messages.custom(`load("${id}") returned the ultimatum "${u.id}"`));
  if (u === undefined) {
    await db.executeSql(`DELETE FROM ${table} WHERE queue = $1 AND id = $2`, [opts.queue, id]);
    return;
  }
  const now = (opts.now ?? Date.now)();
  const row = rowOf((await readRows(db, table, opts.queue, [id], now)).get(id), now);
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
    const { rows } = await db.executeSql(`UPDATE ${table} SET delivered_ms = $4 WHERE queue = $1 AND id = $2 AND delivered_ms = $3 RETURNING id`, [
      opts.queue,
      id,
      delivered,
      at,
    ]);
    // Another worker moved on (a job delivered twice): it delivers the rest.
    if (rows.length === 0) return;
    delivered = at;
  }
  // Planned from the document as it is now: an amendment made while the handlers ran is not undone.
  const fresh = (await opts.load(id)) ?? u;
  await scheduleBatch(boss, opts.queue, table, [fresh], now, { scheduled: 0, cancelled: 0, unchanged: 0 }, jobId);
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
  const table = tableOf(opts);
  await setUp(boss, opts.queue, table);
  const options = { batchSize: opts.batchSize ?? 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  return boss.work(opts.queue, options, async (jobs) => {
    for (const job of jobs) {
      const id = (job.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string') await runJob(boss, opts, table, job.id, id);
    }
  });
}
