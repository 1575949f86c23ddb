// The simulated model on the shipped benchmarks: recognition, equivalent answer forms, plausible wrong answers,
// accuracy at the set rate, and samples that are never byte-identical.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { BENCHMARK_FILES, benchmarkIndex, BenchmarkIndex, loadBenchmarkIndex } from '../../src/mock/benchmarks.js';
import { answerForms, parseAnswer, wrongAnswer } from '../../src/mock/math-forms.js';
import { solveQuestion } from '../../src/mock/questions.js';
import { Simulator } from '../../src/mock/simulator.js';
import { mulberry32 } from '../../src/random.js';
import { finalAnswer, sameAnswer } from './math-oracle.js';

type Row = { id: string; problem: string; answer: string };
const rowsOf = (file: string): Row[] =>
  readFileSync(`datasets/${file}`, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
const BOXED = '\nPlease reason step by step, and put your final answer within \\boxed{}.';
const MATH_ROWS = ['aime-2024.jsonl', 'aime-2025.jsonl', 'math-500.jsonl', 'gsm8k-test.jsonl'].flatMap(rowsOf);

describe('recognising benchmark problems', () => {
  test('every shipped problem is found from a prompt that holds it, with its own id', () => {
    const index = benchmarkIndex();
    expect(index.size).toBe(30 + 30 + 500 + 1319 + 164);
    for (const [file] of BENCHMARK_FILES) {
      for (const row of rowsOf(file)) {
        expect(index.find(`${row.problem}${BOXED}`)?.id, row.id).toBe(row.id);
      }
    }
  });

  test('a problem inside other text, with its whitespace changed, is still found; other prompts are not', () => {
    const index = benchmarkIndex();
    const row = rowsOf('math-500.jsonl')[3]!;
    expect(index.find(`Problem:\n\n${row.problem.replace(/ /g, '  ')}\n\nAnswer in a box.`)?.id).toBe(row.id);
    expect(index.find(`Solve this: ${row.problem.slice(0, -5)}`)).toBeUndefined(); // a cut-off problem is not that problem
    expect(index.find('How many r\'s are in the word "strawberry"?')).toBeUndefined();
    expect(solveQuestion('What is 347 * 29?').family).toBe('arithmetic');
    expect(solveQuestion(`${rowsOf('gsm8k-test.jsonl')[0]!.problem}${BOXED}`).family).toBe('benchmark');
  });

  test('a missing datasets folder gives an empty index, not a crash', () => {
    const index = loadBenchmarkIndex('/nonexistent/datasets');
    expect(index).toBeInstanceOf(BenchmarkIndex);
    expect(index.size).toBe(0);
    expect(index.find(rowsOf('aime-2024.jsonl')[0]!.problem)).toBeUndefined();
  });
});

describe('answer forms', () => {
  test.each<[string, string[]]>([
    ['\\frac{14}{3}', ['\\frac{14}{3}', '\\dfrac{14}{3}', '14/3', '4\\frac{2}{3}']],
    ['\\frac{3}{4}', ['\\frac{3}{4}', '\\dfrac{3}{4}', '3/4', '0.75']],
    ['-\\frac{35}{9}', ['-\\frac{35}{9}', '-\\dfrac{35}{9}', '-35/9', '\\frac{-35}{9}']],
    ['\\frac43', ['\\frac43', '\\frac{4}{3}', '4/3', '1\\frac{1}{3}']],
    ['1000', ['1000', '1,000', '1{,}000']],
    ['10,\\!080', ['10080', '10,080', '10{,}080']],
    ['204', ['204']],
    ['.35625', ['.35625', '0.35625']],
    ['\\text{Evelyn}', ['\\text{Evelyn}', 'Evelyn']],
    ['\\left( 3, \\frac{\\pi}{2} \\right)', ['\\left( 3, \\frac{\\pi}{2} \\right)', '( 3, \\frac{\\pi}{2} )', '\\left( 3, \\dfrac{\\pi}{2} \\right)']],
    ['11\\sqrt2', ['11\\sqrt2', '11\\sqrt{2}']],
    ['90^\\circ', ['90^\\circ', '90^{\\circ}']],
  ])('%s', (answer, wanted) => {
    const forms = answerForms(answer).map((f) => f.text);
    for (const form of wanted) expect(forms).toContain(form);
    for (const form of forms) expect(sameAnswer(form, answer), form).toBe(true);
  });

  test('every form of every shipped answer means that answer, and plain forms need no math mode', () => {
    for (const row of MATH_ROWS) {
      for (const form of answerForms(row.answer)) {
        expect(sameAnswer(form.text, row.answer), `${row.id}: ${form.text}`).toBe(true);
        if (form.plain) expect(form.text, row.id).not.toMatch(/\\/);
      }
    }
  });

  test('wrong answers are never the right one, and slip in the ways models do', () => {
    const slips = new Set<string>();
    for (const row of MATH_ROWS) {
      for (let seed = 0; seed < 5; seed++) {
        const wrong = wrongAnswer(row.answer, mulberry32(seed), ['\\text{other}']);
        expect(sameAnswer(wrong.answer, row.answer), `${row.id}: ${wrong.answer}`).toBe(false);
        slips.add(wrong.slip);
        const value = parseAnswer(row.answer);
        if (value.type === 'integer' && value.value >= 0n) expect(wrong.answer, row.id).not.toMatch(/^-/);
      }
    }
    expect(slips.size).toBeGreaterThanOrEqual(6);
    const wrongs = new Set(Array.from({ length: 40 }, (_, seed) => wrongAnswer('\\frac{14}{3}', mulberry32(seed), []).answer));
    expect(wrongs).toEqual(new Set(['\\frac{3}{14}', '5', '\\frac{7}{2}', '-\\frac{14}{3}']));
    for (let seed = 0; seed < 20; seed++) {
      expect(wrongAnswer('52_8', mulberry32(seed), []).answer).toMatch(/^(51|53)_8$|^-52_8$/); // the digits slip, never the base
      expect(wrongAnswer('\\text{(C)}', mulberry32(seed), ['\\text{Evelyn}', '42']).answer).toMatch(/^\\text\{\([ABDE]\)\}$/);
      expect(wrongAnswer('\\text{east}', mulberry32(seed), ['\\text{east}', '42', '\\text{west}']).answer).toBe('\\text{west}');
    }
  });
});

// Samples drawn straight from the simulator: one request per sample, as thinkbench sends them.
function samples(simulator: Simulator, prompt: string, count: number, extra: Record<string, unknown> = {}) {
  return Array.from({ length: count }, () => {
    const outcome = simulator.handle({ model: 'thinkbench-sim', messages: [{ role: 'user', content: prompt }], ...extra });
    if (outcome.type !== 'reply') throw new Error(outcome.type);
    return outcome.reply;
  });
}
const simulator = (accuracy: number) => new Simulator({ accuracy, seed: 0, faults: {}, rejectParams: false, rejectSystem: false });

describe('the simulator on benchmark prompts', () => {
  test.each([
    ['AIME 2024', 'aime-2024.jsonl', 0.8, 16],
    ['MATH-500', 'math-500.jsonl', 0.6, 2],
    ['GSM8K', 'gsm8k-test.jsonl', 0.9, 1],
  ])('%s: right at about the set accuracy, each answer readable and in several forms', (_, file, accuracy, perCase) => {
    const sim = simulator(accuracy);
    let right = 0;
    let total = 0;
    const shapes = new Set<string>();
    for (const row of rowsOf(file)) {
      for (const reply of samples(sim, `${row.problem}${BOXED}`, perCase)) {
        const answer = finalAnswer(reply.answer);
        expect(answer, `${row.id}: ${reply.answer}`).toBeDefined();
        if (sameAnswer(answer!, row.answer)) right++;
        total++;
        shapes.add(reply.answer.replace(/[\d.,]+|\\[dt]?frac\{[^}]*\}\{[^}]*\}/g, '#').replace(/^.*\n\n/, ''));
        expect(reply.reasoning).toContain('simulated model');
      }
    }
    const rate = right / total;
    const margin = 4 * Math.sqrt((accuracy * (1 - accuracy)) / total); // four standard errors
    expect(Math.abs(rate - accuracy), `rate ${rate} over ${total}`).toBeLessThan(margin);
    expect(shapes.size).toBeGreaterThanOrEqual(5);
  });

  test('one fraction answer is written in its equivalent forms across samples', () => {
    const row = rowsOf('math-500.jsonl').find((r) => r.answer === '\\frac{14}{3}')!;
    const written = new Set(samples(simulator(1), `${row.problem}${BOXED}`, 60).map((r) => finalAnswer(r.answer)));
    expect([...written].every((w) => sameAnswer(w!, '\\frac{14}{3}'))).toBe(true);
    for (const form of ['\\frac{14}{3}', '\\dfrac{14}{3}', '14/3', '4\\frac{2}{3}']) expect(written).toContain(form);
  });

  test('two or three samples of one case are never byte-identical; a fixed seed repeats', () => {
    const sim = simulator(0.9);
    const prompts = [
      'How many r\'s are in the word "strawberry"?',
      'Which is bigger, 9.11 or 9.8?',
      'What is 12 + 5?',
      'Who wrote Hamlet?',
      `${rowsOf('aime-2025.jsonl')[4]!.problem}${BOXED}`,
    ];
    for (const prompt of prompts) {
      const texts = samples(sim, prompt, 3).map((r) => `${r.reasoning}\u0000${r.answer}`);
      expect(new Set(texts).size, prompt).toBe(3);
      const seeded = samples(sim, prompt, 2, { seed: 7 }).map((r) => `${r.reasoning}\u0000${r.answer}`);
      expect(seeded[0]).toBe(seeded[1]);
    }
  });
});
