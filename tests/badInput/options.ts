/**
 * Bad options of the functions that present an ultimatum (SPEC §5): milestones, watch and
 * watchTracker, formatCountdown and toICS — and the subject each is given.
 */
import { toICS } from '../../src/adapters/ics.js';
import { createTracker, formatCountdown, milestones, watch, watchTracker } from '../../src/index.js';
import { aCountdown, args, base, call, callCase, type CallCase, MB, MB_DIGITS, stillClock, stored } from './harness.js';

/** milestones: its options, and the ultimatum it is given. */
export const milestoneCases: CallCase[] = [
  callCase({ name: 'milestones: fraction 1', make: () => args(base(), { fractions: [0.5, 1] }), call: call(milestones), code: 'INVALID_INPUT', path: ['fractions', 1], words: ['between 0 and 1'] }),
  callCase({ name: 'milestones: fraction NaN', make: () => args(base(), { fractions: [Number.NaN] }), call: call(milestones), code: 'INVALID_INPUT', path: ['fractions', 0] }),
  callCase({
    name: 'milestones: fractions not an array',
    make: () => args(base(), { fractions: 0.5 }),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: ['fractions'],
    words: ['array'],
    bug: 'bare TypeError "fractions.forEach is not a function"',
  }),
  callCase({ name: 'milestones: before { days: -1 }', make: () => args(base(), { before: [{ days: 7 }, { days: -1 }] }), call: call(milestones), code: 'INVALID_DURATION', path: ['before', 1, 'days'], words: ['>= 0'] }),
  callCase({ name: 'milestones: before a range', make: () => args(base(), { before: ['10 or 12 days'] }), call: call(milestones), code: 'INVALID_DURATION', path: ['before', 0], words: ['range'] }),
  callCase({ name: 'milestones: before a 1 MB string', make: () => args(base(), { before: [MB] }), call: call(milestones), code: 'INVALID_DURATION', path: ['before', 0], quick: true }),
  callCase({
    name: 'milestones: before not an array',
    make: () => args(base(), { before: { days: 1 } }),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: ['before'],
    words: ['array'],
    bug: 'bare TypeError "opts.before.map is not a function"',
  }),
  callCase({ name: 'milestones: at "yesterday"', make: () => args(base(), { at: 'yesterday' }), call: call(milestones), code: 'INVALID_DATE', path: ['at'], words: ['"yesterday"'] }),
  callCase({ name: 'milestones: at a 1 MB string', make: () => args(base(), { at: MB_DIGITS }), call: call(milestones), code: 'INVALID_DATE', path: ['at'], quick: true }),
  callCase({
    name: 'milestones: options null',
    make: () => args(base(), null),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: [],
    bug: 'bare TypeError "Cannot read properties of null (reading \'fractions\')"',
  }),
  callCase({
    name: 'milestones: unknown option "fraction" (a typo)',
    make: () => args(base(), { fraction: [0.5] }),
    call: call(milestones),
    code: 'INVALID_INPUT',
    path: ['fraction'],
    words: ['unknown field'],
    bug: 'accepted: the typo is ignored and the default fractions are used (toICS refuses unknown options; README: a typo must not be silently dropped)',
  }),
  callCase({ name: 'milestones: a stored document with zone "Mars/Base"', make: () => args({ ...stored(), zone: 'Mars/Base' }), call: call(milestones), code: 'INVALID_ZONE', path: ['zone'] }),
];

