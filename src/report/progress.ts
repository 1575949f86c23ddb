// The progress line: samples done of total, rate, ETA, running per-sample accuracy, errors, retries.
import { formatDuration } from '../duration.js';

export interface ProgressState {
  label: string;
  total: number;
  done: number;
  correct: number;
  errors: number;
  retries: number;
  elapsedMs: number;
}

/** One line describing the run so far. */
export function renderProgress(p: ProgressState): string {
  const rate = p.elapsedMs > 0 ? (p.done / p.elapsedMs) * 1000 : 0;
  const eta = rate > 0 && p.done < p.total ? `ETA ${formatDuration(((p.total - p.done) / rate) * 1000)}` : '';
  const scored = p.done - p.errors;
  const accuracy = scored > 0 ? `pass1 ${((p.correct / scored) * 100).toFixed(1)}%` : '';
  return [
    `${p.label} ${p.done}/${p.total} samples`,
    `${rate.toFixed(rate < 10 ? 1 : 0)}/s`,
    eta,
    accuracy,
    `${p.errors} errors`,
    `${p.retries} retries`,
  ]
    .filter(Boolean)
    .join('  ');
}
