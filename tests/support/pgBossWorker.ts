/**
 * A worker process for the pg-boss tests: delivers changes of the queue in PG_QUEUE from the
 * server at PG_URL, loading documents from the `ultimatums` table. Each handler call is logged in
 * `calls` (every call) and its effect written to `deliveries` once per key, a few milliseconds
 * apart so that a test can kill the process in the middle of a run.
 */
import PgBoss from 'pg-boss';
import { parseUltimatum } from 'ultimatum';
import { type DeliveredChange, work } from 'ultimatum/pg-boss';

const url = process.env.PG_URL as string;
const queue = process.env.PG_QUEUE as string;
const name = process.env.WORKER_NAME ?? String(process.pid);
const boss = new PgBoss({ connectionString: url, maintenanceIntervalSeconds: 1, max: 4 });
boss.on('error', (e) => console.error(e));
await boss.start();
const db = boss.getDb();
const record = async (c: DeliveredChange) => {
  await db.executeSql('INSERT INTO calls (key, worker) VALUES ($1, $2)', [c.key, name]);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await db.executeSql('INSERT INTO deliveries (key, kind, late, worker) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING', [c.key, c.kind, c.late, name]);
};
await work(boss, {
  queue,
  batchSize: 10,
  pollingIntervalSeconds: 0.5,
  load: async (id) => {
    const { rows } = await db.executeSql('SELECT doc FROM ultimatums WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : parseUltimatum(rows[0].doc);
  },
  handlers: { onPhase: record, onMilestone: record, onDue: record },
});
console.log('ready');
