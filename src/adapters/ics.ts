/**
 * ultimatum/ics — deadlines as an iCalendar feed (RFC 5545), written by hand: no dependency.
 *
 * Decisions, each with its reason:
 *
 * - **One VEVENT per open deadline; none once complied or withdrawn.** An ultimatum that has been
 *   met or dropped has no deadline in force (`deadlineOf` is `null`); leaving it out of a
 *   subscribed feed is what makes Google, Apple and Outlook remove it on the next refresh.
 *   `STATUS:CANCELLED` is an iTIP (scheduling) notion that clients treat unevenly: some hide it,
 *   some still show the slot as taken.
 * - **Instants in UTC** (`YYYYMMDDTHHMMSSZ`), so no VTIMEZONE is needed and none can disagree with
 *   the client's tz database. The zone goes in `X-ULTIMATUM-ZONE`, the local wall time in
 *   DESCRIPTION. Seconds are the finest unit iCalendar writes: milliseconds are dropped (floored).
 * - **A single deadline is a zero-length event: `DURATION:PT0S`.** RFC 5545 §3.8.2.2 requires
 *   DTEND to be *later* than DTSTART, so `DTEND = DTSTART` is invalid; leaving both out means the
 *   same zero length (§3.6.1), but Exchange/Outlook refuses to import a VEVENT with neither
 *   (MS-STANXICAL). A window is DTSTART = earliest, DTEND = latest (the deadline).
 * - **`TRANSP:TRANSPARENT`**: a deadline does not occupy time; a two-day window must not show the
 *   user as busy for two days. `STATUS:TENTATIVE` while the clock is paused (the deadline then
 *   moves later until it restarts), `STATUS:CONFIRMED` otherwise.
 * - **Stable UID** `${id}-deadline@ultimatum` and **SEQUENCE** = the number of reschedule,
 *   extend, shorten, pause and resume events folded in (those that move the deadline), so a
 *   calendar updates the same event after a reschedule instead of adding a second one.
 * - **DTSTAMP is deterministic.** Without a METHOD property, RFC 5545 §3.8.7.2 defines DTSTAMP as
 *   the instant the information was last revised: by default, the last event folded in (or
 *   `issuedAt`), which LAST-MODIFIED always carries too. `opts.dtstamp` overrides it. The clock is
 *   never read, so the same input gives the same bytes.
 * - **Alarms use absolute triggers** (`TRIGGER;VALUE=DATE-TIME:…Z`). A milestone is an instant the
 *   library computed exactly; a relative `-P1D` against a UTC DTSTART is 24 hours, but "1 day
 *   left" across a DST change is 23 or 25 hours, and "50 % elapsed" has no natural relative form.
 *   Outlook converts an absolute trigger to its minutes-before reminder (MS-OXCICAL) but keeps
 *   only the first VALARM; Google ignores VALARMs in imported calendars whatever their form.
 *   Besides one alarm per milestone there is one at the deadline itself ("Deadline reached"):
 *   `milestones: false` keeps only that one, `alarms: false` writes none.
 * - **Lines**: CRLF, folded at 75 octets of UTF-8 without splitting a character; TEXT values
 *   escaped (`\\`, `;`, `,`, newlines as `\n`) and stripped of the control characters TEXT may not
 *   hold; URL only for an `http(s)` address, normalised by the WHATWG URL parser.
 */
import type { IANAZone } from 'luxon';
import { isUltimatumError, UltimatumError, type UltimatumIssue } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Consequence, DateInput, DurationSpec, Ultimatum } from '../model/types.js';
import { formatInstant } from '../present/formatInstant.js';
import { toDurationSpec } from '../rules/duration.js';
import { toEpochMs } from '../rules/instant.js';
import { IssueList, type Path } from '../rules/issues.js';
import { zoneFor } from '../rules/zone.js';
import type { Compiled } from '../status/compile.js';
import { compiledOf } from '../status/compiled.js';
import { type MilestoneOptions, milestones } from '../status/milestones.js';
import { readAt } from '../status/readAt.js';
import { dueOf, enforcementsAt, type StateAt, stateAt } from '../status/stateAt.js';
import type { Tracker } from '../track/tracker.js';

