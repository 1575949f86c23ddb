// The journal: every finished sample appended as one JSON line the moment it finishes, so a killed run loses nothing.
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { invalidInput } from '../errors.js';
import { JournalEntry, JournalHeader } from '../schema/journal.js';
import type { RawSample } from '../schema/result.js';
import { upgradeSample } from './upgrade.js';

export type { JournalHeader } from '../schema/journal.js';

export interface Journal {
  append(caseId: string, sample: RawSample): void;
  /** A line written as it is (a batch record: src/batch/journal-records.ts), synchronously like every sample. */
  appendLine(line: string): void;
  close(): void;
}

/** `results/x.json` keeps its journal in `results/x.jsonl`. */
export function journalPathFor(resultPath: string): string {
  return `${resultPath.replace(/\.json$/i, '')}.jsonl`;
}

/** The lock beside a journal: `results/x.jsonl.lock`, holding the writer's pid. */
export function lockPathFor(journalPath: string): string {
  return `${journalPath}.lock`;
}

/**
 * Opens the journal: a new run starts it afresh, a resumed run appends to it. Lines are written
 * synchronously: once `append` returns the sample is in the kernel, safe from a SIGKILL. The
 * journal is locked for this process until `close` (or exit): a second writer is refused with
 * the holder's pid, and a lock left by a process that died is taken over.
 */
export function openJournal(path: string, header: JournalHeader, resuming: boolean): Journal {
  mkdirSync(dirname(path), { recursive: true });
  const release = lock(path);
  let fd: number;
  try {
    const fresh = !resuming || !existsSync(path);
    fd = openSync(path, fresh ? 'w' : 'a');
    if (fresh) writeSync(fd, `${JSON.stringify({ header })}\n`);
  } catch (error) {
    release();
    throw error;
  }
  return {
    append: (caseId, sample) => void writeSync(fd, `${JSON.stringify({ caseId, sample })}\n`),
    appendLine: (line) => void writeSync(fd, line.endsWith('\n') ? line : `${line}\n`),
    close: () => {
      closeSync(fd);
      release();
    },
  };
}

/** Takes the journal's lock (created exclusively, with our pid in it); returns its release. */
function lock(journalPath: string): () => void {
  const lockPath = lockPathFor(journalPath);
  const mine = `${lockPath}.${process.pid}`;
  // Written whole under a name of our own, then linked: a reader never sees a lock without its pid.
  writeFileSync(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = holderOf(lockPath);
        if (holder !== null && alive(holder)) {
          throw invalidInput(`${journalPath} is being written by another run (pid ${holder}); wait for it to finish, or choose another --out.`);
        }
        if (attempt > 0) throw invalidInput(`${journalPath} is locked by ${lockPath} and the lock cannot be taken over; remove it if no run is writing.`);
        rmSync(lockPath, { force: true }); // its holder is gone: a killed run
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
  const release = () => {
    process.off('exit', release);
    // Only our own lock: never one another run took over after us.
    if (holderOf(lockPath) === process.pid) unlinkSafe(lockPath);
  };
  process.on('exit', release); // a second Ctrl-C exits at once: the lock goes with the process
  return release;
}

/** The pid in a lock file, or null when it is gone or holds no pid. */
function holderOf(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid exists (EPERM: it does, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function unlinkSafe(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
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
