// --adaptive end to end on the simulated model: decided cases stop early, certificates replay from the samples, costs are priced.
import { describe, expect, test } from 'vitest';
import { replayResult } from '../../src/adaptive/replay-result.js';
import { evaluateAgainst, mock } from '../helpers/run.js';
import { shippedSuite } from '../helpers/suites.js';

describe('adaptive sampling', () => {
  test('at a cap of 64 a 90%-right model stops most cases after a handful of samples, with certificates and the same verdicts', async () => {
    const server = await mock();
    const suite = await shippedSuite('arithmetic', 12);
    const adaptive = { confidence: 0.95, minSamples: 1 };
    const stopped = await evaluateAgainst(server, { suite, model: 'thinkbench-sim-90', samplesOverride: 64, concurrency: 4, adaptive }).run;
    const used = stopped.cases.reduce((n, c) => n + c.samples.length, 0);
    expect(used).toBeLessThan((12 * 64) / 4);
    expect(stopped.complete).toBe(true);
    expect(stopped.adaptive).toEqual(adaptive);
    expect(stopped.summary.adaptive).toMatchObject({ samplesUsed: used, samplesCap: 12 * 64 });
    expect(stopped.summary.majAtK).toBeUndefined(); // optional stopping: k-subset curves are not reported
    for (const c of stopped.cases) {
      expect(c.adaptive?.decided).toBe(true);
      // The certificate is the first prefix that decided; in-flight samples may have finished past it.
      expect(c.adaptive!.samplesUsed).toBeLessThanOrEqual(c.samples.length);
      expect(c.samples.length - c.adaptive!.samplesUsed).toBeLessThan(4 + 1);
    }
    expect(stopped.summary.accuracy).toBe(1);
  });

  test('a fixed-N result replayed under the rule says where each case would have stopped', async () => {
    const server = await mock();
    const fixed = await evaluateAgainst(server, { suite: await shippedSuite('arithmetic', 8), model: 'thinkbench-sim-90', samplesOverride: 16 }).run;
    const replay = replayResult(fixed.cases, { confidence: 0.95 });
    expect(replay.summary.samplesTotal).toBe(8 * 16);
    expect(replay.summary.samplesUsed).toBeLessThan(8 * 16);
    expect(replay.cases.every((c) => c.samplesUsed >= 4)).toBe(true); // a unanimous case needs 4 at 0.95
  });

  test('a priced run records dollars per sample, case and run; an unpriced one records null, never 0', async () => {
    const server = await mock();
    const suite = await shippedSuite('arithmetic', 3);
    const pricing = { price: { inputPerMTok: 1, outputPerMTok: 4 }, source: { kind: 'flag' as const, spec: 'input=1,output=4' } };
    const priced = await evaluateAgainst(server, { suite, samplesOverride: 2, pricing }).run;
    const sample = priced.cases[0]!.samples[0]!;
    expect(sample.costUsd).toBeCloseTo((sample.usage!.promptTokens * 1 + sample.usage!.completionTokens * 4) / 1e6, 12);
    expect(priced.summary.cost?.totalUsd).toBeGreaterThan(0);
    expect(priced.summary.cost?.unknownSamples).toBe(0);
    const unpriced = await evaluateAgainst(server, { suite, samplesOverride: 2, pricing: null }).run;
    expect(unpriced.cases[0]!.samples[0]!.costUsd).toBeNull();
    expect(unpriced.summary.cost).toEqual({ totalUsd: null, unknownSamples: 6, perCorrectUsd: null });
  });
});
