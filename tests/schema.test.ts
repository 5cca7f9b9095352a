/**
 * The stored example documents (examples/data/*.json) and the JSON Schema of the stored document:
 * the documents must still be what the example code produces, must validate against the schema
 * generated from `UltimatumSchema`, and broken copies must not.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { createTracker, parseTracker, parseUltimatum, safeParseUltimatum, UltimatumSchema } from 'ultimatum';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { article50 } from '../examples/brexit-article-50.js';
import { responseDue } from '../examples/court-deadline.js';
import { foundingCase } from '../examples/russia-50-day.js';

type Json = Record<string, unknown>;

const read = (path: string): Json => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as Json;
/** What `JSON.stringify` writes, read back: the form stored in the files. */
const stored = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

const SINGLE = {
  'russia-50-day.json': foundingCase,
  'brexit-article-50.json': article50,
  'court-deadline.json': () => responseDue('2025-12-11'),
} as const;

const files = Object.keys(SINGLE) as (keyof typeof SINGLE)[];
const tracker = read('examples/data/tracker.json');
const trackerUltimatums = tracker.ultimatums as Json[];

describe('stored examples match the example code (no drift)', () => {
  it.each(files)('%s', (file) => {
    const doc = read(`examples/data/${file}`);
    const fresh = stored(SINGLE[file]());
    expect(doc).toEqual(fresh);
    expect(stored(parseUltimatum(doc))).toEqual(doc); // and it reads back unchanged
  });

  it('tracker.json is createTracker([the three]).toJSON()', () => {
    const fresh = stored(createTracker([foundingCase(), article50(), responseDue('2025-12-11')]).toJSON());
    expect(tracker).toEqual(fresh);
    expect(trackerUltimatums.map((u) => u.id)).toEqual(['russia-50-day-2025', 'brexit-article-50', 'answer-2025-12-11']);
    expect(parseTracker(tracker).size).toBe(3);
  });
});

describe('JSON Schema of the stored document (draft 2020-12)', () => {
  const schema = z.toJSONSchema(UltimatumSchema, { target: 'draft-2020-12', io: 'input' }) as Json;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  const errors = () => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

  it('is a draft 2020-12 schema of a closed object', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'title', 'deadline', 'events']));
  });

  it.each(files)('validates examples/data/%s', (file) => {
    const ok = validate(read(`examples/data/${file}`));
    expect(ok, errors()).toBe(true);
  });

  it.each(trackerUltimatums.map((u, i) => [i, u.id] as const))('validates tracker.json ultimatums[%i] (%s)', (i) => {
    const ok = validate(trackerUltimatums[i]);
    expect(ok, errors()).toBe(true);
  });

  const base = () => structuredClone(read('examples/data/russia-50-day.json'));
  const broken: [string, (doc: Json) => void, (e: { instancePath: string; keyword: string; params: Json }) => boolean][] = [
    ['a missing title', (d) => delete d.title, (e) => e.keyword === 'required' && e.params.missingProperty === 'title'],
    ['an unknown field', (d) => (d.colour = 'red'), (e) => e.keyword === 'additionalProperties' && e.params.additionalProperty === 'colour'],
    ['an unknown field in an event', (d) => ((d.events as Json[])[1]!.extra = 1), (e) => e.instancePath.startsWith('/events/1')],
    ['schemaVersion 2', (d) => (d.schemaVersion = 2), (e) => e.instancePath === '/schemaVersion' && e.keyword === 'const'],
    ['a bad event type', (d) => ((d.events as Json[])[2]!.type = 'explode'), (e) => e.instancePath.startsWith('/events/2')],
    ['a negative duration', (d) => (d.deadline = { after: { days: -1 } }), (e) => e.instancePath.startsWith('/deadline')],
    ['an empty demand list', (d) => (d.demands = []), (e) => e.instancePath === '/demands' && e.keyword === 'minItems'],
  ];

  it.each(broken)('refuses %s (and so does parseUltimatum)', (_, breakIt, expected) => {
    const doc = base();
    breakIt(doc);
    expect(validate(doc)).toBe(false);
    expect(validate.errors?.some((e) => expected(e as never)), errors()).toBe(true);
    expect(safeParseUltimatum(doc).success).toBe(false);
  });
});
