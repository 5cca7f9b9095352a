import { DateTime, Duration } from 'luxon';
import * as z from 'zod/mini';
import * as messages from '../errors/messages.js';
import type { Problem } from '../errors/messages.js';
import { LIST_MAX } from './ownData.js';
import { isTemporalDateLike, isTemporalDuration } from './temporal.js';
import { DURATION_UNITS, type DateInput, type DurationInput } from './units.js';
import { because } from './zodIssues.js';

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

const id = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(ID_MAX)))();
const name = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(NAME_MAX)))();
const text = /* @__PURE__ */ (() => z.string().check(z.maxLength(TEXT_MAX)))();
const list = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(LIST_MAX));

function isDateLike(v: unknown): boolean {
  return (
    typeof v === 'string' ||
    typeof v === 'number' ||
    v instanceof Date ||
    Object.prototype.toString.call(v) === '[object Date]' ||
    DateTime.isDateTime(v) ||
    isTemporalDateLike(v)
  );
}

/** An object with window keys: a window (perhaps missing a part), not a duration of units. */
export function isWindowLike(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Duration.isDuration(v) && (Object.hasOwn(v, 'earliest') || Object.hasOwn(v, 'latest'));
}

function isDurationLike(v: unknown): boolean {
  return (
    typeof v === 'string' ||
    Duration.isDuration(v) ||
    isTemporalDuration(v) ||
    // An object with window keys is a window missing a part: let the window schema say which.
    (typeof v === 'object' && v !== null && !Array.isArray(v) && !isWindowLike(v))
  );
}

/** An instant as callers may write it; its meaning is checked when it is read in the zone. */
export const DateInputSchema = /* @__PURE__ */ (() => z.custom<DateInput>(isDateLike, because(messages.expectedDate())))();

/** A duration as callers may write it; its units are checked when it is read. */
export const DurationInputSchema = /* @__PURE__ */ (() => z.custom<DurationInput>(isDurationLike, because(messages.expectedDuration())))();

/**
 * `schema`, its JSON Schema `json` (which does not see refinements). Written by zod's processing
 * hook rather than `z.meta`, whose registry would otherwise come into every bundle for two keywords.
 */
function withJsonSchema<S extends z.ZodMiniType>(schema: S, json: Readonly<Record<string, unknown>>): S {
  schema._zod.processJSONSchema = (_ctx, out) => {
    Object.assign(out, json);
  };
  return schema;
}

const nonNegative = /* @__PURE__ */ (() =>
  withJsonSchema(z.number().check(z.refine((n) => n >= 0, because(messages.finiteNonNegative()))), { type: 'number', minimum: 0 }))();

/** The stored form of a duration: non-negative numbers per unit. */
export const DurationSpecSchema = /* @__PURE__ */ (() => z.strictObject({
  ...(Object.fromEntries(DURATION_UNITS.map((u) => [u, z.optional(nonNegative)])) as {
    [U in (typeof DURATION_UNITS)[number]]: z.ZodMiniOptional<typeof nonNegative>;
  }),
  businessDays: z.optional(
    withJsonSchema(
      z.number().check(
        z.refine((n) => Number.isInteger(n), because(messages.integer())),
        z.refine((n) => n >= 0, because(messages.finiteNonNegative())),
      ),
      { type: 'integer', minimum: 0 },
    ),
  ),
  businessHours: z.optional(nonNegative),
  businessMinutes: z.optional(nonNegative),
}))();

const ROLLOVER = ['none', 'next-business-day', 'previous-business-day'] as const;

/**
 * A key a shape must not have: absent in the type (`?: undefined`) and in JSON Schema (`not: {}`);
 * its problem at run time is named by the key (see `zodIssues.ts`).
 */
const absent = () => z.optional(z.never());

/**
 * A check before a schema reads a value, refusing with `p`. A transform, so that JSON Schema of the
 * pipe it starts describes the schema after it, not the check.
 */
function precheck<S extends z.ZodMiniType>(check: (v: unknown) => boolean, p: Problem, schema: S) {
  const gate = z.transform((v: unknown, ctx) => {
    if (check(v)) return v;
    ctx.issues.push({ code: 'custom', message: p.message, input: v, params: because(p).params });
    return z.NEVER;
  });
  // Typed as what it reads: the schema's input and output.
  return z.pipe(gate, schema as never) as unknown as z.ZodMiniPipe<z.ZodMiniCustom<z.input<S>, z.input<S>>, S>;
}

/** Counts which of `keys` an object has (own, defined). */
function countOf(value: unknown, keys: readonly string[]): number {
  if (typeof value !== 'object' || value === null) return 1;
  let n = 0;
  for (const key of keys) if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] !== undefined) n++;
  return n;
}

