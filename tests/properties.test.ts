import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  comply,
  countdown,
  createUltimatum,
  type DateInput,
  type DeadlineRuleInput,
  enforce,
  extend,
  isUltimatumError,
  note,
  parseUltimatum,
  pause,
  reschedule,
  resume,
  type Status,
  shorten,
  status,
  type Ultimatum,
  type UltimatumInput,
  withdraw,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from './helpers.js';

/**
 * Property tests of the deadline model (README "Semantics" and "Choices"), over random ultimatums
 * built from random inputs: seven zones (DST north and south, a 30-minute DST, a midnight DST
 * change, a skipped day, a half-hour offset, UTC), issue instants in 2000–2035, `after` and `at`
 * rules, and histories made with the shorthands (`reschedule`, `extend`, `pause`, …).
 *
 * The seed is fixed so that every run checks the same cases. On failure `fc.assert` throws
 * "Property failed after N tests" with `{ seed: …, path: "…", endOnFailure: true }` and the shrunk
 * counterexample (the scenario, plus the ultimatum as JSON in the assertion message); to replay
 * exactly that case pass the printed seed and path back (`{ ...OPTIONS, path: '…' }`). To explore
 * other cases, change SEED.
 *
 * A scenario the library refuses (e.g. a `shorten` that would put the deadline before issue) is
 * skipped with `fc.pre(false)`; each property then asserts that it checked NUM_RUNS real cases and
 * that at most half of the scenarios drawn were skipped, so a generator drifting into refusals
 * cannot make a property pass vacuously.
 */
const SEED = 20_250_714;
const NUM_RUNS = propertyRuns();
const OPTIONS = { seed: SEED, numRuns: NUM_RUNS } as const;

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Scenarios: plain data (so fast-check prints and shrinks them), turned into ultimatums by build().
// ---------------------------------------------------------------------------------------------

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // DST of 30 minutes
  'America/Santiago', // clocks change at midnight: some days have no 00:00
  'Asia/Kolkata', // +05:30, no DST
  'Pacific/Apia', // skipped 30 December 2011 entirely
  'UTC',
] as const;
type Zone = (typeof ZONES)[number];

type Unit = 'days' | 'hours' | 'weeks' | 'months';
const UNITS: readonly Unit[] = ['days', 'hours', 'weeks', 'months'];
/** Largest amount drawn per unit (about a year and a half at most). */
const MAX_AMOUNT: Record<Unit, number> = { days: 400, hours: 3_000, weeks: 60, months: 18 };
/** `per1000` of the unit's largest amount: small numbers shrink towards 0. */
const amountOf = (unit: Unit, per1000: number) => Math.round((per1000 * MAX_AMOUNT[unit]) / 1000);

const ISSUED_MIN = Date.UTC(2000, 0, 1);
const ISSUED_MAX = Date.UTC(2035, 11, 31, 23, 59);

/** How `issuedAt` is written: epoch ms, a wall-clock time in the zone, or a date (its start). */
type IssuedForm = 'ms' | 'wall' | 'date';

interface IssuedSpec {
  readonly zone: Zone;
  readonly ms: number;
  readonly form: IssuedForm;
}

type RuleSpec =
  | { readonly kind: 'after'; readonly unit: Unit; readonly per1000: number }
  /** `at` issue + offset, written as a date (end of that day), a wall-clock time or epoch ms. */
  | { readonly kind: 'at'; readonly offsetMs: number; readonly form: IssuedForm };

type StepKind = 'reschedule' | 'extend' | 'shorten' | 'pause' | 'resume' | 'note' | 'enforce' | 'comply' | 'withdraw';

interface StepSpec {
  readonly kind: StepKind;
  /** Time after the previous event (or issue). */
  readonly gapMs: number;
  readonly unit: Unit;
  readonly per1000: number;
  /** A share in (0, 1), in thousandths: how far to move a deadline, `by` or `to`… */
  readonly share: number;
  readonly flag: boolean;
}

interface Scenario {
  readonly issued: IssuedSpec;
  readonly rule: RuleSpec;
  readonly steps: readonly StepSpec[];
}

const zoneArb = fc.constantFrom(...ZONES);
const unitArb = fc.constantFrom(...UNITS);
const formArb = fc.constantFrom<IssuedForm>('ms', 'wall', 'date');
const per1000Arb = fc.integer({ min: 0, max: 1000 });
const shareArb = fc.integer({ min: 1, max: 999 });

