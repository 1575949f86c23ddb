// Child process: times one client (thinkbench's evaluate(), or the bare openai SDK with p-limit) on a workload, printing JSON.
import OpenAI from 'openai';
import pLimit from 'p-limit';
import { evaluateOn, maxRssBytes, MAX_RETRIES, MODEL, processCpuMs, RESULT_PREFIX, sampleRss, TIMEOUT_MS, workload, type PlainRequest } from './workload.js';
import type { Suite } from '../src/schema/suite.js';

/** What the parent asks for; `from` is where thinkbench's modules come from: src (under tsx) or dist (compiled by tsc). */
export interface ClientConfig {
  kind: 'thinkbench' | 'sdk';
  stream: boolean;
  from: string;
  url: string;
  serverPid: number;
  cases: number;
  samples: number;
  concurrency: number;
  repeats: number;
  /** Requests sent untimed first, so connections are open and V8 has optimised the hot paths. */
  warmupRequests: number;
}

/** One timed run. */
export interface RunFigures {
  wallMs: number;
  requests: number;
  peakRssBytes: number;
  clientCpuMs: number;
  serverCpuMs: number | null;
}

const config = JSON.parse(process.argv[2]!) as ClientConfig;
async function runThinkbench(suite: Suite): Promise<number> {
  const result = await evaluateOn(config.from, config.url, suite, { concurrency: config.concurrency, stream: config.stream });
  if (result.summary.errors > 0) throw new Error(`thinkbench run had ${result.summary.errors} errors`);
  return result.summary.samples;
}

async function runSdk(requests: PlainRequest[]): Promise<number> {
  const sdk = new OpenAI({ baseURL: config.url, apiKey: 'no-key', timeout: TIMEOUT_MS, maxRetries: MAX_RETRIES });
  const limit = pLimit(config.concurrency);
  const replies = await Promise.all(
    requests.map(({ messages, params }) =>
      limit(async () => {
        if (!config.stream) {
          const completion = await sdk.chat.completions.create({ ...params, model: MODEL, messages, stream: false });
          return completion.choices[0]?.message.content ?? '';
        }
        // Streamed the way thinkbench streams: usage included, every chunk read.
        const stream = await sdk.chat.completions.create({ ...params, model: MODEL, messages, stream: true, stream_options: { include_usage: true } });
        let content = '';
        for await (const chunk of stream) content += chunk.choices[0]?.delta.content ?? '';
        return content;
      }),
    ),
  );
  return replies.length;
}

async function timedRun(cases: number): Promise<RunFigures> {
  const { suite, requests } = workload(cases, config.samples);
  const rss = sampleRss();
  const serverBefore = processCpuMs(config.serverPid);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const done = config.kind === 'thinkbench' ? await runThinkbench(suite) : await runSdk(requests);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const serverAfter = processCpuMs(config.serverPid);
  if (done !== requests.length) throw new Error(`expected ${requests.length} samples, got ${done}`);
  return {
    wallMs,
    requests: done,
    peakRssBytes: rss.stop(),
    clientCpuMs: (cpu.user + cpu.system) / 1000,
    serverCpuMs: serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore,
  };
}

await timedRun(Math.max(1, Math.ceil(config.warmupRequests / config.samples)));
const runs: RunFigures[] = [];
for (let i = 0; i < config.repeats; i++) runs.push(await timedRun(config.cases));
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ runs, maxRssBytes: maxRssBytes() })}\n`);
