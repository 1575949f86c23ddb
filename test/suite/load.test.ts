import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatErrors, MAX_ERRORS_SHOWN } from '../../src/commands/validate.js';
import { checkSuite, parseSuite } from '../../src/suite/load.js';

const good = `name: demo
defaults:
  samples: 3
  system: Be careful.
  instructions: "End with 'Answer: <answer>'."
  params: { reasoning_effort: high, max_completion_tokens: 100 }
  timeout: 90s
cases:
  - id: a
    prompt: How many r's in strawberry?
    expected: 3
    scorer: number
    params: { max_completion_tokens: 200 }
  - id: b
    messages:
      - { role: user, content: Pick one. }
    scorer: choice
    choices: [A, B]
    expected: B
    samples: 7
`;

const bad = (cases: string) => `name: x\ncases:\n${cases}`;

describe('parseSuite', () => {
  test('merges defaults into cases and builds the messages', () => {
    const suite = parseSuite(good, 'demo.yaml');
    const [a, b] = suite.cases;
    expect(a).toMatchObject({
      id: 'a',
      scorer: 'number',
      samples: 3,
      timeoutMs: 90_000,
      params: { reasoning_effort: 'high', max_completion_tokens: 200 },
      messages: [
        { role: 'system', content: 'Be careful.' },
        { role: 'user', content: "How many r's in strawberry?\n\nEnd with 'Answer: <answer>'." },
      ],
    });
    expect(b).toMatchObject({ scorer: 'choice', samples: 7, choices: ['A', 'B'] });
    expect(suite.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test.each([
    [
      'unknown scorer',
      bad('  - id: a\n    prompt: q\n    expected: 1\n    scorer: telepathy\n'),
      'x.yaml:6:13 cases[0].scorer: unknown scorer "telepathy" (expected number, text, choice, regex, math, code, judge, custom)',
    ],
    [
      'duplicate id',
      bad('  - id: a\n    prompt: q\n    expected: 1\n  - id: a\n    prompt: q\n    expected: 2\n'),
      'x.yaml:6:9 cases[1].id: duplicate case id "a" (first used by cases[0])',
    ],
    ['unknown field', bad('  - id: a\n    prompt: q\n    expected: 1\n    promt: q\n'), 'x.yaml:6:12 cases[0].promt: unknown field "promt"'],
    ['missing expected', bad('  - id: a\n    prompt: q\n'), 'x.yaml:3:5 cases[0]: missing "expected" (the answer the case is scored against)'],
    ['missing prompt', bad('  - id: a\n    expected: 1\n'), 'x.yaml:3:5 cases[0]: a case needs a "prompt" or a list of "messages"'],
    [
      'choice without choices',
      bad('  - id: a\n    prompt: q\n    expected: A\n    scorer: choice\n'),
      'x.yaml:3:5 cases[0].choices: missing "choices" (the choice scorer needs the list of options)',
    ],
    [
      'expected not a choice',
      bad('  - id: a\n    prompt: q\n    expected: C\n    scorer: choice\n    choices: [A, B]\n'),
      'x.yaml:5:15 cases[0].expected: expected "C" is not one of the choices (A, B)',
    ],
    [
      'bad regex',
      bad("  - id: a\n    prompt: q\n    expected: '(unclosed'\n    scorer: regex\n"),
      'x.yaml:5:15 cases[0].expected: regex "(unclosed" cannot run in linear time (RE2): missing closing )',
    ],
    ['bad duration', bad('  - id: a\n    prompt: q\n    expected: 1\n    timeout: soon\n'), 'x.yaml:6:14 cases[0].timeout: "soon" is not a duration'],
    ['no cases', 'name: x\ncases: []\n', 'x.yaml:2:8 cases: a suite needs at least one case'],
    ['missing name', 'cases:\n  - id: a\n    prompt: q\n    expected: 1\n', 'x.yaml:1:1 name: missing "name"'],
    ['syntax error', 'name: x\ncases:\n  - id: a\n    prompt: "q\n', 'x.yaml:5:1: YAML syntax error: Missing closing "quote'],
  ])('%s names the place and the field', (_, source, message) => {
    expect(() => parseSuite(source, 'x.yaml')).toThrow(message);
  });

  test('a field set in defaults is blamed there', () => {
    const source = 'name: x\ndefaults:\n  scorer: regex\ncases:\n  - id: a\n    prompt: q\n    expected: 3\n';
    expect(() => parseSuite(source, 'x.yaml')).toThrow('x.yaml:7:15 cases[0].expected:');
  });
});

describe('checkSuite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'thinkbench-check-'));
  const check = async (source: string) => {
    const file = join(dir, 'x.yaml');
    writeFileSync(file, source);
    const { errors } = await checkSuite(file);
    return errors?.map((e) => e.replace(`${file}:`, 'x.yaml:'));
  };

  test('a good suite loads, with no errors', async () => {
    expect(await check(good)).toBeUndefined();
  });

  test('lists every problem across cases, in file order, each with its place', async () => {
    const source = [
      'name: x',
      'cases:',
      '  - id: a', //                             5: fine
      '    prompt: q',
      '    expected: 1',
      '  - id: b', //                             6: unknown scorer
      '    prompt: q',
      '    expected: 1',
      '    scorer: telepathy',
      '  - id: c', //                             10: two unknown fields (the place is the value)
      '    promt: q',
      '    expeted: 1',
      '  - id: a', //                             13: duplicate id, missing expected
      '    prompt: q',
      '  - id: d', //                             15: choice without its choices
      '    prompt: q',
      '    expected: A',
      '    scorer: choice',
      '',
    ].join('\n');
    expect(await check(source)).toEqual([
      'x.yaml:9:13 cases[1].scorer: unknown scorer "telepathy" (expected number, text, choice, regex, math, code, judge, custom)',
      'x.yaml:11:12 cases[2].promt: unknown field "promt"',
      'x.yaml:12:14 cases[2].expeted: unknown field "expeted"',
      'x.yaml:13:5 cases[3]: missing "expected" (the answer the case is scored against)',
      'x.yaml:13:9 cases[3].id: duplicate case id "a" (first used by cases[0])',
      'x.yaml:15:5 cases[4].choices: missing "choices" (the choice scorer needs the list of options)',
    ]);
  });

  test('a case that passes the schema still gets its own check', async () => {
    const errors = await check(bad('  - id: a\n    prompt: q\n  - id: b\n    prompt: q\n    expected: 1\n    scorer: nope\n'));
    expect(errors).toEqual([
      'x.yaml:3:5 cases[0]: missing "expected" (the answer the case is scored against)',
      'x.yaml:8:13 cases[1].scorer: unknown scorer "nope" (expected number, text, choice, regex, math, code, judge, custom)',
    ]);
  });

  test.each([
    ['a syntax error stops there', 'name: x\ncases:\n  - id: a\n    prompt: "q\n', ['x.yaml:5:1: YAML syntax error: Missing closing "quote']],
    ['no cases', 'name: x\ncases: []\n', ['x.yaml:2:8 cases: a suite needs at least one case (list them under "cases" or draw them from a "dataset")']],
    [
      'no name and a bad default',
      'defaults:\n  samples: 0\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n',
      ['x.yaml:1:1 name: missing "name"', 'x.yaml:2:12 defaults.samples: Too small: expected number to be >0'],
    ],
  ])('%s', async (_, source, errors) => {
    expect(await check(source)).toEqual(errors);
  });

  test('a missing file is one error', async () => {
    expect((await checkSuite(join(dir, 'nowhere.yaml'))).errors).toEqual([`${join(dir, 'nowhere.yaml')}: no such suite file.`]);
  });
});

describe("validate lists a file's problems", () => {
  test.each([
    [['x.yaml:1:1 name: missing "name"'], 'x.yaml:1:1 name: missing "name"'],
    [['x.yaml:1:1 a', 'x.yaml:2:1 b'], 'x.yaml: 2 errors\nx.yaml:1:1 a\nx.yaml:2:1 b'],
  ])('%j', (errors, printed) => {
    expect(formatErrors('x.yaml', errors)).toBe(printed);
  });

  test(`shows the first ${MAX_ERRORS_SHOWN} of 25 and counts the rest`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-check-'));
    const cases = Array.from({ length: 25 }, (_, i) => `  - id: c${i}\n    prompt: q\n    expected: 1\n    scorer: nope\n`).join('');
    writeFileSync(join(dir, 'many.yaml'), `name: many\ncases:\n${cases}`);
    const lines = formatErrors('many.yaml', (await checkSuite(join(dir, 'many.yaml'))).errors!).split('\n');
    expect(lines[0]).toBe('many.yaml: 25 errors');
    expect(lines).toHaveLength(1 + MAX_ERRORS_SHOWN + 1);
    expect(lines.at(-1)).toBe('... and 5 more');
    expect(lines[MAX_ERRORS_SHOWN]).toMatch(/cases\[19\]\.scorer: unknown scorer "nope"/);
  });
});

describe('params.n', () => {
  test('n other than 1 is refused: thinkbench draws each sample itself', () => {
    expect(() => parseSuite('name: n\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: number\n    params: { n: 128 }\n', 'n.yaml')).toThrow(
      /params\.n: thinkbench draws each sample itself/,
    );
  });
});
