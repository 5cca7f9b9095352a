/**
 * ultimatum/holidays — business calendars from the `date-holidays` package (an optional peer
 * dependency). Only this subpath loads it: `import … from 'ultimatum'` never does.
 */
import { createRequire } from 'node:module';
import * as z from 'zod/mini';
import { issueAt, UltimatumError } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { BusinessCalendarSchema } from '../model/schemas.js';
import { because, parseWith } from '../model/zodIssues.js';
import { type BusinessCalendar, createCalendar } from '../rules/businessDays.js';

/**
 * The kinds of holiday date-holidays knows, from a day off for all (`public`) to a day merely marked (`observance`).
 *
 * @example
 * const types: HolidayType[] = ['public', 'optional'];
 * holidayCalendar('US', undefined, { types, years: [2025, 2025] }).holidays.includes('2025-12-24') //=> true
 */
export type HolidayType = 'public' | 'bank' | 'school' | 'optional' | 'observance';

/**
 * Options of `holidayCalendar`: which holidays, which years, which weekend; all optional.
 *
 * @example
 * const options: HolidayCalendarOptions = { types: ['public'], years: [2025, 2026], weekend: [5, 6] };
 * holidayCalendar('AE', undefined, options).weekend //=> [5, 6]
 */
export interface HolidayCalendarOptions {
  /** Which holidays make a day off. Default `['public']`. */
  types?: readonly HolidayType[];
  /** First and last year (inclusive) whose holidays are listed. Default `[2000, 2050]`. */
  years?: readonly [from: number, to: number];
  /** Weekend days, ISO weekday numbers (1 = Monday … 7 = Sunday). Default `[6, 7]`. */
  weekend?: readonly number[];
}

const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
const DEFAULT_YEARS = [2000, 2050] as const;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
const MAX_SPAN = 200;
const DAY_MS = 86_400_000;
const CACHE_MAX = 32;

const year = /* @__PURE__ */ (() => z.int().check(z.minimum(MIN_YEAR), z.maximum(MAX_YEAR)))();
const OptionsSchema = /* @__PURE__ */ (() => z.strictObject({
  types: z.optional(z.array(z.enum(HOLIDAY_TYPES)).check(z.minLength(1))),
  years: z.optional(
    z.tuple([year, year]).check(z.refine(([from, to]) => from <= to && to - from < MAX_SPAN, because(messages.holidayYears(MAX_SPAN)))),
  ),
  weekend: BusinessCalendarSchema.shape.weekend,
}))();

/** The part of date-holidays' holiday object read here. */
interface RawHoliday {
  /** Start, wall clock in the country's zone: `YYYY-MM-DD hh:mm:ss`, then ` -0600` when it starts the evening before. */
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
  readonly type: string;
}

/** The part of date-holidays' `Holidays` class used here. */
interface DateHolidays {
  getHolidays(year: number): readonly RawHoliday[];
  getCountries(): Record<string, string>;
  getStates(country: string): Record<string, string> | undefined;
  getRegions(country: string, state: string): Record<string, string> | undefined;
}
type DateHolidaysClass = new (...args: unknown[]) => DateHolidays;

/*
 * How date-holidays is loaded: on first use, synchronously, with a `require` made for this file.
 *
 * - A static `import Holidays from 'date-holidays'` fails as soon as this module is imported,
 *   before any of our code runs, with Node's own ERR_MODULE_NOT_FOUND (MODULE_NOT_FOUND in the
 *   CJS build): no `UltimatumError`, and no way for a caller to test for the package first.
 * - `await import('date-holidays')` would make `holidayCalendar` async, and top-level await does
 *   not exist in the CJS build.
 * - A bare `require` does not survive the build: esbuild turns it into a `__require` shim that, in
 *   the ESM build, is a function that throws "Dynamic require … is not supported".
 * - So: `createRequire(here)('date-holidays')` inside a try. `here` is `import.meta.url` in the
 *   ESM build; in the CJS build tsup's tree-shaking pass (rollup) rewrites `import.meta.url` to
 *   this file's URL, and were that pass dropped, `import.meta` would be empty and `__filename`
 *   (CJS only) takes over. Both builds resolve date-holidays from where ultimatum is installed and
 *   load date-holidays' CJS build. `scripts/check-package.mjs` checks both builds, with and
 *   without date-holidays installed.
 *
 * This subpath is for Node (it imports `node:module`); the main entry has no such import. Only
 * "cannot find date-holidays itself" becomes UNSUPPORTED; any other failure (a broken install, a
 * missing dependency of date-holidays) is rethrown as it is.
 */
