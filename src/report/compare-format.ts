// Number and answer formatting shared by the comparison renderers (terminal, markdown).
import { formatDuration } from '../duration.js';
import type { CaseSide, Delta, PairwiseComparison } from '../compare/compare.js';
import { formatP } from '../compare/gate.js';
import { cell } from './sanitize.js';

export { formatP };

/** A fraction as a percentage with one decimal. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** A difference of fractions in percentage points, signed: +3.3 pp, −10.0 pp. */
export function pp(x: number): string {
  const rounded = Math.round(x * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : '±'}${Math.abs(rounded).toFixed(1)} pp`;
}

/** An interval of differences in percentage points: [-20.0, +3.3] pp. */
export function ppInterval(interval: readonly [number, number] | null): string {
  if (!interval) return 'n/a';
  const points = (x: number) => {
    const rounded = Math.round(x * 1000) / 10;
    return `${rounded > 0 ? '+' : ''}${(rounded === 0 ? 0 : rounded).toFixed(1)}`;
  };
  return `[${points(interval[0])}, ${points(interval[1])}] pp`;
}

/** A whole number with thousands separators. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A signed difference of counts with its relative size: +1,200 (+12.0%). */
export function countDelta(d: Delta): string {
  if (d.delta === 0) return '±0';
  const sign = d.delta > 0 ? '+' : '-';
  const relative = d.base ? ` (${sign}${Math.abs((d.delta / d.base) * 100).toFixed(1)}%)` : '';
  return `${sign}${count(Math.abs(d.delta))}${relative}`;
}

/** A signed difference of milliseconds: +120ms, -1.5s. */
export function durationDelta(d: Delta): string {
  const sign = d.delta > 0 ? '+' : d.delta < 0 ? '-' : '±';
  return `${sign}${formatDuration(Math.abs(d.delta))}`;
}

export { formatDuration };

/** The majority answer and the top votes, sanitised: `3 (3×4, 2×1)`. */
export function sideText(side: CaseSide, width = 24): string {
  const ranked = Object.entries(side.votes).sort((a, b) => b[1] - a[1]);
  const votes = ranked.slice(0, 3).map(([answer, n]) => `${cell(answer, 12)}×${n}`);
  if (ranked.length > 3) votes.push(`+${ranked.length - 3}`);
  const abstained = side.samples - ranked.reduce((n, [, v]) => n + v, 0);
  if (abstained > 0) votes.push(`none×${abstained}`);
  const answer = side.answer === null ? '(no answer)' : cell(side.answer, width);
  return votes.length ? `${answer} (${votes.join(', ')})` : answer;
}

/** The verdict in words, with the p-value. */
export function verdictText(c: PairwiseComparison, alpha: number): string {
  const p = `McNemar p = ${formatP(c.mcnemar.pValue)}`;
  switch (c.verdict) {
    case 'worse':
      return `significantly worse (${p} < ${alpha})`;
    case 'better':
      return `significantly better (${p} < ${alpha})`;
    case 'no_significant_change':
      return `no significant change (${p})`;
  }
}

/** Cost needs prices, which result files do not carry. */
export const COST_NOTE = 'Cost is not computed (result files carry no prices); compare tokens instead.';
