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
 * The rows of `ids` (created when missing), locked until the transaction ends, and the clock.
 * Ids are locked in one order everywhere, so two transactions never wait for each other in a ring.
 */
export async function lockRows(
  db: SqlRunner,
  table: string,
  queue: string,
  ids: readonly string[],
  now: number | undefined,
): Promise<{ rows: Map<string, DeliveryRow>; nowMs: number }> {
  const sorted = [...ids].sort();
  await db.executeSql(`INSERT INTO ${table} (queue, id, delivered_ms) SELECT $1, unnest($2::text[]), COALESCE($3::bigint, ${DB_NOW_MS}) ON CONFLICT DO NOTHING`, [
    queue,
    sorted,
    now ?? null,
  ]);
  const { rows } = await db.executeSql(
    `SELECT id, delivered_ms, job_id, due_ms, ${DB_NOW_MS} AS now_ms FROM ${table} WHERE queue = $1 AND id = ANY($2::text[]) ORDER BY id COLLATE "C" FOR UPDATE`,
    [queue, sorted],
  );
  const nowMs = now ?? Number(rows[0]?.now_ms);
  return { rows: new Map(rows.map((r) => [r.id as string, rowOf(r)])), nowMs };
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

/** Of `ids`, the jobs of `queue` still waiting to run (created or retry): the ones to cancel; a running job is left to finish. */
export async function waitingJobs(db: SqlRunner, schema: string, queue: string, ids: readonly string[]): Promise<string[]> {
  const { rows } = await db.executeSql(`SELECT id::text AS id FROM ${schema}.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state IN ('created', 'retry')`, [queue, ids]);
  return rows.map((r) => r.id as string);
}

/** Of `ids`, the jobs of `queue` that exist: an insert refused by the queue's policy leaves one out. */
export async function existingJobs(db: SqlRunner, schema: string, queue: string, ids: readonly string[]): Promise<Set<string>> {
  const { rows } = await db.executeSql(`SELECT id::text AS id FROM ${schema}.job WHERE name = $1 AND id = ANY($2::uuid[])`, [queue, ids]);
  return new Set(rows.map((r) => r.id as string));
}
