import type { z } from 'zod';
import type { DateInput, DurationInput } from './units.js';
import type { ConsequenceSchema, DeadlineRuleSchema, EventSchema, UltimatumSchema } from './schemas.js';

export type { DateInput, DurationInput, DurationSpec } from './units.js';

/**
 * Where a fact comes from: an address, the words used, when they were published.
 *
 * @example
 * const source: SourceInput = { url: 'https://example.org/report', quote: '"10 days from today"' };
 */
export interface SourceInput {
  url?: string;
  quote?: string;
  publishedAt?: DateInput;
}

/**
 * How the deadline is set: a fixed instant, a duration after an anchor (optionally a window),
 * or a window of two instants. A date-only instant means the end of that day in the zone.
 *
 * @example
 * const rule: DeadlineRuleInput = { after: { days: 50 } };
 * const window: DeadlineRuleInput = { after: { earliest: { days: 10 }, latest: { days: 12 } } };
 */
export type DeadlineRuleInput =
  | { at: DateInput }
  | {
      after: DurationInput | { earliest: DurationInput; latest: DurationInput };
      from?: DateInput;
      endOfDay?: boolean;
      rollover?: 'none' | 'next-business-day' | 'previous-business-day';
    }
  | { between: [DateInput, DateInput] };

/**
 * A threatened consequence as callers write it. `offset` makes it fall due that long after the deadline.
 *
 * @example
 * const c: ConsequenceInput = { id: 'secondary-tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' };
 */
export type ConsequenceInput =
  | {
      id?: string;
      kind: 'tariff';
      ratePercent: number;
      scope: 'primary' | 'secondary';
      targets?: string[];
      description?: string;
      offset?: DurationInput;
    }
  | {
      id?: string;
      kind: 'sanctions' | 'military' | 'custom';
      description: string;
      targets?: string[];
      offset?: DurationInput;
    };

interface EventBase {
  at: DateInput;
  note?: string;
  source?: SourceInput;
}

/**
 * One entry of the history as callers write it; `at` is when it happened.
 *
 * @example
 * const e: EventInput = { type: 'extend', at: '2019-03-22', to: '2019-04-12' };
 */
export type EventInput =
  | (EventBase & { type: 'reschedule'; deadline: DeadlineRuleInput })
  | (EventBase & { type: 'extend' | 'shorten'; by: DurationInput; to?: undefined })
  | (EventBase & { type: 'extend' | 'shorten'; to: DateInput; by?: undefined })
  | (EventBase & { type: 'pause' | 'resume' | 'comply' | 'withdraw' })
  | (EventBase & { type: 'enforce'; consequences: string[]; partial?: boolean })
  | (EventBase & { type: 'note'; text: string });

/**
 * The kinds of history event.
 *
 * @example
 * const kind: EventType = 'reschedule';
 */
export type EventType = EventInput['type'];

/**
 * What `createUltimatum` takes.
 *
 * @example
 * const input: UltimatumInput = {
 *   title: '50-day ultimatum', issuer: 'United States', addressee: 'Russia', demands: ['Ceasefire'],
 *   issuedAt: '2025-07-14T12:00', zone: 'America/New_York', deadline: { after: { days: 50 } },
 * };
 */
export interface UltimatumInput {
  id?: string;
  title: string;
  issuer: string;
  addressee: string | string[];
  demands: string[];
  issuedAt: DateInput;
  zone?: string;
  deadline: DeadlineRuleInput;
  consequences?: ConsequenceInput[];
  calendar?: { weekend?: readonly number[]; holidays?: readonly string[] };
  milestones?: { fractions?: number[]; before?: DurationInput[] };
  events?: EventInput[];
  source?: SourceInput;
  tags?: string[];
  /** Present when the input is a stored document; must then be the supported version. */
  schemaVersion?: number;
}

type DeepReadonly<T> = T extends readonly unknown[]
  ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A normalised, frozen ultimatum: the stored document. `JSON.stringify` writes it and
 * `parseUltimatum` reads it back equal.
 *
 * @example
 * const u: Ultimatum = createUltimatum(input);
 * u.schemaVersion //=> 1
 */
export type Ultimatum = DeepReadonly<z.infer<typeof UltimatumSchema>>;

/**
 * A consequence in the stored document (id filled in, offset as units).
 *
 * @example
 * const c: Consequence = u.consequences[0]!;
 */
export type Consequence = DeepReadonly<z.infer<typeof ConsequenceSchema>>;

/**
 * A history event in the stored document.
 *
 * @example
 * const e: UltimatumEvent = u.events[0]!;
 */
export type UltimatumEvent = DeepReadonly<z.infer<typeof EventSchema>>;

/**
 * A deadline rule in the stored document.
 *
 * @example
 * const rule: DeadlineRule = u.deadline;
 */
export type DeadlineRule = DeepReadonly<z.infer<typeof DeadlineRuleSchema>>;
