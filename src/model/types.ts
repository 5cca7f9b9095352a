import type { DateTime, Duration } from 'luxon';
import type * as z from 'zod/mini';
import type { TemporalDurationLike, TemporalInstantLike, TemporalPlainDateLike } from './units.js';
import type {
  ConsequenceInputSchema,
  ConsequenceSchema,
  DeadlineRuleInputSchema,
  DeadlineRuleSchema,
  EventInputSchema,
  EventSchema,
  UltimatumInputSchema,
  UltimatumSchema,
} from './schemas.js';

export type {
  DateInput,
  DurationInput,
  DurationSpec,
  TemporalDurationLike,
  TemporalInstantLike,
  TemporalPlainDateLike,
} from './units.js';

/** Values read as a whole (not descended into when arrays are made read-only). */
type Opaque = Date | DateTime | Duration | TemporalInstantLike | TemporalPlainDateLike | TemporalDurationLike;

/** `T` with every array (and tuple) also accepted read-only, so `as const` inputs type-check. */
type ReadonlyArrays<T> = T extends Opaque
  ? T
  : T extends readonly unknown[]
    ? { readonly [K in keyof T]: ReadonlyArrays<T[K]> }
    : T extends object
      ? { [K in keyof T]: ReadonlyArrays<T[K]> }
      : T;

/**
 * Where a fact comes from: an address, the words used, when they were published.
 *
 * @example
 * const source: SourceInput = { url: 'https://example.org/report', quote: '"10 days from today"' };
 */
export type SourceInput = NonNullable<UltimatumInput['source']>;

/**
 * How the deadline is set: a fixed instant, a duration after an anchor (optionally a window),
 * or a window of two instants. A date-only instant means the end of that day in the zone.
 *
 * @example
 * const rule: DeadlineRuleInput = { after: { days: 50 } };
 * const window: DeadlineRuleInput = { after: { earliest: { days: 10 }, latest: { days: 12 } } };
 */
export type DeadlineRuleInput = ReadonlyArrays<z.input<typeof DeadlineRuleInputSchema>>;

/**
 * A threatened consequence as callers write it. `offset` makes it fall due that long after the deadline.
 *
 * @example
 * const c: ConsequenceInput = { id: 'secondary-tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' };
 */
export type ConsequenceInput = ReadonlyArrays<z.input<typeof ConsequenceInputSchema>>;

/**
 * One entry of the history as callers write it; `at` is when it happened.
 *
 * @example
 * const e: EventInput = { type: 'extend', at: '2019-03-22', to: '2019-04-12' };
 */
export type EventInput = ReadonlyArrays<z.input<typeof EventInputSchema>>;

/**
 * The kinds of history event.
 *
 * @example
 * const kind: EventType = 'reschedule';
 */
export type EventType = EventInput['type'];

/**
 * What `createUltimatum` takes.
 *
 * @example
 * const input: UltimatumInput = {
 *   title: '50-day ultimatum', issuer: 'United States', addressee: 'Russia', demands: ['Ceasefire'],
 *   issuedAt: '2025-07-14T12:00', zone: 'America/New_York', deadline: { after: { days: 50 } },
 * };
 */
export type UltimatumInput = ReadonlyArrays<z.input<typeof UltimatumInputSchema>>;

type DeepReadonly<T> = T extends readonly unknown[]
  ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A normalised, frozen ultimatum: the stored document. `JSON.stringify` writes it and
 * `parseUltimatum` reads it back equal.
 *
 * @example
 * const u: Ultimatum = createUltimatum(input);
 * u.schemaVersion //=> 1
 */
export type Ultimatum = DeepReadonly<z.infer<typeof UltimatumSchema>>;

/**
 * A consequence in the stored document (id filled in, offset as units).
 *
 * @example
 * const c: Consequence = u.consequences[0]!;
 */
export type Consequence = DeepReadonly<z.infer<typeof ConsequenceSchema>>;

/**
 * A history event in the stored document.
 *
 * @example
 * const e: UltimatumEvent = u.events[0]!;
 */
export type UltimatumEvent = DeepReadonly<z.infer<typeof EventSchema>>;

/**
 * A deadline rule in the stored document.
 *
 * @example
 * const rule: DeadlineRule = u.deadline;
 */
export type DeadlineRule = DeepReadonly<z.infer<typeof DeadlineRuleSchema>>;
