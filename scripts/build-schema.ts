// Writes schema/suite.schema.json, the JSON Schema of a suite file, from the zod schema (RawSuite).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { RawSuite } from '../src/schema/suite.js';

/** Where the schema is written, shipped in the package and referenced by suites. */
export const SCHEMA_PATH = fileURLToPath(new URL('../schema/suite.schema.json', import.meta.url));

/**
 * The JSON Schema of a suite as written (`io: 'input'`: a timeout is the string or number in the
 * file, before it becomes milliseconds). What JSON Schema cannot say (at least one case between
 * `cases` and `dataset`, unique ids, scorer-specific fields) is checked by `thinkbench validate`.
 */
export function suiteJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(RawSuite, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema: schema.$schema,
    title: 'thinkbench suite',
    description: 'A thinkbench suite: cases (a prompt and the expected answer) and how to score them. See `thinkbench validate`.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}

/** The schema file's text: two-space JSON and a final newline. */
export function suiteJsonSchemaText(): string {
  return `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, suiteJsonSchemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
