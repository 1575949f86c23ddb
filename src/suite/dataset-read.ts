// Reads a dataset file from disk: missing, empty, non-UTF-8 and malformed files are input errors naming file and row.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { invalidInput } from '../errors.js';
import type { DatasetFormat } from '../schema/suite.js';
import { DatasetFormatError, parseCsvText, parseJsonl, parseParquet, type DatasetRow } from './dataset-formats.js';

/** A dataset's rows, with the name used in messages and the sha256 of its bytes. */
export interface DatasetTable {
  file: string;
  format: DatasetFormat;
  sha256: string;
  rows: DatasetRow[];
}

/** `data.jsonl:12` for text formats, `data.parquet row 11` (0-based) for Parquet. */
export function rowPlace(file: string, row: { line?: number; index?: number }): string {
  if (row.line !== undefined) return `${file}:${row.line}`;
  if (row.index !== undefined) return `${file} row ${row.index}`;
  return file;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// The 1-based line holding the first byte sequence that is not UTF-8.
function badUtf8Line(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * Reads and parses one dataset file. `file` is the path to open, `shown` the name for messages,
 * `named` where the suite names it (for a missing file).
 */
export async function readDataset(file: string, format: DatasetFormat, shown: string, named: string): Promise<DatasetTable> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such dataset file' : code === 'EISDIR' ? 'is a folder, not a dataset file' : `cannot read the dataset (${code})`;
    throw invalidInput(`${shown}: ${why} (named by ${named}).`);
  }
  if (bytes.length === 0) throw invalidInput(`${shown}: the dataset file is empty.`);
  let rows: DatasetRow[];
  try {
    rows = format === 'parquet' ? await parseParquet(bytes) : parseText(bytes, format, shown);
  } catch (error) {
    if (!(error instanceof DatasetFormatError)) throw error;
    throw invalidInput(`${rowPlace(shown, error)}: ${error.message}`);
  }
  if (rows.length === 0) throw invalidInput(`${shown}: the dataset has no rows.`);
  return { file: shown, format, sha256: createHash('sha256').update(bytes).digest('hex'), rows };
}

function parseText(bytes: Uint8Array, format: 'jsonl' | 'csv', shown: string): DatasetRow[] {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw invalidInput(`${shown}:${badUtf8Line(bytes)}: the dataset is not UTF-8 text (save it as UTF-8).`);
  }
  if (text.trim() === '') throw invalidInput(`${shown}: the dataset file is empty.`);
  return format === 'jsonl' ? parseJsonl(text) : parseCsvText(text);
}
