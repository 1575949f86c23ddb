// Runs one sandbox command with no stdin, a wall limit and an output cap, killing its whole process group (and uid) at the end.
import { spawn } from 'node:child_process';
import { processesOf } from './proc-scan.js';
import type { SandboxCommand } from './sandbox-command.js';

/** How the child ended: by itself, or killed by us for a limit or an abort. */
export type Ending = 'exit' | 'timeout' | 'output_limit' | 'aborted' | 'spawn_error';

export interface SpawnOutcome {
  ending: Ending;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The first `keepBytes` of stdout and stderr as they arrived. */
  head: string;
  /** The last few KB, where interpreters write their fatal errors. */
  tail: string;
  outputBytes: number;
  /** What the harness wrote on fd 3, capped. */
  report: string;
  durationMs: number;
  spawnError?: string;
}

export interface SpawnLimits {
  wallMs: number;
  outputBytes: number;
  keepBytes: number;
  signal?: AbortSignal;
}

const TAIL_BYTES = 4096;
const REPORT_BYTES = 65_536;
/** After the child exits, how long descendants still holding its pipes get before the pipes are dropped. */
const DRAIN_MS = 300;

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {} // already gone
}

/**
 * Kills every process of a throwaway uid, from here (as root): a helper running as that uid could not
 * even start once a fork bomb holds all its process slots. Repeats while a survivor forks anew.
 */
export async function killUid(uid: number): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const pids = await processesOf(uid);
    if (pids.length === 0) return;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {} // already gone
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Spawns the command detached (its own process group) and resolves once it and its pipes are done. */
export function spawnLimited(command: SandboxCommand, limits: SpawnLimits): Promise<SpawnOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command.file, command.args, {
      cwd: command.cwd,
      env: command.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      ...(command.spawnUid !== undefined ? { uid: command.spawnUid, gid: command.spawnUid } : {}),
    });
    let ending: Ending = 'exit';
    let outputBytes = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    let tail = Buffer.alloc(0);
    const report: Buffer[] = [];
    let reportBytes = 0;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let spawnError: string | undefined;
    let settled = false;

    const stop = (why: Ending) => {
      if (ending === 'exit') ending = why;
      killGroup(child.pid);
    };
    const timer = setTimeout(() => stop('timeout'), limits.wallMs);
    const onAbort = () => stop('aborted');
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    if (limits.signal?.aborted) onAbort();

    const onOutput = (chunk: Buffer) => {
      if (ending !== 'exit') return;
      outputBytes += chunk.length;
      if (headBytes < limits.keepBytes) {
        const part = chunk.subarray(0, limits.keepBytes - headBytes);
        head.push(part);
        headBytes += part.length;
      }
      tail = Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
      if (outputBytes > limits.outputBytes) stop('output_limit');
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    const reportStream = child.stdio[3];
    reportStream?.on('data', (chunk: Buffer) => {
      if (reportBytes >= REPORT_BYTES) return;
      report.push(chunk);
      reportBytes += chunk.length;
    });
    for (const stream of [child.stdout, child.stderr, reportStream]) stream?.on('error', () => {});

    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      limits.signal?.removeEventListener('abort', onAbort);
      killGroup(child.pid);
      for (const stream of [child.stdout, child.stderr, reportStream]) stream?.destroy();
      resolve({
        ending: spawnError ? 'spawn_error' : ending,
        code: exit?.code ?? null,
        signal: exit?.signal ?? null,
        head: Buffer.concat(head).toString('utf8'),
        tail: tail.toString('utf8'),
        outputBytes,
        report: Buffer.concat(report).toString('utf8'),
        durationMs: performance.now() - started,
        ...(spawnError ? { spawnError } : {}),
      });
    };
    child.on('error', (error) => {
      spawnError = error.message;
      finish();
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Descendants left in the group would keep the pipes open (and 'close' from firing): kill them now.
      killGroup(child.pid);
      setTimeout(finish, DRAIN_MS).unref();
    });
    child.on('close', finish);
  });
}
