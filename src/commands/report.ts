// `thinkbench report`: read result files, check they belong together, write one self-contained HTML page.
import { dirname, join, parse } from 'node:path';
import type { LoadedResult } from '../compare/compare.js';
import { invalidInput } from '../errors.js';
import { buildHtmlReport } from '../report/html/build-report.js';
import { readResult, writeFileAtomic } from '../result/store.js';
import { parseCount, parseFraction } from './options.js';

/** The options commander passes. */
export interface ReportFlags {
  out?: string;
  maxReasoningChars?: string;
  alpha?: string;
}

/** Writes the report of `files` (the first is the base of the comparison) and prints where. */
export async function reportCommand(files: string[], flags: ReportFlags): Promise<void> {
  const maxReasoningChars = flags.maxReasoningChars === undefined ? null : parseCount(flags.maxReasoningChars, '--max-reasoning-chars', 100);
  const alpha = flags.alpha === undefined ? 0.05 : parseFraction(flags.alpha, '--alpha');
  const loaded: LoadedResult[] = [];
  for (const file of files) loaded.push({ file, result: await readResult(file) });
  const first = loaded[0]!;
  for (const other of loaded.slice(1)) {
    if (other.result.suite.name !== first.result.suite.name) {
      throw invalidInput(
        `${other.file} is a run of suite "${other.result.suite.name}", ${first.file} of "${first.result.suite.name}": one report covers one suite; make one report per suite.`,
      );
    }
  }
  await writeReport(loaded, flags.out ?? defaultReportPath(first.file), { maxReasoningChars, alpha }, process.stdout);
}

/** Builds the page and writes it atomically; an unwritable path is invalid input, and nothing half-written is left. */
export async function writeReport(
  loaded: LoadedResult[],
  out: string,
  options: { maxReasoningChars: number | null; alpha: number },
  say: NodeJS.WritableStream,
): Promise<void> {
  const html = buildHtmlReport(loaded, options);
  try {
    await writeFileAtomic(out, html);
  } catch (error) {
    throw invalidInput(`cannot write ${out} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  say.write(`Report written to ${out} (${formatSize(Buffer.byteLength(html))}); open it in a browser, no server needed.\n`);
}

/** `results/x.json` -> `results/x.html`, beside the first result file. */
export function defaultReportPath(resultFile: string): string {
  const { dir, name } = parse(resultFile);
  return join(dir || dirname(resultFile), `${name}.html`);
}

function formatSize(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`;
}
