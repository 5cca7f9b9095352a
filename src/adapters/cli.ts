#!/usr/bin/env node
/**
 * The `ultimatum` command line (package.json `bin`, built to `dist/cli.js`): status tables,
 * countdowns, explanations, validation, iCalendar output and duration parsing for stored
 * ultimatum and tracker documents. Node only; no dependency beyond the library itself.
 *
 * The core is {@link main}, which takes its arguments and streams as values so that it can be
 * tested in-process; the few lines at the bottom run it with the process's own when this file is
 * the program being run.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DateTime } from 'luxon';
import { formatPath, issueAt, type UltimatumIssue } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import {
  type Clock,
  countdown,
  explain,
  formatCountdown,
  isUltimatumError,
  parseDuration,
  parseTracker,
  parseUltimatum,
  type Status,
  status,
  type Tracker,
  type Ultimatum,
  watch,
  watchTracker,
} from '../index.js';
import { readAt } from '../status/readAt.js';
import { zoneFor } from '../rules/zone.js';
import * as readerCode from '../model/readerCode.js';
import { useReaderCode } from '../model/readers.js';

// A server runtime: documents are read by readers written as code (see src/index.node.ts).
useReaderCode(readerCode);

/**
 * What {@link main} reads and writes instead of `process`: pass the process's own to run the
 * command line, or strings and fakes to test it in-process.
 *
 * @example
 * let out = '';
 * const io: CliIO = { stdout: { write: (s) => { out += s; } }, stderr: process.stderr, env: {}, isTTY: false };
 * await main(['parse', 'fifty days'], io); // out === '{"days":50}\n'
 */
export interface CliIO {
  /** Where results go. */
  readonly stdout: { write(chunk: string): unknown };
  /** Where usage errors and validation problems go. */
  readonly stderr: { write(chunk: string): unknown };
  /** Read when FILE is `-`; chunks of UTF-8 text or bytes. */
  readonly stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** Environment variables; only `NO_COLOR` is read. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal: then (and only then) colour and in-place redraws are used. */
  readonly isTTY: boolean;
  /** Terminal width: `countdown --watch` cuts its lines to it on a terminal, so redraws stay in place. */
  readonly columns?: number | undefined;
  /** Ends `countdown --watch` (the bin aborts it on Ctrl-C / SIGINT) and a pending read of stdin. */
  readonly signal?: AbortSignal | undefined;
  /** The clock `countdown --watch` hands to `watch()`; the system clock when absent. */
  readonly clock?: Clock | undefined;
}

/** Exit codes: success, an invalid document or text, a usage error. */
const OK = 0;
const INVALID = 1;
const USAGE = 2;
/** The conventional exit code of a program ended by SIGINT. */
const INTERRUPTED = 130;

const HELP = `Usage: ultimatum <command> [options]

Commands:
  status FILE [--at ISO] [--json]   a table: title, phase, deadline in its zone, countdown and
                                    progress bar, one row per ultimatum (--json: a JSON array)
  countdown FILE [--at ISO]         one line per ultimatum: the time left, or overdue
  countdown FILE --watch            the same, redrawn every second until Ctrl-C
  explain FILE [--at ISO]           how the deadline in force was reached, step by step
  validate FILE                     checks the document; prints each problem with its JSON path
  ics FILE                          prints the deadlines as an iCalendar (RFC 5545) file
  parse "TEXT"                      reads a duration ("fifty days", "P50D", "10 or 12 days")
                                    and prints it as JSON

FILE is a JSON document holding one ultimatum (what createUltimatum() returns, stringified) or a
tracker document ({"schemaVersion": 1, "kind": "ultimatum-tracker", "ultimatums": [...]}).
"-" reads it from standard input.

Options:
  --at ISO       The instant asked about; default: now. Read as the library reads \`at\`: without
                 an offset it is wall-clock time in each ultimatum's own zone, and a date alone is
                 the start of that day there (--at 2025-08-01 is 00:00 on 1 Aug in New York for a
                 New York ultimatum, 00:00 in Brussels for a Brussels one). With an offset or Z
                 (2025-08-01T12:00Z) it is the same instant for every ultimatum.
  --json         status: print a JSON array, one entry per ultimatum, instead of the table.
  --watch        countdown: redraw every second (in place on a terminal, a new line per second
                 otherwise) until Ctrl-C, then exit with 0. Not with --at.
  -h, --help     Print this help.
  -v, --version  Print the version.

Colour only when standard output is a terminal and NO_COLOR is not set (or empty).

Exit codes:
  0  success
  1  the document (or TEXT) is invalid: each problem is printed to standard error with its JSON
     path, e.g. "events[2].at: is before the previous event"
  2  usage error: unknown command or option, missing FILE, unreadable FILE, bad --at, or the
     iCalendar adapter missing from this build
`;

