/**
 * The exported zod schemas (src/model/schemas.ts) as an application uses them directly: the rules
 * zod cannot express are `custom` issues, as zod documents for refinements; a duration written
 * wrongly where no union is in front of it; a window missing its `earliest` end; holiday dates that
 * are not exactly `YYYY-MM-DD`; and holiday dates checked the same whatever luxon's default zone.
 */
import { Settings } from 'luxon';
import {
  createCalendar,
  createUltimatum,
  DeadlineRuleSchema,
  EventSchema,
  type UltimatumInput,
  UltimatumInputSchema,
  UltimatumSchema,
} from 'ultimatum';
import { fromZodIssues } from '../src/model/zodIssues.js';
import { describe, expect, it } from 'vitest';
import { issueTriples as issues, utcCase } from './helpers.js';

const zodIssues = (result: { success: boolean; error?: { issues: readonly { code: string; path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => [i.code, i.path, i.message]);

describe('rules zod cannot express are custom issues of the exported schemas', () => {
  it('a deadline rule with none of at / after / between', () => {
    expect(zodIssues(UltimatumInputSchema.safeParse({ ...utcCase(), deadline: {} }))).toEqual([
      ['custom', ['deadline'], 'a deadline rule needs exactly one of "at", "after" or "between"'],
    ]);
  });

  it('an option that only an "after" rule takes (in the alternative of the rule union that was meant)', () => {
    const result = DeadlineRuleSchema.safeParse({ at: '2025-04-01', rollover: 'next-business-day' });
    expect(zodIssues(result)).toEqual([['invalid_union', [], 'Invalid input']]);
    expect(fromZodIssues(result.error?.issues ?? []).map((i) => [i.code, i.path, i.reason, i.message])).toEqual([
      ['INVALID_INPUT', ['rollover'], 'only_with_after', '"rollover" only applies to an "after" rule'],
    ]);
  });

  it('an extension with neither "by" nor "to"', () => {
    expect(zodIssues(EventSchema.safeParse({ type: 'extend', at: '2025-03-04T00:00:00+00:00' }))).toEqual([
      ['custom', [], 'needs exactly one of "by" or "to"'],
    ]);
  });
});

describe('a duration that is not one, where no union stands in front of it', () => {
  const notADuration = 'must be an ISO 8601 duration string, a luxon Duration, a Temporal.Duration or an object of units';

  it('null or a number in a list of milestone durations is "must be …", not "is required"', () => {
    const refused = (before: unknown[]) =>
      issues(() => createUltimatum(utcCase({ milestones: { before: before as never } })));
    expect(refused([null])).toEqual([['INVALID_INPUT', ['milestones', 'before', 0], notADuration]]);
    expect(refused([{ days: 1 }, 7])).toEqual([['INVALID_INPUT', ['milestones', 'before', 1], notADuration]]);
  });
});

describe('a window missing a part', () => {
  it('with only "latest", is a window missing "earliest" (not a duration with an unknown unit)', () => {
    const deadline = { after: { latest: { days: 12 } } } as unknown as UltimatumInput['deadline'];
    expect(issues(() => createUltimatum(utcCase({ deadline })))).toEqual([['INVALID_INPUT', ['deadline', 'after', 'earliest'], 'is required']]);
  });
});

describe('holiday dates are exactly YYYY-MM-DD', () => {
  it('a longer date is both too long and not YYYY-MM-DD, even where luxon would read it', () => {
    // '+002025-12-25' (extended year) and '2025-12-25T10' (a time) are valid ISO 8601 for luxon.
    expect(issues(() => createCalendar({ holidays: ['+002025-12-25', '2025-12-25T10'] }))).toEqual([
      ['INVALID_INPUT', ['holidays', 0], 'must be at most 10 characters'],
      ['INVALID_INPUT', ['holidays', 0], 'must be a real calendar date written YYYY-MM-DD'],
      ['INVALID_INPUT', ['holidays', 1], 'must be at most 10 characters'],
      ['INVALID_INPUT', ['holidays', 1], 'must be a real calendar date written YYYY-MM-DD'],
    ]);
  });

  it('are checked the same whatever luxon’s default zone, even an unusable one', () => {
    const saved = Settings.defaultZone;
    try {
      Settings.defaultZone = 'Nowhere/Unknown';
      expect(() => createCalendar({ holidays: ['2025-12-25'] })).not.toThrow();
      expect(issues(() => createCalendar({ holidays: ['2025-02-29'] }))).toEqual([
        ['INVALID_INPUT', ['holidays', 0], 'must be a real calendar date written YYYY-MM-DD'],
      ]);
    } finally {
      Settings.defaultZone = saved;
    }
  });
});

describe('the exported schemas compose with zod and zod/mini alike', () => {
  it('z.optional and z.array of either accept the library schemas', async () => {
    const classic = await import('zod');
    const mini = await import('zod/mini');
    const stored = JSON.parse(JSON.stringify(createUltimatum(utcCase())));
    for (const z of [classic, mini]) {
      expect(z.optional(UltimatumSchema).safeParse(undefined).success).toBe(true);
      expect(z.optional(UltimatumSchema).safeParse(stored).success).toBe(true);
      expect(z.array(EventSchema).safeParse([{ type: 'comply', at: '2025-03-04T09:00:00+00:00' }]).success).toBe(true);
      expect(z.array(EventSchema).safeParse([{ type: 'comply' }]).success).toBe(false);
    }
  });
});
