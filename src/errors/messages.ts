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

/** The message of each reason, from its params: one function each, so a bundle keeps only those it uses. */
const text_required = () => 'is required';
const text_invalid = () => 'invalid input';
const text_custom = (p: { message: string }) => p.message;
const text_unknown_field = (p: { key: string }) => `unknown field "${p.key}"`;
const text_wrong_type = (p: { expected: string }) => `must be ${p.expected}`;
const text_wrong_kind = (p: { expected: string; got: string }) => `expects ${p.expected}, got ${p.got}`;
const text_not_plain_object = (p: { got: string }) => `must be a plain object (own fields only), got ${p.got}`;
const text_too_long = (p: { max: number }) => `must be at most ${p.max} characters`;
const text_too_short = (p: { min: number }) => `must be at least ${p.min} characters long`;
const text_empty = () => 'must not be empty';
const text_too_many_items = (p: { max: number }) => `must have at most ${p.max} items`;
const text_too_few_items = (p: { min: number }) => `must have at least ${p.min} items`;
const text_too_big = (p: { max: number; inclusive: boolean }) => `must be ${p.inclusive ? 'at most' : 'less than'} ${p.max}`;
const text_too_small = (p: { min: number; inclusive: boolean }) => `must be ${p.inclusive ? 'at least' : 'greater than'} ${p.min}`;
const text_not_one_of = (p: { options: readonly string[] }) => `must be one of ${list(p.options)}`;
const text_not_finite_non_negative = () => 'must be a finite number >= 0';
const text_not_finite = () => 'must be a finite number';
const text_not_integer = () => 'must be a whole number';
const text_not_a_fraction = () => 'must be a number between 0 and 1 (exclusive)';
const text_not_positive_ms = () => 'must be a whole number of milliseconds > 0';
const text_fractional_calendar_unit = (p: { unit: string }) => `must be a whole number: fractional ${p.unit} have no single length`;
const text_empty_duration = () => 'must name at least one unit (years, months, weeks, days, hours, minutes, seconds, milliseconds)';
const text_not_an_iso_duration = (p: { text: string }) => `${quote(p.text)} is not an ISO 8601 duration such as "P50D" or "PT48H"`;
const text_invalid_luxon_duration = (p: { explanation: string }) => `is an invalid luxon Duration (${p.explanation})`;
const text_not_luxon = (p: { kind: string }) => `looks like a luxon ${p.kind} but is not one`;
const text_business_day_count = (p: { max: number }) => `must be a whole number of business days between -${p.max} and ${p.max}`;
const text_unexpected_duration_word = (p: { text: string; word: string; at: number; expected: string }) =>
    `${quote(p.text)}: ${quote(p.word)} (at character ${p.at + 1}) is not ${p.expected}`;
const text_duration_text_ends_early = (p: { text: string; expected: string }) => `${quote(p.text)} ends where ${p.expected} was expected`;
const text_repeated_unit = (p: { text: string; unit: string }) => `${quote(p.text)} names ${p.unit} twice`;
const text_range_not_allowed = () => 'a range ("10 or 12 days") is only allowed as a whole `after`, where it makes a window';
const text_negative_duration = (p: { text: string }) => `${quote(p.text)} is negative: a duration counts forward`;
const text_range_order = (p: { text: string }) =>
    `${quote(p.text)} goes from the longer to the shorter: write the shorter first ("10 or 12 days")`;
