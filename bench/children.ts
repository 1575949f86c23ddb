// Starts the benchmark's child processes (the endpoint, the clients) each pinned to its own core, and reads their results.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MockOptions } from '../src/mock/server.js';
import { RESULT_PREFIX } from './workload.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const SERVER_CORE = 0;
export const CLIENT_CORE = 1;
/** `taskset` pins each child to one core; without it (not Linux) children share the cores. */
const canPin = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** The node flags on bin/thinkbench.js's shebang line: what `npx thinkbench` runs with, so a measured CLI gets them too. */
export const CLI_NODE_FLAGS = readFileSync(new URL('../bin/thinkbench.js', import.meta.url), 'utf8')
  .split('\n')[0]!
  .split(/\s+/)
  .filter((w) => w.startsWith('--'));

/** Runs `node --import tsx bench/<script>` pinned to `core`, with a JSON argument. */
function startChild(script: string, args: string[], core: number, extraNodeArgs: string[] = []): ChildProcess {
  const node = [...extraNodeArgs, '--import', 'tsx', `${HERE}${script}`, ...args];
  const [command, argv] = canPin ? ['taskset', ['-c', String(core), process.execPath, ...node]] : [process.execPath, node];
  return spawn(command as string, argv as string[], { stdio: ['pipe', 'pipe', 'inherit'] });
}

/** Resolves with the child's result line (parsed), once it has printed it. */
function resultOf<T>(child: ChildProcess, script: string, untilExit: boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let found: T | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line && found === undefined) {
        found = JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
        if (!untilExit) resolve(found);
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (found !== undefined) resolve(found);
      else reject(new Error(`bench/${script} exited with code ${code} before reporting a result`));
    });
  });
}

/** A simulated endpoint in its own process; `stop()` closes its stdin and waits for it to exit. */
export async function startServer(latencyMs: number, options: MockOptions = {}): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = startChild('serve.ts', [String(latencyMs), JSON.stringify(options)], SERVER_CORE);
  const { url, pid } = await resultOf<{ url: string; pid: number }>(child, 'serve.ts', false);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin!.end();
    });
  return { url, pid, stop };
}

/** Runs a measuring child to the end and returns what it reported. */
export function runChild<T>(script: string, config: object, extraNodeArgs: string[] = []): Promise<T> {
  const child = startChild(script, [JSON.stringify(config)], CLIENT_CORE, extraNodeArgs);
  child.stdin!.end();
  return resultOf<T>(child, script, true);
}
