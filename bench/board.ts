/**
 * The benchmark board: a reproducible mix of SLA-like and diplomatic deadlines, shared by the
 * tracker benchmarks (bench/tracker.bench.ts) and the engine scale run (bench/scale.ts).
 */
import { createUltimatum, type EventInput, type Ultimatum, type UltimatumInput } from 'ultimatum';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// The board: a reproducible mix of SLA-like and diplomatic deadlines in five zones, issued over the
// 60 days before NOW, with histories (extensions, pauses, enforcement, compliance, withdrawal) that
// all happened by NOW, as a live board holds them.

/** The board's "now": every event of every ultimatum is at or before it. */
export const NOW = Date.parse('2025-09-01T12:00:00Z');

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo'] as const;

/** mulberry32: a small seeded generator, so every run builds the same board. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Epoch ms as an ISO string with its UTC offset (`Z`), to the minute. */
const iso = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

/**
 * The inputs of `count` ultimatums (cheap: no validation yet).
 *
 * Deadlines: 70 % `{ hours: 1…720 }`, 20 % `{ days: 1…90 }`, 10 % a window of days. Histories:
 * 15 % extended, 6 % paused and resumed, 2 % paused still, 4 % enforced, 5 % complied,
 * 2 % withdrawn, the rest none; every event between issue and NOW (a pause before the deadline).
 */
export function boardInputs(count: number, seed = 20250901, eventShare = 0.34): UltimatumInput[] {
  const random = generator(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const out: UltimatumInput[] = [];
  for (let i = 0; i < count; i++) {
    const zone = ZONES[i % ZONES.length] as string;
    const issuedMs = NOW - int(60, 60 * 24 * 60) * 60_000; // 1 hour to 60 days ago
    const kind = random();
    let deadline: UltimatumInput['deadline'];
    let spanMs: number;
    if (kind < 0.7) {
      const hours = int(1, 720);
      deadline = { after: { hours } };
      spanMs = hours * HOUR;
    } else if (kind < 0.9) {
      const days = int(1, 90);
      deadline = { after: { days } };
      spanMs = days * DAY;
    } else {
      const days = int(2, 30);
      deadline = { after: { earliest: { days: days - 1 }, latest: { days } } };
      spanMs = days * DAY;
    }
    // An instant strictly between a and b (to the minute), or undefined when there is no room.
    const between = (a: number, b: number): number | undefined => {
      const lo = Math.ceil((a + 60_000) / 60_000);
      const hi = Math.floor((b - 60_000) / 60_000);
      return hi < lo ? undefined : int(lo, hi) * 60_000;
    };
    const events: EventInput[] = [];
    // The history thresholds below add up to 0.34; another share of histories scales them all.
    const history = random() * (0.34 / eventShare);
    const deadlineMs = issuedMs + spanMs; // within a DST hour of the real one: the events keep clear of it
    if (history < 0.15) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'extend', at: iso(at), by: { days: int(1, 14) } });
    } else if (history < 0.21) {
      const p = between(issuedMs, Math.min(NOW, deadlineMs - 2 * HOUR));
      const r = p === undefined ? undefined : between(p, NOW);
      if (p !== undefined && r !== undefined) events.push({ type: 'pause', at: iso(p) }, { type: 'resume', at: iso(r) });
    } else if (history < 0.23) {
      const p = between(issuedMs, Math.min(NOW, deadlineMs - 2 * HOUR));
      if (p !== undefined) events.push({ type: 'pause', at: iso(p) });
    } else if (history < 0.27) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'enforce', at: iso(at), consequences: ['penalty'], partial: random() < 0.5 });
    } else if (history < 0.32) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'comply', at: iso(at) });
    } else if (history < 0.34) {
      const at = between(issuedMs, NOW);
      if (at !== undefined) events.push({ type: 'withdraw', at: iso(at) });
    }
    out.push({
      id: `u-${i}`,
      title: `Deadline ${i}`,
      issuer: 'Issuer',
      addressee: 'Addressee',
      demands: ['Respond'],
      issuedAt: iso(issuedMs),
      zone,
      deadline,
      consequences: [{ id: 'penalty', kind: 'custom', description: 'Penalty' }],
      events,
    });
  }
  return out;
}

/** Validated, frozen ultimatums for `boardInputs(count)`. */
export function board(count: number, seed?: number, eventShare?: number): Ultimatum[] {
  return boardInputs(count, seed, eventShare).map((input) => createUltimatum(input));
}

