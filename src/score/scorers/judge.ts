// The judge scorer: another model grades the final answer against `expected` with a rubric, parsed strictly.
import type { ModelClient } from '../../model/openai.js';
import { splitReasoning } from '../../model/reasoning.js';
import type { ResponseCache } from '../../run/cache.js';
import { withDeadline } from '../../model/deadline.js';
import type { Case, ChatMessage, Params } from '../../schema/suite.js';
import { finalAnswerText } from '../extract.js';
import { questionText } from '../question.js';
import type { Scorer } from '../scorer.js';
import { collapseAnswerText } from './regex.js';

type JudgeCase = Extract<Case, { scorer: 'judge' }>;

export interface JudgeEndpoint {
  client: ModelClient;
  baseUrl: string;
  model: string;
  params: Params;
  cache?: ResponseCache;
  timeoutMs: number;
  /** The run's signal: Ctrl-C and the time budget cancel judge requests too. */
  signal?: AbortSignal;
}

export const DEFAULT_RUBRIC = 'The answer is correct when it states the same final result as the reference answer; wording, formatting and extra explanation do not matter.';
const VERDICT_LINE = /^[\s*_>#-]*verdict\s*[:=]\s*[*_]*\s*(correct|incorrect)\s*[*_.]*\s*$/gim;
/** A reply without a verdict line is asked again, this many times in all. */
const JUDGE_ATTEMPTS = 2;

/** The grading prompt: question, reference, rubric, answer, and the one line the verdict must take. */
export function judgeMessages(c: JudgeCase, answer: string): ChatMessage[] {
  const question = questionText(c);
  return [
    { role: 'system', content: 'You are a strict grader. You compare an answer with a reference answer and follow the rubric exactly.' },
    {
      role: 'user',
      content: [
        `Question:\n${question}`,
        `Reference answer:\n${String(c.expected)}`,
        `Rubric:\n${c.rubric ?? DEFAULT_RUBRIC}`,
        `Answer to grade:\n${answer}`,
        'Is the answer to grade correct? Explain briefly, then end with exactly one line: VERDICT: CORRECT or VERDICT: INCORRECT',
      ].join('\n\n'),
    },
  ];
}

/** The verdict of a judge reply: the last VERDICT line of its answer text; null when there is none. */
export function parseVerdict(reply: string): boolean | null {
  const { answerText } = splitReasoning(reply);
  const verdicts = [...answerText.matchAll(VERDICT_LINE)];
  const last = verdicts.at(-1)?.[1];
  return last === undefined ? null : last.toLowerCase() === 'correct';
}

/** A judge scorer: one judge request per distinct answer, cached like any request, its reply kept. */
export function judgeScorer(c: JudgeCase, judge: JudgeEndpoint): Scorer {
  const verdicts = new Map<string, Promise<boolean>>();
  const replies = new Map<string, string>();
  const grade = async (answer: string): Promise<boolean> => {
    const messages = judgeMessages(c, answer);
    for (let attempt = 0; attempt < JUDGE_ATTEMPTS; attempt++) {
      const key = { baseUrl: judge.baseUrl, model: judge.model, params: judge.params, messages, sampleIndex: attempt };
      const reply =
        (await judge.cache?.get(key)) ??
        (await judge.client.chat({ model: judge.model, messages, params: judge.params, stream: false, signal: withDeadline(judge.signal, judge.timeoutMs) }));
      const verdict = parseVerdict(reply.content);
      replies.set(answer, reply.content);
      if (verdict !== null) {
        await judge.cache?.set(key, reply);
        return verdict;
      }
    }
    throw new Error(`the judge (${judge.model}) gave no "VERDICT: CORRECT" or "VERDICT: INCORRECT" line`);
  };
  return {
    extract(text) {
      const span = finalAnswerText(text);
      return span === null ? null : collapseAnswerText(span) || null;
    },
    isCorrect(answer) {
      let verdict = verdicts.get(answer);
      if (!verdict) {
        // A failed grading is not remembered: the next sample with this answer asks again.
        verdict = grade(answer).catch((error: unknown) => {
          verdicts.delete(answer);
          throw error;
        });
        verdicts.set(answer, verdict);
      }
      return verdict;
    },
    judgement: (answer) => replies.get(answer),
  };
}
