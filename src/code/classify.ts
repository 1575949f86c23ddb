// Turns how a sandboxed run ended (limits hit, exit status, the harness's report) into a CodeRun. Pure.
import { constants } from 'node:os';
import { z } from 'zod';
import type { SpawnOutcome } from './spawn-limited.js';
import type { CodeLimits, CodeRun } from './types.js';

/** What the harnesses write on fd 3: one JSON line, the last valid one counts. */
export const HarnessReport = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('done'), results: z.string().regex(/^[10E]*$/), failure: z.string().nullable(), completed: z.boolean() }),
  z.object({ kind: z.literal('error'), stage: z.string(), message: z.string() }),
  z.object({ kind: z.literal('memory') }),
]);
export type HarnessReport = z.infer<typeof HarnessReport>;

/** The last line of the report channel that is a valid HarnessReport, if any. */
export function parseReport(text: string): HarnessReport | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  for (const line of lines.reverse()) {
    try {
      const parsed = HarnessReport.safeParse(JSON.parse(line));
      if (parsed.success) return parsed.data;
    } catch {} // not JSON: a program wrote on fd 3
  }
  return undefined;
}

/** Words interpreters print when an allocation fails (Python's MemoryError, V8's fatal OOM, C++'s bad_alloc). */
export const MEMORY_PATTERNS: readonly RegExp[] = [
  /\bMemoryError\b/,
  /heap out of memory/i,
  /Fatal process out of memory|Fatal process OOM/i,
  /allocation failed/i,
  /Cannot allocate memory/i,
  /std::bad_alloc/,
];

function keptOutput(spawned: SpawnOutcome): string {
  const dropped = spawned.outputBytes - Buffer.byteLength(spawned.head);
  return dropped > 0 ? `${spawned.head}\n... (${dropped} more bytes not kept)` : spawned.head;
}

/** The signal that ended the program: reported directly, or as 128 + its number by the shell or bwrap in between. */
export function endingSignal(spawned: Pick<SpawnOutcome, 'code' | 'signal'>): string | undefined {
  if (spawned.signal) return spawned.signal;
  const code = spawned.code ?? 0;
  if (code <= 128 || code > 128 + 64) return undefined;
  return Object.entries(constants.signals).find(([, number]) => number === code - 128)?.[0];
}

function exitedEarly(spawned: SpawnOutcome): string {
  const signal = endingSignal(spawned);
  if (signal) return `killed by ${signal} before its tests finished`;
  return `exited with code ${spawned.code ?? '?'} before its tests finished`;
}

/** The outcome of one run. Limits we enforced come first: they explain whatever the harness did or did not say. */
export function classifyRun(spawned: SpawnOutcome, limits: CodeLimits): CodeRun {
  const base = { output: keptOutput(spawned), durationMs: Math.round(spawned.durationMs) };
  const report = parseReport(spawned.report);
  switch (spawned.ending) {
    case 'spawn_error':
      return { ...base, outcome: 'error', detail: `could not start the sandbox: ${spawned.spawnError ?? 'unknown error'}` };
    case 'aborted':
      return { ...base, outcome: 'error', detail: 'stopped: the run was aborted' };
    case 'timeout':
      return { ...base, outcome: 'timeout', detail: `no result within ${limits.wallMs} ms` };
    case 'output_limit':
      return { ...base, outcome: 'output_limit', detail: `printed more than ${limits.outputBytes} bytes` };
    case 'exit':
      break;
  }
  const signal = endingSignal(spawned);
  const outOfMemory = { ...base, outcome: 'memory_limit' as const, detail: `ran out of memory (limit ${limits.memoryMb} MB)` };
  if (report?.kind === 'memory') return outOfMemory;
  if (signal === 'SIGXCPU') return { ...base, outcome: 'timeout', detail: 'CPU time limit reached' };
  if (report?.kind !== 'done' && MEMORY_PATTERNS.some((pattern) => pattern.test(spawned.tail))) return outOfMemory;
  // The harnesses always exit by themselves: a signal we did not send (the program killed its parent
  // shell, or itself) makes the run an error even if a report made it out first.
  if (signal === 'SIGXFSZ') return { ...base, outcome: 'error', detail: 'wrote a file past the file size limit' };
  if (signal) return { ...base, outcome: 'error', detail: exitedEarly(spawned) };
  if (report?.kind === 'done') {
    const signature = report.results;
    const failing = /[0E]/.test(signature) || !report.completed;
    if (!failing && signature.length === 0) return { ...base, outcome: 'error', detail: 'no assertion ran', signature };
    if (!failing) return { ...base, outcome: 'passed', signature };
    return { ...base, outcome: 'failed', firstFailure: report.failure ?? 'tests', signature };
  }
  if (report?.kind === 'error') return { ...base, outcome: 'error', detail: `${report.stage}: ${report.message}` };
  return { ...base, outcome: 'error', detail: exitedEarly(spawned) };
}
