// The progress line: samples done of total, rate, ETA, running pass1, errors, retries, dollars; fitted to a width.
import pc from 'picocolors';
import { formatDuration } from '../duration.js';

export interface ProgressState {
  label: string;
  total: number;
  done: number;
  correct: number;
  errors: number;
  retries: number;
  elapsedMs: number;
  /** Dollars of the finished samples with a known price, and how many had one; absent when the run has no price. */
  cost?: { dollars: number; priced: number };
}

/**
 * One line describing the run so far. With `width`, trailing parts that do not fit are left out
 * whole (a part is never cut mid-word); with `color`, errors and pass1 are coloured.
 */
export function renderProgress(p: ProgressState, { width, color = false }: { width?: number; color?: boolean } = {}): string {
  const paint = pc.createColors(color);
  const rate = p.elapsedMs > 0 ? (p.done / p.elapsedMs) * 1000 : 0;
  const eta = rate > 0 && p.done < p.total ? `ETA ${formatDuration(((p.total - p.done) / rate) * 1000)}` : '';
  const scored = p.done - p.errors;
  const accuracy = scored > 0 ? paint.bold(`pass1 ${((p.correct / scored) * 100).toFixed(1)}%`) : '';
  const projected = p.cost && p.cost.priced > 0 ? (p.cost.dollars / p.cost.priced) * p.total : null;
  const cost = p.cost ? `$${p.cost.dollars.toFixed(2)}${projected === null ? '' : ` of ~$${projected.toFixed(2)}`}` : '';
  const parts = [
    `${p.label} ${p.done}/${p.total} samples`,
    `${rate.toFixed(rate < 10 ? 1 : 0)}/s`,
    eta,
    accuracy,
    p.errors ? paint.red(`${p.errors} errors`) : `${p.errors} errors`,
    `${p.retries} retries`,
    cost,
  ].filter(Boolean);
  if (width === undefined) return parts.join('  ');
  let line = '';
  for (const part of parts) {
    const next = line ? `${line}  ${part}` : part;
    if (visibleLength(next) > width) break;
    line = next;
  }
  return line || parts[0]!.slice(0, Math.max(0, width));
}

function visibleLength(text: string): number {
  return text.replace(/\x1b\[[0-9;]*m/g, '').length;
}
