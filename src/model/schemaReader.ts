import type * as z from 'zod/mini';
import { isOpaque } from './ownData.js';
import { isPlainObject } from './plainObject.js';
import { type FieldReader, installedReaderCode, MISS, type Read, type ReaderCode } from './readers.js';

export { MISS };

type Node = z.core.$ZodType;
type Check = z.core.$ZodCheck;
type Payload = { value: unknown; issues: z.core.$ZodRawIssue[] };

const miss: Read = () => MISS;

/**
 * Whether a value may pass a custom leaf without the plain-data walk: a primitive, an opaque
 * value (a Date, a luxon or Temporal value), or a plain object of primitives (`{ days: 50 }`).
 * Anything else is left to the walk, which names what is wrong with it.
 */
function isLeafData(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return true;
  if (Array.isArray(v)) return false;
  if (!isPlainObject(v)) return isOpaque(v);
  for (const key in v) {
    const item = (v as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) return false;
  }
  return true;
}

/** The items read, into a plain list of their own (each item read once, as for objects; no species). */
function readItems(list: unknown[], read: (item: unknown, i: number) => unknown, length: number): unknown {
  const out: unknown[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const r = read(list[i], i);
    if (r === MISS) return MISS;
    out[i] = r;
  }
  return out;
}

/**
 * A check as a predicate. zod's own check function runs on a payload, as zod runs it; the kinds the
 * documents use most answer first without one: a length within bounds in UTF-16 units is within
 * them in code points too (zod counts code points), a refinement.
 */
function predicateOf(check: Check): (value: unknown) => boolean {
  const def = check._zod.def as z.core.$ZodCheckDef & Record<string, unknown>;
  const byZod = (v: unknown): boolean => {
    const payload: Payload = { value: v, issues: [] };
    if (def.when !== undefined && !def.when(payload as never)) return true;
    // A check that rewrote the value (an overwrite) is zod's to apply.
    return !(check._zod.check(payload as never) instanceof Promise) && payload.issues.length === 0 && payload.value === v;
  };
  switch (def.check) {
    case 'max_length': {
      const max = def.maximum as number;
      return (v) => (v as { length: number }).length <= max || byZod(v);
    }
    case 'min_length': {
      // One unit is at least half a code point: twice the floor in units always clears it.
      const min = def.minimum as number;
      return (v) => {
        const units = (v as { length: number }).length;
        return (typeof v === 'string' ? units >= 2 * min || (min <= 1 && units >= min) : units >= min) || byZod(v);
      };
    }
  }
  if (def.when !== undefined || def.check !== 'custom') return byZod;
  const fn = def.fn as (v: unknown) => unknown;
  return (v) => {
    const r = fn(v);
    return !(r instanceof Promise) && Boolean(r);
  };
}

/** Runs a node's checks (its own first, when it is one, as zod does) on a parsed value. */
function withChecks(node: Node, read: Read, code: ReaderCode | undefined): Read {
  const own = node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : [];
  const checks = [...own, ...((node._zod.def.checks ?? []) as Check[])].map(predicateOf);
  if (checks.length === 0) return read;
  if (code) return code.checkedCode(read, checks);
  return (value) => {
    const parsed = read(value);
    if (parsed === MISS) return MISS;
    for (let i = 0; i < checks.length; i++) if (!(checks[i] as (v: unknown) => boolean)(parsed)) return MISS;
    return parsed;
  };
}

function objectReader(node: Node, code: ReaderCode | undefined): Read {
  const def = node._zod.def as z.core.$ZodObjectDef;
  // Only strict shapes: a stripping one would drop keys zod keeps reporting (and never is "strict").
  if (def.catchall?._zod.def.type !== 'never') return miss;
  const shape = def.shape as Record<string, Node>;
  const keys = Object.keys(shape);
  // zod leaves a declared __proto__ out of what it gives; a copy would take it for a prototype.
  if (keys.includes('__proto__')) return miss;
  const position = new Map(keys.map((key, i) => [key, i]));
  const fields: FieldReader[] = keys.map((key) => {
    const optin = shape[key]?._zod.optin;
    const optout = shape[key]?._zod.optout;
    // Absent is left out only when optional in and out; absent and required is refused (see zod's
    // handlePropertyResult), and a default is zod's to fill in: either way the field must be there.
    return { key, read: readerFor(shape[key] as Node, code), mustHave: !(optin === 'optional' && optout === 'optional') };
  });
  if (code) return code.objectCode(fields);
  const mustHave = fields.filter((f) => f.mustHave).length;
  return (value) => {
    // An own `__proto__` (from JSON), which zod refuses, is a key of no shape: it is refused below.
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value)) return MISS;
    const from = value as Record<string, unknown>;
    // Each field is read once, into an object of our own that is then checked and given out: a
    // getter cannot show the check one value and the caller another, and the caller's object is
    // never handed on.
    const out: Record<string, unknown> = {};
    // zod writes the shape's keys in the shape's order: keys already in that order are what zod gives.
    let last = -1;
    let ordered = true;
    let had = 0;
    let count = 0;
    // Inherited keys too, as zod's strict check sees them (a polluted prototype): they are zod's.
    for (const key in from) {
      const at = position.get(key);
      if (at === undefined || !Object.hasOwn(from, key)) return MISS;
      if (at < last) ordered = false;
      last = at;
      const f = fields[at] as (typeof fields)[number];
      const r = f.read(from[key]);
      if (r === MISS) return MISS;
      out[key] = r;
      count++;
      if (f.mustHave) had++;
    }
    if (had !== mustHave) return MISS;
    // zod reads every key of the shape, also one not enumerable or inherited: those are zod's.
    if (count < fields.length) {
      for (const { key } of fields) if (!Object.hasOwn(out, key) && from[key] !== undefined) return MISS;
    }
    if (ordered) return out;
    const sorted: Record<string, unknown> = {};
    for (const f of fields) if (Object.hasOwn(out, f.key)) sorted[f.key] = out[f.key];
    return sorted;
  };
}