/** watch and watchTracker: their options, handlers and subject. */
export const watchCases: CallCase[] = [
  callCase({ name: 'watch: tickMs 0', make: () => args(base(), {}, { tickMs: 0, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['tickMs'], words: ['> 0'] }),
  callCase({ name: 'watch: tickMs 1.5', make: () => args(base(), {}, { tickMs: 1.5, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['tickMs'], words: ['whole number'] }),
  callCase({ name: 'watch: tickMs "1000"', make: () => args(base(), {}, { tickMs: '1000', clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['tickMs'] }),
  callCase({ name: 'watch: lateAfterMs -1', make: () => args(base(), {}, { lateAfterMs: -1, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['lateAfterMs'], words: ['>= 0'] }),
  callCase({ name: 'watch: lateAfterMs Infinity', make: () => args(base(), {}, { lateAfterMs: Number.POSITIVE_INFINITY, clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['lateAfterMs'], words: ['finite'] }),
  callCase({ name: 'watch: not an ultimatum', make: () => args({ title: 'x' }, {}, { clock: stillClock() }), call: call(watch), code: 'INVALID_INPUT', path: ['schemaVersion'] }),
  callCase({
    name: 'watch: options null',
    make: () => args(base(), {}, null),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: [],
    bug: 'bare TypeError "Cannot read properties of null (reading \'tickMs\')"',
  }),
  callCase({
    name: 'watch: a clock without now()',
    make: () => args(base(), {}, { clock: {} }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['clock'],
    orPaths: [['clock', 'now']],
    bug: 'bare TypeError "clock.now is not a function"',
  }),
  callCase({
    name: 'watch: onTick not a function',
    make: () => args(base(), { onTick: 5 }, { tickMs: 1000, clock: stillClock() }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['onTick'],
    orPaths: [['handlers', 'onTick']],
    bug: 'bare TypeError "handlers.onTick is not a function"',
  }),
  callCase({
    name: 'watch: handlers null',
    make: () => args(base(), null, { clock: stillClock() }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['handlers'],
    orPaths: [[]],
    bug: 'accepted; the first phase change or milestone then throws a TypeError inside a timer callback',
  }),
  callCase({
    name: 'watch: unknown option "tick" (a typo)',
    make: () => args(base(), {}, { tick: 1000, clock: stillClock() }),
    call: call(watch),
    code: 'INVALID_INPUT',
    path: ['tick'],
    words: ['unknown field'],
    bug: 'accepted: the typo is ignored and the watch never ticks',
  }),
  callCase({ name: 'watchTracker: tickMs -5', make: () => args(createTracker([base()]), {}, { tickMs: -5, clock: stillClock() }), call: call(watchTracker), code: 'INVALID_INPUT', path: ['tickMs'] }),
  callCase({ name: 'watchTracker: lateAfterMs "5"', make: () => args(createTracker([base()]), {}, { lateAfterMs: '5', clock: stillClock() }), call: call(watchTracker), code: 'INVALID_INPUT', path: ['lateAfterMs'] }),
  callCase({
    name: 'watchTracker: not a tracker',
    make: () => args({}, {}, { clock: stillClock() }),
    call: call(watchTracker),
    code: 'INVALID_INPUT',
    path: ['tracker'],
    orPaths: [[]],
    bug: 'bare TypeError "tracker.nextChange is not a function"',
  }),
];

/** formatCountdown: its countdown and options. */
export const formatCases: CallCase[] = [
  callCase({ name: 'formatCountdown: totalMs -1', make: () => args({ ...aCountdown(), totalMs: -1 }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['totalMs'], words: ['>= 0'] }),
  callCase({ name: 'formatCountdown: a string', make: () => args('5 days'), call: call(formatCountdown), code: 'INVALID_INPUT', path: [], words: ['Countdown'] }),
  callCase({ name: 'formatCountdown: style "verbose"', make: () => args(aCountdown(), { style: 'verbose' }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['style'], words: ['"long"', '"digital"'] }),
  callCase({ name: 'formatCountdown: maxUnits 0', make: () => args(aCountdown(), { maxUnits: 0 }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['maxUnits'] }),
  callCase({ name: 'formatCountdown: largestUnit below smallestUnit', make: () => args(aCountdown(), { largestUnit: 'seconds', smallestUnit: 'hours' }), call: call(formatCountdown), code: 'INVALID_INPUT', path: ['largestUnit'], words: ['smallestUnit'] }),
  callCase({
    name: 'formatCountdown: locale a 1 MB string',
    make: () => args(aCountdown(), { locale: MB }),
    call: call(formatCountdown),
    code: 'INVALID_INPUT',
    path: ['locale'],
    words: ['at most 100 characters'],
    quick: true,
    bug: 'the message quotes the whole locale: 1 MB long (messages elsewhere cut user text at 80 characters); and Intl takes ~40–60 ms to refuse it',
  }),
  callCase({
    name: 'formatCountdown: unknown option "locales" (a typo)',
    make: () => args(aCountdown(), { locales: 'de' }),
    call: call(formatCountdown),
    code: 'INVALID_INPUT',
    path: ['locales'],
    words: ['unknown field'],
    bug: 'accepted: the typo is ignored and the text comes out in the default locale',
  }),
];

/** toICS: its subject and options. */
export const icsCases: CallCase[] = [
  callCase({ name: 'toICS: null', make: () => args(null), call: call(toICS), code: 'INVALID_INPUT', path: [], words: ['an ultimatum, an array of ultimatums or a tracker'] }),
  callCase({ name: 'toICS: a number', make: () => args(42), call: call(toICS), code: 'INVALID_INPUT', path: [] }),
  callCase({ name: 'toICS: a non-ultimatum in the list', make: () => args([base('a'), { title: 'x' }]), call: call(toICS), code: 'INVALID_INPUT', path: [1, 'schemaVersion'] }),
  callCase({ name: 'toICS: a repeated id', make: () => args([base('a'), base('a')]), call: call(toICS), code: 'INVALID_INPUT', path: [1, 'id'], words: ['"a"'] }),
  callCase({ name: 'toICS: dtstamp "yesterday"', make: () => args(base(), { dtstamp: 'yesterday' }), call: call(toICS), code: 'INVALID_DATE', path: ['dtstamp'], words: ['"yesterday"'] }),
  callCase({ name: 'toICS: dtstamp a 1 MB string', make: () => args(base(), { dtstamp: MB_DIGITS }), call: call(toICS), code: 'INVALID_DATE', path: ['dtstamp'], quick: true }),
  callCase({ name: 'toICS: dtstamp in year 10000 (UTC)', make: () => args(base(), { dtstamp: '9999-12-31T23:00-05:00' }), call: call(toICS), code: 'OUT_OF_RANGE', path: ['dtstamp'], words: ['9999'] }),
  callCase({ name: 'toICS: dtstamp NaN', make: () => args(base(), { dtstamp: Number.NaN }), call: call(toICS), code: 'INVALID_DATE', path: ['dtstamp'], words: ['finite'] }),
  callCase({ name: 'toICS: unknown option "dtstam"', make: () => args(base(), { dtstam: '2025-08-01' }), call: call(toICS), code: 'INVALID_INPUT', path: ['dtstam'], words: ['unknown field'] }),
  callCase({ name: 'toICS: options a string', make: () => args(base(), 'Deadlines'), call: call(toICS), code: 'INVALID_INPUT', path: [], words: ['options object'] }),
  callCase({ name: 'toICS: milestones.at', make: () => args(base(), { milestones: { at: '2025-08-01' } }), call: call(toICS), code: 'INVALID_INPUT', path: ['milestones', 'at'] }),
  callCase({ name: 'toICS: milestone fraction 2', make: () => args(base(), { milestones: { fractions: [0.5, 2] } }), call: call(toICS), code: 'INVALID_INPUT', path: ['milestones', 'fractions', 1] }),
  callCase({ name: 'toICS: alarms "no"', make: () => args(base(), { alarms: 'no' }), call: call(toICS), code: 'INVALID_INPUT', path: ['alarms'], words: ['true or false'] }),
  callCase({ name: 'toICS: at a 1 MB string', make: () => args(base(), { at: MB_DIGITS }), call: call(toICS), code: 'INVALID_DATE', path: ['at'], quick: true }),
];
