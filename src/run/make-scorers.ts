// Builds a suite's scorers before a run: loads custom modules, connects judge scorers to their model.
import { invalidInput } from '../errors.js';
import { createModelClient, type ModelClient } from '../model/openai.js';
import type { Case, Suite } from '../schema/suite.js';
import { customScorer, loadCustomModule, type CustomScorerModule } from '../score/scorers/custom.js';
import { scorerFor as builtInScorerFor } from '../score/scorers/index.js';
import { judgeScorer, type JudgeEndpoint } from '../score/scorers/judge.js';
import type { Scorer, ScorerFactory } from '../score/scorer.js';

/** The run's endpoint: what a judge uses unless its case names its own. */
export type JudgeDefaults = Omit<JudgeEndpoint, 'params'>;

/**
 * A scorer factory for the suite. Custom modules are loaded only when a case names one; judge cases
 * grade with `case.judge` (its own endpoint, model and parameters) or else the run's endpoint and model.
 */
export async function makeScorers(suite: Suite, judgeDefaults?: JudgeDefaults): Promise<ScorerFactory> {
  const modules = new Map<string, Promise<CustomScorerModule>>();
  const judges = new Map<string, ModelClient>();
  const scorers = new Map<string, Scorer>();
  for (const c of suite.cases) scorers.set(c.id, await makeScorer(c, suite.path, { modules, judges }, judgeDefaults));
  return (c) => scorers.get(c.id) ?? builtInScorerFor(c);
}

/** Loaded once per suite: custom modules by path, judge clients by endpoint and key. */
interface Shared {
  modules: Map<string, Promise<CustomScorerModule>>;
  judges: Map<string, ModelClient>;
}

async function makeScorer(c: Case, suitePath: string, shared: Shared, defaults?: JudgeDefaults): Promise<Scorer> {
  switch (c.scorer) {
    case 'custom':
      return customScorer(c, await loadCustomModule(c.module, suitePath, shared.modules));
    case 'judge':
      return judgeScorer(c, judgeEndpoint(c, shared.judges, defaults));
    default:
      return builtInScorerFor(c);
  }
}

function judgeEndpoint(c: Extract<Case, { scorer: 'judge' }>, judges: Map<string, ModelClient>, defaults?: JudgeDefaults): JudgeEndpoint {
  const own = c.judge;
  const params = own?.params ?? {};
  if (own?.baseUrl) {
    const timeoutMs = defaults?.timeoutMs ?? 120_000;
    const keyEnv = own.apiKeyEnv ?? 'OPENAI_API_KEY';
    const client = judges.get(`${own.baseUrl}\u0000${keyEnv}`) ?? createModelClient({ baseUrl: own.baseUrl, apiKey: process.env[keyEnv], timeoutMs, maxRetries: 4 });
    judges.set(`${own.baseUrl}\u0000${keyEnv}`, client);
    const model = own.model ?? defaults?.model;
    if (!model) throw invalidInput(`case ${c.id}: the judge at ${own.baseUrl} needs a model (judge.model).`);
    return { client, baseUrl: own.baseUrl, model, params, timeoutMs, ...(defaults?.signal && { signal: defaults.signal }), ...(defaults?.cache && { cache: defaults.cache }) };
  }
  if (!defaults) throw invalidInput(`case ${c.id} uses the judge scorer, but no endpoint is set for the judge: give judge.baseUrl in the suite.`);
  return { ...defaults, model: own?.model ?? defaults.model, params };
}