/**
 * Options of {@link toICS}; every field is optional.
 *
 * @example
 * const opts: ToICSOptions = { name: 'Ultimatums', dtstamp: '2025-08-01T00:00Z', milestones: { before: [{ days: 1 }] } };
 * toICS(u, opts).includes('X-WR-CALNAME:Ultimatums') //=> true
 */
export interface ToICSOptions {
  /**
   * DTSTAMP of every event. Default: when each ultimatum was last revised as of `at` (its last
   * event, or `issuedAt`). A wall-clock string without an offset is read in UTC.
   */
  readonly dtstamp?: DateInput | undefined;
  /**
   * The deadlines in force as of this instant (events after it are ignored), read as
   * `status(u, at)` reads it: a wall-clock string in each ultimatum's zone. Default: after the
   * whole history (the clock is not read).
   */
  readonly at?: DateInput | undefined;
  /** PRODID of the calendar. Default `-//ultimatum//ultimatum//EN`. */
  readonly prodId?: string | undefined;
  /**
   * Which milestones become alarms (`fractions`, `before`; defaults as `milestones()`), or
   * `false` for none. Their `at` is the top-level `at`, so that alarms follow the event's deadline.
   */
  readonly milestones?: Omit<MilestoneOptions, 'at'> | false | undefined;
  /** `false` writes no VALARM at all. Default `true`. */
  readonly alarms?: boolean | undefined;
  /** Calendar name (`NAME` and `X-WR-CALNAME`). */
  readonly name?: string | undefined;
}

/**
 * What {@link toICS} takes: one ultimatum, an array of them, or a tracker (anything with `list()`).
 *
 * @example
 * const input: ICSInput = createTracker([u]);
 * toICS(input).match(/BEGIN:VEVENT/g)?.length //=> 1
 */
export type ICSInput = Ultimatum | readonly Ultimatum[] | Pick<Tracker, 'list'>;

const DEFAULT_PROD_ID = '-//ultimatum//ultimatum//EN';
const MAX_OCTETS = 75;
/** First instant whose year has five digits: iCalendar cannot write it. */
const UNWRITABLE_MS = /* @__PURE__ */ (() => Date.UTC(10000, 0, 1))();
const OPTION_KEYS = ['dtstamp', 'at', 'prodId', 'milestones', 'alarms', 'name'];
const MILESTONE_KEYS = ['fractions', 'before'];
/** Events that move the deadline in force: each one bumps SEQUENCE. */
const MOVES_DEADLINE = new Set(['reschedule', 'extend', 'shorten', 'pause', 'resume']);

interface Options {
  readonly at: unknown;
  readonly dtstampMs: number | undefined;
  readonly prodId: string;
  readonly milestones: { fractions?: number[]; before?: DurationSpec[] } | false;
  readonly alarms: boolean;
  readonly name: string | undefined;
}

/** UTF-8 length of one code point (a lone surrogate is written as U+FFFD: 3 octets). */
function octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1), never inside a character, nor inside a TEXT
 * escape such as `\n` (allowed, but naive readers trip on it); ends it with CRLF.
 */
function fold(line: string): string {
  let out = '';
  let width = 0;
  const put = (piece: string, n: number) => {
    if (width + n > MAX_OCTETS) {
      out += '\r\n ';
      width = 1;
    }
    out += piece;
    width += n;
  };
  let inEscape = false;
  for (const ch of line) {
    // A backslash only ever starts an escape here (TEXT values are escaped, URLs have none).
    if (inEscape) put(`\\${ch}`, 1 + octets(ch.codePointAt(0) as number));
    else if (ch !== '\\') put(ch, octets(ch.codePointAt(0) as number));
    inEscape = !inEscape && ch === '\\';
  }
  if (inEscape) put('\\', 1);
  return `${out}\r\n`;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11); drops the control characters TEXT may not hold. */