function nodeRequire(): (id: string) => unknown {
  const here: string | undefined = import.meta.url ?? (typeof __filename === 'string' ? __filename : undefined);
  return createRequire(here as string);
}

let loaded: DateHolidaysClass | undefined;

function isMissing(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 'MODULE_NOT_FOUND' && String(e.message).includes("'date-holidays'");
}

function loadDateHolidays(): DateHolidaysClass {
  if (loaded !== undefined) return loaded;
  let mod: unknown;
  try {
    mod = nodeRequire()('date-holidays');
  } catch (error) {
    if (isMissing(error)) {
      throw new UltimatumError([{ code: 'UNSUPPORTED', path: [], ...messages.holidaysNotInstalled() }]);
    }
    throw error;
  }
  const ctor = typeof mod === 'function' ? mod : (mod as { default?: unknown } | null)?.default;
  if (typeof ctor !== 'function') {
    throw new UltimatumError([{ code: 'UNSUPPORTED', path: [], ...messages.holidaysUnreadable('its export is not a class') }]);
  }
  loaded = ctor as DateHolidaysClass;
  return loaded;
}

function findKey(known: Record<string, string> | undefined, code: string): string | undefined {
  return Object.keys(known ?? {}).find((k) => k.toUpperCase() === code.toUpperCase());
}

function invalid(path: string, p: Problem): never {
  throw new UltimatumError([issueAt('INVALID_INPUT', [path], p)]);
}

let registry: DateHolidays | undefined;

/** Country, state and region keys as date-holidays spells them, or an error at `country`/`region`. */
function resolvePlace(Holidays: DateHolidaysClass, country: string, region: string | undefined): string[] {
  registry ??= new Holidays();
  const all = registry;
  const c = findKey(all.getCountries(), country.trim());
  if (c === undefined) invalid('country', messages.unknownHolidayCountry(country));
  if (region === undefined) return [c];
  // `BY`, or a state and one of its regions: `BY-A` / `BY.A` (Augsburg), as date-holidays writes them.
  const [state = '', sub, ...rest] = region.trim().split(/[.-]/);
  const states = all.getStates(c);
  const s = findKey(states, state);
  if (s === undefined || rest.length > 0) invalid('region', messages.unknownHolidayRegion(region, c, Object.keys(states ?? {})));
  if (sub === undefined) return [c, s];
  const regions = all.getRegions(c, s);
  const r = findKey(regions, sub);
  if (r === undefined) invalid('region', messages.unknownHolidayRegion(region, c, Object.keys(regions ?? {}).map((k) => `${s}-${k}`)));
  return [c, s, r];
}

const WALL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/;

/**
 * The dates a holiday makes a day off, as epoch days.
 *
 * The day comes from `date`, the wall clock in the country's zone as date-holidays computed it,
 * never from the `start` instant read in this machine's zone. `end - start` gives the length;
 * counted from the nominal start, this also undoes the "-0600" of Islamic and Hebrew holidays,
 * which start at 18:00 the evening before the date they are named for.
 *
 * A day counts when the holiday covers more than half of it, so an evening-only holiday
 * (Christmas Eve from 19:00) is not a day off while a 3-day holiday is three; the slack also
 * absorbs the hour by which a DST change or a midnight gap can move `start` or `end`.
 */
function daysOf(h: RawHoliday): number[] {
  const m = WALL.exec(h.date);
  const length = h.end.getTime() - h.start.getTime();
  if (m === null || !Number.isFinite(length) || length <= 0) {
    throw new UltimatumError([{ code: 'UNSUPPORTED', path: [], ...messages.holidaysUnreadable(`a holiday dated ${JSON.stringify(h.date)}`) }]);
  }
  const [y, mo, d, hh, mi, ss] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const start = Date.UTC(y, mo - 1, d, hh, mi, ss);
  const end = start + length;
  const days: number[] = [];
  for (let day = Math.floor(start / DAY_MS); day * DAY_MS < end; day++) {
    const covered = Math.min(end, (day + 1) * DAY_MS) - Math.max(start, day * DAY_MS);
    if (covered > DAY_MS / 2) days.push(day);
  }
  return days;
}

function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const cache = new Map<string, BusinessCalendar>();

