// JSONL files of `{"caseId": ..., "sample": {...}}` lines (the journal, a result's sidecar), read by case without loading them whole.
import { createReadStream, readSync } from 'node:fs';

/** One line found by a scan: its parsed value and its 1-based line number. */
export interface ScannedLine {
  value: unknown;
  number: number;
}

/**
 * An index of sample lines by case and sample index, pointing into a file by byte offset, so a
 * case's samples are read back with a few positioned reads and nothing else of the file is held.
 * Lines are kept in typed columns (about 25 bytes each, outside the JS heap) chained case by case
 * from its last line back: no array per case, so a million samples cost about 24 MB and the heap
 * does not grow with the run.
 */
export class SampleLineIndex {
  private readonly lastOf = new Map<string, number>();
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private indexes = new Uint32Array(1024);
  private numbers = new Uint32Array(1024);
  /** 1 when the line's sample failed (it has an error and no reply). */
  private failed = new Uint8Array(1024);
  /** The case's line before this one, or -1. */
  private previous = new Int32Array(1024);
  private count = 0;

  /** Records the line at `offset` (`length` bytes, newline excluded) holding sample `index` of `caseId`, and whether that sample failed. */
  add(caseId: string, index: number, offset: number, length: number, number: number, failed: boolean): void {
    if (this.count === this.offsets.length) this.grow();
    const line = this.count++;
    this.offsets[line] = offset;
    this.lengths[line] = length;
    this.indexes[line] = index;
    this.numbers[line] = number;
    this.failed[line] = failed ? 1 : 0;
    this.previous[line] = this.lastOf.get(caseId) ?? -1;
    this.lastOf.set(caseId, line);
  }

  /** Sample lines recorded, repeats of a sample index included. */
  get size(): number {
    return this.count;
  }

  caseIds(): IterableIterator<string> {
    return this.lastOf.keys();
  }

  has(caseId: string, index: number): boolean {
    for (let line = this.lastOf.get(caseId) ?? -1; line >= 0; line = this.previous[line]!) if (this.indexes[line] === index) return true;
    return false;
  }

  /** The indexes of the case's samples that did not fail (the last line written for each index decides), in order, without reading a line. */
  finished(caseId: string): number[] {
    return [...this.latest(caseId)].filter(([, line]) => !this.failed[line]).map(([index]) => index);
  }

  /**
   * The case's lines, one per sample index (the last written wins), in index order, each read from
   * `fd` and handed to `parse` with its line number (for errors naming it).
   */
  read<T>(fd: number, caseId: string, parse: (text: string, number: number) => T): T[] {
    return [...this.latest(caseId)].map(([, line]) => parse(this.readLine(fd, line), this.numbers[line]!));
  }

  /** The case's last line for each sample index, as [index, line] in index order. */
  private latest(caseId: string): [number, number][] {
    const latest = new Map<number, number>();
    // From the last line back: the first seen for an index is the one written last.
    for (let line = this.lastOf.get(caseId) ?? -1; line >= 0; line = this.previous[line]!) {
      if (!latest.has(this.indexes[line]!)) latest.set(this.indexes[line]!, line);
    }
    return [...latest].sort(([a], [b]) => a - b);
  }

  private readLine(fd: number, line: number): string {
    const length = this.lengths[line]!;
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const got = readSync(fd, buffer, read, length - read, this.offsets[line]! + read);
      if (got === 0) break;
      read += got;
    }
    return buffer.toString('utf8', 0, read);
  }

  private grow(): void {
    const size = this.offsets.length * 2;
    const widen = <A extends Float64Array | Uint32Array | Int32Array | Uint8Array>(from: A, to: A): A => {
      to.set(from);
      return to;
    };
    this.offsets = widen(this.offsets, new Float64Array(size));
    this.lengths = widen(this.lengths, new Uint32Array(size));
    this.indexes = widen(this.indexes, new Uint32Array(size));
    this.numbers = widen(this.numbers, new Uint32Array(size));
    this.failed = widen(this.failed, new Uint8Array(size));
    this.previous = widen(this.previous, new Int32Array(size));
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
    const { caseId, sample } = (value ?? {}) as { caseId?: unknown; sample?: { index?: unknown; error?: unknown } };
    if (typeof caseId === 'string' && typeof sample?.index === 'number') index.add(caseId, sample.index, at, line.length, number, sample.error != null);
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
