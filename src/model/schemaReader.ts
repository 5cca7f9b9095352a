import type * as z from 'zod/mini';
import { isOpaque } from './ownData.js';
import { isPlainObject } from './plainObject.js';

/** What a reader answers when it cannot vouch for a value: zod itself must read it. */
export const MISS: unique symbol = Symbol('miss');

type Read = (value: unknown) => unknown;
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

/** Runs a node's checks (its own first, when it is one, as zod does) on a parsed value. */
function withChecks(node: Node, read: Read): Read {
  const own = node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : [];
  const checks = [...own, ...((node._zod.def.checks ?? []) as Check[])];
  if (checks.length === 0) return read;
  return (value) => {
    const parsed = read(value);
    if (parsed === MISS) return MISS;
    const payload: Payload = { value: parsed, issues: [] };
    for (const check of checks) {
      const when = check._zod.def.when;
      if (when !== undefined && !when(payload as never)) continue;
      if (check._zod.check(payload as never) instanceof Promise || payload.issues.length > 0) return MISS;
    }
    return payload.value;
  };
}

function objectReader(node: Node): Read {
  const def = node._zod.def as z.core.$ZodObjectDef;
  // Only strict shapes: a stripping one would drop keys zod keeps reporting (and never is "strict").
  if (def.catchall?._zod.def.type !== 'never') return miss;
  const shape = def.shape as Record<string, Node>;
  const keys = Object.keys(shape);
  const fields = keys.map((key) => ({
    key,
    read: readerFor(shape[key] as Node),
    // Absent and optional is left out; absent and required is refused (see zod's handlePropertyResult).
    skipAbsent: shape[key]?._zod.optin === 'optional' && shape[key]?._zod.optout === 'optional',
    required: shape[key]?._zod.optin === undefined,
  }));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainObject(value)) return MISS;
    const input = value as Record<string, unknown>;
    for (const key in input) if (!Object.hasOwn(shape, key)) return MISS;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const present = f.key in input;
      if (!present && (f.skipAbsent || f.required)) {
        if (f.required) return MISS;
        continue;
      }
      const r = f.read(input[f.key]);
      if (r === MISS) return MISS;
      if (r !== undefined || present) out[f.key] = r;
    }
    return out;
  };
}

function unionReader(node: Node): Read {
  const def = node._zod.def as z.core.$ZodDiscriminatedUnionDef;
  const options = def.options as Node[];
  const reads = options.map(readerFor);
  if (typeof def.discriminator === 'string') {
    // The option is chosen by the discriminator's value, as zod chooses it.
    const byValue = new Map<unknown, Read>();
    options.forEach((option, i) => {
      const values = option._zod.propValues?.[def.discriminator] ?? new Set();
      for (const v of values) if (!byValue.has(v)) byValue.set(v, reads[i] as Read);
    });
    const key = def.discriminator;
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return MISS;
      const read = byValue.get((value as Record<string, unknown>)[key]);
      return read === undefined ? MISS : read(value);
    };
  }
  return (value) => {
    for (const read of reads) {
      const r = read(value);
      if (r !== MISS) return r;
    }
    return MISS;
  };
}

function typeReader(node: Node): Read {
  const def = node._zod.def;
  switch (def.type) {
    case 'string':
      return (def as z.core.$ZodStringDef).coerce ? miss : (v) => (typeof v === 'string' ? v : MISS);
    case 'number':
      return (def as z.core.$ZodNumberDef).coerce ? miss : (v) => (typeof v === 'number' && Number.isFinite(v) ? v : MISS);
    case 'boolean':
      return (def as z.core.$ZodBooleanDef).coerce ? miss : (v) => (typeof v === 'boolean' ? v : MISS);
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
      const read = readerFor(inner.innerType);
      return (v) => (v === undefined ? undefined : read(v));
    }
    case 'array': {
      const read = readerFor((def as z.core.$ZodArrayDef).element);
      return (v) => {
        if (!Array.isArray(v)) return MISS;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const r = read(v[i]);
          if (r === MISS) return MISS;
          out[i] = r;
        }
        return out;
      };
    }
    case 'tuple': {
      const tuple = def as z.core.$ZodTupleDef;
      if (tuple.rest !== null && tuple.rest !== undefined) return miss;
      const reads = tuple.items.map(readerFor);
      return (v) => {
        if (!Array.isArray(v) || v.length !== reads.length) return MISS;
        const out = new Array(v.length);
        for (let i = 0; i < reads.length; i++) {
          const r = (reads[i] as Read)(v[i]);
          if (r === MISS) return MISS;
          out[i] = r;
        }
        return out;
      };
    }
    case 'object':
      return objectReader(node);
    case 'union':
      return unionReader(node);
    case 'pipe': {
      const pipe = def as z.core.$ZodPipeDef;
      const left = readerFor(pipe.in);
      const right = readerFor(pipe.out);
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

const readers = new WeakMap<Node, Read>();

function readerFor(node: Node): Read {
  let read = readers.get(node);
  if (read === undefined) {
    read = withChecks(node, typeReader(node));
    readers.set(node, read);
  }
  return read;
}

/**
 * A fast reader of a zod schema, built once from its definition: for a value of plain data it
 * returns what `schema.parse` returns (same keys, same order), and `MISS` whenever it cannot vouch
 * for the value — a problem, or a kind of schema it does not read — so that zod reads it and
 * reports the problems. It runs the schema's own checks and custom functions, never zod's parse
 * machinery; the common document costs a fraction of a `safeParse`.
 *
 * @example
 * const read = schemaReader(UltimatumSchema);
 * read(JSON.parse(JSON.stringify(u))) === MISS //=> false
 */
export function schemaReader<T>(schema: z.ZodMiniType<T>): (value: unknown) => T | typeof MISS {
  return readerFor(schema as unknown as Node) as (value: unknown) => T | typeof MISS;
}
