// Verifiers for best-of-N: a model that scores a proposed answer 0-10 without the reference, or a module.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { invalidInput } from '../errors.js';
import { withDeadline } from '../model/deadline.js';
import type { ModelClient } from '../model/openai.js';
import { splitReasoning } from '../model/reasoning.js';
import type { Verifier } from '../score/scorer.js';
import type { ResponseCache } from '../run/cache.js';

const SCORE_LINE = /^[\s*_>#-]*score\s*[:=]\s*[*_]*\s*(\d+(?:\.\d+)?)\s*(?:\/\s*10)?\s*[*_.]*\s*$/gim;

/** The score of a verifier reply: its last `SCORE: n` line, or NaN when there is none. */
export function parseScore(reply: string): number {
  const last = [...splitReasoning(reply).answerText.matchAll(SCORE_LINE)].at(-1)?.[1];
  return last === undefined ? Number.NaN : Number(last);
}

/** A model as verifier: it sees the question and the proposed answer, never the expected one. */
export function modelVerifier(endpoint: {
  client: ModelClient;
  baseUrl: string;
  model: string;
  cache?: ResponseCache;
  timeoutMs: number;
  signal?: AbortSignal;
}): Verifier {
  const scores = new Map<string, Promise<number>>();
  const ask = async (question: string, answer: string) => {
    const messages = [
      {
        role: 'user' as const,
        content: `Question:\n${question}\n\nProposed answer:\n${answer}\n\nHow likely is the proposed answer to be correct? Check it, then end with exactly one line: SCORE: <0-10>`,
      },
    ];
    const key = { baseUrl: endpoint.baseUrl, model: endpoint.model, params: {}, messages, sampleIndex: 0 };
    const reply =
      (await endpoint.cache?.get(key)) ??
      (await endpoint.client.chat({ model: endpoint.model, messages, params: {}, stream: false, signal: withDeadline(endpoint.signal, endpoint.timeoutMs) }));
    const score = parseScore(reply.content);
    if (!Number.isNaN(score)) await endpoint.cache?.set(key, reply);
    return score;
  };
  return {
    score({ question, answer }) {
      const key = `${question}\u0000${answer}`;
      let score = scores.get(key);
      if (!score) {
        score = ask(question, answer).catch(() => Number.NaN);
        scores.set(key, score);
      }
      return score;
    },
  };
}

/** A module as verifier: it exports `score({ question, answer, content, reasoning })` returning a number. */
export async function moduleVerifier(path: string): Promise<Verifier> {
  let loaded: { score?: unknown; default?: { score?: unknown } };
  try {
    loaded = await import(pathToFileURL(resolve(path)).href);
  } catch (error) {
    throw invalidInput(`--verifier ${path}: cannot load it: ${(error as Error).message.split('\n')[0]}`);
  }
  const score = typeof loaded.score === 'function' ? loaded.score : loaded.default?.score;
  if (typeof score !== 'function') throw invalidInput(`--verifier ${path} exports no score({ question, answer, content, reasoning }) function.`);
  // A verifier that throws scores the answer as unknown (NaN): it is never selected, and the run goes on.
  return {
    score: async (input) =>
      Number(
        await Promise.resolve()
          .then(() => score(input))
          .catch(() => Number.NaN),
      ),
  };
}
