/**
 * What watch and watchTracker take: the options `tickMs` and `lateAfterMs`, each argument checked
 * and refused at its own name (handlers, signal, clock, tracker), handlers that are left out, and a
 * stored document given as plain JSON.
 */
import { type Clock, createTracker, isUltimatumError, type Phase, type Tracker, type Ultimatum, watch, watchTracker } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { issuesOf, utc } from './helpers.js';
import { HandClock, RecordingClock, sla, tenHours } from './watchHarness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (isUltimatumError(e)) return { code: e.code, path: e.issues[0]?.path, message: e.issues[0]?.message };
    throw e;
  }
  throw new Error('did not throw');
}

/** A stand-in for a tracker with only the given methods; it never has anything to report. */
const partialTracker = (...methods: ('nextChange' | 'list' | 'get')[]) => {
  const all = { nextChange: () => null, list: () => [], get: () => undefined };
  return Object.fromEntries(methods.map((m) => [m, all[m]])) as unknown as Tracker;
};

describe('options', () => {
  it('refuses a tickMs that is not a whole number of ms > 0, and a bad lateAfterMs, at their paths', () => {
    const positive = { code: 'INVALID_INPUT', path: ['tickMs'], message: 'must be a whole number of milliseconds > 0' };
    expect(issueOf(() => watch(tenHours(), {}, { tickMs: 1.5 }))).toEqual(positive);
    expect(issueOf(() => watch(tenHours(), {}, { tickMs: -1000 }))).toEqual(positive);
    const late = { code: 'INVALID_INPUT', path: ['lateAfterMs'], message: 'must be a finite number >= 0' };
    expect(issueOf(() => watch(tenHours(), {}, { lateAfterMs: -1 }))).toEqual(late);
    expect(issueOf(() => watchTracker(createTracker(), {}, { lateAfterMs: -0.5 }))).toEqual(late);
  });

  it('lateAfterMs decides when a milestone counts as reported late', () => {
    // The 50 % milestone is at 14:00; the watch wakes 3 s after it (the machine was busy).
    const report = (lateAfterMs?: number) => {
      const clock = new HandClock(utc(2025, 3, 3, 13));
      const seen: boolean[] = [];
      watch(tenHours(), { onMilestone: (m, { late }) => m.fraction === 0.5 && seen.push(late) }, { clock, lateAfterMs });
      clock.time = utc(2025, 3, 3, 14) + 3000;
      clock.set(clock.time);
      return seen;
    };
    expect(report()).toEqual([true]); // default: late after 1 s
    expect(report(5000)).toEqual([false]);
    expect(report(3000)).toEqual([false]); // exactly 3 s is not more than 3 s
  });
});

