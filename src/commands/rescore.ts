// `thinkbench rescore`: reads a result's saved samples again with the current code and suite.
import { existsSync } from 'node:fs';
import { replayResult } from '../adaptive/replay-result.js';
import { DEFAULT_STOP_CONFIDENCE } from '../adaptive/stop-rule.js';
import { renderAdaptiveReplay } from '../report/adaptive-replay.js';
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { createModelClient } from '../model/openai.js';
import { renderSummary } from '../report/summary.js';
import { type OpenedResult, readResultView, withOpenResult } from '../result/store.js';
import { writeCases } from '../result/writer.js';
import { rescoreInto } from '../run/rescore.js';
import { DEFAULT_API_KEY_ENV, JUDGE_MAX_RETRIES, JUDGE_TIMEOUT_MS } from '../settings.js';
import { loadSuite } from '../suite/load.js';
import { resolveEndpoint } from './endpoint.js';
import { flag, parseFlags } from './options.js';

/** The flags commander passes, checked. */
export const RescoreFlags = z.object({
  suite: z.string().optional(),
  out: z.string().optional(),
  regrade: z.boolean().optional(),
  baseUrl: z.string().optional(),
  model: z.string().optional(),
  apiKeyEnv: z.string().default(DEFAULT_API_KEY_ENV),
  adaptive: z.boolean().optional(),
  allowCustomScorers: z.boolean().optional(),
  adaptiveConfidence: flag.fraction('--adaptive-confidence').default(DEFAULT_STOP_CONFIDENCE),
  minSamples: flag.count('--min-samples').default(1),
});

/** Writes the re-scored result beside the original (or to --out) and prints its summary. */
export async function rescoreCommand(path: string, rawFlags: unknown): Promise<void> {
  const flags = parseFlags(RescoreFlags, rawFlags);
  if (flags.adaptive) {
    const saved = await readResultView(path);
    // A replay: the saved samples in index order under the stopping rule; nothing is re-read or written.
    if (saved.adaptive) console.warn(`thinkbench: ${path} was itself an adaptive run: its cases stopped early, so the replay can only stop them earlier.`);
    const options = { confidence: flags.adaptiveConfidence, minSamples: flags.minSamples, price: saved.pricing?.price ?? null };
    console.log(renderAdaptiveReplay(replayResult(saved.cases, options), flags.adaptiveConfidence));
    return;
  }
  await withOpenResult(path, (saved) => rescoreFile(path, saved, flags));
}

/** Re-scores an opened result case by case into its new file, and prints what changed. */
async function rescoreFile(path: string, opened: OpenedResult, flags: z.infer<typeof RescoreFlags>): Promise<void> {
  const saved = opened.head;
  const suitePath = flags.suite ?? saved.suite.path;
  if (!existsSync(suitePath)) throw invalidInput(`${path} was run from ${suitePath}, which is not there; pass the suite with --suite.`);
  const suite = await loadSuite(suitePath);
  if (suite.sha256 !== saved.suite.sha256) console.warn(`thinkbench: ${suitePath} changed since the run; re-scoring with the current suite.`);
  // --regrade asks judges again, at the endpoint named on this command line (never the one stored in the file).
  const endpoint = flags.regrade ? await resolveEndpoint(flags) : undefined;
  try {
    const regrade = endpoint && {
      client: createModelClient({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey, timeoutMs: JUDGE_TIMEOUT_MS, maxRetries: JUDGE_MAX_RETRIES }),
      baseUrl: endpoint.shownUrl,
      model: flags.model ?? endpoint.defaultModel ?? saved.model,
      timeoutMs: JUDGE_TIMEOUT_MS,
    };
    if (endpoint)
      console.log(`Re-grading judge cases with ${regrade?.model} at ${endpoint.shownUrl}${endpoint.simulated ? ' (built-in simulated model)' : ''}.`);
    const out = flags.out ?? path.replace(/(\.json)?$/i, '-rescored.json');
    const { result, changes } = await writeCases(out, (onCase) =>
      rescoreInto(opened, suite, { regrade, allowCustomScorers: flags.allowCustomScorers }, onCase),
    );
    console.log(renderSummary(result));
    const how = endpoint ? 'with judges asked again' : 'without calling any model';
    console.log(
      `Re-scored ${path} ${how}: ${changes.answers} answers and ${changes.verdicts} verdicts changed; accuracy ${saved.summary.accuracy.toFixed(3)} -> ${result.summary.accuracy.toFixed(3)}.`,
    );
    if (changes.missingCases.length) console.warn(`thinkbench: the suite no longer has ${changes.missingCases.join(', ')}; left out.`);
    console.log(`Result written to ${out}`);
  } finally {
    await endpoint?.close();
  }
}