const text_business_days_alone = () => 'cannot be combined with other units: count business days, or calendar time, not both';
const text_not_a_calendar_date = () => 'must be a real calendar date written YYYY-MM-DD';
const text_no_business_day = () => 'must leave at least one business day in the week';
const text_repeated_weekday = () => 'must not repeat a weekday';
const text_not_an_interval = () => 'must be working hours written HH:MM-HH:MM (an end at or before the start is on the next day; 24:00 ends a day)';
const text_overlapping_hours = () => 'overlaps other working hours (a night shift included): intervals must not overlap';
const text_hours_on_weekend = () => 'is a weekend day: give it no hours, or leave it out of the weekend';
const text_business_time_alone = () => 'cannot be combined with other units: count business hours and minutes, or calendar time, not both';
const text_no_working_hours = () => 'must leave some working time in the week';
const text_not_a_date = (p: { text: string; explanation: string }) => `${quote(p.text)} is not a valid date or instant (${p.explanation})`;
const text_not_a_simple_instant = (p: { text: string }) =>
  `${quote(p.text)} is not an instant this entry reads: YYYY-MM-DD, or YYYY-MM-DDTHH:mm[:ss[.sss]] with Z, an offset or neither (UTC); the main "ultimatum" entry reads every ISO 8601 form`;
const text_not_a_whole_date = () => 'expected a whole date such as 2025-09-02, optionally with a time';
const text_unknown_zone_annotation = (p: { zone: string }) => `${quote(p.zone)} in brackets is not a known IANA time zone`;
const text_offset_not_of_zone = (p: { zone: string }) => `the offset is not the one ${quote(p.zone)} has at that time`;
const text_unsupported_annotation = () => 'only one annotation, a time zone such as [Europe/Paris], is understood';
const text_invalid_date_object = () => 'is an invalid Date';
const text_invalid_luxon_datetime = (p: { explanation: string }) => `is an invalid luxon DateTime (${p.explanation})`;
const text_epoch_out_of_range = () => 'must be a finite number of epoch milliseconds';
const text_instant_out_of_range = () => `is outside ${RANGE}`;
const text_deadline_out_of_range = () => `takes the deadline past ${RANGE}`;
const text_unknown_zone = (p: { zone: string }) => `${quote(p.zone)} is not a known IANA time zone`;
const text_exactly_one_rule = () => 'a deadline rule needs exactly one of "at", "after" or "between"';
const text_only_with_after = (p: { key: string }) => `"${p.key}" only applies to an "after" rule`;
const text_window_order = () => 'the earliest end of the window must not be after the latest';
const text_exactly_one_of_by_to = () => 'needs exactly one of "by" or "to"';
const text_deadline_before_issue = () => 'puts the deadline before the ultimatum was issued';
const text_no_active_time = () =>
    'puts the deadline so early that, less the time the clock was paused, no active time would be left';
const text_event_before_issue = () => 'is before the ultimatum was issued';
const text_event_out_of_order = (p: { previous: string }) =>
    `is before the previous event (${p.previous}): events must be in chronological order`;
const text_event_after_terminal = (p: { terminal: string }) => `comes after the ultimatum was ${p.terminal}: nothing may follow`;
const text_resume_without_pause = () => 'resumes a clock that is not paused';
const text_pause_while_paused = () => 'pauses a clock that is already paused';
const text_pause_after_deadline = () => 'pauses after the deadline has passed: there is no clock left to stop';
const text_extend_not_later = () => 'must move the deadline later';
const text_shorten_not_earlier = () => 'must move the deadline earlier';
const text_unknown_consequence = (p: { id: string; known: readonly string[] }) =>
    p.known.length === 0
      ? `names consequence "${p.id}", but the ultimatum threatens none`
      : `names consequence "${p.id}", which is not one of ${list(p.known)}`;
const text_duplicate_consequence_id = (p: { id: string }) => `repeats the consequence id "${p.id}"`;
const text_unsupported_schema_version = (p: { supported: number }) =>
    `must be ${p.supported}: this version reads stored documents of schemaVersion ${p.supported}`;
const text_duplicate_ultimatum_id = (p: { id: string }) => `repeats the id ${quote(p.id)}: ids must be unique in a tracker`;
const text_unknown_ultimatum_id = (p: { id: string }) => `names no ultimatum of this tracker (${quote(p.id)}): use add() for a new one`;
const text_not_a_tracker_document = () =>
    'must be a tracker document: { schemaVersion: 1, kind: "ultimatum-tracker", ultimatums: [...] }';