describe('argument checks name the offending argument', () => {
  // Wording from src/errors/messages.ts (expectedType: `must be ${expected}`), the catalogue the
  // library prints from; each refusal is one INVALID_INPUT issue at the argument's own name.
  const noop = () => {};

  it('handlers that are not an object at all are refused as "handlers"', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const expected = [{ code: 'INVALID_INPUT', path: ['handlers'], message: 'must be an object of handlers' }];
    for (const handlers of [null, undefined, 'onTick', 42, noop]) {
      expect(issuesOf(() => watch(sla(10), handlers as never, { clock }))).toEqual(expected);
      expect(issuesOf(() => watchTracker(createTracker(), handlers as never, { clock }))).toEqual(expected);
    }
    expect(clock.given).toEqual([]); // nothing was started
  });

  it('a signal must be an AbortSignal: an object with `aborted` and an addEventListener() method', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const expected = [{ code: 'INVALID_INPUT', path: ['signal'], message: 'must be an AbortSignal' }];
    const notSignals: unknown[] = [
      null,
      'abort',
      1,
      {},
      { aborted: false }, // no addEventListener
      { aborted: false, addEventListener: 'yes' }, // not a method
      { addEventListener: noop, removeEventListener: noop }, // no `aborted`
    ];
    for (const signal of notSignals) {
      expect(issuesOf(() => watch(sla(10), {}, { clock, signal: signal as AbortSignal }))).toEqual(expected);
    }
    expect(clock.given).toEqual([]);
    // A real one is taken: the watch starts and sets its first timer (the 50 % mark at 14:00).
    watch(sla(10), {}, { clock, signal: new AbortController().signal });
    expect(clock.delays).toEqual([5 * HOUR]); // 09:00 → 14:00
  });

  it('a clock must have all three of now(), setTimeout() and clearTimeout()', () => {
    const expected = [{ code: 'INVALID_INPUT', path: ['clock'], message: 'must be a clock: { now(), setTimeout(fn, ms), clearTimeout(handle) }' }];
    const now = () => utc(2025, 3, 3, 9);
    const setTimeout = () => 1;
    const clearTimeout = () => {};
    const notClocks: unknown[] = [null, 7, 'system', {}, { now, setTimeout }, { now, clearTimeout }, { setTimeout, clearTimeout }];
    for (const clock of notClocks) {
      expect(issuesOf(() => watch(sla(10), {}, { clock: clock as Clock }))).toEqual(expected);
      expect(issuesOf(() => watchTracker(createTracker(), {}, { clock: clock as Clock }))).toEqual(expected);
    }
  });

  it('watchTracker takes only something with nextChange(), list() and get(), as "tracker"', () => {
    const clock = new RecordingClock(utc(2025, 3, 3, 9));
    const expected = [{ code: 'INVALID_INPUT', path: ['tracker'], message: 'must be a tracker from createTracker()' }];
    const notTrackers: unknown[] = [
      null,
      3,
      'tracker',
      {},
      partialTracker('nextChange', 'get'), // no list()
      partialTracker('list', 'get'), // no nextChange()
      partialTracker('nextChange', 'list'), // no get()
      [sla(10)], // an array of ultimatums is not a tracker
      Object.assign(() => {}, partialTracker('nextChange', 'list', 'get')), // a function, not an object
    ];
    for (const tracker of notTrackers) {
      expect(issuesOf(() => watchTracker(tracker as Tracker, { onPhase: () => {} }, { clock, tickMs: 1000 }))).toEqual(expected);
    }
    expect(clock.given).toEqual([]);
    // All three present: taken (it never changes, so the only timer is the next tick, 1 s on).
    watchTracker(partialTracker('nextChange', 'list', 'get'), {}, { clock, tickMs: 1000 });
    expect(clock.delays).toEqual([1000]);
  });
});

describe('every handler is optional', () => {
  it('ticks with no onTick handler still report the phase change', () => {
    // From 18:30 with hourly ticks: a tick at the start and at 19:00; the deadline at 19:00.
    const clock = new RecordingClock(utc(2025, 3, 3, 18, 30));
    const phases: [Phase, Phase, number][] = [];
    watch(sla(10), { onPhase: (s, before) => phases.push([before, s.phase, clock.time]) }, { clock, tickMs: HOUR });
    clock.advanceTo(utc(2025, 3, 3, 20, 30));
    expect(phases).toEqual([['active', 'expired', utc(2025, 3, 3, 19)]]);
  });

  it('a phase change with no onPhase handler still reports the milestones around it', () => {
    // From 17:30: 90 % and 1 hour left at 18:00, then the deadline (a phase change) at 19:00.
    const clock = new RecordingClock(utc(2025, 3, 3, 17, 30));
    const seen: [string, number][] = [];
    watch(sla(10), { onMilestone: (m) => seen.push([m.label, clock.time]) }, { clock });
    clock.advanceTo(utc(2025, 3, 3, 20));
    expect(seen).toEqual([
      ['90 % of the time elapsed', utc(2025, 3, 3, 18)],
      ['1 hour left', utc(2025, 3, 3, 18)],
    ]);
    // 17:30 → 18:00 (milestones), 18:00 → 19:00 (deadline); nothing after.
    expect(clock.delays).toEqual([30 * MINUTE, HOUR]);
  });
});

describe('the document watched', () => {
  it('watches a stored document given as plain JSON like the ultimatum itself', () => {
    const plain = JSON.parse(JSON.stringify(tenHours())) as Ultimatum;
    const clock = new HandClock(utc(2025, 3, 3, 18));
    const phases: [string, number][] = [];
    watch(plain, { onPhase: (s) => phases.push([s.phase, clock.time]) }, { clock });
    clock.set(utc(2025, 3, 3, 19, 30));
    expect(phases).toEqual([['expired', utc(2025, 3, 3, 19, 30)]]);
  });
});
