// The one atomic write, and a result-shaped JSON file written case by case (no giant string).
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes `{...head, cases}` to `path` atomically, pretty-printed, serialising one case at a time:
 * a 100,000-sample result never becomes one string.
 */
export async function writeJsonFile(path: string, value: { cases: readonly unknown[] } & Record<string, unknown>): Promise<void> {
  const { cases, ...head } = value;
  // Each case serialised as it is written, so no more than one is ever text at a time.
  await writeJsonParts(
    path,
    head,
    (function* () {
      for (const c of cases) yield caseJson(c);
    })(),
  );
}

/** One case as the file shows it: pretty-printed, indented to its place in the `cases` array. */
export function caseJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');
}

/** Writes `head` with `cases` given already serialised (by caseJson, as text or its UTF-8 bytes), atomically. */
export async function writeJsonParts(path: string, head: Record<string, unknown>, cases: Iterable<string | Uint8Array>): Promise<void> {
  await writeAtomically(path, async (file) => {
    const headJson = JSON.stringify(head, null, 2);
    await file.write(`${headJson.slice(0, -2)},\n  "cases": [`);
    let written = 0;
    for (const part of cases) {
      await file.write(`${written++ ? ',' : ''}\n    `);
      await (typeof part === 'string' ? file.write(part) : file.write(part));
    }
    await file.write(`${written ? '\n  ' : ''}]\n}\n`);
  });
}

/** Writes a whole file through a temporary file and a rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await writeAtomically(path, (file) => file.write(text).then(() => {}));
}

/**
 * The one atomic write: `write` fills a temporary file beside `path`, which is then renamed over
 * it, so no reader ever sees half a file; on failure the temporary file is removed.
 */
export async function writeAtomically(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await write(file);
    await file.close();
    await rename(temporary, path);
  } catch (error) {
    await file.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
