// Zod schemas for the result file: the single source of the Result, CaseResult and Sample types.
import { z } from 'zod';
import { AdaptiveCertificate } from '../adaptive/certificate.js';
import { Price, PriceSource } from '../cost/price.js';
import { SCORER_NAMES } from './suite.js';

/** Token counts in OpenAI's convention: completion tokens include reasoning tokens. */
export const Usage = z.object({
  promptTokens: z.number(),
  completionTokens: z.number(),
  reasoningTokens: z.number(),
  totalTokens: z.number(),
  /** Prompt tokens the provider served from its cache (billed at the cached rate), when it says. */
  cachedTokens: z.number().optional(),
});
export type Usage = z.infer<typeof Usage>;

/** How a sample ended: an answer, a reply with no answer, cut off by the token limit, or a failed request. */
export const OUTCOMES = ['answered', 'no_answer', 'truncated', 'error'] as const;
export const Outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof Outcome>;

export const SampleError = z.object({ code: z.string(), message: z.string() });
export type SampleError = z.infer<typeof SampleError>;

/** Where a sample's reasoning came from: a reasoning field, `<think>` tags in the content, an unclosed `<think>`, or nowhere. */
export const REASONING_SOURCES = ['none', 'field', 'think', 'unterminated'] as const;
export const ReasoningSource = z.enum(REASONING_SOURCES);
export type ReasoningSource = z.infer<typeof ReasoningSource>;

/**
 * One sample as collected: the reply split once into its answer text (`content`) and its
 * reasoning, with where the reasoning came from, so the raw reply can be rebuilt for re-scoring.
 * Nothing here depends on the scorer: the journal stores exactly this.
 */
export const RawSample = z.object({
  index: z.number().int().nonnegative(),
  /** The reply's text outside its reasoning: all the scorers ever read. */
  content: z.string(),
  reasoning: z.string(),
  reasoningSource: ReasoningSource,
  finishReason: z.string().nullable(),
  /** Set when the request failed (timeout, HTTP error): the sample has no reply to read. */
  error: SampleError.nullable(),
  latencyMs: z.number(),
  firstTokenMs: z.number().nullable().optional(),
  usage: Usage.nullable(),
  /** The answer was asked for when the sample's time ran out (--on-timeout answer). */
  forced: z.boolean().optional(),
  /** The reply came from the response cache (--cache), not from the endpoint. */
  cached: z.boolean().optional(),
});
export type RawSample = z.infer<typeof RawSample>;

/** One sample scored: the raw sample, the answer read from it, how it was found, and its verdict. */
export const Sample = RawSample.extend({
  outcome: Outcome,
  answer: z.string().nullable(),
  correct: z.boolean(),
  /** The extraction rule that found the answer (`boxed`, `marker`, ...), and the text it read. */
  rule: z.string().optional(),
  span: z.string().optional(),
  /** The final answer is wrong, but the reasoning's last conclusion was right. */
  rightInReasoning: z.boolean().optional(),
  /** A judge model's reply on this sample's answer (judge scorer). */
  judgement: z.string().optional(),
  /** The verifier's score of this sample's answer (--select best-of-n). */
  score: z.number().optional(),
  /** What the request cost in dollars; null when its price or usage is unknown (never 0 for unknown). */
  costUsd: z.number().nullable().optional(),
});
export type Sample = z.infer<typeof Sample>;

/** One case: the majority answer, its verdict, the vote and every finished sample. */
export const CaseResult = z.object({
  id: z.string(),
  scorer: z.enum(SCORER_NAMES),
  expected: z.union([z.string(), z.number(), z.boolean()]).optional(),
  tags: z.array(z.string()),
  answer: z.string().nullable(),
  correct: z.boolean(),
  tie: z.boolean(),
  votes: z.record(z.string(), z.number()),
  margin: z.number(),
  agreement: z.number(),
  /** What the case earns toward accuracy: 1 or 0, or for a tie the share of tied answers that are correct. */
  credit: z.number().min(0).max(1),
  /** The messages sent for this case, so the result reads without its suite. */
  messages: z.array(z.object({ role: z.string(), content: z.string() })).optional(),
  /** With --adaptive: where the case's vote was decided (or the cap reached), replayed from its samples in index order. */
  adaptive: AdaptiveCertificate.optional(),
  /** The case's samples' cost in dollars; null when any is unknown. */
  costUsd: z.number().nullable().optional(),
  samples: z.array(Sample),
});
export type CaseResult = z.infer<typeof CaseResult>;

/** Figures keyed by k (as a string: "1", "2", "4", ...). */
const ByK = z.record(z.string(), z.number());

export const TagSummary = z.object({ cases: z.number(), accuracy: z.number(), pass1: z.number() });
export type TagSummary = z.infer<typeof TagSummary>;

