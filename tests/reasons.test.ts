/**
 * Every refusal carries a stable reason and its params beside code, path and message; an input's
 * problems are all found in one call, in document order; only plain data objects are read.
 * Expected values come from the rules as the README states them, not from the code's output.
 */
import { readFileSync } from 'node:fs';
import { Duration } from 'luxon';
import {
  createTracker,
  createUltimatum,
  formatCountdown,
  parseDuration,
  parseUltimatum,
  safeCreateUltimatum,
  status,
  type UltimatumInput,
} from 'ultimatum';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../src/errors/messages.js';
import { base, fullIssuesOf } from './helpers.js';

type Row = [name: string, input: Record<string, unknown>, expected: [code: string, path: (string | number)[], reason: string][]];

const ok = base();
const at = (i: number, e: Record<string, unknown>) => ({ ...ok, events: [...Array(i).fill({ type: 'note', at: '2025-07-15', text: 'x' }), e] });

const TABLE: Row[] = [
  ['missing title', { ...ok, title: undefined }, [['INVALID_INPUT', ['title'], 'required']]],
  ['title of the wrong type', { ...ok, title: 5 }, [['INVALID_INPUT', ['title'], 'wrong_type']]],
  ['empty title', { ...ok, title: '' }, [['INVALID_INPUT', ['title'], 'empty']]],
  ['no demands', { ...ok, demands: [] }, [['INVALID_INPUT', ['demands'], 'empty']]],
  ['unknown field', { ...ok, colour: 'red' }, [['INVALID_INPUT', ['colour'], 'unknown_field']]],
  ['unknown zone', { ...ok, zone: 'Mars/Base' }, [['INVALID_ZONE', ['zone'], 'unknown_zone']]],
  ['30 February', { ...ok, issuedAt: '2025-02-30' }, [['INVALID_DATE', ['issuedAt'], 'not_a_date']]],
  ['a date of the wrong type', { ...ok, issuedAt: true }, [['INVALID_INPUT', ['issuedAt'], 'wrong_type']]],
  ['an invalid Date', { ...ok, issuedAt: new Date(Number.NaN) }, [['INVALID_DATE', ['issuedAt'], 'invalid_date_object']]],
  ['epoch ms not finite', { ...ok, issuedAt: Number.POSITIVE_INFINITY }, [['INVALID_DATE', ['issuedAt'], 'epoch_out_of_range']]],
  ['year 10000', { ...ok, issuedAt: Date.UTC(10_000, 0, 2) }, [['OUT_OF_RANGE', ['issuedAt'], 'instant_out_of_range']]],
  ['an unknown bracketed zone', { ...ok, issuedAt: '2025-07-14T12:00[Mars/Base]' }, [['INVALID_DATE', ['issuedAt'], 'unknown_zone_annotation']]],
  ['an offset that is not the zone’s', { ...ok, issuedAt: '2025-07-14T12:00+01:00[America/New_York]' }, [['INVALID_DATE', ['issuedAt'], 'offset_not_of_zone']]],
  ['no rule kind', { ...ok, deadline: {} }, [['INVALID_INPUT', ['deadline'], 'exactly_one_rule']]],
  ['two rule kinds', { ...ok, deadline: { at: '2025-09-01', after: { days: 1 } } }, [['INVALID_INPUT', ['deadline'], 'exactly_one_rule']]],
  ['endOfDay on an at rule', { ...ok, deadline: { at: '2025-09-01', endOfDay: true } }, [['INVALID_INPUT', ['deadline', 'endOfDay'], 'only_with_after']]],
  ['from on a between rule', { ...ok, deadline: { between: ['2025-09-01', '2025-09-02'], from: '2025-07-14' } }, [['INVALID_INPUT', ['deadline', 'from'], 'only_with_after']]],
  ['unknown unit', { ...ok, deadline: { after: { dayz: 3 } } }, [['INVALID_DURATION', ['deadline', 'after', 'dayz'], 'unknown_field']]],
  ['empty duration', { ...ok, deadline: { after: {} } }, [['INVALID_DURATION', ['deadline', 'after'], 'empty_duration']]],
  ['negative unit', { ...ok, deadline: { after: { days: -1 } } }, [['INVALID_DURATION', ['deadline', 'after', 'days'], 'not_finite_non_negative']]],
  ['fractional months', { ...ok, deadline: { after: { months: 1.5 } } }, [['INVALID_DURATION', ['deadline', 'after', 'months'], 'fractional_calendar_unit']]],
  ['business days with hours', { ...ok, deadline: { after: { businessDays: 2, hours: 1 } } }, [['INVALID_DURATION', ['deadline', 'after', 'businessDays'], 'business_days_alone']]],
  ['"P" alone', { ...ok, deadline: { after: 'P' } }, [['INVALID_DURATION', ['deadline', 'after'], 'not_an_iso_duration']]],
  ['a duration word that is no unit', { ...ok, deadline: { after: '50 dayz' } }, [['INVALID_DURATION', ['deadline', 'after'], 'unexpected_duration_word']]],
  ['a range the wrong way round', { ...ok, deadline: { after: '12 or 10 days' } }, [['INVALID_DURATION', ['deadline', 'after'], 'range_order']]],
  ['an invalid luxon Duration', { ...ok, deadline: { after: Duration.invalid('counted in parsecs') } }, [['INVALID_DURATION', ['deadline', 'after'], 'invalid_luxon_duration']]],
  ['a window the wrong way round', { ...ok, deadline: { between: ['2025-09-02', '2025-09-01'] } }, [['INVALID_INPUT', ['deadline', 'between'], 'window_order']]],
  ['a deadline before the issue', { ...ok, deadline: { at: '2025-07-01' } }, [['INVALID_INPUT', ['deadline'], 'deadline_before_issue']]],
  ['a repeated consequence id', { ...ok, consequences: [{ id: 'c', kind: 'custom', description: 'x' }, { id: 'c', kind: 'custom', description: 'y' }] }, [['INVALID_INPUT', ['consequences', 1, 'id'], 'duplicate_consequence_id']]],
  ['a consequence id repeated in a long list (generated ids count too)', { ...ok, consequences: [...Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, kind: 'custom', description: 'x' })), { kind: 'custom', description: 'y' }, { id: 'custom-21', kind: 'custom', description: 'z' }, { id: 'c3', kind: 'custom', description: 'w' }] }, [['INVALID_INPUT', ['consequences', 21, 'id'], 'duplicate_consequence_id'], ['INVALID_INPUT', ['consequences', 22, 'id'], 'duplicate_consequence_id']]],
  ['an unknown consequence kind', { ...ok, consequences: [{ kind: 'embargo', description: 'x' }] }, [['INVALID_INPUT', ['consequences', 0, 'kind'], 'not_one_of']]],
  ['a weekend of seven days', { ...ok, calendar: { weekend: [1, 2, 3, 4, 5, 6, 7] } }, [['INVALID_INPUT', ['calendar', 'weekend'], 'no_business_day']]],
  ['a holiday on 30 February', { ...ok, calendar: { holidays: ['2025-02-30'] } }, [['INVALID_INPUT', ['calendar', 'holidays', 0], 'not_a_calendar_date']]],
  ['extend with neither by nor to', at(0, { type: 'extend', at: '2025-07-20' }), [['INVALID_INPUT', ['events', 0], 'exactly_one_of_by_to']]],
  ['extend with both by and to', at(0, { type: 'extend', at: '2025-07-20', by: { days: 1 }, to: '2025-09-10' }), [['INVALID_INPUT', ['events', 0], 'exactly_one_of_by_to']]],
  ['an unknown event type', at(0, { type: 'postpone', at: '2025-07-20' }), [['INVALID_INPUT', ['events', 0, 'type'], 'not_one_of']]],
  ['an event before the issue', at(0, { type: 'note', at: '2025-07-01', text: 'x' }), [['INVALID_EVENT', ['events', 0, 'at'], 'event_before_issue']]],
  ['events out of order', { ...ok, events: [{ type: 'note', at: '2025-07-20', text: 'a' }, { type: 'note', at: '2025-07-16', text: 'b' }] }, [['INVALID_EVENT', ['events', 1, 'at'], 'event_out_of_order']]],
  ['an event after comply', { ...ok, events: [{ type: 'comply', at: '2025-07-20' }, { type: 'note', at: '2025-07-21', text: 'b' }] }, [['INVALID_EVENT', ['events', 1, 'type'], 'event_after_terminal']]],
  ['a resume without a pause', at(1, { type: 'resume', at: '2025-07-20' }), [['INVALID_EVENT', ['events', 1, 'type'], 'resume_without_pause']]],
  ['an extension that shortens', at(0, { type: 'extend', at: '2025-07-20', to: '2025-08-01' }), [['INVALID_EVENT', ['events', 0, 'to'], 'extend_not_later']]],
  ['enforcing an unknown consequence', at(0, { type: 'enforce', at: '2025-07-20', consequences: ['nope'] }), [['INVALID_EVENT', ['events', 0, 'consequences', 0], 'unknown_consequence']]],
  ['an object with a prototype', Object.assign(Object.create({ zone: 'Europe/Paris' }), ok), [['INVALID_INPUT', [], 'not_plain_object']]],
  ['a nested object with a prototype', { ...ok, deadline: Object.setPrototypeOf({ after: { days: 1 } }, RegExp.prototype) }, [['INVALID_INPUT', ['deadline'], 'not_plain_object']]],
];