/**
 * A union told apart by which of `keys` an object has: exactly one must be there (else `p`, at
 * the object), then the alternative with that key reads it. Not a value that is no object at all:
 * the union says what it expected.
 */
function keyedUnion<S extends z.ZodMiniType>(keys: readonly string[], p: Problem, union: S) {
  return precheck((v) => countOf(v, keys) === 1, p, union);
}

/** The leaf schemas the document schemas are built from: shapes only, or shapes with contents. */
export interface SchemaLeaves<D extends z.ZodMiniType, U extends z.ZodMiniType, Z extends z.ZodMiniType<string>> {
  /** Every instant. */
  readonly date: D;
  /** Every duration but a deadline's `after`. */
  readonly duration: U;
  /** A deadline's `after` when not a window (words may make a range there). */
  readonly after: U;
  readonly zone: Z;
}

/** A window of two durations; only an object with a window key is read as one (else the duration says what is wrong). */
function windowSchema<U extends z.ZodMiniType>(duration: U) {
  return precheck(isWindowLike, messages.expectedDuration(), z.strictObject({ earliest: duration, latest: duration }));
}

/** A deadline rule: exactly one of `at`, `after`, `between`; `from`, `endOfDay` and `rollover` only with `after`. */
function deadlineRuleSchema<D extends z.ZodMiniType, U extends z.ZodMiniType, Z extends z.ZodMiniType<string>>(leaves: SchemaLeaves<D, U, Z>) {
  const { date, duration, after } = leaves;
  const one = absent();
  const notAfter = { from: absent(), endOfDay: absent(), rollover: absent() };
  return keyedUnion(
    ['at', 'after', 'between'],
    messages.exactlyOneRule(),
    // `after` first: the common rule is read by the first alternative, with no failed attempt before it.
    z.union([
      z.strictObject({
        at: one,
        between: one,
        // The duration first: a value that is neither (a number, say) gets the duration's message.
        after: z.union([after, windowSchema(duration)]),
        from: z.optional(date),
        endOfDay: z.optional(z.boolean()),
        rollover: z.optional(z.enum(ROLLOVER)),
      }),
      z.strictObject({ at: date, after: one, between: one, ...notAfter }),
      z.strictObject({ at: one, after: one, between: z.tuple([date, date]), ...notAfter }),
    ]),
  );
}

const source = <D extends z.ZodMiniType>(date: D) =>
  z.strictObject({ url: z.optional(z.string().check(z.maxLength(NAME_MAX))), quote: z.optional(text), publishedAt: z.optional(date) });

function consequenceSchema<U extends z.ZodMiniType, I extends z.ZodMiniType<string | undefined>>(duration: U, idSchema: I) {
  const common = { id: idSchema, targets: z.optional(list(name)), offset: z.optional(duration) };
  return z.discriminatedUnion('kind', [
    z.strictObject({
      ...common,
      kind: z.literal('tariff'),
      ratePercent: z.number().check(z.minimum(0), z.maximum(100_000)),
      scope: z.enum(['primary', 'secondary']),
      description: z.optional(text),
    }),
    z.strictObject({ ...common, kind: z.enum(['sanctions', 'military', 'custom']), description: text.check(z.minLength(1)) }),
  ]);
}

const SHIFTS = ['extend', 'shorten'] as const;

/** True unless `v` is an extend/shorten without exactly one of `by` and `to`. */
function shiftHasOneOf(v: unknown): boolean {
  const type = typeof v === 'object' && v !== null ? (v as { type?: unknown }).type : undefined;
  return (type !== 'extend' && type !== 'shorten') || countOf(v, ['by', 'to']) === 1;
}

/**
 * Extend/shorten `by` a duration or `to` an instant. Read as one object with both optional (the
 * event's check has made sure exactly one is there), typed as the union of the two: a plain union
 * could not be an option of the events' discriminated union.
 */
function shiftSchema<D extends z.ZodMiniType, U extends z.ZodMiniType, B extends z.core.$ZodShape>(base: B, date: D, duration: U) {
  const read = z.strictObject({ ...base, type: z.enum(SHIFTS), by: z.optional(duration), to: z.optional(date) });
  return read as unknown as z.ZodMiniUnion<ShiftShapes<D, U, B>> & { _zod: { propValues: z.core.util.PropValues } };
}

