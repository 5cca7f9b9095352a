/**
 * The fast reader of a schema vouches only for what zod accepts, and gives what zod gives: same
 * values, same keys in the same order. Checked on valid documents and on random damage to them
 * (a field replaced, removed or added, at any depth), where it must either agree with zod or
 * leave the value to zod (`MISS`). Then through the readers built on it: an input or a stored
 * document that takes the fast path is one the full reading accepts too.
 */
import fc from 'fast-check';
import { DateTime, Duration } from 'luxon';
import { createUltimatum, safeCreateUltimatum, safeParseUltimatum, type UltimatumInput } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { foreignObjects } from '../src/model/ownData.js';
import * as z from 'zod/mini';
import * as readerCode from '../src/model/readerCode.js';
import { mayGenerate } from '../src/model/readerCode.js';
import { useReaderCode } from '../src/model/readers.js';
import { MISS, schemaReader } from '../src/model/schemaReader.js';
import { UltimatumInputSchema, UltimatumSchema } from '../src/model/schemas.js';
import { READING_INPUT, READING_STORED } from '../src/rules/readingSchemas.js';
import { base, propertyRuns, utcCase } from './helpers.js';

const INPUTS: UltimatumInput[] = [
  base(),
  utcCase({ deadline: { at: '2025-03-20' }, addressee: ['B', 'C'], tags: ['x'] }),
  utcCase({ deadline: { between: ['2025-03-10', '2025-03-12T17:00'] } }),
  utcCase({ deadline: { after: '10 business days', rollover: 'next-business-day' }, calendar: { weekend: [6, 7], holidays: ['2025-03-07'] } }),
  utcCase({ deadline: { after: { earliest: { days: 5 }, latest: { days: 7 } }, from: '2025-03-04' } }),
  utcCase({
    issuedAt: new Date(Date.UTC(2025, 2, 3, 9)),
    deadline: { after: Duration.fromObject({ days: 10 }), endOfDay: true },
    milestones: { fractions: [0.5], before: [{ days: 1 }] },
    source: { url: 'https://example.org', quote: 'q', publishedAt: DateTime.fromISO('2025-03-02T10:00Z') },
    consequences: [
      { id: 'tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary', offset: { days: 1 } },
      { kind: 'sanctions', description: 'Sanctions', targets: ['X'] },
    ],
    events: [
      { type: 'extend', at: '2025-03-04T09:00', by: { days: 2 }, note: 'n' },
      { type: 'pause', at: '2025-03-05T09:00' },
      { type: 'resume', at: '2025-03-06T09:00' },
      { type: 'shorten', at: '2025-03-06T10:00', to: '2025-03-14T09:00' },
      { type: 'note', at: '2025-03-06T11:00', text: 'talks' },
      { type: 'reschedule', at: '2025-03-07T09:00', deadline: { after: { days: 9 } }, source: { url: 'https://example.org/2' } },
      { type: 'enforce', at: '2025-03-17T09:00', consequences: ['tariffs'], partial: true },
      { type: 'comply', at: '2025-03-18T09:00' },
    ],
  }),
];
const STORED = INPUTS.map((input) => JSON.parse(JSON.stringify(createUltimatum(input))) as Record<string, unknown>);

/** Values a damaged field may take: wrong types, near misses, edge numbers, foreign objects. */
const REPLACEMENTS: unknown[] = [
  undefined, null, 0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', '2025-02-30', '2025-03-03T09:00Z', 'P1D', true,
  [], [1], ['a'], {}, { days: 1 }, { days: -1 }, { earliest: { days: 1 } }, new Date(Number.NaN), new Map(), Object.create({ days: 1 }),
  'reschedule', 'enforce', 'tariff', 'secondary', 'x'.repeat(2_001),
];

type Json = Record<string, unknown> | unknown[];

/** A copy of `value` with one field changed: the path picks the place, the choice what happens there. */
function damaged(value: unknown, picks: readonly number[], choice: number): unknown {
  const copy = (v: unknown): unknown => (Array.isArray(v) ? v.map(copy) : v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copy(x)])) : v);
  const root = copy(value) as Json;
  let at: Json = root;
  for (const pick of picks) {
    const keys = Object.keys(at);
    if (keys.length === 0) break;
    const key = keys[pick % keys.length] as string;
    const next = (at as Record<string, unknown>)[key];
    const last = typeof next !== 'object' || next === null || !(Array.isArray(next) || Object.getPrototypeOf(next) === Object.prototype);
    if (last || pick % 5 === 0) {
      const target = at as Record<string, unknown>;
      if (choice % 7 === 0) delete target[key];
      else if (choice % 7 === 1) target.extra = 1;
      else target[key] = REPLACEMENTS[choice % REPLACEMENTS.length];
      return root;
    }
    at = next as Json;
  }
  return root;
}

