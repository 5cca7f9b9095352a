/**
 * Bad tracker input (SPEC §5): the ultimatums a tracker is given, its stored document, and the
 * options of its questions (`within`, `at`).
 */
import { createTracker, parseTracker, type Ultimatum } from '../../src/index.js';
import { args, base, call, callCase, type CallCase, MB, MB_DIGITS, stored, trackerDoc, trackerView, withTracker, type WithTracker } from './harness.js';

/** createTracker, tracker.add and parseTracker: the ultimatums a tracker holds, and its stored document. */
export const trackerCases: CallCase[] = [
  callCase({ name: 'createTracker: a repeated id', make: () => args([base('a'), base('b'), base('a')]), call: call(createTracker), code: 'INVALID_INPUT', path: [2, 'id'], words: ['"a"', 'unique'] }),
  callCase({ name: 'createTracker: a stored document with zone "Mars/Base"', make: () => args([base('a'), { ...stored('b'), zone: 'Mars/Base' }]), call: call(createTracker), code: 'INVALID_ZONE', path: [1, 'zone'] }),
  callCase({ name: 'createTracker: null in the list', make: () => args([base('a'), null]), call: call(createTracker), code: 'INVALID_INPUT', path: [1], words: ['object'] }),
  callCase({
    name: 'createTracker: not a list',
    make: () => args(42),
    call: call(createTracker),
    code: 'INVALID_INPUT',
    path: [],
    bug: 'bare TypeError "ultimatums is not iterable"',
  }),
  callCase({
    name: 'tracker.add: a repeated id',
    make: () => withTracker(base('a')),
    call: ({ tracker, arg }: WithTracker) => tracker.add(arg as Ultimatum),
    code: 'INVALID_INPUT',
    path: ['id'],
    words: ['"a"'],
    view: trackerView,
  }),
  callCase({ name: 'parseTracker: null', make: () => args(null), call: call(parseTracker), code: 'INVALID_INPUT', path: [], words: ['tracker document'] }),
  callCase({
    name: 'parseTracker: kind "tracker"',
    make: () => args({ ...trackerDoc(), kind: 'tracker' }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['kind'],
    bug: 'path [] (the whole document) rather than the offending field',
  }),
  callCase({
    name: 'parseTracker: schemaVersion 2',
    make: () => args({ ...trackerDoc(), schemaVersion: 2 }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['schemaVersion'],
    words: ['1'],
    bug: 'path [] (the whole document); parseUltimatum points at schemaVersion',
  }),
  callCase({ name: 'parseTracker: ultimatums an object', make: () => args({ ...trackerDoc(), ultimatums: {} }), call: call(parseTracker), code: 'INVALID_INPUT', path: ['ultimatums'], words: ['array'] }),
  callCase({
    name: 'parseTracker: unknown field "ultimatum"',
    make: () => args({ ...trackerDoc(), ultimatum: [] }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['ultimatum'],
    words: ['unknown field'],
    bug: 'accepted (so is a "__proto__" key), while parseUltimatum refuses unknown fields',
  }),
  callCase({
    name: 'parseTracker: nested zone "Mars/Base"',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[1] = { ...doc.ultimatums[1], zone: 'Mars/Base' };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_ZONE',
    path: ['ultimatums', 1, 'zone'],
    words: ['Mars/Base'],
  }),
  callCase({
    name: 'parseTracker: nested { days: -1 }',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[0] = { ...doc.ultimatums[0], deadline: { after: { days: -1 } } };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_DURATION',
    path: ['ultimatums', 0, 'deadline', 'after', 'days'],
    words: ['>= 0'],
    bug: 'INVALID_INPUT "must be at least 0" (the stored schema\'s min(0)); createUltimatum says INVALID_DURATION "must be a finite number >= 0" for the same field — parseUltimatum too',
  }),
  callCase({
    name: 'parseTracker: nested 1 MB issuedAt',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[0] = { ...doc.ultimatums[0], issuedAt: MB_DIGITS };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_DATE',
    path: ['ultimatums', 0, 'issuedAt'],
    quick: true,
  }),
  callCase({
    name: 'parseTracker: nested events out of order',
    make: () => {
      const doc = trackerDoc();
      doc.ultimatums[1] = {
        ...doc.ultimatums[1],
        events: [
          { type: 'note', at: '2025-07-25T12:00:00-04:00', text: 'b' },
          { type: 'note', at: '2025-07-20T12:00:00-04:00', text: 'a' },
        ],
      };
      return args(doc);
    },
    call: call(parseTracker),
    code: 'INVALID_EVENT',
    path: ['ultimatums', 1, 'events', 1, 'at'],
  }),
  callCase({
    name: 'parseTracker: a repeated id',
    make: () => args({ ...trackerDoc(), ultimatums: [stored('a'), stored('a')] }),
    call: call(parseTracker),
    code: 'INVALID_INPUT',
    path: ['ultimatums', 1, 'id'],
    words: ['"a"'],
  }),
];

/** tracker.upcoming and tracker.overdue: `within` and `at`. */
export const queryCases: CallCase[] = [
  callCase({
    name: 'tracker.upcoming: within { days: -1 }',
    make: () => withTracker({ within: { days: -1 }, at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within', 'days'],
    words: ['>= 0'],
    view: trackerView,
  }),
  callCase({
    name: 'tracker.upcoming: within "soon"',
    make: () => withTracker({ within: 'soon', at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within'],
    words: ['"soon"'],
    view: trackerView,
  }),
  callCase({
    name: 'tracker.upcoming: within a range',
    make: () => withTracker({ within: '10 or 12 days', at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within'],
    words: ['range'],
    view: trackerView,
  }),
  callCase({
    name: 'tracker.upcoming: within a 1 MB string',
    make: () => withTracker({ within: MB, at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DURATION',
    path: ['within'],
    view: trackerView,
    quick: true,
  }),
  callCase({
    name: 'tracker.upcoming: no within',
    make: () => withTracker({ at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_INPUT',
    path: ['within'],
    view: trackerView,
  }),
  callCase({
    name: 'tracker.upcoming: within { years: 300000 }',
    make: () => withTracker({ within: { years: 300_000 }, at: '2025-08-01' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'OUT_OF_RANGE',
    path: ['within'],
    view: trackerView,
    bug: 'returns [] (the end of the range is NaN, so nothing is "within" it), though both deadlines are upcoming',
  }),
  callCase({
    name: 'tracker.upcoming: at "yesterday"',
    make: () => withTracker({ within: { days: 1 }, at: 'yesterday' }),
    call: ({ tracker, arg }: WithTracker) => tracker.upcoming(arg as never),
    code: 'INVALID_DATE',
    path: ['at'],
    view: trackerView,
  }),
  callCase({ name: 'tracker.overdue: at "yesterday"', make: () => withTracker('yesterday'), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_DATE', path: ['at'], words: ['"yesterday"'], view: trackerView }),
  callCase({ name: 'tracker.overdue: at NaN', make: () => withTracker(Number.NaN), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_DATE', path: ['at'], words: ['finite'], view: trackerView }),
  callCase({ name: 'tracker.overdue: at a 1 MB string', make: () => withTracker(MB_DIGITS), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_DATE', path: ['at'], view: trackerView, quick: true }),
  callCase({ name: 'tracker.overdue: at a plain object', make: () => withTracker({}), call: ({ tracker, arg }: WithTracker) => tracker.overdue(arg as never), code: 'INVALID_INPUT', path: ['at'], view: trackerView }),
];
