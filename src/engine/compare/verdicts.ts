/**
 * Plain-language verdicts of a comparison: a stable code and params (the UI translates them),
 * English text, caveats. They state what changes (how many decisions, in which direction, in
 * which groups) and which differences are larger than chance explains (paired interval without
 * 0); they never call either version fair or unfair.
 *
 * Codes: compare_same_decisions, compare_selects_more, compare_selects_fewer,
 * compare_selects_as_many; per attribute compare_group_selects_more / _fewer (the group with the
 * largest net change) or compare_group_most_changed (when the net change is 0);
 * compare_difference (each of the largest differences whose interval excludes 0),
 * compare_no_significant_difference, compare_no_intervals; caveat compare_many_comparisons.
 * Params named *_rate are shares; `unit` says how to read a, b and difference ('rate': shares,
 * difference in percentage points; 'points': differences of shares, all in points; 'ratio').
 */
import type { Verdict } from '../fairness/types.ts';
import type { DecisionChanges, Difference, GroupChanges } from './types.ts';

function v(code: string, params: Verdict['params'], text: string, caveats: Verdict[] = []): Verdict {
  return { code, params, text, caveats };
}

const plural = (k: number, one: string, many: string): string => `${k} ${k === 1 ? one : many}`;

/**
 * Metrics that say something of their own: left out are base rates (the same data for both
 * sides), complements (fnr = 1 - tpr, tnr = 1 - fpr) and duplicates (equal_opportunity_* is the
 * TPR spread; favourable_rate is the selection rate or its complement).
 */
export const HEADLINE_METRICS = new Set([
  'selection_rate', 'tpr', 'fpr', 'ppv', 'npv', 'accuracy',
  'demographic_parity_difference', 'demographic_parity_ratio',
  'true_positive_rate_difference', 'true_positive_rate_ratio',
  'false_positive_rate_difference', 'false_positive_rate_ratio',
  'accuracy_difference', 'accuracy_ratio',
  'equalized_odds_difference', 'equalized_odds_ratio',
  'four_fifths_ratio', 'reference_ratio',
  'share_flagged', 'share_flagged_difference', 'share_flagged_ratio',
]);

/** How many of the largest significant differences are named. */
export const LARGEST = 5;

/**
 * Does the difference's interval exclude 0?
 *
 * @example significant({ ...row, ci: [0.01, 0.05] }) // true
 */
export function significant(d: Difference): boolean {
  return d.ci !== null && (d.ci[0] > 0 || d.ci[1] < 0);
}

function overallVerdict(c: DecisionChanges): Verdict {
  if (c.changed === 0) return v('compare_same_decisions', { n: c.n }, `A and B make the same decision for all ${c.n} cases.`);
  const net = c.to_positive - c.to_negative;
  const params = { n: c.n, changed: c.changed, to_positive: c.to_positive, to_negative: c.to_negative, net: Math.abs(net) };
  const detail = `${plural(c.changed, 'decision changes', 'decisions change')} (of ${c.n}): ${c.to_positive} from negative to positive, ${c.to_negative} from positive to negative.`;
  if (net > 0) return v('compare_selects_more', params, `B selects (predicts positive for) ${net} more cases than A; ${detail}`);
  if (net < 0) return v('compare_selects_fewer', params, `B selects (predicts positive for) ${-net} fewer cases than A; ${detail}`);
  return v('compare_selects_as_many', params, `B selects as many cases as A, but not the same ones: ${detail}`);
}

