/**
 * Public disparity results of one attribute: the kernel's point values and bootstrap
 * intervals, the groups left out for undefined rates, and disparate impact (four-fifths rule)
 * against the most favoured group and against the reference group.
 *
 * Most favoured group: the group with the highest favourable rate; on a tie, the first in
 * group order, and the others with exactly the same rate are listed in tied_most_favoured.
 * The same rule picks the most selected group for `positive_prediction` (selection rate).
 * passes = ratio >= 0.8 (null when the ratio is undefined).
 *
 * With fewer than two groups to compare (notCompared), every difference, ratio and interval is
 * null and the four-fifths status is 'not_compared': one group passing against itself with a
 * ratio of 1 would claim a comparison that never happened (issue 9).
 */
import type { DisparityBootstrap } from './bootstrap.ts';
import { COMPARED_RATES, DISPARITY_KEYS, disparityLength, disparityVector } from './disparity-kernel.ts';
import type { DisparityKey } from './disparity-kernel.ts';
import type { ClassificationGroup } from './group-metrics.ts';
import type { NotCompared } from './partitions.ts';
import { toNull } from './rates.ts';
import type { Interval } from './types.ts';

export type ComparedRate = (typeof COMPARED_RATES)[number];

/** Disparate impact of one outcome rate against the group with the highest rate. */
export interface Impact {
  rate: 'favourable_rate' | 'selection_rate';
  most_favoured: string | null;
  tied_most_favoured: string[];
  /** Smallest ratio of a group's rate to the highest rate (min / max). */
  ratio: number | null;
  ratio_to_most_favoured: Record<string, number | null>;
  difference_to_most_favoured: Record<string, number | null>;
}

/**
 * The outcome of a four-fifths comparison: 'pass' / 'fail' (ratio >= 0.8 or not), 'undefined'
 * (no ratio: the highest or reference rate is 0) or 'not_compared' (fewer than two groups).
 */
export type FourFifthsStatus = 'pass' | 'fail' | 'undefined' | 'not_compared';

/** Why a four-fifths status is 'undefined' or 'not_compared' (null otherwise). */
export type FourFifthsReason = 'no_favourable' | 'reference_never_favoured' | NotCompared['reason'] | null;

export interface FourFifths extends Impact {
  ratio_ci: Interval;
  passes: boolean | null;
  status: FourFifthsStatus;
  reason: FourFifthsReason;
}

/** Favourable rates compared with the reference group (default: the most favoured). */
export interface ReferenceComparison {
  group: string;
  source: 'most_favoured' | 'user';
  /** Smallest ratio of another group's favourable rate to the reference group's. */
  ratio: number | null;
  ratio_ci: Interval;
  passes_four_fifths: boolean | null;
  ratio_to_reference: Record<string, number | null>;
  ratio_to_reference_ci: Record<string, Interval>;
  /** Reference rate minus the group's rate (positive: the group is less favoured). */
  difference_to_reference: Record<string, number | null>;
  difference_to_reference_ci: Record<string, Interval>;
  /** The four-fifths rule against the reference group (as FourFifths.status). */
  status: FourFifthsStatus;
  reason: FourFifthsReason;
}

export interface ClassificationDisparities {
  values: Record<DisparityKey, number | null>;
  ci: Record<DisparityKey, Interval>;
  /** Per compared rate, the groups left out because that rate is undefined for them. */
  groups_with_undefined_rates: Partial<Record<ComparedRate, string[]>>;
  four_fifths: FourFifths;
  positive_prediction: Impact;
  reference: ReferenceComparison;
  /** Per disparity key, the bootstrap replicates in which it was undefined (only keys with any). */
  undefined_replicates: Partial<Record<DisparityKey, number>>;
  /** Groups of rows without a value ('(missing)'), shown with their metrics but not compared. */
  groups_left_out: string[];
}

/**
 * Index of the most favoured group by a rate (first maximum), or -1 when no rate is defined.
 *
 * @example mostFavoured([0.5, 0.8, 0.8]) // 1
 */
export function mostFavoured(rates: (number | null)[]): number {
  let best = -1;
  for (let g = 0; g < rates.length; g++) {
    const r = rates[g];
    if (r !== null && (best < 0 || r > (rates[best] as number))) best = g;
  }
  return best;
}

function impact(groups: ClassificationGroup[], rate: 'favourable_rate' | 'selection_rate'): Impact {
  const rates = groups.map((g) => g.rates[rate]);
  const best = mostFavoured(rates);
  const top = best < 0 ? null : (rates[best] as number);
  const ratioTo: Record<string, number | null> = {};
  const diffTo: Record<string, number | null> = {};
  let min: number | null = null;
  groups.forEach((g, i) => {
    const r = rates[i];
    ratioTo[g.value] = r === null || top === null || top === 0 ? null : r / top;
    diffTo[g.value] = r === null || top === null ? null : top - r;
    const q = ratioTo[g.value];
    if (q !== null && (min === null || q < min)) min = q;
  });
  return {
    rate,
    most_favoured: best < 0 ? null : groups[best].value,
    tied_most_favoured: groups.filter((g, i) => i !== best && top !== null && rates[i] === top).map((g) => g.value),
    ratio: min,
    ratio_to_most_favoured: ratioTo,
    difference_to_most_favoured: diffTo,
  };
}