/** A problem with the command line itself: exit code 2. */
class UsageError extends Error {}

/** A document or text that is not valid: exit code 1, each issue printed with its path. */
class InvalidError extends Error {
  constructor(
    readonly label: string,
    readonly issues: readonly UltimatumIssue[],
    /** False for TEXT, which has no JSON path. */
    readonly withPath = true,
  ) {
    super('invalid');
  }
}

/** Ctrl-C while waiting for standard input. */
class Interrupted extends Error {}

/** The flags each command accepts. */
const COMMANDS: Record<string, readonly string[]> = {
  status: ['at', 'json'],
  countdown: ['at', 'watch'],
  explain: ['at'],
  validate: [],
  ics: [],
  parse: [],
};

interface Document {
  readonly label: string;
  readonly ultimatums: readonly Ultimatum[];
  /** Set when the file held a tracker document. */
  readonly tracker?: Tracker;
}

type Paint = (text: string, code: number) => string;

const COLOURS: Record<Status['phase'], number> = {
  pending: 36,
  active: 32,
  paused: 33,
  expired: 31,
  enforced: 35,
  complied: 2,
  withdrawn: 2,
};

/** Where the running file is: `import.meta.url` in the ESM build, `__filename` in the CJS one. */
function selfUrl(): URL | undefined {
  try {
    return new URL(import.meta.url);
  } catch {
    // Stryker disable next-line all: the CommonJS build only; tests load the ESM source.
    return typeof __filename === 'string' ? pathToFileURL(__filename) : undefined;
  }
}

/** The package's version, from the nearest package.json named `ultimatum` above the running file. */
function readVersion(): string {
  const self = selfUrl();
  if (self === undefined) return 'unknown';
  // dist/cli.js (installed or built), src/adapters/cli.ts (in-process tests), or a build elsewhere.
  for (let up = '../'; up.length <= 5 * 3; up += '../') {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${up}package.json`, self), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'ultimatum' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not there: try one level up.
    }
  }
  return 'unknown';
}

async function readStdin(io: CliIO): Promise<string> {
  if (io.stdin === undefined) throw new UsageError('cannot read standard input: none was given');
  const decoder = new TextDecoder();
  let text = '';
  const aborted = new Promise<never>((_, reject) => {
    if (io.signal?.aborted) reject(new Interrupted());
    io.signal?.addEventListener('abort', () => reject(new Interrupted()), { once: true });
  });
  const read = (async () => {
    for await (const chunk of io.stdin as AsyncIterable<string | Uint8Array>) {
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    }
    return text + decoder.decode();
  })();
  return Promise.race([read, aborted]);
}

async function readDocument(file: string, io: CliIO): Promise<Document> {
  const label = file === '-' ? '(stdin)' : file;
  let text: string;
  if (file === '-') text = await readStdin(io);
  else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
      throw new UsageError(`cannot read ${file}: ${why}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text); // editors on Windows write a BOM
  } catch (e) {
    throw new InvalidError(label, [issueAt('INVALID_INPUT', [], messages.notJson((e as Error).message))]);
  }
  try {
    if (typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'ultimatum-tracker') {
      const tracker = parseTracker(json);
      return { label, ultimatums: tracker.list(), tracker };
    }
    return { label, ultimatums: [parseUltimatum(json)] };
  } catch (e) {
    if (isUltimatumError(e)) throw new InvalidError(label, e.issues);
    throw e;
  }
}

/** Checks `--at` once, before any file is read; each ultimatum then reads it in its own zone. */
function checkAt(at: string | undefined): void {
  if (at === undefined) return;
  try {
    readAt(at, zoneFor('UTC')!, 'at');
  } catch (e) {
    if (isUltimatumError(e)) throw new UsageError(`--at: ${e.issues[0]?.message ?? e.message}`);
    throw e;
  }
}

