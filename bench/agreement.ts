// Extraction-and-scoring agreement with careful human verdicts: thinkbench's math scorer beside the peers' published rules.
// Usage: npx tsx bench/agreement.ts [--peers] [rows.jsonl ...]   (default: test/fixtures/agreement/dev-math.jsonl);
// --peers also lists each peer rule's disagreements, one line each.
// Each row is {id, dataset, problem_id, expected, reply, verdict: correct|incorrect, note}. A reply is scored as
// a run scores it: a one-case suite (scorer math) through parseSuite, scorerFor(case), read(answer text), isCorrect.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { z } from 'zod';
import { splitReasoning } from '../src/model/reasoning.js';
import { scorerFor } from '../src/score/scorers/index.js';
import { parseSuite } from '../src/suite/load.js';
import { PEER_RULES } from './peers/index.js';
import { agreementTable, type Judged } from './peers/tally.js';

const Row = z.object({
  id: z.string(),
  dataset: z.string(),
  problem_id: z.string(),
  expected: z.string(),
  reply: z.string(),
  verdict: z.enum(['correct', 'incorrect']),
  note: z.string().optional(),
});
type Row = z.infer<typeof Row>;

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
// The shipped suites' prompt (suites/math-500.yaml, aime-*.yaml, gsm8k.yaml): the field's reasoning-model convention.
const INSTRUCTION = 'Please reason step by step, and put your final answer within \\boxed{}.';
const DATASET_FILES: Record<string, string> = { gsm8k: 'gsm8k-test' };

function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), at: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, at }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${path}:${at}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const parsed = Row.safeParse(json);
      if (!parsed.success) throw new Error(`${path}:${at}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

const problems = new Map<string, Map<string, string>>();
/** The problem text from datasets/<dataset>.jsonl, when the repository ships that dataset. */
function problemText(dataset: string, id: string): string | undefined {
  let table = problems.get(dataset);
  if (!table) {
    table = new Map();
    const file = root(`datasets/${DATASET_FILES[dataset] ?? dataset}.jsonl`);
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const row = z.object({ id: z.string(), problem: z.string() }).parse(JSON.parse(line));
        table.set(row.id, row.problem);
      }
    }
    problems.set(dataset, table);
  }
  return table.get(id);
}

interface Scored {
  correct: boolean;
  read: string;
}

/** thinkbench's verdict on one row, through the suite loader and the scorer registry. */
function thinkbench(row: Row): Scored {
  const problem = problemText(row.dataset, row.problem_id) ?? '(problem text not shipped)';
  const yaml = stringify({ name: 'agreement', cases: [{ id: row.id, prompt: `${problem}\n${INSTRUCTION}`, expected: row.expected, scorer: 'math' }] });
  let suite: ReturnType<typeof parseSuite>;
  try {
    suite = parseSuite(yaml, `${row.id}.yaml`);
  } catch (error) {
    // An expected answer the math scorer cannot parse is a validation error: a run would never score this row.
    return { correct: false, read: `(suite rejected: ${error instanceof Error ? error.message : String(error)})` };
  }
  const testCase = suite.cases[0];
  if (!testCase) throw new Error(`${row.id}: the one-case suite has no case`);
  const scorer = scorerFor(testCase);
  const split = splitReasoning(row.reply);
  if (split.unterminated) return { correct: false, read: '(unterminated <think>)' };
  try {
    const reading = scorer.read(split.answerText);
    if (reading === null) return { correct: false, read: '(no answer)' };
    const correct = scorer.isCorrect?.(reading.answer) ?? false;
    return { correct, read: `${reading.answer}  [${reading.rule}: ${JSON.stringify(reading.span)}]` };
  } catch (error) {
    return { correct: false, read: `(error: ${error instanceof Error ? error.message : String(error)})` };
  }
}

const args = process.argv.slice(2);
const showPeers = args.includes('--peers');
const paths = args.filter((a) => a !== '--peers');
const files = paths.length > 0 ? paths : [root('test/fixtures/agreement/dev-math.jsonl')];
let rows: Row[];
try {
  rows = files.flatMap(readRows);
} catch (error) {
  console.error(`agreement: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const datasets = [...new Set(rows.map((r) => r.dataset))];

const started = performance.now();
const ours = rows.map((row) => ({ row, ...thinkbench(row) }));
const oursMs = performance.now() - started;
const judged = (verdicts: readonly boolean[]): Judged[] =>
  rows.map((r, i) => ({ dataset: r.dataset, human: r.verdict === 'correct', rule: verdicts[i] ?? false }));

const results = [
  { rule: 'thinkbench math', rows: judged(ours.map((o) => o.correct)) },
  ...PEER_RULES.map((peer) => ({ rule: peer.name, rows: judged(rows.map((r) => peer.grade(r).correct)) })),
];

console.log(`Agreement with human verdicts on ${rows.length} rows from ${files.map((f) => basename(f)).join(', ')}`);
console.log(`(false pass: the rule says right where the human said wrong; false fail: the reverse)\n`);
console.log(agreementTable(results, datasets));
console.log('\nPeer sources (ported; approximations are stated in each file header under bench/peers/):');
for (const peer of PEER_RULES) console.log(`  ${peer.name}: ${peer.source}`);
console.log(`\nthinkbench scored ${rows.length} rows in ${oursMs.toFixed(0)} ms (suite parse + scorer build + read + isCorrect).`);

const misses = ours.filter((o) => o.correct !== (o.row.verdict === 'correct'));
console.log(`\nthinkbench disagreements (${misses.length}):`);
for (const { row, read, correct } of misses) {
  console.log(`\n- ${row.id} (${row.dataset}) human: ${row.verdict}, thinkbench: ${correct ? 'correct' : 'incorrect'}`);
  console.log(`  expected: ${row.expected}`);
  console.log(`  read:     ${read}`);
  if (row.note) console.log(`  note:     ${row.note}`);
}

if (showPeers) {
  for (const peer of PEER_RULES) {
    const wrong = rows.map((row) => ({ row, v: peer.grade(row) })).filter(({ row, v }) => v.correct !== (row.verdict === 'correct'));
    console.log(`\n${peer.name} disagreements (${wrong.length}):`);
    for (const { row, v } of wrong) console.log(`  ${row.id}  human ${row.verdict}  expected ${JSON.stringify(row.expected)}  read ${JSON.stringify(v.read)}`);
  }
}
