/**
 * Temporal values as inputs, recognised by shape (no polyfill in the library): each gives the
 * instant, date or duration its ISO 8601 text gives (temporal-polyfill, a dev dependency, makes them).
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { createUltimatum, deadlineOf, type UltimatumInput } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { base, fullIssuesOf, propertyRuns } from './helpers.js';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
// 1971–2036, whole minutes: inside every zone's compiled range and luxon's.
const instants = fc.integer({ min: 1, max: 34_700_000 }).map((m) => m * 60_000);

const issuedMs = (input: UltimatumInput) => Date.parse(createUltimatum(input).issuedAt);

describe('Temporal inputs read as their ISO 8601 text', () => {
  it('Temporal.Instant and Temporal.ZonedDateTime (its zone wins, as a bracketed zone does)', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), (ms, zone, own) => {
        const instant = Temporal.Instant.fromEpochMilliseconds(ms);
        const zoned = instant.toZonedDateTimeISO(own);
        const expected = issuedMs(base({ zone, issuedAt: new Date(ms).toISOString() }));
        expect(expected).toBe(ms);
        expect(issuedMs(base({ zone, issuedAt: instant }))).toBe(expected);
        expect(issuedMs(base({ zone, issuedAt: zoned }))).toBe(issuedMs(base({ zone, issuedAt: zoned.toString() })));
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('Temporal.PlainDate is a date-only: the start of the day for issuedAt, the end of it for a deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...ZONES), (days, zone) => {
        const date = Temporal.PlainDate.from('1975-01-01').add({ days });
        const text = date.toString();
        expect(issuedMs(base({ zone, issuedAt: date }))).toBe(issuedMs(base({ zone, issuedAt: text })));
        const u = createUltimatum(base({ zone, issuedAt: '1970-06-01', deadline: { at: date } }));
        expect(u.deadline).toEqual({ at: text });
        expect(deadlineOf(u, '1970-06-02')?.toMillis()).toBe(deadlineOf(createUltimatum(base({ zone, issuedAt: '1970-06-01', deadline: { at: text } })), '1970-06-02')?.toMillis());
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('Temporal.Duration gives the units its ISO text gives', () => {
    fc.assert(
      fc.property(
        fc.record({ days: fc.nat(400), hours: fc.nat(48), minutes: fc.nat(59) }),
        (units) => {
          // An empty duration is refused either way (empty_duration): not this property's case.
          fc.pre(units.days + units.hours + units.minutes > 0);
          const d = Temporal.Duration.from(units);
          const fromTemporal = createUltimatum(base({ deadline: { after: d } }));
          const fromText = createUltimatum(base({ deadline: { after: d.toString() } }));
          expect(fromTemporal.deadline).toEqual(fromText.deadline);
        },
      ),
      { numRuns: propertyRuns() },
    );
  });

  it('the founding rule written with Temporal: 50 days from 14 Jul 2025 12:00 New York is 2 Sep 12:00 EDT', () => {
    const u = createUltimatum(
      base({
        issuedAt: Temporal.ZonedDateTime.from('2025-07-14T12:00[America/New_York]'),
        deadline: { after: Temporal.Duration.from({ days: 50 }) },
      }),
    );
    expect(deadlineOf(u, '2025-07-20')?.toISO()).toBe('2025-09-02T12:00:00.000-04:00');
  });

  it('a Temporal.Duration below the millisecond, or negative, is refused', () => {
    const sub = fullIssuesOf(() => createUltimatum(base({ deadline: { after: Temporal.Duration.from({ days: 1, microseconds: 5 }) } })));
    expect(sub.map((i) => [i.code, i.path])).toEqual([['INVALID_DURATION', ['deadline', 'after', 'microseconds']]]);
    const negative = fullIssuesOf(() => createUltimatum(base({ deadline: { after: Temporal.Duration.from({ days: -1 }) } })));
    expect(negative.map((i) => [i.code, i.path, i.reason])).toEqual([['INVALID_DURATION', ['deadline', 'after', 'days'], 'not_finite_non_negative']]);
  });
});
