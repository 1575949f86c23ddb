// `npm run bench`: thinkbench's evaluate() against the bare openai SDK and the ideal on the simulated endpoint; prints tables and a README block.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { renderTable } from '../src/report/table.js';
import { CLI_NODE_FLAGS, runChild, startServer } from './children.js';
import type { ClientConfig, RunFigures } from './client.js';
import type { MemoryFigures } from './memory.js';

interface Scenario {
  name: string;
  latencyMs: number;
  cases: number;
  samples: number;
  concurrency: number;
  warmupRequests: number;
  target: number;
}
interface Measured {
  label: string;
  runs: RunFigures[];
  maxRssBytes: number;
}
type Client = Pick<ClientConfig, 'kind' | 'stream' | 'from'> & { label: string; repeats: number };

const A: Scenario = { name: 'A', latencyMs: 200, cases: 256, samples: 5, concurrency: 64, warmupRequests: 256, target: 1.1 };
// Concurrency 32: on 2 cores the bare SDK ran ~10% faster at 32 than at 64 with zero latency (fewer sockets to poll).
const B: Scenario = { name: 'B', latencyMs: 0, cases: 1000, samples: 5, concurrency: 32, warmupRequests: 4000, target: 1.5 };
const MEMORY = { cases: 20_000, samples: 5, concurrency: 32, limitBytes: 400e6 };
const STARTUP_RUNS = 10;
const STARTUP_TARGET_MS = 200;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const ratio = (value: number, base: number): string => (base > 0 ? `${(value / base).toFixed(2)}x` : '-');
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function runScenario(s: Scenario, clients: Client[]): Promise<Measured[]> {
  const server = await startServer(s.latencyMs);
  const measured: Measured[] = [];
  try {
    for (const client of clients) {
      log(`  ${s.name}: ${client.label} (warm-up, then ${client.repeats} timed run${client.repeats > 1 ? 's' : ''})`);
      const { kind, stream, from, repeats } = client;
      const config: ClientConfig = {
        kind,
        stream,
        from,
        repeats,
        url: server.url,
        serverPid: server.pid,
        cases: s.cases,
        samples: s.samples,
        concurrency: s.concurrency,
        warmupRequests: s.warmupRequests,
      };
      measured.push({ label: client.label, ...(await runChild<Omit<Measured, 'label'>>('client.ts', config)) });
    }
  } finally {
    await server.stop();
  }
  return measured;
}

function scenarioTable(s: Scenario, measured: Measured[]): { table: string; wallMs: (label: string) => number; ideal: number } {
  const n = s.cases * s.samples;
  const idealMs = Math.ceil(n / s.concurrency) * s.latencyMs;
  const wallMs = (label: string) => median(measured.find((m) => m.label === label)!.runs.map((r) => r.wallMs));
  // Each client against the bare SDK run the same way: streamed rows against the streamed SDK when measured.
  const sdkStreamed = measured.some((m) => m.label === sdkStream.label);
  const sdkMsFor = (label: string) => wallMs(label.includes('streamed') && sdkStreamed ? sdkStream.label : sdk.label);
  const rows = measured.map((m) => {
    const wall = wallMs(m.label);
    const runs = m.runs;
    const cpu = median(runs.map((r) => r.clientCpuMs / r.wallMs));
    const server = runs.every((r) => r.serverCpuMs !== null) ? `${Math.round(median(runs.map((r) => r.serverCpuMs! / r.wallMs)) * 100)}%` : '-';
    return [
      m.label,
      sec(wall),
      runs.map((r) => (r.wallMs / 1000).toFixed(2)).join(' / '),
      String(Math.round(n / (wall / 1000))),
      ratio(wall, sdkMsFor(m.label)),
      ratio(wall, idealMs),
      `${Math.round(cpu * 100)}%`,
      server,
      mb(median(runs.map((r) => r.peakRssBytes))),
      mb(m.maxRssBytes),
    ];
  });
  rows.push(['ideal: ceil(N/concurrency) x latency', sec(idealMs), '', idealMs ? String(Math.round(n / (idealMs / 1000))) : '-', '', '', '', '', '', '']);
  const header = ['client', 'wall (median)', 'runs (s)', 'req/s', 'x bare SDK (same streaming)', 'x ideal', 'client CPU', 'server CPU', 'peak RSS', 'maxRSS'];
  return { table: renderTable(header, rows, new Set([1, 3, 4, 5, 6, 7, 8, 9])), wallMs, ideal: idealMs };
}

function startupMs(args: string[]): number[] {
  spawnSync(process.execPath, args); // once untimed, so the files are in the page cache
  return Array.from({ length: STARTUP_RUNS }, () => {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
    return performance.now() - started;
  });
}

const cpu = `${cpus()[0]?.model.trim() ?? 'unknown CPU'} (${cpus().length} cores)`;
console.log(`thinkbench bench on ${cpu}, Node ${process.version}; endpoint and client each pinned to one core when taskset exists`);
const tb: Client = { label: 'thinkbench evaluate()', kind: 'thinkbench', stream: false, from: 'src', repeats: 3 };
const sdk: Client = { label: 'bare openai SDK', kind: 'sdk', stream: false, from: 'src', repeats: 3 };
const tbStream: Client = { ...tb, label: 'thinkbench, streamed', stream: true };
const sdkStream: Client = { ...sdk, label: 'bare openai SDK, streamed', stream: true };

