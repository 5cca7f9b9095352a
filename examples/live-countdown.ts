/**
 * A live terminal countdown: redraws one line in place every second until the deadline passes or
 * you press Ctrl-C. Colour unless NO_COLOR is set; plain lines, no escape codes, when the output
 * is not a terminal (then it prints `--ticks` lines, default 1, and exits).
 * Run: npx tsx examples/live-countdown.ts [ISO deadline] [--ticks=N]
 */
import { countdown, formatCountdown, safeCreateUltimatum, status, watch } from 'ultimatum';

const args = process.argv.slice(2);
const deadlineArg = args.find((a) => !a.startsWith('--'));
const ticksArg = Number(args.find((a) => a.startsWith('--ticks='))?.slice(8));
const tty = process.stdout.isTTY === true;
const color = tty && !('NO_COLOR' in process.env);
const maxTicks = Number.isInteger(ticksArg) && ticksArg > 0 ? ticksArg : tty ? Number.POSITIVE_INFINITY : 1;

const now = Date.now();
const created = safeCreateUltimatum({
  title: 'Countdown',
  issuer: 'you',
  addressee: 'you',
  demands: ['be ready'],
  issuedAt: now,
  deadline: deadlineArg ? { at: deadlineArg } : { after: { days: 50 } },
});
if (!created.success) {
  console.error(created.error.message); // e.g. "deadline: puts the deadline before the ultimatum was issued"
  process.exit(1);
}
const u = created.data;

const paint = (text: string, code: number) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
let ticks = 0;
const controller = new AbortController();

function line(at: number): string {
  const s = status(u, at);
  const c = countdown(u, at);
  const text = formatCountdown(c, { maxUnits: 4 });
  const bar = `${'█'.repeat(Math.round(s.progress * 20)).padEnd(20, '·')}`;
  return c.past ? paint(`Deadline passed ${text} ago`, 31) : `${paint(text, 32)} left  ${bar} ${(s.progress * 100).toFixed(1)} %`;
}

function finish(): void {
  controller.abort();
  if (tty) process.stdout.write('\n');
}

process.once('SIGINT', finish);
watch(
  u,
  {
    onTick: (s) => {
      ticks++;
      // Redraw in place on a terminal: carriage return, then clear to the end of the line.
      process.stdout.write(tty ? `\r${line(s.atMs)}\x1b[K` : `${line(s.atMs)}\n`);
      if (ticks >= maxTicks || s.phase === 'expired') finish();
    },
  },
  { tickMs: 1000, signal: controller.signal },
);
