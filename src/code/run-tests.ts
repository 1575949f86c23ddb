// Runs one program against its tests in a fresh temporary folder, under the isolation asked for, and records what happened.
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyRun } from './classify.js';
import { findInterpreter } from './interpreters.js';
import { reachableByOthers, sandboxTools } from './isolation.js';
import { JS_HARNESS } from './js-harness.js';
import { PYTHON_HARNESS } from './python-harness.js';
import { sandboxCommand } from './sandbox-command.js';
import { killUid, spawnLimited } from './spawn-limited.js';
import { DEFAULT_LIMITS, OUTPUT_KEPT_BYTES, type CodeLanguage, type CodeLimits, type CodeRun, type CodeTask } from './types.js';

const FILES: Record<CodeLanguage, { harness: string; source: string; program: string; tests: string; flags: string[] }> = {
  python: { harness: 'harness.py', source: PYTHON_HARNESS, program: 'program.py', tests: 'tests.py', flags: ['-I', '-B'] },
  javascript: { harness: 'harness.cjs', source: JS_HARNESS, program: 'program.js', tests: 'tests.js', flags: [] },
};

// Throwaway uids for programs when thinkbench runs as root (root ignores RLIMIT_NPROC). One per
// program running at once, since the limit counts per uid; offset by pid so two runs do not share.
const UID_BASE = 1_000_000_000 + (process.pid % 1_000_000) * 1000;
const uidsInUse = new Set<number>();
function takeUid(): number {
  let uid = UID_BASE;
  while (uidsInUse.has(uid)) uid++;
  uidsInUse.add(uid);
  return uid;
}

/** Limits with the defaults filled in. */
export function resolveLimits(limits: Partial<CodeLimits> | undefined): CodeLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/**
 * Runs `program` followed by `tests` (and check(entryPoint) when the tests define check) in its own
 * process and temporary folder, with a scrubbed environment, no stdin and the limits, under the
 * isolation level given (from detectIsolation). Never throws for anything the program does: a
 * hostile or broken program is an outcome. Throws only when the interpreter cannot be found.
 */
export async function runTests(task: CodeTask): Promise<CodeRun> {
  if (task.program.trim() === '') return { outcome: 'no_code', output: '', durationMs: 0 };
  const limits = resolveLimits(task.limits);
  const interpreter = await findInterpreter(task.language);
  const tools = sandboxTools();
  const files = FILES[task.language];
  // As root, drop to a throwaway uid when the interpreter is reachable by one (a pyenv under /root is not, outside bubblewrap).
  const dropUid = tools.root && (task.isolation === 'bubblewrap' ? tools.setpriv !== undefined : reachableByOthers(interpreter.executable));
  const uid = dropUid ? takeUid() : undefined;
  const folder = await mkdtemp(join(tmpdir(), 'thinkbench-code-'));
  try {
    await writeFile(join(folder, files.harness), files.source);
    await writeFile(join(folder, files.program), task.program);
    await writeFile(join(folder, files.tests), task.tests);
    if (uid !== undefined && task.isolation === 'process') {
      for (const name of ['', files.harness, files.program, files.tests]) await chown(join(folder, name), uid, uid);
    }
    const command = sandboxCommand(
      {
        isolation: task.isolation,
        interpreter,
        folder,
        files: [files.harness, files.program, files.tests],
        argv: [...files.flags, files.harness, task.entryPoint ?? ''],
        limits,
        ...(uid !== undefined ? { uid } : {}),
        lang: process.env.LANG ?? 'C.UTF-8',
      },
      tools,
    );
    const spawned = await spawnLimited(command, {
      wallMs: limits.wallMs,
      outputBytes: limits.outputBytes,
      keepBytes: Math.min(limits.outputBytes, OUTPUT_KEPT_BYTES),
      ...(task.signal ? { signal: task.signal } : {}),
    });
    if (command.spawnUid !== undefined) await killUid(command.spawnUid);
    return classifyRun(spawned, limits);
  } finally {
    if (uid !== undefined) uidsInUse.delete(uid);
    await rm(folder, { recursive: true, force: true }).catch(() => {});
  }
}
