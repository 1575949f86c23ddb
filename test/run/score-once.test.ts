// One scoring pass: rescoring a saved file reproduces it, and a resume scores old samples with the current code.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createModelClient } from '../../src/model/openai.js';
import { readResult, readResultView, writeResult } from '../../src/result/store.js';
import { rescoreResult } from '../../src/run/rescore.js';
import { openCache } from '../../src/run/cache.js';
import { runSuite } from '../../src/run/run-suite.js';
import type { Result, ResultView } from '../../src/schema/result.js';
import { loadSuite } from '../../src/suite/load.js';
import { evaluateAgainst, mock } from '../helpers/run.js';
import { shippedSuite } from '../helpers/suites.js';

/** What a result says about its answers, without timings. */
const verdicts = (r: ResultView) =>
  r.cases.map((c) => ({ id: c.id, answer: c.answer, credit: c.credit, samples: c.samples.map((s) => [s.index, s.answer, s.correct]) }));

describe('collect, then score once', () => {
  test.each(readdirSync('baselines').filter((f) => f.endsWith('.json')))('rescoring baselines/%s reproduces its summary exactly', async (file) => {
    const saved = await readResult(join('baselines', file));
    const { result, changes } = await rescoreResult(saved, await loadSuite(saved.suite.path));
    expect(result.summary).toEqual(saved.summary);
    expect(changes).toEqual({ answers: 0, verdicts: 0, missingCases: [] });
  });

  test('a resume across a changed extractor gives the same result as a fresh run', async () => {
    const server = await mock();
    const suite = await shippedSuite('arithmetic', 6);
    // A cache makes the resumed run receive the very replies the fresh run did.
    const dir = mkdtempSync(join(tmpdir(), 'score-once-'));
    const cache = openCache(join(dir, 'cache'));
    const options = { suite, model: 'thinkbench-sim-60', samplesOverride: 4, cache };
    const fresh = await evaluateAgainst(server, options).run;
    // The same run cut short after two samples per case, scored by an "older extractor" that read every answer as 999.
    const partial: Result = structuredClone(fresh);
    partial.complete = false;
    for (const c of partial.cases) c.samples = c.samples.filter((s) => s.index < 2).map((s) => ({ ...s, answer: '999', correct: false }));
    const file = join(dir, 'partial.json');
    await writeResult(file, partial);
    const client = createModelClient({ baseUrl: server.url, timeoutMs: 30_000, maxRetries: 2 });
    const settings = { samplesOverride: 4, concurrency: 8, timeoutMs: 30_000, params: {}, cache };
    const { out } = await runSuite({
      suite,
      client,
      endpoint: { shownUrl: server.url, simulated: true },
      model: 'thinkbench-sim-60',
      settings,
      resume: file,
      signal: new AbortController().signal,
    });
    const resumed = await readResultView(out);
    expect(verdicts(resumed)).toEqual(verdicts(fresh));
    expect(resumed.summary.accuracy).toBe(fresh.summary.accuracy);
    expect(resumed.summary.pass1).toBe(fresh.summary.pass1);
    expect(JSON.stringify(resumed)).not.toContain('"999"');
  });

  test('a <think> reply keeps its reasoning once: content is the answer text, reasoning apart, its source named', async () => {
    const server = await mock({ reasoning: 'think' });
    const result = await evaluateAgainst(server, { suite: await shippedSuite('arithmetic', 2), samplesOverride: 2 }).run;
    for (const s of result.cases.flatMap((c) => c.samples)) {
      expect(s.reasoningSource).toBe('think');
      expect(s.content).not.toMatch(/<\/?think>/);
      expect(s.reasoning.length).toBeGreaterThan(0);
      expect(s.content).not.toContain(s.reasoning.slice(0, 40));
    }
  });
});
