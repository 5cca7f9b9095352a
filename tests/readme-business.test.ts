import { addBusinessDays, businessDaysBetween, createCalendar, createUltimatum, deadlineOf, explain } from 'ultimatum';
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
