// pass@k: the unbiased estimator of Chen et al. (2021) from n samples of which c are correct.
import { checkK } from './groups.js';

/**
 * pass@k = 1 - C(n-c, k) / C(n, k), computed stably as 1 - prod_{i=n-c+1..n} (1 - k/i).
 * It is 1 when n - c < k and 0 when c = 0. Throws a RangeError unless n, c, k are whole numbers
 * with 0 <= c <= n and 1 <= k <= n: pass@k for k > n is undefined, and a NaN would travel silently
 * into averages and result files.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(c) || c < 0 || c > n) {
    throw new RangeError(`passAtK needs whole numbers 0 <= c <= n; got n = ${n}, c = ${c}`);
  }
  checkK(n, k, 'passAtK');
  if (n - c < k) return 1;
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}
