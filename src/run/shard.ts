// Shards: a stable share of a run's (case, sample) pairs, by a hash of the case id and sample index.
import { invalidInput } from '../errors.js';
import { hashParts } from '../random.js';

/** Shard `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard 2/4` read and checked. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw invalidInput(`--shard takes i/n with 1 <= i <= n, like 2/4; not "${value}".`);
  }
  return { index, count };
}

/**
 * Whether sample `sampleIndex` of case `caseId` belongs to `shard`. The hash of the id (not the
 * case's position) keeps every pair in its shard when cases are added or reordered.
 */
export function inShard(shard: Shard, caseId: string, sampleIndex: number): boolean {
  return hashParts('shard', caseId, sampleIndex) % shard.count === shard.index - 1;
}
