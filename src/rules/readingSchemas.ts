import * as z from 'zod/mini';
import * as messages from '../errors/messages.js';
import {
  type DateInputSchema,
  type DurationInputSchema,
  DurationSpecSchema,
  inputSchemaOf,
  isWindowLike,
  storedSchemaOf,
} from '../model/schemas.js';
import { because } from '../model/zodIssues.js';
import { readDurationText, toDurationSpec } from './duration.js';
import { toEpochMs } from './instant.js';
import { IssueList } from './issues.js';
import { zoneFor } from './zone.js';

/**
 * A check that reads a value and hands the problems `read` finds to zod, each at its path below
 * the value, with its code. The issues are the ones `z.superRefine`'s `addIssue` would make,
 * pushed as `z.check` lets a check push them: no bundle then needs `superRefine` for this.
 */
function reading<T>(read: (value: T, issues: IssueList) => void) {
  const check = z.check<T>((payload) => {
    const issues = new IssueList();
    read(payload.value, issues);
    for (const { code, path, ...p } of issues.items) {
      const params = because(p, code).params;
      payload.issues.push({ code: 'custom', message: p.message, path: [...path], params, input: payload.value, inst: check, continue: true });
    }
  });
  return check;
}

/**
 * An instant read for its validity alone (in UTC: whether a wall-clock time exists in the
 * ultimatum's zone is not a question of validity, and a gap moves it forward when read there).
 */
function checkDate(value: unknown, issues: IssueList): void {
  if (value === undefined) issues.add('INVALID_INPUT', [], messages.required());
  else {
    // Looked up on first use, not at import: the first Intl zone costs ~15 ms of start-up.
    const utc = zoneFor('UTC');
    if (utc !== undefined) toEpochMs(value, utc, 'start', [], issues);
  }
}

/** A duration read in full (units, words, luxon and Temporal durations); a window is left to the window schema. */
function checkDuration(words: 'single' | 'range') {
  return (value: unknown, issues: IssueList): void => {
    if (value === undefined) issues.add('INVALID_INPUT', [], messages.required());
    else if (isWindowLike(value) || Array.isArray(value)) issues.add('INVALID_INPUT', [], messages.expectedDuration());
    else if (typeof value === 'string' && words === 'range') readDurationText(value, [], issues);
    else toDurationSpec(value, [], issues);
  };
}

function checkZone(name: string, issues: IssueList): void {
  if (zoneFor(name) === undefined) issues.add('INVALID_ZONE', [], messages.unknownZone(name));
}

// Typed as the shape-only leaves they stand for, so the documents' types are the exported schemas'.
const date = /* @__PURE__ */ (() => z.custom<z.output<typeof DateInputSchema>>().check(reading(checkDate)))();
const zone = /* @__PURE__ */ (() => z.string().check(reading(checkZone)))();

/**
 * The input schema with every leaf read: instants, durations and the zone are checked in the same
 * pass as the shape, so an input with four problems gets four issues in one call.
 *
 * @example
 * READING_INPUT.safeParse({ ...input, zone: 'Mars/Base', issuedAt: '2025-02-30' }).error?.issues.length //=> 2
 */
export const READING_INPUT = /* @__PURE__ */ (() =>
  inputSchemaOf({
    date: date as unknown as typeof DateInputSchema,
    duration: z.custom<z.output<typeof DurationInputSchema>>().check(reading(checkDuration('single'))) as unknown as typeof DurationInputSchema,
    after: z.custom<z.output<typeof DurationInputSchema>>().check(reading(checkDuration('range'))) as unknown as typeof DurationInputSchema,
    zone,
  }))();

/**
 * The stored-document schema with every instant and the zone read (durations are units there,
 * already checked by their shape).
 *
 * @example
 * READING_STORED.safeParse(JSON.parse(JSON.stringify(u))).success //=> true
 */
export const READING_STORED = /* @__PURE__ */ (() =>
  storedSchemaOf({
    date: z.string().check(reading(checkDate)),
    duration: DurationSpecSchema,
    after: DurationSpecSchema,
    zone,
  }))();