describe('each refusal has a code, a path and a stable reason', () => {
  it.each(TABLE)('%s', (_name, input, expected) => {
    const issues = fullIssuesOf(() => createUltimatum(input as UltimatumInput));
    expect(issues.map((i) => [i.code, i.path, i.reason])).toEqual(expected);
    for (const issue of issues) expect(REASONS).toContain(issue.reason);
  });

  it('the table covers at least 30 inputs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
  });

  it('params carry the facts of the message', () => {
    const [zone] = fullIssuesOf(() => createUltimatum({ ...ok, zone: 'Mars/Base' }));
    expect(zone).toEqual({ code: 'INVALID_ZONE', path: ['zone'], reason: 'unknown_zone', params: { zone: 'Mars/Base' }, message: '"Mars/Base" is not a known IANA time zone' });
    const [order] = fullIssuesOf(() => createUltimatum({ ...ok, events: [{ type: 'note', at: '2025-07-20', text: 'a' }, { type: 'note', at: '2025-07-16', text: 'b' }] }));
    expect(order?.params).toEqual({ previous: '2025-07-20T00:00:00-04:00' });
  });

  it('a stored document is refused with the same reasons', () => {
    const stored = JSON.parse(JSON.stringify(createUltimatum(ok)));
    const issues = fullIssuesOf(() => parseUltimatum({ ...stored, zone: 'Mars/Base', issuedAt: '2025-02-30T00:00:00Z' }));
    expect(issues.map((i) => [i.code, i.path, i.reason])).toEqual([
      ['INVALID_DATE', ['issuedAt'], 'not_a_date'],
      ['INVALID_ZONE', ['zone'], 'unknown_zone'],
    ]);
  });
});

