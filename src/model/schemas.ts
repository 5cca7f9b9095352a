import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import * as messages from '../errors/messages.js';
import { DURATION_UNITS, type DateInput, type DurationInput } from './units.js';

/**
 * Version of the stored document this release writes and reads.
 *
 * @example
 * createUltimatum(input).schemaVersion === SCHEMA_VERSION //=> true
 */
export const SCHEMA_VERSION = 1;

const ID_MAX = 200;
const NAME_MAX = 2_000;
const TEXT_MAX = 20_000;
const LIST_MAX = 10_000;

const id = /* @__PURE__ */ (() => z.string().min(1).max(ID_MAX))();
const name = /* @__PURE__ */ (() => z.string().min(1).max(NAME_MAX))();
const text = /* @__PURE__ */ (() => z.string().max(TEXT_MAX))();
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIST_MAX);

function isDateLike(v: unknown): boolean {
  return (
    typeof v === 'string' ||
    typeof v === 'number' ||
    v instanceof Date ||
    Object.prototype.toString.call(v) === '[object Date]' ||
    DateTime.isDateTime(v)
  );
}

/** An instant as callers may write it; its meaning is checked when it is read in the zone. */
export const DateInputSchema = /* @__PURE__ */ (() => z.custom<DateInput>(isDateLike, {
  error: (issue) =>
    issue.input === undefined
      ? messages.required()
      : messages.expectedDate(),
}))();

/** A duration as callers may write it; its units are checked when it is read. */
export const DurationInputSchema = /* @__PURE__ */ (() => z.custom<DurationInput>(
  (v) =>
    typeof v === 'string' ||
    Duration.isDuration(v) ||
    // An object with window keys is a window missing a part: let the window schema say which.
    (typeof v === 'object' && v !== null && !Array.isArray(v) && !Object.hasOwn(v, 'earliest') && !Object.hasOwn(v, 'latest')),
  {
    error: (issue) =>
      issue.input === undefined
        ? messages.required()
        : messages.expectedDuration(),
  },
))();

/** The stored form of a duration: non-negative numbers per unit. */
export const DurationSpecSchema = /* @__PURE__ */ (() => z.strictObject({
  ...(Object.fromEntries(DURATION_UNITS.map((u) => [u, z.number().min(0, { error: messages.finiteNonNegative() }).optional()])) as {
    [U in (typeof DURATION_UNITS)[number]]: z.ZodOptional<z.ZodNumber>;
  }),
  businessDays: z.number().int({ error: messages.integer() }).min(0, { error: messages.finiteNonNegative() }).optional(),
}))();

const ROLLOVER = ['none', 'next-business-day', 'previous-business-day'] as const;

/** Shared shape of the three rule kinds; `superRefine` enforces that exactly one kind is used. */
function deadlineRuleSchema<D extends z.ZodType, U extends z.ZodType>(date: D, duration: U) {
  const window = z.strictObject({ earliest: duration, latest: duration });
  return z
    .strictObject({
      at: date.optional(),
      // The duration first: a value that is neither (a number, say) gets the duration's message.
      after: z.union([duration, window]).optional(),
      between: z.tuple([date, date]).optional(),
      from: date.optional(),
      endOfDay: z.boolean().optional(),
      rollover: z.enum(ROLLOVER).optional(),
    })
    .superRefine((rule, ctx) => {
      const kinds = (['at', 'after', 'between'] as const).filter((k) => rule[k] !== undefined);
      if (kinds.length !== 1) ctx.addIssue({ code: 'custom', message: messages.exactlyOneRule(), path: [] });
      if (rule.after === undefined) {
        for (const key of ['from', 'endOfDay', 'rollover'] as const) {
          if (rule[key] !== undefined) ctx.addIssue({ code: 'custom', message: messages.onlyWithAfter(key), path: [key] });
        }
      }
    });
}

const source = <D extends z.ZodType>(date: D) =>
  z.strictObject({ url: z.string().max(NAME_MAX).optional(), quote: text.optional(), publishedAt: date.optional() });

function consequenceSchema<U extends z.ZodType, I extends z.ZodType<string | undefined>>(duration: U, idSchema: I) {
  const common = { id: idSchema, targets: list(name).optional(), offset: duration.optional() };
  return z.discriminatedUnion('kind', [
    z.strictObject({
      ...common,
      kind: z.literal('tariff'),
      ratePercent: z.number().min(0).max(100_000),
      scope: z.enum(['primary', 'secondary']),
      description: text.optional(),
    }),
    z.strictObject({ ...common, kind: z.enum(['sanctions', 'military', 'custom']), description: text.min(1) }),
  ]);
}

function eventSchema<D extends z.ZodType, U extends z.ZodType, R extends z.ZodType>(date: D, duration: U, rule: R) {
  const base = { at: date, note: text.optional(), source: source(date).optional() };
  const byOrTo = z
    .strictObject({ ...base, type: z.enum(['extend', 'shorten']), by: duration.optional(), to: date.optional() })
    .superRefine((e, ctx) => {
      if ((e.by === undefined) === (e.to === undefined)) ctx.addIssue({ code: 'custom', message: messages.exactlyOneOfByTo(), path: [] });
    });
  return z.discriminatedUnion('type', [
    z.strictObject({ ...base, type: z.literal('reschedule'), deadline: rule }),
    byOrTo,
    z.strictObject({ ...base, type: z.enum(['pause', 'resume', 'comply', 'withdraw']) }),
    z.strictObject({ ...base, type: z.literal('enforce'), consequences: list(id).min(1), partial: z.boolean().optional() }),
    z.strictObject({ ...base, type: z.literal('note'), text: text.min(1) }),
  ]);
}

