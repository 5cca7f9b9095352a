import type { IANAZone } from 'luxon';

/**
 * A zone's UTC offsets, compiled. luxon (through Intl) stays the source of truth: it is asked
 * once per probe while a span of time is first compiled, and never again for that span. Each span
 * (`SPAN_MS`, about 398 days) is probed every `STEP_MS` (about 6.2 days); where two probes disagree
 * the change is bisected to its second (luxon reads offsets to the second). Two changes that
 * cancel out within one step would be missed: the zone sweep test checks that no zone has any
 * between 1970 and 2037.
 */
const SPAN_MS = 2 ** 35;
const STEP_MS = 2 ** 29;
/** Past this, `new Date(ms)` is invalid and luxon answers NaN: ask it directly. */
const DATE_LIMIT_MS = 8.64e15 - SPAN_MS;

/** The offsets in force over one span: `base` from its start, then `offsets[i]` from `at[i]`. */
interface Span {
  readonly base: number;
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

/**
 * The compiled offsets of one IANA zone: spans built on first use, then read by a map lookup and
 * a scan of the (at most a few) changes inside the span.
 *
 * @example
 * const table = zoneTableOf(zoneFor('Europe/Paris')!);
 * offsetOf(table, Date.UTC(2025, 6, 1)) //=> 7_200_000
 */
export interface ZoneTable {
  readonly zone: IANAZone;
  readonly spans: Map<number, Span>;
  /** The span read last, and its index: most lookups fall in the same span as the one before. */
  lastIndex: number;
  lastSpan: Span | undefined;
}

const tables = new Map<string, ZoneTable>();

/**
 * The compiled offset table of a zone, one per zone name.
 *
 * @example
 * zoneTableOf(zoneFor('Asia/Tokyo')!) === zoneTableOf(zoneFor('Asia/Tokyo')!) //=> true
 */
export function zoneTableOf(zone: IANAZone): ZoneTable {
  let table = tables.get(zone.name);
  if (table === undefined) {
    table = { zone, spans: new Map(), lastIndex: Number.NaN, lastSpan: undefined };
    tables.set(zone.name, table);
  }
  return table;
}

/** luxon's offset at `ms`, in whole milliseconds (luxon's minutes may carry seconds: LMT −0:44:30). */
function probe(zone: IANAZone, ms: number): number {
  return Math.round(zone.offset(ms) * 60_000);
}

/** The first whole second in `(loMs, hiMs]` whose offset is not `before` (one is known to exist). */
function firstChange(zone: IANAZone, loMs: number, hiMs: number, before: number): number {
  let lo = Math.floor(loMs / 1000);
  let hi = Math.floor(hiMs / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (probe(zone, mid * 1000) === before) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

function compileSpan(zone: IANAZone, index: number): Span {
  const start = index * SPAN_MS;
  const last = start + SPAN_MS - 1;
  const base = probe(zone, start);
  const at: number[] = [];
  const offsets: number[] = [];
  let current = base;
  for (let from = start; from < last; from += STEP_MS) {
    const to = Math.min(from + STEP_MS, last);
    let lo = from;
    // Several changes may fall inside one step (a zone changing its standard offset and its DST).
    while (probe(zone, to) !== current) {
      const change = firstChange(zone, lo, to, current);
      current = probe(zone, change);
      at.push(change);
      offsets.push(current);
      lo = change;
    }
  }
  return { base, at, offsets };
}

/**
 * The UTC offset in force at `ms` in the table's zone, in milliseconds: what luxon's
 * `zone.offset(ms) * 60 000` gives, without calling it.
 *
 * @example
 * offsetOf(zoneTableOf(zoneFor('America/New_York')!), Date.UTC(2025, 0, 1)) //=> -18_000_000
 */
export function offsetOf(table: ZoneTable, ms: number): number {
  if (!(ms > -DATE_LIMIT_MS && ms < DATE_LIMIT_MS)) return probe(table.zone, ms);
  const index = Math.floor(ms / SPAN_MS);
  let span = index === table.lastIndex ? table.lastSpan : table.spans.get(index);
  if (span === undefined) {
    span = compileSpan(table.zone, index);
    table.spans.set(index, span);
  }
  table.lastIndex = index;
  table.lastSpan = span;
  let offset = span.base;
  const { at } = span;
  for (let i = 0; i < at.length && ms >= (at[i] as number); i++) offset = span.offsets[i] as number;
  return offset;
}

/**
 * Every offset change of a zone in `[fromMs, toMs)`, as compiled: `{ at, offset }` with the
 * offset in force from `at`. For the zone sweep, and for tools that print a zone's rules.
 *
 * @example
 * offsetChanges(zoneTableOf(zoneFor('Europe/London')!), Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1))
 * //=> [{ at: Date.UTC(2025, 2, 30, 1), offset: 3_600_000 }, { at: Date.UTC(2025, 9, 26, 1), offset: 0 }]
 */
export function offsetChanges(table: ZoneTable, fromMs: number, toMs: number): { at: number; offset: number }[] {
  const out: { at: number; offset: number }[] = [];
  for (let index = Math.floor(fromMs / SPAN_MS); index * SPAN_MS < toMs; index++) {
    offsetOf(table, index * SPAN_MS);
    const span = table.spans.get(index) as Span;
    span.at.forEach((at, i) => {
      if (at >= fromMs && at < toMs) out.push({ at, offset: span.offsets[i] as number });
    });
  }
  return out;
}