/** The two shapes a shift is typed as: for its type only, never called (building them would cost every import). */
function shiftShapes<D extends z.ZodMiniType, U extends z.ZodMiniType, B extends z.core.$ZodShape>(base: B, date: D, duration: U) {
  const by = z.strictObject({ ...base, type: z.enum(SHIFTS), by: duration, to: absent() });
  const to = z.strictObject({ ...base, type: z.enum(SHIFTS), to: date, by: absent() });
  return [by, to] as [typeof by, typeof to];
}
type ShiftShapes<D extends z.ZodMiniType, U extends z.ZodMiniType, B extends z.core.$ZodShape> = ReturnType<typeof shiftShapes<D, U, B>>;

function eventSchema<D extends z.ZodMiniType, U extends z.ZodMiniType, R extends z.ZodMiniType>(date: D, duration: U, rule: R) {
  const base = { at: date, note: z.optional(text), source: z.optional(source(date)) };
  const union = z.discriminatedUnion('type', [
    z.strictObject({ ...base, type: z.literal('reschedule'), deadline: rule }),
    shiftSchema(base, date, duration),
    z.strictObject({ ...base, type: z.enum(['pause', 'resume', 'comply', 'withdraw']) }),
    z.strictObject({ ...base, type: z.literal('enforce'), consequences: list(id).check(z.minLength(1)), partial: z.optional(z.boolean()) }),
    z.strictObject({ ...base, type: z.literal('note'), text: text.check(z.minLength(1)) }),
  ]);
  return precheck(shiftHasOneOf, messages.exactlyOneOfByTo(), union);
}

/** A real calendar date written `YYYY-MM-DD` (so `2025-02-30` is refused). */
const isoDate = /* @__PURE__ */ (() =>
  z.string().check(
    z.maxLength(10),
    z.refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid, because(messages.isoDate())),
  ))();

/**
 * The weekday keys of working hours, Monday first, as ISO weekday `i + 1`.
 *
 * @example
 * WEEKDAY_KEYS[0] //=> 'mon'
 */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * A weekday key of working hours.
 *
 * @example
 * const day: WeekdayKey = 'fri';
 */
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** `HH:MM-HH:MM` on the wall clock; an end at or before the start is on the next day (a night shift). */
const dayHours = /* @__PURE__ */ (() =>
  z.array(
    z.string().check(z.refine((s) => /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/.test(s), because(messages.notAnInterval()))),
  ).check(z.maxLength(48)))();

/**
 * An ISO weekday number. A whole number checked by a refinement, not `z.int()`, whose format
 * checks cost every bundle half a kilobyte; a fraction stops there, as `z.int()` stops.
 */
const weekday = /* @__PURE__ */ (() =>
  withJsonSchema(
    z.number().check(z.refine(Number.isInteger, { ...because(messages.integer()), abort: true }), z.minimum(1), z.maximum(7)),
    { type: 'integer', minimum: 1, maximum: 7 },
  ))();

/**
 * A business calendar: weekend days as ISO weekday numbers (1 = Monday … 7 = Sunday; default
 * Saturday and Sunday), holiday dates (`YYYY-MM-DD`), and optionally working hours per weekday
 * (`HH:MM-HH:MM`, several a day) and per date (`overrides`). A week must keep one business day.
 *
 * @example
 * BusinessCalendarSchema.safeParse({ weekend: [5, 6], holidays: ['2025-12-25'] }).success //=> true
 */
export const BusinessCalendarSchema = /* @__PURE__ */ (() => z.strictObject({
  weekend: z.optional(
    z.array(weekday).check(
      z.refine((days) => days.length <= 6, because(messages.noBusinessDay())),
      z.refine((days) => new Set(days).size === days.length, because(messages.repeatedWeekday())),
    ),
  ),
  holidays: z.optional(list(isoDate)),
  hours: z.optional(z.strictObject(Object.fromEntries(WEEKDAY_KEYS.map((d) => [d, z.optional(dayHours)])) as { [K in WeekdayKey]: z.ZodMiniOptional<typeof dayHours> })),
  overrides: z.optional(z.record(z.string(), dayHours)),
}))();

/** The fields every document has, whatever it is (an input or a stored document). */
function commonFields<D extends z.ZodMiniType, U extends z.ZodMiniType>(date: D, duration: U) {
  return {
    calendar: z.optional(BusinessCalendarSchema),
    milestones: z.optional(
      z.strictObject({
        fractions: z.optional(z.array(z.number().check(z.gt(0), z.lt(1))).check(z.maxLength(100))),
        before: z.optional(z.array(duration).check(z.maxLength(100))),
      }),
    ),
    source: z.optional(source(date)),
    tags: z.optional(list(z.string().check(z.minLength(1), z.maxLength(ID_MAX)))),
  };
}

// Both document schemas list their fields in the order the stored document is written (see
// normaliseInput), so that a document read back is already in the shape's order: what zod gives.

