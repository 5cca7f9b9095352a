import type { DateTime, Duration } from 'luxon';

/**
 * A `Temporal.Instant` or `Temporal.ZonedDateTime` as this library reads it (by shape: no polyfill
 * is needed or bundled). A zoned one's own zone fixed the instant, as a bracketed zone does in a string.
 *
 * @example
 * const at: TemporalInstantLike = Temporal.Instant.from('2025-07-14T16:00Z');
 */
export interface TemporalInstantLike {
  readonly [Symbol.toStringTag]: 'Temporal.Instant' | 'Temporal.ZonedDateTime';
  readonly epochMilliseconds: number;
}

/**
 * A `Temporal.PlainDate`: a date-only value, read as its `YYYY-MM-DD` text is.
 *
 * @example
 * const day: TemporalPlainDateLike = Temporal.PlainDate.from('2025-09-02');
 */
export interface TemporalPlainDateLike {
  readonly [Symbol.toStringTag]: 'Temporal.PlainDate';
  toString(): string;
}

/**
 * A `Temporal.Duration` as this library reads it (by shape). Units below the millisecond are refused.
 *
 * @example
 * const d: TemporalDurationLike = Temporal.Duration.from({ days: 50 });
 */
export interface TemporalDurationLike {
  readonly [Symbol.toStringTag]: 'Temporal.Duration';
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly milliseconds: number;
  readonly microseconds: number;
  readonly nanoseconds: number;
}

/**
 * Anything accepted as an instant: an ISO 8601 string, a `Date`, epoch milliseconds, a luxon
 * `DateTime`, a `Temporal.Instant`/`Temporal.ZonedDateTime`, or a `Temporal.PlainDate` (a date-only).
 *
 * @example
 * const inputs: DateInput[] = ['2025-07-14T12:00', new Date(), 1752508800000, DateTime.now()];
 */
export type DateInput = string | number | Date | DateTime | TemporalInstantLike | TemporalPlainDateLike;

/** Units a duration may use; calendar units first, exact units after. */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;

/** Every key a duration's units may have, in the order they are checked and reported. */
export const SPEC_KEYS = /* @__PURE__ */ (() => [...DURATION_UNITS, 'businessDays', 'businessHours', 'businessMinutes'] as const)();

/**
 * One unit of a duration.
 *
 * @example
 * const unit: DurationUnit = 'days';
 */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/**
 * The normalised, JSON-safe form of a duration: non-negative numbers per unit. Years, months,
 * weeks and days are calendar units (wall-clock time kept across DST); the rest are exact;
 * `businessDays` count on a business calendar and stand alone.
 *
 * @example
 * const fiftyDays: DurationSpec = { days: 50 };
 */
export type DurationSpec = { readonly [U in DurationUnit]?: number | undefined } & {
  /** Business days on the ultimatum's calendar; never combined with other units. */
  readonly businessDays?: number | undefined;
  /** Business hours on the calendar's working hours; combined with `businessMinutes` only. */
  readonly businessHours?: number | undefined;
  /** Business minutes on the calendar's working hours; combined with `businessHours` only. */
  readonly businessMinutes?: number | undefined;
};

/**
 * What callers may write for a duration: an ISO 8601 string (`"P50D"`), words (`"50 days"`), a
 * luxon `Duration`, a `Temporal.Duration`, or units.
 *
 * @example
 * const inputs: DurationInput[] = ['P50D', Duration.fromObject({ hours: 48 }), { days: 10 }];
 */
export type DurationInput = string | Duration | TemporalDurationLike | DurationSpec;
