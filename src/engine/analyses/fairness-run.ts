/**
 * From a loaded table, a model's predictions and a person's choices (the CLI flags / audit keys)
 * to the fairness engine's input and its results JSON. The one place that ties the outcome
 * column, the protected columns and the predictions together, for the CLI and the UI alike.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import type { ColumnInfo } from '../data/types.ts';
import type { Predictions } from '../model/types.ts';
import { decisionThreshold, type ScorePrecision } from '../precision.ts';
import { fromRanked } from '../fairness/direction.ts';
import { DECISION_THRESHOLD } from './score-source.ts';
import { computeFairness, fairnessToJson, thresholdAnalysis, pointAt, type FairnessResult, type GroupCurve, type EqualisedThresholds } from '../fairness/index.ts';
import type { Binning, FairnessInput, FairnessOptionsInput, GroupColumn, TopK } from '../fairness/types.ts';
import { binaryOutcome, favourableSide, numericOutcome, outcomeNotes, parseLabel, type LabelSpec } from './outcome.ts';
import { parseIntersections, protectedGroups } from './protected.ts';
import { keepRows, selectGroups } from './rows.ts';

/** The person's fairness choices; keys mirror the CLI flags and the audit file. */
export interface FairnessSpec {
  label?: string;
  favourable?: string;
  protected: string[];
  intersect?: string[];
  threshold?: number;
  topK?: string[];
  bins?: Record<string, Binning>;
  reference?: Record<string, string>;
  bootstrap?: number;
  seed?: number;
  minGroupSize?: number | false;
  /** Classification only: add per-group threshold curves (on a grid of `points` thresholds) and equalising thresholds. */
  curves?: boolean | { points?: number };
}

export interface FairnessRun {
  result: FairnessResult;
  json: Record<string, unknown>;
  warnings: Warning[];
  /** With spec.curves, for a classifier: per attribute, curves and per-group equalising thresholds. */
  thresholds?: ThresholdSummary[];
}

/** One group's curves: rates at grid thresholds, and its ROC curve thinned to at most `points` of its own points. */
export interface CurveSummary {
  value: string;
  n: number;
  n_positive: number;
  n_negative: number;
  /** Grid thresholds 0, 1/(points-1), ..., 1; y_pred = score >= threshold. */
  thresholds: number[];
  selection_rate: number[];
  tpr: number[] | null;
  fpr: number[] | null;
  /** ROC points from (0, 0) (nobody selected) to (1, 1) (everybody selected); null without positives or negatives. */
  roc: { fpr: number[]; tpr: number[] } | null;
}

/** Per-group equalising thresholds with JSON-safe values: threshold null = nobody in the group is selected. */
export type EqualisedSummary = Omit<EqualisedThresholds, 'groups'> & { groups: { value: string; threshold: number | null; achieved: number | null; accuracy: number }[] };

export interface ThresholdSummary {
  name: string;
  curves: CurveSummary[];
  equal_selection_rate: EqualisedSummary;
  equal_tpr: EqualisedSummary;
}

/** Run control, and the data columns the model read (to name an empty one when the model gives no score). */
export interface FairnessRunControl {
  signal?: AbortSignal;
  features?: string[];
}

/**
 * Runs the fairness analysis on predictions already made for every row of the table.
 *
 * @example runFairness(table, columns, predictions, { label: 'Class=Good', protected: ['sex'] }).json.attributes[0].name // 'sex'
 */
