// The simulated model's HumanEval programs, run in python3: right ones pass their tests, wrong ones fail them.
import { describe, expect, test } from 'vitest';
import { MUTATIONS, mutantsOf } from '../../src/mock/code-mutants.js';
import { FAILING_MUTATIONS } from '../../src/mock/humaneval-broken.js';
import { solveQuestion } from '../../src/mock/questions.js';
import { mulberry32 } from '../../src/random.js';
import { DISQUALIFIED, humanEvalRows } from './generate-broken.js';
import { humanEvalProgram, runPythonPrograms } from './run-python.js';

const rows = humanEvalRows();
const PROMPT = (problem: string) => `Complete the following Python function.\n\n\`\`\`python\n${problem}\`\`\``;

describe('HumanEval on the simulated model', () => {
  test('every problem has a failing mutation listed, and each listed one applies to its solution', () => {
    expect(Object.keys(FAILING_MUTATIONS)).toEqual(rows.map((r) => r.id));
    for (const row of rows) {
      const listed = FAILING_MUTATIONS[row.id]!;
      expect(listed.length, row.id).toBeGreaterThan(0);
      const applicable = mutantsOf(row.answer).map((m) => m.mutation.name);
      for (const name of listed) expect(applicable, row.id).toContain(name);
    }
  });

  test('right programs pass their tests (164 of 164); every program a wrong sample can write fails them', { timeout: 120_000 }, () => {
    const programs: string[] = [];
    const labels: string[] = [];
    for (const row of rows) {
      const question = solveQuestion(PROMPT(row.problem));
      expect(question.family, row.id).toBe('benchmark');
      expect(question.right.answer).toBe(row.problem + row.answer);
      programs.push(humanEvalProgram(question.right.answer, row.test, row.entry_point));
      labels.push(`${row.id} right`);
      for (const name of FAILING_MUTATIONS[row.id]!) {
        const broken = MUTATIONS.find((m) => m.name === name)!.apply(row.answer)!;
        programs.push(humanEvalProgram(row.problem + broken, row.test, row.entry_point));
        labels.push(`${row.id} ${name}`);
      }
      // What the wrong samples write is one of those programs.
      for (let seed = 0; seed < 5; seed++) {
        const wrong = question.wrong(mulberry32(seed)).answer;
        const names = FAILING_MUTATIONS[row.id]!;
        expect(
          names.some((name) => row.problem + MUTATIONS.find((m) => m.name === name)!.apply(row.answer) === wrong),
          row.id,
        ).toBe(true);
      }
    }
    const outcomes = runPythonPrograms(programs);
    const right = outcomes.filter((o, i) => labels[i]!.endsWith(' right') && o === 'passed').length;
    expect(right).toBe(164);
    const bad = outcomes.flatMap((o, i) => (!labels[i]!.endsWith(' right') && DISQUALIFIED.has(o) ? [`${labels[i]}: ${o}`] : []));
    expect(bad).toEqual([]);
  });

  test('the reply is the whole function in a python block', () => {
    const row = rows[0]!;
    const sim = solveQuestion(PROMPT(row.problem));
    expect(sim.right.kind).toBe('code');
    expect(sim.wrong(mulberry32(1)).reasoning).toMatch(/\[simulated bug: [a-z-]+\]/);
  });
});
