// Test helpers: the real CLI as a child process, with no endpoint configured unless a test sets one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/thinkbench.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh working directory for a CLI run (results/ lands there). */
export function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'thinkbench-e2e-'));
}

/** Environment without any endpoint settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  return { ...env, ...extra };
}

/** Starts `thinkbench <args>`; `done` resolves with its exit code and output. */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? workDir(), env: cleanEnv(options.env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? (signal ? -1 : null), stdout, stderr })));
  return { child, done, output: () => stdout + stderr };
}

/** Runs `thinkbench <args>` to the end. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** A shipped suite's absolute path. */
export function suitePath(name: string): string {
  return join(ROOT, 'suites', `${name}.yaml`);
}

/** Resolves once `condition` holds (checked every 25 ms); throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