function text(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const code = value.charCodeAt(i);
    if (ch === '\\' || ch === ';' || ch === ',') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') {
      out += '\\n';
      if (value[i + 1] === '\n') i++;
    } else if ((code < 0x20 && ch !== '\t') || code === 0x7f) {
      // not allowed in TEXT: left out
    } else out += ch;
  }
  return out;
}

/** A UTC DATE-TIME (`YYYYMMDDTHHMMSSZ`), floored to the second. */
function utc(ms: number, path: Path): string {
  if (!(ms < UNWRITABLE_MS)) throw new UltimatumError([{ code: 'OUT_OF_RANGE', path, ...messages.icsYearRange() }]);
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** An http(s) address as a URI value, or `undefined` for anything else. */
function webAddress(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readMilestoneOptions(value: unknown, issues: IssueList): Options['milestones'] {
  if (value === undefined) return {};
  if (value === false) return false;
  if (!isPlainObject(value)) {
    issues.add('INVALID_INPUT', ['milestones'], messages.expectedType('false or an object of milestone options'));
    return false;
  }
  for (const key of Object.keys(value)) {
    if (key === 'at') issues.add('INVALID_INPUT', ['milestones', 'at'], messages.icsMilestonesAt());
    else if (!MILESTONE_KEYS.includes(key)) issues.add('INVALID_INPUT', ['milestones', key], messages.unknownKey(key));
  }
  const out: { fractions?: number[]; before?: DurationSpec[] } = {};
  const { fractions, before } = value;
  if (Array.isArray(fractions)) {
    fractions.forEach((f, i) => {
      if (typeof f !== 'number' || !(f > 0 && f < 1)) issues.add('INVALID_INPUT', ['milestones', 'fractions', i], messages.fraction());
    });
    out.fractions = fractions as number[];
  } else if (fractions !== undefined) issues.add('INVALID_INPUT', ['milestones', 'fractions'], messages.expectedType('an array'));
  if (Array.isArray(before)) {
    out.before = before.map((d, i) => toDurationSpec(d, ['milestones', 'before', i], issues) ?? {});
  } else if (before !== undefined) issues.add('INVALID_INPUT', ['milestones', 'before'], messages.expectedType('an array'));
  return out;
}

/** Checks every option at once; records each problem at its path. */
function readOptions(opts: unknown, issues: IssueList): Options {
  const o = opts === undefined ? {} : opts;
  if (!isPlainObject(o)) {
    issues.add('INVALID_INPUT', [], messages.expectedType('an options object'));
    return { at: undefined, dtstampMs: undefined, prodId: DEFAULT_PROD_ID, milestones: false, alarms: false, name: undefined };
  }
  for (const key of Object.keys(o)) if (!OPTION_KEYS.includes(key)) issues.add('INVALID_INPUT', [key], messages.unknownKey(key));
  const nonEmpty = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.length > 0) return v;
    issues.add('INVALID_INPUT', [key], messages.expectedType('a non-empty string'));
    return undefined;
  };
  // Looked up here, not at import: the first Intl zone costs ~15 ms of start-up.
  const utc = zoneFor('UTC') as IANAZone;
  if (o.at !== undefined) toEpochMs(o.at, utc, 'start', ['at'], issues);
  const dtstampMs = o.dtstamp === undefined ? undefined : toEpochMs(o.dtstamp, utc, 'start', ['dtstamp'], issues);
  if (dtstampMs !== undefined && !(dtstampMs < UNWRITABLE_MS)) issues.add('OUT_OF_RANGE', ['dtstamp'], messages.icsYearRange());
  if (o.alarms !== undefined && typeof o.alarms !== 'boolean') issues.add('INVALID_INPUT', ['alarms'], messages.expectedType('true or false'));
  return {
    at: o.at,
    dtstampMs,
    prodId: nonEmpty('prodId') ?? DEFAULT_PROD_ID,
    milestones: readMilestoneOptions(o.milestones, issues),
    alarms: o.alarms !== false,
    name: nonEmpty('name'),
  };
}

