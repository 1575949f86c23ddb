// Probes once what isolation this machine gives (bubblewrap that really starts, or plain processes) and says so in words.
import { execFile } from 'node:child_process';
import { accessSync, constants, lstatSync, readlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { MAX_PROCESSES, SANDBOX_PATHS, sandboxCommand, type SandboxTools } from './sandbox-command.js';
import { releaseUid, takeUid } from './throwaway-uids.js';
import { DEFAULT_LIMITS, type Isolation } from './types.js';

const run = promisify(execFile);

function onPath(name: string): string | undefined {
  for (const dir of ['/usr/bin', '/bin', ...(process.env.PATH ?? '').split(delimiter)]) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

function mountsOf(paths: readonly string[]): SandboxTools['mounts'] {
  const mounts: SandboxTools['mounts'] = [];
  for (const path of paths) {
    try {
      const stat = lstatSync(path);
      if (stat.isSymbolicLink()) mounts.push({ path, kind: 'symlink', target: readlinkSync(path) });
      else mounts.push({ path, kind: stat.isDirectory() ? 'dir' : 'file' });
    } catch {}
  }
  return mounts;
}

let tools: SandboxTools | undefined;

/** The host's sandbox tools, looked up once. */
export function sandboxTools(): SandboxTools {
  tools ??= {
    prlimit: onPath('prlimit'),
    bwrap: onPath('bwrap'),
    setpriv: onPath('setpriv'),
    root: process.getuid?.() === 0,
    mounts: mountsOf(SANDBOX_PATHS),
  };
  return tools;
}

/** True when every folder on the way to `path` lets others through and `path` lets others run it. */
export function reachableByOthers(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o001) === 0) return false;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) return false;
      if (dir === dirname(dir)) return true;
    }
  } catch {
    return false;
  }
}

export interface IsolationReport {
  level: Isolation;
  detail: string;
}

let detected: Promise<IsolationReport> | undefined;

/** Runs `true` under the very command programs get (prlimit, bwrap, setpriv); bubblewrap counts only if that works. */
async function probeBubblewrap(found: SandboxTools): Promise<string | undefined> {
  if (!found.bwrap) return 'bwrap was not found';
  const executable = onPath('true');
  if (!executable) return 'true was not found to probe bwrap with';
  const uid = found.root ? takeUid() : undefined;
  try {
    const command = sandboxCommand(
      {
        isolation: 'bubblewrap',
        interpreter: { language: 'python', executable, extraRoots: [] },
        folder: tmpdir(),
        files: [],
        argv: [],
        limits: DEFAULT_LIMITS,
        ...(uid !== undefined ? { uid, processLimit: MAX_PROCESSES } : {}),
        lang: 'C.UTF-8',
      },
      found,
    );
    await run(command.file, command.args, { timeout: 10_000, env: command.env, cwd: command.cwd });
    return undefined;
  } catch (error) {
    return `bwrap did not start: ${String((error as { stderr?: string }).stderr || (error as Error).message).trim()}`;
  } finally {
    if (uid !== undefined) releaseUid(uid);
  }
}

/**
 * The strongest isolation this machine gives, probed once per process: bubblewrap when /usr/bin/bwrap
 * really starts a sandbox here, else separate processes. `detail` says in words what is and is not
 * isolated, for the run's first lines and the result.
 */
export function detectIsolation(): Promise<IsolationReport> {
  detected ??= (async () => {
    const found = sandboxTools();
    const failure = await probeBubblewrap(found);
    const limits = found.prlimit ? 'prlimit' : 'ulimit';
    const processes =
      found.root && found.setpriv
        ? `a throwaway uid, at most ${MAX_PROCESSES} processes`
        : found.root
          ? 'root (setpriv missing: process count not limited)'
          : `this user, at most ${MAX_PROCESSES} processes more than it runs already`;
    if (!failure) {
      return {
        level: 'bubblewrap',
        detail: `bubblewrap: no network, own pid namespace, read-only system folders, a fresh tmpfs folder; ${processes}; memory, CPU and file size by ${limits}`,
      };
    }
    return {
      level: 'process',
      detail: `separate processes only (${failure}): the network and the file system are NOT isolated; scrubbed environment, time, memory and output limits by ${limits}`,
    };
  })();
  return detected;
}
