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

/**
 * An instant written as luxon's `toISO({ suppressMilliseconds: true })` writes it in an IANA zone
 * with that offset (`+00:00`, never `Z`); `undefined` outside years 0–9999 or for an offset with
 * seconds (local mean time), which luxon writes its own way.
 *
 * @example
 * writeCommonIso(Date.UTC(2025, 6, 14, 16), -14_400_000) //=> '2025-07-14T12:00:00-04:00'
 */
export function writeCommonIso(ms: number, offsetMs: number): string | undefined {
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
  const millis = rest - second * 1000;
  const fraction = millis === 0 ? '' : `.${`${millis}`.padStart(3, '0')}`;
  const offsetMinutes = Math.abs(offsetMs) / 60_000;
  const sign = offsetMs < 0 ? '-' : '+';
  const offset = `${sign}${pad2(Math.floor(offsetMinutes / 60))}:${pad2(offsetMinutes % 60)}`;
  return `${`${year}`.padStart(4, '0')}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${fraction}${offset}`;
}

/** The wall-clock ms of 0000-01-01 and of 10000-01-01: the years `writeCommonIso` writes. */
const FIRST_WALL = -62_167_219_200_000;
const PAST_WALL = 253_402_300_800_000;

/**
 * Whether `text` is what `writeCommonIso(ms, offsetMs)` writes, found without writing it (a
 * stored document's instants are nearly always written so: checking each costs no string): its
 * form, seconds always and milliseconds only when not zero, then what it reads as;
 * `undefined` where that writes nothing.
 *
 * @example
 * isCommonIsoOf('2025-07-14T12:00:00-04:00', Date.UTC(2025, 6, 14, 16), -14_400_000) //=> true
 */
export function isCommonIsoOf(text: string, ms: number, offsetMs: number): boolean | undefined {
  const wall = ms + offsetMs;
  if (offsetMs % 60_000 !== 0 || !(wall >= FIRST_WALL && wall < PAST_WALL)) return undefined;
  const fraction = wall % 1000 !== 0;
  const n = text.length;
  if (n !== (fraction ? 29 : 25) || text.charCodeAt(16) !== COLON || (fraction && text.charCodeAt(19) !== DOT)) return false;
  // `-00:00` reads as the offset 0, but is not how it is written.
  if (text.charCodeAt(n - 6) !== (offsetMs < 0 ? MINUS : PLUS)) return false;
  const read = readCommonIso(text);
  return read?.offsetMs === offsetMs && read.wallMs === wall;
}
