// `npx tsx bench/gate-power.ts`: power, false alarms and interval coverage of the compare gate, against the old McNemar gate. Prints, never asserts.
import { compareResults, type PairwiseComparison } from '../src/compare/compare.js';
import { mcnemarExact } from '../src/compare/mcnemar.js';
import { mulberry32, type Rng } from '../src/random.js';
import { renderTable } from '../src/report/table.js';
import type { CaseResult, Result } from '../src/schema/result.js';
import { bootstrapCi95, populationCi95 } from '../src/score/metrics/bootstrap.js';
import { tallyVotes, voteCredit } from '../src/score/vote.js';

// Per-sample correctness is drawn directly with the simulated models' probabilities (thinkbench-sim-90
// is right with probability 0.9 per sample, independently), rather than through HTTP: the same
// distribution, far faster. A wrong sample gives one of WRONG_ANSWERS wrong answers (default 1, the
// hardest case for a vote: wrong samples agree; WRONG_ANSWERS=3 lets them split, as the simulator's slips do).
const WRONG_ANSWERS = Number(process.env.WRONG_ANSWERS ?? 1);
const ALPHA = 0.05;
const PAIRS = Number(process.env.PAIRS ?? 200);

interface Setting {
  name: string;
  cases: number;
  samples: number;
  base: (i: number) => number;
  candidate: (i: number) => number;
}

const flat = (p: number) => () => p;
// The audit's hard case: 10 cases from a bimodal population (half easy, half hard).
const bimodal = (easy: number, hard: number) => (i: number) => (i % 2 === 0 ? easy : hard);
const SETTINGS: Setting[] = [
  { name: '90% vs 75%, 40 cases x 5 samples (a drop)', cases: 40, samples: 5, base: flat(0.9), candidate: flat(0.75) },
  { name: '90% vs 90%, 40 cases x 5 samples (no change)', cases: 40, samples: 5, base: flat(0.9), candidate: flat(0.9) },
  { name: 'bimodal 95/30% vs 85/20%, 10 cases x 5 samples', cases: 10, samples: 5, base: bimodal(0.95, 0.3), candidate: bimodal(0.85, 0.2) },
  { name: 'bimodal 95/30% vs same, 10 cases x 5 samples', cases: 10, samples: 5, base: bimodal(0.95, 0.3), candidate: bimodal(0.95, 0.3) },
];

/** One case's samples: "42" when right, else one of the wrong answers. */
function drawCase(id: string, p: number, samples: number, rng: Rng): CaseResult {
  const answers = Array.from({ length: samples }, () => (rng() < p ? '42' : `wrong-${Math.floor(rng() * WRONG_ANSWERS)}`));
  const tally = tallyVotes(answers);
  const isCorrect = (a: string) => a === '42';
  const sample = (answer: string, index: number) => ({
    index,
    outcome: 'answered' as const,
    answer,
    correct: isCorrect(answer),
    error: null,
    content: `Answer: ${answer}`,
    reasoning: '',
    reasoningSource: 'none' as const,
    finishReason: 'stop',
    latencyMs: 1,
    usage: null,
  });
  return {
    id,
    scorer: 'number',
    expected: 42,
    tags: [],
    answer: tally.winner,
    correct: tally.winner !== null && isCorrect(tally.winner),
    tie: tally.tied.length > 1,
    votes: tally.votes,
    margin: tally.margin,
    agreement: tally.agreement,
    credit: voteCredit(tally, isCorrect),
    samples: answers.map(sample),
  } as CaseResult;
}

function drawResult(setting: Setting, side: 'base' | 'candidate', rng: Rng): Result {
  const cases = Array.from({ length: setting.cases }, (_, i) => drawCase(`c${i}`, setting[side](i), setting.samples, rng));
  const usage = { promptTokens: 0, completionTokens: 0, reasoningTokens: 0, totalTokens: 0 };
  const summary = {
    cases: cases.length,
    samples: cases.length * setting.samples,
    accuracy: 0,
    pass1: 0,
    errors: 0,
    noAnswer: 0,
    truncated: 0,
    ties: 0,
    usage,
    latencyMs: { mean: 1, p50: 1, p95: 1 },
  };
  return {
    schemaVersion: 1,
    tool: { name: 'thinkbench', version: 'bench' },
    suite: { name: 'gate-power', path: 'gate-power.yaml', sha256: 'x' },
    model: side,
    baseUrl: 'http://127.0.0.1/v1',
    simulated: true,
    params: {},
    samples: setting.samples,
    concurrency: 1,
    timeoutMs: 1,
    startedAt: '',
    finishedAt: '',
    complete: true,
    selection: 'majority',
    adaptations: [],
    summary,
    cases,
  } as Result;
}

/** Expected credit of a majority vote of n samples right with probability p (exact, over every outcome). */
function expectedCredit(p: number, n: number): number {
  const q = (1 - p) / WRONG_ANSWERS;
  let total = 0;
  const visit = (answers: string[], prob: number): void => {
    if (answers.length === n) {
      total += prob * voteCredit(tallyVotes(answers), (a) => a === '42');
      return;
    }
    visit([...answers, '42'], prob * p);
    for (let w = 0; w < WRONG_ANSWERS; w++) visit([...answers, `wrong-${w}`], prob * q);
  };
  visit([], 1);
  return total;
}