/** Equal as zod's output, keys in the same order at every level. */
function sameInOrder(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (!Array.isArray(a) && Object.getPrototypeOf(a) !== Object.prototype) return a === b;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameInOrder((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

// As the entries for server runtimes install them (src/index.node.ts).
useReaderCode(readerCode);

const damage = fc.tuple(fc.nat({ max: INPUTS.length - 1 }), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.nat());

describe('mayGenerate', () => {
  it('generates readers under Node, not where a page could see it, nor when zod is told to stay jitless', () => {
    expect(mayGenerate()).toBe(true);
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      expect(mayGenerate()).toBe(false);
    } finally {
      delete g.document;
    }
    z.config({ jitless: true });
    try {
      expect(mayGenerate()).toBe(false);
    } finally {
      z.config({ jitless: false });
    }
    expect(mayGenerate()).toBe(true);
  });
});

describe.each([
  ['as generated code', true],
  ['as closures', false],
])('schemaReader %s', (_, code) => {
  const readInputShape = schemaReader(UltimatumInputSchema, code);
  const readStoredShape = schemaReader(UltimatumSchema, code);

  it('reads every valid document as zod does, keys in zod’s order', () => {
    for (const input of INPUTS) {
      const read = readInputShape(input);
      expect(read).not.toBe(MISS);
      expect(sameInOrder(read, UltimatumInputSchema.parse(input))).toBe(true);
    }
    for (const doc of STORED) {
      const read = readStoredShape(doc);
      expect(read).not.toBe(MISS);
      expect(sameInOrder(read, UltimatumSchema.parse(doc))).toBe(true);
    }
  });

  it('reads schemas that never coerce (it reads a string as a string, a number as a number)', () => {
    const seen = new Set<object>();
    const coercing: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (typeof v !== 'object' || v === null || seen.has(v)) return;
      seen.add(v);
      const def = (v as { _zod?: { def?: { coerce?: boolean } } })._zod?.def;
      if (def?.coerce === true) coercing.push(at);
      for (const [k, x] of Object.entries(def ?? v)) walk(x, `${at}.${k}`);
    };
    walk(UltimatumInputSchema, 'input');
    walk(UltimatumSchema, 'stored');
    expect(seen.size).toBeGreaterThan(100);
    expect(coercing).toEqual([]);
  });

  it('leaves a value zod refuses to zod', () => {
    expect(readInputShape({ ...base(), title: '' })).toBe(MISS);
    expect(readInputShape({ ...base(), extra: 1 })).toBe(MISS);
    expect(readInputShape({ ...base(), deadline: { after: { days: 1 }, at: '2025-09-01' } })).toBe(MISS);
    expect(readStoredShape({ ...STORED[0], schemaVersion: 2 })).toBe(MISS);
    expect(readStoredShape({ ...STORED[0], demands: [] })).toBe(MISS);
    expect(readStoredShape(Object.assign(Object.create({ zone: 'UTC' }), STORED[0]))).toBe(MISS);
  });

  it('gives a copy, never the caller’s objects, and reads each field once', () => {
    const doc = structuredClone(STORED[4]) as Record<string, unknown>;
    let reads = 0;
    const title = doc.title;
    Object.defineProperty(doc, 'title', { enumerable: true, get: () => (reads++ === 0 ? title : 42) });
    const read = readStoredShape(doc) as Record<string, unknown>;
    expect(reads).toBe(1);
    expect(read.title).toBe(title);
    const objects = (v: unknown): unknown[] => (typeof v === 'object' && v !== null ? [v, ...Object.values(v).flatMap(objects)] : []);
    const theirs = new Set(objects(doc));
    expect(objects(read).filter((o) => theirs.has(o))).toEqual([]);
  });

  it('leaves to zod a list without a prototype where an object belongs, and keys a polluted prototype adds', () => {
    const bare = () => Object.setPrototypeOf([], null) as unknown;
    expect(readInputShape({ ...base(), milestones: bare() })).toBe(MISS);
    expect(readStoredShape({ ...STORED[0], milestones: bare() })).toBe(MISS);
    const r = safeCreateUltimatum({ ...base(), milestones: bare() } as UltimatumInput);
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([['INVALID_INPUT', ['milestones']]]);
    // zod's strict check sees an enumerable inherited key as a key of the object: so must the reader.
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(readInputShape(base())).toBe(MISS);
      expect(readStoredShape(STORED[0])).toBe(MISS);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });

  it('gives what zod gives for a value whose getter removes a field not read yet', () => {
    const input = () => {
      const value = { ...base(), tags: ['x'] } as Record<string, unknown>;
      const title = value.title;
      Object.defineProperty(value, 'title', {
        enumerable: true,
        get: () => {
          delete value.tags;
          return title;
        },
      });
      return value;
    };
    const byZod = UltimatumInputSchema.safeParse(input());
    expect(byZod.success).toBe(true);
    expect(readInputShape(input())).toEqual(byZod.data);
    expect(Object.keys(readInputShape(input()) as object)).toEqual(Object.keys(byZod.data as object));
  });

  it('leaves to zod what it cannot read as zod does: an own __proto__, a field zod sees and a copy would not', () => {
    // From JSON, `__proto__` is an own key (zod refuses it); a copy would take it for a prototype.
    const proto = JSON.parse(`{"__proto__": {"zone": "Asia/Tokyo"}, ${JSON.stringify(STORED[0]).slice(1)}`);
    expect(readStoredShape(proto)).toBe(MISS);
    expect(safeParseUltimatum(proto).success).toBe(false);
    // A field that is not enumerable is still read by zod: the reader does not drop it.
    const hidden = { ...base() } as Record<string, unknown>;
    delete hidden.zone;
    Object.defineProperty(hidden, 'zone', { value: 'Asia/Tokyo' });
    expect(readInputShape(hidden)).toBe(MISS);
    expect(createUltimatum(hidden as UltimatumInput).zone).toBe('Asia/Tokyo');
  });

  it('reads nothing of an object that is not plain data, so that the safe functions never throw', () => {
    class Threat {
      get kind(): string {
        throw new Error('read');
      }
    }
    const r = safeCreateUltimatum({ ...base(), consequences: [new Threat() as never] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.path, i.reason])).toEqual([[['consequences', 0], 'not_plain_object']]);
  });

  it('copies a list into a plain array, whatever its species', () => {
    class Tags extends Array<string> {}
    const tags = Tags.from(['a', 'b']);
    const read = readInputShape({ ...base(), tags }) as { tags: unknown };
    expect(Object.getPrototypeOf(read.tags)).toBe(Array.prototype);
    expect(read.tags).toEqual(['a', 'b']);
  });

  it('on damaged inputs, either agrees with zod or leaves the value to it', () => {
    fc.assert(
      fc.property(damage, ([which, picks, choice]) => {
        const value = damaged(INPUTS[which], picks, choice);
        const read = readInputShape(value);
        if (read === MISS) return true;
        const zod = UltimatumInputSchema.safeParse(value);
        return zod.success && sameInOrder(read, zod.data);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('on damaged stored documents, either agrees with zod or leaves the value to it', () => {
    fc.assert(
      fc.property(damage, ([which, picks, choice]) => {
        const value = damaged(STORED[which], picks, choice);
        const read = readStoredShape(value);
        if (read === MISS) return true;
        const zod = UltimatumSchema.safeParse(value);
        return zod.success && sameInOrder(read, zod.data);
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('leaves to zod a shape that declares __proto__ (zod leaves it out of what it gives)', () => {
    const odd = z.strictObject({ ['__proto__']: z.optional(z.strictObject({ x: z.number() })), a: z.number() });
    const value = JSON.parse('{"a":1,"__proto__":{"x":1}}');
    expect(schemaReader(odd, code)(value)).toBe(MISS);
    expect(schemaReader(odd, code)({ a: 1 })).toBe(MISS);
  });

  it('is what it says: code of its own per node, or the shared closures', () => {
    expect(String(readStoredShape).includes('switch(key)')).toBe(code);
  });

  it('reads a shape of more keys than one word of the mask holds', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const wide = z.strictObject(Object.fromEntries(keys.map((k) => [k, z.optional(z.string())])));
    const read = schemaReader(wide, code);
    const all = Object.fromEntries(keys.map((k) => [k, k]));
    expect(read(all)).toEqual(all);
    expect(read({ k35: 'x', k3: 'y' })).toEqual({ k3: 'y', k35: 'x' });
    expect(Object.keys(read({ k35: 'x', k3: 'y' }) as object)).toEqual(['k3', 'k35']);
    expect(read({ ...all, k40: 'x' })).toBe(MISS);
    expect(read({ k35: 1 })).toBe(MISS);
    const hidden = { k0: 'a' };
    Object.defineProperty(hidden, 'k35', { value: 'x' });
    expect(read(hidden)).toBe(MISS);
  });
});

describe('the readers built on schemaReader', () => {
  it('what createUltimatum and parseUltimatum accept, the full reading accepts too', () => {
    fc.assert(
      fc.property(damage, ([which, picks, choice]) => {
        const input = damaged(INPUTS[which], picks, choice);
        if (safeCreateUltimatum(input).success && !(foreignObjects(input).length === 0 && READING_INPUT.safeParse(input).success)) return false;
        const doc = damaged(STORED[which], picks, choice);
        return !safeParseUltimatum(doc).success || (foreignObjects(doc).length === 0 && READING_STORED.safeParse(doc).success);
      }),
      { numRuns: propertyRuns() },
    );
  });
});
