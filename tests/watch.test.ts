import { execFileSync } from 'node:child_process';
import { type Clock, createTracker, createUltimatum, milestones, type Phase, pause, watch, watchTracker } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, utc } from './helpers.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_TIMEOUT = 2_147_483_647;

/** A clock the test moves by hand; timers fire in order when their time comes. */
class FakeClock implements Clock {
  private timers = new Map<number, { at: number; fn: () => void }>();
  private nextId = 1;
  readonly delays: number[] = [];
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    this.delays.push(ms);
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers.delete(id as number);
  };
  get pending(): number {
    return this.timers.size;
  }
  /** Moves time forward, firing each timer at its time (a machine awake the whole time). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = end;
  }
  /** Sets the clock without firing anything (sleep, or a clock changed by hand), then fires what is due. */
  jump(to: number): void {
    this.time = to;
    this.advance(0);
  }
}

const fifty = () => createUltimatum(base()); // 14 Jul 2025 12:00 EDT → 2 Sep 12:00 EDT
const deadline = utc(2025, 9, 2, 16);

describe('watch', () => {
  it('waits 50 days without a timer past the 24.8-day limit, and fires the deadline once, on time', () => {
    const clock = new FakeClock(utc(2025, 7, 14, 16));
    const phases: [Phase, Phase, number][] = [];
    watch(fifty(), { onPhase: (s, before) => phases.push([before, s.phase, clock.time]) }, { clock });
    clock.advance(60 * DAY);
    expect(phases).toEqual([['active', 'expired', deadline]]);
    expect(Math.max(...clock.delays)).toBeLessThanOrEqual(MAX_TIMEOUT);
    expect(clock.delays.every((d) => d >= 0)).toBe(true);
  });

  it('reports a milestone passed while asleep once, flagged late', () => {
    const u = fifty();
    const clock = new FakeClock(utc(2025, 8, 6, 16));
    const seen: [string, boolean, number][] = [];
    watch(u, { onMilestone: (m, { late }) => seen.push([m.label, late, clock.time]) }, { clock });
    // Asleep from 6 Aug to 9 Aug 16:00 (3 days): 50 % elapsed (8 Aug 12:00 EDT) passed meanwhile.
    clock.jump(utc(2025, 8, 9, 16));
    clock.advance(HOUR);
    expect(seen).toEqual([['50 % of the time elapsed', true, utc(2025, 8, 9, 16)]]);
    // Awake: the 75 % milestone (21 Aug 00:00 EDT) is reported on time.
    clock.advance(13 * DAY);
    expect(seen.slice(1)).toEqual([['75 % of the time elapsed', false, utc(2025, 8, 21, 4)]]);
  });

  it('never fires early, and never twice when the clock is moved back an hour', () => {
    const u = fifty();
    const expected = milestones(u).map((m) => m.atMs);
    const clock = new FakeClock(utc(2025, 7, 14, 16));
    const fired: number[] = [];
    const w = watch(u, { onMilestone: (m) => fired.push(m.atMs), onPhase: () => fired.push(-clock.time) }, { clock });
    clock.advance(25 * DAY + 30 * 60_000); // just past the 50 % milestone
    clock.jump(clock.time - HOUR); // the clock is set back an hour…
    w.refresh(); // …and the watch wakes while it is behind
    clock.advance(30 * DAY);
    expect(fired.filter((x) => x > 0)).toEqual(expected);
    expect(fired.filter((x) => x < 0)).toEqual([-deadline]);
    // None fired before its instant: each was recorded by a wake at or after it.
  });

  it('ticks on wall-clock boundaries without drift, across a DST change', () => {
    // 8 Mar 2025 23:00 EST to 9 Mar 05:00 EDT; clocks jump at 02:00 EST. Deadline 10 Mar 12:00 EDT.
    const u = createUltimatum(base({ issuedAt: '2025-03-08T12:00', deadline: { at: '2025-03-10T12:00' } }));
    const clock = new FakeClock(utc(2025, 3, 9, 4) + 1234); // 23:00:01.234 EST
    const ticks: [number, number][] = [];
    watch(u, { onTick: (s) => ticks.push([s.atMs, s.remainingMs]) }, { clock, tickMs: HOUR });
    clock.advance(5 * HOUR);
    expect(ticks.map(([at]) => at)).toEqual([
      utc(2025, 3, 9, 4) + 1234,
      utc(2025, 3, 9, 5),
      utc(2025, 3, 9, 6),
      utc(2025, 3, 9, 7),
      utc(2025, 3, 9, 8),
      utc(2025, 3, 9, 9),
    ]);
    // Remaining time falls by exactly one hour per tick, the DST hour included.
    const steps = ticks.slice(1).map(([, r], i) => (ticks[i]?.[1] ?? 0) - r);
    expect(steps).toEqual([HOUR - 1234, HOUR, HOUR, HOUR, HOUR]);
  });

  it('stop() and the signal release every timer; nothing fires after', () => {
    const clock = new FakeClock(utc(2025, 7, 14, 16));
    let calls = 0;
    const w = watch(fifty(), { onTick: () => calls++, onPhase: () => calls++ }, { clock, tickMs: 1000 });
    expect(clock.pending).toBe(1);
    w.stop();
    w.stop();
    expect(clock.pending).toBe(0);
    clock.advance(60 * DAY);
    expect(calls).toBe(1); // the tick at the start
    const controller = new AbortController();
    watch(fifty(), { onTick: () => calls++ }, { clock, tickMs: 1000, signal: controller.signal });
    controller.abort();
    expect(clock.pending).toBe(0);
  });

  it('a stopped watch does not keep Node alive', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/watch-exit.ts'], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.trim()).toBe('ticks=2');
  });

  it('a paused ultimatum sleeps until something else changes', () => {
    const clock = new FakeClock(utc(2025, 7, 20, 16));
    watch(pause(fifty(), { at: '2025-07-20T12:00' }), {}, { clock });
    expect(clock.pending).toBe(0);
  });

  it('refuses bad options', () => {
    expect(() => watch(fifty(), {}, { tickMs: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});

describe('watchTracker', () => {
  it('reports each ultimatum when it changes', () => {
    const sla = (id: string, hours: number) =>
      createUltimatum(base({ id, zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { hours } } }));
    const tracker = createTracker([sla('a', 2), sla('b', 4)]);
    const clock = new FakeClock(utc(2025, 3, 3, 9));
    const log: string[] = [];
    watchTracker(tracker, { onPhase: (s, before, u) => log.push(`${u.id} ${before}→${s.phase} ${(clock.time - utc(2025, 3, 3, 9)) / HOUR}h`) }, { clock });
    clock.advance(5 * HOUR);
    expect(log).toEqual(['a active→expired 2h', 'b active→expired 4h']);
  });
});
