/**
 * Small-group warnings: a group with fewer than minGroup.n rows, or fewer than
 * minGroup.positives true positives or minGroup.negatives true negatives (defaults 30, 5, 5),
 * has rates too uncertain to compare without looking at the intervals.
 */
import type { Warning } from '../errors.ts';
import type { FairnessOptions } from './types.ts';

/**
 * One warning per small group of an attribute.
 *
 * @example smallGroupWarnings('sex', [{ value: 'x', n: 12, n_positive: 3, n_negative: 9 }], { n: 30, positives: 5, negatives: 5 })
 *   // [{ code: 'small_group', message: 'sex = x: 12 rows, 3 positive, 9 negative; ...', params: {...} }]
 */
export function smallGroupWarnings(
  attribute: string,
  groups: { value: string; n: number; n_positive: number; n_negative: number }[],
  m: FairnessOptions['minGroup'],
): Warning[] {
  if (m === false) return [];
  return groups
    .filter((g) => g.n < m.n || g.n_positive < m.positives || g.n_negative < m.negatives)
    .map((g) => ({
      code: 'small_group',
      message: `${attribute} = ${g.value}: ${g.n} rows, ${g.n_positive} positive, ${g.n_negative} negative; below the limits (${m.n} rows, ${m.positives} positive, ${m.negatives} negative), so its rates are uncertain`,
      params: { attribute, group: g.value, n: g.n, n_positive: g.n_positive, n_negative: g.n_negative },
    }));
}
