// Writes result files atomically and reads them back validated against the result schema.
import { type FileHandle, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { invalidInput } from '../errors.js';
import { formatPath } from '../suite/locate.js';
import { Result, SCHEMA_VERSION } from '../schema/result.js';
import { upgradeResult } from './upgrade.js';

/**
 * Writes `result` to `path` through a temporary file and a rename, so no reader sees half a file.
 * Cases are serialised one at a time: a 100,000-sample result never becomes one giant string.
 */
export async function writeResult(path: string, result: Result): Promise<void> {
  await writeAtomically(path, async (file) => {
    const { cases, ...head } = result;
    const headJson = JSON.stringify(head, null, 2);
    await file.write(`${headJson.slice(0, -2)},\n  "cases": [`);
    for (let i = 0; i < cases.length; i++) {
      const caseJson = JSON.stringify(cases[i], null, 2).replace(/\n/g, '\n    ');
      await file.write(`${i ? ',' : ''}\n    ${caseJson}`);
    }
    await file.write(`${cases.length ? '\n  ' : ''}]\n}\n`);
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

/** Reads and validates a result file; a missing, truncated, foreign or newer file is an invalid_input error. */
export async function readResult(path: string): Promise<Result> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalidInput(code === 'ENOENT' ? `${path}: no such result file.` : `${path}: cannot read it (${code}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${path} is not valid JSON (${(error as Error).message}); is the file truncated?`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if ((data as { tool?: { name?: unknown } } | null)?.tool?.name !== 'thinkbench') {
    throw invalidInput(`${path} is not a thinkbench result file.`);
  }
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw invalidInput(`${path} has schemaVersion ${version}, newer than this thinkbench reads (${SCHEMA_VERSION}); upgrade thinkbench.`);
  }
  const parsed = Result.safeParse(upgradeResult(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(`${path} is not a valid result file: ${formatPath(issue.path as (string | number)[])}: ${issue.message}.`);
  }
  return parsed.data;
}
