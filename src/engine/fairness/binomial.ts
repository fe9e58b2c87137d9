/**
 * Seeded binomial and multinomial random variates for the bootstrap.
 *
 * Binomial(n, p), using the symmetry B(n, p) = n - B(n, 1 - p) so that p <= 1/2:
 * - n·p < 10: inversion by sequential search from 0 (exact; expected n·p + 1 steps; a search
 *   that runs past n·p + 10·sqrt(n·p·q + 1) restarts, as numpy does, so that round-off in a
 *   long tail cannot return a value > n).
 * - n·p >= 10: BTRS, the transformed rejection method of Hörmann (1993), "The generation of
 *   binomial random variates", J. Stat. Comput. Simul. 46; exact (a rejection method), O(1)
 *   expected time for any n, about 1.2 pairs of uniforms per variate.
 * Uniforms come from rng() with 32-bit resolution, shifted into the open interval (0, 1).
 *
 * Multinomial(n, c / sum(c)) by sequential binomials: x_k ~ B(n - x_0 - ... - x_{k-1},
 * c_k / (c_k + ... + c_last)); cells with c_k = 0 get 0 without a draw.
 */
import type { Rng } from '../random.ts';

const TWO32 = 4294967296;

/** Uniform in the open interval (0, 1). */
function open01(r: Rng): number {
  return (r.u32() + 0.5) / TWO32;
}

/** log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2π)/2]: Stirling's error term. */
const STIRLING_TAIL = (() => {
  const t = new Float64Array(10);
  let logFact = 0;
  for (let k = 0; k < 10; k++) {
    if (k > 0) logFact += Math.log(k);
    t[k] = logFact - ((k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI));
  }
  return t;
})();

function stirlingTail(k: number): number {
  if (k < 10) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

function inversion(r: Rng, n: number, p: number): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log1p(-p));
  const np = n * p;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  const ratio = p / q;
  for (;;) {
    let x = 0;
    let px = qn;
    let u = open01(r);
    while (u > px) {
      x++;
      if (x > bound) break;
      u -= px;
      px *= ((n - x + 1) * ratio) / x;
    }
    if (x <= bound) return x;
  }
}

function btrs(r: Rng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const ratio = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  const hm = (m + 0.5) * Math.log((m + 1) / (ratio * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = open01(r) - 0.5;
    let v = open01(r);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || k > n) continue;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const bound =
      hm +
      (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((ratio * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
}

/**
 * One Binomial(n, p) variate (n a non-negative integer, 0 <= p <= 1).
 *
 * @example binomial(rng(1), 100, 0.3) // an integer near 30, the same for the same seed
 */
export function binomial(r: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(r, n, 1 - p);
  return n * p < 10 ? inversion(r, n, p) : btrs(r, n, p);
}

/**
 * One Multinomial(n, counts / sum(counts)) draw, written into `out` (same length as counts).
 * Counts are the observed cell counts; their shares are the cell probabilities.
 *
 * @example multinomial(rng(1), 10, [5, 0, 5], out) // out = e.g. [4, 0, 6]
 */
export function multinomial(r: Rng, n: number, counts: ArrayLike<number>, out: Float64Array | Int32Array): void {
  let total = 0;
  for (let k = 0; k < counts.length; k++) total += counts[k];
  let left = n;
  for (let k = 0; k < counts.length; k++) {
    const c = counts[k];
    if (left === 0 || c <= 0) {
      out[k] = 0;
    } else if (c >= total) {
      out[k] = left;
      left = 0;
    } else {
      const x = binomial(r, left, c / total);
      out[k] = x;
      left -= x;
    }
    total -= c;
  }
}
