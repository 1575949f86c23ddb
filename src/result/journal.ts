// The journal: every finished sample appended as one JSON line the moment it finishes, so a killed run loses nothing.
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, readSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { invalidInput } from '../errors.js';
import { JournalEntry, JournalHeader } from '../schema/journal.js';
import type { RawSample } from '../schema/result.js';
import { SampleLineIndex, scanSampleLines } from './sample-lines.js';
import type { SampleStore } from './sample-store.js';
import { upgradeSample } from './upgrade.js';

export type { JournalHeader } from '../schema/journal.js';

/** The run's journal is also where its samples wait to be scored: added as they finish (on disk once `add` returns), read back by case. */
export interface Journal extends SampleStore {
  /** Whether the journal holds sample `index` of `caseId`. */
  has(caseId: string, index: number): boolean;
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
 * Opens the journal: a new run starts it afresh, a resumed run appends to it (indexing what it
 * holds, read as a stream). Lines are written synchronously: once `append` returns the sample is
 * in the kernel, safe from a SIGKILL. Samples are read back by case with positioned reads, so the
 * journal, not memory, holds a run's texts. The journal is locked for this process until `close`
 * (or exit): a second writer is refused with the holder's pid, and a lock left by a process that
 * died is taken over.
 */
export async function openJournal(path: string, header: JournalHeader, resuming: boolean): Promise<Journal> {
  mkdirSync(dirname(path), { recursive: true });
  const release = lock(path);
  let fd: number;
  let index = new SampleLineIndex();
  let position = 0;
  let lines = 0;
  try {
    const fresh = !resuming || !existsSync(path);
    if (!fresh) {
      const scanned = await scanSampleLines(path);
      index = scanned.index;
      position = scanned.bytes;
      lines = index.size + scanned.broken.length + 1;
    }
    fd = openSync(path, fresh ? 'w+' : 'a+');
    if (fresh) writeLine(`${JSON.stringify({ header })}\n`);
    // A killed run may have left half a line: the next one starts on a line of its own.
    else if (position > 0 && lastByte(fd, position) !== 10) writeLine('\n');
  } catch (error) {
    release();
    throw error;
  }
  function writeLine(text: string): void {
    position += writeSync(fd, text);
  }
  return {
    add: (caseId, sample) => {
      const at = position;
      writeLine(`${JSON.stringify({ caseId, sample })}\n`);
      // The bytes just written, less the newline: no second pass over the line to measure it.
      index.add(caseId, sample.index, at, position - at - 1, ++lines, sample.error !== null);
    },
    has: (caseId, sampleIndex) => index.has(caseId, sampleIndex),
    finished: (caseId) => index.finished(caseId),
    get: (caseId) => index.read(fd, caseId, (text, number) => parseEntry(text, `${path}:${number}`)),
    appendLine: (line) => {
      lines++;
      writeLine(line.endsWith('\n') ? line : `${line}\n`);
    },
    close: () => {
      closeSync(fd);
      release();
    },
  };
}

/** A journal line read back by position: it was valid when written, so a bad one means the file changed under the run. */
function parseEntry(text: string, where: string): RawSample {
  const written = JSON.parse(text) as { caseId?: unknown; sample?: Record<string, unknown> };
  // Journals written before samples were stored raw kept <think> spans in the content.
  const entry = JournalEntry.safeParse(written.sample ? { ...written, sample: upgradeSample(written.sample) } : written);
  if (!entry.success) throw invalidInput(`${where}: not a sample line of a thinkbench journal (${entry.error.issues[0]?.message}).`);
  return entry.data.sample;
}

function lastByte(fd: number, size: number): number {
  const byte = Buffer.alloc(1);
  readSync(fd, byte, 0, 1, size - 1);
  return byte[0]!;
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

/** A journal read back: its header and its samples by case, read when asked. Null when there is none. */
export interface JournalReading {
  header: JournalHeader | null;
  caseIds(): Iterable<string>;
  get(caseId: string): RawSample[];
  close(): void;
}

/** Opens a journal for reading (a cut-short run's, to resume it): streamed and indexed, never read whole; lines cut short by a kill are skipped. */
export async function readJournal(path: string): Promise<JournalReading | null> {
  if (!existsSync(path)) return null;
  let header: JournalHeader | null = null;
  const { index } = await scanSampleLines(path, ({ value }) => {
    const head = JournalHeader.safeParse((value as { header?: unknown }).header);
    if (head.success) header = head.data;
  });
  const fd = openSync(path, 'r');
  return {
    header,
    caseIds: () => index.caseIds(),
    get: (caseId) => index.read(fd, caseId, (text, number) => parseEntry(text, `${path}:${number}`)),
    close: () => closeSync(fd),
  };
}

/** Removes a journal once its run's complete result is written. */
export function removeJournal(path: string): void {
  rmSync(path, { force: true });
}