/**
 * Issue instants in 2000–2035; wall-clock forms draw hours 0–3 (when DST changes happen) more often.
 * A date-only `issuedAt` is the start of that day, where midnight may not exist (Santiago).
 */
const issuedArb: fc.Arbitrary<IssuedSpec> = fc.record({
  zone: zoneArb,
  ms: fc.oneof(
    fc.integer({ min: ISSUED_MIN, max: ISSUED_MAX }),
    fc
      .record({ day: fc.integer({ min: ISSUED_MIN / DAY, max: Math.floor(ISSUED_MAX / DAY) }), minute: fc.integer({ min: 0, max: 4 * 60 }) })
      .map(({ day, minute }) => day * DAY + minute * MINUTE),
  ),
  form: formArb,
});

const ruleArb: fc.Arbitrary<RuleSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('after' as const), unit: unitArb, per1000: per1000Arb }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('at' as const), offsetMs: fc.integer({ min: 0, max: 400 * DAY }), form: formArb }),
  },
);

const gapArb = fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 60 * DAY }));

const stepArb = (kinds: readonly StepKind[]): fc.Arbitrary<StepSpec> =>
  fc.record({ kind: fc.constantFrom(...kinds), gapMs: gapArb, unit: unitArb, per1000: per1000Arb, share: shareArb, flag: fc.boolean() });

const ALL_KINDS: readonly StepKind[] = ['reschedule', 'extend', 'shorten', 'pause', 'resume', 'note', 'enforce', 'comply', 'withdraw'];
/** Histories that never move the deadline later by a rule: progress and the countdown are monotone. */
const NO_LATER_KINDS: readonly StepKind[] = ['shorten', 'pause', 'resume', 'note', 'enforce', 'comply', 'withdraw'];
/** Histories that leave the ultimatum open (no comply / withdraw), so it can still be amended. */
const OPEN_KINDS: readonly StepKind[] = ['reschedule', 'extend', 'shorten', 'pause', 'resume', 'note', 'enforce'];

const scenarioArb = (kinds: readonly StepKind[], maxSteps = 4): fc.Arbitrary<Scenario> =>
  fc.record({ issued: issuedArb, rule: ruleArb, steps: fc.array(stepArb(kinds), { maxLength: maxSteps }) });

/** Instants at which to ask: shares of a span around the history, or an event instant ± 1 ms. */
type ProbeSpec = { readonly kind: 'span'; readonly per1e6: number } | { readonly kind: 'event'; readonly index: number; readonly delta: -1 | 0 | 1 };

const probeArb: fc.Arbitrary<ProbeSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('span' as const), per1e6: fc.integer({ min: 0, max: 1_000_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('event' as const), index: fc.nat({ max: 7 }), delta: fc.constantFrom<-1 | 0 | 1>(-1, 0, 1) }),
  },
);
const probesArb = fc.array(probeArb, { minLength: 1, maxLength: 8 });

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

const CONSEQUENCE_ID = 'tariffs';

/** A wall-clock time of `ms`'s UTC fields ('2031-04-06T02:30'), read by the library in the zone. */
const wallOf = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function issuedInput(spec: IssuedSpec): DateInput {
  if (spec.form === 'ms') return spec.ms;
  return spec.form === 'wall' ? wallOf(spec.ms) : wallOf(spec.ms).slice(0, 10);
}

/** An instant written in the zone as the form asks (a date is read as the end of that day). */
function deadlineInput(ms: number, zone: Zone, form: IssuedForm): DateInput {
  if (form === 'ms') return ms;
  const local = DateTime.fromMillis(ms, { zone });
  return form === 'date' ? (local.toISODate() as string) : local.toFormat("yyyy-MM-dd'T'HH:mm");
}

function ruleInput(rule: RuleSpec, zone: Zone, fromMs: number): DeadlineRuleInput {
  if (rule.kind === 'after') return { after: { [rule.unit]: amountOf(rule.unit, rule.per1000) } };
  return { at: deadlineInput(fromMs + rule.offsetMs, zone, rule.form) };
}

function input(issued: IssuedSpec, deadline: DeadlineRuleInput): UltimatumInput {
  return {
    id: 'property',
    title: 'Property',
    issuer: 'Issuer',
    addressee: 'Addressee',
    demands: ['Comply'],
    issuedAt: issuedInput(issued),
    zone: issued.zone,
    deadline,
    consequences: [{ id: CONSEQUENCE_ID, kind: 'tariff', ratePercent: 25, scope: 'primary' }],
  };
}

