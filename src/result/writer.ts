// Writes a result case by case: whole in one JSON file while it is small, else its samples in a JSONL sidecar beside a small JSON head.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { CaseHead, CaseResult, Result } from '../schema/result.js';
import { SPLIT_SCHEMA_VERSION } from '../schema/result.js';
import { INLINE_LIMIT_BYTES } from '../settings.js';
import { caseJson, writeJsonFile, writeJsonParts } from './json-file.js';

/** `results/x.json` keeps a large run's samples in `results/x.samples.jsonl`. */
export function sidecarPathFor(resultPath: string): string {
  return `${resultPath.replace(/\.json$/i, '')}.samples.jsonl`;
}

export interface ResultWriter {
  /** One scored case, in the order the file lists them. */
  add(c: CaseResult): void;
  /** Writes the file with `head` (everything but the cases) and the cases added; nothing is visible before. */
  finish(head: Omit<Result, 'cases'>): Promise<void>;
  /** Removes what was written so far (a failed run's temporary files). */
  abort(): void;
}

/**
 * Cases are held, as the text the file will show, while that text stays under `inlineLimitBytes`,
 * and the result is one JSON file as in schemaVersion 1. Past it the samples go to a sidecar as
 * they come, one `{"caseId", "sample"}` line each in case then index order, and the JSON head
 * (schemaVersion 2) keeps the cases without samples and names the sidecar: memory stays bounded
 * whatever the run's size.
 */
export function createResultWriter(path: string, { inlineLimitBytes = INLINE_LIMIT_BYTES, split = false } = {}): ResultWriter {
  const sidecar = sidecarPathFor(path);
  const temporary = `${sidecar}.${process.pid}.${Date.now()}.tmp`;
  // Held as the bytes the whole file will show: flat (a string built by replace is a rope of many
  // pieces, three times its length in memory), outside the JS heap, and of exactly known size.
  let held: Buffer[] = [];
  let heldBytes = 0;
  let fd: number | undefined;
  const heads: CaseHead[] = [];
  let written = 0;
  const writeCase = (c: CaseResult) => {
    const { samples, ...head } = c;
    heads.push(head);
    if (!samples.length) return;
    writeSync(fd!, `${samples.map((sample) => JSON.stringify({ caseId: c.id, sample })).join('\n')}\n`);
    written += samples.length;
  };
  const spill = () => {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(temporary, 'w');
    for (const bytes of held) writeCase(JSON.parse(bytes.toString('utf8')) as CaseResult);
    held = [];
  };
  return {
    add(c) {
      if (fd === undefined && split) spill();
      if (fd !== undefined) return writeCase(c);
      const bytes = Buffer.from(caseJson(c), 'utf8');
      held.push(bytes);
      heldBytes += bytes.length;
      if (heldBytes > inlineLimitBytes) spill();
    },
    async finish(head) {
      if (fd === undefined) return writeJsonParts(path, head, held);
      closeSync(fd);
      fd = undefined;
      // The sidecar first: a head is never on disk without the samples it names.
      renameSync(temporary, sidecar);
      await writeJsonFile(path, { ...head, schemaVersion: SPLIT_SCHEMA_VERSION, samplesFile: { path: basename(sidecar), samples: written }, cases: heads });
    },
    abort() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
      rmSync(temporary, { force: true });
    },
  };
}

/**
 * Writes `result` to `path` atomically: one JSON file, or a head and a sidecar when its samples are
 * large. The result is whole in memory already, so it is measured first and written one way or the
 * other from the start: no case is held a second time as text.
 */
export async function writeResult(path: string, result: Result, { inlineLimitBytes = INLINE_LIMIT_BYTES } = {}): Promise<void> {
  if (fitsInline(result.cases, inlineLimitBytes)) return writeJsonFile(path, result);
  await writeCases(
    path,
    async (onCase) => {
      for (const c of result.cases) onCase(c);
      return { result };
    },
    { split: true },
  );
}

/** Whether these cases, as the file shows them, stay within `limit` bytes; measured case by case, stopping once past it. */
function fitsInline(cases: readonly CaseResult[], limit: number): boolean {
  let bytes = 0;
  for (const c of cases) {
    bytes += Buffer.byteLength(caseJson(c));
    if (bytes > limit) return false;
  }
  return true;
}

/**
 * Runs `produce`, which hands each scored case to `onCase`, and writes them to `path` with the head
 * of the result it returns; on failure nothing is left behind.
 */
export async function writeCases<T extends { result: Omit<Result, 'cases'> & { cases: unknown[] } }>(
  path: string,
  produce: (onCase: (c: CaseResult) => void) => Promise<T>,
  options: { split?: boolean } = {},
): Promise<T> {
  const writer = createResultWriter(path, options);
  try {
    const produced = await produce((c) => writer.add(c));
    const { cases: _cases, ...head } = produced.result;
    await writer.finish(head);
    return produced;
  } catch (error) {
    writer.abort();
    throw error;
  }
}
