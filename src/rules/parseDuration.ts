import { Duration } from 'luxon';
import { issueAt, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import type { DurationSpec } from '../model/units.js';

/**
 * A duration range read from words like "10 or 12 days": an uncertain deadline's two ends.
 *
 * @example
 * const window: DurationRange = { earliest: { days: 10 }, latest: { days: 12 } };
 */
export interface DurationRange {
  readonly earliest: DurationSpec;
  readonly latest: DurationSpec;
}

type Unit = keyof DurationSpec;

const MAX_LENGTH = 1_000;
const NUM = '[+-]?\\d+(?:[.,]\\d+)?';
/** An ISO 8601 duration: each part a number and its designator, at least one part, `T` only before a time part. */
const ISO_DURATION = /* @__PURE__ */ (() =>
  new RegExp(`^[+-]?P(?=[+-]?\\d|T[+-]?\\d)(?:${NUM}Y)?(?:${NUM}M)?(?:${NUM}W)?(?:${NUM}D)?(?:T(?=[+-]?\\d)(?:${NUM}H)?(?:${NUM}M)?(?:${NUM}S)?)?$`, 'i'))();
const LEAD_WORDS: ReadonlySet<string> = new Set(['within', 'in', 'for']);

/** The words of each unit; the second is the unit's own name. */
const UNITS: Record<string, Unit> = /* @__PURE__ */ (() => {
  const out: Record<string, Unit> = {};
  for (const line of 'year years yr yrs y|month months mo mos|week weeks wk wks w|day days d|hour hours hr hrs h|minute minutes min mins m|second seconds sec secs s|millisecond milliseconds ms'.split('|')) {
    const names = line.split(' ');
    for (const name of names) out[name] = names[1] as Unit;
  }
  return out;
})();

const SMALL: Record<string, number> = /* @__PURE__ */ (() => {
  const out: Record<string, number> = {};
'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
  .split(' ')
  .forEach((w, i) => {
    out[w] = i;
  });
  return out;
})();
const TENS: Record<string, number> = /* @__PURE__ */ (() => {
  const out: Record<string, number> = {};
'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').forEach((w, i) => {
  out[w] = (i + 2) * 10;
});
  return out;
})();
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000 };

interface Token {
  readonly text: string;
  readonly at: number;
}

/** Splits into words, numbers and signs in one pass (no regular expression, so no backtracking). */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const kind = (ch: string) =>
    (ch >= '0' && ch <= '9') || ch === '.' ? 'digit' : (ch >= 'a' && ch <= 'z') || ch === '’' || ch === "'" ? 'letter' : ch.trim() === '' ? 'space' : 'sign';
  const lower = text.toLowerCase();
  while (i < lower.length) {
    const k = kind(lower[i] as string);
    if (k === 'space') {
      i++;
      continue;
    }
    let j = i + 1;
    if (k !== 'sign') while (j < lower.length && kind(lower[j] as string) === k) j++;
    tokens.push({ text: lower.slice(i, j), at: i });
    i = j;
  }
  return tokens;
}

/** Refuses the text with one problem, as `INVALID_DURATION` at the text itself. */
function refuse(p: Problem): never {
  throw new UltimatumError([issueAt('INVALID_DURATION', [], p)]);
}

class Reader {
  i = 0;
  constructor(
    readonly tokens: Token[],
    readonly source: string,
  ) {}
  peek(offset = 0): string | undefined {
    return this.tokens[this.i + offset]?.text;
  }
  fail(expected: string): never {
    const token = this.tokens[this.i];
    refuse(token === undefined ? messages.durationWordsEnd(this.source, expected) : messages.durationWord(this.source, token.text, token.at, expected));
  }
}

