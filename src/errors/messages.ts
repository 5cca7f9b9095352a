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

type Texts = { readonly [reason: string]: (p: never) => string };

/** The message of each reason, from its params. */
const TEXTS = {
  required: () => 'is required',
  invalid: () => 'invalid input',
  custom: (p: { message: string }) => p.message,
  unknown_field: (p: { key: string }) => `unknown field "${p.key}"`,
  wrong_type: (p: { expected: string }) => `must be ${p.expected}`,
  wrong_kind: (p: { expected: string; got: string }) => `expects ${p.expected}, got ${p.got}`,
  not_plain_object: (p: { got: string }) => `must be a plain object (own fields only), got ${p.got}`,
  too_long: (p: { max: number }) => `must be at most ${p.max} characters`,
  too_short: (p: { min: number }) => `must be at least ${p.min} characters long`,
  empty: () => 'must not be empty',
  too_many_items: (p: { max: number }) => `must have at most ${p.max} items`,
  too_few_items: (p: { min: number }) => `must have at least ${p.min} items`,
  too_big: (p: { max: number; inclusive: boolean }) => `must be ${p.inclusive ? 'at most' : 'less than'} ${p.max}`,
  too_small: (p: { min: number; inclusive: boolean }) => `must be ${p.inclusive ? 'at least' : 'greater than'} ${p.min}`,
  not_one_of: (p: { options: readonly string[] }) => `must be one of ${list(p.options)}`,
  not_finite_non_negative: () => 'must be a finite number >= 0',
  not_finite: () => 'must be a finite number',
  not_integer: () => 'must be a whole number',
  not_a_fraction: () => 'must be a number between 0 and 1 (exclusive)',
  not_positive_ms: () => 'must be a whole number of milliseconds > 0',
  fractional_calendar_unit: (p: { unit: string }) => `must be a whole number: fractional ${p.unit} have no single length`,
  empty_duration: () => 'must name at least one unit (years, months, weeks, days, hours, minutes, seconds, milliseconds)',
  not_an_iso_duration: (p: { text: string }) => `${quote(p.text)} is not an ISO 8601 duration such as "P50D" or "PT48H"`,
  invalid_luxon_duration: (p: { explanation: string }) => `is an invalid luxon Duration (${p.explanation})`,
  not_luxon: (p: { kind: string }) => `looks like a luxon ${p.kind} but is not one`,
  business_day_count: (p: { max: number }) => `must be a whole number of business days between -${p.max} and ${p.max}`,
  unexpected_duration_word: (p: { text: string; word: string; at: number; expected: string }) =>
    `${quote(p.text)}: ${quote(p.word)} (at character ${p.at + 1}) is not ${p.expected}`,
  duration_text_ends_early: (p: { text: string; expected: string }) => `${quote(p.text)} ends where ${p.expected} was expected`,
  repeated_unit: (p: { text: string; unit: string }) => `${quote(p.text)} names ${p.unit} twice`,
  range_not_allowed: () => 'a range ("10 or 12 days") is only allowed as a whole `after`, where it makes a window',
  negative_duration: (p: { text: string }) => `${quote(p.text)} is negative: a duration counts forward`,
  range_order: (p: { text: string }) =>
    `${quote(p.text)} goes from the longer to the shorter: write the shorter first ("10 or 12 days")`,
  business_days_alone: () => 'cannot be combined with other units: count business days, or calendar time, not both',
  not_a_calendar_date: () => 'must be a real calendar date written YYYY-MM-DD',
  no_business_day: () => 'must leave at least one business day in the week',
  repeated_weekday: () => 'must not repeat a weekday',
  not_a_date: (p: { text: string; explanation: string }) => `${quote(p.text)} is not a valid date or instant (${p.explanation})`,
  not_a_whole_date: () => 'expected a whole date such as 2025-09-02, optionally with a time',
  unknown_zone_annotation: (p: { zone: string }) => `${quote(p.zone)} in brackets is not a known IANA time zone`,
  offset_not_of_zone: (p: { zone: string }) => `the offset is not the one ${quote(p.zone)} has at that time`,
  unsupported_annotation: () => 'only one annotation, a time zone such as [Europe/Paris], is understood',
  invalid_date_object: () => 'is an invalid Date',
  invalid_luxon_datetime: (p: { explanation: string }) => `is an invalid luxon DateTime (${p.explanation})`,
  epoch_out_of_range: () => 'must be a finite number of epoch milliseconds',
  instant_out_of_range: () => `is outside ${RANGE}`,
  deadline_out_of_range: () => `takes the deadline past ${RANGE}`,
  unknown_zone: (p: { zone: string }) => `${quote(p.zone)} is not a known IANA time zone`,
  exactly_one_rule: () => 'a deadline rule needs exactly one of "at", "after" or "between"',
  only_with_after: (p: { key: string }) => `"${p.key}" only applies to an "after" rule`,
  window_order: () => 'the earliest end of the window must not be after the latest',
  exactly_one_of_by_to: () => 'needs exactly one of "by" or "to"',
  deadline_before_issue: () => 'puts the deadline before the ultimatum was issued',
  no_active_time: () =>
    'puts the deadline so early that, less the time the clock was paused, no active time would be left',
  event_before_issue: () => 'is before the ultimatum was issued',
  event_out_of_order: (p: { previous: string }) =>
    `is before the previous event (${p.previous}): events must be in chronological order`,
  event_after_terminal: (p: { terminal: string }) => `comes after the ultimatum was ${p.terminal}: nothing may follow`,
  resume_without_pause: () => 'resumes a clock that is not paused',
  pause_while_paused: () => 'pauses a clock that is already paused',
  pause_after_deadline: () => 'pauses after the deadline has passed: there is no clock left to stop',
  extend_not_later: () => 'must move the deadline later',
  shorten_not_earlier: () => 'must move the deadline earlier',
  unknown_consequence: (p: { id: string; known: readonly string[] }) =>
    p.known.length === 0
      ? `names consequence "${p.id}", but the ultimatum threatens none`
      : `names consequence "${p.id}", which is not one of ${list(p.known)}`,
  duplicate_consequence_id: (p: { id: string }) => `repeats the consequence id "${p.id}"`,
  unsupported_schema_version: (p: { supported: number }) =>
    `must be ${p.supported}: this version reads stored documents of schemaVersion ${p.supported}`,
  duplicate_ultimatum_id: (p: { id: string }) => `repeats the id ${quote(p.id)}: ids must be unique in a tracker`,
  unknown_ultimatum_id: (p: { id: string }) => `names no ultimatum of this tracker (${quote(p.id)}): use add() for a new one`,
  not_a_tracker_document: () =>
    'must be a tracker document: { schemaVersion: 1, kind: "ultimatum-tracker", ultimatums: [...] }',
  unit_order: (p: { smallest: string }) => `must not be smaller than smallestUnit ("${p.smallest}")`,
  invalid_locale: (p: { locale: string }) => `${quote(p.locale)} is not a valid BCP 47 language tag`,
  not_json: (p: { explanation: string }) => `is not JSON: ${p.explanation}`,
  more_issues: (p: { count: number }) => `and ${p.count} more ${p.count === 1 ? 'problem' : 'problems'}, not listed`,
  peer_not_installed: (p: { peer: string; use: string }) =>
    `${p.use} needs the optional peer dependency "${p.peer}", which is not installed: run \`npm install ${p.peer}\``,
  peer_unreadable: (p: { peer: string; what: string }) =>
    `${p.peer} gave ${p.what}, which this version of ultimatum cannot read: install ${p.peer} 3 (npm install ${p.peer}@3)`,
  unknown_country: (p: { country: string }) =>
    `${quote(p.country)} is not a country date-holidays knows: use an ISO 3166-1 alpha-2 code such as "US" or "DE"`,
  unknown_region: (p: { region: string; country: string; known: readonly string[] }) =>
    p.known.length === 0
      ? `${quote(p.region)} is not a region date-holidays knows: it has none for ${p.country}`
      : `${quote(p.region)} is not a region of ${p.country} that date-holidays knows: use one of ${list(p.known.slice(0, 30))}${
          p.known.length > 30 ? ', …' : ''
        }`,
  year_span: (p: { maxSpan: number }) => `must be [from, to] with from <= to, spanning at most ${p.maxSpan} years`,
  not_ics_input: () => 'must be an ultimatum, an array of ultimatums or a tracker (an object with a list() method)',
  option_not_here: () => 'is not an option here: the alarms follow the deadline of the event, set by the top-level "at"',
  unwritable_year: () => 'falls after the year 9999 (UTC), which iCalendar cannot write',
} satisfies Texts;

