import { describe, expect, test } from 'vitest';
import { reach } from '../../src/commands/validate.js';
import { loadSuite, parseSuite } from '../../src/suite/load.js';

describe('validate says what a suite would run or contact', () => {
  test.each([
    ['o1-articles', /runs code on this machine: custom scorer suites\/scorers\/age-ratio\.mjs/],
    ['humaneval', /runs the programs of 164 code case\(s\) only with --allow-code-execution/],
    ['aime-2024', /reads datasets\/aime-2024\.jsonl \(30 rows\)/],
  ])('%s', async (name, line) => {
    expect(reach(await loadSuite(`suites/${name}.yaml`)).join('\n')).toMatch(line);
  });

  test('a judge on its own endpoint is named, with no key unless the command line gives one', () => {
    const suite = parseSuite(
      'name: j\ncases:\n  - id: a\n    prompt: q\n    expected: x\n    scorer: judge\n    judge: { baseUrl: "https://judge.example/v1", model: m }\n',
      'j.yaml',
    );
    expect(reach(suite)).toEqual(['contacts judge endpoint(s) https://judge.example/v1, with no key unless --judge-api-key-env names one']);
  });

  test('a suite that only asks questions reaches nothing else', () => {
    expect(reach(parseSuite('name: q\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: number\n', 'q.yaml'))).toEqual([]);
  });
});
