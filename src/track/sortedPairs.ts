/**
 * A sorted multiset of `(key, slot)` pairs — an instant and the tracker slot it belongs to —
 * kept in chunks of a few hundred, so that an insertion or a removal moves one chunk's worth of
 * numbers (found by two binary searches), never the whole index, and a range is read in order.
 * Keys and slots live in typed arrays: a million pairs cost 12 MB, not a million objects.
 */
const CHUNK = 512;
const MAX_CHUNK = 2 * CHUNK;

interface Chunk {
  keys: Float64Array;
  slots: Int32Array;
  size: number;
}

function newChunk(capacity = MAX_CHUNK): Chunk {
  return { keys: new Float64Array(capacity), slots: new Int32Array(capacity), size: 0 };
}

/** Makes room for one more pair: a chunk built full (at creation) grows to the largest size on its first insertion. */
function grow(chunk: Chunk): void {
  if (chunk.size < chunk.keys.length) return;
  const keys = new Float64Array(MAX_CHUNK);
  const slots = new Int32Array(MAX_CHUNK);
  keys.set(chunk.keys);
  slots.set(chunk.slots);
  chunk.keys = keys;
  chunk.slots = slots;
}

/** First index in `keys[0, size)` with a key `>= x`. */
function lowerBound(keys: Float64Array, size: number, x: number): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts pairs by key, in place, in linear time: keys are whole milliseconds, so an LSD radix sort
 * on their distance from the smallest (four 13-bit digits cover 2^52 ms; digits that never vary
 * are skipped). Equal keys keep their order.
 *
 * @example
 * const keys = Float64Array.of(30, 10, 20), slots = Int32Array.of(0, 1, 2);
 * sortPairs(keys, slots); [...slots] //=> [1, 2, 0]
 */
export function sortPairs(keys: Float64Array, slots: Int32Array): void {
  const n = keys.length;
  if (n < 2) return;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const k = keys[i] as number;
    if (k < min) min = k;
    if (k > max) max = k;
    if (whole && k !== Math.floor(k)) whole = false;
  }
  if (!whole || !Number.isFinite(max - min) || max - min >= 2 ** 52) {
    comparisonSort(keys, slots);
    return;
  }
  let srcKeys: Float64Array = keys;
  let srcSlots: Int32Array = slots;
  let dstKeys: Float64Array = new Float64Array(n);
  let dstSlots: Int32Array = new Int32Array(n);
  const counts = new Int32Array(8192);
  for (let shift = 1; shift < 2 ** 52; shift *= 8192) {
    if ((max - min) / shift < 1) break;
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = Math.floor(((srcKeys[i] as number) - min) / shift) % 8192;
      counts[d] = (counts[d] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < 8192; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = srcKeys[i] as number;
      const d = Math.floor((k - min) / shift) % 8192;
      const at = counts[d] as number;
      counts[d] = at + 1;
      dstKeys[at] = k;
      dstSlots[at] = srcSlots[i] as number;
    }
    [srcKeys, dstKeys] = [dstKeys, srcKeys];
    [srcSlots, dstSlots] = [dstSlots, srcSlots];
  }
  if (srcKeys !== keys) {
    keys.set(srcKeys);
    slots.set(srcSlots);
  }
}

