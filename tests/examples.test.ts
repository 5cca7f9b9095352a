import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { report as brexit } from '../examples/brexit-article-50.js';
import { report as court } from '../examples/court-deadline.js';
import { report as sla } from '../examples/sla-board.js';
import { report as helpdesk } from '../examples/helpdesk-sla.js';
import { report as founding } from '../examples/russia-50-day.js';

describe('examples print hand-computed answers', () => {
  it('the 50-day ultimatum', () => {
    const lines = founding();
    // 14 Jul + 50 days = 2 Sep; 28 Jul + 10/12 days = 7/9 Aug; 29 Jul + 10 days = 8 Aug; all 12:00 EDT.
    expect(lines).toContain('Deadline in force on 20 Jul 2025: Tue 2 Sep 2025 12:00 EDT');
    expect(lines).toContain(
      'Deadline in force on 28 Jul 2025 (evening): window Thu 7 Aug 2025 12:00 EDT – Sat 9 Aug 2025 12:00 EDT',
    );
    expect(lines).toContain('Deadline in force on 1 Aug 2025: Fri 8 Aug 2025 12:00 EDT');
    // 20 Jul 12:00 → 2 Sep 12:00: 11 days left in July + 31 in August + 2 = 44 days.
    expect(lines).toContain('Countdown on 20 Jul 2025 12:00: 44 days (44:00:00:00)');
    expect(lines).toContain('Phase on 10 Aug 2025: enforced; overdue by 2 days');
    expect(lines).toContain("Threatened: 100 % secondary tariff on Russia's trading partners");
    expect(lines.some((l) => l.startsWith('Imposed 2025-08-06 (partly): 25 % on imports from India'))).toBe(true);
    expect(lines).toContain('Still due since Fri 8 Aug 2025 12:00 EDT: secondary-tariffs (only partly enforced)');
  });

  it('Article 50: the end of each day in Brussels time', () => {
    expect(brexit().slice(0, 5)).toEqual([
      // End of 29 Mar 2019 (CET, +01:00; DST began 31 Mar).
      'Deadline in force on 2018-06-01: 2019-03-30T00:00:00+01:00',
      // Extended on 22 Mar to the end of 12 Apr (CEST, +02:00).
      'Deadline in force on 2019-03-25: 2019-04-13T00:00:00+02:00',
      // Extended on 11 Apr to the end of 31 Oct (CET again after 27 Oct).
      'Deadline in force on 2019-06-01: 2019-11-01T00:00:00+01:00',
      // Extended on 29 Oct to the end of 31 Jan 2020: 23:00 in London, when the UK left.
      'Deadline in force on 2019-12-01: 2020-02-01T00:00:00+01:00',
      'Deadline in force on 2020-02-15: none (complied)',
    ]);
  });
});

describe('the court deadline (FRCP 6(a))', () => {
  it('rolls past holidays and weekends to the end of the next business day', () => {
    expect(court()).toEqual([
      // Thu 11 Dec + 14 days = Thu 25 Dec, Christmas: the period runs to Fri 26 Dec, midnight.
      'Served 2025-12-11: file before 2025-12-27T00:00:00-05:00',
      '  +14 calendar days in America/New_York; Thu 25 Dec 2025 is a holiday → Fri 26 Dec 2025, then to the end of that day',
      // Sat 16 Aug + 14 days = Sat 30 Aug; Sun 31 Aug; Mon 1 Sep is Labor Day: Tue 2 Sep, midnight (EDT).
      'Served 2025-08-16: file before 2025-09-03T00:00:00-04:00',
      '  +14 calendar days in America/New_York; Sat 30 Aug 2025 is a weekend day, Sun 31 Aug 2025 is a weekend day, Mon 1 Sep 2025 is a holiday → Tue 2 Sep 2025, then to the end of that day',
      // Wed 1 Oct + 14 days = Wed 15 Oct, a business day: no roll.
      'Served 2025-10-01: file before 2025-10-16T00:00:00-04:00',
      '  +14 calendar days in America/New_York, then to the end of that day',
    ]);
  });
});

