// Cost per sample of the math equivalence core: every MATH-500 expected answer against an equivalent rewrite and a wrong one.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { mathEquivalent, readMath } from '../src/score/math/index.js';

const datasetPath = fileURLToPath(new URL('../datasets/math-500.jsonl', import.meta.url));
const Row = z.object({ answer: z.string() });
const expected = readFileSync(datasetPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => Row.parse(JSON.parse(line)).answer);

/** An equivalent way a model writes the same answer (always a different string, so no memo hit). */
function rewrite(answer: string): string {
  if (/^\d{4,}$/.test(answer)) return answer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (/^-?\d+$/.test(answer)) return `${answer}.0`;
  if (/\\frac\{(\d+)\}\{(\d+)\}/.test(answer)) return answer.replace(/\\frac\{(\d+)\}\{(\d+)\}/, '\\dfrac{$1}{$2}');
  if (/^[a-z] ?= ?/.test(answer)) return answer.replace(/^[a-z] ?= ?/, '');
  if (answer.startsWith('\\text{')) return answer.slice(6, -1);
  if (answer.includes('\\left')) return answer.replace(/\\left|\\right/g, '');
  return `$\\displaystyle ${answer}$`;
}

/** A wrong answer: the first digit changed, else a sign added. */
function wrong(answer: string): string {
  const digit = /\d/.exec(answer);
  if (digit !== null) return `${answer.slice(0, digit.index)}${(Number(digit[0]) + 1) % 10}${answer.slice(digit.index + 1)}`;
  return `-(${answer})`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const firstStart = performance.now();
readMath('\\frac{1}{2}');
const firstCallMs = performance.now() - firstStart;

const expectedMs: number[] = [];
const parsed = expected.map((answer) => {
  const start = performance.now();
  const read = readMath(answer);
  expectedMs.push(performance.now() - start);
  return read;
});

const sampleMs: number[] = [];
const sampleCpuMs: number[] = [];
const cpuBefore = process.cpuUsage();
let agreed = 0;
let checked = 0;
for (const [index, answer] of expected.entries()) {
  const truth = parsed[index];
  if (truth === null || truth === undefined) continue;
  for (const [candidate, shouldMatch] of [
    [rewrite(answer), true],
    [wrong(answer), false],
  ] as const) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const read = readMath(candidate);
    const verdict = read !== null && mathEquivalent(read, truth);
    sampleMs.push(performance.now() - start);
    const cpuUsed = process.cpuUsage(cpuStart);
    sampleCpuMs.push((cpuUsed.user + cpuUsed.system) / 1000);
    checked++;
    if (verdict === shouldMatch) agreed++;
  }
}

const cpu = process.cpuUsage(cpuBefore);
const sorted = [...sampleMs].sort((a, b) => a - b);
const sortedExpected = [...expectedMs].sort((a, b) => a - b);
const totalMs = sampleMs.reduce((sum, ms) => sum + ms, 0);
console.log(`math-cost: ${checked} samples (${expected.length} MATH-500 expected answers, each against an equivalent rewrite and a wrong one)`);
console.log(`first call (engine start-up): ${firstCallMs.toFixed(1)} ms`);
console.log(
  `expected answer, read once (memoised after): median ${percentile(sortedExpected, 50).toFixed(3)} ms, p99 ${percentile(sortedExpected, 99).toFixed(2)} ms`,
);
console.log(
  `per sample, readMath + mathEquivalent: median ${percentile(sorted, 50).toFixed(3)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(1)} ms`,
);
const sortedCpu = [...sampleCpuMs].sort((a, b) => a - b);
console.log(
  `CPU time per sample (less sensitive to other load on the machine): mean ${((cpu.user + cpu.system) / 1000 / checked).toFixed(3)} ms, ` +
    `median ${percentile(sortedCpu, 50).toFixed(3)} ms, p99 ${percentile(sortedCpu, 99).toFixed(2)} ms`,
);
console.log(
  `load average while measuring: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')} on ${availableParallelism()} cores`,
);
console.log(`throughput: ${Math.round((checked / totalMs) * 1000)} calls per second`);
console.log(`verdicts as intended (rewrite equal, wrong unequal): ${agreed}/${checked}`);
