/**
 * The SQL of `ultimatum/pg-boss`: its table of deliveries, the transactions that lock an
 * ultimatum's row while its job is planned, and the database clock every time is read from.
 */
import { fail } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';

/**
 * What the adapter runs SQL through: pg-boss's `Db` (`boss.getDb()`), or one connection of a
 * transaction.
 *
 * @example
 * const db: SqlRunner = boss.getDb();
 */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * A connection pool in the shape of `pg.Pool`: where the adapter takes the one connection of each
 * transaction. pg-boss 10's own (`boss.getDb().pool`) is used unless another is given.
 *
 * @example
 * import pg from 'pg';
 * const pool: PoolLike = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 */
export interface PoolLike {
  connect(): Promise<{
    query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
    release(destroy?: boolean | Error): void;
  }>;
}

/** The database's clock in epoch milliseconds, as it reads when the statement runs (not when the transaction began). */
export const DB_NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}(?:\.[a-z_][a-z0-9_]{0,62})?$/;

/** A lower-case SQL name (optionally `schema.name`) that can go into a statement as it is. */
export function sqlName(name: string, path: string): string {
  if (!IDENTIFIER.test(name)) fail('INVALID_INPUT', [path], messages.expectedType('a lower-case SQL name, optionally schema.name'));
  return name;
}

/** The pool the transactions run on: the one given, else pg-boss's own. */
export function poolOf(given: PoolLike | undefined, db: object): PoolLike {
  const pool = given ?? (db as { pool?: PoolLike }).pool;
  if (typeof pool?.connect !== 'function') fail('INVALID_INPUT', ['pool'], messages.expectedType('a pg.Pool (pg-boss was given its own db: pass its pool as `pool`)'));
  return pool;
}

/**
 * Runs `body` in one transaction on one connection of `pool`: committed when it returns, rolled
 * back when it throws. Row locks taken inside (`FOR UPDATE`) are held until then.
 */