/** The group of an attribute where the net change (or, with none overall, the number of changes) is largest. */
function groupVerdict(attribute: string, groups: GroupChanges[], overallNet: number): Verdict | null {
  if (groups.every((g) => g.changed === 0)) return null;
  if (overallNet !== 0) {
    const sign = Math.sign(overallNet);
    const best = groups.reduce((a, b) => (sign * (b.to_positive - b.to_negative) > sign * (a.to_positive - a.to_negative) ? b : a));
    const net = best.to_positive - best.to_negative;
    if (sign * net > 0) {
      const params = { attribute, group: best.value, net: Math.abs(net), overall_net: Math.abs(overallNet), changed: best.changed, to_positive: best.to_positive, to_negative: best.to_negative };
      const word = net > 0 ? 'more' : 'fewer';
      return v(
        net > 0 ? 'compare_group_selects_more' : 'compare_group_selects_fewer',
        params,
        `By ${attribute}, the largest part of the change is in ${best.value}: B selects ${Math.abs(net)} ${word} cases there (${Math.abs(overallNet)} ${word} in all).`,
      );
    }
  }
  const best = groups.reduce((a, b) => (b.changed > a.changed ? b : a));
  const total = groups.reduce((s, g) => s + g.changed, 0);
  return v(
    'compare_group_most_changed',
    { attribute, group: best.value, changed: best.changed, total_changed: total, to_positive: best.to_positive, to_negative: best.to_negative },
    `By ${attribute}, most changed decisions are in ${best.value}: ${best.changed} of ${total} (${best.to_positive} to positive, ${best.to_negative} to negative).`,
  );
}

const shown = (d: Difference, x: number | null): string => {
  if (x === null) return '–';
  return d.unit === 'ratio' ? x.toFixed(3) : `${(100 * x).toFixed(1)}${d.unit === 'rate' ? '%' : ' points'}`;
};
const signed = (d: Difference, x: number): string => `${x >= 0 ? '+' : ''}${d.unit === 'ratio' ? x.toFixed(3) : (100 * x).toFixed(1)}`;
const unitOf = (d: Difference): string => (d.unit === 'ratio' ? '' : ' percentage points');

function differenceVerdict(d: Difference, caveat: Verdict): Verdict {
  const [lo, hi] = d.ci as [number, number];
  const where = d.attribute === null ? 'all cases' : d.group === null ? d.attribute : `${d.attribute} = ${d.group}`;
  return v(
    'compare_difference',
    { attribute: d.attribute, group: d.group, metric: d.metric, unit: d.unit, a: d.a, b: d.b, difference: d.difference, ci_low: lo, ci_high: hi },
    `${d.metric} for ${where}: A ${shown(d, d.a)}, B ${shown(d, d.b)}, a change of ${signed(d, d.difference as number)}${unitOf(d)} (interval ${signed(d, lo)} to ${signed(d, hi)}).`,
    [{ ...caveat }],
  );
}

/**
 * The verdicts of a comparison: what changes overall, where per attribute, and the largest
 * differences beyond chance.
 *
 * @example compareVerdicts(changes, differences, 0.95, true)[0].code // 'compare_selects_more'
 */
export function compareVerdicts(c: DecisionChanges, differences: Difference[], level: number, bootstrap: boolean): Verdict[] {
  const out = [overallVerdict(c)];
  const net = c.to_positive - c.to_negative;
  for (const a of c.attributes) {
    const g = groupVerdict(a.name, a.groups, net);
    if (g) out.push(g);
  }
  if (!bootstrap) {
    out.push(v('compare_no_intervals', {}, 'No intervals were computed (bootstrap off), so no difference is marked as larger than chance explains.'));
    return out;
  }
  const tested = differences.filter((d) => HEADLINE_METRICS.has(d.metric) && d.ci !== null);
  const expected = Math.round(tested.length * (1 - level));
  const caveat = v(
    'compare_many_comparisons',
    { tested: tested.length, expected, level },
    `${tested.length} differences were tested; at this confidence level about ${expected} of them would exclude 0 by chance alone, so a single difference near its limit is weak evidence.`,
  );
  const sig = tested.filter(significant).sort((x, y) => Math.abs(y.difference as number) - Math.abs(x.difference as number));
  if (sig.length === 0) {
    out.push(v('compare_no_significant_difference', { tested: tested.length }, `None of the ${tested.length} differences between A and B is larger than chance explains (every interval contains 0).`));
    return out;
  }
  for (const d of sig.slice(0, LARGEST)) out.push(differenceVerdict(d, caveat));
  return out;
}
