/**
 * ultimatum/holidays with the real date-holidays, imported once (no module is reloaded here):
 * how it is loaded (Node's loader answering for it until the first success), codes with spaces and
 * in any case, the cache key, a holiday on the night the clocks go back, a half-day holiday, and
 * the strict reading of date-holidays' wall-clock dates (its `getHolidays` stubbed for three
 * tests). Every calendar is made inside its test, each test with its own years, so that no result
 * cached by another test hides what this one checks. Dates are checked by hand against the law or
 * a calendar, as noted at each.
 *
 * The first test must stay first: it needs date-holidays not yet loaded by holidays.ts, which is
 * the case in a fresh module graph (vitest isolates each test file).
 */
import Module, { createRequire } from 'node:module';
import { isBusinessDay, isUltimatumError } from 'ultimatum';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holidayCalendar } from '../src/adapters/holidays.js';

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

/** What `fn` throws, whatever it is. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
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

describe('holidayCalendar: codes with spaces and in any case share one calendar', () => {
  it('" us " is the United States, and the same calendar as "US"', () => {
    // 2027: Juneteenth (Sat 19 Jun) observed Fri 18, Independence Day (Sun 4 Jul) Mon 5,
    // Christmas (Sat 25 Dec) Fri 24, and New Year's Day 2028 (a Saturday) Fri 31 Dec 2027.
    const spaced = holidayCalendar(' us ', undefined, { years: [2027, 2027] });
    expect(spaced.holidays).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-06-19',
      '2027-07-04',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-25',
      '2027-12-31',
    ]);
    expect(holidayCalendar('US', undefined, { years: [2027, 2027] })).toBe(spaced);
  });

  it('" by " is Bavaria, and the same calendar as "BY"', () => {
    // Bavaria 2024 (Easter 31 Mar): Epiphany, Good Friday, Easter Monday, Ascension, Whit Monday
    // and Corpus Christi besides the national days; 15 Aug only where Catholics are the majority.
    const spaced = holidayCalendar('de', ' by ', { years: [2024, 2024] });
    expect(spaced.holidays).toEqual([
      '2024-01-01',
      '2024-01-06',
      '2024-03-29',
      '2024-04-01',
      '2024-05-01',
      '2024-05-09',
      '2024-05-20',
      '2024-05-30',
      '2024-10-03',
      '2024-11-01',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(holidayCalendar('DE', 'BY', { years: [2024, 2024] })).toBe(spaced);
  });

  it('a code lower-cased under a Turkish locale ("NI" → "nı") is still Lower Saxony, the same calendar', () => {
    const turkish = 'NI'.toLocaleLowerCase('tr');
    expect(turkish).toBe('n\u0131');
    const ni = holidayCalendar('DE', turkish, { years: [2023, 2023] });
    // Lower Saxony 2023 (Easter 9 Apr): Reformation Day (31 Oct) a holiday since 2018.
    expect(ni.holidays).toEqual([
      '2023-01-01',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-18',
      '2023-05-29',
      '2023-10-03',
      '2023-10-31',
      '2023-12-25',
      '2023-12-26',
    ]);
    expect(holidayCalendar('DE', 'NI', { years: [2023, 2023] })).toBe(ni);
  });

  it('types in any order, repeated or not, are the same calendar', () => {
    const wider = holidayCalendar('US', undefined, { years: [2026, 2026], types: ['optional', 'public'] });
    expect(holidayCalendar('US', undefined, { years: [2026, 2026], types: ['public', 'optional', 'public'] })).toBe(wider);
    expect(wider.holidays).toContain('2026-12-24'); // Christmas Eve (optional), a Thursday
    expect(wider.holidays).toContain('2026-12-25');
  });

  it('an unknown region of a state lists that state\'s regions as STATE-REGION', () => {
    const e = thrownBy(() => holidayCalendar('DE', 'BY-Q', { years: [2024, 2024] }));
    expect(isUltimatumError(e) && e.issues).toMatchObject([
      {
        code: 'INVALID_INPUT',
        path: ['region'],
        message: '"BY-Q" is not a region of DE that date-holidays knows: use one of "BY-A", "BY-KATH", "BY-EVANG"',
      },
    ]);
  });
});

describe('holidayCalendar: the cache', () => {
  it('keeps more than one calendar', () => {
    const y2021 = holidayCalendar('US', undefined, { years: [2021, 2021] });
    const y2022 = holidayCalendar('US', undefined, { years: [2022, 2022] });
    expect(holidayCalendar('US', undefined, { years: [2021, 2021] })).toBe(y2021);
    expect(holidayCalendar('US', undefined, { years: [2022, 2022] })).toBe(y2022);
    // New Year's Day 2022 was a Saturday: observed Fri 31 Dec 2021 (5 U.S.C. 6103(b)(1)).
    expect(y2021.holidays).toContain('2021-12-31');
    expect(y2022.holidays).not.toContain('2021-12-31');
  });
});

describe('holidayCalendar: how much of a day a holiday covers', () => {
  it('Austria 2025: National Day falls on the night the clocks go back (25 h), and stays one day', () => {
    // Feiertagsruhegesetz 1957, § 1 (Easter 20 Apr 2025). Sun 26 Oct 2025 lasted 25 hours in
    // Vienna; its last hour must not make Mon 27 Oct a holiday.
    const at = holidayCalendar('AT', undefined, { years: [2025, 2025] });
    expect(at.holidays).toEqual([
      '2025-01-01', // Neujahr
      '2025-01-06', // Heilige Drei Könige
      '2025-04-21', // Ostermontag
      '2025-05-01', // Staatsfeiertag
      '2025-05-29', // Christi Himmelfahrt
      '2025-06-09', // Pfingstmontag
      '2025-06-19', // Fronleichnam
      '2025-08-15', // Mariä Himmelfahrt
      '2025-10-26', // Nationalfeiertag
      '2025-11-01', // Allerheiligen
      '2025-12-08', // Mariä Empfängnis
      '2025-12-25', // Christtag
      '2025-12-26', // Stefanitag
    ]);
    expect(isBusinessDay('2025-10-27', at)).toBe(true);
  });

  it('Solothurn: 1 May is a holiday from 12:00 only, exactly half the day: a business day', () => {
    const so = holidayCalendar('CH', 'SO', { years: [2025, 2025] });
    expect(so.holidays).not.toContain('2025-05-01');
    expect(isBusinessDay('2025-05-01', so)).toBe(true);
    expect(so.holidays).toContain('2025-08-01'); // Swiss National Day, the whole day
  });
});

describe('holidayCalendar: what date-holidays gives is read strictly', () => {
  interface Raw {
    date: string;
    start: Date;
    end: Date;
    type: string;
  }
  /** The class holidays.ts loads (date-holidays' CJS build). */
  const dateHolidays = () =>
    createRequire(import.meta.url)('date-holidays') as { prototype: { getHolidays(year: number): Raw[] } };
  /** date-holidays' getHolidays answering `raw` for `year`, nothing for the others. */
  const giving = (year: number, raw: Raw) =>
    vi.spyOn(dateHolidays().prototype, 'getHolidays').mockImplementation((y: number) => (y === year ? [raw] : []));
  const H = 3_600_000;
  const unreadable = (date: string) =>
    `date-holidays gave a holiday dated ${JSON.stringify(date)}, which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)`;
  const issues = (fn: () => unknown) => {
    const e = thrownBy(fn);
    return isUltimatumError(e) ? e.issues : e;
  };

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a holiday of no length, or of negative length: UNSUPPORTED', () => {
    const start = new Date(Date.UTC(2101, 6, 4, 4));
    giving(2101, { date: '2101-07-04 00:00:00', start, end: start, type: 'public' });
    expect(issues(() => holidayCalendar('US', undefined, { years: [2101, 2101] }))).toMatchObject([
      { code: 'UNSUPPORTED', path: [], message: unreadable('2101-07-04 00:00:00') },
    ]);
    vi.restoreAllMocks();
    giving(2102, { date: '2102-07-04 00:00:00', start, end: new Date(start.getTime() - H), type: 'public' });
    expect(issues(() => holidayCalendar('US', undefined, { years: [2102, 2102] }))).toMatchObject([
      { code: 'UNSUPPORTED', path: [], message: unreadable('2102-07-04 00:00:00') },
    ]);
  });

  it('a date that does not begin with its year: UNSUPPORTED', () => {
    const start = new Date(Date.UTC(2103, 6, 4, 4));
    giving(2103, { date: ' 2103-07-04 00:00:00', start, end: new Date(start.getTime() + 24 * H), type: 'public' });
    expect(issues(() => holidayCalendar('US', undefined, { years: [2103, 2103] }))).toMatchObject([
      { code: 'UNSUPPORTED', path: [], message: unreadable(' 2103-07-04 00:00:00') },
    ]);
  });

  it('the seconds of the wall clock count', () => {
    // From 00:00:50 on 4 Jul, 36 h less 20 s: to 12:00:30 on 5 Jul, 30 s more than half of it.
    const start = new Date(Date.UTC(2104, 6, 4, 4, 0, 50));
    giving(2104, { date: '2104-07-04 00:00:50', start, end: new Date(start.getTime() + 36 * H - 20_000), type: 'public' });
    expect(holidayCalendar('US', undefined, { years: [2104, 2104] }).holidays).toEqual(['2104-07-04', '2104-07-05']);
  });
});

describe('holidayCalendar: rules that refer to holidays of other types', () => {
  it('Glarus: the Näfelser Fahrt (first Thursday of April) moves off Maundy Thursday', () => {
    // Glarus law: the first Thursday of April, a week later when it is Maundy Thursday. Easter 2026
    // is 5 April, so Maundy Thursday is 2 April, the first Thursday: the holiday is Thursday 9 April.
    // In 2025 (Easter 20 April) the first Thursday, 3 April, stands. Maundy Thursday is only an
    // observance, so asking for public holidays must not hide it from the rule that needs it.
    const gl = holidayCalendar('CH', 'GL', { years: [2025, 2026] });
    expect(gl.holidays).toContain('2025-04-03');
    expect(gl.holidays).toContain('2026-04-09');
    expect(gl.holidays).not.toContain('2026-04-02');
  });
});
