// The accuracy delta's interval for a new draw of cases: Bonett and Price's adjusted Wald interval for paired proportions.

const Z95 = 1.959963984540054;

/**
 * 95% interval for the mean of per-case credit differences (candidate minus base), read as a
 * difference of paired proportions: fell = sum of the falls, rose = sum of the rises (fractional for
 * ties). Bonett & Price (2012) add one to each discordant count and two to n, which keeps coverage
 * near 95% for small n and for differences near 0 or ±1 (where the plain Wald and the bootstrap
 * collapse to a point). Clipped to [-1, 1]; null with no cases.
 */
export function pairedProportionInterval(differences: readonly number[]): [number, number] | null {
  const n = differences.length;
  if (n === 0) return null;
  let fell = 0;
  let rose = 0;
  for (const d of differences) {
    if (d < 0) fell -= d;
    else rose += d;
  }
  const pFell = (fell + 1) / (n + 2);
  const pRose = (rose + 1) / (n + 2);
  const center = pRose - pFell;
  const se = Math.sqrt(Math.max(0, pFell + pRose - center ** 2) / (n + 2));
  const clip = (x: number) => Math.round(Math.min(1, Math.max(-1, x)) * 1e6) / 1e6;
  return [clip(center - Z95 * se), clip(center + Z95 * se)];
}
