// Solver for grading prompts: the simulated model as a judge (with a reference) or a verifier (without one).
import type { Attempt, Question } from './questions.js';

const JUDGE = /Reference answer:\s*\n([\s\S]*?)\n\s*\n[\s\S]*?Answer to grade:\s*\n([\s\S]*?)(?:\n\s*\n|$)/i;
const VERIFIER = /Question:\s*\n([\s\S]*?)\n\s*\n\s*Proposed answer:\s*\n([\s\S]*?)(?:\n\s*\n|$)/i;

/** Words and numbers of a text, lowercased, apostrophes dropped: "R's" and "rs" read alike. */
function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z]+|\d+(?:\.\d+)?/g) ?? []
  );
}

/** Whether `answer` states `reference`: its tokens appear in order, as one run. */
export function states(answer: string, reference: string): boolean {
  const a = tokens(answer);
  const r = tokens(reference);
  if (!r.length) return false;
  for (let i = 0; i + r.length <= a.length; i++) {
    if (r.every((t, j) => a[i + j] === t || (Number(t) === Number(a[i + j]) && !Number.isNaN(Number(t))))) return true;
  }
  return false;
}

function verdict(correct: boolean, why: string): Attempt {
  return { answer: `VERDICT: ${correct ? 'CORRECT' : 'INCORRECT'}`, kind: 'verbatim', reasoning: why };
}

function score(points: number, why: string): Attempt {
  return { answer: `SCORE: ${points}`, kind: 'verbatim', reasoning: why };
}

/**
 * A judge prompt (reference and answer to grade) or a verifier prompt (question and proposed answer,
 * scored 0-10 without a reference; the simulated model solves the question itself). Right attempts
 * grade truly; wrong ones grade the other way.
 */
export function solveGrading(text: string, solve: (question: string) => Question): Question | null {
  const judged = JUDGE.exec(text);
  if (judged) {
    const correct = states(judged[2]!, judged[1]!);
    const why = `The reference answer is "${judged[1]!.trim()}". The answer to grade ${correct ? 'states' : 'does not state'} it.`;
    return { family: 'grading', right: verdict(correct, why), wrong: () => verdict(!correct, `${why} On reflection I disagree.`) };
  }
  const proposed = VERIFIER.exec(text);
  if (proposed) {
    const question = solve(proposed[1]!);
    if (question.family === 'unknown') return null;
    const correct = states(proposed[2]!, question.right.answer);
    const why = `Working the question myself gives ${question.right.answer}; the proposed answer ${correct ? 'agrees' : 'disagrees'}.`;
    return { family: 'grading', right: score(correct ? 9 : 2, why), wrong: () => score(correct ? 3 : 8, why) };
  }
  return null;
}
