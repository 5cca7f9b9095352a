/**
 * How `ultimatum/pg-boss` plans jobs: under a lock on each ultimatum's row and on its live pg-boss
 * jobs, so that the job sent, the jobs replaced and the row change together, and no scheduler or
 * worker plans the same ultimatum meanwhile.
 */
import { fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Ultimatum } from '../model/types.js';
import { compiledOf } from '../status/compiled.js';
import { changeInstants } from '../track/changeInstants.js';
import { changesBetween } from '../track/changesBetween.js';
import { createDeliveries, type DeliveryRow, existingJobs, inTransaction, type LiveJob, liveJobs, lockRows, type PoolLike, recordJobs, type SqlRunner } from './pgBossTables.js';

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

/** The queue, tables and clock one call works with. */
export interface Place {
  readonly boss: BossLike;
  readonly pool: PoolLike;
  readonly queue: string;
  readonly table: string;
  readonly schema: string;
  readonly now: (() => number) | undefined;
}

/** What `scheduleChanges` reports. */
export type Counts = { scheduled: number; cancelled: number; unchanged: number };

/** An issue within this long of the first schedule is delivered: scheduling right after creating is the common case, and clocks differ by milliseconds. */
const ISSUE_GRACE_MS = 60_000;

const ready = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * The queue (`short` policy: one waiting job per ultimatum, and a worker's fetch never blocked by
 * one ultimatum's running job), pg-boss's job table and ours, checked once per process: calls
 * made while the first check runs wait for it (two `create_queue` at once can deadlock in
 * PostgreSQL), and a failed check is tried again by the next call.
 */
export function setUp(boss: BossLike, queue: string, table: string, schema: string): Promise<void> {
  const done = ready.get(boss) ?? new Map<string, Promise<void>>();
  ready.set(boss, done);
  const key = `${queue}\u0000${table}\u0000${schema}`;
  let check = done.get(key);
  if (check === undefined) {
    check = checkSetUp(boss, queue, table, schema);
    done.set(key, check);
    check.catch(() => done.delete(key));
  }
  return check;
}

async function checkSetUp(boss: BossLike, queue: string, table: string, schema: string): Promise<void> {
  let existing = (await boss.getQueue(queue)) as { policy?: unknown } | null;
  if (existing === null) {
    try {
      await boss.createQueue(queue, { policy: 'short' });
    } catch (e) {
      // Another process created it at the same moment (and PostgreSQL may have chosen this one to
      // fail, as a deadlock): what counts is that it is there now, with the right policy.
      existing = (await boss.getQueue(queue)) as { policy?: unknown } | null;
      if (existing === null) throw e;
    }
  }
  if (existing !== null && existing.policy !== 'short') fail('INVALID_INPUT', ['queue'], messages.custom(`queue "${queue}" must have the short policy, not ${String(existing.policy)}`));
  const db = boss.getDb();
  const { rows } = await db.executeSql('SELECT to_regclass($1) IS NOT NULL AS found', [`${schema}.job`]);
  if (rows[0]?.found !== true) fail('INVALID_INPUT', ['schema'], messages.custom(`pg-boss has no job table in schema "${schema}": pass the schema it was started with`));
  await createDeliveries(db, table);
}

/**
 * The first instant after `afterMs` at which a handler has something to hear, or null when
 * nothing is left to happen (an event that changes no phase, such as a note or an extension, is
 * an instant of change for a tracker but nothing to deliver).
 */
export function nextChangeAfter(u: Ultimatum, afterMs: number): number | null {
  for (const t of changeInstants(u)) if (t > afterMs && changesBetween(u, t - 1, t).length > 0) return t;
  return null;
}

/** Where a new ultimatum's deliveries start: its issue, if that was within the grace; else now. */
function firstDelivered(u: Ultimatum | undefined, clockMs: number): number {
  const issued = u === undefined ? Number.NaN : compiledOf(u).issuedMs;
  return issued > clockMs - ISSUE_GRACE_MS && issued <= clockMs ? issued - 1 : clockMs;
}

/** The clocks of one planning: the caller's (`now`, for tests) or the database's, and the database's. */
function clocks(place: Place, dbNowMs: number): { nowMs: number; dbNowMs: number } {
  return { nowMs: place.now?.() ?? dbNowMs, dbNowMs };
}

/** A job at `nextMs` by the planning clock, placed on the database's clock that pg-boss starts jobs by. */
function jobFor(place: Place, id: string, nextMs: number, clock: { nowMs: number; dbNowMs: number }): { id: string } {
  const startAfter = new Date(clock.dbNowMs + Math.max(0, nextMs - clock.nowMs)).toISOString();
  return { id: globalThis.crypto.randomUUID(), name: place.queue, data: { id }, startAfter, singletonKey: id, retryLimit: 20, retryDelay: 1, retryBackoff: true } as { id: string };
}

/** Cancels, sends (checking the queue holds each job sent) and records, in the transaction of `db`. */
async function apply(place: Place, db: SqlRunner, cancels: string[], jobs: { id: string }[], planned: [string, string | null, number | null][]): Promise<void> {
  const { boss, queue, schema, table } = place;
  if (cancels.length > 0) await boss.cancel(queue, cancels, { db });
  if (jobs.length > 0) {
    await boss.insert(jobs, { db });
    const inserted = await existingJobs(db, schema, queue, jobs.map((j) => j.id));
    const refused = planned.find((p) => p[1] !== null && !inserted.has(p[1]));
    if (refused !== undefined) fail('INVALID_INPUT', ['queue'], messages.custom(`queue "${queue}" refused the job of "${refused[0]}"`));
  }
  if (planned.length > 0) await recordJobs(db, table, queue, planned);
}

/** The waiting jobs of one ultimatum that its row does not name: left by another program, or by a table emptied. */
function strays(jobs: readonly LiveJob[] | undefined, named: string | null): string[] {
  return (jobs ?? []).filter((j) => j.id !== named && j.state !== 'active').map((j) => j.id);
}

/**
 * Plans the job of each ultimatum of `batch` (distinct ids) at its next undelivered change. One
 * whose job is running is left to it: the worker plans the successor, from the document as it is
 * then. A job the row names that has ended (completed, failed, cancelled outside) is planned anew.
 */
export async function scheduleBatch(place: Place, batch: ReadonlyMap<string, Ultimatum>, counts: Counts): Promise<void> {
  const ids = [...batch.keys()];
  await inTransaction(place.pool, async (db) => {
    const locked = await lockRows(db, place.table, place.queue, ids, (id, dbNow) => firstDelivered(batch.get(id), place.now?.() ?? dbNow));
    const clock = clocks(place, locked.dbNowMs);
    const live = await liveJobs(db, place.schema, place.queue, locked.rows);
    const cancels: string[] = [];
    const jobs: { id: string }[] = [];
    const planned: [string, string | null, number | null][] = [];
    for (const [id, u] of batch) {
      const row = locked.rows.get(id) as DeliveryRow;
      const named = live.get(id)?.find((j) => j.id === row.jobId);
      cancels.push(...strays(live.get(id), row.jobId));
      const next = named?.state === 'active' ? row.due : nextChangeAfter(u, row.delivered);
      if (named !== undefined && next === row.due) {
        counts.unchanged++;
        continue;
      }
      if (named !== undefined) cancels.push(named.id);
      const job = next === null ? undefined : jobFor(place, id, next, clock);
      if (job !== undefined) jobs.push(job);
      planned.push([id, job?.id ?? null, next]);
      counts[next === null ? 'cancelled' : 'scheduled']++;
    }
    await apply(place, db, cancels, jobs, planned);
  });
}

/**
 * Plans the successor of the running job `jobId`, under the lock, from the document loaded under
 * it (so that an amendment scheduled while the job ran is seen). Returns `more` when the document
 * has changes due already (an amendment added one): they are delivered before anything is planned.
 */
export async function planSuccessor(
  place: Place,
  load: (id: string) => Promise<Ultimatum | undefined>,
  jobId: string,
  id: string,
): Promise<'done' | 'more'> {
  return inTransaction(place.pool, async (db) => {
    const locked = await lockRows(db, place.table, place.queue, [id], (_, dbNow) => dbNow);
    const row = locked.rows.get(id) as DeliveryRow;
    if (row.jobId !== jobId) return 'done';
    const u = await load(id);
    if (u === undefined) {
      await db.executeSql(`DELETE FROM ${place.table} WHERE queue = $1 AND id = $2`, [place.queue, id]);
      return 'done';
    }
    const clock = clocks(place, locked.dbNowMs);
    if (changesBetween(u, row.delivered, clock.nowMs).length > 0) return 'more';
    const next = nextChangeAfter(u, row.delivered);
    const job = next === null ? undefined : jobFor(place, id, next, clock);
    const live = await liveJobs(db, place.schema, place.queue, locked.rows);
    await apply(place, db, strays(live.get(id), jobId), job === undefined ? [] : [job], [[id, job?.id ?? null, next]]);
    return 'done';
  });
}
