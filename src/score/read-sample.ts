// Turns one collected sample into a scored one: read its answer, look up or decide its verdict.
import type { RawSample, Sample } from '../schema/result.js';
import type { Reading, Scorer, Verdict } from './scorer.js';

/** The finish reason of a reply the client cut at its size cap (src/model/openai.ts). */
const MAX_REPLY_BYTES = 'max_reply_bytes';

/** The verdict the grading stage gave an answer of this case, if any. */
export type VerdictLookup = (answer: string) => Verdict | undefined;

/**
 * Reads a sample's answer from its answer text (never its reasoning). A failed request stays an
 * error; a reply with no answer is `no_answer`, or `truncated` when the token limit cut it off. A
 * scorer that throws, or a graded answer the grading stage could not decide, makes the sample an
 * error `grading_failed`, never a crashed run. When a wrong answer's reasoning reached the right
 * one (judged by a scorer that decides alone), that is noted.
 */
export function readSample(scorer: Scorer, raw: RawSample, verdictOf: VerdictLookup, score?: number): Sample {
  const scored = { ...raw, ...(score !== undefined && { score }) };
  if (raw.error) return { ...scored, outcome: 'error', answer: null, correct: false };
  let reading: Reading | null;
  try {
    reading = raw.reasoningSource === 'unterminated' ? null : scorer.read(raw.content);
  } catch (error) {
    return { ...scored, outcome: 'error', answer: null, correct: false, error: gradingFailed(error) };
  }
  if (reading === null) return { ...scored, outcome: raw.finishReason === 'length' ? 'truncated' : 'no_answer', answer: null, correct: false };
  // A reply cut at --max-reply-bytes was never finished: whatever it said last is not its answer.
  if (raw.finishReason === MAX_REPLY_BYTES) return { ...scored, outcome: 'truncated', answer: null, correct: false };
  const verdict = decide(scorer, reading.answer, verdictOf);
  const group = 'group' in verdict ? verdict.group : undefined;
  const found = { answer: group ?? reading.answer, rule: reading.rule, span: reading.span };
  if ('error' in verdict) return { ...scored, ...found, outcome: 'error', correct: false, error: verdict.error };
  return {
    ...scored,
    ...found,
    outcome: 'answered',
    correct: verdict.correct,
    ...(verdict.judgement !== undefined && { judgement: verdict.judgement }),
    ...(!verdict.correct && rightInReasoning(scorer, raw.reasoning) && { rightInReasoning: true }),
  };
}

function decide(scorer: Scorer, answer: string, verdictOf: VerdictLookup): Verdict {
  if (!scorer.isCorrect)
    return verdictOf(answer) ?? { error: { code: 'not_graded', message: `"${answer}" was not graded (rescore --regrade asks the grader)` } };
  try {
    return { correct: scorer.isCorrect(answer) };
  } catch (error) {
    return { error: gradingFailed(error) };
  }
}

function gradingFailed(error: unknown): { code: string; message: string } {
  return { code: 'grading_failed', message: error instanceof Error ? error.message : String(error) };
}

// The last answer the reasoning reached, judged like a final answer; only for scorers that decide alone.
function rightInReasoning(scorer: Scorer, reasoning: string): boolean {
  if (!reasoning || !scorer.isCorrect) return false;
  try {
    const reading = scorer.read(
      reasoning
        .trim()
        .split(/\n\s*\n/)
        .at(-1) ?? '',
    );
    return reading !== null && scorer.isCorrect(reading.answer);
  } catch {
    return false; // a diagnostic only: a scorer that fails on reasoning text changes no verdict
  }
}