/** The ultimatums of the input, each with the path its problems are reported at. */
function itemsOf(input: unknown, issues: IssueList): { items: readonly unknown[]; indexed: boolean } {
  if (Array.isArray(input)) return { items: input, indexed: true };
  if (typeof input === 'object' && input !== null) {
    const list = (input as { list?: unknown }).list;
    if (typeof list !== 'function') return { items: [input], indexed: false };
    const items: unknown = list.call(input);
    if (Array.isArray(items)) return { items, indexed: true };
  }
  issues.add('INVALID_INPUT', [], messages.icsInput());
  return { items: [], indexed: false };
}

/** The deadline in force as of `t` (after the whole history when `undefined`), as `status()` has it. */
function inForce(c: Compiled, t: number | undefined): StateAt {
  // After the whole history a pause in progress counts as if the clock restarted at once.
  return stateAt(c, t ?? Number.POSITIVE_INFINITY);
}

function consequenceText(k: Consequence): string {
  const on = k.targets && k.targets.length > 0 ? ` on ${k.targets.join(', ')}` : '';
  switch (k.kind) {
    case 'tariff':
      return `${k.ratePercent} % ${k.scope} tariff${on}${k.description ? `: ${k.description}` : ''}`;
    case 'sanctions':
      return `Sanctions${on}: ${k.description}`;
    case 'military':
      return `Military action${on}: ${k.description}`;
    default:
      return `${k.description}${on ? ` (${on.slice(1)})` : ''}`;
  }
}

/** DESCRIPTION: when (local wall time), who to whom, what is demanded, what is threatened, source. */
function description(u: Ultimatum, c: Compiled, v: StateAt): string {
  const when = (ms: number) => formatInstant(ms, c.zone);
  const lines = [
    v.window
      ? `Window: ${when(v.earliestMs)} – ${when(v.latestMs)} (${u.zone}); overdue from its end`
      : `Deadline: ${when(v.latestMs)} (${u.zone})`,
  ];
  if (v.paused) lines.push('Paused: the clock is stopped; the deadline moves later until it restarts.');
  lines.push(`${u.issuer} → ${u.addressee.join(', ')}`, 'Demands:', ...u.demands.map((d) => `- ${d}`));
  const { fully, partly } = enforcementsAt(c, v);
  const threatened = c.consequences.flatMap((k, i) => {
    if (fully.has(i)) return [];
    const due = dueOf(c, i, v.latestMs);
    const dueText = due === v.latestMs ? '' : ` (due ${when(due)})`;
    return [`- ${consequenceText(k)}${dueText}${partly.has(i) ? ' (partly imposed)' : ''}`];
  });
  if (threatened.length > 0) lines.push('Consequences threatened:', ...threatened);
  if (u.source?.url) lines.push(`Source: ${u.source.url}`);
  return lines.join('\n');
}

/** The VEVENT of one ultimatum, or nothing once it is complied or withdrawn. */
function vevent(u: Ultimatum, c: Compiled, o: Options, path: Path): string {
  const t = o.at === undefined ? undefined : readAt(o.at, c.zone);
  const v = inForce(c, t);
  if (v.ended) return '';
  const revised = v.count === 0 ? c.issuedMs : (c.eventMs[v.count - 1] as number);
  const sequence = u.events.slice(0, v.count).filter((e) => MOVES_DEADLINE.has(e.type)).length;
  const start = utc(v.window ? v.earliestMs : v.latestMs, path);
  const end = utc(v.latestMs, path);
  let out = 'BEGIN:VEVENT\r\n';
  const line = (name: string, value: string) => {
    out += fold(`${name}:${value}`);
  };
  line('UID', text(`${u.id}-deadline@ultimatum`));
  line('DTSTAMP', o.dtstampMs === undefined ? utc(revised, path) : utc(o.dtstampMs, ['dtstamp']));
  line('LAST-MODIFIED', utc(revised, path));
  line('SEQUENCE', String(sequence));
  line('DTSTART', start);
  if (end > start) line('DTEND', end);
  else line('DURATION', 'PT0S');
  line('SUMMARY', text(`${u.title} — ${v.window ? 'window' : 'deadline'}`));
  line('DESCRIPTION', text(description(u, c, v)));
  const url = webAddress(u.source?.url);
  if (url !== undefined) line('URL', url);
  if (u.tags && u.tags.length > 0) line('CATEGORIES', u.tags.map(text).join(','));
  line('STATUS', v.paused ? 'TENTATIVE' : 'CONFIRMED');
  line('TRANSP', 'TRANSPARENT');
  line('X-ULTIMATUM-ZONE', text(u.zone));
  if (o.alarms) {
    const alarm = (label: string, ms: number) => {
      out += 'BEGIN:VALARM\r\nACTION:DISPLAY\r\n';
      line('DESCRIPTION', text(label));
      line('TRIGGER;VALUE=DATE-TIME', utc(ms, path));
      out += 'END:VALARM\r\n';
    };
    if (o.milestones !== false) for (const m of milestones(u, { ...o.milestones, at: t })) alarm(m.label, m.atMs);
    alarm('Deadline reached', v.latestMs);
  }
  return `${out}END:VEVENT\r\n`;
}

