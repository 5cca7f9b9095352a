import { fail, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { IssueList } from '../rules/issues.js';
import { readUtcInstant } from '../rules/utcInstant.js';
import type { Countdown } from '../status/countdown.js';
import { countdownBetween } from '../status/instantCountdown.js';

/**
 * A milestone as `<ultimatum-countdown>` reports it in `ultimatum-milestone` events.
 *
 * @example
 * const m: CountdownMilestone = { kind: 'left', label: '1 day left', atMs: Date.UTC(2025, 8, 1, 4) };
 */
export interface CountdownMilestone {
  readonly kind: 'elapsed' | 'left';
  readonly label: string;
  readonly atMs: number;
}

/**
 * What a countdown element shows, asked at any instant: the countdown, the phase, when either
 * may next change, and the milestones on the way.
 *
 * @example
 * const s = deadlineSource('2025-09-02T00:00-04:00');
 * s.phaseAt(Date.UTC(2025, 8, 1)) //=> 'active'
 */
export interface CountdownSource {
  countdownAt(nowMs: number): Countdown;
  /** `active` / `expired` for a bare deadline; an ultimatum's `status().phase` for a document. */
  phaseAt(nowMs: number): string;
  /** The next instant after `nowMs` at which the phase may change (`Infinity`: none). */
  nextChangeAfter(nowMs: number): number;
  /** Sorted by `atMs`. */
  readonly milestones: readonly CountdownMilestone[];
}

const HOUR_MS = 3_600_000;
/** The default times left of `milestones()`: 7 days, 1 day, 1 hour (days of 24 hours: an instant has no zone). */
const LEFT: readonly [number, string][] = [
  [168 * HOUR_MS, '7 days left'],
  [24 * HOUR_MS, '1 day left'],
  [HOUR_MS, '1 hour left'],
];

/**
 * The source of a bare deadline (an ISO instant, as `ultimatum/countdown` reads it): active until
 * the deadline, expired from it on, with milestones 7 days, 1 day and 1 hour before it.
 *
 * @example
 * deadlineSource('2025-09-02T00:00-04:00').milestones.map((m) => m.label) //=> ['7 days left', '1 day left', '1 hour left']
 * @throws {UltimatumError} `INVALID_DATE` at `['deadline']` for text it does not read.
 */
export function deadlineSource(deadline: string): CountdownSource {
  const issues = new IssueList();
  const targetMs = readUtcInstant(deadline, 'end', ['deadline'], issues);
  if (targetMs === undefined) throw new UltimatumError(issues.items);
  return {
    countdownAt: (now) => countdownBetween(targetMs, now),
    phaseAt: (now) => (now < targetMs ? 'active' : 'expired'),
    nextChangeAfter: (now) => (now < targetMs ? targetMs : Number.POSITIVE_INFINITY),
    milestones: LEFT.map(([before, label]) => ({ kind: 'left' as const, label, atMs: targetMs - before })),
  };
}

type Engine = typeof import('../index.js');
type Ultimatum = import('../model/types.js').Ultimatum;

/**
 * The ultimatum of a document: the document itself, or, in a tracker, the one with `id`, else the
 * one whose deadline in force comes next after `nowMs` (else the one whose deadline passed last).
 */
function pick(engine: Engine, json: unknown, id: string | null, nowMs: number): Ultimatum {
  if (typeof json !== 'object' || json === null || (json as { kind?: unknown }).kind !== 'ultimatum-tracker') return engine.parseUltimatum(json);
  const tracker = engine.parseTracker(json);
  if (id !== null) {
    const u = tracker.get(id);
    if (u === undefined) fail('INVALID_INPUT', ['ultimatum-id'], messages.unknownTrackedId(id));
    return u;
  }
  let next: [number, Ultimatum] | undefined;
  let last: [number, Ultimatum] | undefined;
  for (const u of tracker.list()) {
    const ms = engine.deadlineOf(u, nowMs)?.toMillis();
    if (ms === undefined) continue;
    if (ms > nowMs && (next === undefined || ms < next[0])) next = [ms, u];
    if (ms <= nowMs && (last === undefined || ms > last[0])) last = [ms, u];
  }
  const chosen = next?.[1] ?? last?.[1] ?? tracker.list()[0];
  if (chosen === undefined) fail('INVALID_INPUT', ['ultimatums'], messages.emptyArray());
  return chosen;
}

/**
 * The source of a stored ultimatum or tracker document at `url`: the ultimatum's own countdown
 * (the deadline in force, frozen while paused), phase and milestones. Loads the engine (the main
 * `ultimatum` entry, with luxon and zod) only now, so a page with bare deadlines never pays for it.
 *
 * @example
 * const s = await documentSource('/data/russia-50-day.json', { now: Date.now() });
 * s.phaseAt(Date.now()) //=> 'active'
 */
export async function documentSource(
  url: string,
  opts: { readonly now: number; readonly id?: string | null; readonly signal?: AbortSignal; readonly fetch?: typeof fetch },
): Promise<CountdownSource> {
  const load = (opts.fetch ?? fetch)(url, { signal: opts.signal ?? null }).catch((e: unknown) => {
    if (opts.signal?.aborted) throw e;
    return fail('INVALID_INPUT', ['src'], messages.fetchFailed(url, null));
  });
  const [engine, response] = await Promise.all([import('../index.js'), load]);
  if (!response.ok) fail('INVALID_INPUT', ['src'], messages.fetchFailed(url, response.status));
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail('INVALID_INPUT', ['src'], messages.notJson((e as Error).message));
  }
  const u = pick(engine, json, opts.id ?? null, opts.now);
  const changes = engine.createTracker([u]);
  return {
    countdownAt: (now) => engine.countdown(u, now),
    phaseAt: (now) => engine.status(u, now).phase,
    nextChangeAfter: (now) => changes.nextChange(now)?.atMs ?? Number.POSITIVE_INFINITY,
    milestones: engine.milestones(u).map((m) => ({ kind: m.kind, label: m.label, atMs: m.atMs })),
  };
}