/** Epoch ms of a stored instant (stored instants carry their offset). */
const msOf = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

interface Built {
  readonly u: Ultimatum;
  readonly issuedMs: number;
  /** Instants of u.events, in order. */
  readonly eventMs: readonly number[];
}

/** Runs `f`; `undefined` when the library refuses with an UltimatumError (anything else is rethrown). */
function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    if (isUltimatumError(e)) return undefined;
    throw e;
  }
}

/**
 * Applies one step at `at` through the shorthands. Intents that cannot apply in the current state
 * are turned into what can: `pause` and `resume` both toggle the clock, and a pause at or after
 * the deadline becomes a note.
 */
function applyStep(u: Ultimatum, step: StepSpec, at: number, issuedMs: number, zone: Zone): Ultimatum | undefined {
  const s = status(u, at);
  if (s.deadlineMs === null) return undefined; // complied or withdrawn: nothing may follow
  const deadline = s.deadlineMs;
  const share = step.share / 1000;
  const amount = amountOf(step.unit, step.per1000);
  return attempt(() => {
    switch (step.kind) {
      case 'reschedule':
        return reschedule(u, {
          at,
          deadline: step.flag
            ? { after: { [step.unit]: amount } }
            : { at: deadlineInput(at + Math.round(share * 200 * DAY), zone, step.per1000 % 3 === 0 ? 'date' : 'ms') },
        });
      case 'extend':
        return step.flag
          ? extend(u, { at, by: { [step.unit]: Math.max(1, amount) } })
          : extend(u, { at, to: deadline + MINUTE + Math.round(share * 60 * DAY) });
      case 'shorten': {
        // Never before issue (refused), but anywhere between issue and the deadline in force.
        const room = deadline - issuedMs;
        return step.flag
          ? shorten(u, { at, by: { hours: Math.max(1, Math.floor((share * room) / HOUR)) } })
          : shorten(u, { at, to: issuedMs + Math.floor(share * room) });
      }
      case 'pause':
      case 'resume':
        // Either toggles the clock (a paused ultimatum that was also enforced reads 'enforced').
        if (isPaused(u)) return resume(u, { at });
        return at < deadline ? pause(u, { at }) : note(u, { at, text: 'too late to pause' });
      case 'note':
        return note(u, { at, text: `note at ${at}` });
      case 'enforce':
        return enforce(u, { at, consequences: [CONSEQUENCE_ID], partial: step.flag });
      case 'comply':
        return comply(u, { at });
      case 'withdraw':
        return withdraw(u, { at });
    }
  });
}

/** True when the history ends in a pause (the phase may then read 'enforced', which outranks it). */
function isPaused(u: Ultimatum): boolean {
  for (let i = u.events.length - 1; i >= 0; i--) {
    const type = u.events[i]?.type;
    if (type === 'pause') return true;
    if (type === 'resume') return false;
  }
  return false;
}

/** The scenario as an ultimatum, or `undefined` when the library refuses a step of it. */
function build(sc: Scenario): Built | undefined {
  const zone = sc.issued.zone;
  // `at` rules are measured from the drawn instant (the issue instant itself may differ by the
  // form it is written in); one before issue is refused, and skipped.
  let u = attempt(() => createUltimatum(input(sc.issued, ruleInput(sc.rule, zone, sc.issued.ms))));
  if (u === undefined) return undefined;
  const issuedMs = msOf(u.issuedAt);
  const eventMs: number[] = [];
  let previous = issuedMs;
  for (const step of sc.steps) {
    if (status(u, previous).deadlineMs === null) break; // ended by comply / withdraw
    const at = previous + step.gapMs;
    const next: Ultimatum | undefined = applyStep(u, step, at, issuedMs, zone);
    if (next === undefined) return undefined;
    u = next;
    eventMs.push(at);
    previous = at;
  }
  return { u, issuedMs, eventMs };
}

