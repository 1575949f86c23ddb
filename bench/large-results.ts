// Results of any size: the real CLI on a million samples (peak RSS), then on ~1.5 GB of reasoning through every command.
// Usage: npx tsx bench/large-results.ts [--quick] [--only million|long] [--cases N (part 1's cases, 50 samples each)]   (needs `npm run build`: the CLI runs from dist/)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_NODE_FLAGS, CLIENT_CORE, startServer } from './children.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
/** `--only million` or `--only long`: one part. */
const only = process.argv[process.argv.indexOf('--only') + 1];
/** Part 1: this many cases x samples at zero latency (the goal: 1,000,000 samples, peak RSS at most 500 MB). */
const casesFlag = process.argv.indexOf('--cases');
const MILLION = { cases: casesFlag > 0 ? Number(process.argv[casesFlag + 1]) : quick ? 2_000 : 20_000, samples: 50 };
/** Part 2: samples carrying this much reasoning each, about 1.5 GB in all. */
const LARGE = quick ? { cases: 100, samples: 30, reasoningChars: 40_000 } : { cases: 1_250, samples: 30, reasoningChars: 40_000 };
const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

interface Measured {
  code: number | null;
  seconds: number;
  peakRssBytes: number;
  stdout: string;
  stderr: string;
}

/** `thinkbench <args>` from dist/, pinned to the client core, with its peak RSS read at exit. */
function cli(args: string[], cwd: string): Promise<Measured> {
  const rssFile = join(cwd, `rss-${process.hrtime.bigint()}.txt`);
  // The shebang's flags too: this is the process `npx thinkbench` starts.
  const node = [...CLI_NODE_FLAGS, '--import', join(ROOT, 'bench/max-rss.mjs'), join(ROOT, 'bin/thinkbench.js'), ...args];
  const [command, argv] = canPin ? ['taskset', ['-c', String(CLIENT_CORE), process.execPath, ...node]] : [process.execPath, node];
  const started = performance.now();
  const child = spawn(command as string, argv as string[], { cwd, env: { ...process.env, BENCH_MAX_RSS_FILE: rssFile, CI: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const peakRssBytes = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : Number.NaN;
      resolve({ code, seconds: (performance.now() - started) / 1000, peakRssBytes, stdout, stderr });
    }),
  );
}

/** A suite of `cases` sums, `samples` samples each, written to `dir`. */
function sumsSuite(dir: string, name: string, cases: number, samples: number): string {
  const lines = Array.from({ length: cases }, (_, i) => `  - id: add-${i}\n    prompt: What is ${i} + 1000?\n    expected: ${i + 1000}\n`);
  const path = join(dir, `${name}.yaml`);
  writeFileSync(
    path,
    `name: ${name}\ndefaults:\n  samples: ${samples}\n  scorer: number\n  instructions: "End with 'Answer: <n>'."\ncases:\n${lines.join('')}`,
  );
  return path;
}

/** Bytes of a result: its head and, when split, its sidecar. */
function resultBytes(path: string): { head: number; sidecar: number } {
  const sidecar = path.replace(/\.json$/, '.samples.jsonl');
  return { head: statSync(path).size, sidecar: existsSync(sidecar) ? statSync(sidecar).size : 0 };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;
const row = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);

function check(m: Measured, what: string, codes = [0]): void {
  if (!codes.includes(m.code ?? -1)) throw new Error(`${what} exited ${m.code}:\n${m.stderr.slice(-2000)}`);
}

