/**
 * Types of the comparison of two models (or versions, or score columns) on the same rows.
 *
 * Conventions, as in the fairness engine (src/engine/fairness/types.ts): an undefined value is
 * null, never NaN; an interval is [lo, hi] or null. "A" is the baseline (the old version), "B"
 * the one judged against it; every difference is B - A.
 */
import type { Warning } from '../errors.ts';
import type { AnomalyResult } from '../fairness/anomaly.ts';
import type { ClassificationResult } from '../fairness/classification.ts';
import type { FairnessOptionsInput, GroupColumn, Interval, Verdict } from '../fairness/types.ts';
import type { ScorePrecision } from '../precision.ts';

/**
 * One side of a comparison: a score per row, and the rule that turns it into a decision.
 * Both sides score the same rows: row i of A and row i of B are the same case.
 */
export interface ScoredSide {
  scores: Float64Array;
  /** How the scores were stored; the threshold is compared in it (src/engine/precision.ts). Default float64. */
  precision?: ScorePrecision;
  /** In the score's units. Positive: score >= threshold (higherIsPositive) or score <= threshold (not). */
  threshold: number;
  /** Default true. */
  higherIsPositive?: boolean;
}

/** What both sides share: the true outcome (null: an anomaly detector without labels) and the group columns. */
export interface CompareInput {
  /** 1 = positive class. null: no labels; then the sides are judged as anomaly flags (share flagged). */
  yTrue: Uint8Array | null;
  groups: GroupColumn[];
}

/**
 * Options: the fairness options of both sides (each side's threshold is its own, in ScoredSide),
 * and how many changed rows to list.
 */
export type CompareOptions = Omit<FairnessOptionsInput, 'threshold' | 'anomaly'> & {
  /** Changed rows listed in `changes.rows` (the count is always complete). Default 1000. */
  maxChangedRows?: number;
};

/** Decisions that differ between A and B within one group (or all rows). */
export interface GroupChanges {
  value: string;
  n: number;
  changed: number;
  /** A negative, B positive. */
  to_positive: number;
  /** A positive, B negative. */
  to_negative: number;
}

export interface AttributeChanges {
  /** "sex" or "sex+age_group". */
  name: string;
  groups: GroupChanges[];
}

/** A row whose decision changes, and to what. */
export interface ChangedRow {
  row: number;
  to: 'positive' | 'negative';
}

export interface DecisionChanges {
  n: number;
  changed: number;
  to_positive: number;
  to_negative: number;
  attributes: AttributeChanges[];
  /** The first maxChangedRows changed rows, in row order. */
  rows: ChangedRow[];
  /** True when more rows changed than are listed. */
  rows_truncated: boolean;
}

/**
 * One metric of A and of B and its difference B - A, with the paired bootstrap interval.
 * attribute null: all rows; group null: a disparity of the attribute (between its groups).
 */
export interface Difference {
  attribute: string | null;
  group: string | null;
  /** A RATE_KEYS or DISPARITY_KEYS name (labels given), or share_flagged / share_flagged_difference / share_flagged_ratio (no labels). */
  metric: string;
  /** 'rate' (a share), 'points' (a difference of shares) or 'ratio'. */
  unit: 'rate' | 'points' | 'ratio';
  a: number | null;
  b: number | null;
  /** b - a; null when either is null. */
  difference: number | null;
  /** Paired percentile bootstrap interval of b - a; null without bootstrap or without a difference. */
  ci: Interval;
  /** Replicates in which the difference was undefined (left out of the interval). */
  undefined_replicates: number;
}

/** How a side's decisions were made (ClassificationResult does not record the direction). */
export interface SideRule {
  threshold: number;
  precision: ScorePrecision;
  higher_is_positive: boolean;
}

export interface ComparisonResult {
  /** 'classification' with labels, 'anomaly' without. */
  task: 'classification' | 'anomaly';
  n: number;
  rules: { a: SideRule; b: SideRule };
  /** The fairness result of each side, exactly as classificationFairness (anomalyFairness without labels) gives it. */
  a: ClassificationResult | AnomalyResult;
  b: ClassificationResult | AnomalyResult;
  changes: DecisionChanges;
  differences: Difference[];
  verdicts: Verdict[];
  intervals: {
    method: 'paired_bootstrap' | 'none';
    /** Rows are resampled within the groups of each attribute (group sizes fixed), as the fairness engine does. */
    stratified: 'by_group';
    level: number;
    samples: number | null;
    seed: number | null;
  };
  warnings: Warning[];
}
