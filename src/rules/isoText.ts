import { civilOfEpochDay, DAY_MS, daysInMonth, epochDayOfCivil } from './civil.js';

/**
 * The common ISO 8601 forms read and written with integer arithmetic: what `createUltimatum`
 * and `parseUltimatum` meet nearly always (`2025-07-14`, `2025-07-14T12:00`,
 * `2025-07-14T12:00:00.5-04:00`). Anything else (week and ordinal dates, basic format, 24:00,
 * commas, long fractions, years past 9999) goes to luxon, which stays the reference: these give
 * exactly what luxon's `fromISO` and `toISO` give.
 */

/**
 * A common ISO 8601 string read as fields: its wall-clock ms (read as if UTC) and its offset in
 * ms, `undefined` when it has none; `undefined` for a string outside the common forms or with a
 * field out of range (left for luxon to read or refuse).
 *
 * @example
 * readCommonIso('2025-07-14T12:00-04:00') //=> { wallMs: Date.UTC(2025, 6, 14, 12), offsetMs: -14_400_000, dateOnly: false }
 */
export function readCommonIso(text: string): { wallMs: number; offsetMs: number | undefined; dateOnly: boolean } | undefined {
  // By character codes, not a regular expression: this runs for every instant of every document.
  const n = text.length;
  if (n !== 10 && n < 16) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const dateMs = epochDayOfCivil(year, month, day) * DAY_MS;
  if (n === 10) return { wallMs: dateMs, offsetMs: undefined, dateOnly: true };
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (text.charCodeAt(10) !== T || text.charCodeAt(13) !== COLON || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let at = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(at) === COLON) {
    second = digits(text, at + 1, 2);
    if (second < 0 || second > 59) return undefined;
    at += 3;
    if (text.charCodeAt(at) === DOT) {
      let end = at + 1;
      while (end < n && end - at <= 4 && isDigit(text.charCodeAt(end))) end++;
      if (end === at + 1 || end - at > 4) return undefined;
      // As luxon reads a fraction, so that both give the same millisecond.
      millis = Math.floor(Number.parseFloat(`0.${text.slice(at + 1, end)}`) * 1000);
      at = end;
    }
  }
  const wallMs = dateMs + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  if (at === n) return { wallMs, offsetMs: undefined, dateOnly: false };
  if (text.charCodeAt(at) === Z && at + 1 === n) return { wallMs, offsetMs: 0, dateOnly: false };
  const sign = text.charCodeAt(at);
  if ((sign !== PLUS && sign !== MINUS) || at + 6 !== n || text.charCodeAt(at + 3) !== COLON) return undefined;
  const offsetHours = digits(text, at + 1, 2);
  const offsetMinutes = digits(text, at + 4, 2);
  if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return undefined;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return { wallMs, offsetMs: sign === MINUS ? -offset : offset, dateOnly: false };
}

const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;
const PLUS = 43;
const MINUS = 45;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** The number written by `count` digits from `at`, or -1 if one of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The fields of an instant as written at an offset of whole minutes, years 0–9999; else undefined. */
function fieldsAt(ms: number, offsetMs: number) {
  if (offsetMs % 60_000 !== 0) return undefined;
  const wall = ms + offsetMs;
  const epochDay = Math.floor(wall / DAY_MS);
  const { year, month, day } = civilOfEpochDay(epochDay);
  if (year < 0 || year > 9999) return undefined;
  let rest = wall - epochDay * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const offsetMinutes = Math.abs(offsetMs) / 60_000;
  return { year, month, day, hour, minute, second, millis: rest - second * 1000, offsetHours: Math.floor(offsetMinutes / 60), offsetMinutes: offsetMinutes % 60, negative: offsetMs < 0 };
}

/**
 * An instant written as luxon's `toISO({ suppressMilliseconds: true })` writes it in an IANA zone
 * with that offset (`+00:00`, never `Z`); `undefined` outside years 0–9999 or for an offset with
 * seconds (local mean time), which luxon writes its own way.
 *
 * @example
 * writeCommonIso(Date.UTC(2025, 6, 14, 16), -14_400_000) //=> '2025-07-14T12:00:00-04:00'
 */
export function writeCommonIso(ms: number, offsetMs: number): string | undefined {
  const f = fieldsAt(ms, offsetMs);
  if (f === undefined) return undefined;
  const fraction = f.millis === 0 ? '' : `.${`${f.millis}`.padStart(3, '0')}`;
  const offset = `${f.negative ? '-' : '+'}${pad2(f.offsetHours)}:${pad2(f.offsetMinutes)}`;
  return `${`${f.year}`.padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}T${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}${fraction}${offset}`;
}

/**
 * Whether `text` is what `writeCommonIso(ms, offsetMs)` writes, found without writing it (a
 * stored document's instants are nearly always written so: checking each costs no string);
 * `undefined` where that writes nothing.
 *
 * @example
 * isCommonIsoOf('2025-07-14T12:00:00-04:00', Date.UTC(2025, 6, 14, 16), -14_400_000) //=> true
 */
export function isCommonIsoOf(text: string, ms: number, offsetMs: number): boolean | undefined {
  const f = fieldsAt(ms, offsetMs);
  if (f === undefined) return undefined;
  const n = f.millis === 0 ? 25 : 29;
  const at = n - 6;
  return (
    text.length === n &&
    digits(text, 0, 4) === f.year &&
    text.charCodeAt(4) === DASH &&
    digits(text, 5, 2) === f.month &&
    text.charCodeAt(7) === DASH &&
    digits(text, 8, 2) === f.day &&
    text.charCodeAt(10) === T &&
    digits(text, 11, 2) === f.hour &&
    text.charCodeAt(13) === COLON &&
    digits(text, 14, 2) === f.minute &&
    text.charCodeAt(16) === COLON &&
    digits(text, 17, 2) === f.second &&
    (f.millis === 0 || (text.charCodeAt(19) === DOT && digits(text, 20, 3) === f.millis)) &&
    text.charCodeAt(at) === (f.negative ? MINUS : PLUS) &&
    digits(text, at + 1, 2) === f.offsetHours &&
    text.charCodeAt(at + 3) === COLON &&
    digits(text, at + 4, 2) === f.offsetMinutes
  );
}