/** The probe instants, resolved against a built ultimatum and sorted. */
function probeInstants(b: Built, probes: readonly ProbeSpec[]): number[] {
  const lastEvent = Math.max(b.issuedMs, ...b.eventMs);
  const deadline = status(b.u, lastEvent).deadlineMs ?? b.issuedMs;
  const last = Math.max(deadline, lastEvent);
  const from = b.issuedMs - 5 * DAY;
  const span = last + 30 * DAY - from;
  const out = probes.map((p) => {
    if (p.kind === 'span') return from + Math.floor((p.per1e6 / 1_000_000) * span);
    const at = b.eventMs.length === 0 ? b.issuedMs : (b.eventMs[p.index % b.eventMs.length] as number);
    return at + p.delta;
  });
  return out.sort((x, y) => x - y);
}

/** The figures of a status that must agree (the luxon getters are derived from them). */
function figures(s: Status) {
  return {
    phase: s.phase,
    atMs: s.atMs,
    deadlineMs: s.deadlineMs,
    remainingMs: s.remainingMs,
    overdueMs: s.overdueMs,
    elapsedMs: s.elapsedMs,
    pausedMs: s.pausedMs,
    progress: s.progress,
    inWindow: s.inWindow,
  };
}

const describeU = (u: Ultimatum) => `ultimatum ${JSON.stringify(u)}`;