export function runFairness(table: Table, columns: ColumnInfo[], p: Predictions, spec: FairnessSpec, ctl: FairnessRunControl = {}): FairnessRun {
  const warnings: Warning[] = [];
  const label = spec.label ? parseLabel(spec.label, columns.map((c) => c.name)) : null;
  const outcomeColumn = label?.column ?? null;
  if (outcomeColumn !== null && spec.protected.includes(outcomeColumn)) {
    warnings.push({ code: 'OUTCOME_AS_GROUP', message: `${outcomeColumn} is both the outcome and a protected attribute: its groups are the true outcomes themselves, so their rates say nothing about fairness.`, params: { column: outcomeColumn } });
  }
  const prot = protectedGroups(table, columns, spec.protected, spec.bins ?? {});
  warnings.push(...prot.warnings);
  const side = sourceSide(p, spec);
  const options: FairnessOptionsInput = {
    threshold: side.threshold,
    scale: side.scale,
    intersections: parseIntersections(spec.intersect ?? [], spec.protected),
    topK: (spec.topK ?? []).map(parseTopK),
    binning: prot.binning,
    reference: spec.reference,
    bootstrap: spec.bootstrap === 0 ? false : { samples: spec.bootstrap, seed: spec.seed },
    minGroup: spec.minGroupSize === false ? false : spec.minGroupSize !== undefined ? { n: spec.minGroupSize } : undefined,
  };
  const empty = (ctl.features ?? []).filter((name) => columns.find((c) => c.name === name)?.missing === table.numRows);
  const built = buildInput({ table, columns, p, spec, label, emptyFeatures: [...new Set(empty)] }, prot.groups, options, warnings);
  const result = computeFairness(built.input, options, { signal: ctl.signal });
  const json = fairnessToJson(result, built.meta) as Record<string, unknown>;
  const all = [...warnings, ...result.warnings];
  const score = p.source ? { output: p.output, precision: p.precision, source: p.source } : { output: p.output, positive_index: p.positiveIndex, positive_label: p.positiveLabel, precision: p.precision };
  const run: FairnessRun = { result, json: { ...json, ...(p.source?.kind === 'decisions' ? { threshold: null } : {}), score, warnings: all }, warnings: all };
  // a decision column has no threshold to move: no curves
  if (spec.curves && built.input.task === 'classification' && p.source?.kind !== 'decisions') {
    const points = typeof spec.curves === 'object' && spec.curves.points !== undefined ? spec.curves.points : 101;
    const grid = thresholdGrid(points, side.scale === 'score' ? built.input.scores : null);
    run.thresholds = thresholdAnalysis(built.input, options).map((a) => ({
      name: a.name,
      curves: a.curves.map((c) => summariseCurve(c, points, p.precision, { grid, direction: side.direction })),
      equal_selection_rate: equalisedJson(a.equal_selection_rate),
      equal_tpr: equalisedJson(a.equal_tpr),
    }));
    run.json.threshold_analysis = run.thresholds;
  }
  return run;
}

/**
 * A group curve on a grid of thresholds (exact rates at each grid point) plus its ROC curve
 * thinned to at most `points` of its own points (first and last always kept).
 *
 * @example summariseCurve(curve, 3).thresholds // [0, 0.5, 1]
 */
export function summariseCurve(c: GroupCurve, points: number, precision: ScorePrecision = 'float64', on: { grid?: number[]; direction?: 'higher' | 'lower' } = {}): CurveSummary {
  const grid = on.grid ?? thresholdGrid(points, null);
  // the curve is on the ranked scale (high = positive): a grid threshold t is the cut fromRanked(t)
  const at = grid.map((t) => pointAt(c, fromRanked(decisionThreshold(t, precision), on.direction)));
  const L = c.thresholds.length;
  const keep = L <= points ? Array.from({ length: L }, (_, i) => i) : [...new Set(Array.from({ length: points }, (_, j) => Math.round((j * (L - 1)) / (points - 1))))];
  return {
    value: c.value,
    n: c.n,
    n_positive: c.n_positive,
    n_negative: c.n_negative,
    thresholds: grid,
    selection_rate: at.map((i) => c.selection_rate[i]),
    tpr: c.tpr && at.map((i) => c.tpr![i]),
    fpr: c.fpr && at.map((i) => c.fpr![i]),
    roc: c.tpr && c.fpr ? { fpr: keep.map((i) => c.fpr![i]), tpr: keep.map((i) => c.tpr![i]) } : null,
  };
}

