/**
 * Bad events (SPEC §5): a history out of order or before the issue, unknown event types, and each
 * amendment refused for the state the ultimatum is in (a resume with no pause, a note after
 * compliance, an extension that moves the deadline earlier…) or for what it is given.
 */
import { amend, comply, enforce, extend, note, pause, reschedule, resume, shorten, withdraw } from '../../src/index.js';
import { base, type Case, create, event, fields, kase, MB, MB_DIGITS, validWith, withProto, withU, type WithU } from './harness.js';

export const eventCases: Case[] = [
  // createUltimatum: the history written in the input
  kase({
    name: 'events out of chronological order',
    make: () =>
      validWith({
        events: [
          { type: 'note', at: '2025-07-20T12:00', text: 'first' },
          { type: 'note', at: '2025-07-25T12:00', text: 'second' },
          { type: 'note', at: '2025-07-22T12:00', text: 'out of order' },
        ],
      }),
    call: create,
    code: 'INVALID_EVENT',
    path: ['events', 2, 'at'],
    words: ['chronological'],
  }),
  kase({ name: 'an event before issuedAt', make: () => validWith({ events: [{ type: 'note', at: '2025-07-01', text: 'too early' }] }), call: create, code: 'INVALID_EVENT', path: ['events', 0, 'at'], words: ['issued'] }),
  kase({ name: 'an event at "2025-02-30"', make: () => validWith({ events: [{ type: 'note', at: '2025-02-30', text: 'x' }] }), call: create, code: 'INVALID_DATE', path: ['events', 0, 'at'] }),
  kase({
    name: 'unknown event type',
    make: () => validWith({ events: [{ type: 'explode', at: '2025-07-20' }] }),
    call: create,
    code: 'INVALID_INPUT',
    path: ['events', 0, 'type'],
    words: ['"reschedule"', '"enforce"'],
    was: 'path is [events, 0, "type", "type"] (fromZodIssues appends the discriminator to a path zod 4 already ends with it)',
  }),

  // the amendments: amend and its shorthands (note, pause, resume, comply, enforce, extend, shorten, reschedule)
  kase({ name: 'amend: unknown event type', make: () => withU({ type: 'explode', at: '2025-07-20' }), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'type'], was: 'path is [events, 0, "type", "type"]' }),
  kase({ name: 'amend: null event', make: () => withU(null), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_INPUT', path: ['events', 0] }),
  kase({ name: 'amend: __proto__ key in the event (JSON)', make: () => withU(withProto({ type: 'note', at: '2025-07-20', text: 'x' })), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_INPUT', path: ['events', 0, '__proto__'] }),
  kase({ name: 'amend: event at "2025-02-30"', make: () => withU({ type: 'note', at: '2025-02-30', text: 'x' }), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_DATE', path: ['events', 0, 'at'] }),
  kase({ name: 'amend: event at a 1 MB string', make: () => withU({ type: 'note', at: MB_DIGITS, text: 'x' }), call: ({ u, arg }: WithU<unknown>) => amend(u, event(arg)), code: 'INVALID_DATE', path: ['events', 0, 'at'], quick: true }),
  kase({ name: 'note: 1 MB text', make: () => withU({ at: '2025-07-20', text: MB }), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'text'], quick: true }),
  kase({ name: 'note: before issuedAt', make: () => withU({ at: '2025-07-13T12:00', text: 'early' }), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'at'], words: ['issued'] }),
  kase({ name: 'note: before the previous event', make: () => withU({ at: '2025-07-20', text: 'late entry' }, note(base(), { at: '2025-07-25', text: 'x' })), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'at'], words: ['chronological'] }),
  kase({ name: 'resume: no pause', make: () => withU({ at: '2025-07-20' }), call: ({ u, arg }: WithU<unknown>) => resume(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'type'], words: ['not paused'] }),
  kase({ name: 'resume: twice', make: () => withU({ at: '2025-07-25' }, resume(pause(base(), { at: '2025-07-20' }), { at: '2025-07-22' })), call: ({ u, arg }: WithU<unknown>) => resume(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 2, 'type'] }),
  kase({ name: 'pause: while paused', make: () => withU({ at: '2025-07-25' }, pause(base(), { at: '2025-07-20' })), call: ({ u, arg }: WithU<unknown>) => pause(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'], words: ['already paused'] }),
  kase({ name: 'pause: after the deadline', make: () => withU({ at: '2025-09-03' }), call: ({ u, arg }: WithU<unknown>) => pause(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'at'], words: ['deadline'] }),
  kase({
    name: 'resume: a pause so long the deadline passes year 9999',
    make: () => withU({ at: '9999-12-01' }, pause(base(), { at: '2025-07-20' })),
    call: ({ u, arg }: WithU<unknown>) => resume(u, fields(arg)),
    code: 'OUT_OF_RANGE',
    path: ['events', 1, 'at'],
    was: 'accepted: the deadline in force becomes +010000-01-14T12:00-05:00',
  }),
  kase({ name: 'enforce: unknown consequence id', make: () => withU({ at: '2025-09-03', consequences: ['secondary-tariffs', 'nope'] }), call: ({ u, arg }: WithU<unknown>) => enforce(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'consequences', 1], words: ['"nope"', '"secondary-tariffs"'] }),
  kase({ name: 'enforce: no consequences', make: () => withU({ at: '2025-09-03', consequences: [] }), call: ({ u, arg }: WithU<unknown>) => enforce(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'consequences'], words: ['must not be empty'] }),
  kase({ name: 'note: after comply', make: () => withU({ at: '2025-08-02', text: 'too late' }, comply(base(), { at: '2025-08-01' })), call: ({ u, arg }: WithU<unknown>) => note(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'], words: ['complied'] }),
  kase({ name: 'enforce: after withdraw', make: () => withU({ at: '2025-09-03', consequences: ['secondary-tariffs'] }, withdraw(base(), { at: '2025-08-01' })), call: ({ u, arg }: WithU<unknown>) => enforce(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'], words: ['withdrawn'] }),
  kase({ name: 'comply: twice', make: () => withU({ at: '2025-08-02' }, comply(base(), { at: '2025-08-01' })), call: ({ u, arg }: WithU<unknown>) => comply(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 1, 'type'] }),
  kase({ name: 'extend: to an earlier deadline', make: () => withU({ at: '2025-07-20', to: '2025-08-01' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'to'], words: ['later'] }),
  kase({ name: 'extend: by nothing "P0D"', make: () => withU({ at: '2025-07-20', by: 'P0D' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'by'], words: ['later'] }),
  kase({ name: 'shorten: to a later deadline', make: () => withU({ at: '2025-07-29T12:00', to: '2025-10-01' }), call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)), code: 'INVALID_EVENT', path: ['events', 0, 'to'], words: ['earlier'] }),
  kase({ name: 'extend: both by and to', make: () => withU({ at: '2025-07-20', by: { days: 7 }, to: '2025-10-01' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0], words: ['"by"', '"to"'] }),
  kase({ name: 'shorten: neither by nor to', make: () => withU({ at: '2025-07-20' }), call: ({ u, arg }: WithU<unknown>) => shorten(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0], words: ['"by"', '"to"'] }),
  kase({ name: 'extend: to "2025-02-30"', make: () => withU({ at: '2025-07-20', to: '2025-02-30' }), call: ({ u, arg }: WithU<unknown>) => extend(u, fields(arg)), code: 'INVALID_DATE', path: ['events', 0, 'to'] }),
  kase({ name: 'reschedule: at "2025-02-30"', make: () => withU({ at: '2025-07-29', deadline: { at: '2025-02-30' } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_DATE', path: ['events', 0, 'deadline', 'at'] }),
  kase({ name: 'reschedule: both at and after', make: () => withU({ at: '2025-07-29', deadline: { at: '2025-08-08', after: { days: 10 } } }), call: ({ u, arg }: WithU<unknown>) => reschedule(u, fields(arg)), code: 'INVALID_INPUT', path: ['events', 0, 'deadline'] }),
];
