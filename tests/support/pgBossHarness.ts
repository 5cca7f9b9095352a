/**
 * What the pg-boss tests share: a real PostgreSQL server (support/postgres.ts) or the reason there
 * is none, pg-boss instances stopped after the file, a documents table, and small ultimatums whose
 * changes fall in the next seconds.
 */
import type { ChildProcess } from 'node:child_process';
import PgBoss from 'pg-boss';
import { createUltimatum, parseUltimatum, type Ultimatum } from 'ultimatum';
import { type Postgres, startPostgres } from './postgres.js';

export const SECOND = 1_000;

/** Starts the server; in CI (ULTIMATUM_REQUIRE_POSTGRES=1) a missing server fails, never skips. */
export async function startServer(file: string): Promise<{ pg: Postgres; unavailable: string | undefined }> {
  const server = await startPostgres();
  const unavailable = 'unavailable' in server ? server.unavailable : undefined;
  if (unavailable !== undefined && process.env.ULTIMATUM_REQUIRE_POSTGRES === '1') throw new Error(`PostgreSQL is required here: ${unavailable}`);
  if (unavailable !== undefined) console.warn(`${file} skipped: ${unavailable}`);
  return { pg: server as Postgres, unavailable };
}

const bosses: PgBoss[] = [];
export const children: ChildProcess[] = [];

export async function boss(pg: Postgres): Promise<PgBoss> {
  const b = new PgBoss({ connectionString: pg.url, maintenanceIntervalSeconds: 1, max: 5 });
  b.on('error', (e) => console.error(e));
  await b.start();
  bosses.push(b);
  return b;
}

export async function stopAll(pg: Postgres): Promise<void> {
  for (const c of children) c.kill('SIGKILL');
  for (const b of bosses) await b.stop({ graceful: false, wait: true }).catch(() => undefined);
  pg.stop();
}

export async function sql(b: PgBoss, text: string, values?: unknown[]) {
  return (await b.getDb().executeSql(text, values ?? [])).rows as Record<string, unknown>[];
}

/**
 * An ultimatum issued `inMs` from `t0`, due `forMs` (default 10 s) later, with its half-time
 * milestone and one consequence: four changes — active at issue, the milestone at half time,
 * expired and the consequence due at the deadline.
 */
export function quick(id: string, t0: number, inMs: number, forMs = 10 * SECOND): Ultimatum {
  return createUltimatum({
    id,
    title: id,
    issuer: 'test',
    addressee: 'test',
    demands: ['reply'],
    zone: 'UTC',
    issuedAt: t0 + inMs,
    deadline: { after: { milliseconds: forMs } },
    milestones: { fractions: [0.5], before: [] },
    consequences: [{ id: 'escalate', kind: 'custom', description: 'escalate' }],
  });
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function createDocuments(b: PgBoss): Promise<void> {
  await sql(b, 'CREATE TABLE IF NOT EXISTS ultimatums (id text PRIMARY KEY, doc jsonb NOT NULL)');
}

export async function store(b: PgBoss, list: readonly Ultimatum[]) {
  await sql(b, 'INSERT INTO ultimatums (id, doc) SELECT x->>\'id\', x FROM jsonb_array_elements($1::jsonb) x ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc', [JSON.stringify(list)]);
}

export const load = (b: PgBoss) => async (id: string) => {
  const rows = await sql(b, 'SELECT doc FROM ultimatums WHERE id = $1', [id]);
  return rows[0] === undefined ? undefined : parseUltimatum(rows[0].doc);
};

/** The adapter's row of one ultimatum. */
export async function deliveryRow(b: PgBoss, queue: string, id: string): Promise<Record<string, unknown> | undefined> {
  return (await sql(b, 'SELECT delivered_ms, job_id, due_ms FROM ultimatum_deliveries WHERE queue = $1 AND id = $2', [queue, id]))[0];
}