/** A real calendar date written `YYYY-MM-DD` (so `2025-02-30` is refused). */
const isoDate = /* @__PURE__ */ (() => z
  .string()
  .max(10)
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid, {
    error: messages.isoDate(),
  }))();

/**
 * A business calendar: weekend days as ISO weekday numbers (1 = Monday … 7 = Sunday; default
 * Saturday and Sunday) and holiday dates (`YYYY-MM-DD`). A week must keep one business day.
 *
 * @example
 * BusinessCalendarSchema.safeParse({ weekend: [5, 6], holidays: ['2025-12-25'] }).success //=> true
 */
export const BusinessCalendarSchema = /* @__PURE__ */ (() => z.strictObject({
  weekend: z
    .array(z.number().int().min(1).max(7))
    .max(6, { error: messages.noBusinessDay() })
    .refine((days) => new Set(days).size === days.length, { error: messages.repeatedWeekday() })
    .optional(),
  holidays: list(isoDate).optional(),
}))();

function ultimatumFields<D extends z.ZodType, U extends z.ZodType, I extends z.ZodType<string | undefined>>(
  date: D,
  duration: U,
  idSchema: I,
) {
  const rule = deadlineRuleSchema(date, duration);
  return {
    title: name,
    issuer: name,
    demands: list(name).min(1),
    issuedAt: date,
    zone: z.string().optional(),
    deadline: rule,
    consequences: list(consequenceSchema(duration, idSchema)).optional(),
    calendar: BusinessCalendarSchema.optional(),
    milestones: z.strictObject({ fractions: z.array(z.number().gt(0).lt(1)).max(100).optional(), before: z.array(duration).max(100).optional() }).optional(),
    events: list(eventSchema(date, duration, rule)).optional(),
    source: source(date).optional(),
    tags: list(z.string().min(1).max(ID_MAX)).optional(),
  };
}

/** The deadline rule as callers write it: `{ at }`, `{ after, from?, endOfDay?, rollover? }` or `{ between }`. */
export const DeadlineRuleInputSchema = /* @__PURE__ */ (() => deadlineRuleSchema(DateInputSchema, DurationInputSchema))();

/** A consequence as callers write it (its `id` is generated when absent). */
export const ConsequenceInputSchema = /* @__PURE__ */ (() => consequenceSchema(DurationInputSchema, id.optional()))();

/** A history event as callers write it. */
export const EventInputSchema = /* @__PURE__ */ (() => eventSchema(DateInputSchema, DurationInputSchema, DeadlineRuleInputSchema))();

/**
 * What callers pass to `createUltimatum`. Shapes are checked here; instants, durations, zones and
 * the history are checked when the input is read (`createUltimatum`), each problem with its path.
 *
 * @example
 * UltimatumInputSchema.safeParse({ title: 'x' }).success //=> false
 */
export const UltimatumInputSchema = /* @__PURE__ */ (() => z.strictObject({
  id: id.optional(),
  ...ultimatumFields(DateInputSchema, DurationInputSchema, id.optional()),
  addressee: z.union([name, list(name).min(1)]),
  schemaVersion: z.literal(SCHEMA_VERSION).optional(),
}))();

// Length and format are checked when the instant is read, with INVALID_DATE as for inputs.
const storedInstant = /* @__PURE__ */ (() => z.string())();

/**
 * A consequence in the stored document: every field normalised, `id` always present.
 *
 * @example
 * ConsequenceSchema.parse({ id: 'tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' }).id //=> 'tariffs'
 */
export const ConsequenceSchema = /* @__PURE__ */ (() => consequenceSchema(DurationSpecSchema, id))();

/**
 * The stored deadline rule: instants as ISO strings, durations as units.
 *
 * @example
 * DeadlineRuleSchema.safeParse({ after: { days: 50 } }).success //=> true
 */
export const DeadlineRuleSchema = /* @__PURE__ */ (() => deadlineRuleSchema(storedInstant, DurationSpecSchema))();

/**
 * A history event in the stored document.
 *
 * @example
 * EventSchema.safeParse({ type: 'comply', at: '2020-01-30T00:00:00+01:00' }).success //=> true
 */
export const EventSchema = /* @__PURE__ */ (() => eventSchema(storedInstant, DurationSpecSchema, DeadlineRuleSchema))();

/**
 * The stored, normalised document: what `createUltimatum` returns and `parseUltimatum` reads.
 * Instants are ISO 8601 strings with the zone's offset (deadline dates may stay date-only,
 * meaning the end of that day), durations are objects of units, ids are filled in.
 *
 * @example
 * UltimatumSchema.safeParse(JSON.parse(JSON.stringify(u))).success //=> true
 */
export const UltimatumSchema = /* @__PURE__ */ (() => z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id,
  ...ultimatumFields(storedInstant, DurationSpecSchema, id),
  addressee: list(name).min(1),
  zone: z.string(),
  consequences: list(ConsequenceSchema),
  events: list(EventSchema),
}))();
