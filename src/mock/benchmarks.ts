// The shipped benchmark datasets, indexed lazily so the simulated model recognises a prompt holding one of their problems.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../random.js';

/** What a benchmark problem asks for: a math answer or a program. */
export type BenchmarkKind = 'math' | 'code';

/** One problem of a shipped dataset, with what the simulated model needs to answer it. */
export interface BenchmarkProblem {
  dataset: string;
  kind: BenchmarkKind;
  id: string;
  problem: string;
  answer: string;
  solution?: string;
  entryPoint?: string;
}

/** The files read, and what their problems ask for. */
export const BENCHMARK_FILES: ReadonlyArray<[file: string, kind: BenchmarkKind]> = [
  ['aime-2024.jsonl', 'math'],
  ['aime-2025.jsonl', 'math'],
  ['math-500.jsonl', 'math'],
  ['gsm8k-test.jsonl', 'math'],
  ['humaneval.jsonl', 'code'],
];

/** `datasets/` at the package root: beside src/ when run from source, beside dist/ when built. */
export const DATASETS_DIR = fileURLToPath(new URL('../../datasets/', import.meta.url));

// Problems are keyed by a hash of their first characters (the shortest MATH-500 problem has 20), so a
// prompt is scanned once, one hash per word start, and a hit is confirmed against the whole problem.
const KEY_CHARS = 20;

/** Whitespace runs made one space, ends trimmed: prompts and problems are compared in this form. */
export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Entry {
  problem: BenchmarkProblem;
  text: string;
}

/** The problems of some datasets, found by the text of a prompt. */
export class BenchmarkIndex {
  private readonly byKey = new Map<number, Entry[]>();
  private readonly answers = new Map<string, string[]>();
  size = 0;

  /** Adds one problem. */
  add(problem: BenchmarkProblem): void {
    const text = normalise(problem.problem);
    if (text.length < KEY_CHARS) return;
    const key = fnv1a(text.slice(0, KEY_CHARS));
    const bucket = this.byKey.get(key) ?? [];
    bucket.push({ problem, text });
    this.byKey.set(key, bucket);
    const answers = this.answers.get(problem.dataset) ?? [];
    answers.push(problem.answer);
    this.answers.set(problem.dataset, answers);
    this.size++;
  }

  /** The longest problem the prompt contains whole, starting at a word start. */
  find(prompt: string): BenchmarkProblem | undefined {
    if (this.size === 0) return undefined;
    const text = normalise(prompt);
    let best: Entry | undefined;
    for (let start = 0; start + KEY_CHARS <= text.length; start++) {
      if (start > 0 && text[start - 1] !== ' ' && /[\p{L}\p{N}]/u.test(text[start - 1]!)) continue;
      const bucket = this.byKey.get(fnv1a(text.slice(start, start + KEY_CHARS)));
      if (!bucket) continue;
      for (const entry of bucket) {
        if ((!best || entry.text.length > best.text.length) && text.startsWith(entry.text, start)) best = entry;
      }
    }
    return best?.problem;
  }

  /** Every answer of a dataset, for plausible wrong answers drawn from the same set. */
  answersOf(dataset: string): readonly string[] {
    return this.answers.get(dataset) ?? [];
  }
}

/** An index of the shipped datasets in `dir`; files that are missing or unreadable are left out. */
export function loadBenchmarkIndex(dir: string = DATASETS_DIR): BenchmarkIndex {
  const index = new BenchmarkIndex();
  for (const [file, kind] of BENCHMARK_FILES) {
    const path = `${dir.replace(/\/?$/, '/')}${file}`;
    if (!existsSync(path)) continue;
    const dataset = file.replace(/\.jsonl$/, '');
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // a damaged line only means the simulator does not know that problem
      }
      if (typeof row.problem !== 'string' || typeof row.answer !== 'string' || typeof row.id !== 'string') continue;
      index.add({
        dataset,
        kind,
        id: row.id,
        problem: row.problem,
        answer: row.answer,
        ...(typeof row.solution === 'string' && { solution: row.solution }),
        ...(typeof row.entry_point === 'string' && { entryPoint: row.entry_point }),
      });
    }
  }
  return index;
}

let shipped: BenchmarkIndex | undefined;

/** The index of the shipped datasets, read on first use. */
export function benchmarkIndex(): BenchmarkIndex {
  shipped ??= loadBenchmarkIndex();
  return shipped;
}
