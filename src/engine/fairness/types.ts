/**
 * Types of the fairness engine: what goes in (plain arrays, independent of how data and model
 * were loaded) and what comes out (per-group metrics, disparities, intervals, verdicts).
 *
 * Conventions used throughout:
 * - A rate whose denominator is 0 is `null`, never NaN. Inner kernels use NaN for "undefined"
 *   and the public results turn it into null.
 * - An interval is `[lo, hi]` or `null` when it cannot be computed.
 * - A group's `value` is its level ("female"); an intersection joins the values of its
 *   attributes with '+' ("female+under_25") and its attribute name joins the names with '+'
 *   ("sex+age_group"). `parts` keeps the values unjoined, in case a level contains '+'.
 */
import type { Warning } from '../errors.ts';
import type { ScorePrecision } from '../precision.ts';

/** A categorical group column: one code per row into `levels`, -1 = missing. */
export interface CategoricalColumn {
  name: string;
  codes: Int32Array;
  levels: string[];
}

/** A numeric group column, binned by `FairnessOptions.binning[name]` (default: 4 quantile bins). NaN = missing. */
export interface NumericColumn {
  name: string;
  values: Float64Array;
}

export type GroupColumn = CategoricalColumn | NumericColumn;

/** Inputs for a binary classifier: scores are P(positive class), yTrue is 1 for the positive class. */
export interface ClassificationInput {
  task: 'classification';
  scores: Float64Array;
  /** How the model stored the scores; thresholds are compared in it (src/engine/precision.ts). Default float64. */
  precision?: ScorePrecision;
  /**
   * Which end of the score means positive: 'higher' (default: y_pred = score >= threshold, AUC
   * and rankings with high scores first) or 'lower' (a risk rank where 1 is the most likely
   * positive: y_pred = score <= threshold, low scores first).
   */
  direction?: 'higher' | 'lower';
  yTrue: Uint8Array;
  groups: GroupColumn[];
}

/** Inputs for a regression model: scores are the predicted values, yTrue the observed targets. */
export interface RegressionInput {
  task: 'regression';
  scores: Float64Array;
  yTrue: Float64Array;
  groups: GroupColumn[];
}

/**
 * Inputs for an anomaly detector: scores are its score output; labels its own label output
 * (-1 = flagged, as scikit-learn's IsolationForest). Without labels, `options.anomaly` says
 * which scores are flagged. yTrue (1 = truly anomalous) is optional and only used for ranking.
 */
export interface AnomalyInput {
  task: 'anomaly';
  scores: Float64Array;
  /** How the model stored the scores; a score rule's threshold is compared in it. Default float64. */
  precision?: ScorePrecision;
  labels?: ArrayLike<number>;
  yTrue?: Uint8Array;
  groups: GroupColumn[];
}

export type FairnessInput = ClassificationInput | RegressionInput | AnomalyInput;

/** How a numeric attribute is cut into groups. */
export type Binning = { edges: number[] } | { quantiles: number };

/** A top-k cut of a ranking: a count of rows or a fraction of all rows (k = round(fraction * n)). */
export type TopK = { k: number } | { fraction: number };

/** Options as a person (or an audit file) gives them; every field is optional. */
export interface FairnessOptionsInput {
  /** y_pred = score >= threshold. Default 0.5. */
  threshold?: number;
  /** 'probability' (default): the threshold lies in [0, 1]; 'score': any finite number, in the score's own units (a score column audited without its model). */
  scale?: 'probability' | 'score';
  /** Which predicted class is the favourable outcome. Default 'positive'. */
  favourable?: 'positive' | 'negative';
  /** Reference group per attribute name (value as in results, e.g. { sex: 'male' }). Default: the most favoured. */
  reference?: Record<string, string>;
  /** Intersections of 2 or 3 attributes, e.g. [['sex', 'age_group']]. */
  intersections?: string[][];
  /** Small-group warnings: n below `n`, or fewer than `positives` / `negatives`. false = none. */
  minGroup?: { n?: number; positives?: number; negatives?: number } | false;
  /** Bootstrap for disparities and AUC. false = no bootstrap intervals. */
  bootstrap?: { samples?: number; seed?: number } | false;
  /** Confidence level of every interval. Default 0.95. */
  level?: number;
  /** AUC intervals: 'bootstrap' (rows within group), 'delong', or 'auto' (bootstrap unless too costly). */
  aucInterval?: 'auto' | 'bootstrap' | 'delong';
  /** Top-k cuts for a ranking view. */
  topK?: TopK[];
  /** Binning per numeric attribute name. */
  binning?: Record<string, Binning>;
  /** Anomaly models without labels: flagged = score >= threshold ('higher') or score < threshold ('lower'). */
  anomaly?: { direction: 'higher' | 'lower'; threshold: number };
}

/** Options after validation, with every default filled in. */
export interface FairnessOptions {
  threshold: number;
  favourable: 'positive' | 'negative';
  reference: Record<string, string>;
  intersections: string[][];
  minGroup: { n: number; positives: number; negatives: number } | false;
  bootstrap: { samples: number; seed: number } | false;
  level: number;
  aucInterval: 'auto' | 'bootstrap' | 'delong';
  topK: TopK[];
  binning: Record<string, Binning>;
  anomaly: { direction: 'higher' | 'lower'; threshold: number } | null;
}

export type Interval = [number, number] | null;

/** A plain-language statement about a result: a stable code the UI translates, its values, and English text. */
export interface Verdict {
  code: string;
  params: Record<string, string | number | boolean | null>;
  text: string;
  /** What the number does not prove, in the same form. */
  caveats: Verdict[];
  /** A list the text names item by item (e.g. each group's ratio to the reference group), as params. */
  items?: Verdict['params'][];
}

export type { Warning };