/** Counts real (built) runs against all drawn, and checks that most drawn runs were real. */
class Counter {
  tried = 0;
  accepted = 0;
  /** Records a drawn scenario and returns it; skips it (fc.pre) when it was refused. */
  take<T>(value: T | undefined): T {
    this.tried++;
    fc.pre(value !== undefined);
    this.accepted++;
    return value;
  }
  check(): void {
    expect(this.accepted, 'real runs').toBeGreaterThanOrEqual(NUM_RUNS);
    expect(this.accepted / this.tried, `share of real runs (${this.accepted} of ${this.tried})`).toBeGreaterThan(0.5);
  }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('deadline model: properties over random ultimatums', () => {
  it('1. the deadline grows with the duration, strictly for more whole units', () => {
    const counter = new Counter();
    fc.assert(
      fc.property(issuedArb, unitArb, per1000Arb, fc.integer({ min: 0, max: 40 }), (issued, unit, per1000, more) => {
        const n = amountOf(unit, per1000);
        const deadline = (amount: number, of: Unit = unit) => {
          const u = attempt(() => createUltimatum(input(issued, { after: { [of]: amount } })));
          return u === undefined ? undefined : { u, ms: status(u, 0).deadlineMs as number };
        };
        const a = deadline(n);
        const b = deadline(n + more);
        counter.take(a !== undefined && b !== undefined ? true : undefined);
        if (a === undefined || b === undefined) return;
        const issuedMs = msOf(a.u.issuedAt);
        expect(a.ms).toBeGreaterThanOrEqual(issuedMs);
        expect(b.ms, describeU(b.u)).toBeGreaterThanOrEqual(a.ms);
        if (more > 0) {
          // Strictly later, unless the calendar day `n` units reach was skipped by the zone (Apia,
          // 30 Dec 2011): a wall time on it moves forward by the gap, onto the next day (README).
          const skipped = unit !== 'hours' && !dayExists(reachedDay(issuedMs, issued.zone, unit, n), issued.zone);
          if (!skipped) expect(b.ms, `${describeU(a.u)} vs +${more} ${unit}`).toBeGreaterThan(a.ms);
        }
        if (unit === 'weeks') {
          const days = deadline(7 * n, 'days');
          expect(days?.ms, '{ weeks: n } is { days: 7n }').toBe(a.ms);
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('2. extend never moves the deadline earlier, shorten never later (as of the event and after)', () => {
    const counter = new Counter();
    const opArb = fc.record({ extend: fc.boolean(), step: stepArb(['note']) });
    fc.assert(
      fc.property(scenarioArb(OPEN_KINDS), opArb, probesArb, (sc, op, probes) => {
        const built = build(sc);
        const last = built === undefined ? 0 : Math.max(built.issuedMs, ...built.eventMs);
        const at = last + op.step.gapMs;
        const amended =
          built === undefined
            ? undefined
            : applyStep(built.u, { ...op.step, kind: op.extend ? 'extend' : 'shorten' }, at, built.issuedMs, sc.issued.zone);
        const { b, changed } = counter.take(built !== undefined && amended !== undefined ? { b: built, changed: amended } : undefined);
        const before = status(b.u, at).deadlineMs as number;
        const after = status(changed, at).deadlineMs as number;
        const why = `${describeU(changed)} at ${at}`;
        if (op.extend) expect(after, why).toBeGreaterThan(before);
        else expect(after, why).toBeLessThan(before);
        // Afterwards both deadlines stand still, or move together while paused: the change stays.
        for (const t of probeInstants(b, probes)) {
          if (t < at) continue;
          const was = status(b.u, t).deadlineMs as number;
          const now = status(changed, t).deadlineMs as number;
          if (op.extend) expect(now, `${why}, asked at ${t}`).toBeGreaterThanOrEqual(was);
          else expect(now, `${why}, asked at ${t}`).toBeLessThanOrEqual(was);
          expect(now - was, `${why}, asked at ${t}`).toBe(after - before);
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('3. remainingMs + elapsedMs = deadline − issued − pausedMs while a deadline is in force', () => {
    const counter = new Counter();
    fc.assert(
      fc.property(scenarioArb(ALL_KINDS), probesArb, (sc, probes) => {
        const b = counter.take(build(sc));
        for (const t of probeInstants(b, probes)) {
          const s = status(b.u, t);
          expect(s.remainingMs, `${describeU(b.u)} at ${t}`).toBeGreaterThanOrEqual(0);
          expect(s.elapsedMs, `${describeU(b.u)} at ${t}`).toBeGreaterThanOrEqual(0);
          if (s.deadlineMs === null) continue; // complied / withdrawn: no deadline in force
          expect(s.remainingMs + s.elapsedMs, `${describeU(b.u)} at ${t} (${s.phase})`).toBe(s.deadlineMs - b.issuedMs - s.pausedMs);
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('4. progress stays in [0, 1] and never falls as `at` grows (histories without reschedule / extend)', () => {
    // A reschedule or an extension may legitimately lower progress (more time was granted), so
    // those histories are left out here; shorten, pause / resume, enforce, comply, withdraw and
    // notes are all drawn.
    const counter = new Counter();
    fc.assert(
      fc.property(scenarioArb(NO_LATER_KINDS), probesArb, (sc, probes) => {
        const b = counter.take(build(sc));
        let previous = Number.NEGATIVE_INFINITY;
        let previousAt = Number.NaN;
        for (const t of probeInstants(b, probes)) {
          const p = status(b.u, t).progress;
          expect(p, `${describeU(b.u)} at ${t}`).toBeGreaterThanOrEqual(0);
          expect(p, `${describeU(b.u)} at ${t}`).toBeLessThanOrEqual(1);
          expect(p, `${describeU(b.u)}: progress at ${t} below progress at ${previousAt}`).toBeGreaterThanOrEqual(previous);
          previous = p;
          previousAt = t;
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('5. the countdown never rises as `at` grows, across DST and pauses (histories without reschedule / extend)', () => {
    // Signed: time left is positive, time overdue negative. A reschedule or an extension grants
    // more time and so raises the countdown: those histories are left out, as for progress. Once
    // complied or withdrawn there is no deadline in force, and the countdown reads 0 (not past):
    // it is compared only while a deadline is in force.
    const counter = new Counter();
    const signed = (c: { past: boolean; totalMs: number }) => (c.past ? -c.totalMs : c.totalMs) + 0; // + 0: no -0
    fc.assert(
      fc.property(scenarioArb(NO_LATER_KINDS), probesArb, (sc, probes) => {
        const b = counter.take(build(sc));
        const ats = probeInstants(b, probes);
        let previous: { at: number; value: number } | undefined;
        for (const t of ats) {
          if (status(b.u, t).deadlineMs === null) break;
          const value = signed(countdown(b.u, t));
          if (previous !== undefined) {
            expect(value, `${describeU(b.u)}: countdown at ${t} above countdown at ${previous.at}`).toBeLessThanOrEqual(previous.value);
          }
          previous = { at: t, value };
        }
        // The countdown to a plain instant (the deadline after the last event): exact, never rising.
        const target = status(b.u, Math.max(b.issuedMs, ...b.eventMs)).deadline;
        if (target !== null) {
          for (const t of ats) expect(signed(countdown(target, t))).toBe(target.toMillis() - t);
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('6. pause then resume moves the deadline by exactly the time paused', () => {
    const counter = new Counter();
    fc.assert(
      fc.property(scenarioArb(OPEN_KINDS), shareArb, gapArb, probesArb, (sc, share, pausedFor, probes) => {
        const built = build(sc);
        let subject: { base: Built; p: number; r: number; u2: Ultimatum } | undefined;
        if (built !== undefined) {
          const last = Math.max(built.issuedMs, ...built.eventMs);
          // A history that ends paused is resumed first (at its last event), so that it can pause again.
          const u = isPaused(built.u) ? attempt(() => resume(built.u, { at: last })) : built.u;
          const deadline = u === undefined ? null : status(u, last).deadlineMs;
          if (u !== undefined && deadline !== null && deadline > last) {
            const p = last + Math.floor(((deadline - last) * share) / 1000);
            const r = p + pausedFor;
            const u2 = attempt(() => resume(pause(u, { at: p }), { at: r }));
            if (u2 !== undefined) subject = { base: { ...built, u, eventMs: u.events.map((e) => msOf(e.at)) }, p, r, u2 };
          }
        }
        const { base: b, p, r, u2 } = counter.take(subject);
        const why = `${describeU(u2)}, paused ${p}–${r}`;
        const atPause = status(b.u, p);
        for (const t of [r, ...probeInstants(b, probes), r + 400 * DAY]) {
          if (t < p) continue;
          const was = status(b.u, t);
          const now = status(u2, t);
          if (t >= r) {
            expect((now.deadlineMs as number) - (was.deadlineMs as number), `${why}, asked at ${t}`).toBe(r - p);
            expect(now.pausedMs - was.pausedMs, `${why}, asked at ${t}`).toBe(r - p);
          } else {
            // During the pause the clock stands still: the time left is what it was at the pause.
            expect(['paused', 'enforced'], `${why}, asked at ${t}`).toContain(now.phase); // enforced outranks paused
            expect(now.remainingMs, `${why}, asked at ${t}`).toBe(atPause.remainingMs);
            expect(now.deadlineMs, `${why}, asked at ${t}`).toBe((atPause.deadlineMs as number) + (t - p));
          }
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('7. the JSON round trip is the identity, with the same status at any instant', () => {
    const counter = new Counter();
    fc.assert(
      fc.property(scenarioArb(ALL_KINDS), probesArb, (sc, probes) => {
        const b = counter.take(build(sc));
        const json = JSON.stringify(b.u);
        const again = parseUltimatum(JSON.parse(json));
        expect(again).toEqual(b.u);
        expect(JSON.stringify(again)).toBe(json);
        for (const t of probeInstants(b, probes)) {
          expect(figures(status(again, t)), `${json} at ${t}`).toEqual(figures(status(b.u, t)));
          expect(JSON.stringify(status(again, t))).toBe(JSON.stringify(status(b.u, t)));
        }
      }),
      OPTIONS,
    );
    counter.check();
  });

  it('8. status as of `at` ignores the events after `at`', () => {
    const counter = new Counter();
    fc.assert(
      fc.property(scenarioArb(ALL_KINDS), probesArb, (sc, probes) => {
        const b = counter.take(build(sc));
        const stored = JSON.parse(JSON.stringify(b.u)) as { events: { at: string }[] };
        const cuts = new Map<number, Ultimatum>();
        for (const t of probeInstants(b, probes)) {
          // Events at `t` itself are folded in (as-of is `at <= t`).
          const kept = stored.events.filter((e) => msOf(e.at) <= t);
          let cut = cuts.get(kept.length);
          if (cut === undefined) {
            cut = parseUltimatum({ ...stored, events: kept });
            cuts.set(kept.length, cut);
          }
          expect(figures(status(b.u, t)), `${describeU(b.u)} at ${t}`).toEqual(figures(status(cut, t)));
        }
      }),
      OPTIONS,
    );
    counter.check();
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers of property 1: where n calendar units from issue land, and whether the zone has that day.
// ---------------------------------------------------------------------------------------------

/** The calendar date (YYYY-MM-DD) `n` units after the issue instant's wall-clock date in `zone`. */
function reachedDay(issuedMs: number, zone: Zone, unit: Unit, n: number): string {
  const local = DateTime.fromMillis(issuedMs, { zone });
  const wall = DateTime.utc(local.year, local.month, local.day).plus({ [unit]: n });
  return wall.toISODate() as string;
}

/** False for a calendar day the zone skipped (its noon resolves onto another day). */
function dayExists(day: string, zone: Zone): boolean {
  return DateTime.fromISO(`${day}T12:00`, { zone }).toISODate() === day;
}