log('Scenario A');
const a = scenarioTable(A, await runScenario(A, [sdk, tb, tbStream]));
log('Scenario B');
const b = scenarioTable(
  B,
  await runScenario(B, [
    sdk,
    tb,
    { ...sdkStream, repeats: 1 },
    { ...tbStream, repeats: 1 },
    { ...tb, label: 'thinkbench, compiled dist/', from: 'dist', repeats: 1 },
  ]),
);
log('Scenario C');
const versionMs = startupMs(['bin/thinkbench.js', '--version']);
const nodeMs = startupMs(['-e', '0']);
log('Scenario D');
const memServer = await startServer(0);
const d = await runChild<MemoryFigures>('memory.ts', { from: 'dist', url: memServer.url, ...MEMORY, write: true }, CLI_NODE_FLAGS).finally(() =>
  memServer.stop(),
);

const aRatio = a.wallMs('thinkbench evaluate()') / a.wallMs('bare openai SDK');
const bRatio = b.wallMs('thinkbench evaluate()') / b.wallMs('bare openai SDK');
const bRate = (label: string) => Math.round((B.cases * B.samples) / (b.wallMs(label) / 1000));
const peakD = Math.max(d.maxRssBytes, d.evaluatePeakRssBytes, d.writePeakRssBytes);
console.log(
  `\nA: ${A.cases * A.samples} samples, latency ${A.latencyMs} ms, concurrency ${A.concurrency} (target: thinkbench within ${A.target}x of the bare SDK: ${verdict(aRatio <= A.target)}, ${aRatio.toFixed(2)}x)`,
);
console.log(a.table);
console.log(
  `\nB: ${B.cases * B.samples} samples, zero latency, concurrency ${B.concurrency} (target: within ${B.target}x of the bare SDK: ${verdict(bRatio <= B.target)}, ${bRatio.toFixed(2)}x)`,
);
console.log(b.table);
console.log(`\nC: startup, median of ${STARTUP_RUNS} (target: under ${STARTUP_TARGET_MS} ms: ${verdict(median(versionMs) < STARTUP_TARGET_MS)})`);
console.log(
  renderTable(
    ['command', 'median', 'runs (ms)'],
    [
      ['node bin/thinkbench.js --version', `${Math.round(median(versionMs))} ms`, versionMs.map(Math.round).join(' ')],
      ['node -e 0', `${Math.round(median(nodeMs))} ms`, nodeMs.map(Math.round).join(' ')],
    ],
    new Set([1]),
  ),
);
console.log(
  `\nD: ${d.samples} samples (${MEMORY.cases} cases x ${MEMORY.samples}), zero latency, concurrency ${MEMORY.concurrency}, in a child process (target: peak under ${mb(MEMORY.limitBytes)}: ${verdict(peakD < MEMORY.limitBytes)})`,
);
console.log(
  renderTable(
    ['stage', 'time', 'peak RSS (sampled)', 'notes'],
    [
      ['imports only (node + tsx)', '', mb(d.startRssBytes), 'before the suite exists: the floor'],
      ['evaluate()', sec(d.evaluateMs), mb(d.evaluatePeakRssBytes), `${Math.round(d.samples / (d.evaluateMs / 1000))} samples/s`],
      ['writeResult()', sec(d.writeMs), mb(d.writePeakRssBytes), `${mb(d.fileBytes)} written; heap used after ${mb(d.heapUsedAfterBytes)}`],
      ['whole child', sec(d.evaluateMs + d.writeMs), mb(d.maxRssBytes), 'process.resourceUsage().maxRSS'],
    ],
    new Set([1, 2]),
  ),
);

console.log(`\nFor the README:\n
Speed, measured on ${cpu}, Node ${process.version} (\`npm run bench\`; simulated endpoint in its own process):
- ${A.cases * A.samples} samples at ${A.latencyMs} ms latency, concurrency ${A.concurrency}: thinkbench ${sec(a.wallMs('thinkbench evaluate()'))}, bare openai SDK ${sec(a.wallMs('bare openai SDK'))} (${aRatio.toFixed(2)}x), ideal ${sec(a.ideal)}.
- ${B.cases * B.samples} samples at zero latency, concurrency ${B.concurrency}: thinkbench ${bRate('thinkbench evaluate()')} requests/s, bare SDK ${bRate('bare openai SDK')} requests/s (${bRatio.toFixed(2)}x the time).
- \`thinkbench --version\` starts in ${Math.round(median(versionMs))} ms (\`node -e 0\`: ${Math.round(median(nodeMs))} ms).
- ${d.samples.toLocaleString('en-US')} samples: ${sec(d.evaluateMs + d.writeMs)}, peak RSS ${mb(peakD)}, result ${mb(d.fileBytes)} on disk.`);
