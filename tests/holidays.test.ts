import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { addBusinessDays, createCalendar, isBusinessDay } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';
import { thrown } from './holidaysHarness.js';

/**
 * ultimatum/holidays: business calendars from date-holidays. Facts are checked by hand against
 * the law or a calendar (noted at each); the machine-zone and "not installed" cases run in child
 * processes (`node --import tsx`), so that TZ and module resolution are theirs alone.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const adapterUrl = pathToFileURL(join(root, 'src/adapters/holidays.ts')).href;
const indexUrl = pathToFileURL(join(root, 'src/index.ts')).href;
const run = promisify(execFile);

/** Runs ESM code (TypeScript imports allowed) in a fresh Node and parses the JSON it prints last. */
async function child(code: string, env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
}

const us = holidayCalendar('US', undefined, { years: [2025, 2026] });

describe('holidayCalendar: US federal holidays', () => {
  it('lists exactly the eleven federal holidays of 2025 (5 U.S.C. 6103(a))', () => {
    // New Year Wed 1 Jan; MLK 3rd Mon of Jan; Washington 3rd Mon of Feb; Memorial last Mon of May;
    // Juneteenth Thu 19 Jun; Independence Fri 4 Jul; Labor 1st Mon of Sep; Columbus 2nd Mon of Oct;
    // Veterans Tue 11 Nov; Thanksgiving 4th Thu of Nov (27th); Christmas Thu 25 Dec.
    expect(us.holidays.filter((d) => d.startsWith('2025'))).toEqual([
      '2025-01-01',
      '2025-01-20',
      '2025-02-17',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-10-13',
      '2025-11-11',
      '2025-11-27',
      '2025-12-25',
    ]);
    expect(us.weekend).toEqual([6, 7]);
  });

  it('includes Fri 3 Jul 2026, the observed Independence Day: the legal holiday under FRCP 6(a)(6)', () => {
    // 4 July 2026 is a Saturday; 5 U.S.C. 6103(b) moves the holiday to Friday 3 July, the "day set
    // aside by statute for observing" it. date-holidays lists it as a public substitute day.
    expect(us.holidays).toContain('2026-07-03');
    expect(isBusinessDay('2026-07-03', us)).toBe(false);
    // Thu 2 Jul + 1 business day: Fri 3 (observed holiday), Sat, Sun, Mon 6.
    expect(addBusinessDays('2026-07-02', 1, us).toISODate()).toBe('2026-07-06');
  });

  it('adds 2 business days to Wed 2 Jul 2025 to reach Mon 7 Jul (Thu 3 counts, Fri 4 is a holiday)', () => {
    expect(addBusinessDays('2025-07-02', 2, us).toISODate()).toBe('2025-07-07');
    expect(addBusinessDays('2025-07-02T17:00', 2, us).toISO()).toBe('2025-07-07T17:00:00.000Z');
  });

  it('counts public holidays only, unless told otherwise', () => {
    expect(us.holidays).not.toContain('2025-02-14'); // Valentine's Day: an observance
    expect(us.holidays).not.toContain('2025-12-24'); // Christmas Eve: optional in date-holidays
    const wider = holidayCalendar('US', undefined, { years: [2025, 2025], types: ['public', 'optional'] });
    expect(wider.holidays).toContain('2025-12-24');
    expect(wider.holidays).toContain('2025-12-25');
  });
});