// The gate before this change: McNemar's exact test on majority verdicts (the first tied answer), direction from the credit.
function oldGateFires(c: PairwiseComparison, base: Result, candidate: Result): boolean {
  let b = 0;
  let k = 0;
  base.cases.forEach((x, i) => {
    const y = candidate.cases[i]!;
    if (x.correct && !y.correct) b++;
    if (!x.correct && y.correct) k++;
  });
  return mcnemarExact(b, k) < ALPHA && c.accuracy.delta < 0;
}

const share = (n: number) => `${((100 * n) / PAIRS).toFixed(1)}%`;
const covers = (interval: [number, number] | null, truth: number) => interval !== null && interval[0] <= truth + 1e-12 && truth <= interval[1] + 1e-12;

const rows: string[][] = [];
const started = Date.now();
for (const [s, setting] of SETTINGS.entries()) {
  const rng = mulberry32(1000 + s);
  const mean = (f: (i: number) => number) => Array.from({ length: setting.cases }, (_, i) => f(i)).reduce((a, b) => a + b, 0) / setting.cases;
  const truePass1 = mean(setting.candidate) - mean(setting.base);
  const trueAccuracy = mean((i) => expectedCredit(setting.candidate(i), setting.samples)) - mean((i) => expectedCredit(setting.base(i), setting.samples));
  let fired = 0;
  let oldFired = 0;
  let pass1Covered = 0;
  let accuracyCovered = 0;
  for (let pair = 0; pair < PAIRS; pair++) {
    const base = drawResult(setting, 'base', rng);
    const candidate = drawResult(setting, 'candidate', rng);
    const c = compareResults({ file: 'base', result: base }, [{ file: 'candidate', result: candidate }], {
      alpha: ALPHA,
      seed: pair + 1,
      gates: { failOnRegression: true },
    }).candidates[0]!;
    if (c.gateFailures.length) fired++;
    if (oldGateFires(c, base, candidate)) oldFired++;
    if (covers(c.test.interval, truePass1)) pass1Covered++;
    if (covers(c.ci95Delta, trueAccuracy)) accuracyCovered++;
  }
  const drop = truePass1 < 0;
  rows.push([
    setting.name,
    `${(100 * truePass1).toFixed(1)} / ${(100 * trueAccuracy).toFixed(1)} pp`,
    `${share(fired)} ${drop ? 'power' : 'false alarms'}`,
    `${share(oldFired)} ${drop ? 'power' : 'false alarms'}`,
    share(pass1Covered),
    share(accuracyCovered),
  ]);
}

process.stdout.write(`Gate power on ${PAIRS} simulated pairs per setting (per-sample draws, ${WRONG_ANSWERS} wrong answer(s), alpha ${ALPHA}, seeded)\n\n`);
process.stdout.write(
  `${renderTable(['setting', 'true Δ pass1 / accuracy', 'new gate (sign-flip on pass1)', 'old gate (McNemar on majority)', 'pass1 CI covers', 'accuracy 95% CI covers'], rows)}\n\n`,
);
process.stdout.write('Goals: power >= 80% on the 40-case drop; false alarms <= 5% with no change; intervals cover the true delta about 95% of the time.\n');
process.stdout.write(
  `Small suites (10 cases) use the same test; under 6 cases the gate falls back to counting newly failing cases. ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
);

// One run's own accuracy interval, for a new draw of cases: each pair of the table above draws its
// cases afresh, so here every case's difficulty is drawn from the population (easy with probability `share`).
const POPULATIONS = [
  { name: '90% flat, 40 cases', cases: 40, easy: 0.9, hard: 0.9, share: 1 },
  { name: 'bimodal 95/30% (half easy), 10 cases', cases: 10, easy: 0.95, hard: 0.3, share: 0.5 },
  { name: 'bimodal 95/30% (80% easy), 10 cases', cases: 10, easy: 0.95, hard: 0.3, share: 0.8 },
  { name: 'bimodal 100/0% (80% easy), 10 cases', cases: 10, easy: 1, hard: 0, share: 0.8 },
  { name: 'bimodal 95/30% (half easy), 40 cases', cases: 40, easy: 0.95, hard: 0.3, share: 0.5 },
];
const singleRows: string[][] = [];
for (const [s, population] of POPULATIONS.entries()) {
  const rng = mulberry32(2000 + s);
  const truth = population.share * expectedCredit(population.easy, 5) + (1 - population.share) * expectedCredit(population.hard, 5);
  let bootstrap = 0;
  let wilson = 0;
  for (let run = 0; run < PAIRS; run++) {
    const cases = Array.from({ length: population.cases }, (_, i) => drawCase(`c${i}`, rng() < population.share ? population.easy : population.hard, 5, rng));
    const input = cases.map((c) => ({ answers: c.samples.map((x) => x.answer), isCorrect: (a: string) => a === '42', tags: [] }));
    if (covers(bootstrapCi95(input, { seed: run + 1 }), truth)) bootstrap++;
    if (covers(populationCi95(cases.map((c) => voteCredit(tallyVotes(c.samples.map((x) => x.answer)), (a) => a === '42'))), truth)) wilson++;
  }
  singleRows.push([population.name, `${(100 * truth).toFixed(1)}%`, share(bootstrap), share(wilson)]);
}
process.stdout.write(`\nOne run's accuracy interval, coverage of the population accuracy (${PAIRS} runs each, 5 samples a case)\n\n`);
process.stdout.write(
  `${renderTable(['population', 'accuracy', 'summary ci95 (two-stage bootstrap)', 'populationCi95 (Wilson on case credits)'], singleRows)}\n`,
);