function comparisonSort(keys: Float64Array, slots: Int32Array): void {
  const order = Array.from({ length: keys.length }, (_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  const k = Float64Array.from(order, (i) => keys[i] as number);
  const s = Int32Array.from(order, (i) => slots[i] as number);
  keys.set(k);
  slots.set(s);
}

/**
 * A sorted multiset of `(key, slot)` pairs with insertion, removal and ordered range reads.
 *
 * @example
 * const index = SortedPairs.fromSorted(Float64Array.of(10, 20), Int32Array.of(0, 1));
 * index.insert(15, 2);
 * const seen: number[] = []; index.range(0, 100, (key, slot) => { seen.push(slot); return true; });
 * seen //=> [0, 2, 1]
 */
export class SortedPairs {
  #chunks: Chunk[] = [];
  #size = 0;

  /** From pairs already sorted by key (see `sortPairs`). */
  static fromSorted(keys: Float64Array, slots: Int32Array): SortedPairs {
    const out = new SortedPairs();
    for (let at = 0; at < keys.length; at += CHUNK) {
      const end = Math.min(keys.length, at + CHUNK);
      // Exactly as large as it is: an index built at creation carries no slack.
      const chunk = newChunk(end - at);
      chunk.keys.set(keys.subarray(at, end));
      chunk.slots.set(slots.subarray(at, end));
      chunk.size = end - at;
      out.#chunks.push(chunk);
    }
    out.#size = keys.length;
    return out;
  }

  get size(): number {
    return this.#size;
  }

  /** The chunk where `key` belongs: the last one whose first key is `<= key` (else the first). */
  #chunkFor(key: number): number {
    const chunks = this.#chunks;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (((chunks[mid] as Chunk).keys[0] as number) <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The first chunk that may hold a key `>= key` (earlier chunks end before it). */
  #firstChunkFrom(key: number): number {
    const chunks = this.#chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = chunks[mid] as Chunk;
      if ((c.keys[c.size - 1] as number) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: number, slot: number): void {
    if (this.#chunks.length === 0) this.#chunks.push(newChunk());
    const index = this.#chunkFor(key);
    const chunk = this.#chunks[index] as Chunk;
    grow(chunk);
    // After the equal keys: pairs with one key keep the order they came in.
    const at = upperBound(chunk, key);
    chunk.keys.copyWithin(at + 1, at, chunk.size);
    chunk.slots.copyWithin(at + 1, at, chunk.size);
    chunk.keys[at] = key;
    chunk.slots[at] = slot;
    chunk.size++;
    this.#size++;
    if (chunk.size === MAX_CHUNK) {
      const upper = newChunk();
      upper.keys.set(chunk.keys.subarray(CHUNK));
      upper.slots.set(chunk.slots.subarray(CHUNK));
      upper.size = MAX_CHUNK - CHUNK;
      chunk.size = CHUNK;
      this.#chunks.splice(index + 1, 0, upper);
    }
  }

  /** Removes one `(key, slot)` pair; false when there is none. */
  remove(key: number, slot: number): boolean {
    for (let index = this.#firstChunkFrom(key); index < this.#chunks.length; index++) {
      const chunk = this.#chunks[index] as Chunk;
      let i = lowerBound(chunk.keys, chunk.size, key);
      for (; i < chunk.size && chunk.keys[i] === key; i++) {
        if (chunk.slots[i] !== slot) continue;
        chunk.keys.copyWithin(i, i + 1, chunk.size);
        chunk.slots.copyWithin(i, i + 1, chunk.size);
        chunk.size--;
        this.#size--;
        if (chunk.size === 0) this.#chunks.splice(index, 1);
        return true;
      }
      if (i < chunk.size) return false;
    }
    return false;
  }

  /**
   * Calls `visit(key, slot)` for the pairs with `lo <= key < hi`, in key order, until it returns false.
   */
  range(lo: number, hi: number, visit: (key: number, slot: number) => boolean): void {
    for (let index = this.#firstChunkFrom(lo); index < this.#chunks.length; index++) {
      const chunk = this.#chunks[index] as Chunk;
      const { keys, slots, size } = chunk;
      for (let i = lo > (keys[0] as number) ? lowerBound(keys, size, lo) : 0; i < size; i++) {
        const key = keys[i] as number;
        if (key >= hi || !visit(key, slots[i] as number)) return;
      }
    }
  }
}

/** First index in a chunk with a key `> key`. */
function upperBound(chunk: Chunk, key: number): number {
  let lo = 0;
  let hi = chunk.size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((chunk.keys[mid] as number) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
