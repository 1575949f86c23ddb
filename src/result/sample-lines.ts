// JSONL files of `{"caseId": ..., "sample": {...}}` lines (the journal, a result's sidecar), read by case without loading them whole.
import { createReadStream, readSync } from 'node:fs';

/** Where a case's lines are: parallel arrays (compact for a million samples), later lines winning for the same sample index. */
interface CaseLines {
  indexes: number[];
  offsets: number[];
  lengths: number[];
  numbers: number[];
}

/** One line found by a scan: its parsed value and its 1-based line number. */
export interface ScannedLine {
  value: unknown;
  number: number;
}

/**
 * An index of sample lines by case and sample index, pointing into a file by byte offset, so a
 * case's samples are read back with a few positioned reads and nothing else of the file is held.
 */
export class SampleLineIndex {
  private readonly cases = new Map<string, CaseLines>();
  private lineCount = 0;

  /** Records the line at `offset` (`length` bytes, newline excluded) holding sample `index` of `caseId`. */
  add(caseId: string, index: number, offset: number, length: number, number: number): void {
    let lines = this.cases.get(caseId);
    if (!lines) {
      lines = { indexes: [], offsets: [], lengths: [], numbers: [] };
      this.cases.set(caseId, lines);
    }
    lines.indexes.push(index);
    lines.offsets.push(offset);
    lines.lengths.push(length);
    lines.numbers.push(number);
    this.lineCount++;
  }

  /** Sample lines recorded, repeats of a sample index included. */
  get size(): number {
    return this.lineCount;
  }

  caseIds(): IterableIterator<string> {
    return this.cases.keys();
  }

  has(caseId: string, index: number): boolean {
    return this.cases.get(caseId)?.indexes.includes(index) ?? false;
  }

  /**
   * The case's lines, one per sample index (the last written wins), in index order, each read from
   * `fd` and handed to `parse` with its line number (for errors naming it).
   */
  read<T>(fd: number, caseId: string, parse: (text: string, number: number) => T): T[] {
    const lines = this.cases.get(caseId);
    if (!lines) return [];
    const latest = new Map<number, number>();
    for (const [at, index] of lines.indexes.entries()) latest.set(index, at);
    return [...latest]
      .sort(([a], [b]) => a - b)
      .map(([, at]) => {
        const length = lines.lengths[at]!;
        const buffer = Buffer.allocUnsafe(length);
        let read = 0;
        while (read < length) {
          const got = readSync(fd, buffer, read, length - read, lines.offsets[at]! + read);
          if (got === 0) break;
          read += got;
        }
        return parse(buffer.toString('utf8', 0, read), lines.numbers[at]!);
      });
  }
}

/**
 * Reads a JSONL file as a stream (never one string), indexing every `{caseId, sample: {index}}`
 * line; every other parsed line goes to `onOther` (a journal's header, a batch record). A line
 * that is not JSON is counted in `broken` (the last line of a killed run may be half-written).
 */
export async function scanSampleLines(
  path: string,
  onOther?: (line: ScannedLine) => void,
): Promise<{ index: SampleLineIndex; broken: number[]; bytes: number }> {
  const index = new SampleLineIndex();
  const broken: number[] = [];
  let number = 0;
  const take = (line: Buffer, at: number) => {
    number++;
    const text = line.toString('utf8');
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      broken.push(number);
      return;
    }
    const { caseId, sample } = (value ?? {}) as { caseId?: unknown; sample?: { index?: unknown } };
    if (typeof caseId === 'string' && typeof sample?.index === 'number') index.add(caseId, sample.index, at, line.length, number);
    else onOther?.({ value, number });
  };
  // The unfinished line's pieces, joined once its newline comes: a long line is never copied chunk after chunk.
  let pieces: Buffer[] = [];
  let lineStart = 0;
  let offset = 0; // of the chunk's first byte
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, newline);
      take(pieces.length ? Buffer.concat([...pieces, piece]) : piece, lineStart);
      pieces = [];
      start = newline + 1;
      lineStart = offset + start;
    }
    if (start < chunk.length) pieces.push(chunk.subarray(start));
    offset += chunk.length;
  }
  if (pieces.length) take(Buffer.concat(pieces), lineStart);
  return { index, broken, bytes: offset };
}
