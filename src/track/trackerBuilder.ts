import { UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Ultimatum } from '../model/types.js';
import type { Compiled } from '../status/compile.js';
import { IndexBuilder, type TrackerIndex } from './trackerIndex.js';

/**
 * What a tracker is made of: slots in the order added (holes where removed), the compiled form
 * beside each, the slot of each id, how many ultimatums each zone holds, and the indexes.
 *
 * @example
 * const parts: TrackerParts = new TrackerBuilder(1).add(u, compiledOf(u)).finish();
 */
export interface TrackerParts {
  readonly items: (Ultimatum | undefined)[];
  readonly compiled: (Compiled | undefined)[];
  readonly slots: Map<string, number>;
  readonly zones: Map<string, number>;
  readonly index: TrackerIndex;
}

/**
 * Counts one ultimatum more (`1`) or less (`-1`) in its zone; a zone no longer held is dropped.
 *
 * @example
 * countZone(zones, 'Europe/Berlin', 1);
 */
export function countZone(zones: Map<string, number>, zone: string, delta: 1 | -1): void {
  const n = (zones.get(zone) ?? 0) + delta;
  if (n === 0) zones.delete(zone);
  else zones.set(zone, n);
}

/** The most ultimatums a builder makes room for before any is added. */
const MAX_ROOM = 1 << 21;

/**
 * Gathers the parts of a tracker one ultimatum at a time, each indexed as it comes (while what
 * was just read of it is still in the processor's cache: a second walk over a million ultimatums
 * misses it on every one), the indexes sorted once at the end. Refuses a repeated id at
 * `[...prefix, slot, 'id']`.
 *
 * @example
 * const builder = new TrackerBuilder(2, ['ultimatums']);
 * builder.add(a, compiledOf(a)).add(b, compiledOf(b));
 * new TrackerImpl(builder.finish());
 */
export class TrackerBuilder {
  readonly #items: Ultimatum[];
  readonly #compiled: Compiled[];
  readonly #slots = new Map<string, number>();
  readonly #zones = new Map<string, number>();
  readonly #index: IndexBuilder;
  readonly #prefix: readonly (string | number)[];
  #size = 0;

  /**
   * `expected`: how many will be added, when known (the lists are made at that length at once, up
   * to a few million: a sparse array's `length` is no promise, and past that the lists grow).
   */
  constructor(expected: number, prefix: readonly (string | number)[] = []) {
    const room = Math.min(expected, MAX_ROOM);
    this.#items = new Array<Ultimatum>(room);
    this.#compiled = new Array<Compiled>(room);
    this.#index = new IndexBuilder(room);
    this.#prefix = prefix;
  }

  add(u: Ultimatum, c: Compiled): this {
    const slot = this.#size;
    const held = this.#slots.size;
    // One lookup, not two: a repeated id leaves the size as it was (and the builder is dropped).
    this.#slots.set(u.id, slot);
    if (this.#slots.size === held) {
      throw new UltimatumError([{ code: 'INVALID_INPUT', path: [...this.#prefix, slot, 'id'], ...messages.duplicateUltimatumId(u.id) }]);
    }
    this.#items[slot] = u;
    this.#compiled[slot] = c;
    this.#size = slot + 1;
    countZone(this.#zones, u.zone, 1);
    this.#index.add(slot, c);
    return this;
  }

  finish(): TrackerParts {
    // Fewer added than expected (an iterable's length is not known): the lists end where they do.
    this.#items.length = this.#size;
    this.#compiled.length = this.#size;
    return { items: this.#items, compiled: this.#compiled, slots: this.#slots, zones: this.#zones, index: this.#index.build() };
  }
}