describe('holidayCalendar: regions', () => {
  it('gives Bavaria Epiphany (6 Jan) and Berlin none, but Berlin International Women\'s Day (8 Mar)', () => {
    const bavaria = holidayCalendar('DE', 'BY', { years: [2025, 2025] });
    const berlin = holidayCalendar('DE', 'BE', { years: [2025, 2025] });
    expect(bavaria.holidays).toContain('2025-01-06');
    expect(berlin.holidays).not.toContain('2025-01-06');
    expect(berlin.holidays).toContain('2025-03-08'); // Frauentag, a Berlin holiday since 2019
    expect(bavaria.holidays).not.toContain('2025-03-08');
    // Both keep the national ones: German Unity Day, Christmas and Boxing Day.
    for (const cal of [bavaria, berlin]) expect(cal.holidays).toEqual(expect.arrayContaining(['2025-10-03', '2025-12-25', '2025-12-26']));
  });

  it('reads codes in any case, and a state with one of its regions', () => {
    expect(holidayCalendar('de', 'by', { years: [2025, 2025] })).toBe(holidayCalendar('DE', 'BY', { years: [2025, 2025] }));
    // Augsburg keeps the Peace Festival (Hohes Friedensfest, 8 Aug); the rest of Bavaria does not.
    expect(holidayCalendar('DE', 'BY-A', { years: [2025, 2025] }).holidays).toContain('2025-08-08');
    expect(holidayCalendar('DE', 'BY', { years: [2025, 2025] }).holidays).not.toContain('2025-08-08');
  });
});

describe('holidayCalendar: dates, lengths and windows', () => {
  it('lists each day of a holiday of several days, on the dates it is named for', () => {
    // Eid al-Fitr, 1 Shawwal 1446 = Sun 30 Mar 2025, three days in date-holidays' AE data. Like
    // every Islamic holiday there, it starts at 18:00 the evening before (29 Mar): not a day off.
    const ae = holidayCalendar('AE', undefined, { years: [2025, 2025] });
    expect(ae.holidays.filter((d) => d >= '2025-03-28' && d <= '2025-04-03')).toEqual(['2025-03-30', '2025-03-31', '2025-04-01']);
  });

  it('leaves out a holiday that covers only an evening', () => {
    // Northern Territory: Christmas Eve and New Year's Eve are public holidays from 19:00 to
    // midnight (Public Holidays Act 1981 (NT), s 3); the day itself is a business day.
    const nt = holidayCalendar('AU', 'NT', { years: [2025, 2025] });
    expect(nt.holidays).not.toContain('2025-12-24');
    expect(nt.holidays).not.toContain('2025-12-31');
    expect(nt.holidays).toContain('2025-12-25');
    expect(isBusinessDay('2025-12-24', nt)).toBe(true);
  });

  it('defaults to the years 2000–2050, and keeps to the window it is given', () => {
    const all = holidayCalendar('US');
    // 1 Jan 2000 was a Saturday: listed itself, but its observed day, Fri 31 Dec 1999, is outside.
    expect(all.holidays.slice(0, 2)).toEqual(['2000-01-01', '2000-01-17']);
    expect(all.holidays).not.toContain('1999-12-31');
    expect(all.holidays.at(-1)).toBe('2050-12-26'); // Christmas 2050 is a Sunday: observed Monday
    expect(us.holidays.every((d) => d >= '2025-01-01' && d <= '2026-12-31')).toBe(true);
    expect(holidayCalendar('US', undefined, { years: [1999, 1999] }).holidays).toContain('1999-12-31');
  });

  it('returns one frozen calendar per set of arguments, storable as JSON', () => {
    expect(holidayCalendar('US', undefined, { years: [2025, 2026] })).toBe(us);
    expect(Object.isFrozen(us)).toBe(true);
    const copy = createCalendar(JSON.parse(JSON.stringify(us)));
    expect(addBusinessDays('2025-07-02', 2, copy).toISODate()).toBe('2025-07-07');
  });

  it('takes a weekend', () => {
    const ae = holidayCalendar('AE', undefined, { years: [2025, 2025], weekend: [6, 7] });
    const friSat = holidayCalendar('AE', undefined, { years: [2025, 2025], weekend: [5, 6] });
    expect(ae.weekend).toEqual([6, 7]);
    expect(friSat.weekend).toEqual([5, 6]);
    expect(friSat.holidays).toEqual(ae.holidays);
  });

  it('gives the same dates whatever the machine zone, midnight DST gaps included', { timeout: 30_000 }, async () => {
    // date-holidays gives `start`/`end` as instants and `date` as the country's wall clock. Read in
    // Los Angeles, the instant of 00:00 in New York or Darwin falls on the day before; read in
    // Kiritimati (UTC+14), on the same day or the day after. Santiago's clocks jump from 00:00 to
    // 01:00 on Sun 7 Sep 2025, which makes date-holidays start Brazil's Independence Day (7 Sep)
    // at 01:00 and end Eswatini's Somhlolo Day (Sat 6 Sep) at 01:00 on the 7th.
    const code = `
      const { holidayCalendar } = await import(${JSON.stringify(adapterUrl)});
      const pick = (c, r) => holidayCalendar(c, r, { years: [2025, 2026] }).holidays;
      console.log(JSON.stringify({
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        US: pick('US'), NT: pick('AU', 'NT'), AE: pick('AE'), NZ: pick('NZ'), BR: pick('BR'), SZ: pick('SZ'),
      }));`;
    const zones = ['America/Los_Angeles', 'Pacific/Kiritimati', 'America/Santiago'];
    const results = await Promise.all(zones.map((TZ) => child(code, { TZ })));
    const here = (c: string, r?: string) => holidayCalendar(c, r, { years: [2025, 2026] }).holidays;
    const expected = { US: here('US'), NT: here('AU', 'NT'), AE: here('AE'), NZ: here('NZ'), BR: here('BR'), SZ: here('SZ') };
    expect(results).toEqual(zones.map((zone) => ({ zone, ...expected })));
    expect(expected.US).toEqual(us.holidays);
    expect(expected.NZ).toContain('2025-02-06'); // Waitangi Day
    expect(expected.BR).toContain('2025-09-07');
    expect(expected.SZ).toEqual(expect.arrayContaining(['2025-09-06', '2025-09-08'])); // and its Monday substitute
    expect(expected.SZ).not.toContain('2025-09-07');
  });
});