/** The instant as people read it, in the ultimatum's zone: `Fri 8 Aug 2025 12:00 EDT`. */
function when(dt: DateTime): string {
  return dt.setLocale('en-US').toFormat('ccc d LLL yyyy HH:mm ZZZZ');
}

const iso = (dt: DateTime | undefined | null) => (dt ? dt.toISO({ suppressMilliseconds: true }) : null);

function deadlineText(s: Status): string {
  if (s.deadline === null) return '—';
  return s.window ? `${when(s.window.earliest)} – ${when(s.window.latest)}` : when(s.deadline);
}

/** Time left or overdue in words; `maxUnits` keeps table cells short. */
function countdownText(u: Ultimatum, s: Status, maxUnits?: number): string {
  if (s.deadline === null) return `${s.phase}, no deadline in force`;
  const c = countdown(u, s.atMs);
  const words = formatCountdown(c, { locale: 'en', ...(maxUnits === undefined ? {} : { maxUnits }) });
  if (c.past) return `overdue by ${words}`;
  return `${words} left${s.inWindow ? ' (in the window)' : ''}`;
}

const BAR_WIDTH = 20;

function progressBar(progress: number): string {
  const filled = Math.round(progress * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)} ${String(Math.floor(progress * 100)).padStart(3)} %`;
}

const truncate = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function statusTable(doc: Document, at: string | undefined, paint: Paint): string {
  const header = ['TITLE', 'PHASE', 'DEADLINE', 'COUNTDOWN', 'PROGRESS'];
  const rows = doc.ultimatums.map((u) => {
    const s = status(u, at);
    return { s, cells: [truncate(u.title, 40), s.phase, deadlineText(s), countdownText(u, s, 2), progressBar(s.progress)] };
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r.cells[i] as string).length)));
  const line = (cells: readonly string[], colour: (text: string, i: number) => string) =>
    cells
      .map((c, i) => colour(i === cells.length - 1 ? c : c.padEnd(widths[i] as number), i))
      .join('  ')
      .trimEnd();
  const out = [line(header, (t) => paint(t, 1))];
  for (const { s, cells } of rows) out.push(line(cells, (t, i) => (i === 1 || i === 4 ? paint(t, COLOURS[s.phase]) : t)));
  return `${out.join('\n')}\n`;
}

function statusJson(doc: Document, at: string | undefined): string {
  const entries = doc.ultimatums.map((u) => {
    const s = status(u, at);
    return {
      id: u.id,
      title: u.title,
      zone: u.zone,
      at: iso(s.at),
      phase: s.phase,
      deadline: iso(s.deadline),
      window: s.window ? { earliest: iso(s.window.earliest), latest: iso(s.window.latest) } : null,
      inWindow: s.inWindow,
      countdown: countdownText(u, s),
      remainingMs: s.remainingMs,
      overdueMs: s.overdueMs,
      elapsedMs: s.elapsedMs,
      pausedMs: s.pausedMs,
      progress: s.progress,
      nextMilestone: s.nextMilestone ? { label: s.nextMilestone.label, at: iso(s.nextMilestone.at) } : null,
      consequences: {
        threatened: s.consequences.threatened.map((t) => ({ id: t.consequence.id, dueAt: iso(t.dueAt) })),
        enforced: s.consequences.enforced.map((e) => ({ id: e.consequence.id, at: iso(e.at), partial: e.partial })),
        due: s.consequences.due.map((d) => ({ id: d.consequence.id, dueAt: iso(d.dueAt), partiallyEnforced: d.partiallyEnforced })),
      },
    };
  });
  return `${JSON.stringify(entries, null, 2)}\n`;
}

function countdownLine(u: Ultimatum, s: Status, paint: Paint): string {
  const notes: string[] = [];
  if (s.deadline !== null) notes.push(`deadline ${deadlineText(s)}`);
  if (s.phase === 'paused' || s.phase === 'pending' || s.phase === 'enforced') notes.push(s.phase);
  return `${u.title} — ${paint(countdownText(u, s), COLOURS[s.phase])}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

