import {
  amend,
  comply,
  countdown,
  createUltimatum,
  deadlineOf,
  enforce,
  extend,
  parseUltimatum,
  pause,
  resume,
  shorten,
  status,
  withdraw,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { foundingCase } from '../examples/russia-50-day.js';
import { base, utc } from './helpers.js';

const DAY = 86_400_000;

describe('the founding case, as of each amendment (SPEC §2.7)', () => {
  const u = foundingCase();
  // Hand-computed: every statement at 12:00 New York (EDT, -04:00 → 16:00Z).
  const cases: [string, string, number | null, string][] = [
    ['before issue', '2025-07-14T11:59', utc(2025, 9, 2, 16), 'pending'],
    ['at issue', '2025-07-14T12:00', utc(2025, 9, 2, 16), 'active'],
    ['after the Kremlin note', '2025-07-20T12:00', utc(2025, 9, 2, 16), 'active'],
    ['just before the cut to 10 or 12 days', '2025-07-28T11:59', utc(2025, 9, 2, 16), 'active'],
    ['after the cut to 10 or 12 days', '2025-07-28T12:00', utc(2025, 8, 9, 16), 'active'],
    ['after "10 days from today"', '2025-08-01T12:00', utc(2025, 8, 8, 16), 'active'],
    ['after the India tariff, before the deadline', '2025-08-07T12:00', utc(2025, 8, 8, 16), 'enforced'],
    ['after the deadline', '2025-08-10T12:00', utc(2025, 8, 8, 16), 'enforced'],
  ];
  it.each(cases)('%s (%s)', (_label, at, deadline, phase) => {
    const s = status(u, at);
    expect(s.deadlineMs).toBe(deadline);
    expect(s.phase).toBe(phase);
  });

  it('on 28 July the deadline is a window from 7 to 9 August', () => {
    const s = status(u, '2025-07-28T20:00');
    expect(s.window?.earliest.toISO()).toBe('2025-08-07T12:00:00.000-04:00');
    expect(s.window?.latest.toISO()).toBe('2025-08-09T12:00:00.000-04:00');
  });

  it('on 20 July 44 days are left', () => {
    expect(countdown(u, '2025-07-20T12:00')).toEqual({
      totalMs: 44 * DAY,
      past: false,
      days: 44,
      hours: 0,
      minutes: 0,
      seconds: 0,
      milliseconds: 0,
    });
  });

  it('on 10 August: threatened, partly imposed, still due', () => {
    const { consequences, overdueMs } = status(u, '2025-08-10T12:00');
    expect(overdueMs).toBe(2 * DAY);
    expect(consequences.threatened.map((t) => t.consequence.id)).toEqual(['secondary-tariffs']);
    expect(consequences.enforced.map((e) => [e.consequence.id, e.partial, e.at.toISODate()])).toEqual([
      ['secondary-tariffs', true, '2025-08-06'],
    ]);
    expect(consequences.due.map((d) => [d.consequence.id, d.partiallyEnforced, d.dueAt.toMillis()])).toEqual([
      ['secondary-tariffs', true, utc(2025, 8, 8, 16)],
    ]);
  });

  it('nothing is due before the deadline, even once partly enforced', () => {
    const { consequences } = status(u, '2025-08-07T12:00');
    expect(consequences.due).toEqual([]);
    expect(consequences.enforced).toHaveLength(1);
  });
});

describe('extend and shorten', () => {
  const u = createUltimatum(base());
  it('extend by a calendar duration and to an instant', () => {
    const byWeek = extend(u, { at: '2025-08-01T12:00', by: { days: 7 } });
    expect(deadlineOf(byWeek, '2025-08-02')?.toMillis()).toBe(utc(2025, 9, 9, 16));
    expect(deadlineOf(byWeek, '2025-07-31')?.toMillis()).toBe(utc(2025, 9, 2, 16));
    const to = extend(u, { at: '2025-08-01T12:00', to: '2025-09-30' });
    expect(deadlineOf(to, '2025-08-02')?.toMillis()).toBe(utc(2025, 10, 1, 4));
  });
  it('shorten by an exact duration', () => {
    const s = shorten(u, { at: '2025-08-01T12:00', by: { hours: 24 } });
    expect(deadlineOf(s, '2025-08-02')?.toMillis()).toBe(utc(2025, 9, 1, 16));
  });
  it('leaves the original ultimatum untouched', () => {
    const json = JSON.stringify(u);
    extend(u, { at: '2025-08-01T12:00', by: { days: 7 } });
    expect(JSON.stringify(u)).toBe(json);
    expect(u.events).toEqual([]);
  });
});

describe('pause and resume (SLA clocks)', () => {
  // Issued Mon 3 Mar 2025 09:00 UTC with 5 days; paused 3 days from Tue 4 Mar 09:00.
  const sla = createUltimatum(
    base({ zone: 'UTC', issuedAt: '2025-03-03T09:00', deadline: { after: { days: 5 } } }),
  );
  const paused = pause(sla, { at: '2025-03-04T09:00' });
  const resumed = resume(paused, { at: '2025-03-07T09:00' });

  it('resume moves the deadline later by the paused time', () => {
    expect(deadlineOf(resumed, '2025-03-07T09:00')?.toMillis()).toBe(utc(2025, 3, 11, 9));
    expect(deadlineOf(resumed, '2025-03-04T08:59')?.toMillis()).toBe(utc(2025, 3, 8, 9));
  });

  it('while paused the countdown stands still and the phase is paused', () => {
    const a = status(resumed, '2025-03-05T09:00');
    const b = status(resumed, '2025-03-06T21:00');
    expect(a.phase).toBe('paused');
    expect(a.remainingMs).toBe(4 * DAY);
    expect(b.remainingMs).toBe(4 * DAY);
    expect(b.pausedMs).toBe(2.5 * DAY);
    expect(b.progress).toBeCloseTo(0.2, 12);
  });

  it('progress counts active time only', () => {
    expect(status(resumed, '2025-03-08T09:00').progress).toBeCloseTo(0.4, 12);
    expect(status(resumed, '2025-03-08T09:00').elapsedMs).toBe(2 * DAY);
    expect(status(resumed, '2025-03-08T09:00').pausedMs).toBe(3 * DAY);
    expect(status(resumed, '2025-03-11T09:00').progress).toBe(1);
  });

  it('a pause that never ends keeps the deadline moving', () => {
    expect(status(paused, '2025-03-20T09:00').phase).toBe('paused');
    expect(status(paused, '2025-03-20T09:00').deadlineMs).toBe(utc(2025, 3, 24, 9));
  });

  it('extending during a pause moves the deadline the clock would give if restarted now', () => {
    const extended = extend(paused, { at: '2025-03-05T09:00', by: { days: 1 } });
    const done = resume(extended, { at: '2025-03-07T09:00' });
    expect(deadlineOf(done, '2025-03-07T09:00')?.toMillis()).toBe(utc(2025, 3, 12, 9));
  });
});

describe('phases, in the order of SPEC §2.7', () => {
  const u = createUltimatum(
    base({ consequences: [{ id: 'tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' }] }),
  );
  it('complied and withdrawn are terminal and leave no deadline in force', () => {
    const c = comply(u, { at: '2025-08-01T12:00' });
    expect(status(c, '2025-07-31').phase).toBe('active');
    expect(status(c, '2025-08-01T12:00').phase).toBe('complied');
    expect(status(c, '2025-12-01').deadline).toBeNull();
    expect(status(c, '2025-12-01').overdueBy).toBeNull();
    expect(status(c, '2025-12-01').consequences.threatened).toEqual([]);
    expect(status(c, '2025-12-01').remainingMs).toBe(utc(2025, 9, 2, 16) - utc(2025, 8, 1, 16));
    const w = withdraw(u, { at: '2025-08-01T12:00' });
    expect(status(w, '2025-12-01').phase).toBe('withdrawn');
  });
  it('enforced beats expired, and a full enforcement is no longer due', () => {
    const e = enforce(u, { at: '2025-09-03', consequences: ['tariffs'] });
    expect(status(e, '2025-09-02T12:00').phase).toBe('expired');
    expect(status(e, '2025-09-02T12:00').consequences.due).toHaveLength(1);
    expect(status(e, '2025-09-03').phase).toBe('enforced');
    expect(status(e, '2025-09-03').consequences.due).toEqual([]);
    expect(status(e, '2025-09-03').consequences.threatened).toEqual([]);
  });
  it('a consequence with an offset falls due that long after the deadline', () => {
    const ladder = createUltimatum(
      base({
        consequences: [
          { id: 'first', kind: 'sanctions', description: 'asset freeze' },
          { id: 'second', kind: 'tariff', ratePercent: 50, scope: 'primary', offset: { days: 7 } },
        ],
      }),
    );
    const ids = (at: string) => status(ladder, at).consequences.due.map((d) => d.consequence.id);
    expect(ids('2025-09-02T12:00')).toEqual(['first']);
    expect(ids('2025-09-09T11:59')).toEqual(['first']);
    expect(ids('2025-09-09T12:00')).toEqual(['first', 'second']);
  });
  it('amend appends an event and checks the whole history', () => {
    const a = amend(u, { type: 'note', at: '2025-07-15', text: 'Noted' });
    expect(a.events).toEqual([{ type: 'note', at: '2025-07-15T00:00:00-04:00', text: 'Noted' }]);
  });
});

describe('a deadline before the issue instant', () => {
  it('is refused at creation and after an event', () => {
    expect(() => createUltimatum(base({ deadline: { at: '2025-07-01' } }))).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: ['deadline'] })] }),
    );
    expect(() => shorten(createUltimatum(base()), { at: '2025-07-20', by: { days: 100 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_EVENT', issues: [expect.objectContaining({ path: ['events', 0, 'by'] })] }),
    );
  });
});