/**
 * Grid thresholds for the curves: 0, 1/(points-1), ..., 1 for probabilities; for scores in their
 * own units (no model), evenly from the lowest to the highest score.
 *
 * @example thresholdGrid(3, null) // [0, 0.5, 1]
 * @example thresholdGrid(3, Float64Array.of(1, 10, 4)) // [1, 5.5, 10]
 */
export function thresholdGrid(points: number, scores: Float64Array | null): number[] {
  if (!Number.isInteger(points) || points < 2) throw new EinblickError('INVALID_OPTION', `invalid curves.points: ${points}; expected a whole number of at least 2`, 'Use e.g. 101 points (threshold steps of 0.01).', { option: 'curves' });
  let lo = 0, hi = 1;
  if (scores && scores.length) {
    lo = Infinity; hi = -Infinity;
    for (const s of scores) { if (s < lo) lo = s; if (s > hi) hi = s; }
    if (lo === hi) hi = lo + 1;
  }
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1)));
}

/** How a score source is read: its threshold, the threshold's scale and which end is positive. */
function sourceSide(p: Predictions, spec: FairnessSpec): { threshold: number | undefined; scale: 'probability' | 'score'; direction: 'higher' | 'lower' } {
  if (p.source?.kind === 'decisions') return { threshold: DECISION_THRESHOLD, scale: 'probability', direction: 'higher' };
  if (p.source?.kind === 'scores') return { threshold: spec.threshold, scale: 'score', direction: p.source.higher_is === 'negative' ? 'lower' : 'higher' };
  return { threshold: spec.threshold, scale: 'probability', direction: 'higher' };
}

function equalisedJson(e: EqualisedThresholds): EqualisedSummary {
  return { ...e, groups: e.groups.map((g) => ({ ...g, threshold: Number.isFinite(g.threshold) ? g.threshold : null })) };
}

type Meta = Parameters<typeof fairnessToJson>[1];

/** What buildInput reads: the table, the predictions, the parsed label and the empty model input columns. */
interface Source {
  table: Table;
  columns: ColumnInfo[];
  p: Predictions;
  spec: FairnessSpec;
  label: LabelSpec | null;
  emptyFeatures: string[];
}

