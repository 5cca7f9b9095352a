/**
 * ultimatum/holidays: how date-holidays, the optional peer, is loaded. First with the real
 * package through Node's own loader (`Module._load` answering for it): until it has loaded once,
 * each call requires it again, and only "not installed" becomes UNSUPPORTED; once loaded, it is
 * not required again. Then with date-holidays replaced by a stand-in (node:module's createRequire
 * mocked, the way holidays.ts loads it, in a fresh copy of holidays.ts): the package missing, a
 * broken install, an ESM-shaped export, an export that is not a class, a holiday it cannot read,
 * holidays of a type not asked for, `options` given as null, and the bound on the calendar cache.
 * The "not installed" case in a child process is tests/holidays.test.ts's.
 *
 * The first test must stay first: it needs date-holidays not yet loaded by the holidays.ts imported
 * here, which holds in a fresh module graph (vitest isolates each test file) as long as no calendar
 * is made at module level. The stand-in tests reload modules (vi.resetModules): they come last.
 */
import Module from 'node:module';
import { isUltimatumError } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';
import { type Raw, thrown, thrownBy } from './holidaysHarness.js';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };

/**
 * Runs `run` while Node's loader answers `require('date-holidays')` with `answer()` (the request
 * holidays.ts makes through `createRequire`); returns how many times it was asked.
 */
function withDateHolidays(answer: () => unknown, run: () => void): number {
  const real = loader._load;
  let asked = 0;
  loader._load = function (this: unknown, request, parent, isMain) {
    if (request !== 'date-holidays') return real.call(this, request, parent, isMain);
    asked++;
    return answer();
  };
  try {
    run();
  } finally {
    loader._load = real;
  }
  return asked;
}

/** US federal holidays (5 U.S.C. 6103) of 2024: all on weekdays, so no observed days. */
const US_2024 = [
  '2024-01-01', // New Year's Day, Mon
  '2024-01-15', // Martin Luther King Jr. Day, 3rd Mon of Jan
  '2024-02-19', // Washington's Birthday, 3rd Mon of Feb
  '2024-05-27', // Memorial Day, last Mon of May
  '2024-06-19', // Juneteenth, Wed
  '2024-07-04', // Independence Day, Thu
  '2024-09-02', // Labor Day, 1st Mon of Sep
  '2024-10-14', // Columbus Day, 2nd Mon of Oct
  '2024-11-11', // Veterans Day, Mon
  '2024-11-28', // Thanksgiving, 4th Thu of Nov
  '2024-12-25', // Christmas Day, Wed
];

describe('holidayCalendar: loading date-holidays', () => {
  it('until it has loaded once, each call requires it again; only "not installed" becomes UNSUPPORTED', () => {
    const place = () => holidayCalendar('US', undefined, { years: [2024, 2024] });
    // An error that names the package but is not Node's MODULE_NOT_FOUND is rethrown as it is.
    const broken = new RangeError("date-holidays: cannot read the data of 'date-holidays'");
    expect(withDateHolidays(() => { throw broken; }, () => expect(thrownBy(place)).toBe(broken))).toBe(1);
    // So is a thrown value that is not even an Error.
    expect(withDateHolidays(() => { throw null; }, () => expect(thrownBy(place)).toBe(null))).toBe(1);
    // An export that is neither a class nor { default: class }, null included.
    const unreadable = (): void => {
      const e = thrownBy(place);
      expect(isUltimatumError(e) && e.issues).toMatchObject([
        {
          code: 'UNSUPPORTED',
          path: [],
          message:
            'date-holidays gave its export is not a class, which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)',
        },
      ]);
    };
    expect(withDateHolidays(() => null, unreadable)).toBe(1);
    expect(withDateHolidays(() => ({ default: {} }), unreadable)).toBe(1);
    // None of these failures was kept: the real package loads now.
    expect(place().holidays).toEqual(US_2024);
  });

  it('once loaded, it is not required again', () => {
    expect(holidayCalendar('US', undefined, { years: [2024, 2024] }).holidays).toEqual(US_2024);
    let us2019: readonly string[] = [];
    const asked = withDateHolidays(
      () => {
        throw new Error('required again');
      },
      () => {
        us2019 = holidayCalendar('US', undefined, { years: [2019, 2019] }).holidays;
      },
    );
    expect(asked).toBe(0);
    // 2019: Juneteenth was not yet a federal holiday (2021); no holiday fell on a weekend.
    expect(us2019).toEqual([
      '2019-01-01',
      '2019-01-21',
      '2019-02-18',
      '2019-05-27',
      '2019-07-04',
      '2019-09-02',
      '2019-10-14',
      '2019-11-11',
      '2019-11-28',
      '2019-12-25',
    ]);
  });
});

describe('with a stand-in for date-holidays', () => {
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
