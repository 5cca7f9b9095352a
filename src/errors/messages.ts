/**
 * Every problem the library reports, in one place: a stable `reason` (snake_case), its params,
 * and the message derived from them, so wording stays consistent and a translation or review
 * touches one file. Callers match on `reason`; messages may be reworded.
 */

/** Quotes user text in a message, shortened so that a 1 MB input does not make a 1 MB message. */
function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
const list = (items: readonly string[]) => items.map((o) => `"${o}"`).join(', ');
const RANGE = 'the supported range (years 1 to 9999)';

/** Every reason (for the README's list and its test). */
export const REASONS = [
  'required',
  'invalid',
  'custom',
  'unknown_field',
  'wrong_type',
  'wrong_kind',
  'not_plain_object',
  'too_long',
  'too_short',
  'empty',
  'too_many_items',
  'too_few_items',
  'too_big',
  'too_small',
  'not_one_of',
  'not_finite_non_negative',
  'not_finite',
  'not_integer',
  'not_a_fraction',
  'not_positive_ms',
  'fractional_calendar_unit',
  'empty_duration',
  'not_an_iso_duration',
  'invalid_luxon_duration',
  'not_luxon',
  'business_day_count',
  'unexpected_duration_word',
  'duration_text_ends_early',
  'repeated_unit',
  'range_not_allowed',
  'negative_duration',
  'range_order',
  'business_days_alone',
  'not_a_calendar_date',
  'no_business_day',
  'repeated_weekday',
  'not_an_interval',
  'overlapping_hours',
  'hours_on_weekend',
  'no_working_hours',
  'business_time_alone',
  'not_a_date',
  'not_a_whole_date',
  'not_a_simple_instant',
  'unknown_zone_annotation',
  'offset_not_of_zone',
  'unsupported_annotation',
  'invalid_date_object',
  'invalid_luxon_datetime',
  'epoch_out_of_range',
  'instant_out_of_range',
  'deadline_out_of_range',
  'unknown_zone',
  'exactly_one_rule',
  'only_with_after',
  'window_order',
  'exactly_one_of_by_to',
  'deadline_before_issue',
  'no_active_time',
  'event_before_issue',
  'event_out_of_order',
  'event_after_terminal',
  'resume_without_pause',
  'pause_while_paused',
  'pause_after_deadline',
  'extend_not_later',
  'shorten_not_earlier',
  'unknown_consequence',
  'duplicate_consequence_id',
  'unsupported_schema_version',
  'duplicate_ultimatum_id',
  'unknown_ultimatum_id',
  'not_a_tracker_document',
  'unit_order',
  'invalid_locale',
  'not_json',
  'unknown_tracked_id',
  'fetch_failed',
  'more_issues',
  'peer_not_installed',
  'peer_unreadable',
  'unknown_country',
  'unknown_region',
  'year_span',
  'not_ics_input',
  'option_not_here',
  'unwritable_year',
] as const;

/**
 * Why an input was refused: stable across versions, one per kind of problem (the README lists
 * them all). Match on it rather than on the message.
 *
 * @example
 * const reason: IssueReason = 'event_out_of_order';
 */
export type IssueReason = (typeof REASONS)[number];

