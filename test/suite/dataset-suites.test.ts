// The shipped benchmark suites load from their datasets: every row a case, the prompt the field uses, the counts.
// Until the `math` and `code` scorers exist, a suite naming them is loaded with a stand-in scorer of today's.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { RawCase, SCORER_NAMES, type Suite } from '../../src/schema/suite.js';
import { datasetPath } from '../../src/suite/dataset-cases.js';
import { readDataset } from '../../src/suite/dataset-read.js';
import { parseSuite } from '../../src/suite/load.js';

const BOXED = 'Please reason step by step, and put your final answer within \\boxed{}.';
const has = (scorer: string) => (SCORER_NAMES as readonly string[]).includes(scorer);

// The suite as written when its scorer exists; else the same suite with a stand-in for the missing parts.
async function load(name: string, standIn: (source: string) => string): Promise<Suite> {
  const file = `suites/${name}.yaml`;
  const source = readFileSync(file, 'utf8');
  const spec = (parse(source) as { dataset: { path: string } }).dataset;
  const table = await readDataset(datasetPath(file, spec.path), 'jsonl', datasetPath(file, spec.path), file);
  return parseSuite(standIn(source), file, table);
}

const math = (standIn: 'number' | 'text') => (source: string) => (has('math') ? source : source.replace('scorer: math', `scorer: ${standIn}`));

describe.each<[string, number, number, 'number' | 'text']>([
  ['aime-2024', 30, 16, 'number'],
  ['aime-2025', 30, 16, 'number'],
  ['math-500', 500, 4, 'text'],
  ['gsm8k', 1319, 1, 'number'],
])('%s', (name, count, samples, standIn) => {
  test(`${count} cases, ${samples} samples each, the boxed-answer prompt`, async () => {
    const suite = await load(name, math(standIn));
    expect(suite.name).toBe(name);
    expect(suite.cases).toHaveLength(count);
    expect(new Set(suite.cases.map((c) => c.id)).size).toBe(count);
    expect(suite.dataset?.rows).toBe(count);
    for (const c of suite.cases) {
      expect(c.samples).toBe(samples);
      expect(c.messages).toHaveLength(1);
      expect(c.messages[0]!.content.endsWith(`\n${BOXED}`)).toBe(true);
      expect(String(c.expected).length).toBeGreaterThan(0);
    }
    const header = readFileSync(`suites/${name}.yaml`, 'utf8').split('\nname:')[0]!;
    expect(header).toMatch(/^# /); // the comment at the top cites the dataset
    expect(header).toContain('datasets/SOURCES.md');
  });
});

test('AIME and MATH-500 cases are tagged by contest and by subject and level', async () => {
  const aime = await load('aime-2024', math('number'));
  expect(aime.cases[0]).toMatchObject({ id: 'aime-2024-I-1', expected: '204', tags: ['AIME I'] });
  expect(new Set(aime.cases.map((c) => c.tags[0]))).toEqual(new Set(['AIME I', 'AIME II']));
  const math500 = await load('math-500', math('text'));
  expect(math500.cases[0]).toMatchObject({
    id: 'math-test/precalculus/807.json',
    expected: '\\left( 3, \\frac{\\pi}{2} \\right)',
    tags: ['Precalculus', 'level-2'],
  });
});

describe('humaneval', () => {
  const source = readFileSync('suites/humaneval.yaml', 'utf8');

  test('the YAML asks for the code scorer, Python, and carries tests and entryPoint from the row', () => {
    const yaml = parse(source) as { defaults: Record<string, unknown>; dataset: Record<string, unknown> };
    expect(yaml.defaults).toMatchObject({ scorer: 'code', language: 'python', samples: 10 });
    expect(yaml.dataset).toMatchObject({ path: '../datasets/humaneval.jsonl', id: '{{id}}', tests: '{{test}}', entryPoint: '{{entry_point}}' });
    expect(yaml.dataset.prompt).toMatch(/```python code block\.\n\n```python\n\{\{problem\}\}```$/);
  });

  test('164 cases whose prompts hold the function to complete', async () => {
    const ready = has('code') && 'tests' in RawCase.shape && 'entryPoint' in RawCase.shape;
    // Stand-in: the text scorer, the canonical body as `expected`, and the code fields left out.
    const standIn = (text: string) =>
      ready
        ? text
        : text
            .replace('scorer: code', 'scorer: text')
            .replace(/\n {2}language: python/, '')
            .replace(/\n {2}tests: .*\n {2}entryPoint: .*/, '\n  expected: "{{answer}}"');
    const suite = await load('humaneval', standIn);
    expect(suite.cases).toHaveLength(164);
    expect(suite.cases[0]!.id).toBe('HumanEval/0');
    const prompt = suite.cases[0]!.messages[0]!.content;
    expect(prompt).toContain('```python\nfrom typing import List\n\n\ndef has_close_elements(');
    expect(prompt.endsWith('"""\n```')).toBe(true);
    if (ready) expect(suite.cases[0]).toMatchObject({ entryPoint: 'has_close_elements', tests: expect.stringContaining('def check(candidate)') });
  });
});
