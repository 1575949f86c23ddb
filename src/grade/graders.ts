// Builds a suite's graders: the I/O that decides verdicts a scorer cannot decide alone (judge models, custom modules).
import { invalidInput } from '../errors.js';
import { createModelClient, type ModelClient } from '../model/openai.js';
import type { Case, Suite } from '../schema/suite.js';
import type { CustomModules } from '../score/scorers/custom.js';
import type { Verdict } from '../score/scorer.js';
import { JUDGE_MAX_RETRIES, JUDGE_TIMEOUT_MS } from '../settings.js';
import { type CodeExecution, codeGrader } from './code.js';
import { judgeAnswer, type JudgeEndpoint } from './judge.js';

/** Decides one canonical answer of a case. */
export type Grader = (answer: string) => Promise<Verdict>;
/** The grader of a case, or undefined when its scorer decides alone. */
export type GraderFactory = (c: Case) => Grader | undefined;

/**
 * The run's endpoint: what a judge uses unless its case names its own. `otherHostKeyEnv` is the
 * variable named on the command line (--judge-api-key-env) whose key a judge on another host gets:
 * a suite never chooses which secret is sent where.
 */
export type JudgeDefaults = Omit<JudgeEndpoint, 'params'> & { otherHostKeyEnv?: string | undefined };

export interface GraderOptions {
  modules: CustomModules;
  /** The endpoint judge cases use unless they name their own. */
  judge?: JudgeDefaults | undefined;
  /** False: judge cases get no grader (a rescore without --regrade calls no model). Default true. */
  askJudges?: boolean;
  /** Whether and how code cases' programs run; by default they do not. */
  code?: CodeExecution | undefined;
}

/**
 * Graders for the suite. Judge cases grade with `case.judge` (its own endpoint, model and
 * parameters) or else the run's endpoint and model; custom cases await their module's isCorrect.
 */
export function buildGraders(suite: Suite, options: GraderOptions): GraderFactory {
  const clients = new Map<string, ModelClient>();
  const graders = new Map<string, Grader>();
  const code = codeGrader(options.code ?? { allowed: false });
  for (const c of suite.cases) {
    const grader = c.scorer === 'code' ? code(c) : graderFor(c, options, clients);
    if (grader) graders.set(c.id, grader);
  }
  return (c) => graders.get(c.id);
}

function graderFor(c: Case, options: GraderOptions, clients: Map<string, ModelClient>): Grader | undefined {
  switch (c.scorer) {
    case 'custom': {
      const module = options.modules.get(c.module);
      if (!module) throw invalidInput(`case ${c.id}: custom scorer ${c.module} is not loaded.`);
      return async (answer) => ({ correct: (await module.isCorrect(answer, c)) === true });
    }
    case 'judge': {
      if (options.askJudges === false) return undefined;
      const endpoint = judgeEndpoint(c, clients, options.judge);
      return (answer) => judgeAnswer(c, answer, endpoint);
    }
    case 'code': // built above, with the run's one pool of program runners
    case 'number':
    case 'text':
    case 'choice':
    case 'regex':
    case 'math':
      return undefined;
    default:
      return c satisfies never;
  }
}

/** The key a suite's own judge endpoint gets: only the one in the variable the command line named (--judge-api-key-env), else none. */
export function judgeKey(defaults: JudgeDefaults | undefined): string | undefined {
  return defaults?.otherHostKeyEnv ? process.env[defaults.otherHostKeyEnv] : undefined;
}

function sameEndpoint(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function judgeEndpoint(c: Extract<Case, { scorer: 'judge' }>, clients: Map<string, ModelClient>, defaults?: JudgeDefaults): JudgeEndpoint {
  const own = c.judge;
  const params = own?.params ?? {};
  if (own?.baseUrl) {
    const timeoutMs = defaults?.timeoutMs ?? JUDGE_TIMEOUT_MS;
    // The run's own endpoint keeps the run's client (and key); any other gets only what the command line named.
    const client =
      defaults && sameEndpoint(own.baseUrl, defaults.baseUrl)
        ? defaults.client
        : (clients.get(own.baseUrl) ?? createModelClient({ baseUrl: own.baseUrl, apiKey: judgeKey(defaults), timeoutMs, maxRetries: JUDGE_MAX_RETRIES }));
    const clientKey = own.baseUrl;
    clients.set(clientKey, client);
    const model = own.model ?? defaults?.model;
    if (!model) throw invalidInput(`case ${c.id}: the judge at ${own.baseUrl} needs a model (judge.model).`);
    return {
      client,
      baseUrl: own.baseUrl,
      model,
      params,
      timeoutMs,
      ...(defaults?.signal && { signal: defaults.signal }),
      ...(defaults?.cache && { cache: defaults.cache }),
    };
  }
  if (!defaults) throw invalidInput(`case ${c.id} uses the judge scorer, but no endpoint is set for the judge: give judge.baseUrl in the suite.`);
  return { ...defaults, model: own?.model ?? defaults.model, params };
}
