import { DateTime, type IANAZone } from 'luxon';
import * as messages from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { temporalInstant } from '../model/temporal.js';
import type { IssueList, Path } from './issues.js';
import { instantOfWallClock, startOfWallDay } from './localTime.js';
import { isCommonIsoOf, readCommonIso, writeCommonIso } from './isoText.js';
import { inSupportedRange, timeOfDate } from './instantRange.js';
import { offsetMs, zoneFor } from './zone.js';

export { inSupportedRange, MAX_MS, MIN_MS } from './instantRange.js';

const DAY_MS = 86_400_000;

/**
 * How a date-only string is read: `start` of that day (issue instants, event instants, `from`)
 * or `end` of it, i.e. the start of the next day (deadline instants: "on or before 2 September").
 */
export type DateOnlyMeaning = 'start' | 'end';

const MAX_ISO_LENGTH = 64;
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
/** An RFC 9557 time-zone annotation, as Temporal writes it: `…T09:00+01:00[Europe/Paris]`. */
export const ZONE_ANNOTATION = /\[!?([^\]=]*)\]$/;
/**
 * A whole calendar date (calendar, week or ordinal form), alone or before `T`. Partial dates
 * ("2025-02") and bare times ("12:00") are refused: luxon would read them as the 1st of the
 * month or as today, and an instant must not depend on the day the code runs.
 */
const WHOLE_DATE = /^(?:[+-]\d{6}|\d{4})(?:-\d{2}-\d{2}|\d{4}|-?W\d{2}-?\d|-?\d{3})(?:$|[tT])/;

/**
 * True for a calendar date without a time (`2025-09-02`, `20250902`, `2025-W36-2`, `2025-245`).
 *
 * @example
 * isDateOnly('2025-09-02') //=> true
 * isDateOnly('2025-09-02T12:00') //=> false
 */
export function isDateOnly(text: string): boolean {
  // A date in another zone (`2025-09-02[Asia/Tokyo]`) is an instant here, stored with an offset.
  return !/[tT\s[]/.test(text);
}

/**
 * Reads a `DateInput` as epoch milliseconds in `zone`; on a bad input records the problem at
 * `path` and returns `undefined`. Strings without an offset are wall-clock times in `zone`.
 *
 * @example
 * toEpochMs('2025-07-14T12:00', zoneFor('America/New_York')!, 'start', ['issuedAt'], issues) //=> 1752508800000
 */
export function toEpochMs(
  input: unknown,
  zone: IANAZone,
  dateOnly: DateOnlyMeaning,
  path: Path,
  issues: IssueList,
): number | undefined {
  let ms: number;
  if (typeof input === 'string') {
    if (input.length > MAX_ISO_LENGTH) return issues.add('INVALID_DATE', path, messages.tooLong(MAX_ISO_LENGTH));
    const parsed = readIsoString(input, zone, dateOnly);
    if (typeof parsed === 'string') return issues.add('INVALID_DATE', path, messages.invalidDate(input, parsed));
    if (typeof parsed === 'object') {
      // The specific reason, in the words of an invalid date.
      const { message } = messages.invalidDate(input, parsed.message);
      return issues.add('INVALID_DATE', path, { ...parsed, params: { ...parsed.params, text: input }, message });
    }
    ms = parsed;
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) return issues.add('INVALID_DATE', path, messages.epochOutOfRange());
    ms = Math.trunc(input);
  } else if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
    ms = timeOfDate(input);
    if (Number.isNaN(ms)) return issues.add('INVALID_DATE', path, messages.invalidDateObject());
  } else if (DateTime.isDateTime(input)) {
    // isDateTime only checks a flag, which a plain JSON object can carry too.
    if (typeof input.toMillis !== 'function') return issues.add('INVALID_DATE', path, messages.notLuxon('DateTime'));
    if (!input.isValid) return issues.add('INVALID_DATE', path, messages.invalidDateTime(input.invalidReason ?? 'invalid'));
    // luxon keeps a fraction of a millisecond (`fromMillis(0.5)`); instants here are whole ms, as a number's are.
    ms = Math.trunc(input.toMillis());
  } else {
    const temporal = temporalInstant(input);
    if (temporal === undefined) return issues.add('INVALID_INPUT', path, messages.expectedDate());
    if (typeof temporal === 'string') return toEpochMs(temporal, zone, dateOnly, path, issues);
    ms = Math.trunc(temporal);
  }
  if (!inSupportedRange(ms)) return issues.add('OUT_OF_RANGE', path, messages.instantOutOfRange());
  return ms;
}

