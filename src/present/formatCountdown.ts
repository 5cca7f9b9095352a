import { messages } from '../errors/messages.js';
import { fail, UltimatumError, type UltimatumIssue } from '../errors/UltimatumError.js';
import type { Countdown } from '../status/countdown.js';

/**
 * Options of {@link formatCountdown}; every field is optional.
 *
 * @example
 * const opts: FormatCountdownOptions = { locale: 'de', style: 'short', maxUnits: 2 };
 * formatCountdown(c, opts) //=> '2 Tg., 3 Std.'
 */
export interface FormatCountdownOptions {
  /** BCP 47 tag(s) handed to `Intl`; default: the runtime's default locale. */
  readonly locale?: string | readonly string[] | undefined;
  /** Unit names `'long'` (default), `'short'`, `'narrow'`, or a clock-like `'digital'` form. */
  readonly style?: 'long' | 'short' | 'narrow' | 'digital' | undefined;
  /** Shows at most this many non-zero units, largest first; default: all. Ignored by `'digital'`. */
  readonly maxUnits?: number | undefined;
  /** Largest unit; larger ones are folded into it (2 days → 48 hours). Default `'days'`. */
  readonly largestUnit?: 'days' | 'hours' | 'minutes' | 'seconds' | undefined;
  /** Smallest unit; whatever is below it is dropped (truncated). Default `'seconds'`. */
  readonly smallestUnit?: 'days' | 'hours' | 'minutes' | 'seconds' | 'milliseconds' | undefined;
}