function buildInput(src: Source, groups: GroupColumn[], options: FairnessOptionsInput, warnings: Warning[]): { input: FairnessInput; meta: Meta } {
  const { table, columns, p, spec, label, emptyFeatures } = src;
  if (p.task === 'classification') {
    if (!label) throw new EinblickError('INVALID_OPTION', 'no outcome column given', 'Name the column with the true outcome and its positive value, e.g. --label Class=Good.');
    const outcome = binaryOutcome(table, label, p.positiveLabel === null ? null : String(p.positiveLabel));
    checkPositiveAlignment(p, outcome.positive, warnings);
    const fav = favourableSide(outcome, spec.favourable);
    warnings.push(...outcomeNotes(outcome, spec.favourable), ...fav.warnings);
    options.favourable = fav.side;
    const keep = keepRows(p.scores, (i) => outcome.y[i] >= 0, warnings, outcome.column, emptyFeatures, p.source?.column ?? null);
    const yTrue = new Uint8Array(keep.length);
    for (let j = 0; j < keep.length; j++) yTrue[j] = outcome.y[keep[j]];
    return {
      input: { task: 'classification', scores: pick(p.scores, keep), precision: p.precision, direction: p.source?.kind === 'scores' && p.source.higher_is === 'negative' ? 'lower' : 'higher', yTrue, groups: selectGroups(groups, keep) },
      meta: { label: { column: outcome.column, positive: outcome.positive }, favourable: fav.value },
    };
  }
  if (p.task === 'regression') {
    if (!label) throw new EinblickError('INVALID_OPTION', 'no outcome column given', 'Name the column with the true values, e.g. --label wage.');
    const { column } = label;
    const y = numericOutcome(table, columns, column);
    const keep = keepRows(p.scores, (i) => !Number.isNaN(y[i]), warnings, column, emptyFeatures, p.source?.column ?? null);
    return {
      input: { task: 'regression', scores: pick(p.scores, keep), yTrue: pick(y, keep), groups: selectGroups(groups, keep) },
      meta: { label: { column, positive: null }, favourable: null },
    };
  }
  const outcome = label ? binaryOutcome(table, label, null) : null;
  const keep = keepRows(p.scores, (i) => !outcome || outcome.y[i] >= 0, warnings, outcome?.column ?? null, emptyFeatures, p.source?.column ?? null);
  const labels = p.labels ? keep.map((i) => Number(p.labels![i])) : undefined;
  const yTrue = outcome ? Uint8Array.from(keep, (i) => outcome.y[i]) : undefined;
  const scores = pick(p.scores, keep);
  if (labels && !options.anomaly) options.anomaly = { direction: flaggedDirection(scores, labels), threshold: 0 };
  // a score column of an anomaly detector: flagged at or above the threshold, or below it when lower scores are the unusual ones
  if (p.source?.kind === 'scores' && !options.anomaly) options.anomaly = { direction: p.source.higher_is === 'negative' ? 'lower' : 'higher', threshold: spec.threshold ?? 0 };
  return {
    input: { task: 'anomaly', scores, precision: p.precision, labels, yTrue, groups: selectGroups(groups, keep) },
    meta: { label: outcome ? { column: outcome.column, positive: outcome.positive } : null, favourable: null },
  };
}

/**
 * Which end of the score the model's own flags (-1) sit at: isolation forests and one-class
 * models give unusual cases low scores, others high ones. Rankings put that end first.
 *
 * @example flaggedDirection(new Float64Array([-0.2, 0.1]), [-1, 1]) // 'lower'
 */
export function flaggedDirection(scores: Float64Array, labels: ArrayLike<number>): 'higher' | 'lower' {
  let sf = 0, nf = 0, so = 0, no = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] === -1) { sf += scores[i]; nf++; } else { so += scores[i]; no++; }
  }
  return nf > 0 && no > 0 && sf / nf > so / no ? 'higher' : 'lower';
}

/** When the model names its classes, its positive class must be the outcome's positive value. */
function checkPositiveAlignment(p: Predictions, positive: string, warnings: Warning[]): void {
  if (p.positiveLabel === null || String(p.positiveLabel) === positive) return;
  warnings.push({
    code: 'POSITIVE_CLASS_ASSUMED',
    message: `the model's score is P(class ${String(p.positiveLabel)}) (output ${p.output}, column ${p.positiveIndex}); it is compared with the outcome value ${positive}. If that class is not "${positive}", choose the output column with --output ${p.output}:INDEX.`,
    params: { modelClass: String(p.positiveLabel), positive, output: p.output },
  });
}

function pick(x: Float64Array, keep: Int32Array): Float64Array {
  const out = new Float64Array(keep.length);
  for (let j = 0; j < keep.length; j++) out[j] = x[keep[j]];
  return out;
}

/** '10%' -> a fraction of the rows; '50' -> the top 50. */
export function parseTopK(text: string): TopK {
  const t = text.trim();
  const pct = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(t);
  if (pct) {
    const fraction = Number(pct[1].replace(',', '.')) / 100;
    if (fraction > 0 && fraction <= 1) return { fraction };
  } else if (/^\d+$/.test(t) && Number(t) > 0) return { k: Number(t) };
  throw new EinblickError('INVALID_OPTION', `invalid top-k: ${text}; expected a count (50) or a percentage (10%)`, 'For example --top-k 10%,20%,50.', { topK: text });
}
