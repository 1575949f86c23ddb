// Tests for suites that draw cases from datasets: JSONL, CSV and Parquet, filters, and every bad input named by file and row.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ThinkbenchError } from '../../src/errors.js';
import { readDataset } from '../../src/suite/dataset-read.js';
import { loadSuite, parseSuite } from '../../src/suite/load.js';
import { writeParquet } from '../fixtures/datasets/write-parquet.js';

const dir = mkdtempSync(join(tmpdir(), 'thinkbench-dataset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

// Writes a suite and its data files into a fresh folder; returns the suite's path.
function scene(suite: string, files: Record<string, string | Uint8Array>): string {
  const folder = join(dir, `s${counter++}`);
  mkdirSync(folder);
  for (const [name, content] of Object.entries({ 'suite.yaml': suite, ...files })) writeFileSync(join(folder, name), content);
  return join(folder, 'suite.yaml');
}

const JSONL = ['{"id": "a", "q": "What is 2 + 3?", "answer": "5", "level": 1}', '{"id": "b", "q": "What is 3 + 4?", "answer": "7", "level": 2}'].join('\n');
const suiteFor = (file: string, extra = '') =>
  `name: d\ndefaults:\n  scorer: number\ndataset:\n  path: ${file}\n  prompt: "{{q}}"\n  expected: "{{answer}}"\n${extra}`;

async function failure(path: string): Promise<string> {
  try {
    await loadSuite(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ThinkbenchError);
    expect((error as ThinkbenchError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected loadSuite to fail');
}

describe('cases from datasets', () => {
  test('the JSONL fixture: written cases first, then one case per row, templates filled', async () => {
    const suite = await loadSuite('test/fixtures/datasets/mini.yaml');
    expect(suite.cases.map((c) => c.id)).toEqual(['written', 'q-p1', 'q-p2', 'q-p3']);
    expect(suite.cases[1]).toMatchObject({
      scorer: 'number',
      samples: 2,
      expected: '5',
      tags: ['level-1', 'easy'],
      messages: [{ role: 'user', content: 'What is 2 + 3?\n\nPut your final answer within \\boxed{}.' }],
    });
    expect(suite.cases[3]).toMatchObject({ expected: 42, tags: ['level-3', 'hard'] }); // a lone placeholder keeps the number
    expect(suite.dataset).toEqual({ path: 'test/fixtures/datasets/mini.jsonl', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), rows: 3 });
  });

  test('the CSV fixture: header row, quoted multi-line field, CRLF lines', async () => {
    const abs = scene(
      `name: c\ndefaults: { scorer: number }\ndataset:\n  path: ${join(process.cwd(), 'test/fixtures/datasets/mini.csv')}\n  prompt: "{{question}}"\n  expected: "{{answer}}"\n  tags: ["{{topic}}"]\n`,
      {},
    );
    const suite = await loadSuite(abs);
    expect(suite.cases.map((c) => [c.id, c.expected, c.tags])).toEqual([
      ['c1', '2', ['sums']],
      ['c2', '7', ['sums']],
      ['c3', '8', ['differences']],
    ]);
    expect(suite.cases[1]!.messages[0]!.content).toBe('Two lines:\r\nwhat is 3 + 4?');
    const table = await readDataset('test/fixtures/datasets/mini.csv', 'csv', 'mini.csv', 'here');
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 5]); // c2 starts on line 3 and spans two
  });

  test('Parquet: a file written by the fixture writer', async () => {
    const parquet = writeParquet([
      { name: 'id', type: 'string', values: ['p0', 'p1', 'p2'] },
      { name: 'q', type: 'string', values: ['What is 1 + 1?', 'What is 2 + 2?', 'Ünïcode: 3 + 3?'] },
      { name: 'answer', type: 'int64', values: [2, 4, 6] },
      { name: 'weight', type: 'double', values: [0.5, 1, 1.5] },
    ]);
    const suite = await loadSuite(scene(suiteFor('data.parquet', '  tags: ["w{{weight}}"]\n'), { 'data.parquet': parquet }));
    expect(suite.cases.map((c) => [c.id, c.expected, c.tags[0], c.messages[0]!.content])).toEqual([
      ['p0', 2, 'w0.5', 'What is 1 + 1?'],
      ['p1', 4, 'w1', 'What is 2 + 2?'],
      ['p2', 6, 'w1.5', 'Ünïcode: 3 + 3?'],
    ]);
    const missing = await failure(scene(suiteFor('data.parquet', '  tags: ["{{topic}}"]\n'), { 'data.parquet': parquet }));
    expect(missing).toMatch(/data\.parquet row 0: the row has no field "topic", which .*suite\.yaml:8:9 dataset\.tags names\./);
  });

  test('filter by value, by any of a list, by a pattern; then limit; _index numbers rows', async () => {
    const rows = Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({ id: `r${i}`, q: `What is ${i} + 1?`, answer: String(i + 1), level: i % 3, subject: i < 3 ? 'Algebra' : 'Geometry' }),
    ).join('\n');
    const ids = async (extra: string) => (await loadSuite(scene(suiteFor('d.jsonl', extra), { 'd.jsonl': rows }))).cases.map((c) => c.id);
    expect(await ids('  filter: { level: 1 }\n')).toEqual(['r1', 'r4']);
    expect(await ids('  filter: { level: [0, 2], subject: Geometry }\n')).toEqual(['r3', 'r5']);
    expect(await ids('  filter: { subject: { matches: "^Alg" } }\n')).toEqual(['r0', 'r1', 'r2']);
    expect(await ids('  filter: { subject: Algebra }\n  limit: 2\n')).toEqual(['r0', 'r1']);
    expect(await ids('  id: "row-{{_index}}"\n  limit: 2\n')).toEqual(['row-0', 'row-1']);
    expect(await failure(scene(suiteFor('d.jsonl', '  filter: { level: 9 }\n'), { 'd.jsonl': rows }))).toMatch(
      /suite\.yaml:8:11 dataset\.filter: no row of .*d\.jsonl passes the filter \(6 rows read\)/,
    );
  });

  test('fields a case can take are carried from the row (here choices and a per-row tolerance)', async () => {
    const rows = '{"id": "m", "q": "Pick", "answer": "B", "options": ["A", "B"]}\n';
    const suite = await loadSuite(
      scene('name: c\ndefaults: { scorer: choice }\ndataset:\n  path: d.jsonl\n  prompt: "{{q}}"\n  expected: "{{answer}}"\n  choices: "{{options}}"\n', {
        'd.jsonl': rows,
      }),
    );
    expect(suite.cases[0]).toMatchObject({ scorer: 'choice', choices: ['A', 'B'], expected: 'B' });
    const tolerant = '{"id": "t", "q": "Pi?", "answer": "3.14", "tol": 0.01}\n';
    const number = await loadSuite(scene(suiteFor('d.jsonl', '  tolerance: "{{tol}}"\n'), { 'd.jsonl': tolerant }));
    expect(number.cases[0]).toMatchObject({ tolerance: 0.01 });
  });

  test('a byte-order mark at the start of a JSONL or CSV file is not part of the first field', async () => {
    const jsonl = await loadSuite(scene(suiteFor('d.jsonl'), { 'd.jsonl': `\uFEFF${JSONL}` }));
    expect(jsonl.cases[0]!.id).toBe('a');
    const csv = await loadSuite(scene(suiteFor('d.csv'), { 'd.csv': '\uFEFFid,q,answer\nz,What is 1 + 1?,2\n' }));
    expect(csv.cases[0]).toMatchObject({ id: 'z', expected: '2' });
  });

  test('the suite hash covers the data: the same suite over other rows is another suite', async () => {
    const a = await loadSuite(scene(suiteFor('d.jsonl'), { 'd.jsonl': JSONL }));
    const b = await loadSuite(scene(suiteFor('d.jsonl'), { 'd.jsonl': JSONL.replace('"5"', '"6"') }));
    expect(a.sha256).not.toBe(b.sha256);
  });

  test('parseSuite takes the rows it is given, and refuses a dataset it was not given', async () => {
    const table = await readDataset(join(process.cwd(), 'test/fixtures/datasets/mini.jsonl'), 'jsonl', 'mini.jsonl', 'x');
    const source = 'name: p\ndefaults: { scorer: number }\ndataset:\n  path: mini.jsonl\n  prompt: "{{problem}}"\n  expected: "{{answer}}"\n';
    expect(parseSuite(source, 'p.yaml', table).cases.map((c) => c.id)).toEqual(['p1', 'p2', 'p3']);
    expect(() => parseSuite(source, 'p.yaml')).toThrow('read with loadSuite()');
  });
});

const NOT_UTF8 = Buffer.concat([
  Buffer.from('{"id": "a", "q": "ok", "answer": "1"}\n{"id": "b", "q": "caf'),
  Buffer.from([0xe9]),
  Buffer.from('", "answer": "2"}\n'),
]);

describe('bad datasets are exit-2 errors naming the file and the row', () => {
  test.each<[string, string, Record<string, string | Uint8Array>, RegExp]>([
    ['missing file', suiteFor('nope.jsonl'), {}, /nope\.jsonl: no such dataset file \(named by .*suite\.yaml:5:9 dataset\.path\)/],
    ['a folder', suiteFor('.', '  format: jsonl\n'), {}, /is a folder, not a dataset file/],
    ['empty file', suiteFor('d.jsonl'), { 'd.jsonl': '' }, /d\.jsonl: the dataset file is empty/],
    ['only blank lines', suiteFor('d.jsonl'), { 'd.jsonl': '\n\n  \n' }, /d\.jsonl: the dataset file is empty/],
    ['a CSV with only its header', suiteFor('d.csv'), { 'd.csv': 'id,q,answer\n' }, /d\.csv: the dataset has no rows/],
    ['not UTF-8', suiteFor('d.jsonl'), { 'd.jsonl': NOT_UTF8 }, /d\.jsonl:2: the dataset is not UTF-8 text/],
    ['malformed JSONL line', suiteFor('d.jsonl'), { 'd.jsonl': `${JSONL}\n{"id": "c", "q": \n` }, /d\.jsonl:3: not valid JSON/],
    ['a JSONL line that is not an object', suiteFor('d.jsonl'), { 'd.jsonl': `${JSONL}\n[1, 2]\n` }, /d\.jsonl:3: expected a JSON object, found a list/],
    ['a CSV row with too many fields', suiteFor('d.csv'), { 'd.csv': 'id,q,answer\na,q,1\nb,q,2,extra\n' }, /d\.csv:3: CSV error: Invalid Record Length/],
    ['a CSV quote never closed', suiteFor('d.csv'), { 'd.csv': 'id,q,answer\na,"q,1\n' }, /d\.csv:2: CSV error: Quote Not Closed/],
    ['bytes that are not Parquet', suiteFor('d.parquet'), { 'd.parquet': 'id,q\n' }, /d\.parquet: not a readable Parquet file/],
    ['unknown extension', suiteFor('d.txt'), { 'd.txt': JSONL }, /suite\.yaml:5:9 dataset\.path: cannot tell the format .*set dataset\.format/],
    [
      'duplicate ids in the rows',
      suiteFor('d.jsonl'),
      { 'd.jsonl': `${JSONL}\n${JSONL.split('\n')[0]}` },
      /d\.jsonl:3 id: duplicate case id "a" \(first used by .*d\.jsonl:1\) \(case "a", made by .*suite\.yaml:5:3 dataset\.id\)/,
    ],
    [
      'a row id used by a written case',
      `${suiteFor('d.jsonl')}cases:\n  - { id: b, prompt: q, expected: 1 }\n`,
      { 'd.jsonl': JSONL },
      /d\.jsonl:2 id: duplicate case id "b" \(first used by cases\[0\]\)/,
    ],
    [
      'a field the row lacks (JSONL line)',
      suiteFor('d.jsonl', '  tags: ["{{subject}}"]\n'),
      { 'd.jsonl': JSONL },
      /d\.jsonl:1: the row has no field "subject", which .*suite\.yaml:8:9 dataset\.tags names\./,
    ],
    [
      'a field the row lacks (CSV line)',
      suiteFor('d.csv'),
      { 'd.csv': 'id,q\na,q1\n' },
      /d\.csv:2: the row has no field "answer", which .*suite\.yaml:7:13 dataset\.expected names\./,
    ],
    [
      'a row without an id and no id template',
      suiteFor('d.jsonl'),
      { 'd.jsonl': '{"q": "x", "answer": "1"}\n' },
      /d\.jsonl:1: the row has no field "id", which .*suite\.yaml:5:3 dataset\.id \(by default "\{\{id\}\}"\) names\./,
    ],
    [
      'an id the case rules refuse',
      suiteFor('d.jsonl', '  id: "{{q}}"\n'),
      { 'd.jsonl': JSONL },
      /d\.jsonl:1 id: ids use letters, digits .* \(case "What is 2 \+ 3\?", made by .*suite\.yaml:8:7 dataset\.id\)/,
    ],
    [
      'a value the scorer refuses',
      suiteFor('d.jsonl'),
      { 'd.jsonl': '{"id": "a", "q": "x", "answer": "five"}\n' },
      /d\.jsonl:1 expected: a number scorer needs a numeric expected value \(case "a", made by .*suite\.yaml:7:13 dataset\.expected\)/,
    ],
    [
      'a value of the wrong type',
      suiteFor('d.jsonl', '  tolerance: "{{q}}"\n'),
      { 'd.jsonl': JSONL },
      /d\.jsonl:1 tolerance: .*expected number.* \(case "a", made by .*suite\.yaml:8:14 dataset\.tolerance\)/,
    ],
    [
      'an unknown field in the block',
      suiteFor('d.jsonl', '  promt: "{{q}}"\n'),
      { 'd.jsonl': JSONL },
      /suite\.yaml:8:10 dataset\.promt: unknown field "promt"$/,
    ],
    ['a template syntax error', suiteFor('d.jsonl', '  tags: ["{{q"]\n'), { 'd.jsonl': JSONL }, /suite\.yaml:8:10 dataset\.tags\[0\]: unbalanced braces/],
    [
      'a bad filter pattern',
      suiteFor('d.jsonl', '  filter: { q: { matches: "(" } }\n'),
      { 'd.jsonl': JSONL },
      /suite\.yaml:8:27 dataset\.filter\.q\.matches: not a valid regular expression/,
    ],
    [
      'a filter pattern with a lookahead (RE2 runs in linear time)',
      suiteFor('d.jsonl', '  filter: { q: { matches: "(?=What)" } }\n'),
      { 'd.jsonl': JSONL },
      /dataset\.filter\.q\.matches: not a valid regular expression for RE2/,
    ],
    ['an unknown format', suiteFor('d.jsonl', '  format: xlsx\n'), { 'd.jsonl': JSONL }, /suite\.yaml:8:11 dataset\.format:/],
    ['no cases and no dataset', 'name: d\n', {}, /suite\.yaml:1:1: a suite needs at least one case \(list them under "cases" or draw them from a "dataset"\)/],
  ])('%s', async (_, suite, files, message) => {
    expect(await failure(scene(suite, files))).toMatch(message);
  });
});
