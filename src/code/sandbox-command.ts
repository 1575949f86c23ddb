// Builds the command line that runs one program: rlimits (prlimit), then bubblewrap and an unprivileged uid where available. Pure.
import type { Interpreter } from './interpreters.js';
import { SYSTEM_ROOTS } from './interpreters.js';
import type { CodeLimits, Isolation } from './types.js';

/** The host's tools and facts that decide the command; found once by detectIsolation. */
export interface SandboxTools {
  prlimit?: string;
  bwrap?: string;
  setpriv?: string;
  /** True when thinkbench runs as root: programs then run as a throwaway uid, since root ignores RLIMIT_NPROC. */
  root: boolean;
  /** Host paths among SYSTEM_ROOTS and a few /etc files: how each is to appear in the sandbox. */
  mounts: Array<{ path: string; kind: 'dir' | 'file' | 'symlink'; target?: string }>;
}

/** Processes and threads one program may have at once (node alone starts about a dozen threads). */
export const MAX_PROCESSES = 64;
/** Largest file a program may write, and the size of its writable tmpfs folders under bubblewrap. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Address space V8 reserves beyond its heap before running anything (it fails to start under 1 GB). */
export const NODE_RESERVE_MB = 1536;
/** Where the program's folder appears inside bubblewrap. */
export const SANDBOX_DIR = '/sandbox';

export interface CommandInput {
  isolation: Isolation;
  interpreter: Interpreter;
  /** Host folder holding the files; under bubblewrap each is mounted read-only into a fresh tmpfs. */
  folder: string;
  files: readonly string[];
  /** Arguments after the interpreter (the harness and its arguments). */
  argv: readonly string[];
  limits: CodeLimits;
  /** The uid to run as (when root), or undefined to stay the current user. */
  uid?: number;
  /** RLIMIT_NPROC, or undefined for none (root ignores it): it counts every task of the uid, not just the program's. */
  processLimit?: number;
  lang: string;
}

export interface SandboxCommand {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** Set when the program runs as this uid outside a pid namespace: its leftovers are killed by uid. */
  spawnUid?: number;
}

/** The interpreter's own arguments that carry the memory limit (V8 needs it as a flag to fail cleanly). */
function interpreterArgs(input: CommandInput): string[] {
  return input.interpreter.language === 'javascript' ? [`--max-old-space-size=${input.limits.memoryMb}`, ...input.argv] : [...input.argv];
}

function addressSpaceBytes(input: CommandInput): number {
  const reserve = input.interpreter.language === 'javascript' ? NODE_RESERVE_MB : 0;
  return (input.limits.memoryMb + reserve) * 1024 * 1024;
}

/** rlimits as prlimit flags, or as a `sh -c ulimit` prefix where prlimit is missing. */
function limitPrefix(input: CommandInput, tools: SandboxTools): string[] {
  const cpuSeconds = Math.ceil(input.limits.wallMs / 1000) + 1;
  const as = addressSpaceBytes(input);
  if (tools.prlimit) {
    const nproc = input.processLimit !== undefined ? [`--nproc=${input.processLimit}`] : [];
    return [tools.prlimit, `--as=${as}`, `--fsize=${MAX_FILE_BYTES}`, '--core=0', `--cpu=${cpuSeconds}`, ...nproc, '--'];
  }
  const nproc = input.processLimit !== undefined ? ` -u ${input.processLimit}` : '';
  const script = `ulimit -v ${Math.floor(as / 1024)} -f ${MAX_FILE_BYTES / 1024} -c 0 -t ${cpuSeconds}${nproc} && exec "$@"`;
  return ['/bin/sh', '-c', script, 'sh'];
}

