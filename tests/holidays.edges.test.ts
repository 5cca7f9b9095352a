/**
 * ultimatum/holidays edge cases. With the real date-holidays: long region lists and a state
 * without regions. With date-holidays replaced by a stand-in (node:module's createRequire mocked,
 * the way holidays.ts loads it): the package missing, a broken install, an ESM-shaped export, an
 * export that is not a class, a holiday it cannot read, holidays of a type not asked for,
 * `options` given as null, and the bound on the calendar cache.
 */
import { isUltimatumError } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';

function thrown(fn: () => unknown): { code: string; path: unknown[]; message: string } {
  try {
    fn();
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return { code: e.code, path: [...(e.issues[0]?.path ?? [])], message: e.issues[0]?.message ?? '' };
  }
  throw new Error('did not throw');
}

describe('with date-holidays', () => {
  it('lists at most 30 regions in the message, then "…" (the US has 50 states and DC)', () => {
    const e = thrown(() => holidayCalendar('US', 'ZZ', { years: [2025, 2025] }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: ['region'] });
    expect(e.message).toMatch(/^"ZZ" is not a region of US that date-holidays knows: use one of ("[A-Z]{2}", ){30}…$/);
  });

  it('refuses a region under a state that has none (Berlin), at region', () => {
    const e = thrown(() => holidayCalendar('DE', 'BE-X', { years: [2025, 2025] }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', path: ['region'] });
    expect(e.message.startsWith('"BE-X" is not a region')).toBe(true);
  });
});

describe('with a stand-in for date-holidays', () => {
  interface Raw {
    date: string;
    start: Date;
    end: Date;
    type: string;
  }
  /** Fourth of July (public) and Christmas Eve (optional) in the US; no states have regions. */
  class FakeHolidays {
    static holidays = (year: number): Raw[] => [
      { date: `${year}-07-04 00:00:00`, start: new Date(Date.UTC(year, 6, 4, 4)), end: new Date(Date.UTC(year, 6, 5, 4)), type: 'public' },
      { date: `${year}-12-24 00:00:00`, start: new Date(Date.UTC(year, 11, 24, 5)), end: new Date(Date.UTC(year, 11, 25, 5)), type: 'optional' },
    ];
    getCountries = () => ({ US: 'United States' });
    getStates = () => ({ CA: 'California' });
    getRegions = () => undefined;
    getHolidays = (year: number) => FakeHolidays.holidays(year);
  }

  /** Loads a fresh holidays.ts whose `require('date-holidays')` runs `load`. */
  async function adapterWith(load: (id: string) => unknown) {
    vi.resetModules();
    vi.doMock('node:module', () => ({ createRequire: () => load }));
    return (await import('../src/adapters/holidays.js')).holidayCalendar;
  }

  afterEach(() => {
    vi.doUnmock('node:module');
    vi.resetModules();
  });

  it('not installed: UNSUPPORTED, naming the package and the command', async () => {
    const calendar = await adapterWith((id) => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    });
    expect(thrown(() => calendar('US'))).toEqual({
      code: 'UNSUPPORTED',
      path: [],
      message: 'holidayCalendar needs the optional peer dependency "date-holidays", which is not installed: run `npm install date-holidays`',
    });
  });

  it('a broken install (a dependency of date-holidays missing) is rethrown as it is', async () => {
    const broken = Object.assign(new Error("Cannot find module 'date-holidays-parser'"), { code: 'MODULE_NOT_FOUND' });
    const calendar = await adapterWith(() => {
      throw broken;
    });
    expect(() => calendar('US')).toThrow(broken);
  });

  it('reads an ESM-shaped export ({ default: class }); counts only the types asked for', async () => {
    const calendar = await adapterWith(() => ({ default: FakeHolidays }));
    expect(calendar('US', 'ca', { years: [2025, 2025] }).holidays).toEqual(['2025-07-04']);
    expect(calendar('US', undefined, { years: [2025, 2025], types: ['public', 'optional'] }).holidays).toEqual(['2025-07-04', '2025-12-24']);
  });

  it('keeps at most 32 calendars: the oldest is made again, equal, after 32 others', async () => {
    const calendar = await adapterWith(() => FakeHolidays);
    const first = calendar('US', undefined, { years: [1990, 1990] });
    expect(calendar('US', undefined, { years: [1990, 1990] })).toBe(first);
    for (let y = 1991; y < 1991 + 32; y++) calendar('US', undefined, { years: [y, y] });
    const again = calendar('US', undefined, { years: [1990, 1990] });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(again.holidays).toEqual(['1990-07-04']);
  });

  it('options given as null are the defaults: 2000 to 2050', async () => {
    const calendar = await adapterWith(() => FakeHolidays);
    const defaults = calendar('US', undefined, null as never);
    expect(defaults).toBe(calendar('US'));
    expect([defaults.holidays.length, defaults.holidays[0], defaults.holidays.at(-1)]).toEqual([51, '2000-07-04', '2050-07-04']);
  });

  it('an export that is not a class: UNSUPPORTED, asking for date-holidays 3', async () => {
    const calendar = await adapterWith(() => ({ default: 'not a class' }));
    const e = thrown(() => calendar('US'));
    expect(e).toMatchObject({ code: 'UNSUPPORTED', path: [] });
    expect(e.message).toContain('install date-holidays 3 (npm install date-holidays@3)');
  });

  it('a holiday whose date it cannot read: UNSUPPORTED, quoting the date', async () => {
    class Odd extends FakeHolidays {
      override getHolidays = (): Raw[] => [{ date: 'tomorrow', start: new Date(0), end: new Date(86_400_000), type: 'public' }];
    }
    const calendar = await adapterWith(() => Odd);
    const e = thrown(() => calendar('US', undefined, { years: [2025, 2025] }));
    expect(e).toMatchObject({ code: 'UNSUPPORTED', path: [] });
    expect(e.message).toBe(
      'date-holidays gave a holiday dated "tomorrow", which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)',
    );
  });
});
