// `thinkbench merge`: shards of one run -> the result an unsharded run would have written.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { renderSummary } from '../report/summary.js';
import { type OpenedResult, openResult } from '../result/store.js';
import { writeCases } from '../result/writer.js';
import { mergeInto } from '../run/merge.js';
import type { ResultBrief } from '../schema/case-brief.js';
import { loadSuite } from '../suite/load.js';
import { parseFlags } from './options.js';

export const MergeFlags = z.object({ out: z.string().optional(), suite: z.string().optional() });

/** Reads the shards, merges them with their suite, writes the merged result and prints its summary. */
export async function mergeCommand(files: string[], rawFlags: unknown): Promise<void> {
  const flags = parseFlags(MergeFlags, rawFlags);
  const shards: { file: string; saved: OpenedResult }[] = [];
  try {
    for (const file of files) shards.push({ file, saved: await openResult(file) });
    const suitePath = flags.suite ?? shards[0]?.saved.head.suite.path ?? '';
    if (!existsSync(suitePath)) throw invalidInput(`the shards were run from ${suitePath}, which is not there; pass the suite with --suite.`);
    const suite = await loadSuite(suitePath);
    const out = flags.out ?? (files[0] ?? 'merged.json').replace(/(-shard-\d+-of-\d+)?(\.json)?$/i, '-merged.json');
    const { result: merged } = await writeCases(out, async (onCase) => ({ result: await mergeInto(shards, suite, onCase) }));
    printMerged(merged, files.length, out);
  } finally {
    for (const { saved } of shards) saved.close();
  }
}

function printMerged(merged: ResultBrief, shards: number, out: string): void {
  console.log(renderSummary(merged));
  console.log(
    `Merged ${shards} shard${shards === 1 ? '' : 's'}${merged.complete ? '' : ' (partial: a shard is missing or was cut short)'}; result written to ${out}`,
  );
}
