// maj@k and pass@k curves for the plots, each point with a 95% band from a bootstrap over cases.
import type { Result } from '../../schema/result.js';
import { toCaseSamples, summaryCurves } from '../../score/metrics.js';
import { correctCount, groupAnswers } from '../../score/metrics/groups.js';
import { majCurve } from '../../score/metrics/maj-at-k.js';
import { bootstrapMeanInterval } from '../../score/metrics/mean-bootstrap.js';
import { passAtK } from '../../score/metrics/pass-at-k.js';
import type { CurvePoint } from './data.js';

/** Fewer resamples than the run's own interval: a band on a plot needs no third decimal. */
const BAND_RESAMPLES = 400;

/**
 * The run's maj@k and pass@k at the ks its summary reports (computed when the summary has none).
 * The value is the summary's; the band resamples the cases' own maj@k (pass@k) values.
 */
export function curvesOf(result: Result): { majAtK: CurvePoint[]; passAtK: CurvePoint[] } {
  const cases = result.cases.filter((c) => c.samples.length > 0).map((c) => toCaseSamples(c));
  const fallback = result.summary.majAtK && result.summary.passAtK ? undefined : summaryCurves(cases);
  const maj = result.summary.majAtK ?? fallback?.majAtK ?? {};
  const pass = result.summary.passAtK ?? fallback?.passAtK ?? {};
  const ks = Object.keys(maj)
    .map(Number)
    .filter((k) => Number.isInteger(k) && k >= 1)
    .sort((a, b) => a - b);
  const kMax = ks[ks.length - 1] ?? 0;
  const majValues = ks.map(() => [] as number[]);
  const passValues = ks.map(() => [] as number[]);
  for (const c of cases) {
    const groups = groupAnswers(c.answers, c.isCorrect);
    const n = groups.n;
    const curve = majCurve(groups, Math.min(kMax, n));
    const right = correctCount(groups);
    ks.forEach((k, i) => {
      if (k > n) return;
      majValues[i]!.push(curve[k]!);
      passValues[i]!.push(passAtK(n, right, k));
    });
  }
  const points = (byK: Record<string, number>, values: number[][]): CurvePoint[] =>
    ks.flatMap((k, i) => {
      const value = byK[String(k)];
      if (value === undefined) return [];
      const band = bootstrapMeanInterval(values[i]!, { resamples: BAND_RESAMPLES, seed: k });
      return [{ k, value, low: band?.[0] ?? null, high: band?.[1] ?? null }];
    });
  return { majAtK: points(maj, majValues), passAtK: points(pass, passValues) };
}