describe('one bad event is reported once', () => {
  it('events after a deadline put out of bounds do not repeat the problem', () => {
    let error: unknown;
    try {
      createUltimatum(
        base({
          events: [
            { type: 'shorten', at: '2025-07-20', to: '2025-07-01' },
            { type: 'note', at: '2025-07-21', text: 'later' },
          ],
        }),
      );
    } catch (e) {
      error = e;
    }
    expect((error as { issues: { path: unknown[] }[] }).issues.map((i) => i.path)).toEqual([['events', 0, 'to']]);
  });
});

describe('stored documents (SPEC §2.10)', () => {
  it('are frozen, and JSON round-trips to an equal object', () => {
    const u = foundingCase();
    expect(Object.isFrozen(u)).toBe(true);
    expect(Object.isFrozen(u.events[0])).toBe(true);
    const again = parseUltimatum(JSON.parse(JSON.stringify(u)));
    expect(again).toEqual(u);
    expect(status(again, '2025-08-01').deadlineMs).toBe(utc(2025, 8, 8, 16));
  });
  it('status also reads a plain parsed document', () => {
    const plain = JSON.parse(JSON.stringify(foundingCase()));
    expect(status(plain, '2025-08-01').deadlineMs).toBe(utc(2025, 8, 8, 16));
  });
});
