// Probes once what isolation this machine gives (bubblewrap that really starts, or plain processes) and says so in words.
import { execFile } from 'node:child_process';
import { accessSync, constants, lstatSync, readlinkSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { MAX_PROCESSES, SANDBOX_PATHS, type SandboxTools } from './sandbox-command.js';
import type { Isolation } from './types.js';

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

export interface IsolationReport { level: Isolation; detail: string }

let detected: Promise<IsolationReport> | undefined;

/** Runs `true` under the exact bubblewrap arguments the programs get; bubblewrap counts only if that works. */
async function probeBubblewrap(found: SandboxTools): Promise<string | undefined> {
  if (!found.bwrap) return 'bwrap was not found';
  const args = ['--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try'];
  if (!found.root) args.push('--unshare-user');
  for (const mount of found.mounts) {
    if (mount.kind === 'symlink' && mount.target) args.push('--symlink', mount.target, mount.path);
    else args.push('--ro-bind', mount.path, mount.path);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--perms', '0777', '--size', '1048576', '--tmpfs', '/sandbox', '--die-with-parent', '--new-session', '--clearenv', '--', 'true');
  try {
    await run(found.bwrap, args, { timeout: 10_000, env: {} });
    return undefined;
  } catch (error) {
    return `bwrap did not start: ${String((error as { stderr?: string }).stderr || (error as Error).message).trim()}`;
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
    const processes = found.root && found.setpriv
      ? `a throwaway uid, at most ${MAX_PROCESSES} processes`
      : found.root ? 'root (setpriv missing: process count not limited)' : `this user, at most ${MAX_PROCESSES} processes more than it runs already`;
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
