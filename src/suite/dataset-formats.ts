// Dataset file formats: JSONL, CSV and Parquet bytes -> rows, each knowing where in its file it came from.
import { parse as parseCsv } from 'csv-parse/sync';
import { parquetReadObjects } from 'hyparquet';
import type { DatasetFormat } from '../schema/suite.js';

/** One row of a dataset: its values, its 0-based index in the file, and its line (text formats). */
export interface DatasetRow {
  values: Record<string, unknown>;
  index: number;
  line?: number;
}

/** A problem in a dataset file; `line` or `index` says where, the reader adds the file name. */
export class DatasetFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly index?: number,
  ) {
    super(message);
  }
}

/** The format a file name implies, or undefined when its extension says nothing. */
export function formatOfPath(path: string): DatasetFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.parquet')) return 'parquet';
  return undefined;
}

/** Rows of JSON Lines text: one object a line; blank lines are skipped. */
export function parseJsonl(text: string): DatasetRow[] {
  const rows: DatasetRow[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new DatasetFormatError(`not valid JSON (${(error as Error).message})`, i + 1);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DatasetFormatError(`expected a JSON object, found ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}`, i + 1);
    }
    rows.push({ values: value as Record<string, unknown>, index: rows.length, line: i + 1 });
  });
  return rows;
}

type CsvInfo = { record: Record<string, string>; raw: string; info: { lines: number } };

/** Rows of CSV text with a header line; every value is a string. */
export function parseCsvText(text: string): DatasetRow[] {
  let records: CsvInfo[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, info: true, raw: true }) as CsvInfo[];
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    throw new DatasetFormatError(`CSV error: ${message.replace(/ on line \d+$/, '')}`, lines);
  }
  // csv-parse's own line count drifts with CRLF inside quoted fields: find each record's raw text instead.
  let cursor = 0;
  let line = 1;
  return records.map(({ record, raw, info }, index) => {
    const core = raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
    const at = text.indexOf(core, cursor);
    if (at < 0) return { values: record, index, line: info.lines };
    for (let i = cursor; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    cursor = at;
    return { values: record, index, line };
  });
}

/** Rows of a Parquet file. 64-bit integers become numbers (strings past 2^53), dates ISO strings. */
export async function parseParquet(bytes: Uint8Array): Promise<DatasetRow[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let objects: Array<Record<string, unknown>>;
  try {
    objects = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
  } catch (error) {
    throw new DatasetFormatError(`not a readable Parquet file (${(error as Error).message})`);
  }
  return objects.map((values, index) => ({ values: plain(values) as Record<string, unknown>, index }));
}

// Parquet values as JSON-like values, so templates and ids see numbers and strings.
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  }
  return value;
}
