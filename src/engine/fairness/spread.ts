/**
 * max - min and min / max of per-group values, leaving out undefined (null) values, as the
 * classification disparities do. The ratio is null when max <= 0 or any value is negative
 * (a ratio of signed quantities has no meaning). Fewer than two defined values compare nothing:
 * both are null (issue 9), not 0 and 1.
 *
 * @example spreadOf([2, null, 4]) // { difference: 2, ratio: 0.5 }
 * @example spreadOf([2, null]) // { difference: null, ratio: null }
 */
export function spreadOf(values: (number | null)[]): { difference: number | null; ratio: number | null } {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (v.length < 2) return { difference: null, ratio: null };
  const hi = Math.max(...v);
  const lo = Math.min(...v);
  return { difference: hi - lo, ratio: hi > 0 && lo >= 0 ? lo / hi : null };
}
