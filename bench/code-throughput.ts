// `npx tsx bench/code-throughput.ts`: the code runner's programs per second over HumanEval's canonical solutions, and its overhead per program by isolation level.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { defaultCodeConcurrency, detectIsolation, runAllTests, runTests, type CodeLanguage, type CodeTask, type Isolation } from '../src/code/index.js';
import { findInterpreter } from '../src/code/interpreters.js';
import { renderTable } from '../src/report/table.js';

const run = promisify(execFile);
const REPEATS = 20;
const log = (line: string): void => void process.stdout.write(`${line}\n`);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

interface Row {
  id: string;
  problem: string;
  answer: string;
  test: string;
  entry_point: string;
}
const rows: Row[] = readFileSync(new URL('../datasets/humaneval.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Row);

const { level: best, detail } = await detectIsolation();
const levels: Isolation[] = best === 'bubblewrap' ? ['bubblewrap', 'process'] : ['process'];
const concurrency = defaultCodeConcurrency();
log(`isolation: ${detail}`);
log(
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')} on ${concurrency} cores (figures scale with it)\n`,
);

// Throughput: every canonical solution, at the default concurrency.
const throughput: string[][] = [];
for (const isolation of levels) {
  const tasks: CodeTask[] = rows.map((row) => ({
    language: 'python',
    program: row.problem + row.answer,
    tests: row.test,
    entryPoint: row.entry_point,
    isolation,
  }));
  const started = performance.now();
  const runs = await runAllTests(tasks, concurrency);
  const seconds = (performance.now() - started) / 1000;
  const passed = runs.filter((result) => result.outcome === 'passed').length;
  throughput.push([isolation, String(concurrency), `${passed}/${rows.length}`, `${seconds.toFixed(1)} s`, (rows.length / seconds).toFixed(1)]);
}
log('HumanEval canonical solutions');
log(renderTable(['isolation', 'concurrency', 'passed', 'wall', 'programs/s'], throughput, new Set([1, 2, 3, 4])));

// Overhead: one trivial program at a time against starting the bare interpreter, interleaved round by
// round so that the load of a shared machine weighs on every column alike.
const TRIVIAL: Record<CodeLanguage, { program: string; tests: string; bare: string[] }> = {
  python: { program: 'def f():\n    return 1\n', tests: 'def check(candidate):\n    assert candidate() == 1\n', bare: ['-c', 'pass'] },
  javascript: { program: 'function f() { return 1; }\n', tests: 'assert.strictEqual(f(), 1);\n', bare: ['-e', '0'] },
};
const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};
const overhead: string[][] = [];
for (const language of ['python', 'javascript'] as const) {
  const interpreter = await findInterpreter(language);
  const { program, tests, bare } = TRIVIAL[language];
  const times = new Map<string, number[]>([['bare', []], ...levels.map((isolation): [string, number[]] => [isolation, []])]);
  for (let i = 0; i < REPEATS; i++) {
    times.get('bare')!.push(await timed(() => run(interpreter.executable, bare)));
    for (const isolation of levels) {
      times.get(isolation)!.push(
        await timed(async () => {
          const result = await runTests({ language, isolation, program, tests, entryPoint: 'f' });
          if (result.outcome !== 'passed')
            throw new Error(`the trivial ${language} program did not pass at ${isolation} level: ${result.outcome} ${result.detail ?? ''}`);
        }),
      );
    }
  }
  const bareMs = median(times.get('bare')!);
  overhead.push([language, `bare ${language === 'python' ? 'python3 -c pass' : 'node -e 0'}`, ms(bareMs), ms(Math.min(...times.get('bare')!)), '-']);
  for (const isolation of levels) {
    const values = times.get(isolation)!;
    overhead.push([language, `runTests, ${isolation} level`, ms(median(values)), ms(Math.min(...values)), ms(median(values) - bareMs)]);
  }
}
log(`\nOne trivial program at a time (${REPEATS} interleaved rounds; overhead = median minus the bare median)`);
log(renderTable(['language', 'what', 'median', 'fastest', 'overhead'], overhead, new Set([2, 3, 4])));
