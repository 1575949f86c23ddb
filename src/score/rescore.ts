// Re-scoring: extraction, voting and metrics run again on a result's saved samples, without calling the model.
import { splitReasoning } from '../model/reasoning.js';
import type { Result } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import { readAnswer } from './score-sample.js';
import { scoreCase } from './score-case.js';
import type { ScorerFactory } from './scorer.js';
import { summarize } from './summarize.js';

/** What a re-score changed, sample by sample. */
export interface RescoreChanges {
  answers: number;
  verdicts: number;
  /** Case ids of the result that the suite no longer has: left out of the new result. */
  missingCases: string[];
}

/**
 * The result re-scored with the suite's current cases and this code's scorers. Failed samples stay
 * failed; every other sample is read again from its saved content.
 */
export async function rescoreResult(result: Result, suite: Suite, scorerFor: ScorerFactory): Promise<{ result: Result; changes: RescoreChanges }> {
  const changes: RescoreChanges = { answers: 0, verdicts: 0, missingCases: [] };
  const byId = new Map(suite.cases.map((c) => [c.id, c]));
  const scored = [];
  for (const saved of result.cases) {
    const c = byId.get(saved.id);
    if (!c) {
      changes.missingCases.push(saved.id);
      continue;
    }
    const scorer = scorerFor(c);
    const samples = [];
    for (const sample of saved.samples) {
      if (sample.outcome === 'error') {
        samples.push(sample);
        continue;
      }
      const { rightInReasoning: _stale, judgement: _old, ...rest } = sample;
      // The saved reasoning is whole (fields and <think> spans); the content is split again for its answer text.
      const { answerText, unterminated } = splitReasoning(sample.content);
      const reading = await readAnswer(scorer, { answerText, unterminated, reasoning: sample.reasoning }, sample.finishReason);
      if (reading.answer !== sample.answer) changes.answers++;
      if (reading.correct !== sample.correct) changes.verdicts++;
      samples.push({ ...rest, ...reading });
    }
    scored.push(scoreCase(c, samples, result.selection));
  }
  return {
    result: {
      ...result,
      suite: { name: suite.name, path: suite.path, sha256: suite.sha256 },
      rescoredAt: new Date().toISOString(),
      summary: summarize(scored, result.selection),
      cases: scored.map((s) => s.result),
    },
    changes,
  };
}
