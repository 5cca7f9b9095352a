/**
 * Bad instants and zones (SPEC §5): the dates, epoch milliseconds, Dates, luxon DateTimes and
 * zones an ultimatum is given, and the `at` of the functions that read one as of an instant.
 */
import { DateTime } from 'luxon';
import { countdown, deadlineOf, status } from '../../src/index.js';
import { type Case, create, kase, MB_DIGITS, validWith, withU, type WithU } from './harness.js';

export const instantCases: Case[] = [
  // createUltimatum: issuedAt, deadline.at and deadline.from, and the zone
  kase({ name: 'unknown zone "Mars/Base"', make: () => validWith({ zone: 'Mars/Base' }), call: create, code: 'INVALID_ZONE', path: ['zone'], words: ['Mars/Base', 'IANA'] }),
  kase({ name: 'empty zone', make: () => validWith({ zone: '' }), call: create, code: 'INVALID_ZONE', path: ['zone'] }),
  kase({ name: 'issuedAt "2025-02-30"', make: () => validWith({ issuedAt: '2025-02-30' }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['2025-02-30'] }),
  kase({ name: 'deadline.at "2025-02-30"', make: () => validWith({ deadline: { at: '2025-02-30' } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'at'], words: ['2025-02-30'] }),
  kase({ name: 'deadline.from "2025-02-30"', make: () => validWith({ deadline: { after: { days: 1 }, from: '2025-02-30' } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'from'] }),
  kase({ name: 'issuedAt NaN epoch ms', make: () => validWith({ issuedAt: Number.NaN }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['finite'] }),
  kase({ name: 'issuedAt Infinity epoch ms', make: () => validWith({ issuedAt: Number.POSITIVE_INFINITY }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['finite'] }),
  kase({ name: 'deadline.at -Infinity epoch ms', make: () => validWith({ deadline: { at: Number.NEGATIVE_INFINITY } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'at'], words: ['finite'] }),
  kase({ name: 'issuedAt in year 10000 (epoch ms)', make: () => validWith({ issuedAt: Date.UTC(10000, 0, 2) }), call: create, code: 'OUT_OF_RANGE', path: ['issuedAt'], words: ['9999'] }),
  kase({ name: 'issuedAt in year 0', make: () => validWith({ issuedAt: '0000-06-01' }), call: create, code: 'OUT_OF_RANGE', path: ['issuedAt'] }),
  kase({ name: 'issuedAt an invalid Date', make: () => validWith({ issuedAt: new Date('not a date') }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['invalid Date'] }),
  kase({ name: 'issuedAt an invalid luxon DateTime', make: () => validWith({ issuedAt: DateTime.invalid('x') }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['luxon'], compare: 'json' }),
  kase({
    name: 'issuedAt an object with Date.prototype but no time value',
    make: () => validWith({ issuedAt: Object.create(Date.prototype) }),
    call: create,
    code: ['INVALID_DATE', 'INVALID_INPUT'],
    path: ['issuedAt'],
    was: 'bare TypeError "this is not a Date object." (toEpochMs calls getTime on anything instanceof Date)',
  }),
  kase({ name: '1 MB string as issuedAt', make: () => validWith({ issuedAt: MB_DIGITS }), call: create, code: 'INVALID_DATE', path: ['issuedAt'], words: ['at most'], quick: true }),
  kase({ name: '1 MB string as deadline.at', make: () => validWith({ deadline: { at: MB_DIGITS } }), call: create, code: 'INVALID_DATE', path: ['deadline', 'at'], quick: true }),

  // status, deadlineOf and countdown: the instant asked about, and countdown's target
  kase({ name: 'status: at "yesterday"', make: () => withU('yesterday'), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['"yesterday"'] }),
  kase({ name: 'status: at NaN', make: () => withU(Number.NaN), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['finite'] }),
  kase({ name: 'status: at Infinity', make: () => withU(Number.POSITIVE_INFINITY), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'] }),
  kase({ name: 'status: at past year 275760', make: () => withU(8.64e15 + 1), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'OUT_OF_RANGE', path: ['at'] }),
  kase({ name: 'status: at in year 10000', make: () => withU('+010000-01-02T00:00:00Z'), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'OUT_OF_RANGE', path: ['at'] }),
  kase({ name: 'status: at a 1 MB string', make: () => withU(MB_DIGITS), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_DATE', path: ['at'], quick: true }),
  kase({ name: 'status: at a plain object', make: () => withU({}), call: ({ u, arg }: WithU<unknown>) => status(u, arg as never), code: 'INVALID_INPUT', path: ['at'] }),
  kase({
    name: 'status: at an object posing as a luxon DateTime',
    make: () => withU({ isLuxonDateTime: true, isValid: true }),
    call: ({ u, arg }: WithU<unknown>) => status(u, arg as never),
    code: ['INVALID_INPUT', 'INVALID_DATE'],
    path: ['at'],
    was: 'bare TypeError "input.toMillis is not a function"',
  }),
  kase({ name: 'deadlineOf: at an invalid Date', make: () => withU(new Date('nope')), call: ({ u, arg }: WithU<unknown>) => deadlineOf(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['invalid Date'] }),
  kase({ name: 'deadlineOf: at an invalid luxon DateTime', make: () => withU(DateTime.invalid('x')), call: ({ u, arg }: WithU<unknown>) => deadlineOf(u, arg as never), code: 'INVALID_DATE', path: ['at'], compare: 'json' }),
  kase({ name: 'deadlineOf: at "2025-02-30"', make: () => withU('2025-02-30'), call: ({ u, arg }: WithU<unknown>) => deadlineOf(u, arg as never), code: 'INVALID_DATE', path: ['at'], words: ['2025-02-30'] }),
  kase({ name: 'countdown: at "yesterday"', make: () => withU('yesterday'), call: ({ u, arg }: WithU<unknown>) => countdown(u, arg as never), code: 'INVALID_DATE', path: ['at'] }),
  kase({ name: 'countdown: target "2025-02-30"', make: () => '2025-02-30', call: (target: unknown) => countdown(target as never, '2025-01-01'), code: 'INVALID_DATE', path: ['target'] }),
  kase({ name: 'countdown: at NaN for an instant target', make: () => Number.NaN, call: (at: unknown) => countdown('2025-09-02', at as never), code: 'INVALID_DATE', path: ['at'] }),
  kase({ name: 'countdown: target null', make: () => null, call: (target: unknown) => countdown(target as never, '2025-01-01'), code: 'INVALID_INPUT', path: ['target'] }),
  kase({
    name: 'countdown: target an object with Date.prototype but no time value',
    make: () => Object.create(Date.prototype) as object,
    call: (target: unknown) => countdown(target as never, '2025-01-01'),
    code: ['INVALID_DATE', 'INVALID_INPUT'],
    path: ['target'],
    was: 'bare TypeError "this is not a Date object."',
  }),
];
