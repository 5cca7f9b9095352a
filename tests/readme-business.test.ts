import {
  addBusinessDays,
  addBusinessTime,
  businessDaysBetween,
  businessTimeBetween,
  createCalendar,
  createUltimatum,
  deadlineOf,
  explain,
  isWithinBusinessHours,
  nextBusinessOpen,
  status,
} from 'ultimatum';
import { expect, it } from 'vitest';

// The README's business-day snippet, line for line: its `//=>` claims must hold.
it('the README business-day snippet', () => {
  const courts = createCalendar({ holidays: ['2025-12-25', '2026-01-01'] });
  expect(addBusinessDays('2025-12-19', 5, courts).toISODate()).toBe('2025-12-29');
  expect(businessDaysBetween('2025-12-19', '2025-12-29', courts)).toBe(5);
  const answer = createUltimatum({
    title: 'Answer', issuer: 'Plaintiff', addressee: 'Defendant', demands: ['Answer'],
    issuedAt: '2025-12-11', zone: 'America/New_York', calendar: courts,
    deadline: { after: { days: 14 }, rollover: 'next-business-day', endOfDay: true },
  });
  expect(deadlineOf(answer, '2025-12-12')?.toISO()).toBe('2025-12-27T00:00:00.000-05:00');
  expect(explain(answer, '2025-12-12')[0]?.rule).toBe(
    '+14 calendar days in America/New_York; Thu 25 Dec 2025 is a holiday → Fri 26 Dec 2025, then to the end of that day',
  );
});

// The README's business-hours snippet, line for line.
it('the README business-hours snippet', () => {
  const day = ['09:00-17:00'];
  const support = createCalendar({
    hours: { mon: day, tue: day, wed: day, thu: day, fri: ['09:00-12:30', '13:30-17:00'] },
    holidays: ['2025-12-25', '2025-12-26'],
    overrides: { '2025-12-24': ['09:00-12:00'] },
  });
  expect(addBusinessTime('2025-03-06T16:00[Europe/London]', { hours: 8 }, support).toISO()).toBe('2025-03-07T17:00:00.000+00:00');
  expect(businessTimeBetween('2025-03-06T16:00[Europe/London]', '2025-03-07T17:00[Europe/London]', support)).toBe(28_800_000);
  expect(isWithinBusinessHours('2025-03-07T13:00[Europe/London]', support)).toBe(false);
  expect(nextBusinessOpen('2025-03-07T13:00[Europe/London]', support).toISO()).toBe('2025-03-07T13:30:00.000+00:00');
  const ticket = createUltimatum({
    title: 'Ticket 42', issuer: 'Customer', addressee: 'Support', demands: ['Resolve'],
    issuedAt: '2025-03-03T09:00', zone: 'Europe/London', deadline: { after: { businessDays: 5 } },
    events: [{ type: 'pause', at: '2025-03-05T10:00' }, { type: 'resume', at: '2025-03-10T10:00' }],
  });
  expect(status(ticket, '2025-03-11T12:00').deadline?.toISO()).toBe('2025-03-13T09:00:00.000+00:00');
});