const dir = mkdtempSync(join(tmpdir(), 'thinkbench-large-'));
try {
  // Part 1: a million samples at zero latency.
  if (only !== 'long') {
    const server = await startServer(0);
    const total = MILLION.cases * MILLION.samples;
    const suite = sumsSuite(dir, 'million', MILLION.cases, MILLION.samples);
    const out = join(dir, 'million.json');
    const run = await cli(['run', suite, '--base-url', server.url, '--model', 'thinkbench-sim', '--concurrency', '32', '--quiet', '--out', out], dir);
    await server.stop();
    check(run, 'the million-sample run');
    const bytes = resultBytes(out);
    console.log(
      `\n## ${total.toLocaleString('en-US')} samples at zero latency (${MILLION.cases.toLocaleString('en-US')} cases x ${MILLION.samples}), the CLI from dist/\n`,
    );
    row(['figure', 'value']);
    row(['---', '---']);
    row(['wall time', `${run.seconds.toFixed(1)} s (${Math.round(total / run.seconds).toLocaleString('en-US')} samples/s)`]);
    row(['peak RSS of the CLI', `${mb(run.peakRssBytes)} (goal: at most 500 MB) ${run.peakRssBytes <= 500e6 ? 'met' : 'NOT met'}`]);
    row(['result', `${mb(bytes.head)} head + ${mb(bytes.sidecar)} sidecar`]);
    rmSync(out.replace(/\.json$/, '.samples.jsonl'), { force: true });
  }

  // Part 2: long reasoning, about 1.5 GB, through every command.
  if (only !== 'million') {
    const server = await startServer(0, { reasoningChars: LARGE.reasoningChars });
    const suite = sumsSuite(dir, 'long', LARGE.cases, LARGE.samples);
    const base = ['--base-url', server.url, '--model', 'thinkbench-sim', '--concurrency', '16', '--quiet'];
    const steps: { what: string; m: Measured; size: string }[] = [];
    const sizeOf = (output: string) =>
      output.endsWith('.html') ? mb(statSync(join(dir, output)).size) : gb(Object.values(resultBytes(join(dir, output))).reduce((a, b) => a + b, 0));
    const step = async (what: string, args: string[], output?: string, codes?: number[]) => {
      const m = await cli(args, dir);
      check(m, what, codes);
      steps.push({ what, m, size: output ? sizeOf(output) : '' });
      return m;
    };
    await step('run, cut short by --time-budget 20s', ['run', suite, ...base, '--time-budget', '20s', '--out', 'whole.json']);
    const resumed = await step('run --resume (the rest)', ['run', suite, ...base, '--resume', 'whole.json'], 'whole.json');
    const reused = /Resuming .*: (\d+) finished samples reused/.exec(resumed.stdout)?.[1] ?? '?';
    await step('run --shard 1/2', ['run', suite, ...base, '--shard', '1/2', '--out', 'shard-1.json'], 'shard-1.json');
    await step('run --shard 2/2', ['run', suite, ...base, '--shard', '2/2', '--out', 'shard-2.json'], 'shard-2.json');
    await server.stop();
    await step('merge (2 shards)', ['merge', 'shard-1.json', 'shard-2.json', '--out', 'merged.json'], 'merged.json');
    for (const shard of ['shard-1', 'shard-2']) for (const f of [`${shard}.json`, `${shard}.samples.jsonl`]) rmSync(join(dir, f), { force: true });
    await step('compare whole merged', ['compare', 'whole.json', 'merged.json', '--format', 'json'], undefined, [0, 1]);
    await step('rescore', ['rescore', 'whole.json', '--out', 'rescored.json'], 'rescored.json');
    rmSync(join(dir, 'rescored.samples.jsonl'), { force: true });
    await step('report (reasoning cut to 4,000 chars)', ['report', 'whole.json', '-o', 'whole.html'], 'whole.html');
    const whole = resultBytes(join(dir, 'whole.json'));
    const samples = LARGE.cases * LARGE.samples;
    console.log(
      `\n## ${samples.toLocaleString('en-US')} samples with ${LARGE.reasoningChars.toLocaleString('en-US')} characters of reasoning each: ${gb(whole.head + whole.sidecar)} (${mb(whole.head)} head + ${gb(whole.sidecar)} sidecar), every command\n`,
    );
    row(['command', 'wall time', 'peak RSS', 'output']);
    row(['---', '---', '---', '---']);
    for (const { what, m, size } of steps) row([what, `${m.seconds.toFixed(1)} s`, mb(m.peakRssBytes), size]);
    console.log(`\nThe resumed run reused ${reused} samples of the cut-short one; no command held a file in one string (Node's limit is ~512 MB).`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
