// The shape of the data embedded in an HTML report: what the page script reads, nothing more.

/** One sample as the page shows it (embedded as SampleColumns, read back by `page.sample`). */
export interface PageSample {
  index: number;
  outcome: string;
  answer: string | null;
  correct: boolean;
  /** The extraction rule that found the answer, when the result says. */
  rule: string | null;
  /**
   * Where in `content` the answer was read, counted from the end: characters after the span, and its
   * length. Answers come last, so this is mostly [0, n], which packs smaller than offsets. Null when unknown.
   */
  span: [fromEnd: number, length: number] | null;
  /** Length of the reasoning as the result holds it, before any cut. */
  reasoningChars: number;
  /** Characters cut from the middle of the reasoning (--max-reasoning-chars), and where the cut is. */
  trimmed: { chars: number; at: number } | null;
  reasoningSource: string | null;
  finishReason: string | null;
  latencyMs: number;
  firstTokenMs: number | null;
  usage: { prompt: number; completion: number; reasoning: number; total: number } | null;
  error: { code: string; message: string } | null;
  forced: boolean;
  cached: boolean;
  score: number | null;
}

/**
 * Every sample of every run, in order, one array per field (struct of arrays): no key repeats per
 * sample, a field with one value throughout is stored once, and a field of strings (outcome, rule,
 * answer, finish reason) holds indices into one table of the distinct strings.
 */
export interface SampleColumns {
  count: number;
  strings: string[];
  /** The fields whose values are indices into `strings` (null stays null). */
  tabled: string[];
  /** The fields with one value for every sample. */
  uniform: Record<string, unknown>;
  columns: Record<string, unknown[]>;
}

/** One case row; its samples are a range of SampleColumns (and of the texts). */
export interface PageCase {
  id: string;
  tags: string[];
  expected: string;
  answer: string | null;
  correct: boolean;
  tie: boolean;
  /** What the case earned toward accuracy (fractional for ties); null when it has no samples. */
  credit: number | null;
  /** Distinct answers with their counts, most votes first, and whether each is right. */
  votes: { answer: string; count: number; correct: boolean }[];
  /** Samples that cast no vote (no answer, truncated, failed). */
  abstained: number;
  margin: number;
  tokens: number;
  /** Median latency of the case's samples. */
  latencyMs: number;
  truncated: number;
  forced: number;
  errors: number;
  /** The case's samples are `sampleCount` samples from `firstSample` on, in SampleColumns and the texts alike. */
  firstSample: number;
  sampleCount: number;
}

/** A point of a k-curve with its 95% band over cases. */
export interface CurvePoint {
  k: number;
  value: number;
  low: number | null;
  high: number | null;
}

/** One result file. */
export interface PageRun {
  file: string;
  label: string;
  suite: string;
  model: string;
  baseUrl: string;
  simulated: boolean;
  complete: boolean;
  selection: string;
  params: Record<string, unknown>;
  adaptations: { param: string; action: string; reason: string }[];
  startedAt: string;
  finishedAt: string;
  rescoredAt: string | null;
  tool: string;
  summary: {
    cases: number;
    samples: number;
    accuracy: number;
    ci95: [number, number] | null;
    pass1: number;
    errors: number;
    noAnswer: number;
    truncated: number;
    ties: number;
    forced: number;
    rightInReasoning: number;
    collapsed: string[];
    tokens: { prompt: number; completion: number; reasoning: number; total: number };
    latencyMs: { mean: number; p50: number; p95: number };
    /** Cost in US dollars, where the result knows it. */
    costUsd: number | null;
    /** Mean reasoning tokens per sampled case: the x of the scaling plot. */
    reasoningTokensPerCase: number;
  };
  majAtK: CurvePoint[];
  passAtK: CurvePoint[];
  cases: PageCase[];
}

/** A case whose verdict flipped between the base and a candidate. */
export interface PageFlip {
  id: string;
  direction: 'regressed' | 'improved';
  before: { answer: string | null; votes: string; credit: number | null };
  after: { answer: string | null; votes: string; credit: number | null };
}

/** The base against one candidate. */
export interface PagePair {
  base: number;
  candidate: number;
  pairedCases: number;
  accuracy: { base: number; candidate: number; delta: number };
  pass1: { base: number; candidate: number; delta: number };
  ci95Delta: [number, number] | null;
  mcnemar: { b: number; c: number; pValue: number };
  /** The paired test the verdict comes from, when the comparison names one (else the verdict is McNemar's). */
  test: { statistic: string; method: string; pValue: number; interval: [number, number] | null } | null;
  verdict: string;
  flips: PageFlip[];
  warnings: string[];
}

/** The leaderboard row of one run. */
export interface PageRank {
  rank: number;
  run: number;
  accuracy: number;
  ci95: [number, number] | null;
  pass1: number;
  majAtK: { k: number; value: number } | null;
  tokensPerCorrect: number | null;
  latencyP50Ms: number;
  best: boolean;
}

/** A sample's long texts, kept apart so the first screen never waits for them: content, reasoning, judgement. */
export type SampleTexts = [content: string, reasoning: string, judgement: string | null];

/** What the page embeds: the data, and the samples' texts (in sample order) in blocks of their own. */
export interface ReportPayload {
  data: ReportData;
  texts: SampleTexts[];
}

/** Everything the page shows, and nothing it does not. */
export interface ReportData {
  maxReasoningChars: number | null;
  runs: PageRun[];
  samples: SampleColumns;
  comparison: { alpha: number; pairs: PagePair[]; leaderboard: PageRank[] } | null;
}
