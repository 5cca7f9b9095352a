import type { DateTime, Duration } from 'luxon';

/**
 * Anything accepted as an instant: an ISO 8601 string, a `Date`, epoch milliseconds or a luxon `DateTime`.
 *
 * @example
 * const inputs: DateInput[] = ['2025-07-14T12:00', new Date(), 1752508800000, DateTime.now()];
 */
export type DateInput = string | number | Date | DateTime;

/** Units a duration may use; calendar units first, exact units after. */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;

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
};

/**
 * What callers may write for a duration: an ISO 8601 string (`"P50D"`), a luxon `Duration`, or units.
 *
 * @example
 * const inputs: DurationInput[] = ['P50D', Duration.fromObject({ hours: 48 }), { days: 10 }];
 */
export type DurationInput = string | Duration | DurationSpec;
