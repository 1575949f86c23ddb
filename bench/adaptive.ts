// `npx tsx bench/adaptive.ts`: how many samples adaptive stopping saves against a fixed vote of 64, and how often it changes the vote, on seeded runs whose truth is known.
import { join } from 'node:path';
import { replayCase, summarizeReplay, type CaseReplay } from '../src/adaptive/replay.js';
import { startMockServer } from '../src/mock/server.js';
import { createModelClient } from '../src/model/openai.js';
import { evaluate } from '../src/run/evaluate.js';
import { toCaseSamples, type CaseSamples } from '../src/score/metrics.js';
import { loadSuite } from '../src/suite/load.js';
import { DEFAULT_STOP_CONFIDENCE } from '../src/adaptive/stop-rule.js';
import { mulberry32, type Rng } from '../src/random.js';
import { renderTable } from '../src/report/table.js';
import { tallyVotes } from '../src/score/vote.js';

const CAP = 64;
const CASES = Number(process.env.BENCH_CASES ?? 4000);
const CONFIDENCES = [0.9, DEFAULT_STOP_CONFIDENCE, 0.99, 0.999];
const GOAL = { agreement: 0.99, saving: 4 };

/** A case's answer distribution: answers and their probabilities (the rest of the mass is "no answer"); "R" is right. */
type Distribution = { answer: string; p: number }[];
interface Setting {
  name: string;
  note: string;
  draw: (rng: Rng) => Distribution;
}

// Wrong answers shaped like the simulated model's: one rival (decimal-compare: the misread),
// two uneven ones (letter-count: one short 70%, one over 30%), or a spread of slips (arithmetic).
function mockLike(accuracy: number) {
  return (rng: Rng): Distribution => {
    const wrong = 1 - accuracy;
    const shape = Math.floor(rng() * 3);
    const rivals = shape === 0 ? [1] : shape === 1 ? [0.7, 0.3] : Array.from({ length: 9 }, () => 1 / 9);
    return [{ answer: 'R', p: accuracy }, ...rivals.map((share, i) => ({ answer: `W${i}`, p: wrong * share }))];
  };
}

// Split cases: two close leaders (e.g. 45% / 40%), the rest on a third answer and 5% without an answer.
function hardMix(rng: Rng): Distribution {
  const lead = 0.35 + rng() * 0.2;
  const second = lead - (0.02 + rng() * 0.13);
  const rest = Math.max(0, 0.95 - lead - second);
  const rightFirst = rng() < 0.5;
  return [
    { answer: rightFirst ? 'R' : 'W0', p: lead },
    { answer: rightFirst ? 'W0' : 'R', p: second },
    { answer: 'W1', p: rest },
  ];
}

const SETTINGS: Setting[] = [
  { name: 'accuracy 0.9', note: 'the simulated model default', draw: mockLike(0.9) },
  { name: 'accuracy 0.75', note: 'thinkbench mock --accuracy 0.75', draw: mockLike(0.75) },
  { name: 'accuracy 0.6', note: 'a weak model', draw: mockLike(0.6) },
  { name: 'hard mix', note: 'two close leaders, e.g. 45%/40%/15%', draw: hardMix },
];

