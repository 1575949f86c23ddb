// The result writer and readers: whole while small, split past the limit, and read back the same either way.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { openResult, readResult, readResultView, writeResult } from '../../src/result/store.js';
import { createResultWriter, sidecarPathFor } from '../../src/result/writer.js';
import { type Result, toSampleView } from '../../src/schema/result.js';
import { evaluateAgainst, mock } from '../helpers/run.js';
import { shippedSuite } from '../helpers/suites.js';

let result: Result;
beforeAll(async () => {
  const server = await mock();
  result = await evaluateAgainst(server, { suite: await shippedSuite('arithmetic', 6), model: 'thinkbench-sim', samplesOverride: 3 }).run;
});

const dir = () => mkdtempSync(join(tmpdir(), 'split-'));

/** Writes `result` case by case with the given inline limit, as a run does. */
async function writeWith(path: string, inlineLimitBytes: number): Promise<void> {
  const writer = createResultWriter(path, { inlineLimitBytes });
  const { cases, ...head } = result;
  for (const c of cases) writer.add(c);
  await writer.finish(head);
}

describe('result files of any size', () => {
  test('under the limit a result is one JSON file of schemaVersion 1, as it always was', async () => {
    const path = join(dir(), 'r.json');
    await writeResult(path, result);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    expect(data.schemaVersion).toBe(1);
    expect(data.cases[0].samples).toHaveLength(3);
    expect(existsSync(sidecarPathFor(path))).toBe(false);
    expect(await readResult(path)).toEqual(result);
  });

  test('past the limit the samples go to a sidecar, one line each in case then index order, and read back equal', async () => {
    const folder = dir();
    const path = join(folder, 'r.json');
    await writeWith(path, 1000);
    const head = JSON.parse(readFileSync(path, 'utf8'));
    expect(head.schemaVersion).toBe(2);
    expect(head.samplesFile).toEqual({ path: 'r.samples.jsonl', samples: 18 });
    expect(head.cases.map((c: { id: string }) => c.id)).toEqual(result.cases.map((c) => c.id));
    expect(head.cases.every((c: object) => !('samples' in c))).toBe(true);
    const lines = readFileSync(join(folder, 'r.samples.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.caseId}#${l.sample.index}`)).toEqual(result.cases.flatMap((c) => c.samples.map((s) => `${c.id}#${s.index}`)));
    expect(await readResult(path)).toEqual(result);
    expect(readdirSync(folder).sort()).toEqual(['r.json', 'r.samples.jsonl']); // no temporary file left
  });

  test('a result whole in memory is written as the case-by-case writer writes it, whole or split', async () => {
    for (const limit of [1000, 1e9]) {
      const [streamed, whole] = [join(dir(), 'r.json'), join(dir(), 'r.json')];
      await writeWith(streamed, limit);
      await writeResult(whole, result, { inlineLimitBytes: limit });
      expect(readFileSync(whole, 'utf8')).toBe(readFileSync(streamed, 'utf8'));
      expect(existsSync(sidecarPathFor(whole))).toBe(limit === 1000);
      if (limit === 1000) expect(readFileSync(sidecarPathFor(whole), 'utf8')).toBe(readFileSync(sidecarPathFor(streamed), 'utf8'));
    }
  });

  test('a view keeps the fields summaries, comparisons and gates read, never the texts', async () => {
    const path = join(dir(), 'r.json');
    await writeWith(path, 1000);
    const view = await readResultView(path);
    const sample = view.cases[0]!.samples[0]!;
    expect(Object.keys(sample)).not.toContain('content');
    expect(Object.keys(sample)).not.toContain('reasoning');
    const full = result.cases[0]!.samples[0]!;
    expect(sample).toMatchObject({ index: full.index, outcome: full.outcome, answer: full.answer, correct: full.correct, usage: full.usage });
    expect(sample).toEqual(toSampleView(full));
    expect(view.summary).toEqual(result.summary);
  });

  test('a sidecar is read by case, only when asked', async () => {
    const path = join(dir(), 'r.json');
    await writeWith(path, 1000);
    const opened = await openResult(path);
    try {
      expect(opened.sidecar).toBe(sidecarPathFor(path));
      const id = result.cases[4]!.id;
      expect(opened.samples(id)).toEqual(result.cases[4]!.samples);
      expect(opened.samples('no-such-case')).toEqual([]);
    } finally {
      opened.close();
    }
  });

  test('an aborted writer leaves nothing behind', async () => {
    const folder = dir();
    const writer = createResultWriter(join(folder, 'r.json'), { inlineLimitBytes: 1000 });
    for (const c of result.cases) writer.add(c);
    writer.abort();
    expect(readdirSync(folder)).toEqual([]);
  });

  test('a head newer than this thinkbench reads is refused with what to do', async () => {
    const path = join(dir(), 'r.json');
    writeFileSync(path, JSON.stringify({ ...result, schemaVersion: 3 }));
    await expect(openResult(path)).rejects.toThrow(/schemaVersion 3, newer than this thinkbench reads \(2\); upgrade thinkbench/);
  });
});
