/**
 * The packed history states give back every field of every state as it was packed: instants,
 * the flags, the terminal event and the count of enforcements.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryState } from '../src/status/compile.js';
import { earliestOf, isPausedIn, isWindowIn, latestOf, newStates, packState, pausedSinceOf, stateCount, stateOf, terminalIn } from '../src/status/historyStates.js';

const RUNNING: HistoryState = {
  earliest: Date.UTC(2025, 8, 1, 16),
  latest: Date.UTC(2025, 8, 3, 16),
  window: true,
  paused: false,
  pausedSince: 0,
  pauseStart: 0,
  pausedTotal: 0,
  business: false,
  pausedWork: 0,
  terminal: null,
  terminalMs: Number.NaN,
  enforcementCount: 0,
};
const ENDED: HistoryState = {
  earliest: Date.UTC(2025, 8, 10, 16),
  latest: Date.UTC(2025, 8, 10, 16),
  window: false,
  paused: true,
  pausedSince: Date.UTC(2025, 8, 5, 9, 30),
  pauseStart: Date.UTC(2025, 8, 4, 9),
  pausedTotal: 36 * 3_600_000,
  business: true,
  pausedWork: 8 * 3_600_000,
  terminal: 'withdrawn',
  terminalMs: Date.UTC(2025, 8, 6, 12),
  enforcementCount: 3,
};

describe('historyStates', () => {
  it('gives back each state as it was packed, eight numbers a state', () => {
    const packed = newStates(3);
    packState(packed, 0, RUNNING);
    packState(packed, 1, ENDED);
    packState(packed, 2, { ...RUNNING, terminal: 'complied', terminalMs: Date.UTC(2025, 8, 2), enforcementCount: 1 });
    expect(packed.length).toBe(24);
    expect(stateCount(packed)).toBe(3);
    expect(stateOf(packed, 0)).toEqual(RUNNING);
    expect(stateOf(packed, 1)).toEqual(ENDED);
    expect(stateOf(packed, 2).terminal).toBe('complied');
    expect(stateOf(packed, 2).enforcementCount).toBe(1);
  });

  it('reads one field of a state without the rest', () => {
    const packed = newStates(2);
    packState(packed, 0, RUNNING);
    packState(packed, 1, ENDED);
    expect([earliestOf(packed, 0), latestOf(packed, 0), isWindowIn(packed, 0), isPausedIn(packed, 0), terminalIn(packed, 0), pausedSinceOf(packed, 0)]).toEqual([
      Date.UTC(2025, 8, 1, 16),
      Date.UTC(2025, 8, 3, 16),
      true,
      false,
      null,
      0,
    ]);
    expect([isWindowIn(packed, 1), isPausedIn(packed, 1), terminalIn(packed, 1), pausedSinceOf(packed, 1)]).toEqual([false, true, 'withdrawn', Date.UTC(2025, 8, 5, 9, 30)]);
  });
});
