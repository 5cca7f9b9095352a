import * as messages from '../errors/messages.js';
import { fail, issueAt, UltimatumError, type UltimatumIssue } from '../errors/UltimatumError.js';
import type { Problem } from '../errors/messages.js';
import { isPlainObject } from '../model/plainObject.js';
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

/** The units a countdown is written in, largest first, and their sizes in ms. */
export const UNITS = ['days', 'hours', 'minutes', 'seconds', 'milliseconds'] as const;
const INTL_UNITS = ['day', 'hour', 'minute', 'second', 'millisecond'] as const;
export const SIZES = [86_400_000, 3_600_000, 60_000, 1_000, 1] as const;
const STYLES = ['long', 'short', 'narrow', 'digital'] as const;
const LARGEST = /* @__PURE__ */ (() => UNITS.slice(0, 4))();
const MS = 4;
/** Bound on each cache, so that callers passing arbitrary locales cannot grow it without end. */
const MAX_CACHED = 64;

type Numbers = (value: number) => string;
type List = (parts: string[]) => string;

/**
 * `Intl.NumberFormat#format`, remembered for the whole numbers below 1 000 that a countdown shows
 * (hours < 24, minutes < 60, …): the same formatter gives the same string for the same number, and
 * an `Intl` call costs ~0.4 µs.
 */
function numbers(format: Intl.NumberFormat): Numbers {
  const seen = new Array<string | undefined>(1_000).fill(undefined);
  return (v) => {
    if (v >= 1_000) return format.format(v);
    let text = seen[v];
    if (text === undefined) {
      text = format.format(v);
      seen[v] = text;
    }
    return text;
  };
}

function join(parts: readonly string[], literals: readonly string[]): string {
  let out = literals[0] as string;
  for (let i = 0; i < parts.length; i++) out += (parts[i] as string) + (literals[i + 1] as string);
  return out;
}

/**
 * `Intl.ListFormat#format`, remembered as the literals around the parts. A list pattern is fixed
 * text around the parts (ECMA-402 `CreatePartsFromList`); besides the number of parts, ICU reads
 * only the last part (for Spanish "y" → "e", Hebrew "ו" → "ו-"). So the literals are learnt from
 * `formatToParts` once per part count and last part, and kept only when they rebuild the very
 * string `format` gives. A list of one is that one part.
 */
function list(format: Intl.ListFormat): List {
  let known = new Map<string, string[] | null>();
  return (parts) => {
    const n = parts.length;
    if (n === 1) return parts[0] as string;
    const key = `${n} ${parts[n - 1]}`;
    let literals = known.get(key);
    if (literals === undefined) {
      literals = [''];
      for (const p of format.formatToParts(parts)) {
        if (p.type === 'element') literals.push('');
        else literals[literals.length - 1] += p.value;
      }
      if (literals.length !== n + 1 || join(parts, literals) !== format.format(parts)) literals = null;
      if (known.size >= 512) known = new Map();
      known.set(key, literals);
    }
    return literals === null ? format.format(parts) : join(parts, literals);
  };
}

interface TextFormatters {
  /** One per unit of UNITS. */
  readonly units: readonly Numbers[];
  readonly list: List;
}
interface DigitalFormatters {
  readonly lead: Numbers;
  readonly two: Numbers;
  readonly three: Numbers;
}

/** Keyed by locale and style; text entries hold one `NumberFormat` per unit. */
const textCache = new Map<string, TextFormatters>();
const digitalCache = new Map<string, DigitalFormatters>();
/** The text formatters used last, for a string or the default locale (an array may have changed since). */
let last: { readonly locale: string | undefined; readonly style: string; readonly f: TextFormatters } | undefined;

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

/** Every problem with the arguments, in the order they are reported; empty when there is none. */
const OPTION_KEYS: ReadonlySet<string> = new Set(['locale', 'style', 'maxUnits', 'largestUnit', 'smallestUnit']);
/** Longer than any real language tag: refused before Intl spends time on it. */
const MAX_LOCALE = 100;

/** True when a tag of the array is longer than any real one. */
function tooLongTag(locale: readonly string[] | undefined): boolean {
  return locale?.some((tag) => tag.length > MAX_LOCALE) ?? false;
}

/** A typo ("locales") must not silently fall back to the defaults. */
function hasUnknownKey(opts: object): boolean {
  // Own keys only, as problems() and zod's strict objects see them: an inherited key is not a typo.
  for (const key in opts) if (!OPTION_KEYS.has(key) && Object.hasOwn(opts, key)) return true;
  return false;
}

/** What was passed instead of a Countdown, in the words a caller would recognise. */
function kindOf(value: object): string {
  if ('phase' in value && 'remaining' in value) return 'a Status (from status())';
  return 'an object without totalMs';
}