const text_unit_order = (p: { smallest: string }) => `must not be smaller than smallestUnit ("${p.smallest}")`;
const text_invalid_locale = (p: { locale: string }) => `${quote(p.locale)} is not a valid BCP 47 language tag`;
const text_unknown_tracked_id = (p: { id: string }) => `no ultimatum in the tracker has the id ${quote(p.id)}`;
const text_fetch_failed = (p: { url: string; status: number | null }) =>
  `could not load ${quote(p.url)}: ${p.status === null ? 'the request failed' : `HTTP status ${p.status}`}`;
const text_not_json = (p: { explanation: string }) => `is not JSON: ${p.explanation}`;
const text_more_issues = (p: { count: number }) => `and ${p.count} more ${p.count === 1 ? 'problem' : 'problems'}, not listed`;
const text_peer_not_installed = (p: { peer: string; use: string }) =>
    `${p.use} needs the optional peer dependency "${p.peer}", which is not installed: run \`npm install ${p.peer}\``;
const text_peer_unreadable = (p: { peer: string; what: string }) =>
    `${p.peer} gave ${p.what}, which this version of ultimatum cannot read: install ${p.peer} 3 (npm install ${p.peer}@3)`;
const text_unknown_country = (p: { country: string }) =>
    `${quote(p.country)} is not a country date-holidays knows: use an ISO 3166-1 alpha-2 code such as "US" or "DE"`;
const text_unknown_region = (p: { region: string; country: string; known: readonly string[] }) =>
    p.known.length === 0
      ? `${quote(p.region)} is not a region date-holidays knows: it has none for ${p.country}`
      : `${quote(p.region)} is not a region of ${p.country} that date-holidays knows: use one of ${list(p.known.slice(0, 30))}${
          p.known.length > 30 ? ', …' : ''
        }`;
const text_year_span = (p: { maxSpan: number }) => `must be [from, to] with from <= to, spanning at most ${p.maxSpan} years`;
const text_not_ics_input = () => 'must be an ultimatum, an array of ultimatums or a tracker (an object with a list() method)';
const text_option_not_here = () => 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"';
const text_unwritable_year = () => 'falls after the year 9999 (UTC), which iCalendar cannot write';

/** Every reason, in the order of the table above (for the README's list and its test). */
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

/** Builds the problem of a reason, its message from its text function. */
function problem<P extends Record<string, unknown>>(reason: IssueReason, text: (p: P) => string, params?: P): Problem {
  const p = params ?? ({} as P);
  return { reason, params: p, message: text(p) };
}

