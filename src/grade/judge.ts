// The judge grader: another model grades a final answer against `expected` with a rubric, parsed strictly.
import { withDeadline } from '../model/deadline.js';
import type { ModelClient } from '../model/openai.js';
import { splitReasoning } from '../model/reasoning.js';
import type { ResponseCache } from '../run/cache.js';
import type { Case, ChatMessage, Params } from '../schema/suite.js';
import { questionText } from '../score/question.js';
import type { Verdict } from '../score/scorer.js';

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

export const DEFAULT_RUBRIC =
  'The answer is correct when it states the same final result as the reference answer; wording, formatting and extra explanation do not matter.';
const VERDICT_LINE = /^[\s*_>#-]*verdict\s*[:=]\s*[*_]*\s*(correct|incorrect)\s*[*_.]*\s*$/gim;
/** A reply without a verdict line is asked again, this many times in all. */
const JUDGE_ATTEMPTS = 2;

/** The grading prompt: question, reference, rubric, answer, and the one line the verdict must take. */
export function judgeMessages(c: JudgeCase, answer: string): ChatMessage[] {
  return [
    { role: 'system', content: 'You are a strict grader. You compare an answer with a reference answer and follow the rubric exactly.' },
    {
      role: 'user',
      content: [
        `Question:\n${questionText(c)}`,
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
  const last = [...answerText.matchAll(VERDICT_LINE)].at(-1)?.[1];
  return last === undefined ? null : last.toLowerCase() === 'correct';
}

/** Asks the judge about one answer (cached like any request); its reply is kept as the judgement. */
export async function judgeAnswer(c: JudgeCase, answer: string, judge: JudgeEndpoint): Promise<Verdict> {
  const messages = judgeMessages(c, answer);
  for (let attempt = 0; attempt < JUDGE_ATTEMPTS; attempt++) {
    const key = { baseUrl: judge.baseUrl, model: judge.model, params: judge.params, messages, sampleIndex: attempt };
    const reply =
      (await judge.cache?.get(key)) ??
      (await judge.client.chat({ model: judge.model, messages, params: judge.params, stream: false, signal: withDeadline(judge.signal, judge.timeoutMs) }));
    const verdict = parseVerdict(reply.content);
    if (verdict !== null) {
      await judge.cache?.set(key, reply);
      return { correct: verdict, judgement: reply.content };
    }
  }
  throw new Error(`the judge (${judge.model}) gave no "VERDICT: CORRECT" or "VERDICT: INCORRECT" line`);
}
