import { DURATION_UNITS } from './units.js';

/**
 * Temporal objects, recognised by shape (`Symbol.toStringTag`), so that the polyfill and the
 * native implementation are both read and neither is a dependency.
 */
type Tagged = { readonly [Symbol.toStringTag]?: unknown };

function tagOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as Tagged)[Symbol.toStringTag] : undefined;
}

/**
 * The instant of a `Temporal.Instant` or `Temporal.ZonedDateTime` (its own zone fixed it, as a
 * bracketed zone does in a string), in epoch ms; a `Temporal.PlainDate` as its `YYYY-MM-DD`
 * text, read as any date-only string is. `undefined` for anything else.
 *
 * @example
 * temporalInstant(Temporal.Instant.from('2025-07-14T16:00Z')) //=> 1752508800000
 * temporalInstant(Temporal.PlainDate.from('2025-09-02')) //=> '2025-09-02'
 */
export function temporalInstant(value: unknown): number | string | undefined {
  const tag = tagOf(value);
  if (tag === 'Temporal.Instant' || tag === 'Temporal.ZonedDateTime') {
    const ms = (value as { epochMilliseconds?: unknown }).epochMilliseconds;
    return typeof ms === 'number' ? ms : undefined;
  }
  if (tag === 'Temporal.PlainDate') {
    return String(value);
  }
  return undefined;
}

/** True for a `Temporal.Duration` (by its tag). */
export function isTemporalDuration(value: unknown): boolean {
  return tagOf(value) === 'Temporal.Duration';
}

/** True for a Temporal object this library reads as an instant or a date. */
export function isTemporalDateLike(value: unknown): boolean {
  const tag = tagOf(value);
  return tag === 'Temporal.Instant' || tag === 'Temporal.ZonedDateTime' || tag === 'Temporal.PlainDate';
}

/** True for a `Temporal.PlainDate` (a date-only value). */
export function isTemporalPlainDate(value: unknown): boolean {
  return tagOf(value) === 'Temporal.PlainDate';
}

/**
 * The units of a `Temporal.Duration`, as a plain object (zero units left out; all zero is
 * `{ seconds: 0 }`, as `PT0S` reads). Microseconds and
 * nanoseconds are kept as a fraction of a millisecond only when there are any, so that the
 * reader can refuse them: this library counts in milliseconds.
 *
 * @example
 * temporalDurationUnits(Temporal.Duration.from({ days: 50 })) //=> { days: 50 }
 */
export function temporalDurationUnits(value: unknown): Record<string, unknown> {
  const d = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const unit of DURATION_UNITS) if (d[unit] !== 0) out[unit] = d[unit];
  if (d.microseconds !== 0) out.microseconds = d.microseconds;
  if (d.nanoseconds !== 0) out.nanoseconds = d.nanoseconds;
  // A zero duration is the zero its ISO text (PT0S) reads as, not an empty object.
  if (Object.keys(out).length === 0) out.seconds = 0;
  return out;
}
