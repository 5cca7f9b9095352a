/**
 * msUntilTextChanges: when the text of a countdown next reads differently. Each expectation is
 * worked out by hand from the figures, then checked against formatCountdown itself: the text
 * 1 ms before the change is the same, and at the change it differs.
 */
import fc from 'fast-check';
import { type Countdown, type FormatCountdownOptions, formatCountdown } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { msUntilTextChanges } from '../src/present/textChange.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

function at(totalMs: number, past = false): Countdown {
  return {
    totalMs,
    past,
    days: Math.floor(totalMs / D),
    hours: Math.floor(totalMs / H) % 24,
    minutes: Math.floor(totalMs / M) % 60,
    seconds: Math.floor(totalMs / S) % 60,
    milliseconds: totalMs % S,
  };
}

/** The countdown `elapsed` ms later: less time left, or more time past (past from 0 on). */
function later(c: Countdown, elapsed: number): Countdown {
  const toGo = (c.past ? -c.totalMs : c.totalMs) - elapsed;
  return at(Math.abs(toGo), toGo <= 0);
}

describe('msUntilTextChanges', () => {
  it('counting down, the text changes 1 ms after the smallest shown unit passes a boundary', () => {
    // 1 d 1 h 1 min 1.5 s: seconds shown; 1.5 s becomes 0.999 s after 501 ms.
    expect(msUntilTextChanges(at(D + H + M + 1_500))).toBe(501);
    // Exactly on a boundary: 1 ms later the seconds read one less.
    expect(msUntilTextChanges(at(5 * S))).toBe(1);
  });

  it('with maxUnits, hidden smaller units do not wake it', () => {
    // 2 d 3 h 4 min 5 s with two units ("2 days, 3 hours"): changes when 3 h becomes 2 h, 4 min 5 s + 1 ms on.
    expect(msUntilTextChanges(at(2 * D + 3 * H + 4 * M + 5 * S), { maxUnits: 2 })).toBe(4 * M + 5 * S + 1);
    // 1 d 0 h 5 min 30 s ("1 day, 5 minutes"): the minutes set the pace.
    expect(msUntilTextChanges(at(D + 5 * M + 30 * S), { maxUnits: 2 })).toBe(30 * S + 1);
    // Fewer non-zero units than maxUnits ("2 days" exactly): the next second may show up at once.
    expect(msUntilTextChanges(at(2 * D), { maxUnits: 2 })).toBe(1);
  });

  it('smallestUnit sets the step; digital shows every unit down to it', () => {
    expect(msUntilTextChanges(at(3 * H + 30 * S), { smallestUnit: 'minutes' })).toBe(30 * S + 1);
    expect(msUntilTextChanges(at(3 * H + 30 * S), { style: 'digital', maxUnits: 1 })).toBe(1);
    expect(msUntilTextChanges(at(1_234), { smallestUnit: 'milliseconds' })).toBe(1);
  });

  it('counting up (past), the text changes at the boundary', () => {
    expect(msUntilTextChanges(at(1_500, true))).toBe(500);
    expect(msUntilTextChanges(at(D + 2 * H + 10 * M, true), { maxUnits: 2 })).toBe(50 * M);
  });

  it('agrees with formatCountdown: same text until the change, another at it', () => {
    const options = fc.record(
      {
        style: fc.constantFrom('long', 'short', 'narrow', 'digital'),
        maxUnits: fc.integer({ min: 1, max: 4 }),
        smallestUnit: fc.constantFrom('hours', 'minutes', 'seconds'),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<FormatCountdownOptions>;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * D }), fc.boolean(), options, (ms, past, opts) => {
        // At the deadline itself a countdown is past (0 left is 0 overdue).
        const c = at(ms, past || ms === 0);
        const wait = msUntilTextChanges(c, opts);
        const text = formatCountdown(c, { locale: 'en', ...opts });
        if (wait > 1) expect(formatCountdown(later(c, wait - 1), { locale: 'en', ...opts })).toBe(text);
        // Across the deadline the figures start again from zero and may read the same ("0 seconds"):
        // the deadline is a change of phase, which wakes a display by itself.
        const next = later(c, wait);
        if (next.past === c.past) expect(formatCountdown(next, { locale: 'en', ...opts })).not.toBe(text);
      }),
      { numRuns: 1_000 },
    );
  });
});