describe('every problem of an input in one call, in document order', () => {
  it('the four problems of the README example', () => {
    const r = safeCreateUltimatum({
      title: 't', issuer: 'a', addressee: 'b', demands: [], issuedAt: '2025-02-30', zone: 'Mars/Base', deadline: { after: { dayz: 3 } },
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.path, i.reason])).toEqual([
      ['INVALID_INPUT', ['demands'], 'empty'],
      ['INVALID_DATE', ['issuedAt'], 'not_a_date'],
      ['INVALID_ZONE', ['zone'], 'unknown_zone'],
      ['INVALID_DURATION', ['deadline', 'after', 'dayz'], 'unknown_field'],
    ]);
  });

  it('the order is the document’s, not the schema’s', () => {
    const input = { zone: 'Mars/Base', deadline: { after: { dayz: 3 } }, title: '', issuer: 'a', addressee: 'b', demands: ['d'], issuedAt: 'soon' };
    expect(fullIssuesOf(() => createUltimatum(input as UltimatumInput)).map((i) => i.path[0])).toEqual(['zone', 'deadline', 'title', 'issuedAt']);
  });

  it('at most 100 issues, the last counting the rest', () => {
    const issues = fullIssuesOf(() => createUltimatum({ ...ok, tags: Array(250).fill('') }));
    expect(issues).toHaveLength(100);
    expect(issues[98]?.path).toEqual(['tags', 98]);
    expect(issues[99]).toMatchObject({ path: [], reason: 'more_issues', params: { count: 151 }, message: 'and 151 more problems, not listed' });
  });

  it('a list longer than any field may hold is refused whole, at once', () => {
    const issues = fullIssuesOf(() => createUltimatum({ ...ok, tags: Array(100_000).fill(5) }));
    expect(issues.map((i) => [i.path, i.reason])).toEqual([[['tags'], 'too_many_items']]);
  });
});

