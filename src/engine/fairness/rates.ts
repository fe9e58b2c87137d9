/**
 * Rates of one group from its confusion counts. Inner functions return NaN for a rate without
 * denominator; `toNull` turns that into null at the public boundary.
 *
 * With n = tp+fp+tn+fn, P = tp+fn (true positives), N = fp+tn, PP = tp+fp (predicted positive),
 * PN = tn+fn:
 *   base_rate = P/n, selection_rate = PP/n, tpr = tp/P, fpr = fp/N, fnr = fn/P, tnr = tn/N,
 *   ppv = tp/PP, npv = tn/PN, accuracy = (tp+tn)/n,
 *   favourable_base_rate = P/n (or N/n when the negative class is favourable),
 *   favourable_rate = PP/n (or PN/n).
 */
import { FN, FP, TN, TP } from './counts.ts';

export const RATE_KEYS = [
  'base_rate',
  'selection_rate',
  'favourable_base_rate',
  'favourable_rate',
  'tpr',
  'fpr',
  'fnr',
  'tnr',
  'ppv',
  'npv',
  'accuracy',
] as const;

export type RateKey = (typeof RATE_KEYS)[number];

/**
 * Numerator and denominator of each rate, from one group's counts at offset `at`.
 *
 * @example rateFractions(Float64Array.of(1, 1, 0, 2), 0, true).tpr // [2, 2]
 */
export function rateFractions(c: ArrayLike<number>, at: number, favourablePositive: boolean): Record<RateKey, [number, number]> {
  const tn = c[at + TN];
  const fp = c[at + FP];
  const fn = c[at + FN];
  const tp = c[at + TP];
  const n = tn + fp + fn + tp;
  const P = tp + fn;
  const N = tn + fp;
  const PP = tp + fp;
  const PN = tn + fn;
  return {
    base_rate: [P, n],
    selection_rate: [PP, n],
    favourable_base_rate: [favourablePositive ? P : N, n],
    favourable_rate: [favourablePositive ? PP : PN, n],
    tpr: [tp, P],
    fpr: [fp, N],
    fnr: [fn, P],
    tnr: [tn, N],
    ppv: [tp, PP],
    npv: [tn, PN],
    accuracy: [tp + tn, n],
  };
}

/**
 * x / d, or NaN when d is 0.
 *
 * @example ratio(1, 0) // NaN
 */
export function ratio(x: number, d: number): number {
  return d > 0 ? x / d : NaN;
}

/**
 * NaN (undefined) becomes null.
 *
 * @example toNull(NaN) // null
 */
export function toNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/**
 * Every rate of one group; null where the denominator is 0.
 *
 * @example groupRates(Float64Array.of(1, 1, 0, 2), 0, true).tpr // 1 (tp 2 of 2 positives)
 */
export function groupRates(c: ArrayLike<number>, at: number, favourablePositive: boolean): Record<RateKey, number | null> {
  const f = rateFractions(c, at, favourablePositive);
  const out = {} as Record<RateKey, number | null>;
  for (const k of RATE_KEYS) out[k] = toNull(ratio(f[k][0], f[k][1]));
  return out;
}
