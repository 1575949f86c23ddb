// The shipped JSON Schema of suites: fresh from the zod schema, described field by field, and true to the shipped suites.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { SCHEMA_PATH, suiteJsonSchemaText } from '../../scripts/build-schema.js';

const ROOT = join(import.meta.dirname, '../..');
const committed = readFileSync(SCHEMA_PATH, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;
const suites = readdirSync(join(ROOT, 'suites')).filter((name) => name.endsWith('.yaml'));
// zod reads the JSON Schema back into a validator, so the file itself (not the zod source) is what accepts or rejects.
const fromFile = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);

/** `a.b[]` paths of every property in the schema that has no description. */
function undescribed(node: unknown, path = ''): string[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Record<string, unknown>;
  const missing: string[] = [];
  for (const [key, child] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    if (typeof child.description !== 'string' || child.description.length < 5) missing.push(`${path}.${key}`);
    missing.push(...undescribed(child, `${path}.${key}`));
  }
  for (const key of ['items', 'additionalProperties']) missing.push(...undescribed(n[key], `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const child of (n[key] ?? []) as unknown[]) missing.push(...undescribed(child, path));
  return missing;
}

describe('schema/suite.schema.json', () => {
  test('is what scripts/build-schema.ts generates from the zod schema now (run `npx tsx scripts/build-schema.ts`)', () => {
    expect(committed).toBe(suiteJsonSchemaText());
  });

  test('describes every property, so editors show help', () => {
    expect(Object.keys(schema.properties as object)).toEqual(expect.arrayContaining(['name', 'cases', 'defaults', 'dataset']));
    expect(undescribed(schema)).toEqual([]);
  });

  test('takes durations as written (a string or a number), not as the milliseconds they become', () => {
    const defaults = (schema.properties as Record<string, { properties: Record<string, unknown> }>).defaults!;
    expect(defaults.properties.timeout).toMatchObject({ type: ['string', 'number'] });
  });

  test.each(suites)('accepts the shipped suite %s', (name) => {
    const source = readFileSync(join(ROOT, 'suites', name), 'utf8');
    const parsed = fromFile.safeParse(parse(source));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  test.each([
    ['an unknown field', { name: 'x', cases: [{ id: 'a', prompt: 'q', expected: 1, promt: 'q' }] }, 'unrecognized_keys'],
    ['an unknown scorer', { name: 'x', cases: [{ id: 'a', prompt: 'q', expected: 1, scorer: 'telepathy' }] }, 'invalid_value'],
    ['an id with a space', { name: 'x', cases: [{ id: 'a b', prompt: 'q', expected: 1 }] }, 'invalid_format'],
    ['no name', { cases: [{ id: 'a', prompt: 'q', expected: 1 }] }, 'invalid_type'],
  ])('rejects %s', (_, suite, code) => {
    expect(fromFile.safeParse(suite).error?.issues.map((issue) => issue.code)).toContain(code);
  });
});

describe('the suites the project owns point editors at the schema', () => {
  test.each(['aime-2024', 'aime-2025', 'math-500', 'gsm8k', 'humaneval'])('%s', (name) => {
    const first = readFileSync(join(ROOT, 'suites', `${name}.yaml`), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../schema/suite.schema.json');
  });
});
