import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isCommonIsoOf, readCommonIso, writeCommonIso } from '../src/rules/isoText.js';
import { propertyRuns } from './helpers.js';

const pad = (n: number, width = 2) => `${n}`.padStart(width, '0');
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];

describe('the common ISO 8601 forms', () => {
  it('reads them as luxon fromISO does', () => {
    expect(readCommonIso('2025-07-14T12:00-04:00')).toEqual({ wallMs: Date.UTC(2025, 6, 14, 12), offsetMs: -14_400_000, dateOnly: false });
    expect(readCommonIso('2025-07-14')).toEqual({ wallMs: Date.UTC(2025, 6, 14), offsetMs: undefined, dateOnly: true });
    expect(readCommonIso('2025-07-14T12:00:05.5Z')).toEqual({ wallMs: Date.UTC(2025, 6, 14, 12, 0, 5, 500), offsetMs: 0, dateOnly: false });
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }),
        fc.constantFrom('', ':ss', ':ss.S', ':ss.SS', ':ss.SSS'),
        fc.option(fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 })),
        (date, seconds, offset) => {
          const d = date;
          let text = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
          if (seconds !== '') text += `:${pad(d.getUTCSeconds())}`;
          if (seconds.includes('.')) text += `.${pad(d.getUTCMilliseconds(), 3).slice(0, seconds.length - 4)}`;
          if (offset !== null) text += `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
          const read = readCommonIso(text);
          const wall = DateTime.fromISO(text.replace(/[+-]\d\d:\d\d$/, ''), { zone: 'utc' });
          expect(read?.wallMs).toBe(wall.toMillis());
          if (offset !== null) expect((read?.wallMs as number) - (read?.offsetMs as number)).toBe(DateTime.fromISO(text).toMillis());
        },
      ),
      { numRuns: propertyRuns() },
    );
  });

  it('leaves the rest to luxon: other forms and fields out of range', () => {
    for (const text of ['2025-W29-1', '20250714', '2025-195', '2025-07-14T24:00', '2025-02-29', '2025-07-14T12:60', '2025-07-14T12:00:00,5', '2025-07-14T12:00:00.1234', '+012025-07-14', '2025-07-14t12:00', '2025-07-14T12:00+24:00', '2025-07-14T12']) {
      expect(readCommonIso(text), text).toBeUndefined();
    }
  });

  it('writes instants as luxon toISO({ suppressMilliseconds: true }) does in an IANA zone', () => {
    expect(writeCommonIso(Date.UTC(2025, 6, 14, 16), -14_400_000)).toBe('2025-07-14T12:00:00-04:00');
    expect(writeCommonIso(0, 0)).toBe('1970-01-01T00:00:00+00:00');
    // Local mean time with seconds (Monrovia, −0:44:30 until 1972) is luxon's to write.
    expect(writeCommonIso(0, -2_670_000)).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 2), max: Date.UTC(9999, 11, 30) }), fc.constantFrom(...ZONES), (ms, name) => {
        const zone = IANAZone.create(name);
        const offset = Math.round(zone.offset(ms) * 60_000);
        const written = writeCommonIso(ms, offset);
        // Only an offset with seconds (Kolkata's +5:21:10 of 1905, say) is left to luxon.
        if (written === undefined) expect(offset % 60_000).not.toBe(0);
        else expect(written).toBe(DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: propertyRuns() },
    );
  });

  it('tells whether a text is what it writes, without writing it', () => {
    const july14 = Date.UTC(2025, 6, 14, 16);
    expect(isCommonIsoOf('2025-07-14T12:00:00-04:00', july14, -14_400_000)).toBe(true);
    expect(isCommonIsoOf('2025-07-14T12:00-04:00', july14, -14_400_000)).toBe(false);
    expect(isCommonIsoOf('2025-07-14T16:00:00Z', july14, 0)).toBe(false);
    expect(isCommonIsoOf('2025-07-14T16:00:00+00:00', july14, 0)).toBe(true);
    expect(isCommonIsoOf('2025-07-14T16:00:00-00:00', july14, 0)).toBe(false);
    expect(isCommonIsoOf('2025-07-14T16:00:00.050+00:00', july14 + 50, 0)).toBe(true);
    expect(isCommonIsoOf('2025-07-14T16:00:00.05+00:00', july14 + 50, 0)).toBe(false);
    expect(isCommonIsoOf('1970-01-01T00:00:00+00:00', 0, -2_670_000)).toBeUndefined();
    // Every text one character away from the written one, and the written one itself.
    const chars = '0123456789-+:.TZ ';
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(0, 0, 2), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -18 * 60, max: 18 * 60 }),
        fc.nat(),
        fc.nat(),
        (ms, minutes, where, what) => {
          const offset = minutes * 60_000;
          const written = writeCommonIso(ms, offset) as string;
          expect(isCommonIsoOf(written, ms, offset)).toBe(true);
          const i = where % written.length;
          const other = written.slice(0, i) + chars[what % chars.length] + written.slice(i + 1);
          expect(isCommonIsoOf(other, ms, offset)).toBe(other === written);
          expect(isCommonIsoOf(written.slice(0, i) + written.slice(i + 1), ms, offset)).toBe(false);
        },
      ),
      { numRuns: propertyRuns() },
    );
  });
});
