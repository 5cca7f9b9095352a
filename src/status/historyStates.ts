import type { HistoryState } from './compile.js';

/**
 * The states of a history kept as one list of numbers, eight per state: a list of numbers only is
 * held unboxed by V8, where a state object holds each instant in a box of its own. A tracker keeps
 * a state for each of a million ultimatums; as objects they were four allocations each, written
 * into the old generation with a barrier for every box.
 */
// Where each field of a state lies in its eight numbers (exported for `stateAt`, which reads them
// one at a time), and the bits of the `META` field.
export const EARLIEST = 0;
export const LATEST = 1;
export const PAUSED_SINCE = 2;
export const PAUSE_START = 3;
export const PAUSED_TOTAL = 4;
export const PAUSED_WORK = 5;
export const TERMINAL_MS = 6;
/** window (1), paused (2), business (4), terminal (8 complied, 16 withdrawn), then enforcements × 32. */
export const META = 7;
export const FIELDS = 8;

export const WINDOW = 1;
export const PAUSED = 2;
export const BUSINESS = 4;
export const COMPLIED = 8;
export const WITHDRAWN = 16;
export const ENFORCEMENT = 32;

/**
 * A packed list with room for `count` states, at exactly that length: pushed eight numbers at a
 * time, V8 gives a list room for twenty-eight (three times the memory a tracker keeps for it).
 *
 * @example
 * const packed = newStates(u.events.length + 1);
 */
export function newStates(count: number): number[] {
  // The one state of a document without history (most of them) as a literal, which optimised code
  // allocates inline, already as a list of doubles after the first few.
  return count === 1 ? [0, 0, 0, 0, 0, 0, 0, 0] : new Array<number>(count * FIELDS);
}

/**
 * Writes state `k` of a packed list of states.
 *
 * @example
 * const packed = newStates(1); packState(packed, 0, s); stateCount(packed) //=> 1
 */
export function packState(packed: number[], k: number, s: HistoryState): void {
  const terminal = s.terminal === 'complied' ? COMPLIED : s.terminal === 'withdrawn' ? WITHDRAWN : 0;
  const meta = (s.window ? WINDOW : 0) + (s.paused ? PAUSED : 0) + (s.business ? BUSINESS : 0) + terminal + s.enforcementCount * ENFORCEMENT;
  const at = k * FIELDS;
  packed[at + EARLIEST] = s.earliest;
  packed[at + LATEST] = s.latest;
  packed[at + PAUSED_SINCE] = s.pausedSince;
  packed[at + PAUSE_START] = s.pauseStart;
  packed[at + PAUSED_TOTAL] = s.pausedTotal;
  packed[at + PAUSED_WORK] = s.pausedWork;
  packed[at + TERMINAL_MS] = s.terminalMs;
  packed[at + META] = meta;
}

/**
 * How many states a packed list holds.
 *
 * @example
 * stateCount(compiledOf(u).states) //=> u.events.length + 1
 */
export function stateCount(packed: readonly number[]): number {
  return packed.length / FIELDS;
}

const meta = (packed: readonly number[], k: number) => packed[k * FIELDS + META] as number;

/**
 * The deadline in force in state `k` (while paused, as it stood when the pause began).
 *
 * @example
 * latestOf(compiledOf(u).states, 0) //=> the deadline the ultimatum was issued with
 */
export function latestOf(packed: readonly number[], k: number): number {
  return packed[k * FIELDS + LATEST] as number;
}

/**
 * The opening of the window in force in state `k` (the deadline itself when there is no window).
 *
 * @example
 * earliestOf(compiledOf(u).states, 0) <= latestOf(compiledOf(u).states, 0) //=> true
 */
export function earliestOf(packed: readonly number[], k: number): number {
  return packed[k * FIELDS + EARLIEST] as number;
}

/**
 * True when state `k` has a window (an earliest and a latest deadline).
 *
 * @example
 * isWindowIn(compiledOf(u).states, 0) //=> false for a single deadline
 */
export function isWindowIn(packed: readonly number[], k: number): boolean {
  return (meta(packed, k) & WINDOW) !== 0;
}

/**
 * While paused in state `k`, the instant from which the deadline keeps moving (0 when running).
 *
 * @example
 * pausedSinceOf(compiledOf(u).states, 0) //=> 0
 */
export function pausedSinceOf(packed: readonly number[], k: number): number {
  return packed[k * FIELDS + PAUSED_SINCE] as number;
}

/**
 * True while a pause is in progress in state `k`.
 *
 * @example
 * isPausedIn(compiledOf(u).states, 0) //=> false
 */
export function isPausedIn(packed: readonly number[], k: number): boolean {
  return (meta(packed, k) & PAUSED) !== 0;
}

/**
 * How the history stands ended in state `k`, or null while it goes on.
 *
 * @example
 * terminalIn(compiledOf(u).states, 0) //=> null
 */
export function terminalIn(packed: readonly number[], k: number): 'complied' | 'withdrawn' | null {
  const m = meta(packed, k);
  return m & COMPLIED ? 'complied' : m & WITHDRAWN ? 'withdrawn' : null;
}

/**
 * The deadline in force in state `k`: its latest instant, and the opening of its window.
 *
 * @example
 * deadlineIn(compiledOf(u).states, 0).window //=> false for a single deadline
 */
export interface DeadlineInForce {
  readonly earliest: number;
  readonly latest: number;
  readonly window: boolean;
}

/**
 * The deadline in force in state `k` (for the words of an explanation or a timeline).
 *
 * @example
 * deadlineIn(compiledOf(u).states, 0).latest === latestOf(compiledOf(u).states, 0) //=> true
 */
export function deadlineIn(packed: readonly number[], k: number): DeadlineInForce {
  return { earliest: earliestOf(packed, k), latest: latestOf(packed, k), window: isWindowIn(packed, k) };
}

/**
 * State `k` of a packed list as an object, every field of it (for tests and debugging: the
 * library reads one field at a time).
 *
 * @example
 * stateOf(compiledOf(u).states, 0).paused //=> false
 */
export function stateOf(packed: readonly number[], k: number): HistoryState {
  const at = k * FIELDS;
  const m = packed[at + META] as number;
  return {
    earliest: packed[at + EARLIEST] as number,
    latest: packed[at + LATEST] as number,
    window: (m & WINDOW) !== 0,
    paused: (m & PAUSED) !== 0,
    pausedSince: packed[at + PAUSED_SINCE] as number,
    pauseStart: packed[at + PAUSE_START] as number,
    pausedTotal: packed[at + PAUSED_TOTAL] as number,
    business: (m & BUSINESS) !== 0,
    pausedWork: packed[at + PAUSED_WORK] as number,
    terminal: terminalIn(packed, k),
    terminalMs: packed[at + TERMINAL_MS] as number,
    enforcementCount: Math.floor(m / ENFORCEMENT),
  };
}