describe('only own fields of plain objects are read', () => {
  it('a prototype holding zone or tags is not read: the object is refused', () => {
    const input = Object.assign(Object.create({ zone: 'Europe/Paris', tags: ['x'] }), ok);
    expect(fullIssuesOf(() => createUltimatum(input)).map((i) => [i.code, i.path, i.reason])).toEqual([['INVALID_INPUT', [], 'not_plain_object']]);
  });

  it('a throwing inherited getter never runs: an UltimatumError, not a TypeError', () => {
    const input = Object.setPrototypeOf({ ...ok }, RegExp.prototype);
    const [issue] = fullIssuesOf(() => createUltimatum(input));
    expect(issue).toMatchObject({ code: 'INVALID_INPUT', path: [], reason: 'not_plain_object', params: { got: 'an instance of RegExp' } });
    const stored = Object.setPrototypeOf(JSON.parse(JSON.stringify(createUltimatum(ok))), RegExp.prototype);
    expect(fullIssuesOf(() => parseUltimatum(stored))[0]?.reason).toBe('not_plain_object');
  });

  it('tracker options with a prototype are refused, not read', () => {
    const t = createTracker([createUltimatum(ok)]);
    expect(fullIssuesOf(() => t.upcoming(Object.create({ within: { days: 60 } }))).map((i) => i.reason)).toEqual(['not_plain_object']);
  });

  it('an object of null prototype is plain data', () => {
    const input = Object.assign(Object.create(null), ok);
    expect(createUltimatum(input).title).toBe('50-day ultimatum');
  });
});

describe('parseDuration: ISO 8601 needs a number and its designator; news words are read', () => {
  it.each(['P', 'PT', 'P1', 'PT1H2', 'P1DT', 'PT1D'])('%j is refused with INVALID_DURATION', (text) => {
    expect(fullIssuesOf(() => parseDuration(text)).map((i) => [i.code, i.reason])).toEqual([['INVALID_DURATION', 'not_an_iso_duration']]);
  });

  it.each([
    ['within 30 days', { days: 30 }],
    ['in 10 days', { days: 10 }],
    ['for sixty days', { days: 60 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
  ])('%j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });
});

describe('formatCountdown names what it got instead of a Countdown', () => {
  it('options with a prototype are refused, not read', () => {
    const opts = Object.create({ style: 'digital' });
    const [issue] = fullIssuesOf(() => formatCountdown({ totalMs: 0, past: false, days: 0, hours: 0, minutes: 0, seconds: 0, milliseconds: 0 }, opts));
    expect(issue).toMatchObject({ code: 'INVALID_INPUT', path: [], reason: 'not_plain_object' });
  });

  it('a Status', () => {
    const u = createUltimatum(ok);
    const [issue] = fullIssuesOf(() => formatCountdown(status(u, '2025-08-01') as never));
    expect(issue).toMatchObject({ reason: 'wrong_kind', message: 'expects a Countdown (from countdown()), got a Status (from status())' });
  });
});

describe('the README lists every reason', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it.each(REASONS)('%s', (reason) => {
    expect(readme).toContain(`\`${reason}\``);
  });
});
