// The journal: every finished sample appended as one JSON line the moment it finishes, so a killed run loses nothing.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { JournalEntry, JournalHeader } from '../schema/journal.js';
import type { RawSample } from '../schema/result.js';
import { upgradeSample } from './upgrade.js';

export type { JournalHeader } from '../schema/journal.js';

export interface Journal {
  append(caseId: string, sample: RawSample): void;
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
export function readJournal(path: string): { header: JournalHeader | null; samples: Map<string, RawSample[]> } | null {
  if (!existsSync(path)) return null;
  const samples = new Map<string, RawSample[]>();
  let header: JournalHeader | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue; // the last line of a killed run may be half-written
    }
    const head = JournalHeader.safeParse((value as { header?: unknown }).header);
    if (head.success) header = head.data;
    const written = value as { caseId?: unknown; sample?: Record<string, unknown> };
    // Journals written before samples were stored raw kept <think> spans in the content.
    const entry = JournalEntry.safeParse(written.sample ? { ...written, sample: upgradeSample(written.sample) } : value);
    if (!entry.success) continue;
    const list = samples.get(entry.data.caseId);
    if (list) list.push(entry.data.sample);
    else samples.set(entry.data.caseId, [entry.data.sample]);
  }
  return { header, samples };
}

/** Removes a journal once its run's complete result is written. */
export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}
