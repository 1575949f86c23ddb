// Reads JSONL as a stream of lines, never the whole file in one string (batch outputs can pass Node's string limit).
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { invalidInput } from '../errors.js';
import { BatchOutputLine } from './format.js';

/** The non-blank lines of a byte stream, with their 1-based line numbers. */
export async function* readLines(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<{ line: string; number: number }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let number = 0;
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let start = 0;
    for (let newline = rest.indexOf('\n'); newline >= 0; newline = rest.indexOf('\n', start)) {
      number++;
      const line = rest.slice(start, newline);
      if (line.trim()) yield { line, number };
      start = newline + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest.trim()) yield { line: rest, number: number + 1 };
}

/** Output lines of a file on disk, each checked; a malformed line is an error naming the file and line (exit 2). */
export async function* readOutputFile(path: string): AsyncGenerator<BatchOutputLine> {
  for await (const { line, number } of readLines(createReadStream(path))) {
    const parsed = parseOutputLine(line);
    if (typeof parsed === 'string') throw invalidInput(`${path}:${number}: ${parsed}`);
    yield parsed;
  }
}

/** One output line read and checked, or what is wrong with it. */
export function parseOutputLine(line: string): BatchOutputLine | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not a JSON line of a batch output file';
  }
  const parsed = BatchOutputLine.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return `not a batch output line: ${issue.path.join('.') || 'the line'}: ${issue.message}`;
}