function explainText(doc: Document, at: string | undefined, paint: Paint): string {
  const out: string[] = [];
  for (const u of doc.ultimatums) {
    if (out.length > 0) out.push('');
    out.push(paint(`${u.title} (${u.id})`, 1));
    explain(u, at).forEach((step, i) => {
      out.push(`  ${i + 1}. ${step.text}${step.note ? ` (${step.note})` : ''}`);
    });
  }
  return `${out.join('\n')}\n`;
}

/** Runs `countdown --watch` until `io.signal` aborts; resolves with the exit code. */
function watchCountdowns(doc: Document, io: CliIO, paint: Paint): Promise<number> {
  return new Promise((resolve) => {
    const controller = new AbortController();
    const n = doc.ultimatums.length;
    const width = io.isTTY && io.columns !== undefined && io.columns > 1 ? io.columns - 1 : Number.POSITIVE_INFINITY;
    let frame: string[] = [];
    let drawn = 0;
    const draw = () => {
      if (io.isTTY) {
        // Back to the start of the block, then each line cleared to its end.
        const up = drawn > 1 ? `\x1b[${drawn - 1}A` : '';
        io.stdout.write(`${drawn > 0 ? `\r${up}` : ''}${frame.map((l) => `${l}\x1b[K`).join('\n')}`);
        drawn = frame.length;
      } else io.stdout.write(`${frame.join('\n')}\n`);
      frame = [];
    };
    const onTick = (s: Status, u: Ultimatum) => {
      // Plain text is measured before colour is added, so that cutting never splits an escape.
      const plain = countdownLine(u, s, (t) => t);
      frame.push(plain.length > width ? truncate(plain, width) : countdownLine(u, s, paint));
      if (frame.length === n) draw();
    };
    const finish = () => {
      controller.abort();
      if (io.isTTY && drawn > 0) io.stdout.write('\n');
      resolve(OK);
    };
    if (n === 0 || io.signal?.aborted) {
      resolve(OK);
      return;
    }
    io.signal?.addEventListener('abort', finish, { once: true });
    const opts = { tickMs: 1000, signal: controller.signal, clock: io.clock };
    if (doc.tracker) watchTracker(doc.tracker, { onTick }, opts);
    else watch(doc.ultimatums[0] as Ultimatum, { onTick }, opts);
  });
}

async function toIcs(doc: Document): Promise<string> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import('./ics.js')) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`ics: the iCalendar adapter (ultimatum/ics) could not be loaded: ${(e as Error).message}`);
  }
  const toICS = mod.toICS;
  if (typeof toICS !== 'function') {
    throw new UsageError('ics: this build has no iCalendar adapter (ultimatum/ics does not export toICS yet)');
  }
  const input = doc.tracker ?? doc.ultimatums[0];
  try {
    const text = String((toICS as (input: unknown) => unknown)(input));
    return text.endsWith('\n') ? text : `${text}\r\n`;
  } catch (e) {
    if (isUltimatumError(e)) throw new InvalidError(doc.label, e.issues);
    throw e;
  }
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        at: { type: 'string' },
        json: { type: 'boolean' },
        watch: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    // Node's messages are long and speak of its own API: say it in our words where we can.
    const { code, message } = e as NodeJS.ErrnoException;
    // The closing quote is the one before ".", "," or a space: an option may hold a quote ("--don't").
    const option = /'(-.*?)'(?=[.,\s]|$)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new UsageError(`unknown option ${option}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      // Node names the option "-h, --help" or "--at <value>": use the long name.
      const name = option.split(/[ ,]+/).find((word) => word.startsWith('--')) ?? option;
      throw new UsageError(message.includes('does not take') ? `${name} does not take a value` : `${name} needs a value`);
    }
    throw new UsageError(message.split('\n')[0] ?? 'invalid arguments');
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.help) {
    io.stdout.write(HELP);
    return OK;
  }
  if (values.version) {
    io.stdout.write(`${readVersion()}\n`);
    return OK;
  }
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command');
  const allowed = COMMANDS[command];
  if (allowed === undefined || !Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command "${command}"`);
  for (const flag of ['at', 'json', 'watch'] as const) {
    if (values[flag] !== undefined && !allowed.includes(flag)) throw new UsageError(`${command} does not take --${flag}`);
  }
  if (values.watch && values.at !== undefined) throw new UsageError('countdown --watch follows the clock: it does not take --at');
  const paint: Paint = io.isTTY && !io.env.NO_COLOR ? (text, code) => `\x1b[${code}m${text}\x1b[0m` : (text) => text;

  if (command === 'parse') {
    if (rest.length === 0) throw new UsageError('parse needs the TEXT to read, e.g. ultimatum parse "10 or 12 days"');
    const text = rest.join(' ');
    try {
      io.stdout.write(`${JSON.stringify(parseDuration(text))}\n`);
    } catch (e) {
      if (isUltimatumError(e)) throw new InvalidError('parse', e.issues, false);
      throw e;
    }
    return OK;
  }

  if (rest.length === 0) throw new UsageError(`${command} needs a FILE (or - for standard input)`);
  if (rest.length > 1) throw new UsageError(`${command} takes one FILE, not ${rest.length}`);
  checkAt(values.at);
  const doc = await readDocument(rest[0] as string, io);
  switch (command) {
    case 'status':
      io.stdout.write(values.json ? statusJson(doc, values.at) : statusTable(doc, values.at, paint));
      return OK;
    case 'countdown':
      if (values.watch) return watchCountdowns(doc, io, paint);
      for (const u of doc.ultimatums) io.stdout.write(`${countdownLine(u, status(u, values.at), paint)}\n`);
      return OK;
    case 'explain':
      io.stdout.write(explainText(doc, values.at, paint));
      return OK;
    case 'validate': {
      const n = doc.ultimatums.length;
      const what = doc.tracker ? `tracker document, ${n} ultimatum${n === 1 ? '' : 's'}` : `ultimatum ${doc.ultimatums[0]?.id}`;
      io.stdout.write(`${doc.label}: valid ${what}\n`);
      return OK;
    }
    default: // ics
      io.stdout.write(await toIcs(doc));
      return OK;
  }
}