describe('the helpdesk SLA board (business hours Mon–Fri 09:00–17:00 London; 25, 26 Dec and 1 Jan off)', () => {
  it('prints each clock in working time', () => {
    expect(helpdesk()).toEqual([
      'SLA board at 2025-12-29 12:00 London',
      // Opened Tue 23 Dec 15:00; answered Wed 24 Dec 10:30: Tue 2 h + Wed 1.5 h = 3.5 h of 4 h used (87.5 %).
      'T-101 first response   complied  due —                met, 88 % used',
      // 3 business days: Wed 24, Mon 29, Tue 30 (25, 26 Dec off) → Tue 30 Dec 15:00; 24 h of working time.
      // Paused Wed 24 12:00 to Mon 29 10:00: Wed 5 h + Mon 1 h = 6 h of working time → Tue 15:00 + 6 h = Wed 31 Dec 13:00.
      // Used by Mon 12:00: Tue 2 h + Wed 3 h + Mon 10:00–12:00 2 h = 7 h; 17 h left; 7/24 = 29 %.
      'T-101 resolution       active    due Wed 31 Dec 13:00 17:00 business time left, 29 % used',
      // Opened Wed 24 Dec 15:30: Wed 1.5 h, then Mon 29 09:00 + 2.5 h = 11:30; half an hour overdue at 12:00.
      'T-102 first response   expired   due Mon 29 Dec 11:30 breached 0:30 ago, 100 % used',
      // Opened Mon 29 Dec 11:00: due 15:00; 1 h of 4 used.
      'T-103 first response   active    due Mon 29 Dec 15:00 3:00 business time left, 25 % used',
      // Tue 30, Wed 31, (1 Jan off), Fri 2 Jan at 11:00; 1 h of 24 h used (4 %).
      'T-103 resolution       active    due Fri 2 Jan 11:00  23:00 business time left, 4 % used',
    ]);
  });
});

describe('npm run demo', () => {
  it('prints the founding case from the command line', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/russia-50-day.ts'], { encoding: 'utf8' });
    expect(out.split('\n')).toContain('Deadline in force on 1 Aug 2025: Fri 8 Aug 2025 12:00 EDT');
  });
});

describe('the SLA board', () => {
  it('prints what is overdue, what is due within a day, and the next change', () => {
    const lines = sla();
    // Ticket k opens 3 Mar k:00 UTC, due 24 h later; tickets 5, 10, 15, 20 paused 6 h, due 6 h later.
    expect(lines[1]).toBe(
      'Overdue (5): ticket-01 since 03-04 01:00, ticket-02 since 03-04 02:00, ticket-03 since 03-04 03:00, ticket-04 since 03-04 04:00, ticket-06 since 03-04 06:00',
    );
    expect(lines[2]).toBe('Due within a day (15):');
    expect(lines[6]).toBe('  ticket-05 at 03-04 11:00 (paused 6 h)');
    expect(lines[17]).toBe('  ticket-20 at 03-05 02:00 (paused 6 h)');
    // 90 % of ticket 9's 24 h is 21 h 36 min after 3 Mar 09:00: 4 Mar 06:36, the first change after 06:30.
    expect(lines.at(-1)).toBe('Next change: 03-04 06:36: ticket-09 (90 % of the time elapsed)');
  });
});

describe('the live countdown', () => {
  it('prints plain lines when not a terminal, counting down, and exits', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/live-countdown.ts', '2999-01-01', '--ticks=2'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 20_000,
    });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes('\x1b'))).toBe(true);
    const UNIT = { day: 86_400, hour: 3_600, minute: 60, second: 1 } as const;
    const seconds = lines.map((l) =>
      [...l.matchAll(/([\d,]+) (day|hour|minute|second)s?/g)].reduce(
        (sum, m) => sum + Number(m[1]?.replaceAll(',', '')) * UNIT[m[2] as keyof typeof UNIT],
        0,
      ),
    );
    // 2999-01-01 is hundreds of years away, and the second line is not later than the first.
    expect(seconds[0]).toBeGreaterThan(900 * 365 * 86_400);
    expect(seconds[1]).toBeLessThanOrEqual(seconds[0] as number);
  });
});
