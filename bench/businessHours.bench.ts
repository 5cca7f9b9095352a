/**
 * addBusinessTime against dayjs-business-time and moment-business-time in the same run: +4 000
 * business hours on Mon–Fri 09:00–17:00 from Fri 7 Mar 2025 16:00, all three in UTC (the peers work
 * in the process's zone, set to UTC here) and checked to agree before timing. Then ultimatum alone
 * at +4 h and +40 000 h, in Europe/London (DST changes included), for flatness in n.
 *
 * Run with `npm run bench`; scripts/write-benchmarks.mjs reads the group and case names: keep them in step.
 */
import { createRequire } from 'node:module';
import { addBusinessTime, createCalendar } from 'ultimatum';
import { bench, describe } from 'vitest';

process.env.TZ = 'UTC';
const require = createRequire(import.meta.url);
const dayjs = require('dayjs');
dayjs.extend(require('dayjs-business-time'));
const moment = require('moment-business-time');

const day = ['09:00-17:00'];
const calendar = createCalendar({ hours: { mon: day, tue: day, wed: day, thu: day, fri: day } });
const nineToFive = [{ start: '09:00:00', end: '17:00:00' }];
dayjs.setBusinessTime({ sunday: null, monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive, saturday: null });
moment.updateLocale('en', {
  workinghours: { 0: null, 1: ['09:00:00', '17:00:00'], 2: ['09:00:00', '17:00:00'], 3: ['09:00:00', '17:00:00'], 4: ['09:00:00', '17:00:00'], 5: ['09:00:00', '17:00:00'], 6: null },
});

const START = '2025-03-07T16:00:00Z';
const HOURS = 4_000;
const ours = () => addBusinessTime(START, { hours: HOURS }, calendar, { zone: 'UTC' }).toMillis();
const viaDayjs = () => dayjs(START).addBusinessHours(HOURS).valueOf();
const viaMoment = () => moment(START).addWorkingTime(HOURS, 'hours').valueOf();

// The three must compute the same instant, or the comparison means nothing.
const expected = ours();
for (const [name, f] of [['dayjs-business-time', viaDayjs], ['moment-business-time', viaMoment]] as const) {
  if (f() !== expected) throw new Error(`${name} disagrees: ${new Date(f()).toISOString()} vs ${new Date(expected).toISOString()}`);
}

describe('business hours: +4 000 h', () => {
  bench('ultimatum addBusinessTime', () => {
    ours();
  });
  bench('dayjs-business-time addBusinessHours', () => {
    viaDayjs();
  });
  bench('moment-business-time addWorkingTime', () => {
    viaMoment();
  });
});

const LONDON = '2025-03-07T16:00[Europe/London]';
describe('business hours: flat in n', () => {
  bench('ultimatum +4 h', () => {
    addBusinessTime(LONDON, { hours: 4 }, calendar);
  });
  bench('ultimatum +40 000 h', () => {
    addBusinessTime(LONDON, { hours: 40_000 }, calendar);
  });
});
