/**
 * Instants (src/rules/instant.ts) as callers write them: the edges of the supported range (years 1
 * to 9999, with 14 hours of slack either side), the 64-character limit of ISO strings, a Date from another realm, luxon
 * DateTimes that are invalid or only look like one, luxon's explanation of a date that does not
 * exist, and wall-clock reading that does not depend on luxon's default zone.
 */
import vm from 'node:vm';
import { DateTime, Settings } from 'luxon';
import { createUltimatum, type UltimatumInput } from 'ultimatum';
import { afterEach, describe, expect, it } from 'vitest';
import { issueTriples as issues, utcCase } from './helpers.js';

const create = (over: Partial<UltimatumInput>) => createUltimatum(utcCase(over));
const refused = (over: Record<string, unknown>) => issues(() => create(over as Partial<UltimatumInput>));
const outOfRange = 'is outside the supported range (years 1 to 9999)';

/** Days from 0001-01-01 to 1970-01-01: 1969 years, 477 of them leap (492 − 19 + 4), so 1969 × 365 + 477. */
const DAYS_YEAR_ONE_TO_EPOCH = 1969 * 365 + 477; // 719 162
const HOUR = 3_600_000;

describe('the supported range: years 1 to 9999 in UTC, give or take the widest offset (14 hours)', () => {
  // Earliest: 0001-01-01T00:00 at UTC+14 = 14 hours before 0001-01-01T00:00Z.
  const MIN = -DAYS_YEAR_ONE_TO_EPOCH * 86_400_000 - 14 * HOUR; // -62 135 647 200 000
  // Latest, symmetrically: 14 hours after the last millisecond of 9999 in UTC.
  const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 14 * HOUR; // 253 402 351 199 999

  it('starts at the first instant of year 1 on the earliest clock (UTC+14)', () => {
    const u = create({ zone: 'Etc/GMT-14', issuedAt: '0001-01-01T00:00' });
    expect(u.issuedAt).toBe('0001-01-01T00:00:00+14:00');
    expect(create({ issuedAt: MIN }).issuedAt).toBe('0000-12-31T10:00:00+00:00');
    expect(refused({ issuedAt: MIN - 1 })).toEqual([['OUT_OF_RANGE', ['issuedAt'], outOfRange]]);
  });

  it('ends 14 hours after the last millisecond of year 9999 in UTC', () => {
    expect(() => create({ deadline: { at: MAX } })).not.toThrow();
    expect(refused({ deadline: { at: MAX + 1 } })).toEqual([['OUT_OF_RANGE', ['deadline', 'at'], outOfRange]]);
  });
});

describe('ISO strings of up to 64 characters are read', () => {
  it('a 64-character string is read (and refused for what it says), a 65-character one for its length', () => {
    const s64 = 'x'.repeat(64);
    expect(refused({ issuedAt: s64 })).toEqual([
      ['INVALID_DATE', ['issuedAt'], `"${s64}" is not a valid date or instant (expected a whole date such as 2025-09-02, optionally with a time)`],
    ]);
    expect(refused({ issuedAt: 'x'.repeat(65) })).toEqual([['INVALID_DATE', ['issuedAt'], 'must be at most 64 characters']]);
  });
});

describe('Dates from another realm', () => {
  it('are read like local Dates (instanceof Date is false for them)', () => {
    const foreign: unknown = vm.runInNewContext('new Date(Date.UTC(2025, 2, 3, 9))');
    expect(foreign instanceof Date).toBe(false);
    expect(create({ issuedAt: foreign as Date }).issuedAt).toBe('2025-03-03T09:00:00+00:00');
  });

  it('an invalid one is "an invalid Date"', () => {
    const foreign: unknown = vm.runInNewContext('new Date(NaN)');
    expect(refused({ issuedAt: foreign })).toEqual([['INVALID_DATE', ['issuedAt'], 'is an invalid Date']]);
  });
});

describe('luxon DateTimes', () => {
  it('an invalid one gives luxon’s reason', () => {
    expect(refused({ issuedAt: DateTime.invalid('before the big bang') })).toEqual([
      ['INVALID_DATE', ['issuedAt'], 'is an invalid luxon DateTime (before the big bang)'],
    ]);
  });

  it('a copy that lost its class (structuredClone) is refused as a look-alike', () => {
    const copy = structuredClone(DateTime.fromISO('2025-03-03T09:00Z'));
    expect(DateTime.isDateTime(copy)).toBe(true); // luxon only checks a flag…
    expect(refused({ issuedAt: copy })).toEqual([['INVALID_DATE', ['issuedAt'], 'looks like a luxon DateTime but is not one']]);
  });
});

describe('a date that does not exist is refused with luxon’s explanation, not its terse reason', () => {
  // luxon: invalidReason 'unit out of range'; invalidExplanation names the field and the value.
  const explanation = 'you specified 30 (of type number) as a day, which is invalid';

  it('with an offset', () => {
    expect(refused({ issuedAt: '2025-02-30T12:00Z' })).toEqual([
      ['INVALID_DATE', ['issuedAt'], `"2025-02-30T12:00Z" is not a valid date or instant (${explanation})`],
    ]);
  });

  it('as a wall-clock time in the zone', () => {
    expect(refused({ issuedAt: '2025-02-30T12:00' })).toEqual([
      ['INVALID_DATE', ['issuedAt'], `"2025-02-30T12:00" is not a valid date or instant (${explanation})`],
    ]);
  });
});

