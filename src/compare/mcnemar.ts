// McNemar's exact test: a two-sided binomial test on the discordant pairs of two paired verdict lists.

/** Discordant counts and the exact two-sided p-value. */
export interface McNemarResult {
  /** Pairs right in the base and wrong in the candidate (regressions). */
  b: number;
  /** Pairs wrong in the base and right in the candidate (improvements). */
  c: number;
  pValue: number;
}

/**
 * Two-sided exact p-value: twice the smaller binomial tail of min(b, c) under Binomial(b + c, 1/2),
 * capped at 1. No discordant pairs means no evidence either way, p = 1.
 */
export function mcnemarExact(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  let tail = 0;
  if (n <= 1000) {
    // 2^-n and the running product stay exact for small n, so textbook values come out exactly.
    let pmf = 2 ** -n;
    for (let i = 0; i <= k; i++) {
      tail += pmf;
      pmf = (pmf * (n - i)) / (i + 1);
    }
  } else {
    // Large n: 2^-n underflows, so sum in log space.
    let logChoose = 0;
    for (let i = 0; i <= k; i++) {
      if (i > 0) logChoose += Math.log(n - i + 1) - Math.log(i);
      tail += Math.exp(logChoose - n * Math.LN2);
    }
  }
  return Math.min(1, 2 * tail);
}

/** McNemar's exact test on paired verdicts (base[i] and candidate[i] describe the same case). */
export function mcnemar(pairs: readonly { base: boolean; candidate: boolean }[]): McNemarResult {
  const b = pairs.filter((p) => p.base && !p.candidate).length;
  const c = pairs.filter((p) => !p.base && p.candidate).length;
  return { b, c, pValue: mcnemarExact(b, c) };
}
