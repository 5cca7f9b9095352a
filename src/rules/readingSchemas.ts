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

type Ctx = z.core.$RefinementCtx;

/** Hands the problems a reader found to zod, each at its path below the value, with its code. */
function forward(ctx: Ctx, issues: IssueList): void {
  for (const issue of issues.items) {
    const { code, path, ...p } = issue;
    ctx.addIssue({ code: 'custom', message: p.message, path: [...path], params: because(p, code).params });
  }
}


/**
 * An instant read for its validity alone (in UTC: whether a wall-clock time exists in the
 * ultimatum's zone is not a question of validity, and a gap moves it forward when read there).
 */
function checkDate(value: unknown, ctx: Ctx): void {
  const issues = new IssueList();
  if (value === undefined) issues.add('INVALID_INPUT', [], messages.required());
  else {
    // Looked up on first use, not at import: the first Intl zone costs ~15 ms of start-up.
    const utc = zoneFor('UTC');
    if (utc !== undefined) toEpochMs(value, utc, 'start', [], issues);
  }
  forward(ctx, issues);
}

/** A duration read in full (units, words, luxon and Temporal durations); a window is left to the window schema. */
function checkDuration(words: 'single' | 'range') {
  return (value: unknown, ctx: Ctx): void => {
    const issues = new IssueList();
    if (value === undefined) issues.add('INVALID_INPUT', [], messages.required());
    else if (isWindowLike(value) || Array.isArray(value)) issues.add('INVALID_INPUT', [], messages.expectedDuration());
    else if (typeof value === 'string' && words === 'range') readDurationText(value, [], issues);
    else toDurationSpec(value, [], issues);
    forward(ctx, issues);
  };
}

function checkZone(name: string, ctx: Ctx): void {
  if (zoneFor(name) !== undefined) return;
  const issues = new IssueList();
  issues.add('INVALID_ZONE', [], messages.unknownZone(name));
  forward(ctx, issues);
}

// Typed as the shape-only leaves they stand for, so the documents' types are the exported schemas'.
const date = /* @__PURE__ */ (() => z.custom<z.output<typeof DateInputSchema>>().check(z.superRefine(checkDate)))();
const zone = /* @__PURE__ */ (() => z.string().check(z.superRefine(checkZone)))();

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
    duration: z.custom<z.output<typeof DurationInputSchema>>().check(z.superRefine(checkDuration('single'))) as unknown as typeof DurationInputSchema,
    after: z.custom<z.output<typeof DurationInputSchema>>().check(z.superRefine(checkDuration('range'))) as unknown as typeof DurationInputSchema,
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
    date: z.string().check(z.superRefine(checkDate)),
    duration: DurationSpecSchema,
    after: DurationSpecSchema,
    zone,
  }))();