describe('reading instants does not depend on luxon’s default zone', () => {
  const saved = Settings.defaultZone;
  afterEach(() => {
    Settings.defaultZone = saved;
  });

  it('a wall-clock time is read on the ultimatum’s clock, not the machine’s', () => {
    Settings.defaultZone = 'America/New_York';
    // 09:00 in UTC is 09:00Z, not 09:00 in New York (14:00Z).
    expect(create({ issuedAt: '2025-03-03T09:00' }).issuedAt).toBe('2025-03-03T09:00:00+00:00');
  });

  it('even an unusable default zone changes nothing', () => {
    Settings.defaultZone = 'Nowhere/Unknown';
    // 12:00Z in New York (EST, −5) is 07:00; 09:00 wall-clock in UTC is 09:00Z.
    expect(create({ zone: 'America/New_York', issuedAt: '2025-03-03T12:00Z' }).issuedAt).toBe('2025-03-03T07:00:00-05:00');
    expect(create({ issuedAt: '2025-03-03T09:00' }).issuedAt).toBe('2025-03-03T09:00:00+00:00');
  });
});

describe('RFC 9557 zone annotations, as Temporal writes them (`…[Europe/Paris]`)', () => {
  const ny = (issuedAt: string) => create({ zone: 'America/New_York', issuedAt }).issuedAt;
  const reason = (issuedAt: string) => refused({ zone: 'America/New_York', issuedAt })[0];

  it('an offset and its zone fix the instant, written on the ultimatum’s clock', () => {
    // 09:00 in Paris on 3 Mar 2025 is UTC+1 (winter) = 08:00Z = 03:00 in New York (EST, UTC−5).
    expect(ny('2025-03-03T09:00:00+01:00[Europe/Paris]')).toBe('2025-03-03T03:00:00-05:00');
    expect(ny('2025-03-03T09:00:00+01:00[!Europe/Paris]')).toBe('2025-03-03T03:00:00-05:00');
  });

  it('without an offset the time is read on the annotated zone’s clock, not the ultimatum’s', () => {
    expect(ny('2025-03-03T09:00:00[Europe/Paris]')).toBe('2025-03-03T03:00:00-05:00');
    // 09:00 in Tokyo (UTC+9, no DST) = 00:00Z = 19:00 EST the day before.
    expect(ny('2025-03-03T09:00[Asia/Tokyo]')).toBe('2025-03-02T19:00:00-05:00');
  });

  it('Z with a zone is that instant (RFC 9557: the local offset is unknown)', () => {
    // 09:00Z = 04:00 EST.
    expect(ny('2025-03-03T09:00:00Z[Europe/Paris]')).toBe('2025-03-03T04:00:00-05:00');
  });

  it('a date in another zone is that day there: its start for issue, its end for a deadline', () => {
    // 00:00 in Paris on 3 Mar = 23:00Z on 2 Mar = 18:00 EST.
    expect(ny('2025-03-03[Europe/Paris]')).toBe('2025-03-02T18:00:00-05:00');
    // The end of 10 Mar in Tokyo = 11 Mar 00:00 +09:00 = 10 Mar 15:00Z = 11:00 EDT (New York went
    // to summer time on 9 Mar 2025). Stored as that instant, not as a date.
    const u = create({ zone: 'America/New_York', issuedAt: '2025-03-03T09:00Z', deadline: { at: '2025-03-10[Asia/Tokyo]' } });
    expect(u.deadline).toEqual({ at: '2025-03-10T11:00:00-04:00' });
  });

  it('an offset the zone does not have then is refused, as Temporal refuses it', () => {
    expect(reason('2025-03-03T09:00:00+02:00[Europe/Paris]')).toEqual([
      'INVALID_DATE',
      ['issuedAt'],
      '"2025-03-03T09:00:00+02:00[Europe/Paris]" is not a valid date or instant (the offset is not the one "Europe/Paris" has at that time)',
    ]);
  });

  it('an unknown zone, a second annotation or another kind of annotation is refused', () => {
    expect(reason('2025-03-03T09:00[Mars/Base]')?.[2]).toBe(
      '"2025-03-03T09:00[Mars/Base]" is not a valid date or instant ("Mars/Base" in brackets is not a known IANA time zone)',
    );
    const onlyOne = 'only one annotation, a time zone such as [Europe/Paris], is understood';
    for (const text of ['2025-03-03T09:00[Europe/Paris][Asia/Tokyo]', '2025-03-03T09:00[Europe/Paris][u-ca=iso8601]', '2025-03-03T09:00[u-ca=iso8601]']) {
      expect(reason(text)?.[2]).toBe(`${JSON.stringify(text)} is not a valid date or instant (${onlyOne})`);
    }
  });
});