/**
 * Why an input was refused: stable across versions, one per kind of problem (the README lists
 * them all). Match on it rather than on the message.
 *
 * @example
 * const reason: IssueReason = 'event_out_of_order';
 */
export type IssueReason = keyof typeof TEXTS;

/** The params a reason carries (`{}` when it has none). */
export type IssueParams<R extends IssueReason = IssueReason> = Parameters<(typeof TEXTS)[R]> extends [infer P] ? P : Record<string, never>;

/** A problem before it has a place: its reason, params and message. */
export interface Problem {
  readonly reason: IssueReason;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** Every reason, in the order of the table (for the README's list and its test). */
export const REASONS = /* @__PURE__ */ (() => Object.keys(TEXTS) as IssueReason[])();

/** Builds the problem of a reason: its message comes from the table above. */
export function problem<R extends IssueReason>(reason: R, ...params: IssueParams<R> extends Record<string, never> ? [] : [IssueParams<R>]): Problem {
  const p = (params[0] ?? {}) as Readonly<Record<string, unknown>>;
  return { reason, params: p, message: (TEXTS[reason] as (p: unknown) => string)(p) };
}

export const required = () => problem('required');
export const invalid = () => problem('invalid');
/** A custom check of a caller's own schema: its message is kept as written. */
export const custom = (message: string) => problem('custom', { message });
export const unknownKey = (key: string) => problem('unknown_field', { key });
export const expectedType = (expected: string) => problem('wrong_type', { expected });
export const wrongKind = (expected: string, got: string) => problem('wrong_kind', { expected, got });
export const notPlainObject = (got: string) => problem('not_plain_object', { got });
export const expectedDate = () => expectedType('an ISO 8601 string, a Date, epoch milliseconds, a luxon DateTime or a Temporal instant or date');
export const expectedDuration = () => expectedType('an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units');
export const tooLong = (max: number) => problem('too_long', { max });
export const tooShort = (min: number) => problem('too_short', { min });
export const emptyArray = () => problem('empty');
export const tooManyItems = (max: number) => problem('too_many_items', { max });
export const tooFewItems = (min: number) => problem('too_few_items', { min });
export const tooBig = (max: number, inclusive: boolean) => problem('too_big', { max, inclusive });
export const tooSmall = (min: number, inclusive: boolean) => problem('too_small', { min, inclusive });
export const oneOf = (options: readonly string[]) => problem('not_one_of', { options });
export const finiteNonNegative = () => problem('not_finite_non_negative');
export const finiteNumber = () => problem('not_finite');
export const integer = () => problem('not_integer');
export const wholeCalendarUnit = (unit: string) => problem('fractional_calendar_unit', { unit });
export const emptyDuration = () => problem('empty_duration');
export const invalidIsoDuration = (text: string) => problem('not_an_iso_duration', { text });
export const invalidLuxonDuration = (explanation: string) => problem('invalid_luxon_duration', { explanation });
export const notLuxon = (kind: string) => problem('not_luxon', { kind });
export const businessDayCount = (max: number) => problem('business_day_count', { max });
export const fraction = () => problem('not_a_fraction');
export const duplicateUltimatumId = (id: string) => problem('duplicate_ultimatum_id', { id });
export const unknownUltimatumId = (id: string) => problem('unknown_ultimatum_id', { id });
export const trackerDocument = () => problem('not_a_tracker_document');
export const positiveMs = () => problem('not_positive_ms');
export const durationWord = (text: string, word: string, at: number, expected: string) =>
  problem('unexpected_duration_word', { text, word, at, expected });
export const durationWordsEnd = (text: string, expected: string) => problem('duration_text_ends_early', { text, expected });
export const durationRepeatedUnit = (text: string, unit: string) => problem('repeated_unit', { text, unit });
export const durationRangeHere = () => problem('range_not_allowed');
export const negativeDuration = (text: string) => problem('negative_duration', { text });
export const rangeOrder = (text: string) => problem('range_order', { text });
export const noActiveTime = () => problem('no_active_time');
export const isoDate = () => problem('not_a_calendar_date');
export const noBusinessDay = () => problem('no_business_day');
export const repeatedWeekday = () => problem('repeated_weekday');
export const deadlineBeforeIssue = () => problem('deadline_before_issue');
export const invalidDate = (text: string, explanation: string) => problem('not_a_date', { text, explanation });
export const wholeDateExpected = () => problem('not_a_whole_date');
export const unknownZoneAnnotation = (zone: string) => problem('unknown_zone_annotation', { zone });
export const offsetNotOfZone = (zone: string) => problem('offset_not_of_zone', { zone });
export const unsupportedAnnotation = () => problem('unsupported_annotation');
export const invalidDateObject = () => problem('invalid_date_object');
export const invalidDateTime = (explanation: string) => problem('invalid_luxon_datetime', { explanation });
export const epochOutOfRange = () => problem('epoch_out_of_range');
export const instantOutOfRange = () => problem('instant_out_of_range');
export const durationOutOfRange = () => problem('deadline_out_of_range');
export const unknownZone = (zone: string) => problem('unknown_zone', { zone });
export const exactlyOneRule = () => problem('exactly_one_rule');
export const onlyWithAfter = (key: string) => problem('only_with_after', { key });
export const windowOrder = () => problem('window_order');
export const businessDaysAlone = () => problem('business_days_alone');
export const exactlyOneOfByTo = () => problem('exactly_one_of_by_to');
export const eventBeforeIssue = () => problem('event_before_issue');
export const eventOutOfOrder = (previous: string) => problem('event_out_of_order', { previous });
export const eventAfterTerminal = (terminal: string) => problem('event_after_terminal', { terminal });
export const resumeWithoutPause = () => problem('resume_without_pause');
export const pauseWhilePaused = () => problem('pause_while_paused');
export const pauseAfterDeadline = () => problem('pause_after_deadline');
export const extendNotLater = () => problem('extend_not_later');
export const shortenNotEarlier = () => problem('shorten_not_earlier');
export const unknownConsequence = (id: string, known: readonly string[]) => problem('unknown_consequence', { id, known });
export const duplicateConsequenceId = (id: string) => problem('duplicate_consequence_id', { id });
export const schemaVersion = (supported: number) => problem('unsupported_schema_version', { supported });
export const unitOrder = (smallest: string) => problem('unit_order', { smallest });
export const notJson = (explanation: string) => problem('not_json', { explanation });
export const moreIssues = (count: number) => problem('more_issues', { count });
export const holidaysNotInstalled = () => problem('peer_not_installed', { peer: 'date-holidays', use: 'holidayCalendar' });
export const holidaysUnreadable = (what: string) => problem('peer_unreadable', { peer: 'date-holidays', what });
export const unknownHolidayCountry = (country: string) => problem('unknown_country', { country });
export const unknownHolidayRegion = (region: string, country: string, known: readonly string[]) =>
  problem('unknown_region', { region, country, known });
export const holidayYears = (maxSpan: number) => problem('year_span', { maxSpan });
export const icsInput = () => problem('not_ics_input');
export const icsMilestonesAt = () => problem('option_not_here');
export const icsYearRange = () => problem('unwritable_year');
export const invalidLocale = (locale: string) => problem('invalid_locale', { locale });

/** The message of an `UltimatumError`: its first issue, and how many more there are. */
export const summary = (count: number, first: string) =>
  count <= 1 ? first : `${first} (and ${count - 1} more ${count === 2 ? 'problem' : 'problems'})`;