function unionReader(node: Node, code: ReaderCode | undefined): Read {
  const def = node._zod.def as z.core.$ZodDiscriminatedUnionDef;
  const options = def.options as Node[];
  const reads = options.map((option) => readerFor(option, code));
  if (typeof def.discriminator === 'string') {
    // The option is chosen by the discriminator's value, as zod chooses it.
    const byValue = new Map<unknown, Read>();
    options.forEach((option, i) => {
      const values = option._zod.propValues?.[def.discriminator] ?? new Set();
      for (const v of values) if (!byValue.has(v)) byValue.set(v, reads[i] as Read);
    });
    const key = def.discriminator;
    return (value) => {
      // Nothing is read from an object that is not plain data (a getter of a class may throw).
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value)) return MISS;
      const read = byValue.get((value as Record<string, unknown>)[key]);
      return read === undefined ? MISS : read(value);
    };
  }
  if (code) return code.firstOfCode(reads);
  return (value) => {
    for (const read of reads) {
      const r = read(value);
      if (r !== MISS) return r;
    }
    return MISS;
  };
}

function typeReader(node: Node, code: ReaderCode | undefined): Read {
  const def = node._zod.def;
  switch (def.type) {
    // No schema of this library coerces (tests/schemaReader.test.ts holds them to it).
    case 'string':
      return (v) => (typeof v === 'string' ? v : MISS);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? v : MISS);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? v : MISS);
    case 'literal':
    case 'enum': {
      const values = node._zod.values as ReadonlySet<unknown>;
      return (v) => (values.has(v) ? v : MISS);
    }
    case 'custom':
      return (v) => (isLeafData(v) ? v : MISS);
    case 'optional': {
      const inner = node._zod.def as z.core.$ZodOptionalDef;
      if (inner.innerType._zod.optin === 'defaulted') return miss;
      const read = readerFor(inner.innerType, code);
      return code ? code.optionalCode(read) : (v) => (v === undefined ? undefined : read(v));
    }
    case 'array': {
      const read = readerFor((def as z.core.$ZodArrayDef).element, code);
      return code ? code.itemsCode(read) : (v) => (Array.isArray(v) ? readItems(v, read, v.length) : MISS);
    }
    case 'tuple': {
      const tuple = def as z.core.$ZodTupleDef;
      if (tuple.rest !== null && tuple.rest !== undefined) return miss;
      const reads = tuple.items.map((item) => readerFor(item, code));
      return (v) => (Array.isArray(v) && v.length === reads.length ? readItems(v, (item, i) => (reads[i] as Read)(item), reads.length) : MISS);
    }
    case 'object':
      return objectReader(node, code);
    case 'union':
      return unionReader(node, code);
    case 'pipe': {
      const pipe = def as z.core.$ZodPipeDef;
      const left = readerFor(pipe.in, code);
      const right = readerFor(pipe.out, code);
      return (v) => {
        const l = left(v);
        return l === MISS ? MISS : right(l);
      };
    }
    case 'transform': {
      const transform = (def as z.core.$ZodTransformDef).transform;
      return (v) => {
        const payload: Payload = { value: v, issues: [] };
        const out = transform(v, payload as never);
        return out instanceof Promise || payload.issues.length > 0 ? MISS : out;
      };
    }
    default:
      // never, record, anything else: zod reads it.
      return miss;
  }
}

/** The readers made, as closures and as code. */
const readers = { closures: new WeakMap<Node, Read>(), code: new WeakMap<Node, Read>() };

function readerFor(node: Node, code: ReaderCode | undefined): Read {
  const made = code ? readers.code : readers.closures;
  let read = made.get(node);
  if (read === undefined) {
    read = withChecks(node, typeReader(node, code), code);
    made.set(node, read);
  }
  return read;
}

/**
 * A fast reader of a zod schema, built once from its definition: for a value of plain data it
 * returns what `schema.parse` returns (same keys, same order), and `MISS` whenever it cannot vouch
 * for the value — a problem, or a kind of schema it does not read — so that zod reads it and
 * reports the problems. It runs the schema's own checks and custom functions (the common kinds of
 * check as plain predicates), never zod's parse machinery, and reads each field of the value once
 * into a copy of its own: a stored document costs about what `JSON.parse` of it does, a twentieth
 * of a `safeParse`. Where readers written as code are installed (`useReaderCode`) and may be
 * generated (`mayGenerate`: a server runtime, zod not told to stay `jitless`), each object, list,
 * union and checked node gets a function of its own, which V8 optimises for that node alone (a
 * closure shared by every node sees all of their callees, and inlines none); elsewhere, and with
 * `code` false, the readers are those closures.
 *
 * @example
 * const read = schemaReader(UltimatumSchema);
 * read(JSON.parse(JSON.stringify(u))) === MISS //=> false
 */
export function schemaReader<T>(schema: z.ZodMiniType<T>, code = installedReaderCode()?.mayGenerate() === true): (value: unknown) => T | typeof MISS {
  return readerFor(schema as unknown as Node, code ? installedReaderCode() : undefined) as (value: unknown) => T | typeof MISS;
}