export async function inTransaction<T>(pool: PoolLike, body: (db: SqlRunner) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await body({ executeSql: (text, values) => client.query(text, values) });
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      // A connection that cannot roll back is not given back to the pool.
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** The table of deliveries, created once (two processes creating it at once: one wins, and then it exists). */
export async function createDeliveries(db: SqlRunner, table: string): Promise<void> {
  const sql = `CREATE TABLE IF NOT EXISTS ${table} (queue text NOT NULL, id text NOT NULL, delivered_ms bigint NOT NULL, job_id text, due_ms bigint, PRIMARY KEY (queue, id))`;
  try {
    await db.executeSql(sql);
  } catch {
    await db.executeSql(sql);
  }
}

/**
 * An ultimatum's row: the last instant delivered (a new one starts at the moment it was first
 * scheduled: what happened before is history) and the job planned for it.
 */
export interface DeliveryRow {
  readonly delivered: number;
  readonly jobId: string | null;
  readonly due: number | null;
}

function rowOf(r: Record<string, unknown>): DeliveryRow {
  return { delivered: Number(r.delivered_ms), jobId: (r.job_id as string | null) ?? null, due: r.due_ms === null ? null : Number(r.due_ms) };
}

/**
 * The rows of `ids` (distinct), locked until the transaction ends, created when missing
 * (`firstDelivered` gives a new row's start, from the database's now), and the database's now.
 * Rows are created and locked in one order everywhere (SQL's "C" collation), so that two
 * transactions never wait for each other in a ring.
 */
export async function lockRows(
  db: SqlRunner,
  table: string,
  queue: string,
  ids: readonly string[],
  firstDelivered: (id: string, dbNowMs: number) => number,
): Promise<{ rows: Map<string, DeliveryRow>; dbNowMs: number }> {
  const { rows: clock } = await db.executeSql(`SELECT ${DB_NOW_MS} AS now_ms`);
  const dbNowMs = Number(clock[0]?.now_ms);
  const rows = new Map<string, DeliveryRow>();
  const lock = async (some: readonly string[]) => {
    const { rows: locked } = await db.executeSql(
      `SELECT id, delivered_ms, job_id, due_ms FROM ${table} WHERE queue = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR UPDATE`,
      [queue, some],
    );
    for (const r of locked) rows.set(r.id as string, rowOf(r));
  };
  await lock(ids);
  // The rows missing are created, then locked; one deleted meanwhile (its document gone) is created again.
  for (let round = 0; rows.size < ids.length; round++) {
    if (round === 5) throw new Error(`${table}: rows of ${ids.length - rows.size} ultimatums could not be created`);
    const missing = ids.filter((id) => !rows.has(id));
    await db.executeSql(
      `INSERT INTO ${table} (queue, id, delivered_ms) SELECT $1, x.id, x.first FROM unnest($2::text[], $3::bigint[]) AS x(id, first) ORDER BY x.id COLLATE "C" ON CONFLICT DO NOTHING`,
      [queue, missing, missing.map((id) => firstDelivered(id, dbNowMs))],
    );
    await lock(missing);
  }
  return { rows, dbNowMs };
}

/** A pg-boss job of the queue not yet ended, as the lock found it. */
export interface LiveJob {
  readonly id: string;
  readonly state: 'created' | 'retry' | 'active';
}

/**
 * The live jobs of the ultimatums of `rows`: the job each row names, if not yet ended, and any
 * other waiting job of the ultimatum (by singleton key; one the queue's policy keeps to one per
 * ultimatum). Locked until the transaction ends: a worker cannot fetch one meanwhile (pg-boss
 * fetches with SKIP LOCKED), so a job seen waiting is still waiting when it is cancelled. Both
 * reads go by index: the job's key, and the policy's unique index of waiting jobs.
 */
export async function liveJobs(db: SqlRunner, schema: string, queue: string, rows: ReadonlyMap<string, DeliveryRow>): Promise<Map<string, LiveJob[]>> {
  const named = [...rows.values()].flatMap((r) => (r.jobId === null ? [] : [r.jobId]));
  const out = new Map<string, LiveJob[]>();
  const add = (r: Record<string, unknown>) => {
    const key = r.key as string;
    const list = out.get(key) ?? [];
    if (!list.some((j) => j.id === r.id)) list.push({ id: r.id as string, state: r.state as LiveJob['state'] });
    out.set(key, list);
  };
  const columns = `id::text AS id, state::text AS state, singleton_key AS key FROM ${schema}.job WHERE name = $1`;
  if (named.length > 0) {
    const found = await db.executeSql(`SELECT ${columns} AND id = ANY($2::uuid[]) AND state < 'completed' ORDER BY id FOR UPDATE`, [queue, named]);
    for (const r of found.rows) add(r);
  }
  const waiting = await db.executeSql(
    `SELECT ${columns} AND COALESCE(singleton_key, '') = ANY($2::text[]) AND state = 'created' AND policy = 'short' ORDER BY id FOR UPDATE`,
    [queue, [...rows.keys()]],
  );
  for (const r of waiting.rows) add(r);
  return out;
}

/** One ultimatum's row (not locked) and the clock; undefined when the row is gone. */
export async function readRow(db: SqlRunner, table: string, queue: string, id: string): Promise<{ row: DeliveryRow | undefined; nowMs: number }> {
  const { rows } = await db.executeSql(
    `SELECT d.delivered_ms, d.job_id, d.due_ms, c.now_ms FROM (SELECT ${DB_NOW_MS} AS now_ms) c LEFT JOIN ${table} d ON d.queue = $1 AND d.id = $2`,
    [queue, id],
  );
  const r = rows[0] as Record<string, unknown>;
  return { row: r.delivered_ms === null ? undefined : rowOf(r), nowMs: Number(r.now_ms) };
}

/**
 * Records `at` as delivered when the row still says `from` (a run of the same job elsewhere has not
 * moved on). Returns the job the row plans now, or false when another run got there first.
 */
export async function recordDelivery(db: SqlRunner, table: string, queue: string, id: string, from: number, at: number): Promise<string | null | false> {
  const { rows } = await db.executeSql(`UPDATE ${table} SET delivered_ms = $4 WHERE queue = $1 AND id = $2 AND delivered_ms = $3 RETURNING job_id`, [
    queue,
    id,
    from,
    at,
  ]);
  return rows[0] === undefined ? false : ((rows[0].job_id as string | null) ?? null);
}

/** Sets the planned job of each ultimatum: one statement for the batch. */
export async function recordJobs(db: SqlRunner, table: string, queue: string, planned: readonly [id: string, jobId: string | null, due: number | null][]): Promise<void> {
  await db.executeSql(
    `UPDATE ${table} AS t SET job_id = v.job_id, due_ms = v.due_ms FROM unnest($2::text[], $3::text[], $4::bigint[]) AS v(id, job_id, due_ms) WHERE t.queue = $1 AND t.id = v.id`,
    [queue, planned.map((p) => p[0]), planned.map((p) => p[1]), planned.map((p) => p[2])],
  );
}

/** Of `ids`, the jobs of `queue` that exist: an insert refused by the queue's policy leaves one out. */
export async function existingJobs(db: SqlRunner, schema: string, queue: string, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.executeSql(`SELECT id::text AS id FROM ${schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`, [queue, ids]);
  return new Set(rows.map((r) => r.id as string));
}
