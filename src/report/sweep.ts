// The table a sweep ends with: one row per point, accuracy against tokens, latency and dollars.
import { formatDuration } from '../duration.js';
import type { Result } from '../schema/result.js';
import { pct } from './compare-format.js';
import { renderTable } from './table.js';

/** One row per sweep point, in the order run. */
export function renderSweep(points: ReadonlyArray<{ label: string; result: Pick<Result, 'summary'>; out: string }>): string {
  const rows = points.map(({ label, result, out }) => {
    const s = result.summary;
    const n = Math.max(1, s.samples);
    const interval = s.ci95 && s.cases > 1 ? ` [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]` : '';
    const dollars = s.cost ? (s.cost.totalUsd === null ? 'unknown' : `$${s.cost.totalUsd.toFixed(4)}`) : 'unknown';
    return [
      label,
      `${pct(s.accuracy)}${interval}`,
      pct(s.pass1),
      String(Math.round(s.usage.reasoningTokens / n)),
      String(Math.round(s.usage.completionTokens / n)),
      formatDuration(s.latencyMs.p50),
      dollars,
      out,
    ];
  });
  return renderTable(['point', 'accuracy [95% CI]', 'pass1', 'reasoning tok/sample', 'completion tok/sample', 'latency p50', 'cost', 'result'], rows);
}