function undefinedGroups(groups: ClassificationGroup[]): Partial<Record<ComparedRate, string[]>> {
  const out: Partial<Record<ComparedRate, string[]>> = {};
  for (const rate of COMPARED_RATES) {
    const names = groups.filter((g) => g.rates[rate] === null).map((g) => g.value);
    if (names.length > 0) out[rate] = names;
  }
  return out;
}

/**
 * Disparities of one attribute from its groups, counts and (optional) bootstrap.
 *
 * @example buildDisparities(groups, counts, true, 1, 'most_favoured', null).values.demographic_parity_difference
 *   // 0.10804114071996263 (german credit logreg, sex, threshold 0.5)
 */
export function buildDisparities(
  groups: ClassificationGroup[],
  counts: Float64Array,
  favourablePositive: boolean,
  ref: number,
  source: 'most_favoured' | 'user',
  boot: DisparityBootstrap | null,
  nc: NotCompared | null = null,
): ClassificationDisparities {
  if (nc) return notComparedDisparities(groups, ref, source, nc);
  const G = groups.length;
  const vec = new Float64Array(disparityLength(G));
  disparityVector(counts, G, favourablePositive, ref, vec, new Float64Array(7 * G));
  const S = DISPARITY_KEYS.length;
  const values = {} as Record<DisparityKey, number | null>;
  const ci = {} as Record<DisparityKey, Interval>;
  const undef: Partial<Record<DisparityKey, number>> = {};
  DISPARITY_KEYS.forEach((k, s) => {
    values[k] = toNull(vec[s]);
    ci[k] = boot ? boot.intervals[s] : null;
    if (boot && boot.undefinedReplicates[s] > 0) undef[k] = boot.undefinedReplicates[s];
  });
  const perGroup = (offset: number): Record<string, number | null> => Object.fromEntries(groups.map((g, i) => [g.value, toNull(vec[offset + i])]));
  const perGroupCi = (offset: number): Record<string, Interval> => Object.fromEntries(groups.map((g, i) => [g.value, boot ? boot.intervals[offset + i] : null]));
  const fav = impact(groups, 'favourable_rate');
  const passes = (r: number | null): boolean | null => (r === null ? null : r >= 0.8);
  const status = (r: number | null): FourFifthsStatus => (r === null ? 'undefined' : r >= 0.8 ? 'pass' : 'fail');
  const ffRatio = values.four_fifths_ratio;
  const refRatio = values.reference_ratio;
  return {
    values,
    ci,
    groups_with_undefined_rates: undefinedGroups(groups),
    four_fifths: { ...fav, ratio: ffRatio, ratio_ci: ci.four_fifths_ratio, passes: passes(ffRatio), status: status(ffRatio), reason: ffRatio === null ? 'no_favourable' : null },
    positive_prediction: impact(groups, 'selection_rate'),
    reference: {
      group: groups[ref].value,
      source,
      ratio: values.reference_ratio,
      ratio_ci: ci.reference_ratio,
      passes_four_fifths: passes(values.reference_ratio),
      ratio_to_reference: perGroup(S),
      ratio_to_reference_ci: perGroupCi(S),
      difference_to_reference: perGroup(S + G),
      difference_to_reference_ci: perGroupCi(S + G),
      status: status(refRatio),
      reason: refRatio === null ? 'reference_never_favoured' : null,
    },
    undefined_replicates: undef,
    groups_left_out: [],
  };
}

/** The disparities of an attribute with fewer than two groups: every comparison null. */
function notComparedDisparities(groups: ClassificationGroup[], ref: number, source: 'most_favoured' | 'user', nc: NotCompared): ClassificationDisparities {
  const nulls = <T>(x: T): Record<string, T> => Object.fromEntries(groups.map((g) => [g.value, x]));
  const none = (rate: Impact['rate']): Impact => ({ rate, most_favoured: null, tied_most_favoured: [], ratio: null, ratio_to_most_favoured: nulls(null), difference_to_most_favoured: nulls(null) });
  const values = Object.fromEntries(DISPARITY_KEYS.map((k) => [k, null])) as Record<DisparityKey, number | null>;
  const ci = Object.fromEntries(DISPARITY_KEYS.map((k) => [k, null])) as Record<DisparityKey, Interval>;
  return {
    values,
    ci,
    groups_with_undefined_rates: undefinedGroups(groups),
    four_fifths: { ...none('favourable_rate'), ratio_ci: null, passes: null, status: 'not_compared', reason: nc.reason },
    positive_prediction: none('selection_rate'),
    reference: {
      group: groups[ref].value,
      source,
      ratio: null,
      ratio_ci: null,
      passes_four_fifths: null,
      ratio_to_reference: nulls(null),
      ratio_to_reference_ci: nulls(null),
      difference_to_reference: nulls(null),
      difference_to_reference_ci: nulls(null),
      status: 'not_compared',
      reason: nc.reason,
    },
    undefined_replicates: {},
    groups_left_out: [],
  };
}
