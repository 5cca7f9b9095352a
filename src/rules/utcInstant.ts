import * as messages from '../errors/messages.js';
import { temporalInstant } from '../model/temporal.js';
import type { IssueList, Path } from './issues.js';
import { inSupportedRange, timeOfDate } from './instantRange.js';
import { readCommonIso } from './isoText.js';

const DAY_MS = 86_400_000;
const MAX_TEXT_LENGTH = 64;

/** The flag luxon puts on every DateTime (what `DateTime.isDateTime` checks), read without luxon. */
type LuxonLike = { isLuxonDateTime?: unknown; isValid?: unknown; invalidReason?: unknown; toMillis?: unknown };

/**
 * Reads an instant without luxon or zod, for code that must stay small (`ultimatum/countdown`,
 * the `<ultimatum-countdown>` element): epoch ms, a `Date`, a luxon `DateTime`, a Temporal
 * instant or date, or text in the common ISO 8601 forms (`YYYY-MM-DD`, `YYYY-MM-DDTHH:mm[:ss[.sss]]`
 * with `Z`, an offset or neither). Text without an offset is UTC; a date-only text is the start of
 * that day in UTC, or its end (`dateOnly: 'end'`). Gives what `toEpochMs` gives in UTC for every
 * input it reads; other text is refused (`not_a_simple_instant`), never guessed.
 *
 * @example
 * readUtcInstant('2025-09-02', 'end', ['target'], issues) //=> Date.UTC(2025, 8, 3)
 */
export function readUtcInstant(input: unknown, dateOnly: 'start' | 'end', path: Path, issues: IssueList): number | undefined {
  let ms: number;
  if (typeof input === 'string') {
    if (input.length > MAX_TEXT_LENGTH) return issues.add('INVALID_DATE', path, messages.tooLong(MAX_TEXT_LENGTH));
    const common = readCommonIso(input);
    if (common === undefined) return issues.add('INVALID_DATE', path, messages.simpleInstantExpected(input));
    if (common.dateOnly) ms = dateOnly === 'start' ? common.wallMs : common.wallMs + DAY_MS;
    else ms = common.wallMs - (common.offsetMs ?? 0);
  } else if (typeof input === 'number') {
    if (!Number.isFinite(input)) return issues.add('INVALID_DATE', path, messages.epochOutOfRange());
    ms = Math.trunc(input);
  } else if (input instanceof Date || Object.prototype.toString.call(input) === '[object Date]') {
    ms = timeOfDate(input);
    if (Number.isNaN(ms)) return issues.add('INVALID_DATE', path, messages.invalidDateObject());
  } else if (typeof input === 'object' && input !== null && (input as LuxonLike).isLuxonDateTime === true) {
    const dt = input as LuxonLike;
    if (typeof dt.toMillis !== 'function') return issues.add('INVALID_DATE', path, messages.notLuxon('DateTime'));
    if (dt.isValid !== true) return issues.add('INVALID_DATE', path, messages.invalidDateTime(String(dt.invalidReason ?? 'invalid')));
    ms = (dt.toMillis as () => number).call(dt);
  } else {
    const temporal = temporalInstant(input);
    if (temporal === undefined) return issues.add('INVALID_INPUT', path, messages.expectedDate());
    if (typeof temporal === 'string') return readUtcInstant(temporal, dateOnly, path, issues);
    ms = temporal;
  }
  if (!inSupportedRange(ms)) return issues.add('OUT_OF_RANGE', path, messages.instantOutOfRange());
  return ms;
}