/** '/a/b/c' -> ['/a', '/a/b']: the folders between the root and a path. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_part, i) => `/${parts.slice(0, i + 1).join('/')}`);
}

function bwrapArgs(input: CommandInput, tools: SandboxTools): string[] {
  const args = ['--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try'];
  // As root, a user namespace would map the program to uid 0, which RLIMIT_NPROC never limits: stay
  // privileged and drop to a throwaway uid with setpriv instead. Otherwise a user namespace is the way in.
  if (!tools.root) args.push('--unshare-user');
  // bwrap would create /etc (for the linker cache) as 0700, which the throwaway uid cannot enter.
  args.push('--die-with-parent', '--new-session', '--perms', '0755', '--dir', '/etc');
  for (const mount of tools.mounts) {
    if (mount.kind === 'symlink' && mount.target) args.push('--symlink', mount.target, mount.path);
    else args.push('--ro-bind', mount.path, mount.path);
  }
  for (const root of input.interpreter.extraRoots) {
    // bwrap would create the folders above it (/root for a pyenv) as 0700, closed to the throwaway uid.
    for (const above of ancestors(root)) args.push('--perms', '0755', '--dir', above);
    args.push('--ro-bind', root, root);
  }
  args.push('--proc', '/proc', '--dev', '/dev');
  args.push('--perms', '1777', '--size', String(MAX_FILE_BYTES), '--tmpfs', '/tmp');
  args.push('--perms', '0777', '--size', String(MAX_FILE_BYTES), '--tmpfs', SANDBOX_DIR);
  for (const file of input.files) args.push('--ro-bind', `${input.folder}/${file}`, `${SANDBOX_DIR}/${file}`);
  // A privileged bwrap keeps root's capabilities for its child: keep only what setpriv needs to drop to the uid.
  const switchesUid = tools.root && input.uid !== undefined && tools.setpriv !== undefined;
  if (tools.root) args.push('--cap-drop', 'ALL');
  if (switchesUid) args.push('--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID', '--cap-add', 'CAP_SETPCAP');
  args.push('--chdir', SANDBOX_DIR, '--clearenv');
  for (const [name, value] of Object.entries(environment(SANDBOX_DIR, input.lang))) args.push('--setenv', name, value);
  args.push('--');
  if (switchesUid && tools.setpriv) {
    const id = String(input.uid);
    args.push(tools.setpriv, '--reuid', id, '--regid', id, '--clear-groups', '--no-new-privs', '--inh-caps=-all', '--bounding-set=-all');
  }
  return args;
}

/** The whole environment a program sees: no API keys, no proxies, nothing of the parent's but LANG. */
export function environment(home: string, lang: string): Record<string, string> {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, LANG: lang };
}

/** The command for one program at the given isolation level. */
export function sandboxCommand(input: CommandInput, tools: SandboxTools): SandboxCommand {
  const runAs = tools.root ? input.uid : undefined;
  const interpreter = [input.interpreter.executable, ...interpreterArgs(input)];
  if (input.isolation === 'bubblewrap') {
    if (!tools.bwrap) throw new Error('bubblewrap isolation was asked for, but bwrap was not found');
    const [file, ...args] = [...limitPrefix(input, tools), tools.bwrap, ...bwrapArgs(input, tools), ...interpreter];
    return { file: file!, args, cwd: input.folder, env: environment(input.folder, input.lang) };
  }
  // A shell that waits stands between thinkbench and the program, so os.kill(os.getppid(), 9) hits the shell.
  const waiting = ['/bin/sh', '-c', '"$@"; exit $?', 'sh'];
  const [file, ...args] = [...limitPrefix(input, tools), ...waiting, ...interpreter];
  return { file: file!, args, cwd: input.folder, env: environment(input.folder, input.lang), ...(runAs !== undefined ? { spawnUid: runAs } : {}) };
}

/** The mounts for the system folders and the /etc files interpreters read (linker cache, time zone). */
export const SANDBOX_ETC_FILES = ['/etc/ld.so.cache', '/etc/localtime', '/etc/alternatives'];
export const SANDBOX_PATHS = [...SYSTEM_ROOTS, ...SANDBOX_ETC_FILES];
