// Number and answer formatting shared by the comparison renderers (terminal, markdown).
import { formatDuration } from '../duration.js';
import type { CaseChange, CaseSide, Delta, PairwiseComparison } from '../compare/compare.js';
import { cell } from './sanitize.js';

/** A p-value for people: four decimals, or scientific notation when smaller than 0.0001. */
export function formatP(p: number): string {
  if (p >= 0.0001) return p.toFixed(4);
  return p === 0 ? '0' : p.toExponential(1);
}

/** A fraction as a percentage with one decimal. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** An interval's coverage for people: 95%, 90%, 99.5%. */
export function levelText(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/** A difference of fractions in percentage points, signed: +3.3 pp, −10.0 pp. */
export function pp(x: number): string {
  const rounded = Math.round(x * 1000) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : '±'}${Math.abs(rounded).toFixed(1)} pp`;
}

/** Printed instead of an interval that too few cases cannot give. */
export const TOO_FEW = 'too few cases';

/** An interval of differences in percentage points: [-20.0, +3.3] pp; "too few cases" when there is none. */
export function ppInterval(interval: readonly [number, number] | null): string {
  if (!interval) return TOO_FEW;
  const points = (x: number) => {
    const rounded = Math.round(x * 1000) / 10;
    return `${rounded > 0 ? '+' : ''}${(rounded === 0 ? 0 : rounded).toFixed(1)}`;
  };
  return `[${points(interval[0])}, ${points(interval[1])}] pp`;
}

/** An interval with its coverage, `95% CI [-20.0, +3.3] pp`, or `95% CI: too few cases`. */
export function ciPhrase(level: number, interval: readonly [number, number] | null): string {
  return interval ? `${levelText(level)} CI ${ppInterval(interval)}` : `${levelText(level)} CI: ${TOO_FEW}`;
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

/** A case's pass1 before and after: 100.0% → 40.0%. */
export function pass1Move(ch: CaseChange): string {
  return `${pct(ch.before.pass1)} → ${pct(ch.after.pass1)}`;
}

const PASS1_SHOWN = 10;

/** The test's own list: the cases whose pass1 fell, largest fall first, and how many rose. */
export function pass1Line(c: PairwiseComparison): string {
  const shown = c.pass1Fell
    .slice(0, PASS1_SHOWN)
    .map((ch) => `${cell(ch.id, 32)} (${pass1Move(ch)})`)
    .join(', ');
  const more = c.pass1Fell.length > PASS1_SHOWN ? ` and ${c.pass1Fell.length - PASS1_SHOWN} more` : '';
  const fell = c.pass1Fell.length ? `pass1 fell on ${c.pass1Fell.length} of ${c.pairedCases} cases, largest first: ${shown}${more}` : 'pass1 fell on no case';
  return `${fell}; rose on ${c.pass1Rose.length}.`;
}

/** The verdict in words, naming the tested figure and its p-value. */
export function verdictText(c: PairwiseComparison, alpha: number): string {
  const p = `sign-flip p = ${formatP(c.test.pValue)}`;
  switch (c.verdict) {
    case 'worse':
      return `significantly worse (pass1, ${p} < ${alpha})`;
    case 'better':
      return `significantly better (pass1, ${p} < ${alpha})`;
    case 'no_significant_change':
      return `no significant change (pass1, ${p})`;
    case 'too_few_cases':
      return `too few cases for the paired test (${c.pairedCases} paired, it needs ${c.test.minCases} to reach p < ${alpha})`;
  }
}

/** The small-suite sentence that opens a report: the test cannot fire, and what the gate does instead. */
export function smallSuiteText(c: PairwiseComparison, alpha: number): string {
  return (
    `Small suite: ${c.file} pairs ${c.pairedCases} cases with the base, and with fewer than ${c.test.minCases} no paired test can reach p < ${alpha}; ` +
    '--fail-on-regression instead fails on any newly failing case (or on more than --max-regressions).'
  );
}

/** The paired test in one line: the pass1 delta with its interval, what the interval covers, the p-value and how it was computed. */
export function testText(c: PairwiseComparison): string {
  const { test } = c;
  const how = test.exact ? `exact over ${count(test.draws)} sign flips` : `${count(test.draws)} random sign flips`;
  return (
    `Paired test (the gate): pass1 ${pp(c.pass1.delta)}, ${ciPhrase(test.level, test.interval)}${test.interval ? ' for a new draw of cases' : ''}; ` +
    `sign-flip permutation p = ${formatP(test.pValue)} (${how}, ${c.pairedCases} cases).`
  );
}

/** Majority flips by credit with McNemar's test, and the accuracy delta's population interval. */
export function flipsText(c: PairwiseComparison): string {
  return (
    `Majority vote: ${c.regressed.length} newly failing, ${c.improved.length} newly passing (McNemar exact p = ${formatP(c.mcnemar.pValue)}); ` +
    `accuracy ${pp(c.accuracy.delta)}, ${ciPhrase(0.95, c.ci95Delta)}${c.ci95Delta ? ' for a new draw of cases' : ''}.`
  );
}

/** Dollars of both runs where both were priced; else why not. */
export function costNote(c: PairwiseComparison): string {
  const { base, candidate } = c.costUsd;
  if (base === null || candidate === null)
    return 'Cost: unknown for a run without a price (run with --price, or a model the price table knows); compare tokens instead.';
  return `Cost: $${base.toFixed(4)} -> $${candidate.toFixed(4)} (${candidate >= base ? '+' : ''}$${(candidate - base).toFixed(4)}).`;
}
