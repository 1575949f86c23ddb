// Batch outputs (from `vllm run-batch` or a hand-submitted batch) -> raw samples -> the one scoring pass -> a normal result.
import { loadCustomModules } from '../grade/custom.js';
import { buildGraders } from '../grade/graders.js';
import { gradeRun } from '../grade/grade-run.js';
import type { RawSample, Result } from '../schema/result.js';
import type { Suite } from '../schema/suite.js';
import { scoreRun } from '../score/score-run.js';
import { scorerFactory } from '../score/scorers/index.js';
import { TOOL } from '../tool.js';
import { parseCustomId } from './custom-id.js';
import type { BatchOutputLine } from './format.js';
import { sampleFromLine } from './outputs.js';

/** What an import read besides the samples: lines it could not place, and lines seen twice. */
export interface ImportNotes {
  unknownCases: string[];
  duplicates: number;
  lines: number;
}

export interface ImportOptions {
  /** The model to record; else the one the completions name; else the suite's. */
  model?: string | undefined;
  /** Where the outputs came from, recorded as the result's baseUrl (`batch:<file>`). */
  source: string;
}

/** Samples by case id from output lines; the first line for a (case, sample) pair wins. */
export async function samplesFromOutputs(
  lines: AsyncIterable<BatchOutputLine>,
  suite: Suite,
): Promise<{ samples: Map<string, RawSample[]>; model: string | undefined; notes: ImportNotes }> {
  const ids = new Set(suite.cases.map((c) => c.id));
  const byCase = new Map<string, Map<number, RawSample>>();
  const unknown = new Set<string>();
  let duplicates = 0;
  let count = 0;
  let model: string | undefined;
  for await (const line of lines) {
    count++;
    const named = parseCustomId(line.custom_id);
    if (!named || !ids.has(named.caseId)) {
      unknown.add(named?.caseId ?? line.custom_id);
      continue;
    }
    const body = line.response?.body as { model?: unknown } | undefined;
    if (model === undefined && typeof body?.model === 'string') model = body.model;
    const byIndex = byCase.get(named.caseId) ?? new Map<number, RawSample>();
    byCase.set(named.caseId, byIndex);
    if (byIndex.has(named.sampleIndex)) duplicates++;
    else byIndex.set(named.sampleIndex, sampleFromLine(line, named.sampleIndex));
  }
  const samples = new Map([...byCase].map(([id, byIndex]) => [id, [...byIndex.values()].sort((a, b) => a.index - b.index)]));
  return { samples, model, notes: { unknownCases: [...unknown], duplicates, lines: count } };
}

/** The scored result of a suite's samples read from batch outputs, as `run` would have written it. */
export async function importOutputs(
  lines: AsyncIterable<BatchOutputLine>,
  suite: Suite,
  options: ImportOptions,
): Promise<{ result: Result; notes: ImportNotes }> {
  const startedAt = new Date().toISOString();
  const { samples, model, notes } = await samplesFromOutputs(lines, suite);
  const modules = await loadCustomModules(suite);
  const scorerFor = scorerFactory({ modules });
  // No endpoint here: judge cases stay not_graded (rescore --regrade asks a judge later).
  const grades = await gradeRun({ suite, scorerFor, samples, graderFor: buildGraders(suite, { modules, askJudges: false }) });
  const counts = suite.cases.map((c) => samples.get(c.id) ?? []);
  const most = Math.max(0, ...counts.map((list) => (list.at(-1)?.index ?? -1) + 1));
  const recorded = options.model ?? model ?? suite.model ?? 'unknown';
  const run = {
    tool: TOOL,
    model: recorded,
    baseUrl: options.source,
    simulated: /^thinkbench-sim(?:-\d{1,3})?$/.test(recorded),
    params: {},
    samples: most,
    concurrency: 0,
    timeoutMs: 0,
    startedAt,
    finishedAt: new Date().toISOString(),
    // Complete when every case has samples 0..n-1 with none missing (cases may ask for different n).
    complete: counts.every((list) => list.length > 0 && list.length === list.at(-1)!.index + 1),
    selection: 'majority' as const,
    adaptations: [],
  };
  return { result: scoreRun({ run, suite, scorerFor, samples, grades }), notes };
}
