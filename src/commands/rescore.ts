// `thinkbench rescore`: reads a result's saved samples again with the current code and suite; no model calls.
import { existsSync } from 'node:fs';
import { invalidInput } from '../errors.js';
import { renderSummary } from '../report/summary.js';
import { readResult, writeResult } from '../result/store.js';
import { rescoreResult } from '../score/rescore.js';
import { makeScorers } from '../run/make-scorers.js';
import { loadSuite } from '../suite/load.js';
import { createModelClient } from '../model/openai.js';
import type { Result } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import type { ScorerFactory } from '../score/scorer.js';
import { resolveEndpoint } from './endpoint.js';

export interface RescoreFlags {
  suite?: string;
  out?: string;
}

/** Writes the re-scored result beside the original (or to --out) and prints its summary. */
export async function rescoreCommand(path: string, flags: RescoreFlags): Promise<void> {
  const saved = await readResult(path);
  const suitePath = flags.suite ?? saved.suite.path;
  if (!existsSync(suitePath)) {
    throw invalidInput(`${path} was run from ${suitePath}, which is not there; pass the suite with --suite.`);
  }
  const suite = await loadSuite(suitePath);
  if (suite.sha256 !== saved.suite.sha256) console.warn(`thinkbench: ${suitePath} changed since the run; re-scoring with the current suite.`);
  // Judge cases ask their judge again: at the run's own endpoint (the key from OPENAI_API_KEY), or the simulator's.
  const judged = suite.cases.some((c) => c.scorer === 'judge');
  const endpoint = judged ? await resolveEndpoint({ ...(!saved.simulated && { baseUrl: saved.baseUrl }), apiKeyEnv: 'OPENAI_API_KEY' }) : undefined;
  try {
    const judge = endpoint && {
      client: createModelClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, timeoutMs: JUDGE_TIMEOUT_MS, maxRetries: 4 }),
      baseUrl: endpoint.shownUrl,
      model: endpoint.defaultModel ?? saved.model,
      timeoutMs: JUDGE_TIMEOUT_MS,
    };
    await rescoreAndWrite(path, saved, suite, await makeScorers(suite, judge), flags.out);
  } finally {
    await endpoint?.close();
  }
}

const JUDGE_TIMEOUT_MS = 120_000;

async function rescoreAndWrite(path: string, saved: Result, suite: Suite, scorerFor: ScorerFactory, outFlag?: string): Promise<void> {
  const { result, changes } = await rescoreResult(saved, suite, scorerFor);
  const out = outFlag ?? path.replace(/(\.json)?$/i, '-rescored.json');
  await writeResult(out, result);
  console.log(renderSummary(result));
  console.log(
    `Re-scored ${path} without calling the model: ${changes.answers} answers and ${changes.verdicts} verdicts changed; ` +
      `accuracy ${saved.summary.accuracy.toFixed(3)} -> ${result.summary.accuracy.toFixed(3)}.`,
  );
  if (changes.missingCases.length) console.warn(`thinkbench: the suite no longer has ${changes.missingCases.join(', ')}; left out.`);
  console.log(`Result written to ${out}`);
}
