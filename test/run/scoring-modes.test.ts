// Judge and custom scorers, best-of-N selection, diagnostics and re-scoring, against the simulated endpoint.
import { describe, expect, test } from 'vitest';
import { createModelClient } from '../../src/model/openai.js';
import { loadCustomModules } from '../../src/grade/custom.js';
import { parseVerdict } from '../../src/grade/judge.js';
import { modelVerifier, moduleVerifier, parseScore } from '../../src/grade/verifiers.js';
import { rescoreResult } from '../../src/run/rescore.js';
import { parseSuite } from '../../src/suite/load.js';
import { arithmeticSuite, shippedSuite } from '../helpers/suites.js';
import { evaluateAgainst, mock } from '../helpers/run.js';

describe('judge scorer', () => {
  test.each([
    ['The answer matches.\nVERDICT: CORRECT', true],
    ['**Verdict:** incorrect', false],
    ['VERDICT: CORRECT\n...on reflection\nVERDICT: INCORRECT', false],
    ['<think>VERDICT: CORRECT</think>I am not sure.', null],
    ['Looks correct to me.', null],
  ])('parses %j strictly', (reply, verdict) => {
    expect(parseVerdict(reply)).toBe(verdict);
  });

  test('another model grades each distinct answer once against expected, and its reply is stored', async () => {
    const server = await mock();
    const yaml = `name: judged
defaults: { samples: 4, scorer: judge, judge: { model: thinkbench-sim-100 }, rubric: Same final text. }
cases:
  - id: cipher
    prompt: |
      oyfjdnisdr rtqwainr acxz mynzbhhx -> Think step by step
      Use the example above to decode:
      oyekaijzdf aaptcg suaokybhai ouow aqht mynznvaatzacdfoulxxz
    expected: THERE ARE THREE RS IN STRAWBERRY
`;
    const suite = parseSuite(yaml, 'judged.yaml');
    const { run } = evaluateAgainst(server, { suite, model: 'thinkbench-sim-50' });
    const result = await run;
    const samples = result.cases[0]!.samples;
    const distinct = new Set(samples.map((s) => s.answer)).size;
    expect(server.stats.requests).toBe(4 + distinct);
    for (const s of samples) {
      expect(s.judgement).toMatch(/VERDICT: (CORRECT|INCORRECT)/);
      expect(s.correct).toBe(/there are three r'?s in strawberry/i.test(s.answer ?? ''));
    }
  });
});

describe('custom scorer', () => {
  test('a module named by the suite, loaded relative to it', async () => {
    const yaml = 'name: custom\ncases:\n  - id: even\n    prompt: What is 2 + 1000?\n    expected: even\n    scorer: custom\n    module: scorers/even.mjs\n';
    const suite = parseSuite(yaml, 'test/fixtures/custom.yaml');
    const server = await mock();
    const result = await evaluateAgainst(server, { suite, model: 'thinkbench-sim-100', allowCustomScorers: true }).run;
    expect(result.cases[0]).toMatchObject({ answer: '1002', correct: true });
  });

  test('a module that is missing or exports no isCorrect is invalid input', async () => {
    const missing = parseSuite(
      'name: c\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: custom\n    module: nope.mjs\n',
      'test/fixtures/c.yaml',
    );
    await expect(loadCustomModules(missing, { allow: true })).rejects.toThrow(/cannot load custom scorer nope\.mjs/);
    const wrong = parseSuite(
      'name: c\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: custom\n    module: scorers/prefer-1000s.mjs\n',
      'test/fixtures/c.yaml',
    );
    await expect(loadCustomModules(wrong, { allow: true })).rejects.toThrow(/exports no isCorrect/);
  });

  test("a suite runs code only from its own folder, and only when allowed (thinkbench's own suites need no permission)", async () => {
    const yaml = (module: string) => `name: c\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: custom\n    module: ${module}\n`;
    await expect(loadCustomModules(parseSuite(yaml('scorers/even.mjs'), 'test/fixtures/c.yaml'))).rejects.toThrow(
      /runs code on this machine .*--allow-custom-scorers/,
    );
    await expect(loadCustomModules(parseSuite(yaml('../outside.mjs'), 'test/fixtures/c.yaml'), { allow: true })).rejects.toThrow(/outside the suite's folder/);
    await expect(loadCustomModules(parseSuite(yaml('/etc/x.mjs'), 'test/fixtures/c.yaml'), { allow: true })).rejects.toThrow(/outside the suite's folder/);
    const shipped = await loadCustomModules(await shippedSuite('o1-articles'));
    expect(shipped.size).toBe(1);
  });
});

describe('best-of-N selection', () => {
  test('a verifier model picks the best sample: better than the vote for a weak model', async () => {
    const server = await mock({ seed: 5 });
    const suite = await shippedSuite('arithmetic', 20);
    const client = createModelClient({ baseUrl: server.url, timeoutMs: 10_000, maxRetries: 2 });
    const verifier = modelVerifier({ client, baseUrl: server.url, model: 'thinkbench-sim-95', timeoutMs: 10_000 });
    const options = { suite, model: 'thinkbench-sim-40', samplesOverride: 8, concurrency: 16 };
    const best = await evaluateAgainst(server, { ...options, selection: 'best-of-n', verifier }).run;
    const vote = await evaluateAgainst(server, { ...options }).run;
    expect(best.selection).toBe('best-of-n');
    expect(vote.selection).toBe('majority');
    expect(best.summary.accuracy).toBeGreaterThan(vote.summary.accuracy);
    expect(best.cases.every((c) => c.samples.every((s) => s.answer === null || typeof s.score === 'number'))).toBe(true);
    const chosen = best.cases[0]!;
    const top = Math.max(...chosen.samples.map((s) => s.score ?? -1));
    expect(chosen.samples.find((s) => s.answer === chosen.answer)!.score).toBe(top);
  });

  test('a module verifier', async () => {
    const server = await mock();
    const verifier = await moduleVerifier('test/fixtures/scorers/prefer-1000s.mjs');
    const result = await evaluateAgainst(server, { suite: arithmeticSuite(10, 6), model: 'thinkbench-sim-40', selection: 'best-of-n', verifier }).run;
    const anyRight = result.cases.filter((c) => c.samples.some((s) => s.correct)).length;
    expect(result.summary.accuracy).toBe(anyRight / 10);
  });

  test.each([
    ['SCORE: 7', 7],
    ['Score: 9/10', 9],
    ['no score', Number.NaN],
  ])('parses %j', (reply, score) => {
    expect(parseScore(reply)).toBe(score);
  });
});

describe('diagnostics', () => {
  test('samples collapsed by a seeded server are flagged', async () => {
    const server = await mock();
    const { run } = evaluateAgainst(server, { suite: arithmeticSuite(2, 3) });
    const result = await run;
    expect(result.summary.collapsed).toEqual([]);
    // The same seed on every sample (what thinkbench avoids): build it by hand on the saved samples.
    const first = result.cases[0]!.samples[0]!;
    const collapsed = { ...result.cases[0]!, samples: result.cases[0]!.samples.map((s) => ({ ...s, content: first.content, reasoning: first.reasoning })) };
    const suite = arithmeticSuite(2, 3);
    const rescored = await rescoreResult({ ...result, cases: [collapsed, result.cases[1]!] }, suite);
    expect(rescored.result.summary.collapsed).toEqual(['add-0']);
  });
});

describe('rescore', () => {
  test('reproduces a result from its samples and changes it only where the extraction changed', async () => {
    const server = await mock();
    const suite = await shippedSuite('o1-articles');
    const result = await evaluateAgainst(server, { suite, model: 'thinkbench-sim-70', samplesOverride: 6 }).run;
    const same = await rescoreResult(result, suite);
    expect(same.changes).toEqual({ answers: 0, verdicts: 0, missingCases: [] });
    expect({ ...same.result.summary }).toEqual(result.summary);
    expect(same.result.cases).toEqual(result.cases);
    expect(same.result.rescoredAt).toBeDefined();

    const edited = structuredClone(result);
    const sample = edited.cases[0]!.samples[0]!;
    sample.content = 'Counting again: Answer: 7';
    const changed = await rescoreResult(edited, suite);
    expect(changed.changes.answers).toBe(sample.answer === '7' ? 0 : 1);
    expect(changed.result.cases[0]!.samples[0]).toMatchObject({ answer: '7', correct: false });
    expect(changed.result.cases.slice(1)).toEqual(result.cases.slice(1));
  });
});

describe('where keys go', () => {
  test("a suite's judge on another endpoint gets no key unless the command line names its variable", async () => {
    const { judgeKey } = await import('../../src/grade/graders.js');
    process.env.THINKBENCH_TEST_JUDGE_KEY = 'sk-judge';
    const defaults = {
      client: createModelClient({ baseUrl: 'http://127.0.0.1:1/v1', timeoutMs: 1000, maxRetries: 0 }),
      baseUrl: 'http://127.0.0.1:1/v1',
      model: 'm',
      timeoutMs: 1000,
    };
    expect(judgeKey(defaults)).toBeUndefined();
    expect(judgeKey({ ...defaults, otherHostKeyEnv: 'THINKBENCH_TEST_JUDGE_KEY' })).toBe('sk-judge');
    expect(() =>
      parseSuite(
        'name: j\ncases:\n  - id: a\n    prompt: q\n    expected: x\n    scorer: judge\n    judge: { baseUrl: "https://judge.example/v1", apiKeyEnv: AWS_SECRET }\n',
        'j.yaml',
      ),
    ).toThrow(/judge\.apiKeyEnv: a suite cannot choose which secret is sent where/);
  });
});
