// Result files on disk: written case by case (whole, or split with a sidecar) and read back case by case, validated.
import { closeSync, openSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { invalidInput } from '../errors.js';
import { formatPath } from '../suite/locate.js';
import {
  type CaseHead,
  Result,
  SCHEMA_VERSION,
  type Sample,
  SampleLine,
  type ResultView,
  SPLIT_SCHEMA_VERSION,
  SplitResultHead,
  toSampleView,
} from '../schema/result.js';
import { scanSampleLines } from './sample-lines.js';
import { type SavedResult, savedFromResult } from './saved-result.js';
import { upgradeResult } from './upgrade.js';

export { writeAtomically, writeFileAtomic } from './json-file.js';
export { writeResult } from './writer.js';

/** A result's head (its run, summary and cases without samples), with the samples read case by case when asked (from memory for a whole file, from the sidecar for a split one). */
export interface OpenedResult extends SavedResult {
  /** The sidecar holding the samples of a split result; null for a whole file. */
  sidecar: string | null;
  close(): void;
}

/** Opens `path` while `use` runs, and closes it after. */
export async function withOpenResult<T>(path: string, use: (opened: OpenedResult) => T | Promise<T>): Promise<T> {
  const opened = await openResult(path);
  try {
    return await use(opened);
  } finally {
    opened.close();
  }
}

/** A sample's reply text (its content), read from an opened result: what JUnit's failure details quote. */
export function replyOf(opened: OpenedResult): (caseId: string, index: number) => string | undefined {
  return (caseId, index) => opened.samples(caseId).find((s) => s.index === index)?.content;
}

/** A file too large for one string cannot be a whole result thinkbench wrote: those are split. */
const MAX_WHOLE_BYTES = 500 * 1024 * 1024;

/** Opens a result file; a missing, truncated, foreign or newer file is an invalid_input error naming it. */
export async function openResult(path: string): Promise<OpenedResult> {
  const size = await stat(path).then(
    (s) => s.size,
    (error: NodeJS.ErrnoException) => {
      throw invalidInput(error.code === 'ENOENT' ? `${path}: no such result file.` : `${path}: cannot read it (${error.code}).`);
    },
  );
  if (size > MAX_WHOLE_BYTES)
    throw invalidInput(
      `${path} is ${Math.round(size / 1e6)} MB in one JSON file, too large to read in one piece; results this large are written with their samples in a sidecar.`,
    );
  const data = parseJson(path, await readFile(path, 'utf8'));
  return (data as { schemaVersion?: unknown }).schemaVersion === SPLIT_SCHEMA_VERSION ? openSplit(path, data) : openWhole(path, data);
}

/** Reads a whole result, each sample passed through `mapSample` as it is read (to cut or drop texts), so only what it keeps is held. */
export async function readCases<S>(
  path: string,
  mapSample: (sample: Sample) => S,
): Promise<Omit<Result, 'cases'> & { cases: (CaseHead & { samples: S[] })[] }> {
  return withOpenResult(path, (opened) => ({ ...opened.head, cases: opened.head.cases.map((c) => ({ ...c, samples: opened.samples(c.id).map(mapSample) })) }));
}

/** Reads and validates a result file whole, samples' texts included. */
export async function readResult(path: string): Promise<Result> {
  return readCases(path, (s) => s);
}

/** A result with its samples' texts left on disk: what compare, gates and summaries need, for a file of any size. */
export async function readResultView(path: string): Promise<ResultView> {
  return readCases(path, toSampleView);
}

function parseJson(path: string, text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${path} is not valid JSON (${(error as Error).message}); is the file truncated?`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if ((data as { tool?: { name?: unknown } } | null)?.tool?.name !== 'thinkbench') throw invalidInput(`${path} is not a thinkbench result file.`);
  if (typeof version === 'number' && version > SPLIT_SCHEMA_VERSION) {
    throw invalidInput(`${path} has schemaVersion ${version}, newer than this thinkbench reads (${SPLIT_SCHEMA_VERSION}); upgrade thinkbench.`);
  }
  return data;
}

function invalidFile(path: string, error: { issues: { path: PropertyKey[]; message: string }[] }): Error {
  const issue = error.issues[0]!;
  return invalidInput(`${path} is not a valid result file: ${formatPath(issue.path as (string | number)[])}: ${issue.message}.`);
}

function openWhole(path: string, data: unknown): OpenedResult {
  const parsed = Result.safeParse(upgradeResult(data));
  if (!parsed.success) throw invalidFile(path, parsed.error);
  return {
    ...savedFromResult(parsed.data),
    sidecar: null,
    close: () => {},
  };
}

async function openSplit(path: string, data: unknown): Promise<OpenedResult> {
  const parsed = SplitResultHead.safeParse(data);
  if (!parsed.success) throw invalidFile(path, parsed.error);
  const { samplesFile, ...head } = parsed.data;
  // The sidecar sits beside its head: a name, never a path elsewhere.
  if (basename(samplesFile.path) !== samplesFile.path)
    throw invalidInput(`${path} names its samples file as ${samplesFile.path}; it must be a file beside it.`);
  const sidecar = join(dirname(path), samplesFile.path);
  const scanned = await scanSampleLines(sidecar).catch((error: NodeJS.ErrnoException) => {
    throw invalidInput(`${path} keeps its samples in ${sidecar}, which cannot be read (${error.code ?? error.message}); keep the two files together.`);
  });
  if (scanned.broken.length) throw invalidInput(`${sidecar}:${scanned.broken[0]}: not a JSON line; is the file damaged?`);
  if (scanned.index.size !== samplesFile.samples) {
    throw invalidInput(`${sidecar} holds ${scanned.index.size} samples where ${path} says ${samplesFile.samples}; is it truncated, or from another run?`);
  }
  const fd = openSync(sidecar, 'r');
  return {
    head: { ...head, schemaVersion: SCHEMA_VERSION },
    samples: (caseId) =>
      scanned.index.read(fd, caseId, (text, number) => {
        const line = SampleLine.safeParse(JSON.parse(text));
        if (!line.success) throw invalidFile(`${sidecar}:${number}`, line.error);
        return line.data.sample;
      }),
    sidecar,
    close: () => closeSync(fd),
  };
}
