/**
 * Every message the library prints, in one place, so wording stays consistent and a
 * translation or review touches one file. Each takes the facts it reports.
 */
/** Quotes user text in a message, shortened so that a 1 MB input does not make a 1 MB message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

export const messages = {
  required: () => 'is required',
  unknownKey: (key: string) => `unknown field "${key}"`,
  expectedType: (expected: string) => `must be ${expected}`,
  tooLong: (max: number) => `must be at most ${max} characters`,
  tooShort: (min: number) => `must be at least ${min} characters long`,
  emptyArray: () => 'must not be empty',
  oneOf: (options: readonly string[]) => `must be one of ${options.map((o) => `"${o}"`).join(', ')}`,
  finiteNonNegative: () => 'must be a finite number >= 0',
  finiteNumber: () => 'must be a finite number',
  integer: () => 'must be a whole number',
  wholeCalendarUnit: (unit: string) =>
    `must be a whole number: fractional ${unit} have no single length`,
  emptyDuration: () => 'must name at least one unit (years, months, weeks, days, hours, minutes, seconds, milliseconds)',
  invalidIsoDuration: (text: string) =>
    `${quote(text)} is not an ISO 8601 duration such as "P50D" or "PT48H"`,
  invalidLuxonDuration: (reason: string) => `is an invalid luxon Duration (${reason})`,
  notLuxon: (kind: string) => `looks like a luxon ${kind} but is not one`,
  businessDayCount: (max: number) => `must be a whole number of business days between -${max} and ${max}`,
  fraction: () => 'must be a number between 0 and 1 (exclusive)',
  duplicateUltimatumId: (id: string) => `repeats the id ${quote(id)}: ids must be unique in a tracker`,
  trackerDocument: () => 'must be a tracker document: { schemaVersion: 1, kind: "ultimatum-tracker", ultimatums: [...] }',
  positiveMs: () => 'must be a whole number of milliseconds > 0',
  durationWord: (text: string, word: string, at: number, expected: string) =>
    `${quote(text)}: ${quote(word)} (at character ${at + 1}) is not ${expected}`,
  durationWordsEnd: (text: string, expected: string) => `${quote(text)} ends where ${expected} was expected`,
  durationRepeatedUnit: (text: string, unit: string) => `${quote(text)} names ${unit} twice`,
  durationRangeHere: () => 'a range ("10 or 12 days") is only allowed as a whole `after`, where it makes a window',
  negativeDuration: (text: string) => `${quote(text)} is negative: a duration counts forward`,
  rangeOrder: (text: string) => `${quote(text)} goes from the longer to the shorter: write the shorter first ("10 or 12 days")`,
  noActiveTime: () => 'puts the deadline so early that, less the time the clock was paused, no active time would be left',
  isoDate: () => 'must be a real calendar date written YYYY-MM-DD',
  noBusinessDay: () => 'must leave at least one business day in the week',
  repeatedWeekday: () => 'must not repeat a weekday',
  deadlineBeforeIssue: () => 'puts the deadline before the ultimatum was issued',
  invalidDate: (text: string, reason: string) => `${quote(text)} is not a valid date or instant (${reason})`,
  invalidDateObject: () => 'is an invalid Date',
  invalidDateTime: (reason: string) => `is an invalid luxon DateTime (${reason})`,
  epochOutOfRange: () => 'must be a finite number of epoch milliseconds',
  instantOutOfRange: () => 'is outside the supported range (years 1 to 9999)',
  durationOutOfRange: () => 'takes the deadline past the supported range (years 1 to 9999)',
  unknownZone: (zone: string) => `${quote(zone)} is not a known IANA time zone`,
  exactlyOneRule: () => 'a deadline rule needs exactly one of "at", "after" or "between"',
  onlyWithAfter: (key: string) => `"${key}" only applies to an "after" rule`,
  windowOrder: () => 'the earliest end of the window must not be after the latest',
  businessDaysAlone: () => 'cannot be combined with other units: count business days, or calendar time, not both',
  exactlyOneOfByTo: () => 'needs exactly one of "by" or "to"',
  eventBeforeIssue: () => 'is before the ultimatum was issued',
  eventOutOfOrder: (previous: string) => `is before the previous event (${previous}): events must be in chronological order`,
  eventAfterTerminal: (terminal: string) => `comes after the ultimatum was ${terminal}: nothing may follow`,
  resumeWithoutPause: () => 'resumes a clock that is not paused',
  pauseWhilePaused: () => 'pauses a clock that is already paused',
  pauseAfterDeadline: () => 'pauses after the deadline has passed: there is no clock left to stop',
  extendNotLater: () => 'must move the deadline later',
  shortenNotEarlier: () => 'must move the deadline earlier',
  unknownConsequence: (id: string, known: readonly string[]) =>
    known.length === 0
      ? `names consequence "${id}", but the ultimatum threatens none`
      : `names consequence "${id}", which is not one of ${known.map((k) => `"${k}"`).join(', ')}`,
  duplicateConsequenceId: (id: string) => `repeats the consequence id "${id}"`,
  schemaVersion: (supported: number) => `must be ${supported}: this version reads stored documents of schemaVersion ${supported}`,
  invalidOption: (detail: string) => detail,
  summary: (count: number, first: string) =>
    count <= 1 ? first : `${first} (and ${count - 1} more ${count === 2 ? 'problem' : 'problems'})`,
  holidaysNotInstalled: () =>
    'holidayCalendar needs the optional peer dependency "date-holidays", which is not installed: run `npm install date-holidays`',
  holidaysUnreadable: (what: string) =>
    `date-holidays gave ${what}, which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)`,
  unknownHolidayCountry: (country: string) =>
    `${quote(country)} is not a country date-holidays knows: use an ISO 3166-1 alpha-2 code such as "US" or "DE"`,
  unknownHolidayRegion: (region: string, country: string, known: readonly string[]) =>
    known.length === 0
      ? `${quote(region)} is not a region date-holidays knows: it has none for ${country}`
      : `${quote(region)} is not a region of ${country} that date-holidays knows: use one of ${known
          .slice(0, 30)
          .map((k) => `"${k}"`)
          .join(', ')}${known.length > 30 ? ', …' : ''}`,
  holidayYears: (maxSpan: number) => `must be [from, to] with from <= to, spanning at most ${maxSpan} years`,
  icsInput: () => 'must be an ultimatum, an array of ultimatums or a tracker (an object with a list() method)',
  icsMilestonesAt: () => 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"',
  icsYearRange: () => 'falls after the year 9999 (UTC), which iCalendar cannot write',
} as const;
