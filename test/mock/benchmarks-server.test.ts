// The simulated model's benchmark knowledge through its HTTP server: a shipped suite run by evaluate() over the real SDK.
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { describe, expect, test } from 'vitest';
import { SCORER_NAMES, type Suite } from '../../src/schema/suite.js';
import { datasetPath } from '../../src/suite/dataset-cases.js';
import { readDataset } from '../../src/suite/dataset-read.js';
import { parseSuite } from '../../src/suite/load.js';
import { evaluateAgainst, mock } from '../helpers/run.js';

// AIME 2024 as shipped; until the math scorer exists, scored by the number scorer (its answers are integers).
async function aime(): Promise<Suite> {
  const file = 'suites/aime-2024.yaml';
  const source = readFileSync(file, 'utf8');
  const table = await readDataset(datasetPath(file, '../datasets/aime-2024.jsonl'), 'jsonl', 'datasets/aime-2024.jsonl', file);
  const scorer = (SCORER_NAMES as readonly string[]).includes('math') ? 'math' : 'number';
  return parseSuite(source.replace('scorer: math', `scorer: ${scorer}`), file, table);
}

describe('the simulated model serves the shipped benchmarks', () => {
  test('AIME 2024 through evaluate(): pass@1 near the set accuracy, every sample read, votes help', { timeout: 60_000 }, async () => {
    const server = await mock({ accuracy: 0.75 });
    const { run } = evaluateAgainst(server, { suite: await aime(), samplesOverride: 8, concurrency: 16 });
    const result = await run;
    expect(result.summary.cases).toBe(30);
    expect(result.summary.samples).toBe(240);
    expect(result.summary.noAnswer).toBe(0);
    expect(result.summary.errors).toBe(0);
    // 240 samples at 0.75: one standard error is 0.028; allow about four.
    expect(result.summary.pass1).toBeGreaterThan(0.64);
    expect(result.summary.pass1).toBeLessThan(0.86);
    expect(result.summary.accuracy).toBeGreaterThan(result.summary.pass1); // wrong answers scatter, right ones agree
    expect(result.summary.collapsed).toEqual([]);
  });

  test('a HumanEval prompt gets the complete function in a python block', async () => {
    const server = await mock({ accuracy: 1 });
    const client = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 });
    const row = JSON.parse(readFileSync('datasets/humaneval.jsonl', 'utf8').split('\n')[12]!) as { problem: string; answer: string; entry_point: string };
    const prompt = `Complete the following Python function.\n\n\`\`\`python\n${row.problem}\`\`\``;
    const reply = await client.chat.completions.create({ model: 'thinkbench-sim', messages: [{ role: 'user', content: prompt }] });
    const content = reply.choices[0]!.message.content!;
    const block = /```python\n([\s\S]*)```$/.exec(content)?.[1];
    expect(block).toBe(row.problem + row.answer);
    expect(block).toContain(`def ${row.entry_point}(`);
    expect((reply.choices[0]!.message as unknown as { reasoning_content: string }).reasoning_content).toContain('simulated model');
  });
});
