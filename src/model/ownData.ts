import { DateTime, Duration } from 'luxon';
import { issueAt, type UltimatumIssue } from '../errors/UltimatumError.js';
import * as messages from '../errors/messages.js';
import { isPlainObject } from './plainObject.js';
import { isTemporalDateLike, isTemporalDuration } from './temporal.js';

type Key = string | number;

/** Longest list a document or option may hold (events, consequences, demands, …). */
export const LIST_MAX = 10_000;

/** Deeper than any document or option object goes; a cycle stops here instead of overflowing. */
const MAX_DEPTH = 16;

/**
 * Values read as a whole (Dates, luxon and Temporal values): their prototypes are their own business.
 *
 * @example
 * isOpaque(new Date()) //=> true
 */
export function isOpaque(v: object): boolean {
  return (
    v instanceof Date ||
    Object.prototype.toString.call(v) === '[object Date]' ||
    DateTime.isDateTime(v) ||
    Duration.isDuration(v) ||
    isTemporalDateLike(v) ||
    isTemporalDuration(v)
  );
}

function describe(v: object): string {
  const proto = Object.getPrototypeOf(v) as { constructor?: { name?: unknown } };
  const name = Object.hasOwn(proto, 'constructor') ? proto.constructor?.name : undefined;
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object that inherits fields from its prototype';
}

/** Walks with one path stack (pushed and popped), copied only into an issue. */
function walk(value: unknown, path: Key[], maxItems: number, out: UltimatumIssue[]): void {
  if (typeof value !== 'object' || value === null || path.length > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    // A list too long for any field is refused whole: its items would cost an issue each.
    if (value.length > maxItems) {
      out.push(issueAt('INVALID_INPUT', [...path], messages.tooManyItems(maxItems)));
      return;
    }
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walk(value[i], path, maxItems, out);
      path.pop();
    }
    return;
  }
  if (!isPlainObject(value)) {
    if (isOpaque(value)) return;
    out.push(issueAt('INVALID_INPUT', [...path], messages.notPlainObject(describe(value))));
    return;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    path.push(key);
    walk((value as Record<string, unknown>)[key], path, maxItems, out);
    path.pop();
  }
}

/**
 * The objects of an input that are not plain data: an object whose prototype is not
 * `Object.prototype` (or null) would hand its inherited fields (a `zone`, a throwing getter) to
 * whoever reads it, so it is refused at its path before anything is read; and lists longer than
 * `maxItems`. Dates, luxon and Temporal values are leaves.
 *
 * @example
 * foreignObjects(Object.create({ zone: 'Europe/Paris' }))[0]?.reason //=> 'not_plain_object'
 */
export function foreignObjects(value: unknown, maxItems: number = LIST_MAX, base: readonly Key[] = []): UltimatumIssue[] {
  const out: UltimatumIssue[] = [];
  walk(value, [...base], maxItems, out);
  return out;
}
