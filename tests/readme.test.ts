import { countdown, createUltimatum, enforce, formatCountdown, reschedule, safeCreateUltimatum, status } from 'ultimatum';
import { expect, it } from 'vitest';

// The README's quick start, line for line: its `//=>` claims must hold.
it('the README quick start prints what it says', () => {
  let u = createUltimatum({
    title: '50 days to end the war in Ukraine', issuer: 'United States', addressee: 'Russia',
    demands: ['Agree a ceasefire'], issuedAt: '2025-07-14T12:00', zone: 'America/New_York',
    deadline: { after: { days: 50 } },
    consequences: [{ id: 'secondary-tariffs', kind: 'tariff', ratePercent: 100, scope: 'secondary' }],
  });
  u = reschedule(u, { at: '2025-07-29T12:00', deadline: { after: { days: 10 } } });
  u = enforce(u, { at: '2025-08-06T12:00', consequences: ['secondary-tariffs'], partial: true });
  expect(status(u, '2025-07-20').deadline?.toISO()).toBe('2025-09-02T12:00:00.000-04:00');
  expect(status(u, '2025-08-01').deadline?.toISO()).toBe('2025-08-08T12:00:00.000-04:00');
  expect(formatCountdown(countdown(u, '2025-08-01T12:00'), { locale: 'en' })).toBe('7 days');
  expect(status(u, '2025-08-10').phase).toBe('enforced');
  expect(status(u, '2025-08-10').consequences.due.length).toBe(1);
});

it('the README error example', () => {
  const r = safeCreateUltimatum({
    title: 't', issuer: 'i', addressee: 'a', demands: ['d'], issuedAt: '2025-01-01',
    zone: 'Mars/Base', deadline: { after: { days: 1 } },
  });
  expect(r.success || r.error.code).toBe('INVALID_ZONE');
  expect(r.success || r.error.issues[0]).toEqual({
    code: 'INVALID_ZONE', path: ['zone'], reason: 'unknown_zone', params: { zone: 'Mars/Base' },
    message: '"Mars/Base" is not a known IANA time zone',
  });
});
