// Finds the real interpreter binaries (through pyenv shims and symlinks) and the folders they need mounted in a sandbox.
import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { CodeLanguage } from './types.js';

const run = promisify(execFile);

/** An interpreter as the sandbox sees it. */
export interface Interpreter {
  language: CodeLanguage;
  /** Absolute path of the binary itself (not a shim or a symlink). */
  executable: string;
  /** Folders outside the system ones that it needs read-only (a pyenv or nvm install). */
  extraRoots: string[];
}

/** Folders every sandbox mounts read-only; an interpreter under them needs nothing more. */
export const SYSTEM_ROOTS = ['/usr', '/bin', '/lib', '/lib64', '/lib32', '/libx32', '/sbin'];

const underSystem = (path: string): boolean => SYSTEM_ROOTS.some((root) => path === root || path.startsWith(`${root}/`));

const cache = new Map<CodeLanguage, Promise<Interpreter>>();

/** The interpreter for a language, found once per process: `python3` on PATH, and the node running thinkbench. */
export function findInterpreter(language: CodeLanguage): Promise<Interpreter> {
  let found = cache.get(language);
  if (!found) {
    found = language === 'python' ? findPython() : Promise.resolve(findNode());
    cache.set(language, found);
    found.catch(() => cache.delete(language));
  }
  return found;
}

async function findPython(): Promise<Interpreter> {
  const script = 'import os, sys; print(os.path.realpath(sys.executable)); print(os.path.realpath(sys.base_prefix))';
  let stdout: string;
  try {
    ({ stdout } = await run('python3', ['-c', script], { timeout: 30_000 }));
  } catch (error) {
    throw new Error(`python3 is needed to run Python programs and could not be started: ${(error as Error).message}`);
  }
  const [executable = '', prefix = ''] = stdout.trim().split('\n');
  return { language: 'python', executable, extraRoots: extraRootsFor(executable, prefix) };
}

function findNode(): Interpreter {
  const executable = realpathSync(process.execPath);
  return { language: 'javascript', executable, extraRoots: extraRootsFor(executable, dirname(dirname(executable))) };
}

function extraRootsFor(executable: string, prefix: string): string[] {
  if (underSystem(executable) && (prefix === '' || underSystem(prefix))) return [];
  return [prefix !== '' && executable.startsWith(`${prefix}/`) ? prefix : dirname(executable)];
}
