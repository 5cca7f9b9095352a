import { DateTime, type IANAZone } from 'luxon';
import * as messages from '../errors/messages.js';
import { SCHEMA_VERSION, type UltimatumInputSchema } from '../model/schemas.js';
import type { DurationSpec, Ultimatum } from '../model/types.js';
import type * as z from 'zod/mini';
import { readDurationText, toDurationSpec } from './duration.js';
import { isDateOnly, isIsoInZone, isoInZone, toEpochMs } from './instant.js';
import type { IssueList, Path } from './issues.js';
import { isTemporalPlainDate, temporalInstant } from '../model/temporal.js';
import { zoneFor } from './zone.js';

type Input = z.infer<typeof UltimatumInputSchema>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Json = Record<string, unknown>;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The instants of a document as normalising read them, for the history fold not to read its text
 * again: `NaN` where the text written differs from the value read (only the same text is sure to
 * read as the same instant).
 *
 * @example
 * const read: ReadInstants = { issuedMs: Number.NaN, eventMs: [] }; normaliseInput(shape, issues, read);
 */
export interface ReadInstants {
  issuedMs: number;
  readonly eventMs: number[];
}

/** A context for reading one input: its zone, where problems go, and where instants read are kept. */
interface Reader {
  readonly zone: IANAZone;
  readonly issues: IssueList;
  readonly read: ReadInstants | undefined;
}

/** One empty list for every document without events or consequences (a tracker holds a million). */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/** The `slot` of `instant` for the issue; an event's is its index. */
const ISSUE = -1;

/** The instant `value` names, written in the zone (kept in `r.read` at `slot` when given). */
function instant(r: Reader, value: unknown, path: Path, slot?: number): string | undefined {
  const ms = toEpochMs(value, r.zone, 'start', path, r.issues);
  if (ms === undefined) return undefined;
  // Stored text is nearly always written so already: then it is kept as it is (it is old already),
  // and nothing is written to compare it with.
  const same = typeof value === 'string' && isIsoInZone(value, ms, r.zone);
  if (slot !== undefined && r.read !== undefined) {
    const known = same ? ms : Number.NaN;
    if (slot === ISSUE) r.read.issuedMs = known;
    else r.read.eventMs[slot] = known;
  }
  return same ? value : isoInZone(ms, r.zone);
}

/** A deadline instant: a date-only string stays a date (meaning the end of that day), canonically written. */
function deadlineInstant(r: Reader, input: unknown, path: Path): string | undefined {
  // A Temporal.PlainDate is a date-only value: it is kept as one, like its text.
  const value = isTemporalPlainDate(input) ? temporalInstant(input) : input;
  const ms = toEpochMs(value, r.zone, 'end', path, r.issues);
  if (ms === undefined) return undefined;
  if (typeof value === 'string' && isDateOnly(value)) {
    // Already read as a valid date: only other forms (2025-W36-2, 20250902) need rewriting.
    return CALENDAR_DATE.test(value) ? value : (DateTime.fromISO(value, { zone: 'utc' }).toISODate() as string);
  }
  return isoInZone(ms, r.zone);
}

// The keys of each kind of object in the stored schema's order (tests/normaliseInput.test.ts holds
// them to it): a document is written in that order whatever order its input had, so that reading
// it back finds it already as zod would give it.
const SOURCE_KEYS = ['url', 'quote', 'publishedAt'];
const CONSEQUENCE_KEYS = ['id', 'targets', 'offset', 'kind', 'ratePercent', 'scope', 'description'];
const EVENT_KEYS = ['at', 'note', 'source', 'type', 'deadline', 'by', 'to', 'consequences', 'partial', 'text'];

/**
 * A copy of `value` with `changes` applied, keys in the order of `keys`, undefined values left out.
 * Not a spread: a
 * spread of objects of many shapes, or a `delete` after it, gives each stored document hidden
 * classes of its own (a tracker of a million then carries a million of them).
 */
