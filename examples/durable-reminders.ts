/**
 * Durable reminders with pg-boss: deadlines kept in PostgreSQL, delivered by workers that may
 * restart. The documents live in a table of the application's own, `ultimatums(id, doc jsonb)`;
 * ultimatum/pg-boss keeps one job per ultimatum at its next change, and its own small table of
 * what was delivered.
 *
 *   DATABASE_URL=postgres://… npx tsx examples/durable-reminders.ts
 *
 * A cure period of 10 seconds (short, to watch it happen) with a reminder at half time: scheduled,
 * then extended by 4 seconds (the job moves), then delivered as it falls due.
 */
import PgBoss from 'pg-boss';
import { createUltimatum, extend, parseUltimatum, type Ultimatum } from 'ultimatum';
import { scheduleChanges, work } from 'ultimatum/pg-boss';

const url = process.env.DATABASE_URL;
if (url === undefined) {
  console.error('Set DATABASE_URL to a PostgreSQL database (pg-boss creates its schema there).');
  process.exit(2);
}
const queue = 'ultimatum-changes';
const boss = new PgBoss(url);
boss.on('error', (e) => console.error(e));
await boss.start();
const db = boss.getDb();
await db.executeSql('CREATE TABLE IF NOT EXISTS ultimatums (id text PRIMARY KEY, doc jsonb NOT NULL)', []);

const save = (u: Ultimatum) =>
  db.executeSql('INSERT INTO ultimatums (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc', [u.id, JSON.stringify(u)]);
const load = async (id: string) => {
  const { rows } = await db.executeSql('SELECT doc FROM ultimatums WHERE id = $1', [id]);
  return rows[0] === undefined ? undefined : parseUltimatum(rows[0].doc);
};
const dueOf = async (id: string) => {
  const { rows } = await db.executeSql('SELECT due_ms FROM ultimatum_deliveries WHERE queue = $1 AND id = $2', [queue, id]);
  return new Date(Number(rows[0]?.due_ms)).toISOString();
};

const issued = Date.now();
let notice = createUltimatum({
  id: `cure-notice-${issued}`,
  title: 'Notice to cure a breach',
  issuer: 'Landlord',
  addressee: 'Tenant',
  demands: ['Repair the boiler'],
  zone: 'Europe/London',
  issuedAt: issued,
  deadline: { after: { seconds: 10 } },
  milestones: { fractions: [0.5], before: [] },
  consequences: [{ id: 'terminate', kind: 'custom', description: 'Terminate the lease' }],
});
await save(notice);
await scheduleChanges(boss, notice, { queue });
console.log(`issued:    ${new Date(issued).toISOString()}, 10 seconds to cure`);
console.log(`scheduled: next change at ${await dueOf(notice.id)} (the issue itself)`);

const print = (line: string) => console.log(line);
let delivered: (phase: string) => void = () => undefined;
const issuedDelivered = new Promise<string>((resolve) => {
  delivered = resolve;
});
let left = 3;
const done = new Promise<void>((resolve) => {
  const last = (line: string) => {
    print(line);
    if (--left === 0) resolve();
  };
  void work(boss, {
    queue,
    load,
    pollingIntervalSeconds: 0.5,
    handlers: {
      onMilestone: (c) => last(`${new Date(c.atMs).toISOString()} milestone: ${c.label}`),
      onPhase: (c) => {
        if (c.phase === 'active') {
          print(`${new Date(c.atMs).toISOString()} phase: ${c.previous} → ${c.phase}`);
          delivered(c.phase);
        } else last(`${new Date(c.atMs).toISOString()} phase: ${c.previous} → ${c.phase}`);
      },
      onDue: (c) => last(`${new Date(c.atMs).toISOString()} due: ${c.consequenceId}`),
    },
  });
});

// Once the issue is delivered, the worker plans the next job: half time.
await issuedDelivered;
const halfTime = new Date(issued + 5_000).toISOString();
while ((await dueOf(notice.id)) !== halfTime) await new Promise((resolve) => setTimeout(resolve, 50));
console.log(`planned:   next change at ${halfTime} (half time)`);

// Amended: 4 more seconds. Save the document, schedule again: the job moves.
notice = extend(notice, { at: Date.now(), by: { seconds: 4 } });
await save(notice);
await scheduleChanges(boss, notice, { queue });
console.log(`extended:  next change at ${await dueOf(notice.id)} (half of 14 s)`);
await done;
await boss.stop({ graceful: false, wait: true });