/** Reads a number: digits ("1.5", "1,000"), words ("forty-eight", "one hundred and twenty"), "a"/"an". */
function readNumber(r: Reader): number | undefined {
  const t = r.peek();
  if (t === undefined) return undefined;
  if (t[0] !== undefined && ((t[0] >= '0' && t[0] <= '9') || t[0] === '.')) {
    let digits = t;
    // Thousands separators: "1,000".
    while (r.peek(1) === ',' && /^\d{3}$/.test(r.peek(2) ?? '') && !digits.includes('.')) {
      digits += r.peek(2);
      r.i += 2;
    }
    const value = Number(digits);
    if (!Number.isFinite(value)) r.fail('a number');
    r.i++;
    return value;
  }
  if (t === 'a' || t === 'an') {
    r.i++;
    return 1;
  }
  let total = 0;
  let current = 0;
  let any = false;
  for (;;) {
    const w = r.peek();
    if (w === undefined) break;
    if (SMALL[w] !== undefined) current += SMALL[w] as number;
    else if (TENS[w] !== undefined) {
      current += TENS[w] as number;
      // "forty-eight"
      if (r.peek(1) === '-' && SMALL[r.peek(2) ?? ''] !== undefined && (SMALL[r.peek(2) ?? ''] as number) < 10) {
        current += SMALL[r.peek(2) as string] as number;
        r.i += 2;
      }
    } else if (SCALES[w] !== undefined && any) {
      if (w === 'hundred') current *= 100;
      else {
        total += current * 1_000;
        current = 0;
      }
    } else if (
      w === 'and' &&
      any &&
      (SMALL[r.peek(1) ?? ''] !== undefined || TENS[r.peek(1) ?? ''] !== undefined) &&
      (current > 0 ? current % 100 === 0 : total > 0)
    ) {
      // "one hundred and twenty", "one thousand and five" (but "two days and three hours" ends the
      // number at "days", and "twenty and five" is not a number)
    } else break;
    any = true;
    r.i++;
  }
  return any ? total + current : undefined;
}

/** Reads a unit word; "business day(s)" / "working day(s)" / "calendar day(s)" are two words. */
function readUnit(r: Reader): Unit | undefined {
  const w = r.peek();
  if (w === undefined) return undefined;
  if ((w === 'business' || w === 'working') && (r.peek(1) === 'day' || r.peek(1) === 'days')) {
    r.i += 2;
    return 'businessDays';
  }
  if (w === 'calendar' && (r.peek(1) === 'day' || r.peek(1) === 'days')) {
    r.i += 2;
    return 'days';
  }
  if (w === 'fortnight' || w === 'fortnights') {
    r.i++;
    return 'weeks2' as Unit;
  }
  const unit = UNITS[w];
  if (unit !== undefined) r.i++;
  return unit;
}

function addTerm(spec: Record<string, number>, unit: Unit, value: number, r: Reader): void {
  const [key, factor] = (unit as string) === 'weeks2' ? ['weeks', 2] : [unit, 1];
  if (spec[key] !== undefined) {
    refuse(messages.durationRepeatedUnit(r.source, key));
  }
  spec[key] = value * factor;
}

function expectNumber(r: Reader): number {
  return readNumber(r) ?? r.fail('a number');
}

function expectUnit(r: Reader): Unit {
  return readUnit(r) ?? r.fail('a unit (days, weeks, hours, business days…)');
}

/**
 * Reads a duration written as ISO 8601 (`P50D`, `PT48H`) or in English words — "50 days",
 * "fifty days", "forty-eight hours", "two weeks", "a month", "1.5 hours", "2 days, 3 hours",
 * "10 business days" / "10 working days" — or a range: "10 or 12 days", "10-12 days",
 * "10 to 12 days", "between 10 and 12 days". It reads in one pass, in time linear in the length
 * (longer than 1 000 characters is refused at once), and an error points at the word it could
 * not read.
 *
 * @example
 * parseDuration('fifty days') //=> { days: 50 }
 * parseDuration('10 or 12 days') //=> { earliest: { days: 10 }, latest: { days: 12 } }
 * parseDuration('P1DT12H') //=> { days: 1, hours: 12 }
 * @throws {UltimatumError} `INVALID_DURATION`, e.g. `"50 dayz": "dayz" (at character 4) is not …`.
 */