/**
 * Runs the `ultimatum` command line with `argv` (the arguments after the program name) and
 * returns the exit code: 0 success, 1 an invalid document or text (each problem written to
 * `io.stderr` with its JSON path), 2 a usage error. Never throws for bad input.
 *
 * @example
 * const code = await main(['status', 'examples/data/russia-50-day.json', '--at', '2025-08-10'], {
 *   stdout: process.stdout, stderr: process.stderr, env: process.env, isTTY: false,
 * });
 * //=> 0, after printing the table
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`ultimatum: ${e.message}\nRun "ultimatum --help" for usage.\n`);
      return USAGE;
    }
    if (e instanceof InvalidError) {
      for (const issue of e.issues) {
        io.stderr.write(`${e.label}: ${e.withPath ? `${formatPath(issue.path)}: ` : ''}${issue.message}\n`);
      }
      return INVALID;
    }
    if (e instanceof Interrupted) return INTERRUPTED;
    if (isUltimatumError(e)) {
      for (const issue of e.issues) io.stderr.write(`ultimatum: ${formatPath(issue.path)}: ${issue.message}\n`);
      // An --at that only fails in some ultimatum's zone is still a bad --at: a usage error.
      return e.issues.every((issue) => issue.path[0] === 'at') ? USAGE : INVALID;
    }
    throw e;
  }
}

// Stryker disable all: from here on the code runs only when this file is the program, in a child
// process that mutation testing cannot see; tests/cli.bin.test.ts runs it there (stdin, SIGINT).
/** True when this file is the program Node was started with (also through npm's bin symlink). */
function invokedAsProgram(): boolean {
  const entry = process.argv[1];
  const self = selfUrl();
  if (entry === undefined || self === undefined || self.protocol !== 'file:') return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(self));
  } catch {
    return false;
  }
}

if (invokedAsProgram()) {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  // `ultimatum countdown --watch | head -1`: the reader went away; stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') controller.abort();
    else throw e;
  });
  const stdin: AsyncIterable<string | Uint8Array> = {
    // Touch process.stdin only when FILE is `-`.
    [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator](),
  };
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin,
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
    signal: controller.signal,
  }).then(
    (code) => {
      // Interrupted while reading stdin: the pending read would keep Node alive.
      if (code === INTERRUPTED) process.exit(code);
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`ultimatum: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
// Stryker restore all
