/**
 * Bad durations (SPEC §5): negative, fractional, empty, unknown units, past the supported years or
 * overflowing to Infinity, unparsable text; in an ultimatum's rule, milestones and consequence
 * offsets, in the amendments that move a deadline by an amount, and in parseDuration.
 */
import { Duration } from 'luxon';
import { extend, parseDuration, reschedule, shorten } from '../../src/index.js';
import { args, call, callCase, type CallCase, type Case, create, fields, kase, MB, MB_DIGITS, validWith, withU, type WithU } from './harness.js';

export const durationCases: Case[] = [
  // createUltimatum: deadline.after, milestones.before and consequence offsets
  kase({ name: 'deadline.after.days NaN', make: () => validWith({ deadline: { after: { days: Number.NaN } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'], words: ['finite'], was: 'message says "must be a number" (NaN is one); spec: "must be a finite number >= 0"' }),
  kase({ name: 'deadline.after.hours Infinity', make: () => validWith({ deadline: { after: { hours: Number.POSITIVE_INFINITY } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'hours'], words: ['finite'], was: 'message says "must be a number"; spec: "must be a finite number >= 0"' }),
  kase({ name: 'negative duration { days: -1 }', make: () => validWith({ deadline: { after: { days: -1 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'], words: ['finite number >= 0'] }),
  kase({ name: 'negative ISO duration "P-1D"', make: () => validWith({ deadline: { after: 'P-1D' } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['negative'] }),
  kase({ name: 'negative luxon Duration', make: () => validWith({ deadline: { after: Duration.fromObject({ days: -1 }) } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'days'], compare: 'json' }),
  kase({ name: 'fractional months { months: 1.5 }', make: () => validWith({ deadline: { after: { months: 1.5 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'months'], words: ['whole number'] }),
  kase({ name: 'fractional months "P1.5M"', make: () => validWith({ deadline: { after: 'P1.5M' } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'months'], words: ['whole number'] }),
  kase({ name: 'fractional years in a window', make: () => validWith({ deadline: { after: { earliest: { days: 10 }, latest: { years: 0.5 } } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'latest', 'years'] }),
  kase({ name: 'duration past year 275760 { years: 300000 }', make: () => validWith({ deadline: { after: { years: 300_000 } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'], words: ['range'] }),
  kase({ name: 'duration past year 275760 { days: 1e8 }', make: () => validWith({ deadline: { after: { days: 1e8 } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'] }),
  kase({ name: 'duration past year 275760 "P99999999999999999999D"', make: () => validWith({ deadline: { after: 'P99999999999999999999D' } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'] }),
  kase({ name: 'duration past year 9999 { years: 8000 }', make: () => validWith({ deadline: { after: { years: 8000 } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after'], words: ['9999'] }),
  kase({ name: 'duration past year 9999 in the latest of a window', make: () => validWith({ deadline: { after: { earliest: { days: 1 }, latest: { years: 8000 } } } }), call: create, code: 'OUT_OF_RANGE', path: ['deadline', 'after', 'latest'] }),
  kase({
    name: 'duration whose days overflow to Infinity { weeks: 1e308 }',
    make: () => validWith({ deadline: { after: { weeks: 1e308 } } }),
    call: create,
    code: 'OUT_OF_RANGE',
    path: ['deadline', 'after'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value Infinity" (addDuration passes weeks*7 = Infinity to luxon plus)',
  }),
  kase({ name: 'unparsable ISO duration "P5X"', make: () => validWith({ deadline: { after: 'P5X' } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['"P5X"', 'ISO 8601'] }),
  kase({ name: 'empty duration {}', make: () => validWith({ deadline: { after: {} } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['at least one unit'] }),
  kase({ name: 'unknown duration unit { fortnights: 2 }', make: () => validWith({ deadline: { after: { fortnights: 2 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'fortnights'], words: ['unknown field'] }),
  kase({ name: 'invalid luxon Duration', make: () => validWith({ deadline: { after: Duration.invalid('x') } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], words: ['luxon'], compare: 'json' }),
  kase({
    name: 'deadline.after a number',
    make: () => validWith({ deadline: { after: 50 } }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['deadline', 'after'],
    notWords: ['is required'],
    was: 'message "deadline.after: is required" although the field is present (every zod invalid_type is reported as "is required": zod 4 issues carry no `input`)',
  }),
  kase({ name: 'businessDays fractional', make: () => validWith({ deadline: { after: { businessDays: 1.5 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'businessDays'], words: ['whole'] }),
  kase({ name: 'businessDays mixed with calendar days', make: () => validWith({ deadline: { after: { businessDays: 10, days: 1 } } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after', 'businessDays'], words: ['combined'] }),
  kase({ name: '1 MB string as a duration', make: () => validWith({ deadline: { after: `P${MB_DIGITS}D` } }), call: create, code: 'INVALID_DURATION', path: ['deadline', 'after'], quick: true }),
  kase({ name: 'negative milestone duration', make: () => validWith({ milestones: { before: [{ days: 7 }, { days: -1 }] } }), call: create, code: 'INVALID_DURATION', path: ['milestones', 'before', 1, 'days'] }),
  kase({
    name: 'consequence offset taking its due date past year 9999',
    make: () => validWith({ consequences: [{ id: 'later', kind: 'tariff', ratePercent: 10, scope: 'primary', offset: { years: 9000 } }] }),
    call: create,
    code: 'OUT_OF_RANGE',
    path: ['consequences', 0, 'offset'],
    was: 'accepted: compile() only checks the due date is finite, so status() reports dueAt +011025-09-02',
  }),
  kase({ name: 'consequence offset past year 275760', make: () => validWith({ consequences: [{ id: 'later', kind: 'tariff', ratePercent: 10, scope: 'primary', offset: { years: 300_000 } }] }), call: create, code: 'OUT_OF_RANGE', path: ['consequences', 0, 'offset'] }),
  kase({
    name: 'consequence offset overflowing to Infinity { weeks: 1e308 }',
    make: () => validWith({ consequences: [{ id: 'later', kind: 'tariff', ratePercent: 10, scope: 'primary', offset: { weeks: 1e308 } }] }),
    call: create,
    code: 'OUT_OF_RANGE',
    path: ['consequences', 0, 'offset'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value Infinity"',
  }),

  // extend, shorten and reschedule: by how much, or to what rule
  kase({ name: 'extend: by { days: -1 }', make: () => withU({ at: '2025-07-20', by: { days: -1 } }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'by', 'days'] }),
  kase({ name: 'extend: by NaN hours', make: () => withU({ at: '2025-07-20', by: { hours: Number.NaN } }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'by', 'hours'] }),
  kase({ name: 'extend: by 8000 years (past 9999)', make: () => withU({ at: '2025-07-20', by: { years: 8000 } }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'OUT_OF_RANGE', path: ['events', 0, 'by'] }),
  kase({ name: 'shorten: by 3000 years (before year 1)', make: () => withU({ at: '2025-07-20', by: { years: 3000 } }), call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)), code: 'OUT_OF_RANGE', path: ['events', 0, 'by'] }),
  kase({
    name: 'extend: by days that overflow to Infinity',
    make: () => withU({ at: '2025-07-20', by: { weeks: 1e307, days: 1.7e308 } }),
    call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)),
    code: 'OUT_OF_RANGE',
    path: ['events', 0, 'by'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value Infinity"',
  }),
  kase({
    name: 'shorten: by weeks that overflow to -Infinity',
    make: () => withU({ at: '2025-07-20', by: { weeks: 1e308 } }),
    call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)),
    code: 'OUT_OF_RANGE',
    path: ['events', 0, 'by'],
    was: 'bare luxon InvalidArgumentError "Invalid unit value -Infinity"',
  }),
  kase({ name: 'reschedule: { days: -1 }', make: () => withU({ at: '2025-07-29', deadline: { after: { days: -1 } } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'deadline', 'after', 'days'] }),
  kase({ name: 'reschedule: negative businessDays', make: () => withU({ at: '2025-07-29', deadline: { after: { businessDays: -10 } } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_DURATION', path: ['events', 0, 'deadline', 'after', 'businessDays'] }),
];

/** parseDuration: duration text. */
export const parseDurationCases: CallCase[] = [
  callCase({ name: 'parseDuration: a number', make: () => args(50), call: call(parseDuration), code: ['INVALID_INPUT', 'INVALID_DURATION'], path: [], words: ['(root)', 'string'] }),
  callCase({ name: 'parseDuration: null', make: () => args(null), call: call(parseDuration), code: ['INVALID_INPUT', 'INVALID_DURATION'], path: [], words: ['string'] }),
  callCase({ name: 'parseDuration: a 1 MB string', make: () => args(MB), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['1000 characters'], quick: true }),
  callCase({ name: 'parseDuration: empty', make: () => args(''), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['ends where a duration'] }),
  callCase({ name: 'parseDuration: "between 10 12 days"', make: () => args('between 10 12 days'), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['"12" (at character 12)', '"and"'] }),
  callCase({ name: 'parseDuration: "1.2.3 days"', make: () => args('1.2.3 days'), call: call(parseDuration), code: 'INVALID_DURATION', path: [], words: ['"1.2.3"', 'a number'] }),
  callCase({
    name: 'parseDuration: negative ISO "P-1D"',
    make: () => args('P-1D'),
    call: call(parseDuration),
    code: 'INVALID_DURATION',
    path: [],
    bug: 'returns { days: -1 }, though "-1 days" is refused and every taker of a duration refuses a negative one',
  }),
  callCase({
    name: 'parseDuration: reversed range "12 or 10 days"',
    make: () => args('12 or 10 days'),
    call: call(parseDuration),
    code: 'INVALID_DURATION',
    path: [],
    bug: 'returns { earliest: { days: 12 }, latest: { days: 10 } }, a window whose earliest end is after its latest (refuse, or order the ends)',
  }),
];
