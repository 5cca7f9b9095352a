/**
 * Bad calendars and business-day arguments (SPEC §5): createCalendar, addBusinessDays,
 * businessDaysBetween, isBusinessDay, nextBusinessDay and previousBusinessDay.
 */
import { addBusinessDays, businessDaysBetween, createCalendar, isBusinessDay, nextBusinessDay, previousBusinessDay } from '../../src/index.js';
import { args, calendar, call, callCase, type CallCase, MB, MB_DIGITS, withProto } from './harness.js';

/** createCalendar: weekends and holidays. */
export const calendarCases: CallCase[] = [
  callCase({ name: 'createCalendar: weekend day 8', make: () => args({ weekend: [6, 8] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekend', 1], words: ['7'] }),
  callCase({ name: 'createCalendar: weekend day 0', make: () => args({ weekend: [0] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekend', 0], words: ['1'] }),
  callCase({
    name: 'createCalendar: weekend day 1.5',
    make: () => args({ weekend: [1.5] }),
    call: call(createCalendar),
    code: 'INVALID_INPUT',
    path: ['weekend', 0],
    words: ['whole number'],
    bug: 'message "must be int" (zod\'s word; the library says "must be a whole number" elsewhere)',
  }),
  callCase({
    name: 'createCalendar: a weekend of all seven days',
    make: () => args({ weekend: [1, 2, 3, 4, 5, 6, 7] }),
    call: call(createCalendar),
    code: 'INVALID_INPUT',
    path: ['weekend'],
    words: ['business day'],
    bug: 'message "must have at most 6 items": the schema\'s own message (messages.noBusinessDay) is replaced by the generic too_big one',
  }),
  callCase({ name: 'createCalendar: a repeated weekend day', make: () => args({ weekend: [6, 6] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekend'], words: ['repeat'] }),
  callCase({ name: 'createCalendar: holiday "2025-02-30"', make: () => args({ holidays: ['2025-12-25', '2025-02-30'] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['holidays', 1], words: ['real calendar date'] }),
  callCase({ name: 'createCalendar: a 1 MB holiday', make: () => args({ holidays: [MB] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['holidays', 0], quick: true }),
  callCase({ name: 'createCalendar: holidays a string', make: () => args({ holidays: '2025-12-25' }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['holidays'], words: ['array'] }),
  callCase({ name: 'createCalendar: unknown field "weekends"', make: () => args({ weekends: [5, 6] }), call: call(createCalendar), code: 'INVALID_INPUT', path: ['weekends'], words: ['unknown field'] }),
  callCase({ name: 'createCalendar: a string', make: () => args('US'), call: call(createCalendar), code: 'INVALID_INPUT', path: [], words: ['object'] }),
  callCase({ name: 'createCalendar: __proto__ key (JSON)', make: () => args(withProto({ weekend: [6, 7] })), call: call(createCalendar), code: 'INVALID_INPUT', path: ['__proto__'] }),
];

/** The business-day functions: their date, count and calendar arguments. */
export const businessDayCases: CallCase[] = [
  callCase({ name: 'addBusinessDays: n 1.5', make: () => args('2025-12-19', 1.5, calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['n'], words: ['whole number'] }),
  callCase({ name: 'addBusinessDays: n NaN', make: () => args('2025-12-19', Number.NaN, calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['n'] }),
  callCase({ name: 'addBusinessDays: n 3 000 000', make: () => args('2025-12-19', 3_000_000, calendar()), call: call(addBusinessDays), code: ['INVALID_INPUT', 'OUT_OF_RANGE'], path: ['n'], words: ['2000000'] }),
  callCase({ name: 'addBusinessDays: n a string', make: () => args('2025-12-19', '5', calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['n'] }),
  callCase({ name: 'addBusinessDays: date "2025-02-30"', make: () => args('2025-02-30', 1, calendar()), call: call(addBusinessDays), code: 'INVALID_DATE', path: ['date'], words: ['2025-02-30'] }),
  callCase({ name: 'addBusinessDays: date a 1 MB string', make: () => args(MB_DIGITS, 1, calendar()), call: call(addBusinessDays), code: 'INVALID_DATE', path: ['date'], quick: true }),
  callCase({ name: 'addBusinessDays: date null', make: () => args(null, 1, calendar()), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['date'] }),
  callCase({ name: 'addBusinessDays: calendar with weekend day 9', make: () => args('2025-12-19', 1, { weekend: [9] }), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['calendar', 'weekend', 0] }),
  callCase({ name: 'addBusinessDays: calendar a string', make: () => args('2025-12-19', 1, 'US'), call: call(addBusinessDays), code: 'INVALID_INPUT', path: ['calendar'] }),
  callCase({
    name: 'addBusinessDays: past year 9999',
    make: () => args('9999-12-30', 5, calendar()),
    call: call(addBusinessDays),
    code: 'OUT_OF_RANGE',
    path: ['n'],
    orPaths: [['date']],
    words: ['9999'],
    bug: 'returns +010000-01-06T00:00:00.000Z, outside the supported years 1–9999',
  }),
  callCase({
    name: 'previousBusinessDay: before year 1',
    make: () => args('0001-01-01', calendar()),
    call: call(previousBusinessDay),
    code: 'OUT_OF_RANGE',
    path: ['date'],
    orPaths: [['n']],
    bug: 'returns 0000-12-29T00:00:00.000Z, outside the supported years 1–9999',
  }),
  callCase({ name: 'businessDaysBetween: a "yesterday"', make: () => args('yesterday', '2025-12-29', calendar()), call: call(businessDaysBetween), code: 'INVALID_DATE', path: ['a'], words: ['"yesterday"'] }),
  callCase({ name: 'businessDaysBetween: b NaN', make: () => args('2025-12-19', Number.NaN, calendar()), call: call(businessDaysBetween), code: 'INVALID_DATE', path: ['b'], words: ['finite'] }),
  callCase({ name: 'businessDaysBetween: b a 1 MB string', make: () => args('2025-12-19', MB_DIGITS, calendar()), call: call(businessDaysBetween), code: 'INVALID_DATE', path: ['b'], quick: true }),
  callCase({ name: 'businessDaysBetween: calendar holiday "x"', make: () => args('2025-12-19', '2025-12-29', { holidays: ['x'] }), call: call(businessDaysBetween), code: 'INVALID_INPUT', path: ['calendar', 'holidays', 0] }),
  callCase({ name: 'isBusinessDay: an invalid Date', make: () => args(new Date('nope'), calendar()), call: call(isBusinessDay), code: 'INVALID_DATE', path: ['date'], words: ['invalid Date'] }),
  callCase({ name: 'isBusinessDay: a partial date "2025-02"', make: () => args('2025-02', calendar()), call: call(isBusinessDay), code: 'INVALID_DATE', path: ['date'], words: ['whole date'] }),
  callCase({ name: 'isBusinessDay: a 1 MB string', make: () => args(MB, calendar()), call: call(isBusinessDay), code: 'INVALID_DATE', path: ['date'], quick: true }),
  callCase({ name: 'isBusinessDay: calendar with no business day', make: () => args('2025-12-19', { weekend: [1, 2, 3, 4, 5, 6, 7] }), call: call(isBusinessDay), code: 'INVALID_INPUT', path: ['calendar', 'weekend'] }),
  callCase({ name: 'nextBusinessDay: a bare time "12:00"', make: () => args('12:00', calendar()), call: call(nextBusinessDay), code: 'INVALID_DATE', path: ['date'], words: ['"12:00"'] }),
  callCase({ name: 'nextBusinessDay: calendar with an unknown field', make: () => args('2025-12-19', { weekend: [6, 7], extra: 1 }), call: call(nextBusinessDay), code: 'INVALID_INPUT', path: ['calendar', 'extra'], words: ['unknown field'] }),
  callCase({
    name: 'nextBusinessDay: an object posing as a luxon DateTime',
    make: () => args({ isLuxonDateTime: true, isValid: true }, calendar()),
    call: call(nextBusinessDay),
    code: ['INVALID_DATE', 'INVALID_INPUT'],
    path: ['date'],
  }),
];
