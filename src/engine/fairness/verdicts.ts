/**
 * Plain-language verdicts on an attribute's disparities: a stable code and its params (the UI
 * translates them), English text, and caveats that say what the number does not prove.
 * Verdicts state facts (which groups, which rates, the interval); they never call a model fair
 * or unfair, except for the four-fifths rule, which is a pass/fail rule of thumb by definition.
 */
import type { ClassificationDisparities } from './disparities.ts';
import type { ClassificationGroup } from './group-metrics.ts';
import type { NotCompared } from './partitions.ts';
import type { RateKey } from './rates.ts';
import type { Verdict } from './types.ts';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const pts = (x: number): string => `${(100 * x).toFixed(1)} percentage points`;

function v(code: string, params: Verdict['params'], text: string, caveats: Verdict[] = [], items?: Verdict['params'][]): Verdict {
  return items ? { code, params, text, caveats, items } : { code, params, text, caveats };
}

/**
 * The verdict for an attribute whose groups were not compared: there is only one group (or only
 * rows without a value), so no difference, ratio or four-fifths rule applies.
 *
 * @example notComparedVerdict('sex', { reason: 'one_group', group: 'female', left_out: [] }).text
 *   // 'Only one group (female) in sex: there is nothing to compare.'
 */
export function notComparedVerdict(attribute: string, nc: NotCompared): Verdict {
  const caveats = nc.left_out.length
    ? [v('missing_not_compared', { groups: nc.left_out.join(', ') }, `The rows without a value (${nc.left_out.join(', ')}) are shown in the table but not compared.`)]
    : [];
  return nc.reason === 'only_missing'
    ? v('not_compared_missing', { attribute, group: nc.group }, `No row has a value in ${attribute} (every row is in ${nc.group}): there is nothing to compare.`, caveats)
    : v('not_compared', { attribute, group: nc.group }, `Only one group (${nc.group}) in ${attribute}: there is nothing to compare.`, caveats);
}

/** Groups with the highest and lowest defined value of a rate. */
function extremes(groups: ClassificationGroup[], rate: RateKey): { hi: ClassificationGroup; lo: ClassificationGroup } | null {
  const defined = groups.filter((g) => g.rates[rate] !== null);
  if (defined.length < 2) return null;
  let hi = defined[0];
  let lo = defined[0];
  for (const g of defined) {
    if ((g.rates[rate] as number) > (hi.rates[rate] as number)) hi = g;
    if ((g.rates[rate] as number) < (lo.rates[rate] as number)) lo = g;
  }
  return { hi, lo };
}

/**
 * The true base rates of two groups differ by this much. The pair is named in the groups' own
 * order and the gap is always that of the positive outcome (for a favourable negative outcome it
 * is the same gap), so that the same caveat from two verdicts is the same value and is shown once.
 */
function baseRateCaveat(groups: ClassificationGroup[], x: ClassificationGroup, y: ClassificationGroup): Verdict {
  const [a, b] = groups.indexOf(x) <= groups.indexOf(y) ? [x, y] : [y, x];
  const gap = Math.abs((a.rates.base_rate ?? 0) - (b.rates.base_rate ?? 0));
  return v(
    'gap_not_proof',
    { base_rate_gap: gap, group_a: a.value, group_b: b.value },
    `A difference in rates is not by itself proof of discrimination; the true base rates of ${a.value} and ${b.value} differ by ${pts(gap)}.`,
  );
}

function gapVerdict(code: string, groups: ClassificationGroup[], rate: RateKey, what: string): Verdict | null {
  const e = extremes(groups, rate);
  if (!e) return v(`${code}_undefined`, { rate }, `The ${what} is defined for fewer than two groups, so it cannot be compared.`);
  const [hiRate, loRate] = [e.hi.rates[rate] as number, e.lo.rates[rate] as number];
  if (hiRate === loRate) {
    return v(`${code}_equal`, { rate_value: hiRate }, `The ${what} is the same for every group (${pct(hiRate)}).`);
  }
  return v(
    code,
    { highest: e.hi.value, highest_rate: hiRate, lowest: e.lo.value, lowest_rate: loRate, difference: hiRate - loRate },
    `The ${what} is highest for ${e.hi.value} (${pct(hiRate)}) and lowest for ${e.lo.value} (${pct(loRate)}): a difference of ${pts(hiRate - loRate)}.`,
    [baseRateCaveat(groups, e.hi, e.lo)],
  );
}

