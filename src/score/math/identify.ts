// Closed forms for a number known to 50 digits, so equivalent constants get one readable vote key.
import { type Big, big } from './engine.js';

/** A reduced fraction p/q with q > 0. */
export interface Rational {
  p: bigint;
  q: bigint;
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [abs(a), abs(b)];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const SCALE_DIGITS = 50;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

/** `v` as an integer count of 10^-50, so continued fractions run on exact bigints (fast) rather than decimals. */
function fixedPoint(v: Big): bigint {
  const [int = '0', frac = ''] = v.toFixed(SCALE_DIGITS).split('.');
  return BigInt(int + frac.padEnd(SCALE_DIGITS, '0'));
}

/**
 * The fraction with the smallest denominator (at most `maxDen`) equal to `v` within a relative
 * `tolerance` (a power of ten), by continued fractions; null when there is none. With 50-digit
 * values and 1e-40, an irrational number is never mistaken for a fraction.
 */
export function toRational(v: Big, maxDen = 10n ** 15n, tolerance = 40): Rational | null {
  if (!v.isFinite()) return null;
  const n = fixedPoint(v);
  const magnitude = abs(n) > SCALE ? abs(n) : SCALE;
  // |v - h/k| <= 10^-tolerance * max(1, |v|), in units of 10^-50 and multiplied through by k.
  const slack = magnitude / 10n ** BigInt(tolerance);
  let [num, den] = [n, SCALE];
  let [h0, h1, k0, k1] = [0n, 1n, 1n, 0n];
  for (let step = 0; step < 200 && den !== 0n; step++) {
    let a = num / den;
    if (num % den !== 0n && num < 0n !== den < 0n) a -= 1n; // floor, not truncation
    [h0, h1] = [h1, a * h1 + h0];
    [k0, k1] = [k1, a * k1 + k0];
    if (k1 > maxDen) return null;
    if (abs(n * k1 - h1 * SCALE) <= slack * k1) return { p: h1, q: k1 };
    [num, den] = [den, num - a * den];
  }
  return null;
}

/** A fraction as its vote key: an integer, a terminating decimal up to 12 places, else `\frac{p}{q}`. */
export function rationalLatex({ p, q }: Rational): string {
  if (q === 1n) return `${p}`;
  let [twos, fives, rest] = [0, 0, q];
  while (rest % 2n === 0n) [rest, twos] = [rest / 2n, twos + 1];
  while (rest % 5n === 0n) [rest, fives] = [rest / 5n, fives + 1];
  const places = Math.max(twos, fives);
  if (rest === 1n && places <= 12) {
    const scaled = (abs(p) * 10n ** BigInt(places)) / q;
    const digits = scaled.toString().padStart(places + 1, '0');
    return `${p < 0n ? '-' : ''}${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return `${p < 0n ? '-' : ''}\\frac{${abs(p)}}{${q}}`;
}

/** `coefficient * symbol` as MATH writes it: `\pi`, `7\pi`, `\frac{\pi}{2}`, `-\frac{3\sqrt{3}}{4}`. */
function scaledLatex({ p, q }: Rational, symbol: string): string {
  const sign = p < 0n ? '-' : '';
  const top = `${abs(p) === 1n ? '' : abs(p)}${symbol}`;
  return q === 1n ? `${sign}${top}` : `${sign}\\frac{${top}}{${q}}`;
}

function reduce(p: bigint, q: bigint): Rational {
  const g = gcd(p, q) || 1n;
  return q < 0n ? { p: -p / g, q: -q / g } : { p: p / g, q: q / g };
}

/** n = s^2 * m with m free of square factors below 10^4 (enough for answers people write). */
function splitSquare(n: bigint): { s: bigint; m: bigint } {
  let [s, m] = [1n, n];
  for (let d = 2n; d * d <= m && d < 10000n; d++) {
    while (m % (d * d) === 0n) [m, s] = [m / (d * d), s * d];
  }
  return { s, m };
}

let piCache: Big | undefined;
function pi(): Big {
  piCache ??= big('3.14159265358979323846264338327950288419716939937510582097494');
  return piCache;
}

/**
 * The vote key of a real constant: a fraction, a multiple of a square root, of π, of 1/π or of
 * π², written in MATH's LaTeX; null when the value is none of these (the caller then uses the
 * engine's simplified form).
 */
export function identifyReal(v: Big): string | null {
  // Beyond 10^30 the 50 digits no longer reach far enough past the point to tell fractions apart.
  if (!v.abs().lte('1e30')) return null;
  const rational = toRational(v);
  if (rational !== null) return rationalLatex(rational);
  const square = toRational(v.times(v), 10n ** 12n);
  if (square !== null && square.p > 0n) {
    const { s, m } = splitSquare(square.p * square.q);
    if (m > 1n) return scaledLatex(reduce(v.isNegative() ? -s : s, square.q), `\\sqrt{${m}}`);
  }
  const overPi = toRational(v.div(pi()), 10n ** 6n);
  if (overPi !== null) return scaledLatex(overPi, '\\pi');
  const timesPi = toRational(v.times(pi()), 10n ** 6n);
  if (timesPi !== null && timesPi.p !== 0n) {
    const sign = timesPi.p < 0n ? '-' : '';
    const under = timesPi.q === 1n ? '\\pi' : `${timesPi.q}\\pi`;
    return `${sign}\\frac{${abs(timesPi.p)}}{${under}}`;
  }
  const overPiSquared = toRational(v.div(pi().times(pi())), 10n ** 6n);
  if (overPiSquared !== null) return scaledLatex(overPiSquared, '\\pi^2');
  return null;
}

/** The vote key of a complex constant from its float parts: `6-5i`, `i`, `\frac{1}{2}+\frac{3}{2}i`. */
export function complexLatex(re: number, im: number): string {
  const part = (x: number): string => {
    // Float parts: denominators up to 10^4 only, or an irrational part would pass for a fraction.
    const r = toRational(big(x), 10n ** 4n, 12);
    return r === null ? `${Number(x.toPrecision(12))}` : rationalLatex(r);
  };
  const imaginary = part(Math.abs(im));
  const imText = `${imaginary === '1' ? '' : imaginary}i`;
  if (Math.abs(re) < 1e-12 * Math.max(1, Math.abs(im))) return `${im < 0 ? '-' : ''}${imText}`;
  return `${part(re)}${im < 0 ? '-' : '+'}${imText}`;
}
