// The journal: every finished sample appended as one JSON line the moment it finishes, so a killed run loses nothing.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Sample } from '../schema/result.js';

/** The journal's first line: what run the samples belong to. */
export interface JournalHeader {
  suite: { name: string; sha256: string };
  model: string;
  params: Record<string, unknown>;
}

export interface Journal {
  append(caseId: string, sample: Sample): void;
  close(): void;
}

/** `results/x.json` keeps its journal in `results/x.jsonl`. */
export function journalPathFor(resultPath: string): string {
  return `${resultPath.replace(/\.json$/i, '')}.jsonl`;
}

/**
 * Opens the journal: a new run starts it afresh, a resumed run appends to it. Lines are written
 * synchronously: once `append` returns the sample is in the kernel, safe from a SIGKILL.
 */
export function openJournal(path: string, header: JournalHeader, resuming: boolean): Journal {
  mkdirSync(dirname(path), { recursive: true });
  const fresh = !resuming || !existsSync(path);
  const fd = openSync(path, fresh ? 'w' : 'a');
  if (fresh) writeSync(fd, `${JSON.stringify({ header })}\n`);
  return {
    append: (caseId, sample) => void writeSync(fd, `${JSON.stringify({ caseId, sample })}\n`),
    close: () => closeSync(fd),
  };
}

/** Header and samples from a journal; a line cut short by a kill is skipped. Null when there is none. */
export function readJournal(path: string): { header: JournalHeader | null; samples: Map<string, Sample[]> } | null {
  if (!existsSync(path)) return null;
  const samples = new Map<string, Sample[]>();
  let header: JournalHeader | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let entry: { header?: JournalHeader; caseId?: string; sample?: unknown };
    try {
      entry = JSON.parse(line);
    } catch {
      continue; // the last line of a killed run may be half-written
    }
    if (entry.header) header = entry.header;
    const sample = Sample.safeParse(entry.sample);
    if (!entry.caseId || !sample.success) continue;
    const list = samples.get(entry.caseId);
    if (list) list.push(sample.data);
    else samples.set(entry.caseId, [sample.data]);
  }
  return { header, samples };
}

/** Removes a journal once its run's complete result is written. */
export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}