export const required = () => problem('required', text_required);
export const invalid = () => problem('invalid', text_invalid);
/** A custom check of a caller's own schema: its message is kept as written. */
export const custom = (message: string) => problem('custom', text_custom, { message });
export const unknownKey = (key: string) => problem('unknown_field', text_unknown_field, { key });
export const expectedType = (expected: string) => problem('wrong_type', text_wrong_type, { expected });
export const wrongKind = (expected: string, got: string) => problem('wrong_kind', text_wrong_kind, { expected, got });
export const notPlainObject = (got: string) => problem('not_plain_object', text_not_plain_object, { got });
export const expectedDate = () => expectedType('an ISO 8601 string, a Date, epoch milliseconds, a luxon DateTime or a Temporal instant or date');
export const expectedDuration = () => expectedType('an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units');
export const tooLong = (max: number) => problem('too_long', text_too_long, { max });
export const tooShort = (min: number) => problem('too_short', text_too_short, { min });
export const emptyArray = () => problem('empty', text_empty);
export const tooManyItems = (max: number) => problem('too_many_items', text_too_many_items, { max });
export const tooFewItems = (min: number) => problem('too_few_items', text_too_few_items, { min });
export const tooBig = (max: number, inclusive: boolean) => problem('too_big', text_too_big, { max, inclusive });
export const tooSmall = (min: number, inclusive: boolean) => problem('too_small', text_too_small, { min, inclusive });
export const oneOf = (options: readonly string[]) => problem('not_one_of', text_not_one_of, { options });
export const finiteNonNegative = () => problem('not_finite_non_negative', text_not_finite_non_negative);
export const finiteNumber = () => problem('not_finite', text_not_finite);
export const integer = () => problem('not_integer', text_not_integer);
export const wholeCalendarUnit = (unit: string) => problem('fractional_calendar_unit', text_fractional_calendar_unit, { unit });
export const emptyDuration = () => problem('empty_duration', text_empty_duration);
export const invalidIsoDuration = (text: string) => problem('not_an_iso_duration', text_not_an_iso_duration, { text });
export const invalidLuxonDuration = (explanation: string) => problem('invalid_luxon_duration', text_invalid_luxon_duration, { explanation });
export const notLuxon = (kind: string) => problem('not_luxon', text_not_luxon, { kind });
export const businessDayCount = (max: number) => problem('business_day_count', text_business_day_count, { max });
export const fraction = () => problem('not_a_fraction', text_not_a_fraction);
export const duplicateUltimatumId = (id: string) => problem('duplicate_ultimatum_id', text_duplicate_ultimatum_id, { id });
export const unknownUltimatumId = (id: string) => problem('unknown_ultimatum_id', text_unknown_ultimatum_id, { id });
export const trackerDocument = () => problem('not_a_tracker_document', text_not_a_tracker_document);
export const positiveMs = () => problem('not_positive_ms', text_not_positive_ms);
export const durationWord = (text: string, word: string, at: number, expected: string) =>
  problem('unexpected_duration_word', text_unexpected_duration_word, { text, word, at, expected });
