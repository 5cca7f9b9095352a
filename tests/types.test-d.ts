import type { DateTime, Duration } from 'luxon';
import {
  type Countdown,
  createUltimatum,
  type EventFields,
  extend,
  isUltimatumError,
  type Phase,
  safeCreateUltimatum,
  status,
  type Ultimatum,
  type UltimatumError,
  type UltimatumInput,
  type DeadlineRuleInput,
  type EventInput,
  type UltimatumIssue,
  type IssueReason,
  type UltimatumInputSchema,
  addBusinessTime,
  businessTimeBetween,
  createCalendar,
  type BusinessTimeInput,
} from 'ultimatum';
import type * as z from 'zod';
import { countdown as instantCountdown, formatCountdown as formatInstantCountdown, type DateInput } from 'ultimatum/countdown';
import type PgBoss from 'pg-boss';
import type { BossLike, DeliveredChange, WorkOptions } from 'ultimatum/pg-boss';
import { defineCountdownElement, type MilestoneEventDetail, type PhaseEventDetail } from 'ultimatum/element';
import { describe, expectTypeOf, it } from 'vitest';

declare const input: UltimatumInput;

describe('business hours', () => {
  it('takes weekly hours and business-time amounts, and answers in luxon and ms', () => {
    const cal = createCalendar({ hours: { mon: ['09:00-17:00'] }, overrides: { '2025-12-24': ['09:00-12:00'] } });
    expectTypeOf(addBusinessTime('2025-03-10T09:00Z', { hours: 4 }, cal)).toEqualTypeOf<DateTime>();
    expectTypeOf(businessTimeBetween('2025-03-10T09:00Z', '2025-03-11T09:00Z', cal)).toEqualTypeOf<number>();
    expectTypeOf<{ minutes: number }>().toExtend<BusinessTimeInput>();
    // @ts-expect-error days are not business time
    addBusinessTime('2025-03-10T09:00Z', { days: 1 }, cal);
    // @ts-expect-error a weekday key is three letters
    createCalendar({ hours: { monday: ['09:00-17:00'] } });
    const rule: DeadlineRuleInput = { after: { businessHours: 4, businessMinutes: 30 } };
    expectTypeOf(status(createUltimatum({ ...input, deadline: rule })).remainingBusinessMs).toEqualTypeOf<number | undefined>();
  });
});

