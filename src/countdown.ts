/**
 * `ultimatum/countdown`: a countdown to an instant and its text, with no luxon and no zod on the
 * import graph (about 4.5 kB min+gzip with everything bundled), for a page that only shows one.
 * For an ultimatum's own countdown (paused, complied, the deadline in force) use `countdown` from
 * `ultimatum`.
 *
 * @example
 * import { countdown, formatCountdown } from 'ultimatum/countdown';
 * formatCountdown(countdown('2025-09-02T00:00-04:00', '2025-08-31T12:00-04:00'), { locale: 'en' }) //=> '1 day, 12 hours'
 */
export { instantCountdown as countdown } from './status/instantCountdown.js';
export { formatCountdown, type FormatCountdownOptions } from './present/formatCountdown.js';
export type { Countdown } from './status/countdown.js';
export type { DateInput } from './model/units.js';
export { isUltimatumError, UltimatumError, type UltimatumErrorCode, type UltimatumIssue } from './errors/UltimatumError.js';