export const durationWordsEnd = (text: string, expected: string) => problem('duration_text_ends_early', text_duration_text_ends_early, { text, expected });
export const durationRepeatedUnit = (text: string, unit: string) => problem('repeated_unit', text_repeated_unit, { text, unit });
export const durationRangeHere = () => problem('range_not_allowed', text_range_not_allowed);
export const negativeDuration = (text: string) => problem('negative_duration', text_negative_duration, { text });
export const rangeOrder = (text: string) => problem('range_order', text_range_order, { text });
export const noActiveTime = () => problem('no_active_time', text_no_active_time);
export const isoDate = () => problem('not_a_calendar_date', text_not_a_calendar_date);
export const noBusinessDay = () => problem('no_business_day', text_no_business_day);
export const repeatedWeekday = () => problem('repeated_weekday', text_repeated_weekday);
export const notAnInterval = () => problem('not_an_interval', text_not_an_interval);
export const overlappingHours = () => problem('overlapping_hours', text_overlapping_hours);
export const hoursOnWeekend = () => problem('hours_on_weekend', text_hours_on_weekend);
export const businessTimeAlone = () => problem('business_time_alone', text_business_time_alone);
export const noWorkingHours = () => problem('no_working_hours', text_no_working_hours);
export const deadlineBeforeIssue = () => problem('deadline_before_issue', text_deadline_before_issue);
export const invalidDate = (text: string, explanation: string) => problem('not_a_date', text_not_a_date, { text, explanation });
export const simpleInstantExpected = (text: string) => problem('not_a_simple_instant', text_not_a_simple_instant, { text });
export const wholeDateExpected = () => problem('not_a_whole_date', text_not_a_whole_date);
export const unknownZoneAnnotation = (zone: string) => problem('unknown_zone_annotation', text_unknown_zone_annotation, { zone });
export const offsetNotOfZone = (zone: string) => problem('offset_not_of_zone', text_offset_not_of_zone, { zone });
export const unsupportedAnnotation = () => problem('unsupported_annotation', text_unsupported_annotation);
export const invalidDateObject = () => problem('invalid_date_object', text_invalid_date_object);
export const invalidDateTime = (explanation: string) => problem('invalid_luxon_datetime', text_invalid_luxon_datetime, { explanation });
export const epochOutOfRange = () => problem('epoch_out_of_range', text_epoch_out_of_range);
export const instantOutOfRange = () => problem('instant_out_of_range', text_instant_out_of_range);
export const durationOutOfRange = () => problem('deadline_out_of_range', text_deadline_out_of_range);
export const unknownZone = (zone: string) => problem('unknown_zone', text_unknown_zone, { zone });
export const exactlyOneRule = () => problem('exactly_one_rule', text_exactly_one_rule);
export const onlyWithAfter = (key: string) => problem('only_with_after', text_only_with_after, { key });
export const windowOrder = () => problem('window_order', text_window_order);
export const businessDaysAlone = () => problem('business_days_alone', text_business_days_alone);
export const exactlyOneOfByTo = () => problem('exactly_one_of_by_to', text_exactly_one_of_by_to);
export const eventBeforeIssue = () => problem('event_before_issue', text_event_before_issue);
export const eventOutOfOrder = (previous: string) => problem('event_out_of_order', text_event_out_of_order, { previous });
export const eventAfterTerminal = (terminal: string) => problem('event_after_terminal', text_event_after_terminal, { terminal });
export const resumeWithoutPause = () => problem('resume_without_pause', text_resume_without_pause);
export const pauseWhilePaused = () => problem('pause_while_paused', text_pause_while_paused);
export const pauseAfterDeadline = () => problem('pause_after_deadline', text_pause_after_deadline);
export const extendNotLater = () => problem('extend_not_later', text_extend_not_later);
export const shortenNotEarlier = () => problem('shorten_not_earlier', text_shorten_not_earlier);
export const unknownConsequence = (id: string, known: readonly string[]) => problem('unknown_consequence', text_unknown_consequence, { id, known });
export const duplicateConsequenceId = (id: string) => problem('duplicate_consequence_id', text_duplicate_consequence_id, { id });
export const schemaVersion = (supported: number) => problem('unsupported_schema_version', text_unsupported_schema_version, { supported });
export const unitOrder = (smallest: string) => problem('unit_order', text_unit_order, { smallest });
export const unknownTrackedId = (id: string) => problem('unknown_tracked_id', text_unknown_tracked_id, { id });
export const fetchFailed = (url: string, status: number | null) => problem('fetch_failed', text_fetch_failed, { url, status });
export const notJson = (explanation: string) => problem('not_json', text_not_json, { explanation });
export const moreIssues = (count: number) => problem('more_issues', text_more_issues, { count });
export const holidaysNotInstalled = () => problem('peer_not_installed', text_peer_not_installed, { peer: 'date-holidays', use: 'holidayCalendar' });
export const holidaysUnreadable = (what: string) => problem('peer_unreadable', text_peer_unreadable, { peer: 'date-holidays', what });
export const unknownHolidayCountry = (country: string) => problem('unknown_country', text_unknown_country, { country });
export const unknownHolidayRegion = (region: string, country: string, known: readonly string[]) =>
  problem('unknown_region', text_unknown_region, { region, country, known });
export const holidayYears = (maxSpan: number) => problem('year_span', text_year_span, { maxSpan });
export const icsInput = () => problem('not_ics_input', text_not_ics_input);
export const icsMilestonesAt = () => problem('option_not_here', text_option_not_here);
export const icsYearRange = () => problem('unwritable_year', text_unwritable_year);
export const invalidLocale = (locale: string) => problem('invalid_locale', text_invalid_locale, { locale });

/** The message of an `UltimatumError`: its first issue, and how many more there are. */
export const summary = (count: number, first: string) =>
  count <= 1 ? first : `${first} (and ${count - 1} more ${count === 2 ? 'problem' : 'problems'})`;
