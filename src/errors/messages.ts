/**
 * Every message the library prints, in one place, so wording stays consistent and a
 * translation or review touches one file. Each takes the facts it reports.
 */
/** Quotes user text in a message, shortened so that a 1 MB input does not make a 1 MB message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

export const required = () => 'is required';
export const unknownKey = (key: string) => `unknown field "${key}"`;
export const expectedType = (expected: string) => `must be ${expected}`;
export const expectedDate = () => expectedType('an ISO 8601 string, a Date, epoch milliseconds or a luxon DateTime');
export const expectedDuration = () => expectedType('an ISO 8601 duration string, a luxon Duration or an object of units');
export const tooLong = (max: number) => `must be at most ${max} characters`;
export const tooShort = (min: number) => `must be at least ${min} characters long`;
export const emptyArray = () => 'must not be empty';
export const tooManyItems = (max: unknown) => `must have at most ${max} items`;
export const tooFewItems = (min: unknown) => `must have at least ${min} items`;
export const tooBig = (max: unknown, inclusive: boolean | undefined) => `must be ${inclusive ? 'at most' : 'less than'} ${max}`;
export const tooSmall = (min: unknown, inclusive: boolean | undefined) => `must be ${inclusive ? 'at least' : 'greater than'} ${min}`;
export const oneOf = (options: readonly string[]) => `must be one of ${options.map((o) => `"${o}"`).join(', ')}`;
export const finiteNonNegative = () => 'must be a finite number >= 0';
export const finiteNumber = () => 'must be a finite number';
export const integer = () => 'must be a whole number';
export const wholeCalendarUnit = (unit: string) =>
    `must be a whole number: fractional ${unit} have no single length`;
export const emptyDuration = () => 'must name at least one unit (years, months, weeks, days, hours, minutes, seconds, milliseconds)';
export const invalidIsoDuration = (text: string) =>
    `${quote(text)} is not an ISO 8601 duration such as "P50D" or "PT48H"`;
export const invalidLuxonDuration = (reason: string) => `is an invalid luxon Duration (${reason})`;
export const notLuxon = (kind: string) => `looks like a luxon ${kind} but is not one`;
export const businessDayCount = (max: number) => `must be a whole number of business days between -${max} and ${max}`;
export const fraction = () => 'must be a number between 0 and 1 (exclusive)';
export const duplicateUltimatumId = (id: string) => `repeats the id ${quote(id)}: ids must be unique in a tracker`;
export const unknownUltimatumId = (id: string) => `names no ultimatum of this tracker (${quote(id)}): use add() for a new one`;
export const trackerDocument = () => 'must be a tracker document: { schemaVersion: 1, kind: "ultimatum-tracker", ultimatums: [...] }';
export const positiveMs = () => 'must be a whole number of milliseconds > 0';
export const durationWord = (text: string, word: string, at: number, expected: string) =>
    `${quote(text)}: ${quote(word)} (at character ${at + 1}) is not ${expected}`;
export const durationWordsEnd = (text: string, expected: string) => `${quote(text)} ends where ${expected} was expected`;
export const durationRepeatedUnit = (text: string, unit: string) => `${quote(text)} names ${unit} twice`;
export const durationRangeHere = () => 'a range ("10 or 12 days") is only allowed as a whole `after`, where it makes a window';
export const negativeDuration = (text: string) => `${quote(text)} is negative: a duration counts forward`;
export const rangeOrder = (text: string) => `${quote(text)} goes from the longer to the shorter: write the shorter first ("10 or 12 days")`;
export const noActiveTime = () => 'puts the deadline so early that, less the time the clock was paused, no active time would be left';
export const isoDate = () => 'must be a real calendar date written YYYY-MM-DD';
export const noBusinessDay = () => 'must leave at least one business day in the week';
export const repeatedWeekday = () => 'must not repeat a weekday';
export const deadlineBeforeIssue = () => 'puts the deadline before the ultimatum was issued';
export const invalidDate = (text: string, reason: string) => `${quote(text)} is not a valid date or instant (${reason})`;
export const wholeDateExpected = () => 'expected a whole date such as 2025-09-02, optionally with a time';
export const unknownZoneAnnotation = (name: string) => `${quote(name)} in brackets is not a known IANA time zone`;
export const offsetNotOfZone = (name: string) => `the offset is not the one ${quote(name)} has at that time`;
export const unsupportedAnnotation = () => 'only one annotation, a time zone such as [Europe/Paris], is understood';
export const invalidDateObject = () => 'is an invalid Date';
export const invalidDateTime = (reason: string) => `is an invalid luxon DateTime (${reason})`;
export const epochOutOfRange = () => 'must be a finite number of epoch milliseconds';
export const instantOutOfRange = () => 'is outside the supported range (years 1 to 9999)';
export const durationOutOfRange = () => 'takes the deadline past the supported range (years 1 to 9999)';
export const unknownZone = (zone: string) => `${quote(zone)} is not a known IANA time zone`;
export const exactlyOneRule = () => 'a deadline rule needs exactly one of "at", "after" or "between"';
export const onlyWithAfter = (key: string) => `"${key}" only applies to an "after" rule`;
export const windowOrder = () => 'the earliest end of the window must not be after the latest';
export const businessDaysAlone = () => 'cannot be combined with other units: count business days, or calendar time, not both';
export const exactlyOneOfByTo = () => 'needs exactly one of "by" or "to"';
export const eventBeforeIssue = () => 'is before the ultimatum was issued';
export const eventOutOfOrder = (previous: string) => `is before the previous event (${previous}): events must be in chronological order`;
export const eventAfterTerminal = (terminal: string) => `comes after the ultimatum was ${terminal}: nothing may follow`;
export const resumeWithoutPause = () => 'resumes a clock that is not paused';
export const pauseWhilePaused = () => 'pauses a clock that is already paused';
export const pauseAfterDeadline = () => 'pauses after the deadline has passed: there is no clock left to stop';
export const extendNotLater = () => 'must move the deadline later';
export const shortenNotEarlier = () => 'must move the deadline earlier';
export const unknownConsequence = (id: string, known: readonly string[]) =>
    known.length === 0
      ? `names consequence "${id}", but the ultimatum threatens none`
      : `names consequence "${id}", which is not one of ${known.map((k) => `"${k}"`).join(', ')}`;
export const duplicateConsequenceId = (id: string) => `repeats the consequence id "${id}"`;
export const schemaVersion = (supported: number) => `must be ${supported}: this version reads stored documents of schemaVersion ${supported}`;
export const invalidOption = (detail: string) => detail;
export const summary = (count: number, first: string) =>
    count <= 1 ? first : `${first} (and ${count - 1} more ${count === 2 ? 'problem' : 'problems'})`;
export const holidaysNotInstalled = () =>
    'holidayCalendar needs the optional peer dependency "date-holidays", which is not installed: run `npm install date-holidays`';
export const holidaysUnreadable = (what: string) =>
    `date-holidays gave ${what}, which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)`;
export const unknownHolidayCountry = (country: string) =>
    `${quote(country)} is not a country date-holidays knows: use an ISO 3166-1 alpha-2 code such as "US" or "DE"`;
export const unknownHolidayRegion = (region: string, country: string, known: readonly string[]) =>
    known.length === 0
      ? `${quote(region)} is not a region date-holidays knows: it has none for ${country}`
      : `${quote(region)} is not a region of ${country} that date-holidays knows: use one of ${known
          .slice(0, 30)
          .map((k) => `"${k}"`)
          .join(', ')}${known.length > 30 ? ', …' : ''}`;
export const holidayYears = (maxSpan: number) => `must be [from, to] with from <= to, spanning at most ${maxSpan} years`;
export const icsInput = () => 'must be an ultimatum, an array of ultimatums or a tracker (an object with a list() method)';
export const icsMilestonesAt = () => 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"';
export const icsYearRange = () => 'falls after the year 9999 (UTC), which iCalendar cannot write';
export const invalidLocale = (locale: string) => `${quote(locale)} is not a valid BCP 47 language tag`;