/**
 * Reads a string with a zone annotation in that zone. An offset, when present, fixes the instant
 * and must be the zone's offset then (as Temporal requires); `Z` only says the offset is unknown.
 */
function readAnnotated(text: string, annotation: RegExpExecArray, dateOnly: DateOnlyMeaning): number | string | Problem {
  const name = annotation[1] as string;
  const named = zoneFor(name);
  if (named === undefined) return messages.unknownZoneAnnotation(name);
  const bare = text.slice(0, annotation.index);
  if (bare.includes('[')) return messages.unsupportedAnnotation();
  const ms = readIsoString(bare, named, dateOnly);
  if (typeof ms !== 'number' || /[zZ]$/.test(bare) || !HAS_OFFSET.test(bare) || isDateOnly(bare)) return ms;
  const written = DateTime.fromISO(bare, { setZone: true }).offset;
  return written === named.offset(ms) ? ms : messages.offsetNotOfZone(name);
}

/** Parses one ISO 8601 string; returns epoch ms, or the reason it is invalid. */
function readIsoString(text: string, zone: IANAZone, dateOnly: DateOnlyMeaning): number | string | Problem {
  // Only a text ending in `]` can hold an annotation: the common text skips the regex.
  const annotation = text.charCodeAt(text.length - 1) === 93 ? ZONE_ANNOTATION.exec(text) : null;
  if (annotation !== null) return readAnnotated(text, annotation, dateOnly);
  if (text.includes('[')) return messages.unsupportedAnnotation();
  const common = readCommonIso(text);
  if (common !== undefined) {
    const { wallMs, offsetMs } = common;
    if (common.dateOnly) return startOfWallDay(dateOnly === 'start' ? wallMs : wallMs + DAY_MS, zone);
    return offsetMs === undefined ? instantOfWallClock(wallMs, zone) : wallMs - offsetMs;
  }
  if (!WHOLE_DATE.test(text)) return messages.wholeDateExpected();
  if (!isDateOnly(text) && HAS_OFFSET.test(text)) {
    const dt = DateTime.fromISO(text, { setZone: true });
    return dt.isValid ? dt.toMillis() : (dt.invalidExplanation ?? dt.invalidReason ?? 'unparsable');
  }
  // No offset: read the wall-clock fields in UTC, where nothing is skipped or repeated.
  const wall = DateTime.fromISO(text, { zone: 'utc' });
  if (!wall.isValid) return wall.invalidExplanation ?? wall.invalidReason ?? 'unparsable';
  const wallMs = wall.toMillis();
  if (!isDateOnly(text)) return instantOfWallClock(wallMs, zone);
  // The end of a day is the start of the next, even where the day itself was skipped.
  return startOfWallDay(dateOnly === 'start' ? wallMs : wallMs + DAY_MS, zone);
}

/**
 * The stored form of an instant: ISO 8601 with the zone's offset, milliseconds only when non-zero.
 * An offset with seconds (local mean time, Monrovia's −0:44:30 until 1972) has no ISO 8601 form:
 * such an instant is written in UTC (`+00:00`), the one text that reads back the same instant.
 *
 * @example
 * isoInZone(1752508800000, 'America/New_York') //=> '2025-07-14T12:00:00-04:00'
 */
export function isoInZone(ms: number, zone: IANAZone): string {
  const offset = offsetMs(zone, ms);
  return (
    writeCommonIso(ms, offset % 60_000 === 0 ? offset : 0) ??
    (DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) as string)
  );
}

/**
 * Whether `text` is the stored form of `ms` in `zone` (what `isoInZone` writes), found without
 * writing it in the common forms.
 *
 * @example
 * isIsoInZone('2025-07-14T12:00:00-04:00', 1752508800000, zone) //=> true
 */
export function isIsoInZone(text: string, ms: number, zone: IANAZone): boolean {
  const offset = offsetMs(zone, ms);
  return isCommonIsoOf(text, ms, offset % 60_000 === 0 ? offset : 0) ?? text === isoInZone(ms, zone);
}
