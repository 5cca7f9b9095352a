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
 * Sorts pairs by key, in place, in linear time and without a buffer: keys are whole milliseconds,
 * so an in-place MSD radix sort (American flag sort) on their distance from the smallest, 13 bits
 * a digit (four digits cover 2^52 ms), small buckets by insertion. In place because a million
 * ultimatums make ten million pairs: a second buffer of that size makes the engine run a full
 * collection of the whole heap, which costs more than the sort. Pairs with one key may come out
 * in any order.
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
  if (n > 100_000) warmUp();
  let shift = 1;
  let depth = 0;
  while ((max - min) / shift >= DIGITS) {
    shift *= DIGITS;
    depth++;
  }
  radixSort(keys, slots, 0, n, min, shift, depth);
}

let warm = false;
/**
 * Sorts a small array through every path once before a big one. Run cold on ten million pairs,
 * each loop of the sort starts interpreted, is compiled mid-loop, then thrown out on reaching
 * the next loop it has never seen run: meanwhile every number is boxed (seconds of garbage).
 */
function warmUp(): void {
  if (warm) return;
  warm = true;
  const n = 20_000;
  const keys = new Float64Array(n);
  const slots = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = ((i * 7_919) % n) * 4_099;
    slots[i] = i;
  }
  // Through sortPairs itself (this sample is too small to warm up again), so every path is seen.
  for (let round = 0; round < 10; round++) sortPairs(keys.slice(), slots.slice());
}

const DIGITS = 8192;
const SMALL = 48;
/** Per digit position (at most four): where each bucket starts, and how far it is filled. */
const starts: Int32Array[] = [];
const fills: Int32Array[] = [];

/**
 * Sorts `[lo, hi)` by the digit `floor((key − min) / shift) mod 8192`, then each bucket by the
 * digits below it (`depth` counts them). A function of its own, every value a parameter, so that
 * the engine compiles it to loops on raw numbers.
 */
function radixSort(keys: Float64Array, slots: Int32Array, lo: number, hi: number, min: number, shift: number, depth: number): void {
  if (hi - lo <= SMALL) {
    insertionSort(keys, slots, lo, hi);
    return;
  }
  // Only the digits this range uses: ranges of a few equal or near keys are the common case
  // (a board of SLAs issued on the minute), and each must not cost a pass over 8 192 buckets.
  let kMin = keys[lo] as number;
  let kMax = kMin;
  for (let i = lo + 1; i < hi; i++) {
    const k = keys[i] as number;
    if (k < kMin) kMin = k;
    else if (k > kMax) kMax = k;
  }
  if (kMin === kMax) return;
  const first = ((kMin - min) / shift) & (DIGITS - 1);
  const last = ((kMax - min) / shift) & (DIGITS - 1);
  if (first === last) {
    if (depth > 0) radixSort(keys, slots, lo, hi, min, shift / DIGITS, depth - 1);
    return;
  }
  if (starts[depth] === undefined) {
    starts[depth] = new Int32Array(DIGITS + 1);
    fills[depth] = new Int32Array(DIGITS);
  }
  const start = starts[depth] as Int32Array;
  const fill = fills[depth] as Int32Array;
  start.fill(0, first, last + 2);
  // ToInt32 keeps the low bits of a whole number below 2^53 and truncates a positive fraction:
  // floor(x / shift) mod 8192 without a call.
  for (let i = lo; i < hi; i++) {
    const d = (((keys[i] as number) - min) / shift) & (DIGITS - 1);
    start[d + 1] = (start[d + 1] as number) + 1;
  }
  start[first] = lo;
  for (let d = first; d <= last; d++) {
    start[d + 1] = (start[d + 1] as number) + (start[d] as number);
    fill[d] = start[d] as number;
  }
  // Each pair is swapped straight into its bucket (cycle leader), so every pair moves once.
  for (let b = first; b <= last; b++) {
    const end = start[b + 1] as number;
    for (let i = fill[b] as number; i < end; i = fill[b] as number) {
      let key = keys[i] as number;
      let slot = slots[i] as number;
      let d = ((key - min) / shift) & (DIGITS - 1);
      while (d !== b) {
        const at = fill[d] as number;
        fill[d] = at + 1;
        const k = keys[at] as number;
        const s = slots[at] as number;
        keys[at] = key;
        slots[at] = slot;
        key = k;
        slot = s;
        d = ((key - min) / shift) & (DIGITS - 1);
      }
      keys[i] = key;
      slots[i] = slot;
      fill[b] = i + 1;
    }
  }
  if (depth === 0) return;
  for (let b = first; b <= last; b++) {
    // Read again each time: the buckets below reuse the arrays of their own depth only.
    const from = start[b] as number;
    const to = start[b + 1] as number;
    if (to - from > 1) radixSort(keys, slots, from, to, min, shift / DIGITS, depth - 1);
  }
}

function insertionSort(keys: Float64Array, slots: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const key = keys[i] as number;
    const slot = slots[i] as number;
    let j = i - 1;
    while (j >= lo && (keys[j] as number) > key) {
      keys[j + 1] = keys[j] as number;
      slots[j + 1] = slots[j] as number;
      j--;
    }
    keys[j + 1] = key;
    slots[j + 1] = slot;
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

  /**
   * From pairs already sorted by key (see `sortPairs`). The chunks are views of the two arrays,
   * which the index then owns: a million ultimatums make ten million pairs, and allocating a
   * buffer per chunk would ask the garbage collector for a full collection again and again.
   */
  static fromSorted(keys: Float64Array, slots: Int32Array): SortedPairs {
    const out = new SortedPairs();
    for (let at = 0; at < keys.length; at += CHUNK) {
      const end = Math.min(keys.length, at + CHUNK);
      // Exactly as large as it is: a chunk grows into a buffer of its own on its first insertion.
      out.#chunks.push({ keys: keys.subarray(at, end), slots: slots.subarray(at, end), size: end - at });
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
