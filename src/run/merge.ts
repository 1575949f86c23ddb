// Merging shards: their raw samples joined and scored once, giving exactly the result an unsharded run would.
import { invalidInput } from '../errors.js';
import { loadCustomModules } from '../grade/custom.js';
import { type GradeTables, gradesFromSamples } from '../grade/grade-run.js';
import type { ResultBrief } from '../schema/case-brief.js';
import { type CaseResult, RawSample, type Result } from '../schema/result.js';
import { type SavedResult, savedFromResult } from '../result/saved-result.js';
import type { Suite } from '../schema/suite.js';
import { scoreRunInto } from '../score/score-run.js';
import { scorerFactory } from '../score/scorers/index.js';
import { stableJson } from '../stable-json.js';

/**
 * The shards' samples joined (each (case, sample) pair once) and scored with the suite, as one run:
 * same summary, curves and interval as the unsharded run. Refuses shards of different suites,
 * models, parameters or shard counts, and the same shard twice; a missing shard leaves the result partial.
 */
export async function mergeShards(shards: ReadonlyArray<{ file: string; result: Result }>, suite: Suite): Promise<Result> {
  const cases: CaseResult[] = [];
  const merged = await mergeInto(
    shards.map(({ file, result }) => ({ file, saved: savedFromResult(result) })),
    suite,
    (c) => cases.push(c),
  );
  return { ...merged, cases };
}

/** `mergeShards` for shards of any size: their samples are read case by case, and each merged case goes to `onCase`. */
export async function mergeInto(
  input: ReadonlyArray<{ file: string; saved: SavedResult }>,
  suite: Suite,
  onCase: (c: CaseResult) => void,
): Promise<ResultBrief> {
  const shards = input.map(({ file, saved }) => ({ file, result: saved.head, saved }));
  const [first] = shards;
  if (!first) throw invalidInput("merge takes the result files of a run's shards.");
  const seen = new Set<number>();
  for (const { file, result } of shards) {
    const differs = (what: string, a: unknown, b: unknown) =>
      invalidInput(`${file} has ${what} ${a}, but ${first.file} has ${b}: only shards of one run merge.`);
    if (result.suite.sha256 !== first.result.suite.sha256)
      throw differs(
        'suite',
        `${result.suite.name} (${result.suite.sha256.slice(0, 8)})`,
        `${first.result.suite.name} (${first.result.suite.sha256.slice(0, 8)})`,
      );
    if (result.model !== first.result.model) throw differs('model', result.model, first.result.model);
    if (stableJson(result.params) !== stableJson(first.result.params)) throw differs('parameters', stableJson(result.params), stableJson(first.result.params));
    if (result.samples !== first.result.samples) throw differs('samples per case', result.samples, first.result.samples);
    if (!result.shard || result.shard.count !== first.result.shard?.count)
      throw invalidInput(
        `${file} is not a shard of the same split as ${first.file} (its --shard ${result.shard ? `${result.shard.index}/${result.shard.count}` : 'is not set'}).`,
      );
    if (seen.has(result.shard.index)) throw invalidInput(`${file} is shard ${result.shard.index}/${result.shard.count} again; give each shard once.`);
    seen.add(result.shard.index);
  }
  if (suite.sha256 !== first.result.suite.sha256)
    throw invalidInput(`${suite.path} is not the suite the shards ran (its hash differs); pass the suite they ran with --suite.`);
  // Each (case, sample) pair once, read from the shards only when its case is scored.
  const joined = {
    get: (caseId: string) => {
      const byIndex = new Map<number, RawSample>();
      for (const { saved } of shards) for (const s of saved.samples(caseId)) byIndex.set(s.index, RawSample.parse(s));
      return [...byIndex.values()].sort((a, b) => a.index - b.index);
    },
  };
  const stored: GradeTables = { verdicts: new Map(), scores: new Map() };
  for (const { saved } of shards) for (const c of saved.head.cases) gradesFromSamples([{ ...c, samples: saved.samples(c.id) }], stored);
  const modules = await loadCustomModules(suite);
  const all = shards.map((s) => s.result);
  const { schemaVersion: _v, suite: _s, summary: _summary, cases: _cases, shard: _shard, ...run } = first.result;
  const adaptations = [...new Map(all.flatMap((r) => r.adaptations).map((a) => [a.param, a])).values()];
  return scoreRunInto(
    {
      run: {
        ...run,
        startedAt: all.map((r) => r.startedAt).sort()[0]!,
        finishedAt: all
          .map((r) => r.finishedAt)
          .sort()
          .at(-1)!,
        complete: seen.size === first.result.shard!.count && all.every((r) => r.complete),
        adaptations,
      },
      suite,
      scorerFor: scorerFactory({ modules }),
      samples: joined,
      grades: stored,
    },
    onCase,
  );
}