const UNITS = ['days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
const INTL_UNITS = ['day', 'hour', 'minute', 'second', 'millisecond'] as const;
const SIZES = [86_400_000, 3_600_000, 60_000, 1_000, 1] as const;
const STYLES = ['long', 'short', 'narrow', 'digital'] as const;
const LARGEST = UNITS.slice(0, 4);
const MS = 4;
/** Bound on each cache, so that callers passing arbitrary locales cannot grow it without end. */
const MAX_CACHED = 64;

interface TextFormatters {
  readonly units: readonly Intl.NumberFormat[];
  readonly list: Intl.ListFormat;
}
interface DigitalFormatters {
  readonly lead: Intl.NumberFormat;
  readonly two: Intl.NumberFormat;
  readonly three: Intl.NumberFormat;
}

/** Keyed by locale and style; text entries hold one `NumberFormat` per unit. */
const textCache = new Map<string, TextFormatters>();
const digitalCache = new Map<string, DigitalFormatters>();

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/** A cache key unique to the locale argument, or undefined if it is not a string or string array. */
function localeKey(locale: unknown): string | undefined {
  if (locale === undefined) return '';
  if (typeof locale === 'string') return `s${locale}`;
  if (Array.isArray(locale) && locale.every((l) => typeof l === 'string')) return `a${JSON.stringify(locale)}`;
  return undefined;
}

function cached<T>(cache: Map<string, T>, key: string, locale: unknown, make: () => T): T {
  let entry = cache.get(key);
  if (entry === undefined) {
    try {
      entry = make();
    } catch {
      fail('INVALID_INPUT', ['locale'], messages.invalidOption(`${JSON.stringify(locale)} is not a valid BCP 47 language tag`));
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, entry);
  }
  return entry;
}

/**
 * Formats a countdown as text in any locale, e.g. "2 days, 3 hours, 4 minutes, 5 seconds".
 *
 * The figures are recomputed from `c.totalMs` (the other fields are not read) in 24-hour days and
 * smaller units: never weeks, months or years. Zero units are left out; if every unit is zero the
 * result is zero of `smallestUnit` ("0 seconds"). Units and list come from `Intl.NumberFormat`
 * and `Intl.ListFormat`, cached per locale and style, so the call is cheap in redraw loops.
 *
 * Truncation, never rounding: time below `smallestUnit`, and every unit after the first
 * `maxUnits` non-zero ones, is dropped, as a countdown clock does: 1 d 23 h 59 min 59 s with
 * `maxUnits: 2` reads "1 day, 23 hours", not "2 days". `maxUnits` counts non-zero units only, so
 * 1 d 0 h 5 min with `maxUnits: 2` reads "1 day, 5 minutes".
 *
 * A past countdown (`c.past`) is shown by the same magnitude, with no "ago": the caller words it
 * ("overdue by …").
 *
 * `'digital'` gives a clock: `H:MM:SS`, with days in front (`D:HH:MM:SS`) when there are any and
 * `largestUnit` is days, and `.mmm` when `smallestUnit` is milliseconds; digits are the locale's.
 *
 * @throws {UltimatumError} `INVALID_INPUT` with path `['totalMs']` (or `[]` if `c` is no object)
 * for a bad countdown, or the option's path, e.g. `['style']`, `['locale']`, for a bad option.
 *
 * @example
 * const c = { totalMs: 183_845_000, past: false, days: 2, hours: 3, minutes: 4, seconds: 5, milliseconds: 0 };
 * formatCountdown(c, { locale: 'en' }) //=> '2 days, 3 hours, 4 minutes, 5 seconds'
 * formatCountdown(c, { locale: 'en', style: 'narrow', maxUnits: 2 }) //=> '2d 3h'
 * formatCountdown(c, { locale: 'de' }) //=> '2 Tage, 3 Stunden, 4 Minuten und 5 Sekunden'
 * formatCountdown(c, { locale: 'en', largestUnit: 'hours', smallestUnit: 'minutes' }) //=> '51 hours, 4 minutes'
 * formatCountdown(c, { style: 'digital' }) //=> '2:03:04:05'
 */
export function formatCountdown(c: Countdown, opts: FormatCountdownOptions = {}): string {
  const issues: UltimatumIssue[] = [];
  const bad = (path: string[], message: string): void => {
    issues.push({ code: 'INVALID_INPUT', path, message });
  };
  let total = 0;
  if (typeof c !== 'object' || c === null) bad([], messages.expectedType('a Countdown object'));
  else if (typeof c.totalMs !== 'number' || !Number.isFinite(c.totalMs) || c.totalMs < 0)
    bad(['totalMs'], messages.finiteNonNegative());
  else total = Math.floor(c.totalMs);

  if (typeof opts !== 'object' || opts === null) {
    bad([], messages.expectedType('an options object'));
    opts = {};
  }
  const { locale, style = 'long', maxUnits, largestUnit = 'days', smallestUnit = 'seconds' } = opts;
  const key = localeKey(locale);
  if (key === undefined) bad(['locale'], messages.expectedType('a language tag or an array of language tags'));
  if (!isOneOf(STYLES, style)) bad(['style'], messages.oneOf(STYLES));
  if (maxUnits !== undefined && !(Number.isInteger(maxUnits) && maxUnits > 0))
    bad(['maxUnits'], messages.expectedType('a whole number >= 1'));
  const hi = LARGEST.indexOf(largestUnit);
  const lo = UNITS.indexOf(smallestUnit);
  if (hi < 0) bad(['largestUnit'], messages.oneOf(LARGEST));
  if (lo < 0) bad(['smallestUnit'], messages.oneOf(UNITS));
  if (hi >= 0 && lo >= 0 && hi > lo)
    bad(['largestUnit'], messages.invalidOption(`must not be smaller than smallestUnit ("${smallestUnit}")`));
  if (issues.length > 0 || key === undefined) throw new UltimatumError(issues);

  // values[i] is the count of UNITS[i], for hi <= i <= lo; larger units are folded into UNITS[hi].
  const values = [0, 0, 0, 0, 0];
  let rest = total;
  for (let i = hi; i <= lo; i++) {
    const size = SIZES[i]!;
    values[i] = Math.floor(rest / size);
    rest %= size;
  }

  if (style === 'digital') {
    const f = cached(digitalCache, key, locale, () => ({
      lead: new Intl.NumberFormat(locale, { useGrouping: false }),
      two: new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false }),
      three: new Intl.NumberFormat(locale, { minimumIntegerDigits: 3, useGrouping: false }),
    }));
    // A clock starts at hours unless there are days to show.
    const start = hi === 0 && values[0] === 0 && lo > 0 ? 1 : hi;
    let out = f.lead.format(values[start]!);
    for (let i = start + 1; i <= lo; i++) {
      out += i === MS ? `.${f.three.format(values[i]!)}` : `:${f.two.format(values[i]!)}`;
    }
    return out;
  }

  const f = cached(textCache, `${style}\u0000${key}`, locale, () => ({
    units: INTL_UNITS.map((unit) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style })),
    list: new Intl.ListFormat(locale, { type: 'unit', style }),
  }));
  const limit = maxUnits ?? Number.POSITIVE_INFINITY;
  const parts: string[] = [];
  for (let i = hi; i <= lo && parts.length < limit; i++) {
    const v = values[i]!;
    if (v !== 0) parts.push(f.units[i]!.format(v));
  }
  if (parts.length === 0) parts.push(f.units[lo]!.format(0));
  return f.list.format(parts);
}
