// `thinkbench report`: read result files, check they belong together, write one self-contained HTML page.
import { dirname, join, parse } from 'node:path';
import type { LoadedResult } from '../compare/compare.js';
import { invalidInput } from '../errors.js';
import { buildHtmlReport } from '../report/html/build-report.js';
import { type OpenedResult, openResult, writeFileAtomic } from '../result/store.js';
import type { Result, Sample } from '../schema/result.js';
import { type CutAsRead, trimMiddle } from '../report/html/trim.js';
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
  await writeReport(files, flags.out ?? defaultReportPath(files[0]!), { maxReasoningChars, alpha }, process.stdout);
}

/** Reasoning kept per sample in a report of a result too large for one file (a split one), unless --max-reasoning-chars says. */
export const LARGE_RESULT_REASONING_CHARS = 4000;

/**
 * The results a report shows, each sample's reasoning cut as it is read, so a result of any size
 * is never held whole: by `maxReasoningChars`, else (for a split result) LARGE_RESULT_REASONING_CHARS.
 */
async function loadForReport(files: readonly string[], maxReasoningChars: number | null): Promise<{ loaded: LoadedResult<Result>[]; cap: number | null }> {
  const opened: OpenedResult[] = [];
  try {
    for (const file of files) opened.push(await openResult(file));
    const cap = maxReasoningChars ?? (opened.some((o) => o.sidecar) ? LARGE_RESULT_REASONING_CHARS : null);
    // Cut as read, the cut kept with the sample: the page still says where and how much.
    const cut = (s: Sample): Sample & CutAsRead => {
      if (cap === null) return s;
      const { text, trimmed } = trimMiddle(s.reasoning, cap);
      return { ...s, reasoning: text, reasoningCut: trimmed };
    };
    const loaded = opened.map((o, i) => ({
      file: files[i]!,
      result: { ...o.head, cases: o.head.cases.map((c) => ({ ...c, samples: o.samples(c.id).map(cut) })) },
    }));
    const first = loaded[0]!;
    for (const other of loaded.slice(1)) {
      if (other.result.suite.name !== first.result.suite.name) {
        throw invalidInput(
          `${other.file} is a run of suite "${other.result.suite.name}", ${first.file} of "${first.result.suite.name}": one report covers one suite; make one report per suite.`,
        );
      }
    }
    return { loaded, cap };
  } finally {
    for (const o of opened) o.close();
  }
}

/** Reads the results, builds the page and writes it atomically; an unwritable path is invalid input, and nothing half-written is left. */
export async function writeReport(
  files: readonly string[],
  out: string,
  options: { maxReasoningChars: number | null; alpha: number },
  say: NodeJS.WritableStream,
): Promise<void> {
  const { loaded, cap } = await loadForReport(files, options.maxReasoningChars);
  const html = buildHtmlReport(loaded, { ...options, maxReasoningChars: cap });
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
