// `thinkbench merge`: shards of one run -> the result an unsharded run would have written.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { renderSummary } from '../report/summary.js';
import { readResult, writeResult } from '../result/store.js';
import { mergeShards } from '../run/merge.js';
import type { Result } from '../schema/result.js';
import { loadSuite } from '../suite/load.js';
import { parseFlags } from './options.js';

export const MergeFlags = z.object({ out: z.string().optional(), suite: z.string().optional() });

/** Reads the shards, merges them with their suite, writes the merged result and prints its summary. */
export async function mergeCommand(files: string[], rawFlags: unknown): Promise<void> {
  const flags = parseFlags(MergeFlags, rawFlags);
  const shards: { file: string; result: Result }[] = [];
  for (const file of files) shards.push({ file, result: await readResult(file) });
  const suitePath = flags.suite ?? shards[0]?.result.suite.path ?? '';
  if (!existsSync(suitePath)) throw invalidInput(`the shards were run from ${suitePath}, which is not there; pass the suite with --suite.`);
  const merged = await mergeShards(shards, await loadSuite(suitePath));
  const out = flags.out ?? (files[0] ?? 'merged.json').replace(/(-shard-\d+-of-\d+)?(\.json)?$/i, '-merged.json');
  await writeResult(out, merged);
  console.log(renderSummary(merged));
  console.log(
    `Merged ${files.length} shard${files.length === 1 ? '' : 's'}${merged.complete ? '' : ' (partial: a shard is missing or was cut short)'}; result written to ${out}`,
  );
}