/**
 * Writes the deadlines in force as an iCalendar (RFC 5545) calendar, one VEVENT per open ultimatum.
 *
 * Takes one ultimatum, an array of them, or a tracker (recognised by its `list` method). Each
 * event is the deadline in force as of `opts.at` (default: after the whole history; the clock is
 * never read): zero-length at the deadline, or spanning a window; in UTC, with the zone in
 * `X-ULTIMATUM-ZONE` and the local wall time in DESCRIPTION. Complied and withdrawn ultimatums are
 * left out. UID, SEQUENCE and DTSTAMP are derived from the data alone, so the same input gives
 * the same text, and a calendar that subscribes to it updates events in place after a reschedule.
 * Alarms (VALARM, absolute triggers) mark each milestone and the deadline itself. See the module
 * comment for the reasons behind each choice.
 *
 * @example
 * toICS(foundingCase(), { dtstamp: '2025-08-01T00:00Z' }).split('\r\n').filter((l) => /^DT/.test(l))
 * //=> ['DTSTAMP:20250801T000000Z', 'DTSTART:20250808T160000Z']
 * toICS(foundingCase(), { at: '2025-07-28T20:00', alarms: false }).match(/^DT(START|END):.*$/gm)
 * //=> ['DTSTART:20250807T160000Z', 'DTEND:20250809T160000Z']
 * @throws {UltimatumError} `INVALID_INPUT` at `[]` when the input is not an ultimatum, an array or
 * a tracker; a bad option at its path (`['dtstamp']`, `['milestones', 'fractions', 0]`); a bad
 * ultimatum's problems at their paths, behind its index for an array or a tracker (`[2, 'id']`).
 */
export function toICS(input: ICSInput, opts?: ToICSOptions): string {
  const issues = new IssueList();
  const { items, indexed } = itemsOf(input, issues);
  const o = readOptions(opts, issues);
  const compiled: { u: Ultimatum; c: Compiled; path: Path }[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const path: Path = indexed ? [i] : [];
    try {
      const c = compiledOf(item as Ultimatum);
      const u = item as Ultimatum;
      if (seen.has(u.id)) issues.add('INVALID_INPUT', [...path, 'id'], messages.duplicateUltimatumId(u.id));
      seen.add(u.id);
      compiled.push({ u, c, path });
    } catch (e) {
      if (!isUltimatumError(e)) throw e;
      issues.items.push(...e.issues.map((issue): UltimatumIssue => ({ ...issue, path: [...path, ...issue.path] })));
    }
  });
  if (issues.length > 0) throw new UltimatumError(issues.items);
  let out = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n';
  out += fold(`PRODID:${text(o.prodId)}`);
  out += 'CALSCALE:GREGORIAN\r\n';
  if (o.name !== undefined) out += fold(`NAME:${text(o.name)}`) + fold(`X-WR-CALNAME:${text(o.name)}`);
  for (const { u, c, path } of compiled) out += vevent(u, c, o, path);
  return `${out}END:VCALENDAR\r\n`;
}
