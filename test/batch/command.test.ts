// `thinkbench batch export` -> a batch run by hand on the simulated Batch API -> `thinkbench batch import`: the real CLI (from source).
import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { createBatchApi, isFinal } from '../../src/model/batch-api.js';
import { readResult } from '../../src/result/store.js';
import { ROOT } from '../helpers/cli.js';
import { mock } from '../helpers/run.js';

const run = promisify(execFile);
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** `thinkbench <args>` from src/ (dist/ may be mid-build), with its exit code. */
async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [join(ROOT, 'src/cli.ts'), ...args], { cwd, env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const SUITE = `name: sums
model: thinkbench-sim
defaults:
  samples: 2
  scorer: number
  instructions: "End with 'Answer: <n>'."
cases:
  - id: "ch:1/part-a.b_c"
    prompt: What is 1 + 1000?
    expected: 1001
  - id: plain
    prompt: What is 2 + 1000?
    expected: 1002
  - id: three
    prompt: What is 3 + 1000?
    expected: 1003
`;

describe('batch export and import', () => {
  test('round trip: the exported requests, run as a batch, import into a scored result with every case and sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-batch-'));
    writeFileSync(join(dir, 'sums.yaml'), SUITE);
    const exported = await cli(['batch', 'export', 'sums.yaml', '--samples', '3', '--param', 'seed=7', '--out', 'requests.jsonl'], dir);
    expect(exported.code).toBe(0);
    const requests = readFileSync(join(dir, 'requests.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(requests).toHaveLength(9);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/v1/chat/completions', body: { model: 'thinkbench-sim', seed: 7 } });
    expect(new Set(requests.map((r) => r.custom_id)).size).toBe(9);

    // Submitted by hand, as a user would: upload, create, wait, download output and error files into one JSONL.
    const server = await mock({ batch: { durationMs: 150, failEvery: 4 } });
    const api = createBatchApi({ baseUrl: server.url, maxRetries: 0 });
    const { id } = await api.upload('requests.jsonl', readFileSync(join(dir, 'requests.jsonl'), 'utf8'));
    let state = await api.create(id);
    while (!isFinal(state.status)) {
      await new Promise((r) => setTimeout(r, 30));
      state = (await api.retrieve(state.id))!;
    }
    expect(state.status).toBe('completed');
    for (const fileId of [state.outputFileId, state.errorFileId]) {
      for await (const { line } of api.lines(fileId!)) appendFileSync(join(dir, 'outputs.jsonl'), `${line}\n`);
    }

    const imported = await cli(['batch', 'import', 'outputs.jsonl', '--suite', 'sums.yaml', '--out', 'result.json'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const result = await readResult(join(dir, 'result.json'));
    expect(result.cases.map((c) => [c.id, c.samples.map((s) => s.index)])).toEqual([
      ['ch:1/part-a.b_c', [0, 1, 2]],
      ['plain', [0, 1, 2]],
      ['three', [0, 1, 2]],
    ]);
    expect(result).toMatchObject({ model: 'thinkbench-sim', complete: true, simulated: true, baseUrl: 'batch:outputs.jsonl', samples: 3 });
    expect(result.summary.errors).toBe(2); // lines 4 and 8 failed with a 500
    expect(
      result.cases
        .flatMap((c) => c.samples)
        .filter((s) => s.error)
        .map((s) => s.error!.code),
    ).toEqual(['server_error', 'server_error']);
    expect(result.summary.accuracy).toBeGreaterThan(0.5);
  });

  test.each([
    ['not JSON', '{"custom_id": "plain#0", "response": {"status_code": 200, "body": {}}}\n{oops\n', /outputs\.jsonl:2: not a JSON line/],
    ['no custom_id', '\n{"response": null, "error": null}\n', /outputs\.jsonl:2: not a batch output line: custom_id/],
  ])('a malformed line (%s) is exit 2 naming the file and line', async (_, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-batch-'));
    writeFileSync(join(dir, 'sums.yaml'), SUITE);
    writeFileSync(join(dir, 'outputs.jsonl'), text);
    const imported = await cli(['batch', 'import', 'outputs.jsonl', '--suite', 'sums.yaml'], dir);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toMatch(message);
  });

  test('export with no model anywhere is exit 2 asking for --model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'thinkbench-batch-'));
    writeFileSync(join(dir, 'sums.yaml'), SUITE.replace('model: thinkbench-sim\n', ''));
    const exported = await cli(['batch', 'export', 'sums.yaml'], dir);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/pass --model/);
  });
});
