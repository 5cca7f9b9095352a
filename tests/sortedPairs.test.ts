import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SortedPairs, sortPairs } from '../src/track/sortedPairs.js';
import { propertyRuns } from './helpers.js';

/** The model: pairs in an array, sorted by key then by when they came in. */
type Pair = [key: number, slot: number];
const byKey = (pairs: Pair[]) => pairs.map((p, order) => ({ p, order })).sort((a, b) => a.p[0] - b.p[0] || a.order - b.order).map((x) => x.p);

describe('sortPairs', () => {
  it('sorts by key, each key with its own slot, as a comparison sort does (instants of years 1–9999)', () => {
    const key = fc.oneof(
      fc.integer({ min: -62_135_596_800_000, max: 253_402_300_799_999 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 1_700_000_000_000, max: 1_700_100_000_000 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3_000 }), (keys) => {
        const k = Float64Array.from(keys);
        const s = Int32Array.from(keys, (_, i) => i);
        sortPairs(k, s);
        const expected = byKey(keys.map((x, i): Pair => [x, i]));
        expect([...k]).toEqual(expected.map((p) => p[0]));
        // Equal keys may hold their slots in any order; each slot still carries its own key.
        expect([...s].every((slot, i) => keys[slot] === k[i])).toBe(true);
        expect([...s].sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('falls back to comparing for keys that are not whole numbers', () => {
    const k = Float64Array.of(2.5, 1.5, 2.5, 0.25);
    const s = Int32Array.of(0, 1, 2, 3);
    sortPairs(k, s);
    expect([[...k], [...s]]).toEqual([
      [0.25, 1.5, 2.5, 2.5],
      [3, 1, 0, 2],
    ]);
    // Whole smallest and largest keys, a fraction between them: still compared, not bucketed.
    const k2 = Float64Array.of(10, 3.75, 3.25, 0);
    const s2 = Int32Array.of(0, 1, 2, 3);
    sortPairs(k2, s2);
    expect([...k2]).toEqual([0, 3.25, 3.75, 10]);
  });
});

describe('SortedPairs', () => {
  it('answers ranges as a sorted array does, over random inserts and removals across chunk splits', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), key: fc.integer({ min: 0, max: 400 }), slot: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('remove' as const), key: fc.integer({ min: 0, max: 400 }), slot: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('range' as const), key: fc.integer({ min: -5, max: 405 }), slot: fc.integer({ min: 0, max: 200 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 1_500 }), fc.array(op, { maxLength: 300 }), (initial, ops) => {
        let model: Pair[] = byKey(initial.map((k, i): Pair => [k, i % 21]));
        const index = SortedPairs.fromSorted(Float64Array.from(model, (p) => p[0]), Int32Array.from(model, (p) => p[1]));
        for (const o of ops) {
          if (o.kind === 'insert') {
            index.insert(o.key, o.slot);
            const at = model.findIndex((p) => p[0] > o.key);
            model.splice(at < 0 ? model.length : at, 0, [o.key, o.slot]);
          } else if (o.kind === 'remove') {
            const at = model.findIndex((p) => p[0] === o.key && p[1] === o.slot);
            expect(index.remove(o.key, o.slot)).toBe(at >= 0);
            if (at >= 0) model = [...model.slice(0, at), ...model.slice(at + 1)];
          } else {
            const seen: Pair[] = [];
            index.range(o.key, o.key + o.slot, (k, s) => seen.push([k, s]) > 0);
            expect(seen.map((p) => p[0])).toEqual(model.filter((p) => p[0] >= o.key && p[0] < o.key + o.slot).map((p) => p[0]));
          }
          expect(index.size).toBe(model.length);
        }
        const all: Pair[] = [];
        index.range(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, (k, s) => all.push([k, s]) > 0);
        // Equal keys may hold their slots in another order than the model's; as multisets they agree.
        expect(all.map((p) => `${p[0]}:${p[1]}`).sort()).toEqual(model.map((p) => `${p[0]}:${p[1]}`).sort());
        expect(all.map((p) => p[0])).toEqual(model.map((p) => p[0]));
      }),
      { numRuns: Math.min(propertyRuns(), 300) },
    );
  });

  it('splits full chunks and drops empty ones: 5 000 inserts into one key range, then removals', () => {
    const index = new SortedPairs();
    const model: number[] = [];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % 1_000;
    };
    for (let i = 0; i < 5_000; i++) {
      const key = next();
      index.insert(key, i);
      model.push(key);
    }
    for (let i = 0; i < 5_000; i += 2) expect(index.remove(model[i] as number, i)).toBe(true);
    const left = model.filter((_, i) => i % 2 === 1).sort((a, b) => a - b);
    const all: number[] = [];
    index.range(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, (k) => all.push(k) > 0);
    expect([index.size, all]).toEqual([2_500, left]);
    for (let i = 1; i < 5_000; i += 2) expect(index.remove(model[i] as number, i)).toBe(true);
    expect(index.size).toBe(0);
    index.insert(3, 1);
    const one: number[] = [];
    index.range(0, 10, (k, s) => one.push(k, s) > 0);
    expect(one).toEqual([3, 1]);
  });

  it('stops a range where the visitor says so', () => {
    const index = SortedPairs.fromSorted(Float64Array.of(1, 2, 3, 4), Int32Array.of(0, 1, 2, 3));
    const seen: number[] = [];
    index.range(0, 10, (k) => seen.push(k) < 2);
    expect(seen).toEqual([1, 2]);
  });
});
