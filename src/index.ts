/**
 * ultimatum — ultimatums and conditional deadlines: a demand, a deadline, a consequence.
 * Layers (imports point one way): model → rules → status → present.
 */
export { isUltimatumError, UltimatumError } from './errors/UltimatumError.js';
export type { IssueReason, UltimatumErrorCode, UltimatumIssue } from './errors/UltimatumError.js';
export {
  BusinessCalendarSchema,
  ConsequenceSchema,
  DeadlineRuleSchema,
  EventSchema,
  SCHEMA_VERSION,
  UltimatumInputSchema,
  UltimatumSchema,
} from './model/schemas.js';
export type {
  Consequence,
  ConsequenceInput,
  DateInput,
  DeadlineRule,
  DeadlineRuleInput,
  DurationInput,
  DurationSpec,
  EventInput,
  EventType,
  SourceInput,
  TemporalDurationLike,
  TemporalInstantLike,
  TemporalPlainDateLike,
  Ultimatum,
  UltimatumEvent,
  UltimatumInput,
} from './model/types.js';
export { parseDuration } from './rules/parseDuration.js';
export type { DurationRange } from './rules/parseDuration.js';
export {
  addBusinessDays,
  businessDaysBetween,
  createCalendar,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from './rules/businessDays.js';
export type { BusinessCalendar, BusinessCalendarInput, WeeklyHours } from './rules/businessDays.js';
export { addBusinessTime, businessTimeBetween, isWithinBusinessHours, nextBusinessOpen } from './rules/businessHours.js';
export type { BusinessTimeInput, BusinessTimeOptions } from './rules/businessHours.js';
export {
  createUltimatum,
  parseUltimatum,
  safeCreateUltimatum,
  safeParseUltimatum,
} from './status/createUltimatum.js';
export type { SafeResult } from './status/createUltimatum.js';
export { amend, comply, enforce, extend, note, pause, reschedule, resume, shorten, withdraw } from './status/amend.js';
export type { EventFields } from './status/amend.js';
export { deadlineOf, status } from './status/status.js';
export type { Enforcement, Phase, Status, ThreatenedConsequence } from './status/status.js';
export { milestones } from './status/milestones.js';
export type { Milestone, MilestoneOptions } from './status/milestones.js';
export { countdown } from './status/countdown.js';
export type { Countdown } from './status/countdown.js';
export { createTracker, parseTracker } from './track/tracker.js';
export type { NextChange, TrackedStatus, Tracker, TrackerDocument } from './track/tracker.js';
export { watch, watchTracker } from './track/watch.js';
export type { Clock, Watch, WatchHandlers, WatchOptions } from './track/watch.js';
export { formatCountdown } from './present/formatCountdown.js';
export type { FormatCountdownOptions } from './present/formatCountdown.js';
export { explain } from './present/explain.js';
export type { ExplainStep } from './present/explain.js';
export { timeline } from './present/timeline.js';
export type { TimelineEntry, TimelineKind } from './present/timeline.js';