/**
 * The input schema built on `leaves` (the exported one checks shapes only; `createUltimatum`
 * builds one whose leaves also read every instant, duration and zone, so that every problem of an
 * input is found in one pass).
 *
 * @example
 * inputSchemaOf({ date: DateInputSchema, duration: DurationInputSchema, after: DurationInputSchema, zone: z.string() })
 */
export function inputSchemaOf<D extends z.ZodMiniType, U extends z.ZodMiniType, Z extends z.ZodMiniType<string>>(leaves: SchemaLeaves<D, U, Z>) {
  const { date, duration } = leaves;
  const rule = deadlineRuleSchema(leaves);
  return z.strictObject({
    schemaVersion: z.optional(z.literal(SCHEMA_VERSION)),
    id: z.optional(id),
    title: name,
    issuer: name,
    addressee: z.union([name, list(name).check(z.minLength(1))]),
    demands: list(name).check(z.minLength(1)),
    issuedAt: date,
    zone: z.optional(leaves.zone),
    deadline: rule,
    consequences: z.optional(list(consequenceSchema(duration, z.optional(id)))),
    events: z.optional(list(eventSchema(date, duration, rule))),
    ...commonFields(date, duration),
  });
}

/**
 * The stored-document schema built on `leaves` (see `inputSchemaOf`).
 *
 * @example
 * storedSchemaOf({ date: z.string(), duration: DurationSpecSchema, after: DurationSpecSchema, zone: z.string() })
 */
export function storedSchemaOf<D extends z.ZodMiniType, U extends z.ZodMiniType, Z extends z.ZodMiniType<string>>(leaves: SchemaLeaves<D, U, Z>) {
  const { date, duration } = leaves;
  const rule = deadlineRuleSchema(leaves);
  return z.strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id,
    title: name,
    issuer: name,
    addressee: list(name).check(z.minLength(1)),
    demands: list(name).check(z.minLength(1)),
    issuedAt: date,
    zone: leaves.zone,
    deadline: rule,
    consequences: list(consequenceSchema(duration, id)),
    events: list(eventSchema(date, duration, deadlineRuleSchema(leaves))),
    ...commonFields(date, duration),
  });
}

const INPUT_LEAVES = /* @__PURE__ */ (() => ({ date: DateInputSchema, duration: DurationInputSchema, after: DurationInputSchema, zone: z.string() }))();

/** The deadline rule as callers write it: `{ at }`, `{ after, from?, endOfDay?, rollover? }` or `{ between }`. */
export const DeadlineRuleInputSchema = /* @__PURE__ */ (() => deadlineRuleSchema(INPUT_LEAVES))();

/** A consequence as callers write it (its `id` is generated when absent). */
export const ConsequenceInputSchema = /* @__PURE__ */ (() => consequenceSchema(DurationInputSchema, z.optional(id)))();

/** A history event as callers write it. */
export const EventInputSchema = /* @__PURE__ */ (() => eventSchema(DateInputSchema, DurationInputSchema, DeadlineRuleInputSchema))();

/**
 * What callers pass to `createUltimatum`. Shapes are checked here; instants, durations, zones and
 * the history are checked when the input is read (`createUltimatum`), each problem with its path.
 *
 * @example
 * UltimatumInputSchema.safeParse({ title: 'x' }).success //=> false
 */
export const UltimatumInputSchema = /* @__PURE__ */ (() => inputSchemaOf(INPUT_LEAVES))();

// Length and format are checked when the instant is read, with INVALID_DATE as for inputs.
const STORED_LEAVES = /* @__PURE__ */ (() => ({ date: z.string(), duration: DurationSpecSchema, after: DurationSpecSchema, zone: z.string() }))();

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
export const DeadlineRuleSchema = /* @__PURE__ */ (() => deadlineRuleSchema(STORED_LEAVES))();

/**
 * A history event in the stored document.
 *
 * @example
 * EventSchema.safeParse({ type: 'comply', at: '2020-01-30T00:00:00+01:00' }).success //=> true
 */
export const EventSchema = /* @__PURE__ */ (() => eventSchema(STORED_LEAVES.date, DurationSpecSchema, DeadlineRuleSchema))();

/**
 * The stored, normalised document: what `createUltimatum` returns and `parseUltimatum` reads.
 * Instants are ISO 8601 strings with the zone's offset (deadline dates may stay date-only,
 * meaning the end of that day), durations are objects of units, ids are filled in.
 *
 * @example
 * UltimatumSchema.safeParse(JSON.parse(JSON.stringify(u))).success //=> true
 */
export const UltimatumSchema = /* @__PURE__ */ (() => storedSchemaOf(STORED_LEAVES))();