/**
 * A business calendar of a country's (or region's) holidays, taken from date-holidays.
 *
 * date-holidays is an optional peer dependency: `npm install date-holidays`.
 *
 * - `country`: ISO 3166-1 alpha-2 code (`'US'`, `'DE'`); `region`: a subdivision code as
 *   date-holidays lists it (`'BY'` for Bavaria, `'CA'` for California), or a state and one of its
 *   regions (`'BY-A'`, Augsburg). Case does not matter.
 * - Public holidays only by default; `types` widens that (e.g. `['public', 'bank']`). Substitute
 *   (observed) days count when date-holidays gives them a listed type: for US federal holidays
 *   it marks Fri 3 July 2026 (4 July is a Saturday) public, as 5 U.S.C. 6103(b) does — the day
 *   FRCP 6(a)(6) treats as the legal holiday. The Saturday itself stays listed.
 * - Each date is the holiday's calendar date in the country's own zone, whatever this machine's
 *   zone. A holiday of several days lists each of them; one that covers only part of a day
 *   (Christmas Eve from 19:00 in the Northern Territory) lists the days it covers for more than
 *   half. Islamic and Hebrew holidays, which begin the evening before, list the dates they are
 *   named for.
 * - `years` defaults to 2000–2050, the same on every machine and every day. A year costs about
 *   4 ms for most countries (the default window: ~0.2 s for US, DE-BY, GB-ENG, AE) and up to
 *   ~40 ms where holidays follow a lunisolar calendar (CN ~1–2 s, KR ~1 s); loading date-holidays
 *   adds ~0.2 s once. Outside the window no day is a holiday, silently: pass `years` for earlier
 *   or later dates (at most 200 years at once), or a narrower window to save time.
 * - The weekend defaults to Saturday and Sunday for every country; pass `weekend` (e.g. `[5, 6]`)
 *   where it differs. date-holidays has no weekend data.
 *
 * The result is an ordinary frozen `BusinessCalendar`, usable with `addBusinessDays` and in
 * ultimatums, and storable as JSON. Calls with the same arguments return the same object.
 *
 * @example
 * import { addBusinessDays } from 'ultimatum';
 * import { holidayCalendar } from 'ultimatum/holidays';
 *
 * const us = holidayCalendar('US', undefined, { years: [2025, 2026] });
 * us.holidays.includes('2025-07-04') //=> true
 * addBusinessDays('2025-07-02', 2, us).toISODate() //=> '2025-07-07'
 * // Epiphany (6 January) is a holiday in Bavaria, not in Berlin:
 * holidayCalendar('DE', 'BY').holidays.includes('2025-01-06') //=> true
 * holidayCalendar('DE', 'BE').holidays.includes('2025-01-06') //=> false
 * @throws {UltimatumError} `UNSUPPORTED` when date-holidays is not installed; `INVALID_INPUT` at
 * `country`, `region` or `options…` for an unknown place or a bad option.
 */
export function holidayCalendar(
  country: string,
  region?: string | undefined,
  options: HolidayCalendarOptions = {},
): BusinessCalendar {
  if (typeof country !== 'string') invalid('country', country === undefined ? messages.required() : messages.expectedType('a string'));
  if (region !== undefined && typeof region !== 'string') invalid('region', messages.expectedType('a string'));
  const parsed = parseWith(OptionsSchema, options ?? {}, ['options']);
  // `years` here is a span of calendar years, not a duration: no INVALID_DURATION code.
  if (!parsed.success) throw new UltimatumError(parsed.issues.map((issue) => ({ ...issue, code: 'INVALID_INPUT' })));
  const types = [...new Set(parsed.data.types ?? ['public'])].sort();
  const [from, to] = parsed.data.years ?? DEFAULT_YEARS;
  const weekend = parsed.data.weekend;
  const key = JSON.stringify([country.trim().toUpperCase(), region?.trim().toUpperCase(), types, from, to, weekend]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  const Holidays = loadDateHolidays();
  const place = resolvePlace(Holidays, country, region);
  // Every type, filtered below: given `types`, date-holidays drops the other rules, and a rule that
  // refers to one of them goes wrong (Glarus's Näfelser Fahrt moves off Maundy Thursday, an observance).
  const hd = new Holidays(...place);
  const first = Date.UTC(from, 0, 1) / DAY_MS;
  const last = Date.UTC(to, 11, 31) / DAY_MS;
  const days = new Set<number>();
  // From the year before: a holiday of several days may begin on 30 December.
  for (let y = from - 1; y <= to; y++) {
    for (const h of hd.getHolidays(y)) {
      if (!(types as string[]).includes(h.type)) continue;
      for (const day of daysOf(h)) if (day >= first && day <= last) days.add(day);
    }
  }
  const calendar = createCalendar({
    ...(weekend === undefined ? {} : { weekend }),
    holidays: [...days].sort((a, b) => a - b).map(isoDateOf),
  });
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, calendar);
  return calendar;
}
