import type { EventInput, Ultimatum, UltimatumInput } from '../model/types.js';
import { compiledOf } from './compiled.js';
import { createUltimatum } from './createUltimatum.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * The fields of an event of one type, less `type`: what the shorthands (`extend`, `pause`…) take.
 *
 * @example
 * const fields: EventFields<'extend'> = { at: '2019-04-10', to: '2019-10-31' };
 */
export type EventFields<T extends EventInput['type']> = DistributiveOmit<EventOfType<T>, 'type'>;

/** The members of `EventInput` whose `type` admits `T` (`extend` and `shorten` share one member). */
type EventOfType<T> = EventInput extends infer E ? (E extends { type: infer K } ? (T extends K ? E : never) : never) : never;

/**
 * Returns a new ultimatum with one more event in its history, after checking the whole history
 * again (order, terminal events, extend later / shorten earlier, known consequences). The
 * original is left as it was.
 *
 * @example
 * const later = amend(u, { type: 'shorten', at: '2025-07-29T12:00', to: '2025-08-08T12:00' });
 * deadlineOf(later, '2025-08-01')?.toISODate() //=> '2025-08-08'
 * @throws {UltimatumError} with the path `events[n]…` of the new event: `INVALID_EVENT` when it breaks
 * a history rule, `INVALID_INPUT` / `INVALID_DATE` / `INVALID_DURATION` when its fields are malformed.
 */
export function amend(u: Ultimatum, event: EventInput): Ultimatum {
  compiledOf(u); // refuses anything that is not an ultimatum, with its path
  return createUltimatum({ ...(u as unknown as UltimatumInput), events: [...(u.events as unknown as EventInput[]), event] });
}

const shorthand =
  <T extends EventInput['type']>(type: T) =>
  (u: Ultimatum, fields: EventFields<T>): Ultimatum =>
    amend(u, { ...fields, type } as unknown as EventInput);

/**
 * Sets a new deadline rule, measured from the event's `at` unless the rule says `from`.
 *
 * @example
 * reschedule(u, { at: '2025-07-29T12:00', deadline: { after: { days: 10 } } })
 */
export const reschedule: (u: Ultimatum, fields: EventFields<'reschedule'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('reschedule'))();
/**
 * Moves the deadline later, `by` a duration or `to` an instant.
 *
 * @example
 * extend(u, { at: '2019-03-22', to: '2019-04-12' })
 */
export const extend: (u: Ultimatum, fields: EventFields<'extend'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('extend'))();
/**
 * Moves the deadline earlier, `by` a duration or `to` an instant.
 *
 * @example
 * shorten(u, { at: '2025-07-29T12:00', to: '2025-08-08T12:00' })
 */
export const shorten: (u: Ultimatum, fields: EventFields<'shorten'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('shorten'))();
/**
 * Stops the clock; `resume` restarts it and moves the deadline later by the time paused.
 *
 * @example
 * pause(u, { at: '2025-03-03T09:00', note: 'waiting for the customer' })
 */
export const pause: (u: Ultimatum, fields: EventFields<'pause'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('pause'))();
/**
 * Restarts a paused clock; the deadline moves later by the paused time.
 *
 * @example
 * resume(u, { at: '2025-03-06T09:00' })
 */
export const resume: (u: Ultimatum, fields: EventFields<'resume'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('resume'))();
/**
 * Records that the demand was met; nothing may follow.
 *
 * @example
 * comply(u, { at: '2020-01-30' })
 */
export const comply: (u: Ultimatum, fields: EventFields<'comply'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('comply'))();
/**
 * Records that the issuer withdrew the ultimatum; nothing may follow.
 *
 * @example
 * withdraw(u, { at: '2025-08-15' })
 */
export const withdraw: (u: Ultimatum, fields: EventFields<'withdraw'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('withdraw'))();
/**
 * Records consequences imposed (by id), `partial` when only part of a threat was carried out.
 *
 * @example
 * enforce(u, { at: '2025-08-06T12:00', consequences: ['secondary-tariffs'], partial: true })
 */
export const enforce: (u: Ultimatum, fields: EventFields<'enforce'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('enforce'))();
/**
 * Adds a dated note to the history; it changes nothing.
 *
 * @example
 * note(u, { at: '2025-07-15T12:00', text: 'The Kremlin calls the statements "very serious"' })
 */
export const note: (u: Ultimatum, fields: EventFields<'note'>) => Ultimatum = /* @__PURE__ */ (() => shorthand('note'))();