export const Summary = z.object({
  cases: z.number(),
  samples: z.number(),
  accuracy: z.number(),
  pass1: z.number(),
  errors: z.number(),
  noAnswer: z.number(),
  truncated: z.number(),
  ties: z.number(),
  usage: Usage,
  latencyMs: z.object({ mean: z.number(), p50: z.number(), p95: z.number() }),
  /** maj@k: expected majority-vote accuracy with k samples, averaged over all k-subsets. */
  majAtK: ByK.optional(),
  /** pass@k: chance that at least one of k samples is right (Chen et al. 2021, unbiased). */
  passAtK: ByK.optional(),
  /** 95% interval for accuracy over a new draw of cases from the same population (Wilson on case credits); absent from fewer than two cases. */
  ci95: z.tuple([z.number(), z.number()]).optional(),
  /** 95% interval for the same cases asked again: a two-stage bootstrap (cases, then samples within each, re-voted). */
  ci95SameCases: z.tuple([z.number(), z.number()]).optional(),
  byTag: z.record(z.string(), TagSummary).optional(),
  /** Wrong final answers whose reasoning had reached the right one. */
  rightInReasoning: z.number().optional(),
  /** Cases whose samples are all byte-identical (a fixed seed, a caching server): their vote means nothing. */
  collapsed: z.array(z.string()).optional(),
  /** best-of-k (best-of-n runs): the chance the verifier's pick among k samples is right, averaged over k-subsets. */
  bestOfK: ByK.optional(),
  /** Dollars: what the finished samples cost (known ones), how many had no known price, and per correct case. */
  cost: z.object({ totalUsd: z.number().nullable(), unknownSamples: z.number(), perCorrectUsd: z.number().nullable() }).optional(),
  /** With --adaptive: samples drawn against the cap, and cases whose vote was decided before it. */
  adaptive: z.object({ samplesUsed: z.number(), samplesCap: z.number(), decided: z.number() }).optional(),
});
export type Summary = z.infer<typeof Summary>;

/** A parameter the endpoint refused and what the run did about it. */
export const Adaptation = z.object({ param: z.string(), action: z.string(), reason: z.string() });
export type Adaptation = z.infer<typeof Adaptation>;

/** How a case's answer is chosen from its samples. */
export const SELECTIONS = ['majority', 'best-of-n'] as const;
export type Selection = (typeof SELECTIONS)[number];

/** The layout a whole result in one JSON file has; a file whose samples are in a sidecar is SPLIT_SCHEMA_VERSION. */
export const SCHEMA_VERSION = 1;
/** A result whose samples are in a JSONL sidecar beside it: its cases carry no `samples` (src/result/writer.ts). */
export const SPLIT_SCHEMA_VERSION = 2;

/** The result file. Fields are only ever added; a rename is a new schemaVersion. */
export const Result = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({ name: z.literal('thinkbench'), version: z.string() }),
  suite: z.object({ name: z.string(), path: z.string(), sha256: z.string() }),
  model: z.string(),
  baseUrl: z.string(),
  simulated: z.boolean(),
  params: z.record(z.string(), z.unknown()),
  samples: z.number(),
  concurrency: z.number(),
  timeoutMs: z.number(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Set by `thinkbench rescore`: when the samples were read again. */
  rescoredAt: z.string().optional(),
  complete: z.boolean(),
  /** How each case's answer was chosen: the majority vote, or the sample a verifier scored highest. */
  selection: z.enum(SELECTIONS).default('majority'),
  adaptations: z.array(Adaptation),
  /** --adaptive: a case stopped once P(leader's rate > runner-up's) reached `confidence`. */
  adaptive: z.object({ confidence: z.number(), minSamples: z.number() }).optional(),
  /** Several --base-url replicas: requests, failures and mean latency per endpoint (no credentials). */
  endpoints: z.array(z.object({ baseUrl: z.string(), requests: z.number(), errors: z.number(), meanLatencyMs: z.number().nullable() })).optional(),
  /** --batch: the provider's batches that answered the run, and the share of the list price batch tokens cost. */
  batch: z.object({ ids: z.array(z.string()), priceFactor: z.number() }).optional(),
  /** How code cases' programs were isolated when they ran (--allow-code-execution): bubblewrap, or separate processes only. */
  codeIsolation: z.enum(['bubblewrap', 'process']).optional(),
  /** --shard i/n: this file holds shard `index` of `count`; `thinkbench merge` joins them. */
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  /** The price the run's model was billed at and where it came from; null when unknown. */
  pricing: z.object({ price: Price, source: PriceSource }).nullable().optional(),
  summary: Summary,
  cases: z.array(CaseResult),
});
export type Result = z.infer<typeof Result>;

/**
 * A sample without its texts: what summaries of a run already scored, comparisons, gates and JUnit
 * read. A run keeps one per sample, so it holds only these fields.
 */
export type SampleView = Pick<Sample, 'index' | 'outcome' | 'answer' | 'correct' | 'error' | 'latencyMs' | 'usage' | 'score' | 'costUsd'>;

/**
 * The sample's view. Built field by field, not with a rest spread: an object of one fixed shape
 * takes about a third of the memory, which counts for a run of a million samples.
 */
export function toSampleView(s: Sample): SampleView {
  return {
    index: s.index,
    outcome: s.outcome,
    answer: s.answer,
    correct: s.correct,
    error: s.error,
    latencyMs: s.latencyMs,
    usage: s.usage,
    score: s.score,
    costUsd: s.costUsd,
  };
}
/** A case without its samples: what a split result file's head holds. */
export type CaseHead = Omit<CaseResult, 'samples'>;
export type CaseView = CaseHead & { samples: SampleView[] };
/** A result with its samples' texts left on disk: a run of any size fits in memory this way. */
export type ResultView = Omit<Result, 'cases'> & { cases: CaseView[] };

/** The sidecar a split result names: its file (beside the head) and how many sample lines it holds. */
export const SamplesFile = z.object({ path: z.string(), samples: z.number().int().nonnegative() });

/** The head of a split result (schemaVersion 2): the same fields, cases without samples, and where the samples are. */
export const SplitResultHead = Result.omit({ schemaVersion: true, cases: true }).extend({
  schemaVersion: z.literal(SPLIT_SCHEMA_VERSION),
  samplesFile: SamplesFile,
  cases: z.array(CaseResult.omit({ samples: true })),
});
export type SplitResultHead = z.infer<typeof SplitResultHead>;

/** One line of a sidecar (and of a journal): a case id and one of its samples. */
export const SampleLine = z.object({ caseId: z.string(), sample: Sample });