/** A problem before it has a place: its reason, params and message. */
export interface Problem {
  readonly reason: IssueReason;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/**
 * The problem of a reason. Each builder below writes its message from its params in place, so a
 * bundle keeps only the messages it can report.
 */
function problem(reason: IssueReason, params: Readonly<Record<string, unknown>>, message: string): Problem {
  return { reason, params, message };
}

export const required = () => problem('required', {}, 'is required');
export const invalid = () => problem('invalid', {}, 'invalid input');
/** A custom check of a caller's own schema: its message is kept as written. */
export const custom = (message: string) => problem('custom', { message }, message);
export const unknownKey = (key: string) => problem('unknown_field', { key }, `unknown field "${key}"`);
export const expectedType = (expected: string) => problem('wrong_type', { expected }, `must be ${expected}`);
export const wrongKind = (expected: string, got: string) => problem('wrong_kind', { expected, got }, `expects ${expected}, got ${got}`);
export const notPlainObject = (got: string) => problem('not_plain_object', { got }, `must be a plain object (own fields only), got ${got}`);
export const expectedDate = () => expectedType('an ISO 8601 string, a Date, epoch milliseconds, a luxon DateTime or a Temporal instant or date');
export const expectedDuration = () => expectedType('an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units');
export const tooLong = (max: number) => problem('too_long', { max }, `must be at most ${max} characters`);
export const tooShort = (min: number) => problem('too_short', { min }, `must be at least ${min} characters long`);
export const emptyArray = () => problem('empty', {}, 'must not be empty');
export const tooManyItems = (max: number) => problem('too_many_items', { max }, `must have at most ${max} items`);
export const tooFewItems = (min: number) => problem('too_few_items', { min }, `must have at least ${min} items`);
export const tooBig = (max: number, inclusive: boolean) => problem('too_big', { max, inclusive }, `must be ${inclusive ? 'at most' : 'less than'} ${max}`);
export const tooSmall = (min: number, inclusive: boolean) =>
  problem('too_small', { min, inclusive }, `must be ${inclusive ? 'at least' : 'greater than'} ${min}`);
export const oneOf = (options: readonly string[]) => problem('not_one_of', { options }, `must be one of ${list(options)}`);
export const finiteNonNegative = () => problem('not_finite_non_negative', {}, 'must be a finite number >= 0');
export const finiteNumber = () => problem('not_finite', {}, 'must be a finite number');
export const integer = () => problem('not_integer', {}, 'must be a whole number');
export const wholeCalendarUnit = (unit: string) =>
  problem('fractional_calendar_unit', { unit }, `must be a whole number: fractional ${unit} have no single length`);
export const emptyDuration = () =>
  problem('empty_duration', {}, 'must name at least one unit (years, months, weeks, days, hours, minutes, seconds, milliseconds)');
export const invalidIsoDuration = (text: string) =>
  problem('not_an_iso_duration', { text }, `${quote(text)} is not an ISO 8601 duration such as "P50D" or "PT48H"`);
export const invalidLuxonDuration = (explanation: string) =>
  problem('invalid_luxon_duration', { explanation }, `is an invalid luxon Duration (${explanation})`);
export const notLuxon = (kind: string) => problem('not_luxon', { kind }, `looks like a luxon ${kind} but is not one`);
export const businessDayCount = (max: number) => problem('business_day_count', { max }, `must be a whole number of business days between -${max} and ${max}`);
export const fraction = () => problem('not_a_fraction', {}, 'must be a number between 0 and 1 (exclusive)');
export const duplicateUltimatumId = (id: string) => problem('duplicate_ultimatum_id', { id }, `repeats the id ${quote(id)}: ids must be unique in a tracker`);
export const unknownUltimatumId = (id: string) =>
  problem('unknown_ultimatum_id', { id }, `names no ultimatum of this tracker (${quote(id)}): use add() for a new one`);
export const trackerDocument = () =>
  problem('not_a_tracker_document', {}, 'must be a tracker document: { schemaVersion: 1, kind: "ultimatum-tracker", ultimatums: [...] }');
export const positiveMs = () => problem('not_positive_ms', {}, 'must be a whole number of milliseconds > 0');
export const durationWord = (text: string, word: string, at: number, expected: string) =>
  problem('unexpected_duration_word', { text, word, at, expected }, `${quote(text)}: ${quote(word)} (at character ${at + 1}) is not ${expected}`);
export const durationWordsEnd = (text: string, expected: string) =>
  problem('duration_text_ends_early', { text, expected }, `${quote(text)} ends where ${expected} was expected`);
export const durationRepeatedUnit = (text: string, unit: string) => problem('repeated_unit', { text, unit }, `${quote(text)} names ${unit} twice`);
export const durationRangeHere = () =>
  problem('range_not_allowed', {}, 'a range ("10 or 12 days") is only allowed as a whole `after`, where it makes a window');
export const negativeDuration = (text: string) => problem('negative_duration', { text }, `${quote(text)} is negative: a duration counts forward`);
export const rangeOrder = (text: string) =>
  problem('range_order', { text }, `${quote(text)} goes from the longer to the shorter: write the shorter first ("10 or 12 days")`);
export const noActiveTime = () =>
  problem('no_active_time', {}, 'puts the deadline so early that, less the time the clock was paused, no active time would be left');
export const isoDate = () => problem('not_a_calendar_date', {}, 'must be a real calendar date written YYYY-MM-DD');
export const noBusinessDay = () => problem('no_business_day', {}, 'must leave at least one business day in the week');
export const repeatedWeekday = () => problem('repeated_weekday', {}, 'must not repeat a weekday');
export const notAnInterval = () =>
  problem('not_an_interval', {}, 'must be working hours written HH:MM-HH:MM (an end at or before the start is on the next day; 24:00 ends a day)');
export const overlappingHours = () => problem('overlapping_hours', {}, 'overlaps other working hours (a night shift included): intervals must not overlap');
export const hoursOnWeekend = () => problem('hours_on_weekend', {}, 'is a weekend day: give it no hours, or leave it out of the weekend');
export const businessTimeAlone = () =>
  problem('business_time_alone', {}, 'cannot be combined with other units: count business hours and minutes, or calendar time, not both');
export const noWorkingHours = () => problem('no_working_hours', {}, 'must leave some working time in the week');
export const deadlineBeforeIssue = () => problem('deadline_before_issue', {}, 'puts the deadline before the ultimatum was issued');
export const invalidDate = (text: string, explanation: string) =>
  problem('not_a_date', { text, explanation }, `${quote(text)} is not a valid date or instant (${explanation})`);
export const simpleInstantExpected = (text: string) =>
  problem('not_a_simple_instant', { text }, `${quote(text)} is not an instant this entry reads: YYYY-MM-DD, or YYYY-MM-DDTHH:mm[:ss[.sss]] with Z, an offset or neither (UTC); the main "ultimatum" entry reads every ISO 8601 form`);
export const wholeDateExpected = () => problem('not_a_whole_date', {}, 'expected a whole date such as 2025-09-02, optionally with a time');
export const unknownZoneAnnotation = (zone: string) => problem('unknown_zone_annotation', { zone }, `${quote(zone)} in brackets is not a known IANA time zone`);
export const offsetNotOfZone = (zone: string) => problem('offset_not_of_zone', { zone }, `the offset is not the one ${quote(zone)} has at that time`);
export const unsupportedAnnotation = () => problem('unsupported_annotation', {}, 'only one annotation, a time zone such as [Europe/Paris], is understood');
export const invalidDateObject = () => problem('invalid_date_object', {}, 'is an invalid Date');
export const invalidDateTime = (explanation: string) => problem('invalid_luxon_datetime', { explanation }, `is an invalid luxon DateTime (${explanation})`);
export const epochOutOfRange = () => problem('epoch_out_of_range', {}, 'must be a finite number of epoch milliseconds');
export const instantOutOfRange = () => problem('instant_out_of_range', {}, `is outside ${RANGE}`);
export const durationOutOfRange = () => problem('deadline_out_of_range', {}, `takes the deadline past ${RANGE}`);
export const unknownZone = (zone: string) => problem('unknown_zone', { zone }, `${quote(zone)} is not a known IANA time zone`);
export const exactlyOneRule = () => problem('exactly_one_rule', {}, 'a deadline rule needs exactly one of "at", "after" or "between"');
export const onlyWithAfter = (key: string) => problem('only_with_after', { key }, `"${key}" only applies to an "after" rule`);
export const windowOrder = () => problem('window_order', {}, 'the earliest end of the window must not be after the latest');
export const businessDaysAlone = () =>
  problem('business_days_alone', {}, 'cannot be combined with other units: count business days, or calendar time, not both');
export const exactlyOneOfByTo = () => problem('exactly_one_of_by_to', {}, 'needs exactly one of "by" or "to"');
export const eventBeforeIssue = () => problem('event_before_issue', {}, 'is before the ultimatum was issued');
export const eventOutOfOrder = (previous: string) =>
  problem('event_out_of_order', { previous }, `is before the previous event (${previous}): events must be in chronological order`);
export const eventAfterTerminal = (terminal: string) =>
  problem('event_after_terminal', { terminal }, `comes after the ultimatum was ${terminal}: nothing may follow`);
export const resumeWithoutPause = () => problem('resume_without_pause', {}, 'resumes a clock that is not paused');
export const pauseWhilePaused = () => problem('pause_while_paused', {}, 'pauses a clock that is already paused');
export const pauseAfterDeadline = () => problem('pause_after_deadline', {}, 'pauses after the deadline has passed: there is no clock left to stop');
export const extendNotLater = () => problem('extend_not_later', {}, 'must move the deadline later');
export const shortenNotEarlier = () => problem('shorten_not_earlier', {}, 'must move the deadline earlier');
export const unknownConsequence = (id: string, known: readonly string[]) =>
  problem(
    'unknown_consequence',
    { id, known },
    known.length === 0 ? `names consequence "${id}", but the ultimatum threatens none` : `names consequence "${id}", which is not one of ${list(known)}`,
  );
export const duplicateConsequenceId = (id: string) => problem('duplicate_consequence_id', { id }, `repeats the consequence id "${id}"`);
export const schemaVersion = (supported: number) =>
  problem('unsupported_schema_version', { supported }, `must be ${supported}: this version reads stored documents of schemaVersion ${supported}`);
export const unitOrder = (smallest: string) => problem('unit_order', { smallest }, `must not be smaller than smallestUnit ("${smallest}")`);
export const unknownTrackedId = (id: string) => problem('unknown_tracked_id', { id }, `no ultimatum in the tracker has the id ${quote(id)}`);
export const fetchFailed = (url: string, status: number | null) =>
  problem('fetch_failed', { url, status }, `could not load ${quote(url)}: ${status === null ? 'the request failed' : `HTTP status ${status}`}`);
export const notJson = (explanation: string) => problem('not_json', { explanation }, `is not JSON: ${explanation}`);
export const moreIssues = (count: number) => problem('more_issues', { count }, `and ${count} more ${count === 1 ? 'problem' : 'problems'}, not listed`);
export const holidaysNotInstalled = () =>
  problem(
    'peer_not_installed',
    { peer: 'date-holidays', use: 'holidayCalendar' },
    'holidayCalendar needs the optional peer dependency "date-holidays", which is not installed: run `npm install date-holidays`',
  );
export const holidaysUnreadable = (what: string) =>
  problem('peer_unreadable', { peer: 'date-holidays', what }, `date-holidays gave ${what}, which this version of ultimatum cannot read: install date-holidays 3 (npm install date-holidays@3)`);
export const unknownHolidayCountry = (country: string) =>
  problem('unknown_country', { country }, `${quote(country)} is not a country date-holidays knows: use an ISO 3166-1 alpha-2 code such as "US" or "DE"`);
export const unknownHolidayRegion = (region: string, country: string, known: readonly string[]) =>
  problem(
    'unknown_region',
    { region, country, known },
    known.length === 0
      ? `${quote(region)} is not a region date-holidays knows: it has none for ${country}`
      : `${quote(region)} is not a region of ${country} that date-holidays knows: use one of ${list(known.slice(0, 30))}${known.length > 30 ? ', …' : ''}`,
  );
export const holidayYears = (maxSpan: number) => problem('year_span', { maxSpan }, `must be [from, to] with from <= to, spanning at most ${maxSpan} years`);
export const icsInput = () => problem('not_ics_input', {}, 'must be an ultimatum, an array of ultimatums or a tracker (an object with a list() method)');
export const icsMilestonesAt = () =>
  problem('option_not_here', {}, 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"');
export const icsYearRange = () => problem('unwritable_year', {}, 'falls after the year 9999 (UTC), which iCalendar cannot write');
export const invalidLocale = (locale: string) => problem('invalid_locale', { locale }, `${quote(locale)} is not a valid BCP 47 language tag`);

/** The message of an `UltimatumError`: its first issue, and how many more there are. */
export const summary = (count: number, first: string) =>
  count <= 1 ? first : `${first} (and ${count - 1} more ${count === 2 ? 'problem' : 'problems'})`;
