// Short labels that tell runs apart: the model, then the parameters that differ, then the file name.
import { basename } from 'node:path';
import type { LoadedResult } from '../../compare/compare.js';

/** One label per run, distinct where the runs differ in model or parameters, else by file name. */
export function runLabels(runs: readonly LoadedResult[]): string[] {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.result.params)))].sort();
  const differing = keys.filter((key) => new Set(runs.map((r) => JSON.stringify(r.result.params[key]))).size > 1);
  const labels = runs.map(({ result }) => {
    const params = differing.filter((key) => key in result.params).map((key) => `${key}=${formatValue(result.params[key])}`);
    return [result.model, ...params].join(' ');
  });
  return labels.map((label, i) => (labels.indexOf(label) !== labels.lastIndexOf(label) ? `${label} (${basename(runs[i]!.file)})` : label));
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