function fourFifthsVerdict(d: ClassificationDisparities, groups: ClassificationGroup[]): Verdict {
  const ff = d.four_fifths;
  if (ff.ratio === null || ff.most_favoured === null) {
    return v('four_fifths_undefined', {}, 'The four-fifths rule cannot be applied: no group receives the favourable outcome.');
  }
  const worst = groups.reduce((a, b) => ((ff.ratio_to_most_favoured[b.value] ?? 2) < (ff.ratio_to_most_favoured[a.value] ?? 2) ? b : a));
  const best = groups.find((g) => g.value === ff.most_favoured) as ClassificationGroup;
  const [lo, hi] = ff.ratio_ci ?? [null, null];
  const params = { group: worst.value, ratio: ff.ratio, most_favoured: best.value, ci_low: lo, ci_high: hi };
  const caveats: Verdict[] = [];
  if (lo !== null && hi !== null && lo < 0.8 && hi >= 0.8) {
    caveats.push(v('interval_contains_limit', { ci_low: lo, ci_high: hi },
      `The interval of the ratio (${lo.toFixed(2)} to ${hi.toFixed(2)}) contains 0.8: with groups of this size the data cannot settle whether the rule is met.`));
  }
  caveats.push(v('four_fifths_rule_of_thumb', {},
    'The four-fifths rule is a rule of thumb from US employment practice, not a legal test under German or EU law; it does not say why the rates differ.'));
  if (best !== worst) caveats.push(baseRateCaveat(groups, best, worst));
  const passes = ff.passes === true;
  return v(
    passes ? 'four_fifths_pass' : 'four_fifths_fail',
    params,
    passes
      ? `Every group receives the favourable outcome at least four fifths as often as ${best.value}; the lowest ratio is ${ff.ratio.toFixed(3)} (${worst.value}).`
      : `${worst.value} receives the favourable outcome only ${ff.ratio.toFixed(3)} times as often as ${best.value}, below the four-fifths (0.8) limit.`,
    caveats,
  );
}

const fix2 = (x: number | null): string => (x === null ? '–' : x.toFixed(2));

/**
 * The four-fifths rule against the person's chosen reference group: every other group's ratio
 * of favourable rates to the reference group's, with its interval (null unless chosen).
 */
function referenceVerdict(d: ClassificationDisparities): Verdict | null {
  const r = d.reference;
  if (r.source !== 'user' || r.status === 'not_compared') return null;
  if (r.status === 'undefined') {
    return v('four_fifths_reference_undefined', { reference: r.group }, `The four-fifths rule cannot be applied against the chosen reference group ${r.group}: it never receives the favourable outcome.`);
  }
  const others = Object.keys(r.ratio_to_reference).filter((g) => g !== r.group);
  const items = others.map((group) => {
    const ci = r.ratio_to_reference_ci[group];
    return { group, ratio: r.ratio_to_reference[group], ci_low: ci ? ci[0] : null, ci_high: ci ? ci[1] : null };
  });
  const list = items.map((i) => `${i.group} ${fix2(i.ratio)}${i.ci_low !== null ? ` (${fix2(i.ci_low)} to ${fix2(i.ci_high)})` : ''}`).join(', ');
  const worst = items.reduce((a, b) => ((b.ratio ?? 2) < (a.ratio ?? 2) ? b : a));
  const caveats: Verdict[] = [];
  if (worst.ci_low !== null && worst.ci_high !== null && worst.ci_low < 0.8 && worst.ci_high >= 0.8) {
    caveats.push(v('interval_contains_limit', { ci_low: worst.ci_low, ci_high: worst.ci_high },
      `The interval of the ratio (${fix2(worst.ci_low)} to ${fix2(worst.ci_high)}) contains 0.8: with groups of this size the data cannot settle whether the rule is met.`));
  }
  const params = { reference: r.group, group: worst.group, ratio: worst.ratio };
  return r.status === 'pass'
    ? v('four_fifths_reference_pass', params, `Against the chosen reference group ${r.group}, every group receives the favourable outcome at least four fifths as often: ${list}.`, caveats, items)
    : v('four_fifths_reference_fail', params, `Against the chosen reference group ${r.group}, ${worst.group} receives the favourable outcome only ${fix2(worst.ratio)} times as often, below the four-fifths (0.8) limit; all ratios: ${list}.`, caveats, items);
}

/**
 * Verdicts for one attribute: demographic parity, equal opportunity, equalized odds, four-fifths
 * (against the most favoured group, and against a chosen reference group); a single verdict
 * saying there is nothing to compare when the attribute has fewer than two groups.
 *
 * @example classificationVerdicts(groups, disparities, 'sex', null)[3].code // 'four_fifths_pass'
 */
export function classificationVerdicts(groups: ClassificationGroup[], d: ClassificationDisparities, attribute = '', nc: NotCompared | null = null): Verdict[] {
  if (nc) return [notComparedVerdict(attribute, nc)];
  const small = groups.filter((g) => g.small).map((g) => g.value);
  const smallCaveat = small.length
    ? [v('small_groups', { groups: small.join(', ') }, `Some groups are small (${small.join(', ')}): their rates are uncertain; see the intervals.`)]
    : [];
  const eo = d.values.equalized_odds_difference;
  const fprWorse = eo !== null && d.values.false_positive_rate_difference === eo && d.values.true_positive_rate_difference !== eo;
  const list = [
    gapVerdict('selection_rate_gap', groups, 'selection_rate', 'share predicted positive (selection rate)'),
    gapVerdict('tpr_gap', groups, 'tpr', 'share of truly positive cases predicted positive (true positive rate)'),
    fprWorse
      ? gapVerdict('equalized_odds_gap_fpr', groups, 'fpr', 'share of truly negative cases predicted positive (false positive rate)')
      : gapVerdict('equalized_odds_gap_tpr', groups, 'tpr', 'true positive rate, the larger of the two equalized-odds gaps,'),
    fourFifthsVerdict(d, groups),
    referenceVerdict(d),
  ].filter((x): x is Verdict => x !== null);
  for (const x of list) x.caveats.push(...smallCaveat.map((c) => ({ ...c })));
  return list;
}