describe('holidayCalendar: the TSDoc examples', () => {
  it('hold as written', () => {
    expect(holidayCalendar('US', undefined, { types: ['public', 'optional'], years: [2025, 2025] }).holidays.includes('2025-12-24')).toBe(true);
    expect(holidayCalendar('AE', undefined, { types: ['public'], years: [2025, 2026], weekend: [5, 6] }).weekend).toEqual([5, 6]);
    const us2 = holidayCalendar('US', undefined, { years: [2025, 2026] });
    expect(us2.holidays.includes('2025-07-04')).toBe(true);
    expect(addBusinessDays('2025-07-02', 2, us2).toISODate()).toBe('2025-07-07');
    expect(holidayCalendar('DE', 'BY').holidays.includes('2025-01-06')).toBe(true);
    expect(holidayCalendar('DE', 'BE').holidays.includes('2025-01-06')).toBe(false);
  });
});

describe('holidayCalendar: errors', () => {
  it('refuses an unknown country or region, at its path', () => {
    expect(thrown(() => holidayCalendar('XX'))).toEqual({
      code: 'INVALID_INPUT',
      path: ['country'],
      message: '"XX" is not a country date-holidays knows: use an ISO 3166-1 alpha-2 code such as "US" or "DE"',
    });
    const region = thrown(() => holidayCalendar('DE', 'ZZ'));
    expect(region).toMatchObject({ code: 'INVALID_INPUT', path: ['region'] });
    expect(region.message).toContain('"ZZ" is not a region of DE that date-holidays knows: use one of "BB", "BE",');
    expect(thrown(() => holidayCalendar('DE', 'BY-Q'))).toMatchObject({ path: ['region'] });
    expect(thrown(() => holidayCalendar('DE', 'BY-A-B'))).toMatchObject({ path: ['region'] });
    expect(thrown(() => holidayCalendar('IS', 'X')).message).toBe('"X" is not a region date-holidays knows: it has none for IS');
    expect(thrown(() => holidayCalendar(42 as unknown as string))).toMatchObject({ path: ['country'], message: 'must be a string' });
    expect(thrown(() => holidayCalendar(undefined as unknown as string))).toMatchObject({ path: ['country'], message: 'is required' });
    expect(thrown(() => holidayCalendar('DE', 7 as unknown as string))).toMatchObject({ path: ['region'], message: 'must be a string' });
  });

  it('refuses bad options, at their paths', () => {
    const bad = (options: unknown) => thrown(() => holidayCalendar('US', undefined, options as never));
    expect(bad({ years: [2030, 2020] })).toMatchObject({ path: ['options', 'years'] });
    expect(bad({ years: [1900, 2100] }).message).toBe('must be [from, to] with from <= to, spanning at most 200 years');
    expect(bad({ years: [2025.5, 2026] })).toMatchObject({ path: ['options', 'years', 0] });
    expect(bad({ types: ['holiday'] })).toMatchObject({ path: ['options', 'types', 0] });
    expect(bad({ types: [] })).toMatchObject({ path: ['options', 'types'] });
    expect(bad({ weekend: [1, 2, 3, 4, 5, 6, 7] })).toMatchObject({ path: ['options', 'weekend'] });
    expect(bad({ zone: 'UTC' })).toMatchObject({ path: ['options', 'zone'], message: 'unknown field "zone"' });
  });

  it('throws UNSUPPORTED, naming the package and the command, when date-holidays is not installed', { timeout: 30_000 }, async () => {
    // The child's resolver fails for date-holidays (later: for its dependency date-holidays-parser;
    // at last: for nothing) with the error Node's own throws. The built package is checked with
    // date-holidays really absent by scripts/check-package.mjs.
    const code = `
      import Module from 'node:module';
      const resolveFilename = Module._resolveFilename;
      let hide = 'date-holidays';
      Module._resolveFilename = function (request, parent, ...rest) {
        if (request !== hide) return resolveFilename.call(this, request, parent, ...rest);
        const error = new Error("Cannot find module '" + request + "'\\nRequire stack:\\n- " + parent?.filename);
        throw Object.assign(error, { code: 'MODULE_NOT_FOUND', requireStack: [parent?.filename] });
      };
      const { isUltimatumError } = await import(${JSON.stringify(indexUrl)});
      const { holidayCalendar } = await import(${JSON.stringify(adapterUrl)});
      const attempt = () => {
        try { return { holidays: holidayCalendar('US', undefined, { years: [2025, 2025] }).holidays.length }; }
        catch (e) { return { ultimatumError: isUltimatumError(e), code: e.code, issues: e.issues, message: e.message }; }
      };
      const missing = [attempt(), attempt()];
      hide = 'date-holidays-parser';
      const brokenInstall = attempt();
      hide = undefined;
      console.log(JSON.stringify({ missing, brokenInstall, installed: attempt() }));`;
    const result = await child(code);
    const message =
      'holidayCalendar needs the optional peer dependency "date-holidays", which is not installed: run `npm install date-holidays`';
    const unsupported = { ultimatumError: true, code: 'UNSUPPORTED', issues: [{ code: 'UNSUPPORTED', path: [], reason: 'peer_not_installed', params: { peer: 'date-holidays', use: 'holidayCalendar' }, message }], message: `(root): ${message}` };
    expect(result.missing).toEqual([unsupported, unsupported]);
    // A missing dependency of date-holidays is a broken install, not a missing peer: rethrown as is.
    expect(result.brokenInstall).toMatchObject({ ultimatumError: false, code: 'MODULE_NOT_FOUND' });
    expect((result.brokenInstall as { message: string }).message).toContain("Cannot find module 'date-holidays-parser'");
    // Nothing was cached by the failures.
    expect(result.installed).toEqual({ holidays: 11 });
  });

  it('keeps date-holidays and node:module out of the main entry', () => {
    // Every module that src/index.ts reaches, followed through relative imports.
    const seen = new Set<string>();
    const specifiers = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
        if (spec === undefined) continue;
        specifiers.add(spec);
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      }
    };
    visit(join(root, 'src/index.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].filter((f) => f.includes('adapters'))).toEqual([]);
    expect([...specifiers].filter((s) => !s.startsWith('.'))).not.toContain('date-holidays');
    expect([...specifiers].filter((s) => /module|holidays/.test(s))).toEqual([]);
  });
});