function copy(value: Json, changes: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const key of keys) {
    const v = Object.hasOwn(changes, key) ? changes[key] : value[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A copy of plain data (a calendar) with only its string keys: the document's own, to freeze. */
function cloneData(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(cloneData);
  const out: Json = {};
  for (const key of Object.keys(value)) out[key] = cloneData((value as Json)[key]);
  return out;
}

function source(r: Reader, value: Input['source'], path: Path): Json | undefined {
  if (value === undefined) return undefined;
  const publishedAt = value.publishedAt === undefined ? undefined : instant(r, value.publishedAt, [...path, 'publishedAt']);
  return copy(value, { publishedAt }, SOURCE_KEYS);
}

const afterRules = new Map<DurationSpec, Json>();
/** One frozen `{ after: spec }` per shared duration: the deadline rule of most documents. */
function sharedRule(spec: DurationSpec): Json {
  let rule = afterRules.get(spec);
  if (rule === undefined) {
    rule = Object.freeze({ after: spec });
    afterRules.set(spec, rule);
  }
  return rule;
}

function rule(r: Reader, value: Json, path: Path): Json {
  if (value.at !== undefined) return { at: deadlineInstant(r, value.at, [...path, 'at']) };
  if (value.between !== undefined) {
    const [a, b] = value.between as [unknown, unknown];
    return { between: [deadlineInstant(r, a, [...path, 'between', 0]), deadlineInstant(r, b, [...path, 'between', 1])] };
  }
  let after = value.after as Json;
  const from = value.from;
  const plain = from === undefined && value.endOfDay !== true && (value.rollover === undefined || value.rollover === 'none');
  const out: Json = {};
  if (typeof after === 'string') {
    // Words may make a window: "10 or 12 days".
    const read = readDurationText(after, [...path, 'after'], r.issues);
    if (read === undefined) return out;
    after = read as Json;
  }
  out.after =
    typeof after === 'object' && after !== null && Object.hasOwn(after, 'earliest') && Object.hasOwn(after, 'latest')
      ? {
          earliest: toDurationSpec(after.earliest, [...path, 'after', 'earliest'], r.issues),
          latest: toDurationSpec(after.latest, [...path, 'after', 'latest'], r.issues),
        }
      : toDurationSpec(after, [...path, 'after'], r.issues);
  // `{ after }` alone, of a duration shared between documents: shared too. toDurationSpec makes
  // every other duration afresh, so a frozen one is a shared one.
  if (plain && out.after !== undefined && Object.isFrozen(out.after)) return sharedRule(out.after as DurationSpec);
  if (from !== undefined) out.from = instant(r, from, [...path, 'from']);
  if (value.endOfDay === true) out.endOfDay = true;
  if (value.rollover !== undefined && value.rollover !== 'none') out.rollover = value.rollover;
  return out;
}

function event(r: Reader, value: Json, index: number): Json {
  const path = ['events', index];
  const changes: Json = { at: instant(r, value.at, [...path, 'at'], index) };
  if (value.source !== undefined) changes.source = source(r, value.source as Input['source'], [...path, 'source']);
  if (value.type === 'reschedule') changes.deadline = rule(r, value.deadline as Json, [...path, 'deadline']);
  if (value.by !== undefined) changes.by = toDurationSpec(value.by, [...path, 'by'], r.issues);
  if (value.to !== undefined) changes.to = deadlineInstant(r, value.to, [...path, 'to']);
  return copy(value, changes, EVENT_KEYS);
}

function consequences(r: Reader, list: NonNullable<Input['consequences']>): readonly Json[] {
  if (list.length === 0) return NO_ITEMS;
  const ids: string[] = [];
  // A document names a few consequences: looking back through them costs less than a Set.
  const seen = list.length > 16 ? new Set<string>() : undefined;
  return list.map((c, i) => {
    const id = c.id ?? `${c.kind}-${i + 1}`;
    if (seen === undefined ? ids.includes(id) : seen.has(id)) r.issues.add('INVALID_INPUT', ['consequences', i, 'id'], messages.duplicateConsequenceId(id));
    if (seen === undefined) ids.push(id);
    else seen.add(id);
    const changes: Json = { id };
    if (c.offset !== undefined) changes.offset = toDurationSpec(c.offset, ['consequences', i, 'offset'], r.issues);
    return copy(c as Json, changes, CONSEQUENCE_KEYS);
  });
}

/** Random ids where the platform has them (Node 20, browsers); a time-based fallback elsewhere. */
function newId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `u-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Turns a shape-checked input into the stored document: every instant an ISO string in the
 * zone, every duration units, ids filled in. Problems go to `issues`, each with its path;
 * the result is only meaningful when none were added. Reading a stored document gives it back
 * unchanged, so `parseUltimatum(JSON.parse(JSON.stringify(u)))` equals `u`. The input is the
 * reader's or zod's own copy: its lists of names are taken as they are. `read`, when given, gets
 * the instants read (see `ReadInstants`).
 *
 * @example
 * normaliseInput(UltimatumInputSchema.parse(input), issues).deadline //=> { after: { days: 50 } }
 */
export function normaliseInput(input: Input, issues: IssueList, read?: ReadInstants): Mutable<Ultimatum> | undefined {
  const zoneName = input.zone ?? 'UTC';
  const zone = zoneFor(zoneName);
  if (zone === undefined) return issues.add('INVALID_ZONE', ['zone'], messages.unknownZone(zoneName));
  const r: Reader = { zone, issues, read };
  const issuedAt = instant(r, input.issuedAt, ['issuedAt'], ISSUE);
  const out: Json = {
    schemaVersion: SCHEMA_VERSION,
    id: input.id ?? newId(),
    title: input.title,
    issuer: input.issuer,
    addressee: typeof input.addressee === 'string' ? [input.addressee] : input.addressee,
    demands: input.demands,
    issuedAt,
    // The zone's own copy of its name (the same text: zoneFor makes one zone per name as written):
    // one string for every document of a zone, not one per document read.
    zone: zone.name,
    deadline: rule(r, input.deadline as Json, ['deadline']),
    consequences: consequences(r, input.consequences ?? []),
    events: input.events === undefined || input.events.length === 0 ? NO_ITEMS : input.events.map((e, i) => event(r, e as Json, i)),
  };
  if (input.calendar !== undefined) out.calendar = cloneData(input.calendar);
  if (input.milestones !== undefined) {
    const { fractions, before } = input.milestones;
    const m: Json = {};
    if (fractions !== undefined) m.fractions = [...fractions];
    if (before !== undefined) m.before = before.map((d, i) => toDurationSpec(d, ['milestones', 'before', i], issues));
    out.milestones = m;
  }
  if (input.source !== undefined) out.source = source(r, input.source, ['source']);
  if (input.tags !== undefined) out.tags = [...input.tags];
  return out as Mutable<Ultimatum>;
}