describe('public types', () => {
  it('createUltimatum returns a read-only Ultimatum', () => {
    const u = createUltimatum(input);
    expectTypeOf(u).toEqualTypeOf<Ultimatum>();
    expectTypeOf(u.schemaVersion).toEqualTypeOf<1>();
    // @ts-expect-error stored documents are read-only
    u.title = 'changed';
  });

  it('status exposes luxon values and ms figures', () => {
    const s = status(createUltimatum(input));
    expectTypeOf(s.phase).toEqualTypeOf<Phase>();
    expectTypeOf(s.deadline).toEqualTypeOf<DateTime | null>();
    expectTypeOf(s.remaining).toEqualTypeOf<Duration>();
    expectTypeOf(s.overdueBy).toEqualTypeOf<Duration | null>();
    expectTypeOf(s.remainingMs).toEqualTypeOf<number>();
  });

  it('safeCreateUltimatum narrows on success', () => {
    const r = safeCreateUltimatum(input);
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<Ultimatum>();
    else expectTypeOf(r.error).toEqualTypeOf<UltimatumError>();
  });

  it('shorthands take the event less its type, with exactly one of by / to', () => {
    expectTypeOf<{ at: string; to: string }>().toExtend<EventFields<'extend'>>();
    expectTypeOf<{ at: string; by: { days: number } }>().toExtend<EventFields<'extend'>>();
    expectTypeOf<{ at: string; by: { days: number }; to: string }>().not.toExtend<EventFields<'extend'>>();
    // @ts-expect-error `type` is implied by the shorthand
    extend(createUltimatum(input), { type: 'extend', at: '2025-01-01', to: '2025-02-01' });
  });

  it('isUltimatumError is a type guard', () => {
    const e: unknown = null;
    if (isUltimatumError(e)) expectTypeOf(e.code).toBeString();
  });

  it('Countdown has exact units', () => {
    expectTypeOf<Countdown>().toHaveProperty('past').toEqualTypeOf<boolean>();
  });

  it('the input type is the schema\'s input type (arrays also read-only), not written twice', () => {
    expectTypeOf<z.input<typeof UltimatumInputSchema>>().toExtend<UltimatumInput>();
  });

  it('a deadline rule of one kind only: a wrong rule does not compile', () => {
    expectTypeOf<{ at: string }>().toExtend<DeadlineRuleInput>();
    expectTypeOf<{ after: { days: number }; endOfDay: true }>().toExtend<DeadlineRuleInput>();
    expectTypeOf<{ at: string; endOfDay: true }>().not.toExtend<DeadlineRuleInput>();
    expectTypeOf<{ at: string; after: { days: number } }>().not.toExtend<DeadlineRuleInput>();
    expectTypeOf<{ between: [string, string]; rollover: 'none' }>().not.toExtend<DeadlineRuleInput>();
    // @ts-expect-error endOfDay only applies to an "after" rule
    const rule: DeadlineRuleInput = { at: '2025-09-01', endOfDay: true };
    void rule;
    // @ts-expect-error "dayz" is no unit
    createUltimatum({ ...input, deadline: { after: { dayz: 3 } } });
  });

  it('extend and shorten take exactly one of by / to', () => {
    expectTypeOf<{ type: 'extend'; at: string; to: string }>().toExtend<EventInput>();
    expectTypeOf<{ type: 'shorten'; at: string; by: { days: number } }>().toExtend<EventInput>();
    expectTypeOf<{ type: 'extend'; at: string; by: { days: number }; to: string }>().not.toExtend<EventInput>();
  });

  it('read-only (as const) inputs type-check', () => {
    const frozen = { ...input, demands: ['x'], deadline: { between: ['2025-09-01', '2025-09-02'] } } as const;
    expectTypeOf(frozen).toExtend<UltimatumInput>();
  });

  it('every issue has a reason from the closed list', () => {
    expectTypeOf<UltimatumIssue['reason']>().toEqualTypeOf<IssueReason>();
    expectTypeOf<'event_out_of_order'>().toExtend<IssueReason>();
    expectTypeOf<'no_such_reason'>().not.toExtend<IssueReason>();
  });

  it('ultimatum/countdown takes instants only, and gives the same Countdown', () => {
    expectTypeOf(instantCountdown).parameter(0).toEqualTypeOf<DateInput>();
    expectTypeOf(instantCountdown).returns.toEqualTypeOf<Countdown>();
    expectTypeOf<Ultimatum>().not.toExtend<Parameters<typeof instantCountdown>[0]>();
    expectTypeOf(formatInstantCountdown).parameter(0).toEqualTypeOf<Countdown>();
  });

  it('ultimatum/element: its definer and event details', () => {
    expectTypeOf(defineCountdownElement).toEqualTypeOf<(name?: string) => void>();
    expectTypeOf<PhaseEventDetail>().toEqualTypeOf<{ readonly phase: string; readonly previous: string }>();
    expectTypeOf<MilestoneEventDetail['milestone']['kind']>().toEqualTypeOf<'elapsed' | 'left'>();
    expectTypeOf<MilestoneEventDetail['late']>().toEqualTypeOf<boolean>();
  });

  it('ultimatum/pg-boss: a PgBoss is a BossLike; each handler gets its kind of change', () => {
    expectTypeOf<PgBoss>().toExtend<BossLike>();
    type OnPhase = NonNullable<WorkOptions['handlers']['onPhase']>;
    expectTypeOf<Parameters<OnPhase>[0]['phase']>().toEqualTypeOf<Phase>();
    expectTypeOf<Extract<DeliveredChange, { kind: 'due' }>['consequenceId']>().toEqualTypeOf<string>();
    expectTypeOf<DeliveredChange['late']>().toEqualTypeOf<boolean>();
  });
});
