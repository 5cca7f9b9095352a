/**
 * What the watch / watchTracker tests share besides tests/helpers.ts: the ultimatums they watch
 * (all issued Mon 3 Mar 2025 09:00 UTC) and two clocks moved by hand. tests/watch.test.ts keeps
 * its own clock (`advance` and `jump`, and every delay asked for).
 */
import { type Clock, createUltimatum } from 'ultimatum';
import { base } from './helpers.js';

/** 10 hours from Mon 3 Mar 2025 09:00 UTC: due 19:00; 50 % elapsed at 14:00. */
export const tenHours = (id = 'ten') => createUltimatum(base({ id, zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { hours: 10 } } }));

/**
 * A clock moved by hand; `set(to)` runs the pending timers whose time has come. With
 * `cancellable = false` it cannot cancel a timer: clearTimeout() leaves it pending.
 */
export class HandClock implements Clock {
  time: number;
  timers = new Map<number, { at: number; fn: () => void }>();
  cancellable = true;
  private next = 1;
  constructor(time: number) {
    this.time = time;
  }
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    if (this.cancellable) this.timers.delete(id as number);
  };
  /** Sets the time and fires what is due, in order. */
  set(to: number): void {
    this.time = to;
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= this.time).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) return;
      this.timers.delete(due[0]);
      due[1].fn();
    }
  }
}

/**
 * `hours` hours from Mon 3 Mar 2025 09:00 UTC. For 10 hours: due 19:00; milestones (README:
 * 50 / 75 / 90 % elapsed, 7 days / 1 day / 1 hour left, none before the issue) at 14:00 (50 %),
 * 16:30 (75 %), 18:00 (90 %) and 18:00 (1 hour left); 7 days and 1 day left fall before 09:00.
 */
export const sla = (hours: number, id = `sla-${hours}h`) =>
  createUltimatum(base({ id, zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { hours } } }));

/** A clock moved by hand that records every delay asked for and every handle given and cancelled. */
export class RecordingClock implements Clock {
  readonly timers = new Map<number, { at: number; fn: () => void }>();
  readonly delays: number[] = [];
  readonly given: number[] = [];
  readonly cleared: unknown[] = [];
  private next = 1;
  constructor(public time: number) {}
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.next++;
    this.delays.push(ms);
    this.given.push(id);
    this.timers.set(id, { at: this.time + ms, fn });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.cleared.push(id);
    this.timers.delete(id as number);
  };
  /** Moves time forward to `to`, firing each timer at its own time (a machine awake throughout). */
  advanceTo(to: number): void {
    for (;;) {
      const due = [...this.timers].filter(([, t]) => t.at <= to).sort((a, b) => a[1].at - b[1].at)[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].fn();
    }
    this.time = to;
  }
  /** Sets the time to `to` at once (a machine asleep meanwhile), then fires what is due. */
  sleepUntil(to: number): void {
    this.time = to;
    this.advanceTo(to);
  }
}