function sampleAnswers(rng: Rng, distribution: Distribution): (string | null)[] {
  return Array.from({ length: CAP }, () => {
    let u = rng();
    for (const { answer, p } of distribution) {
      if (u < p) return answer;
      u -= p;
    }
    return null;
  });
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

const rows: string[][] = [];
const verdicts: string[] = [];

/** One table row (and at the default confidence, a verdict line) for a setting's replays. */
type IsRight = (caseIndex: number, winner: string | null) => boolean;
function report(name: string, note: string, confidence: number, replays: CaseReplay[], isRight: IsRight, fixedAgreement?: number): void {
  const summary = summarizeReplay(replays);
  const agreement = 1 - summary.changedVotes / summary.cases;
  const accuracy = (pickWinner: (r: CaseReplay) => string | null) => replays.filter((r, i) => isRight(i, pickWinner(r))).length / replays.length;
  rows.push([
    name,
    String(confidence),
    String(summary.cases),
    (summary.samplesUsed / summary.cases).toFixed(2),
    `${summary.savingFactor.toFixed(1)}x`,
    pct(agreement),
    String(summary.changedVotes),
    pct(accuracy((r) => r.stoppedWinner)),
    pct(accuracy((r) => r.fullWinner)),
    pct(1 - summary.decided / summary.cases),
    fixedAgreement === undefined ? '-' : pct(fixedAgreement),
  ]);
  if (confidence !== DEFAULT_STOP_CONFIDENCE) return;
  const met = agreement >= GOAL.agreement && summary.savingFactor >= GOAL.saving;
  verdicts.push(
    `${name} (${note}): ${met ? 'goal met' : 'goal NOT met'}: ` +
      `${pct(agreement)} same vote as fixed-${CAP} with ${summary.savingFactor.toFixed(1)}x fewer samples`,
  );
}

SETTINGS.forEach((setting, s) => {
  const rng = mulberry32(1000 + s);
  const distributions = Array.from({ length: CASES }, () => setting.draw(rng));
  const runs = distributions.map((d) => sampleAnswers(rng, d));
  // The yardstick's own noise: how often a second, independent fixed-64 vote agrees with the first.
  const rerun = distributions.map((d) => sampleAnswers(rng, d));
  const fixedAgreement = runs.filter((answers, i) => tallyVotes(answers).winner === tallyVotes(rerun[i]!).winner).length / CASES;
  for (const confidence of CONFIDENCES) {
    const replays = runs.map((answers) => replayCase(answers, { confidence }));
    report(setting.name, setting.note, confidence, replays, (_i, winner) => winner === 'R', fixedAgreement);
  }
});

// The bundled suites on the built-in simulated model: real replies, real extraction, fixed-64 runs replayed.
const SUITES_DIR = join(import.meta.dirname, '../suites');
// The bundled suites whose questions the simulated model recognises (others get one canned reply, whose vote is trivial).
const SIM_SUITES = ['arithmetic', 'cipher', 'decimal-compare', 'letter-count', 'o1-articles'];
const SUITE_ACCURACIES = process.argv.includes('--no-suites') ? [] : [0.9, 0.75, 0.6];
for (const accuracy of SUITE_ACCURACIES) {
  const server = await startMockServer({ accuracy, seed: 11 });
  const client = createModelClient({ baseUrl: server.url, timeoutMs: 60_000, maxRetries: 2 });
  const cases: CaseSamples[] = [];
  for (const name of SIM_SUITES) {
    const suite = await loadSuite(join(SUITES_DIR, `${name}.yaml`));
    const result = await evaluate({
      suite,
      client,
      model: 'thinkbench-sim',
      baseUrl: server.url,
      simulated: true,
      samplesOverride: CAP,
      concurrency: 32,
      timeoutMs: 60_000,
    });
    cases.push(...result.cases.map((c) => toCaseSamples(c)));
  }
  await server.close();
  for (const confidence of CONFIDENCES) {
    const replays = cases.map((c) => replayCase(c.answers, { confidence }));
    report(
      `bundled suites, simulated ${accuracy}`,
      `thinkbench mock --accuracy ${accuracy}`,
      confidence,
      replays,
      (i, winner) => winner !== null && cases[i]!.isCorrect(winner),
    );
  }
}

console.log(
  `Adaptive stopping against a fixed vote of ${CAP}: ${CASES} seeded synthetic cases per setting` +
    `${SUITE_ACCURACIES.length ? ', and the bundled suites run on the simulated model' : ''}; samples replayed in index order\n`,
);
console.log(
  renderTable(
    [
      'setting',
      'confidence',
      'cases',
      'mean samples',
      'saving',
      `same vote as ${CAP}`,
      'changed',
      'accuracy stopped',
      `accuracy fixed-${CAP}`,
      'at cap',
      `${CAP} vs another ${CAP}`,
    ],
    rows,
    new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
  ),
);
console.log(`\nGoal at the default confidence ${DEFAULT_STOP_CONFIDENCE}: >= ${pct(GOAL.agreement)} same vote with >= ${GOAL.saving}x fewer samples`);
for (const line of verdicts) console.log(`  ${line}`);
