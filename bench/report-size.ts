// Report bench: builds the HTML report of 10,000 samples of realistic length and prints its size and
// the time to first screen in headless Chromium. Prints, never asserts: `npx tsx bench/report-size.ts`.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { mulberry32 } from '../src/random.js';
import { buildHtmlReport } from '../src/report/html/build-report.js';
import type { CaseResult, Result, Sample } from '../src/schema/result.js';

const CASES = Number(process.env.CASES ?? 1250);
const SAMPLES = Number(process.env.SAMPLES ?? 8);
const MAX_REASONING = process.env.MAX_REASONING_CHARS ? Number(process.env.MAX_REASONING_CHARS) : null;
const random = mulberry32(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

// Real English prose for the filler: this repository's own documents, cut into sentences.
const prose = ['README.md', '../shared/spec.md', '../shared/field-notes.md', '../shared/style.md']
  .flatMap((f) => {
    try {
      return [readFileSync(f, 'utf8')];
    } catch {
      return [];
    }
  })
  .join(' ')
  .replace(/[`#|*>-]+/g, ' ')
  .split(/(?<=[.!?])\s+/)
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 40 && s.length < 300);

const MOVES = [
  'Wait, let me re-check that.',
  'Hmm, that does not look right.',
  'Let me verify step by step.',
  'Alternatively, I could approach it differently.',
  'So far so good.',
  'Actually, I need to be careful here.',
  'Let me recount.',
  'That matches what I had before.',
];

// One case's solution steps, shared by its samples as a real model's samples share a line of thought.
function caseSteps(a: number, b: number): string[] {
  return [
    `We need ${a} × ${b}. Split ${b} into ${Math.floor(b / 10) * 10} and ${b % 10}.`,
    `${a} × ${Math.floor(b / 10) * 10} = ${a * Math.floor(b / 10) * 10}.`,
    `${a} × ${b % 10} = ${a * (b % 10)}.`,
    `Adding the partial products: ${a * Math.floor(b / 10) * 10} + ${a * (b % 10)} = ${a * b}.`,
    `As a check, ${a * b} / ${b} should give back ${a}.`,
    `Estimating: roughly ${Math.round(a / 100) * 100} × ${b} ≈ ${Math.round(a / 100) * 100 * b}, close to ${a * b}.`,
  ];
}

function reasoningFor(steps: string[]): string {
  const parts: string[] = [];
  const length = int(1500, 4500);
  while (parts.join(' ').length < length) {
    const r = random();
    if (r < 0.45) parts.push(pick(steps));
    else if (r < 0.6) parts.push(pick(MOVES));
    else if (r < 0.8) parts.push(`${int(10, 9999)} + ${int(10, 9999)} = ${int(20, 19998)}, carrying the ${int(1, 9)}.`);
    else parts.push(pick(prose));
    if (random() < 0.2) parts.push('\n\n');
  }
  return parts.join(' ');
}

function makeCase(i: number): CaseResult {
  const a = int(100, 9999);
  const b = int(11, 99);
  const steps = caseSteps(a, b);
  const right = String(a * b);
  const samples: Sample[] = Array.from({ length: SAMPLES }, (_, index) => {
    const correct = random() < 0.75;
    const answer = correct ? right : String(a * b + pick([-10, 10, -1, 100]));
    const content = `${pick(steps)} ${pick(MOVES)}\n\nSo the product is ${answer}.\n\nAnswer: ${answer}`;
    return {
      index,
      outcome: 'answered',
      answer,
      correct,
      error: null,
      content,
      reasoning: reasoningFor(steps),
      reasoningSource: 'field',
      finishReason: 'stop',
      latencyMs: int(2000, 40000),
      firstTokenMs: int(200, 900),
      rule: 'marker',
      span: answer,
      usage: { promptTokens: 60, completionTokens: 900, reasoningTokens: 800, totalTokens: 960 },
    } as unknown as Sample;
  });
  const votes: Record<string, number> = {};
  for (const s of samples) votes[s.answer!] = (votes[s.answer!] ?? 0) + 1;
  const top = Object.entries(votes).sort((x, y) => y[1] - x[1])[0]!;
  return {
    id: `mul-${String(i).padStart(5, '0')}`,
    scorer: 'number',
    expected: a * b,
    tags: ['arithmetic', 'multiply'],
    answer: top[0],
    correct: top[0] === right,
    tie: false,
    votes,
    margin: 0.5,
    agreement: top[1] / SAMPLES,
    credit: top[0] === right ? 1 : 0,
    samples,
  } as unknown as CaseResult;
}

const cases = Array.from({ length: CASES }, (_, i) => makeCase(i));
const samples = cases.flatMap((c) => c.samples);
const reasoningChars = samples.reduce((n, s) => n + s.reasoning.length, 0);
const result = {
  schemaVersion: 1,
  tool: { name: 'thinkbench', version: 'bench' },
  suite: { name: 'bench', path: 'bench.yaml', sha256: 'x' },
  model: 'bench-model',
  baseUrl: 'http://127.0.0.1/v1',
  simulated: true,
  params: {},
  samples: SAMPLES,
  concurrency: 8,
  timeoutMs: 600000,
  startedAt: new Date(0).toISOString(),
  finishedAt: new Date(3_600_000).toISOString(),
  complete: true,
  selection: 'majority',
  adaptations: [],
  summary: {
    cases: CASES,
    samples: samples.length,
    accuracy: cases.filter((c) => c.correct).length / CASES,
    pass1: samples.filter((s) => s.correct).length / samples.length,
    errors: 0,
    noAnswer: 0,
    truncated: 0,
    ties: 0,
    usage: {
      promptTokens: 60 * samples.length,
      completionTokens: 900 * samples.length,
      reasoningTokens: 800 * samples.length,
      totalTokens: 960 * samples.length,
    },
    latencyMs: { mean: 20000, p50: 20000, p95: 38000 },
  },
  cases,
} as unknown as Result;

const dir = mkdtempSync(join(tmpdir(), 'thinkbench-report-bench-'));
const file = join(dir, 'report.html');
let started = performance.now();
const html = buildHtmlReport([{ file: 'bench.json', result }], { maxReasoningChars: MAX_REASONING });
const buildMs = performance.now() - started;
writeFileSync(file, html);
// Bytes, as the file holds them (what the goal counts), though the data's text is ASCII today.
const payload = [...html.matchAll(/type="application\/octet-stream"[^>]*>([^<]*)</g)].reduce((n, m) => n + Buffer.byteLength(m[1]!), 0);
const firstScreenData = Buffer.byteLength(/id="report-data">([^<]*)</.exec(html)?.[1] ?? '');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
console.log(
  `${samples.length} samples in ${CASES} cases; reasoning ${mb(reasoningChars)} (${Math.round(reasoningChars / samples.length)} chars per sample on average); --max-reasoning-chars ${MAX_REASONING ?? 'off'}`,
);
console.log(
  `report ${mb(statSync(file).size)} (goal under 10 MB): data ${mb(payload)} gzipped (${mb(firstScreenData)} of it read for the first screen), page and KaTeX ${mb(Buffer.byteLength(html) - payload)}; built in ${Math.round(buildMs)} ms`,
);
console.log(
  `machine: ${cpus().length} cores, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (other work on the machine slows the browser too)`,
);

const profile = mkdtempSync(join(tmpdir(), 'thinkbench-chromium-'));
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args,
  headless: true,
  viewport: { width: 1280, height: 900 },
});
try {
  for (let round = 1; round <= 3; round++) {
    const page = await context.newPage();
    started = performance.now();
    await page.goto(`file://${file}`, { waitUntil: 'commit' });
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    const wallMs = performance.now() - started;
    const inPage = Number(await page.locator('html').getAttribute('data-ready'));
    // When the browser painted the first screen: the wall clock above is late while the browser still parses
    // the texts (it answers playwright between parser tasks), the page's own paint record is not.
    await page.waitForLoadState('load');
    const paintMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          new PerformanceObserver((list) => resolve(Math.round(list.getEntries().at(-1)!.startTime))).observe({
            type: 'largest-contentful-paint',
            buffered: true,
          }),
        ),
    );
    started = performance.now();
    await page.locator('#case-rows .row').nth(3).click();
    await page.waitForSelector('#detail .samples', { timeout: 60_000 });
    const caseMs = performance.now() - started;
    console.log(
      `load ${round}: first screen painted at ${paintMs} ms (goal under 2 s; largest contentful paint), drawn at ${inPage} ms by the page's clock, seen by playwright ${Math.round(wallMs)} ms from navigation; a case's samples ${Math.round(caseMs)} ms after the click`,
    );
    await page.close();
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`report left at ${file}`);
