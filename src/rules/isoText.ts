import { civilOfEpochDay, daysInMonth, epochDayOfCivil } from './civil.js';

/**
 * The common ISO 8601 forms read and written with integer arithmetic: what `createUltimatum`
 * and `parseUltimatum` meet nearly always (`2025-07-14`, `2025-07-14T12:00`,
 * `2025-07-14T12:00:00.5-04:00`). Anything else (week and ordinal dates, basic format, 24:00,
 * commas, long fractions, years past 9999) goes to luxon, which stays the reference: these give
 * exactly what luxon's `fromISO` and `toISO` give.
 */
const COMMON = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const DAY_MS = 86_400_000;

/**
 * A common ISO 8601 string read as fields: its wall-clock ms (read as if UTC) and its offset in
 * ms, `undefined` when it has none; `undefined` for a string outside the common forms or with a
 * field out of range (left for luxon to read or refuse).
 *
 * @example
 * readCommonIso('2025-07-14T12:00-04:00') //=> { wallMs: Date.UTC(2025, 6, 14, 12), offsetMs: -14_400_000, dateOnly: false }
 */
export function readCommonIso(text: string): { wallMs: number; offsetMs: number | undefined; dateOnly: boolean } | undefined {
  const m = COMMON.exec(text);
  if (m === null) return undefined;
  const year = +(m[1] as string);
  const month = +(m[2] as string);
  const day = +(m[3] as string);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const dateMs = epochDayOfCivil(year, month, day) * DAY_MS;
  if (m[4] === undefined) return { wallMs: dateMs, offsetMs: undefined, dateOnly: true };
  const hour = +m[4];
  const minute = +(m[5] as string);
  const second = m[6] === undefined ? 0 : +m[6];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  // As luxon reads a fraction, so that both give the same millisecond.
  const millis = m[7] === undefined ? 0 : Math.floor(Number.parseFloat(`0.${m[7]}`) * 1000);
  const wallMs = dateMs + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
  const zone = m[8];
  if (zone === undefined) return { wallMs, offsetMs: undefined, dateOnly: false };
  if (zone === 'Z') return { wallMs, offsetMs: 0, dateOnly: false };
  const offsetHours = +zone.slice(1, 3);
  const offsetMinutes = +zone.slice(4, 6);
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return { wallMs, offsetMs: zone[0] === '-' ? -offset : offset, dateOnly: false };
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
