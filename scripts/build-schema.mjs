// Writes schema.json at the package root (exported as `ultimatum/schema.json`; at the root so that
// resolvers that ignore `exports`, like TypeScript's node10, find it too): the JSON Schema of the
// stored document, generated from the zod schema the library validates with, so the two cannot drift.
import { writeFileSync } from 'node:fs';
import * as z from 'zod';
import { UltimatumSchema } from '../dist/index.js';

const schema = z.toJSONSchema(UltimatumSchema, { target: 'draft-2020-12', io: 'input' });
const document = {
  $id: 'https://unpkg.com/ultimatum/schema.json',
  title: 'ultimatum stored document (schemaVersion 1)',
  description:
    'An ultimatum or conditional deadline as createUltimatum() stores it. Instants are ISO 8601 strings; a date-only deadline means the end of that day in `zone`. Rules the schema cannot express (real dates, known zones, history order) are checked by parseUltimatum().',
  ...schema,
};
writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
console.log('schema.json written');