function problems(c: Countdown, opts: FormatCountdownOptions): UltimatumIssue[] {
  const issues: UltimatumIssue[] = [];
  const bad = (path: (string | number)[], p: Problem): void => {
    issues.push(issueAt('INVALID_INPUT', path, p));
  };
  if (typeof c !== 'object' || c === null) bad([], messages.expectedType('a Countdown object'));
  else if (!Object.hasOwn(c, 'totalMs')) bad([], messages.wrongKind('a Countdown (from countdown())', kindOf(c)));
  else if (typeof c.totalMs !== 'number' || !Number.isFinite(c.totalMs) || c.totalMs < 0)
    bad(['totalMs'], messages.finiteNonNegative());
  if (typeof opts !== 'object' || opts === null) {
    bad([], messages.expectedType('an options object'));
    opts = {};
  } else if (!isPlainObject(opts)) {
    // Its inherited fields would be read as options: refused, as every input of this library is.
    bad([], messages.notPlainObject('an object with another prototype'));
    opts = {};
  }
  for (const key of Object.keys(opts)) if (!OPTION_KEYS.has(key)) bad([key], messages.unknownKey(key));
  const { locale, style = 'long', maxUnits, largestUnit = 'days', smallestUnit = 'seconds' } = opts;
  if (localeKey(locale) === undefined) bad(['locale'], messages.expectedType('a language tag or an array of language tags'));
  else if (typeof locale === 'string') {
    if (locale.length > MAX_LOCALE) bad(['locale'], messages.tooLong(MAX_LOCALE));
  } else if (locale !== undefined) {
    locale.forEach((tag, i) => {
      if (tag.length > MAX_LOCALE) bad(['locale', i], messages.tooLong(MAX_LOCALE));
    });
  }
  if (!isOneOf(STYLES, style)) bad(['style'], messages.oneOf(STYLES));
  if (maxUnits !== undefined && !(Number.isInteger(maxUnits) && maxUnits > 0))
    bad(['maxUnits'], messages.expectedType('a whole number >= 1'));
  const hi = LARGEST.indexOf(largestUnit);
  const lo = UNITS.indexOf(smallestUnit);
  if (hi < 0) bad(['largestUnit'], messages.oneOf(LARGEST));
  if (lo < 0) bad(['smallestUnit'], messages.oneOf(UNITS));
  if (hi >= 0 && lo >= 0 && hi > lo)
    bad(['largestUnit'], messages.unitOrder(smallestUnit));
  return issues;
}

function cached<T>(cache: Map<string, T>, key: string, locale: unknown, make: () => T): T {
  let entry = cache.get(key);
  if (entry === undefined) {
    try {
      entry = make();
    } catch {
      fail('INVALID_INPUT', ['locale'], messages.invalidLocale(String(locale)));
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
  // The checks of problems(), without allocating; on any failure it reports them all.
  const total = typeof c === 'object' && c !== null ? c.totalMs : Number.NaN;
  // Options whose prototype holds fields are not read (problems() refuses them): only own fields count.
  const o = typeof opts === 'object' && opts !== null && isPlainObject(opts) ? opts : {};
  const { locale, style = 'long', maxUnits, largestUnit = 'days', smallestUnit = 'seconds' } = o;
  const key = typeof locale === 'string' ? undefined : localeKey(locale);
  const hi = LARGEST.indexOf(largestUnit);
  const lo = UNITS.indexOf(smallestUnit);
  if (
    typeof total !== 'number' ||
    !(total >= 0 && total < Number.POSITIVE_INFINITY) ||
    o !== opts ||
    (key === undefined && typeof locale !== 'string') ||
    // An array's key quotes each tag: a key this short cannot hold a tag that is too long.
    (typeof locale === 'string' ? locale.length > MAX_LOCALE : key !== undefined && key.length > MAX_LOCALE && tooLongTag(locale)) ||
    hasUnknownKey(o) ||
    !isOneOf(STYLES, style) ||
    (maxUnits !== undefined && !(Number.isInteger(maxUnits) && maxUnits > 0)) ||
    hi < 0 ||
    hi > lo
  )
    throw new UltimatumError(problems(c, opts));

  // values[i] is the count of UNITS[i], for hi <= i <= lo; larger units are folded into UNITS[hi].
  const values = [0, 0, 0, 0, 0];
  let rest = Math.floor(total);
  for (let i = hi; i <= lo; i++) {
    const size = SIZES[i]!;
    values[i] = Math.floor(rest / size);
    rest %= size;
  }
  const k = key ?? `s${locale}`;

  if (style === 'digital') {
    const f = cached(digitalCache, k, locale, () => ({
      lead: numbers(new Intl.NumberFormat(locale, { useGrouping: false })),
      two: numbers(new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false })),
      three: numbers(new Intl.NumberFormat(locale, { minimumIntegerDigits: 3, useGrouping: false })),
    }));
    // A clock starts at hours unless there are days to show.
    const start = hi === 0 && values[0] === 0 && lo > 0 ? 1 : hi;
    let out = f.lead(values[start]!);
    for (let i = start + 1; i <= lo; i++) {
      out += i === MS ? `.${f.three(values[i]!)}` : `:${f.two(values[i]!)}`;
    }
    return out;
  }

  // The formatters used last (string or default locale only), else the cache.
  let f = last !== undefined && last.locale === locale && last.style === style && typeof locale !== 'object' ? last.f : undefined;
  if (f === undefined) {
    f = cached(textCache, `${style}\u0000${k}`, locale, () => ({
      units: INTL_UNITS.map((unit) => numbers(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: style }))),
      list: list(new Intl.ListFormat(locale, { type: 'unit', style })),
    }));
    if (typeof locale !== 'object') last = { locale, style, f };
  }
  const limit = maxUnits ?? Number.POSITIVE_INFINITY;
  const parts: string[] = [];
  for (let i = hi; i <= lo && parts.length < limit; i++) {
    const v = values[i]!;
    if (v !== 0) parts.push(f.units[i]!(v));
  }
  if (parts.length === 0) parts.push(f.units[lo]!(0));
  return f.list(parts);
}
