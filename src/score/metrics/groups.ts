// One case's samples as metric input, and its answers grouped by distinct value for fast counting.

/** One case as the metrics see it: canonical answers in sample order (null never votes) and its verdict. */
export interface CaseSamples {
  /** Canonical answers of the case's samples in sample order; null = no answer (or a failed sample). */
  answers: readonly (string | null)[];
  /** Whether a canonical answer is right (the scorer's verdict). */
  isCorrect: (answer: string) => boolean;
  tags: readonly string[];
  /** The case's credit when it is not the vote's (best-of-N selection); byTag uses it. */
  credit?: number;
}

/** A case's samples grouped by distinct answer, so votes can be counted in a small typed array. */
export interface AnswerGroups {
  /** All samples, no-answers included. */
  n: number;
  /** Samples without an answer. */
  nulls: number;
  /** Samples per distinct answer, in first-appearance order. */
  sizes: number[];
  /** 1 when the distinct answer is correct, else 0. */
  correct: Uint8Array;
  /** Per sample: index of its answer in `sizes`, or -1 for no answer. */
  groupOf: Int32Array;
}

/** Groups answers by value; `isCorrect` is asked once per distinct answer. */
export function groupAnswers(answers: readonly (string | null)[], isCorrect: (answer: string) => boolean): AnswerGroups {
  const index = new Map<string, number>();
  const sizes: number[] = [];
  const verdicts: number[] = [];
  const groupOf = new Int32Array(answers.length);
  let nulls = 0;
  answers.forEach((answer, i) => {
    if (answer === null) {
      nulls++;
      groupOf[i] = -1;
      return;
    }
    let g = index.get(answer);
    if (g === undefined) {
      g = sizes.length;
      index.set(answer, g);
      sizes.push(0);
      verdicts.push(isCorrect(answer) ? 1 : 0);
    }
    sizes[g] = sizes[g]! + 1;
    groupOf[i] = g;
  });
  return { n: answers.length, nulls, sizes, correct: Uint8Array.from(verdicts), groupOf };
}

/** Number of samples whose answer is correct. */
export function correctCount(groups: AnswerGroups): number {
  let c = 0;
  groups.sizes.forEach((size, g) => {
    if (groups.correct[g]) c += size;
  });
  return c;
}

/** Throws unless k is a whole number in [1, n]: a metric over more samples than a case has is undefined. */
export function checkK(n: number, k: number, metric: string): void {
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`${metric} needs a whole k with 1 <= k <= n (n = ${n}); got k = ${k}`);
  }
}
