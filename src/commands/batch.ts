// `thinkbench batch export|import`: the OpenAI batch JSONL format, for `vllm run-batch` and batches submitted by hand.
import { basename } from 'node:path';
import { z } from 'zod';
import { batchRequestLines, splitBatchFiles } from '../batch/requests.js';
import { importOutputs } from '../batch/import-outputs.js';
import { readOutputFile } from '../batch/lines.js';
import { invalidInput } from '../errors.js';
import { renderSummary } from '../report/summary.js';
import { writeFileAtomic, writeResult } from '../result/store.js';
import { defaultOutPath } from '../run/out-path.js';
import { DEFAULT_SAMPLES } from '../run/plan.js';
import { loadSuite } from '../suite/load.js';
import { flag, parseFlags } from './options.js';

export const ExportFlags = z.object({
  out: z.string().optional(),
  samples: flag.count('--samples').optional(),
  param: flag.params(),
  model: z.string().optional(),
});

export const ImportFlags = z.object({ suite: z.string(), out: z.string().optional(), model: z.string().optional() });

/** Writes the suite's requests as batch JSONL (more than one file past the provider's limits). */
export async function batchExportCommand(suitePath: string, rawFlags: unknown): Promise<void> {
  const flags = parseFlags(ExportFlags, rawFlags);
  const suite = await loadSuite(suitePath);
  const model = flags.model ?? suite.model;
  if (!model) throw invalidInput(`${suitePath} names no model; pass --model (the name the batch endpoint or vllm run-batch serves).`);
  const lines = batchRequestLines(suite.cases, model, {
    samples: DEFAULT_SAMPLES,
    ...(flags.samples && { samplesOverride: flags.samples }),
    params: flags.param,
  });
  const files = splitBatchFiles(lines);
  const out = flags.out ?? `${suite.name.replace(/[^\w.-]+/g, '_')}-requests.jsonl`;
  const paths = files.length === 1 ? [out] : files.map((_, i) => out.replace(/(\.jsonl)?$/i, `-${i + 1}.jsonl`));
  for (const [i, file] of files.entries()) await writeFileAtomic(paths[i]!, file.jsonl);
  console.log(`Wrote ${lines.length} requests (${suite.cases.length} cases) for ${model} to ${paths.join(', ')}.`);
  console.log(`Run them with \`vllm run-batch -i ${paths[0]} -o outputs.jsonl --model ${model}\` or submit them to a Batch API, then:`);
  console.log(`  thinkbench batch import outputs.jsonl --suite ${suitePath}`);
}

/** Reads a batch's output (and error) lines into a scored result file; a malformed line is exit 2 naming file and line. */
export async function batchImportCommand(outputsPath: string, rawFlags: unknown): Promise<void> {
  const flags = parseFlags(ImportFlags, rawFlags);
  const suite = await loadSuite(flags.suite);
  const { result, notes } = await importOutputs(readOutputFile(outputsPath), suite, { model: flags.model, source: `batch:${basename(outputsPath)}` });
  if (notes.lines === 0) throw invalidInput(`${outputsPath} has no output lines.`);
  if (notes.unknownCases.length)
    console.warn(
      `thinkbench: ${outputsPath} has lines for cases ${flags.suite} does not have (${notes.unknownCases.slice(0, 5).join(', ')}${notes.unknownCases.length > 5 ? ', ...' : ''}); left out.`,
    );
  if (notes.duplicates) console.warn(`thinkbench: ${notes.duplicates} lines repeat a (case, sample) pair; the first of each was kept.`);
  const out = flags.out ?? defaultOutPath(suite.name, result.model);
  await writeResult(out, result);
  console.log(renderSummary(result));
  console.log(`Imported ${notes.lines} lines from ${outputsPath}${result.complete ? '' : ' (partial: some cases lack samples)'}; result written to ${out}`);
}
