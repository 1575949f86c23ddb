// Turns result files into the page's data: rows, samples, curves, the comparison. Pure.
import { compareResults, type CaseChange, type LoadedResult } from '../../compare/compare.js';
import { buildLeaderboard } from '../../compare/leaderboard.js';
import type { CaseResult, Result, Sample } from '../../schema/result.js';
import { curvesOf } from './curves.js';
import type { PageCase, PagePair, PageRun, PageSample, ReportData, ReportPayload, SampleTexts } from './data.js';
import { costUsdOf, creditOf, pairedTestOf, reasoningSourceOf, ruleOf, spanOf } from './fields.js';
import { runLabels } from './labels.js';
import { packSamples } from './sample-columns.js';
import { cutReasoning } from './trim.js';

/** How to build the data: the reasoning budget per sample and the comparison's significance level. */
export interface ReportDataOptions {
  maxReasoningChars?: number | null;
  alpha?: number;
}

/** The page data for one or more result files; with two or more, the first is the comparison's base. */
export function buildReportData(runs: readonly LoadedResult[], options: ReportDataOptions = {}): ReportPayload {
  const maxReasoningChars = options.maxReasoningChars ?? null;
  const alpha = options.alpha ?? 0.05;
  const labels = runLabels(runs);
  const sink: SampleSink = { maxReasoningChars, samples: [], texts: [] };
  const pageRuns = runs.map((run, i) => pageRun(run, labels[i]!, sink));
  const data: ReportData = {
    maxReasoningChars,
    runs: pageRuns,
    samples: packSamples(sink.samples),
    comparison: runs.length > 1 ? comparison(runs, alpha) : null,
  };
  return { data, texts: sink.texts };
}

/** The reasoning budget, and the lists each sample and its texts are appended to (the same index in both). */
interface SampleSink {
  maxReasoningChars: number | null;
  samples: PageSample[];
  texts: SampleTexts[];
}

function pageRun({ file, result }: LoadedResult, label: string, sink: SampleSink): PageRun {
  const s = result.summary;
  const sampled = result.cases.filter((c) => c.samples.length > 0).length;
  const forced = result.cases.reduce((n, c) => n + c.samples.filter((x) => x.forced).length, 0);
  return {
    file,
    label,
    suite: result.suite.name,
    model: result.model,
    baseUrl: result.baseUrl,
    simulated: result.simulated,
    complete: result.complete,
    selection: result.selection,
    params: result.params,
    adaptations: result.adaptations,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    rescoredAt: result.rescoredAt ?? null,
    tool: `${result.tool.name} ${result.tool.version}`,
    summary: {
      cases: s.cases,
      samples: s.samples,
      accuracy: s.accuracy,
      ci95: s.ci95 ?? null,
      pass1: s.pass1,
      errors: s.errors,
      noAnswer: s.noAnswer,
      truncated: s.truncated,
      ties: s.ties,
      forced,
      rightInReasoning: s.rightInReasoning ?? 0,
      collapsed: s.collapsed ?? [],
      tokens: tokens(s.usage),
      latencyMs: s.latencyMs,
      costUsd: costUsdOf(result),
      reasoningTokensPerCase: sampled ? s.usage.reasoningTokens / sampled : 0,
    },
    ...curvesOf(result),
    cases: result.cases.map((c) => pageCase(c, sink)),
  };
}

function pageCase(c: CaseResult, sink: SampleSink): PageCase {
  const verdicts = new Map<string, boolean>();
  for (const s of c.samples) if (s.answer !== null) verdicts.set(s.answer, s.correct);
  const votes = Object.entries(c.votes)
    .map(([answer, count]) => ({ answer, count, correct: verdicts.get(answer) ?? false }))
    .sort((a, b) => b.count - a.count);
  const voted = votes.reduce((n, v) => n + v.count, 0);
  const latencies = c.samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const firstSample = sink.samples.length;
  for (const s of [...c.samples].sort((a, b) => a.index - b.index)) addSample(s, sink);
  return {
    id: c.id,
    tags: c.tags,
    expected: String(c.expected),
    answer: c.answer,
    correct: c.correct,
    tie: c.tie,
    credit: creditOf(c),
    votes,
    abstained: Math.max(0, c.samples.length - voted),
    margin: c.margin,
    tokens: c.samples.reduce((n, s) => n + (s.usage?.totalTokens ?? 0), 0),
    latencyMs: latencies.length ? latencies[Math.floor((latencies.length - 1) / 2)]! : 0,
    truncated: c.samples.filter((s) => s.outcome === 'truncated').length,
    forced: c.samples.filter((s) => s.forced).length,
    errors: c.samples.filter((s) => s.outcome === 'error').length,
    firstSample,
    sampleCount: c.samples.length,
  };
}

function addSample(s: Sample, sink: SampleSink): void {
  const reasoning = cutReasoning(s, sink.maxReasoningChars);
  const span = spanOf(s);
  sink.texts.push([s.content, reasoning.text, s.judgement ?? null]);
  sink.samples.push({
    index: s.index,
    outcome: s.outcome,
    answer: s.answer,
    correct: s.correct,
    rule: ruleOf(s),
    span: span && [s.content.length - span[1], span[1] - span[0]],
    reasoningChars: reasoning.text.length + (reasoning.trimmed?.chars ?? 0),
    trimmed: reasoning.trimmed,
    reasoningSource: reasoningSourceOf(s),
    finishReason: s.finishReason,
    latencyMs: s.latencyMs,
    firstTokenMs: s.firstTokenMs ?? null,
    usage: s.usage ? tokens(s.usage) : null,
    error: s.error && { code: s.error.code, message: s.error.message },
    forced: s.forced ?? false,
    cached: s.cached ?? false,
    score: s.score ?? null,
  });
}

function tokens(u: Result['summary']['usage']) {
  return { prompt: u.promptTokens, completion: u.completionTokens, reasoning: u.reasoningTokens, total: u.totalTokens };
}

function comparison(runs: readonly LoadedResult[], alpha: number): NonNullable<ReportData['comparison']> {
  const [base, ...candidates] = runs as [LoadedResult, ...LoadedResult[]];
  const compared = compareResults(base, candidates, { alpha });
  const pairs: PagePair[] = compared.candidates.map((c, i) => ({
    base: 0,
    candidate: i + 1,
    pairedCases: c.pairedCases,
    accuracy: c.accuracy,
    pass1: c.pass1,
    ci95Delta: c.ci95Delta,
    mcnemar: { b: c.mcnemar.b, c: c.mcnemar.c, pValue: c.mcnemar.pValue },
    test: pairedTestOf(c),
    verdict: c.verdict,
    flips: [...c.regressed.map((x) => flip(x, 'regressed')), ...c.improved.map((x) => flip(x, 'improved'))],
    warnings: c.warnings,
  }));
  const leaderboard = buildLeaderboard(runs).map(({ file, model, ...row }) => ({
    ...row,
    run: runs.findIndex((r) => r.file === file && r.result.model === model),
  }));
  return { alpha, pairs, leaderboard };
}

function flip(change: CaseChange, direction: 'regressed' | 'improved') {
  const side = (s: CaseChange['before']) => {
    const credit = (s as { credit?: unknown }).credit;
    return { answer: s.answer, votes: voteText(s.votes, s.samples), credit: typeof credit === 'number' ? credit : null };
  };
  return { id: change.id, direction, before: side(change.before), after: side(change.after) };
}

function voteText(votes: Record<string, number>, samples: number): string {
  const top = Object.values(votes).reduce((a, b) => Math.max(a, b), 0);
  return `${top}/${samples}`;
}