export function parseDuration(text: string): DurationSpec | DurationRange {
  if (typeof text !== 'string') {
    refuse(messages.expectedType('a string'));
  }
  if (text.length > MAX_LENGTH) {
    refuse(messages.tooLong(MAX_LENGTH));
  }
  const trimmed = text.trim();
  if (/^[+-]?p/i.test(trimmed)) {
    const iso = Duration.fromISO(trimmed);
    // luxon reads "P", "PT", "P1" and "PT1H2" as valid; ISO 8601 wants a number and its designator, at least once.
    if (!iso.isValid || !ISO_DURATION.test(trimmed)) refuse(messages.invalidIsoDuration(text));
    const out: Record<string, number> = {};
    for (const [unit, value] of Object.entries(iso.toObject())) {
      if (value === undefined) continue;
      if (value < 0) refuse(messages.negativeDuration(text));
      out[unit] = value;
    }
    return out as DurationSpec;
  }
  const r = new Reader(tokenize(trimmed), text);
  // News text writes "within 30 days", "in 10 days", "for 60 days": the word before the duration says nothing more.
  if (LEAD_WORDS.has(r.peek() ?? '')) r.i++;
  if (r.peek() === undefined) r.fail('a duration');
  let result: DurationSpec | DurationRange;
  if (r.peek() === 'between') {
    r.i++;
    const a = expectNumber(r);
    const unitA = readUnit(r);
    if (r.peek() !== 'and') r.fail('"and"');
    r.i++;
    const b = expectNumber(r);
    const unit = expectUnit(r);
    result = range(a, unitA ?? unit, b, unit, r);
  } else {
    const first = expectNumber(r);
    const firstUnit = readUnit(r);
    const sep = r.peek();
    if (firstUnit === undefined || sep === 'or' || sep === 'to' || sep === '-' || sep === '–') {
      if (sep !== 'or' && sep !== 'to' && sep !== '-' && sep !== '–') r.fail('a unit (days, weeks, hours, business days…)');
      r.i++;
      const b = expectNumber(r);
      const unit = expectUnit(r);
      result = range(first, firstUnit ?? unit, b, unit, r);
    } else {
      const spec: Record<string, number> = {};
      addTerm(spec, firstUnit, first, r);
      while (r.peek() !== undefined) {
        if (r.peek() === ',') {
          r.i++;
          if (r.peek() === 'and') r.i++; // ", and"
        } else if (r.peek() === 'and') r.i++;
        const value = expectNumber(r);
        addTerm(spec, expectUnit(r), value, r);
      }
      if (spec.businessDays !== undefined && Object.keys(spec).length > 1) {
        refuse(messages.businessDaysAlone());
      }
      result = spec as DurationSpec;
    }
  }
  if (r.peek() !== undefined) r.fail('the end');
  return result;
}

/** Rough lengths, only to tell which end of a range is the shorter one. */
const ROUGH_MS: Record<string, number> = {
  years: 365.25 * 86_400_000,
  months: 30.44 * 86_400_000,
  weeks: 7 * 86_400_000,
  days: 86_400_000,
  businessDays: 1.4 * 86_400_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
  milliseconds: 1,
};

function roughMs(spec: Record<string, number>): number {
  return Object.entries(spec).reduce((sum, [unit, value]) => sum + value * (ROUGH_MS[unit] ?? 0), 0);
}

function range(a: number, unitA: Unit, b: number, unitB: Unit, r: Reader): DurationRange {
  const earliest: Record<string, number> = {};
  const latest: Record<string, number> = {};
  addTerm(earliest, unitA, a, r);
  addTerm(latest, unitB, b, r);
  if (roughMs(earliest) > roughMs(latest)) {
    refuse(messages.rangeOrder(r.source));
  }
  return { earliest: earliest as DurationSpec, latest: latest as DurationSpec };
}
