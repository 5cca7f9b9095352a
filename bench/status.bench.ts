/**
 * status(u, at) of an ultimatum with 5 events, reading `phase` and the millisecond figures,
 * against a naive implementation (written here) that re-parses the stored ISO strings with luxon
 * on every call. Same document, same instants, same process.
 *
 * Run with `npm run bench` (vitest bench, then scripts/write-benchmarks.mjs writes BENCHMARKS.md).
 * The group and case names are read by that script: keep them in step.
 */
import { DateTime, type DurationLikeObject } from 'luxon';
import { note, parseUltimatum, status, type Ultimatum } from 'ultimatum';
import { bench, describe } from 'vitest';
import { foundingCase } from '../examples/russia-50-day.js';

// ---------------------------------------------------------------------------------------------
// The document: the founding case (4 events) and a fifth, the summit announced after the deadline.

const U: Ultimatum = note(foundingCase(), {
  at: '2025-08-08T12:00',
  text: 'The deadline passes without new tariffs; a Trump–Putin meeting in Alaska is announced for 15 August',
});
if (U.events.length !== 5) throw new Error(`expected 5 events, got ${U.events.length}`);

/** The stored form, as a database or a file gives it back. */
const STORED_JSON = JSON.stringify(U);
const DOC = JSON.parse(STORED_JSON) as StoredDoc;

/** Instants across the whole history (epoch ms, as `Date.now()` gives): pending, each deadline, window, enforced, overdue. */
const AT_ISO = [
  '2025-07-13T12:00:00-04:00', // pending
  '2025-07-14T12:00:00-04:00', // issued
  '2025-07-15T18:30:00-04:00', // after the note
  '2025-07-20T12:00:00-04:00', // 50 days running
  '2025-07-27T23:59:59-04:00',
  '2025-07-28T20:00:00-04:00', // window of 10 or 12 days
  '2025-07-29T11:59:59-04:00',
  '2025-07-29T12:00:00-04:00', // "10 days from today"
  '2025-08-01T12:00:00-04:00',
  '2025-08-05T03:17:42-04:00',
  '2025-08-06T12:00:00-04:00', // partly enforced
  '2025-08-07T12:00:00-04:00',
  '2025-08-08T12:00:00-04:00', // deadline; the fifth event
  '2025-08-10T12:00:00-04:00', // overdue
  '2025-09-02T12:00:00-04:00', // the original 50-day deadline
  '2026-01-01T00:00:00-05:00',
] as const;
const AT_MS = AT_ISO.map((iso) => Date.parse(iso));

// ---------------------------------------------------------------------------------------------
// The naive baseline: the same rules for this document, re-reading the stored strings with luxon
// on every call (DateTime.fromISO in the ultimatum's zone, DateTime#plus for the calendar days).
// Faithful for the rules this document uses; anything else is refused rather than guessed.

type Units = DurationLikeObject;
type StoredRule = { after: Units | { earliest: Units; latest: Units }; from?: string; endOfDay?: boolean; rollover?: string };
interface StoredEvent {
  readonly at: string;
  readonly type: string;
  readonly deadline?: StoredRule;
  readonly consequences?: readonly string[];
}
interface StoredDoc {
  readonly issuedAt: string;
  readonly zone: string;
  readonly deadline: StoredRule;
  readonly events: readonly StoredEvent[];
}
interface Figures {
  phase: string;
  deadlineMs: number | null;
  remainingMs: number;
  overdueMs: number | null;
  elapsedMs: number;
  pausedMs: number;
  progress: number;
}

function naiveDeadline(rule: StoredRule | undefined, anchor: DateTime): { earliest: DateTime; latest: DateTime } {
  if (rule === undefined || !('after' in rule) || rule.from !== undefined || rule.endOfDay || (rule.rollover ?? 'none') !== 'none') {
    throw new Error('naive baseline: only plain `after` rules are implemented');
  }
  const after = rule.after;
  if ('latest' in after) {
    return { earliest: anchor.plus(after.earliest as Units), latest: anchor.plus(after.latest as Units) };
  }
  const d = anchor.plus(after as Units);
  return { earliest: d, latest: d };
}

