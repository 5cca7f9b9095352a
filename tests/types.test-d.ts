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
} from 'ultimatum';
import { describe, expectTypeOf, it } from 'vitest';

declare const input: UltimatumInput;

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
});
