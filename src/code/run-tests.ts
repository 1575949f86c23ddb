// Runs one program against its tests in a fresh temporary folder, under the isolation asked for, and records what happened.
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyRun } from './classify.js';
import { findInterpreter } from './interpreters.js';
import { reachableByOthers, sandboxTools } from './isolation.js';
import { JS_HARNESS } from './js-harness.js';
import { PYTHON_HARNESS } from './python-harness.js';
import { tasksOf } from './proc-scan.js';
import { MAX_PROCESSES, sandboxCommand } from './sandbox-command.js';
import { killUid, spawnLimited } from './spawn-limited.js';
import { releaseUid, takeUid } from './throwaway-uids.js';
import { DEFAULT_LIMITS, OUTPUT_KEPT_BYTES, type CodeLanguage, type CodeLimits, type CodeRun, type CodeTask } from './types.js';

const FILES: Record<CodeLanguage, { harness: string; source: string; program: string; tests: string; flags: string[] }> = {
  python: { harness: 'harness.py', source: PYTHON_HARNESS, program: 'program.py', tests: 'tests.py', flags: ['-I', '-B'] },
  javascript: { harness: 'harness.cjs', source: JS_HARNESS, program: 'program.js', tests: 'tests.js', flags: [] },
};

/**
 * RLIMIT_NPROC for one program. A throwaway uid gets MAX_PROCESSES. A normal user's limit counts all
 * of their tasks, so it is set to what they run now plus MAX_PROCESSES. Root without a throwaway uid
 * is never limited by it, so none is set.
 */
async function processLimit(root: boolean, uid: number | undefined): Promise<{ processLimit?: number }> {
  if (uid !== undefined) return { processLimit: MAX_PROCESSES };
  if (root) return {};
  const self = process.getuid?.();
  return self === undefined ? {} : { processLimit: (await tasksOf(self)) + MAX_PROCESSES };
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
  if (task.signal?.aborted) return { outcome: 'error', detail: 'stopped: the run was aborted', output: '', durationMs: 0 };
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
        ...(await processLimit(tools.root, uid)),
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
    // Outside a pid namespace nothing else ends what the program left running. (Inside one, the kernel
    // kills everything left when the namespace's first process ends.)
    if (command.spawnUid !== undefined) await killUid(command.spawnUid);
    return classifyRun(spawned, limits);
  } finally {
    if (uid !== undefined) releaseUid(uid);
    await rm(folder, { recursive: true, force: true }).catch(() => {});
  }
}