function naiveStatus(doc: StoredDoc, atMs: number): Figures {
  const at = DateTime.fromMillis(atMs, { zone: doc.zone });
  const issued = DateTime.fromISO(doc.issuedAt, { zone: doc.zone });
  let deadline = naiveDeadline(doc.deadline, issued);
  let enforcements = 0;
  const pending = at < issued;
  if (!pending) {
    for (const e of doc.events) {
      const when = DateTime.fromISO(e.at, { zone: doc.zone });
      if (when > at) break;
      if (e.type === 'reschedule') deadline = naiveDeadline(e.deadline, when);
      else if (e.type === 'enforce') enforcements += e.consequences?.length ?? 0;
      else if (e.type !== 'note') throw new Error(`naive baseline: "${e.type}" events are not implemented`);
    }
  }
  const t = at.toMillis();
  const issuedMs = issued.toMillis();
  const latest = deadline.latest.toMillis();
  const total = Math.max(0, latest - issuedMs);
  const elapsed = Math.min(total, Math.max(0, t - issuedMs));
  return {
    phase: pending ? 'pending' : enforcements > 0 ? 'enforced' : t >= latest ? 'expired' : 'active',
    deadlineMs: latest,
    remainingMs: total - elapsed,
    overdueMs: !pending && t >= latest ? t - latest : null,
    elapsedMs: elapsed,
    pausedMs: 0,
    progress: total === 0 ? 1 : elapsed / total,
  };
}

// Both must give the same answers at every instant before either is timed.
for (const at of AT_MS) {
  const s = status(U, at);
  const ours: Figures = {
    phase: s.phase,
    deadlineMs: s.deadlineMs,
    remainingMs: s.remainingMs,
    overdueMs: s.overdueMs,
    elapsedMs: s.elapsedMs,
    pausedMs: s.pausedMs,
    progress: s.progress,
  };
  const theirs = naiveStatus(DOC, at);
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
    throw new Error(`status mismatch at ${new Date(at).toISOString()}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
  }
}
// The plain document is read again (checked and compiled) on every call: same answers too.
if (status(DOC as unknown as Ultimatum, AT_MS[8]).remainingMs !== status(U, AT_MS[8]).remainingMs) {
  throw new Error('plain document disagrees');
}
// parseUltimatum of the stored form gives the frozen, compiled-once form.
const PARSED = parseUltimatum(JSON.parse(STORED_JSON));

// ---------------------------------------------------------------------------------------------

/** Sum of what was read, so that no call can be optimised away. */
const sink = { value: 0 };

/** What a dashboard reads: the phase and the millisecond figures, no luxon object. */
function read(s: Figures): number {
  return (
    (s.phase === 'active' ? 1 : 0) +
    (s.deadlineMs ?? 0) +
    s.remainingMs +
    (s.overdueMs ?? 0) +
    s.elapsedMs +
    s.pausedMs +
    s.progress
  );
}

// One benchmark iteration asks about all 16 instants in turn (so the timer's own cost, ~0.1 µs
// a reading, is spread over 16 calls): scripts/write-benchmarks.mjs multiplies hz by CALLS.
const CALLS = AT_MS.length;
const FAST = { time: 1_500, warmupTime: 300 } as const;
const SLOW = { time: 1_000, warmupTime: 200 } as const;

describe('status: 5 events, 16 calls per iteration', () => {
  bench(
    'ultimatum status',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += read(status(U, AT_MS[i] as number));
    },
    FAST,
  );
  bench(
    'naive luxon status',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += read(naiveStatus(DOC, AT_MS[i] as number));
    },
    FAST,
  );
  // Not targets: what the other ways of calling cost.
  bench(
    'ultimatum status, parsed document',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += read(status(PARSED, AT_MS[i] as number));
    },
    SLOW,
  );
  bench(
    'ultimatum status, at as ISO string',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += read(status(U, AT_ISO[i] as string));
    },
    SLOW,
  );
  bench(
    'ultimatum status + deadline DateTime',
    () => {
      for (let i = 0; i < CALLS; i++) {
        const s = status(U, AT_MS[i] as number);
        sink.value += read(s) + (s.deadline?.hour ?? 0);
      }
    },
    SLOW,
  );
  bench(
    'ultimatum status, plain JSON document',
    () => {
      for (let i = 0; i < CALLS; i++) sink.value += read(status(DOC as unknown as Ultimatum, AT_MS[i] as number));
    },
    SLOW,
  );
});
