// The simulated Batch API itself, through the SDK: its states on the sped-up clock, validation, cancel, OpenAI's file format.
import { describe, expect, test } from 'vitest';
import { type BatchState, createBatchApi, isFinal } from '../../src/model/batch-api.js';
import { mock } from '../helpers/run.js';

const line = (id: string, content = 'What is 2 + 1000?') =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'thinkbench-sim', messages: [{ role: 'user', content }] } });

async function until(api: ReturnType<typeof createBatchApi>, id: string, seen: string[] = []): Promise<BatchState> {
  for (;;) {
    const state = (await api.retrieve(id))!;
    if (seen.at(-1) !== state.status) seen.push(state.status);
    if (isFinal(state.status)) return state;
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('the simulated Batch API', () => {
  test("validating -> in_progress -> finalizing -> completed, then output lines in OpenAI's format", async () => {
    const server = await mock({ batch: { durationMs: 2000 } }); // each state lasts 200 ms or more: a poll under load still sees it
    const api = createBatchApi({ baseUrl: server.url, maxRetries: 0 });
    const { id } = await api.upload('in.jsonl', `${line('a')}\n${line('b')}\n`);
    const created = await api.create(id);
    const seen = [created.status]; // a slow first poll may miss validating; the create reply shows it
    const state = await until(api, created.id, seen);
    expect(seen).toEqual(['validating', 'in_progress', 'finalizing', 'completed']);
    expect(state.counts).toEqual({ total: 2, completed: 2, failed: 0 });
    expect(state.errorFileId).toBeNull();
    const out = [];
    for await (const { line: text } of api.lines(state.outputFileId!)) out.push(JSON.parse(text));
    expect(out.map((l) => l.custom_id)).toEqual(['a', 'b']);
    expect(out[0]).toMatchObject({
      id: expect.stringMatching(/^batch_req_/),
      response: { status_code: 200, body: { object: 'chat.completion', choices: [{ finish_reason: 'stop' }] } },
      error: null,
    });
  });

  test.each([
    ['a line that is not JSON', `${line('a')}\n{oops\n`, 'invalid_json_line', 2],
    ['a repeated custom_id', `${line('a')}\n${line('a')}\n`, 'duplicate_custom_id', 2],
    ['a line for another endpoint', `${line('a').replace('/v1/chat/completions', '/v1/embeddings')}\n`, 'invalid_url', 1],
  ])('%s fails the batch in validation, naming the line', async (_, text, code, at) => {
    const server = await mock({ batch: { durationMs: 100 } });
    const api = createBatchApi({ baseUrl: server.url, maxRetries: 0 });
    const state = await until(api, (await api.create((await api.upload('in.jsonl', text)).id)).id);
    expect(state.status).toBe('failed');
    expect(state.errors[0]).toMatchObject({ code, line: at });
    expect(state.outputFileId).toBeNull();
  });

  test('a cancelled batch keeps the requests it finished and names the rest batch_cancelled', async () => {
    const server = await mock({ batch: { durationMs: 1000 } });
    const api = createBatchApi({ baseUrl: server.url, maxRetries: 0 });
    const lines = Array.from({ length: 10 }, (_, i) => line(`r${i}`)).join('\n');
    const created = await api.create((await api.upload('in.jsonl', lines)).id);
    await new Promise((r) => setTimeout(r, 400)); // past validating (100 ms), well before finalizing (800 ms)
    expect((await api.cancel(created.id)).status).toBe('cancelling');
    const state = await until(api, created.id);
    expect(state.status).toBe('cancelled');
    const errors = [];
    for await (const { line: text } of api.lines(state.errorFileId!)) errors.push(JSON.parse(text));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThan(10);
    expect(errors.every((e) => e.error.code === 'batch_cancelled' && e.response === null)).toBe(true);
    expect(state.counts.completed + state.counts.failed).toBe(10);
  });

  test('a batch over a file that does not exist is refused with a 400 (BatchRefused)', async () => {
    const server = await mock();
    const api = createBatchApi({ baseUrl: server.url, maxRetries: 0 });
    await expect(api.create('file_missing')).rejects.toThrow(/POST \/batches was refused \(400\): No such file/);
  });
});
