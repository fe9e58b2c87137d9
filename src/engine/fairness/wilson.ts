/**
 * Wilson score interval for a binomial proportion (Wilson 1927), closed form.
 *
 * For x successes in n trials and z the two-sided critical value:
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²).
 * Unlike the Wald interval it stays inside [0, 1] and keeps close to its nominal coverage for
 * small n and rates near 0 or 1. The ends are exactly 0 when x = 0 and exactly 1 when x = n.
 */
import type { Interval } from './types.ts';

/**
 * Wilson interval; null when n is 0 (the rate is undefined).
 *
 * @example wilson(81, 263, 1.959963984540054) // [0.2553..., 0.3662...]
 */
export function wilson(x: number, n: number, z: number): Interval {
  if (!(n > 0)) return null;
  const p = x / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const lo = x <= 0 ? 0 : Math.max(0, centre - half);
  const hi = x >= n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
