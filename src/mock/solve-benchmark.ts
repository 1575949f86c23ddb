// Solver for the shipped benchmarks (AIME, MATH-500, GSM8K, HumanEval): the simulated model knows their answers,
// as a test double, and writes them like a reasoning model; wrong attempts slip the way models do.
import { pick, type Rng } from '../random.js';
import { benchmarkIndex, type BenchmarkIndex, type BenchmarkProblem } from './benchmarks.js';
import { MUTATIONS } from './code-mutants.js';
import { FAILING_MUTATIONS } from './humaneval-broken.js';
import { wrongAnswer } from './math-forms.js';
import type { Attempt, Question } from './questions.js';

const DISCLOSURE = '[thinkbench-sim is a simulated model: it knows the answers of the benchmarks shipped with thinkbench; this reasoning is a stand-in.]';

const firstSentence = (text: string): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.?!](\s|$)/);
  return (end > 0 ? flat.slice(0, end + 1) : flat).slice(0, 200);
};

// The dataset's worked solution as reasoning, without GSM8K's calculator marks and "#### n" line.
function workedSolution(problem: BenchmarkProblem): string | undefined {
  return problem.solution
    ?.replace(/<<[^<>]*>>/g, '')
    .replace(/\n?#### (.*)$/, '\nSo the answer is $1.')
    .trim();
}

function mathQuestion(problem: BenchmarkProblem, index: BenchmarkIndex): Question {
  const label = `${problem.dataset} ${problem.id}`;
  const opening = `${DISCLOSURE}\nThe problem (${label}): ${firstSentence(problem.problem)}\nI'll set up what is given, work through it step by step, and check the result.`;
  const right: Attempt = {
    answer: problem.answer,
    kind: 'math',
    reasoning: `${opening}\n${workedSolution(problem) ?? `Working through the algebra carefully, the quantity asked for comes to ${problem.answer}.`}\nChecking it against the conditions of the problem, ${problem.answer} fits.`,
  };
  const others = index.answersOf(problem.dataset);
  const wrong = (rng: Rng): Attempt => {
    const slipped = wrongAnswer(problem.answer, rng, others);
    // Some wrong samples reach the right value and then talk themselves out of it.
    const detour = rng() < 0.3 ? `At first I get ${problem.answer}, but redoing the last step I think that was wrong.\n` : '';
    return {
      answer: slipped.answer,
      kind: 'math',
      reasoning: `${opening}\n${detour}Working through it, the quantity asked for comes to ${slipped.answer}.\nThat looks consistent, so ${slipped.answer} it is.\n[simulated slip: ${slipped.slip}]`,
    };
  };
  return { family: 'benchmark', right, wrong };
}

function codeQuestion(problem: BenchmarkProblem): Question {
  const name = problem.entryPoint ?? 'the function';
  const opening = `${DISCLOSURE}\nI need to implement \`${name}\` (${problem.id}). Reading the docstring and its examples first.`;
  const right: Attempt = {
    answer: problem.problem + problem.answer,
    kind: 'code',
    reasoning: `${opening}\nThe examples pin down the edge cases; a direct implementation handles them.\nI'll write the complete function with its signature.`,
  };
  const known = FAILING_MUTATIONS[problem.id] ?? [];
  const mutations = MUTATIONS.filter((m) => known.includes(m.name));
  const wrong = (rng: Rng): Attempt => {
    const mutation = mutations.length ? pick(rng, mutations) : undefined;
    const broken = mutation?.apply(problem.answer);
    // Without a known failing mutation, an unfinished body: it parses, and fails every test.
    const body = broken ?? '    raise NotImplementedError\n';
    return {
      answer: problem.problem + body,
      kind: 'code',
      reasoning: `${opening}\n${mutation?.story ?? 'This needs more thought than I have time for; I will leave the body unfinished.'}\nI'll write the complete function with its signature.\n[simulated bug: ${mutation?.name ?? 'unfinished'}]`,
    };
  };
  return { family: 'benchmark', right, wrong };
}

/** Recognises a prompt that contains a shipped benchmark problem. */
export function solveBenchmark(text: string, index: BenchmarkIndex = benchmarkIndex()): Question | null {
  const problem = index.find(text);
  if (!problem) return null;
  return problem.kind === 'code' ? codeQuestion(problem) : mathQuestion(problem, index);
}
