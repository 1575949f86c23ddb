// Reads result fields that older (or newer) result files may lack, defensively, in one place.
import { caseCredit } from '../../compare/match.js';
import type { CaseResult, Result, Sample } from '../../schema/result.js';

type Loose = Record<string, unknown>;

const loose = (value: object): Loose => value as unknown as Loose;

/** The case's credit toward accuracy: the stored `credit` when present, else recomputed from the votes. */
export function creditOf(c: CaseResult): number | null {
  if (!c.samples.length) return null;
  const stored = loose(c).credit;
  if (typeof stored === 'number' && stored >= 0 && stored <= 1) return stored;
  // Derived from the votes, never from a stored value out of range.
  return caseCredit({ ...c, credit: undefined } as unknown as CaseResult);
}

/** The extraction rule that found the sample's answer, when recorded. */
export function ruleOf(s: Sample): string | null {
  const rule = loose(s).rule;
  return typeof rule === 'string' && rule ? rule : null;
}

/**
 * Where in `content` the answer was read. The span is stored as offsets `[start, end]` or as the
 * text read; text is located by its last occurrence (final answers come last). Null when unknown.
 */
export function spanOf(s: Sample): [number, number] | null {
  const span = loose(s).span;
  const length = s.content.length;
  if (Array.isArray(span) && span.length === 2) {
    const [start, end] = span as unknown[];
    if (
      typeof start === 'number' &&
      typeof end === 'number' &&
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      start < end &&
      end <= length
    ) {
      return [start, end];
    }
    return null;
  }
  if (typeof span === 'string' && span) {
    const at = s.content.lastIndexOf(span);
    return at >= 0 ? [at, at + span.length] : null;
  }
  return null;
}

/** Where the sample's reasoning came from (field, think, ...), when recorded. */
export function reasoningSourceOf(s: Sample): string | null {
  const source = loose(s).reasoningSource;
  return typeof source === 'string' ? source : null;
}

/**
 * The run's cost in US dollars, when the summary knows it: a number, or an object with a numeric
 * `usd`, `totalUsd`, `total` or `amount` (and no currency other than USD).
 */
export function costUsdOf(result: Result): number | null {
  const cost = loose(result.summary).cost;
  if (typeof cost === 'number' && Number.isFinite(cost)) return cost;
  if (!cost || typeof cost !== 'object') return null;
  const fields = cost as Loose;
  if (typeof fields.currency === 'string' && fields.currency.toUpperCase() !== 'USD') return null;
  for (const key of ['usd', 'totalUsd', 'total', 'amount']) {
    const value = fields[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
}

/** The paired test behind a comparison's verdict, when the comparison carries one beside McNemar. */
export function pairedTestOf(pair: object): { statistic: string; method: string; pValue: number; interval: [number, number] | null } | null {
  const test = loose(pair).test;
  if (!test || typeof test !== 'object') return null;
  const t = test as Loose;
  if (typeof t.pValue !== 'number') return null;
  const interval =
    Array.isArray(t.interval) && t.interval.length === 2 && t.interval.every((x) => typeof x === 'number') ? (t.interval as [number, number]) : null;
  return {
    statistic: typeof t.statistic === 'string' ? t.statistic : 'accuracy',
    method: typeof t.method === 'string' ? t.method : 'paired test',
    pValue: t.pValue,
    interval,
  };
}
