// Batch lines: custom_id round trips, splitting at the limits, and output lines read into raw samples.
import { describe, expect, test } from 'vitest';
import { customIdFor, parseCustomId } from '../../src/batch/custom-id.js';
import { parseOutputLine, readLines } from '../../src/batch/lines.js';
import { sampleFromLine } from '../../src/batch/outputs.js';
import { batchRequestLines, splitBatchFiles } from '../../src/batch/requests.js';
import { arithmeticSuite } from '../helpers/suites.js';

describe('custom_id', () => {
  test.each(['plain', 'has#hash', 'ends#', '#', '50%', '%23', 'a/b c', 'ünï©ødé 🦄', 'x#1#2'])('%s round-trips', (id) => {
    expect(parseCustomId(customIdFor(id, 7))).toEqual({ caseId: id, sampleIndex: 7 });
  });
  test.each(['no-hash', 'a#', 'a#x', 'a#-1', '%E0%A4%A#1'])('%s is not one of ours', (id) => {
    expect(parseCustomId(id)).toBeNull();
  });
});

describe('request lines', () => {
  const suite = arithmeticSuite(3, 2);
  const plan = { samples: 1, params: { seed: 10, stream: true, reasoning_effort: 'high' } };

  test('every (case, sample) pair once, round-robin, as POST /v1/chat/completions with the sample seed and no stream', () => {
    const lines = batchRequestLines(suite.cases, 'm', plan);
    expect(lines.map((l) => l.customId)).toEqual(['add-0#0', 'add-1#0', 'add-2#0', 'add-0#1', 'add-1#1', 'add-2#1']);
    const first = lines[3]!.line;
    expect(first).toMatchObject({ method: 'POST', url: '/v1/chat/completions', body: { model: 'm', seed: 11, reasoning_effort: 'high' } });
    expect(first.body).not.toHaveProperty('stream');
    expect(first.body.messages).toEqual(suite.cases[0]!.messages);
  });

  test.each([
    { maxRequests: 4, maxBytes: 1e9, sizes: [4, 2] },
    { maxRequests: 1, maxBytes: 1e9, sizes: [1, 1, 1, 1, 1, 1] },
  ])('split at $maxRequests requests', ({ maxRequests, maxBytes, sizes }) => {
    const files = splitBatchFiles(batchRequestLines(suite.cases, 'm', plan), { maxRequests, maxBytes });
    expect(files.map((f) => f.lines.length)).toEqual(sizes);
  });

  test('split at the byte limit: no file passes it, and the files hold every line', () => {
    const lines = batchRequestLines(suite.cases, 'm', plan);
    const one = Buffer.byteLength(`${JSON.stringify(lines[0]!.line)}\n`);
    const files = splitBatchFiles(lines, { maxRequests: 100, maxBytes: one * 2 + 5 });
    expect(files.every((f) => Buffer.byteLength(f.jsonl) <= one * 2 + 5)).toBe(true);
    expect(
      files.flatMap((f) =>
        f.jsonl
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).custom_id),
      ),
    ).toEqual(lines.map((l) => l.customId));
    expect(() => splitBatchFiles(lines, { maxRequests: 100, maxBytes: 10 })).toThrow(/more than a batch file may hold/);
  });
});

const completion = (message: Record<string, unknown>, finish = 'stop') => ({
  custom_id: 'c#0',
  response: {
    status_code: 200,
    body: {
      model: 'm',
      choices: [{ message, finish_reason: finish }],
      usage: { prompt_tokens: 5, completion_tokens: 9, completion_tokens_details: { reasoning_tokens: 4 } },
    },
  },
  error: null,
});

describe('output lines -> raw samples', () => {
  test.each([
    {
      name: 'reasoning field',
      line: completion({ content: 'Answer: 4', reasoning_content: 'two and two' }),
      want: { content: 'Answer: 4', reasoning: 'two and two', reasoningSource: 'field', error: null },
    },
    {
      name: '<think> tags',
      line: completion({ content: '<think>hmm</think>Answer: 4' }),
      want: { content: 'Answer: 4', reasoning: 'hmm', reasoningSource: 'think' },
    },
    {
      name: 'cut by length',
      line: completion({ content: '<think>hm' }, 'length'),
      want: { content: '', reasoningSource: 'unterminated', finishReason: 'length' },
    },
    {
      name: 'expired',
      line: { custom_id: 'c#0', response: null, error: { code: 'batch_expired', message: 'late' } },
      want: { error: { code: 'batch_expired', message: 'late' }, usage: null },
    },
    {
      name: 'a 400 reply',
      line: { custom_id: 'c#0', response: { status_code: 400, body: { error: { code: 'unsupported_value', message: 'no' } } }, error: null },
      want: { error: { code: 'unsupported_value', message: 'no' } },
    },
    {
      name: 'a 500 without code',
      line: { custom_id: 'c#0', response: { status_code: 500, body: {} }, error: null },
      want: { error: { code: 'http_500', message: 'HTTP 500' } },
    },
    {
      name: 'no choices',
      line: { custom_id: 'c#0', response: { status_code: 200, body: { choices: [] } } },
      want: { error: { code: 'no_choices', message: expect.any(String) } },
    },
  ])('$name', ({ line, want }) => {
    const parsed = parseOutputLine(JSON.stringify(line));
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(sampleFromLine(parsed, 3)).toMatchObject({ index: 3, ...want });
  });

  test('usage is read like a live reply (completion includes reasoning)', () => {
    const parsed = parseOutputLine(JSON.stringify(completion({ content: 'x' })));
    expect(typeof parsed !== 'string' && sampleFromLine(parsed, 0).usage).toEqual({
      promptTokens: 5,
      completionTokens: 9,
      reasoningTokens: 4,
      totalTokens: 14,
    });
  });

  test.each(['{', '{"custom_id": 5}', '[]'])('malformed line %s is named, not thrown', (line) => {
    expect(typeof parseOutputLine(line)).toBe('string');
  });

  test('lines split across chunks, a multi-byte character cut in two, and no final newline', async () => {
    const bytes = Buffer.from('{"a":"é"}\n\n{"b":2}\n{"c":3}');
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 15), bytes.subarray(15)];
    async function* source() {
      yield* chunks;
    }
    const got = [];
    for await (const l of readLines(source())) got.push(l);
    expect(got).toEqual([
      { line: '{"a":"é"}', number: 1 },
      { line: '{"b":2}', number: 3 },
      { line: '{"c":3}', number: 4 },
    ]);
  });
});
