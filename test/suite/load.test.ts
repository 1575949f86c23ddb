import { describe, expect, test } from 'vitest';
import { parseSuite } from '../../src/suite/load.js';

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

  const bad = (cases: string) => `name: x\ncases:\n${cases}`;
  test.each([
    ['unknown scorer', bad('  - id: a\n    prompt: q\n    expected: 1\n    scorer: telepathy\n'),
      'x.yaml:6:13 cases[0].scorer: unknown scorer "telepathy" (expected number, text, choice, regex, judge, custom)'],
    ['duplicate id', bad('  - id: a\n    prompt: q\n    expected: 1\n  - id: a\n    prompt: q\n    expected: 2\n'),
      'x.yaml:6:9 cases[1].id: duplicate case id "a" (first used by cases[0])'],
    ['unknown field', bad('  - id: a\n    prompt: q\n    expected: 1\n    promt: q\n'),
      'x.yaml:6:12 cases[0].promt: unknown field "promt"'],
    ['missing expected', bad('  - id: a\n    prompt: q\n'),
      'x.yaml:3:5 cases[0]: missing "expected" (the answer the case is scored against)'],
    ['missing prompt', bad('  - id: a\n    expected: 1\n'),
      'x.yaml:3:5 cases[0]: a case needs a "prompt" or a list of "messages"'],
    ['choice without choices', bad('  - id: a\n    prompt: q\n    expected: A\n    scorer: choice\n'),
      'x.yaml:3:5 cases[0].choices: missing "choices" (the choice scorer needs the list of options)'],
    ['expected not a choice', bad('  - id: a\n    prompt: q\n    expected: C\n    scorer: choice\n    choices: [A, B]\n'),
      'x.yaml:5:15 cases[0].expected: expected "C" is not one of the choices (A, B)'],
    ['bad regex', bad("  - id: a\n    prompt: q\n    expected: '(unclosed'\n    scorer: regex\n"),
      'x.yaml:5:15 cases[0].expected: not a valid regular expression'],
    ['bad duration', bad('  - id: a\n    prompt: q\n    expected: 1\n    timeout: soon\n'),
      'x.yaml:6:14 cases[0].timeout: "soon" is not a duration'],
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
