/**
 * From a loaded table, the scores of two models or versions (or score columns) and a person's
 * choices to the comparison and its results JSON (issue 12's contract for `einblick compare`).
 * The one place that ties the outcome, the protected columns and both sides together, for the
 * CLI, the worker and the audit run alike.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import type { ColumnInfo } from '../data/types.ts';
import type { Predictions } from '../model/types.ts';
import { compareScores, comparisonToJson, type ComparisonResult, type ScoredSide } from '../compare/index.ts';
import type { Binning, FairnessOptionsInput } from '../fairness/types.ts';
import { binaryOutcome, favourableSide, outcomeNotes, parseLabel } from './outcome.ts';
import { parseIntersections, protectedGroups } from './protected.ts';
import { selectGroups } from './rows.ts';
import { DECISION_THRESHOLD } from './score-source.ts';

/** The person's comparison choices; keys mirror the CLI flags and the audit file. */
export interface CompareSpec {
  label?: string;
  favourable?: string;
  protected: string[];
  intersect?: string[];
  /** A's threshold (a probability for a model, the score's units for a score column). */
  threshold?: number;
  /** B's threshold; default A's (when both are in the same units). */
  thresholdB?: number;
  bins?: Record<string, Binning>;
  reference?: Record<string, string>;
  bootstrap?: number;
  seed?: number;
  minGroupSize?: number | false;
}

export interface CompareRun {
  result: ComparisonResult;
  json: Record<string, unknown>;
  warnings: Warning[];
}

/**
 * Compares A and B, scored on every row of the table.
 *
 * @example runCompare(table, columns, pa, pb, { label: 'Class=Good', protected: ['sex'] }).json.changes.changed // 37
 */
export function runCompare(table: Table, columns: ColumnInfo[], pa: Predictions, pb: Predictions, spec: CompareSpec, ctl: { signal?: AbortSignal } = {}): CompareRun {
  for (const p of [pa, pb]) {
    if (p.task === 'regression') throw new EinblickError('INVALID_OPTION', `comparing regression values is not supported yet (${p.output} is a regression output)`, 'Compare classifiers or score columns with a threshold; for regression models, run einblick fairness on each and compare their mean errors per group.', { detail: 'COMPARE_REGRESSION' });
  }
  if (!spec.label) throw new EinblickError('INVALID_OPTION', 'no outcome column given', 'Name the column with the true outcome and its positive value, e.g. --label Class=Good.');
  const warnings: Warning[] = [];
  const prot = protectedGroups(table, columns, spec.protected, spec.bins ?? {});
  warnings.push(...prot.warnings);
  const outcome = binaryOutcome(table, parseLabel(spec.label, columns.map((c) => c.name)), pa.positiveLabel === null ? null : String(pa.positiveLabel));
  const fav = favourableSide(outcome, spec.favourable);
  warnings.push(...outcomeNotes(outcome, spec.favourable), ...fav.warnings);
  const keep = bothScored(pa, pb, outcome.y, outcome.column, warnings);
  const yTrue = Uint8Array.from(keep, (i) => outcome.y[i]);
  const options: FairnessOptionsInput = {
    favourable: fav.side,
    intersections: parseIntersections(spec.intersect ?? [], spec.protected),
    binning: prot.binning,
    reference: spec.reference,
    bootstrap: spec.bootstrap === 0 ? false : { samples: spec.bootstrap, seed: spec.seed },
    minGroup: spec.minGroupSize === false ? false : spec.minGroupSize !== undefined ? { n: spec.minGroupSize } : undefined,
  };
  const a = side(pa, keep, spec.threshold);
  const b = side(pb, keep, spec.thresholdB ?? (sameUnits(pa, pb) ? spec.threshold : undefined));
  const result = compareScores(a, b, { yTrue, groups: selectGroups(prot.groups, keep) }, options, ctl);
  const meta = { label: { column: outcome.column, positive: outcome.positive }, favourable: fav.value };
  const all = [...warnings, ...result.a.warnings, ...result.b.warnings.filter((w) => !result.a.warnings.some((x) => x.message === w.message))];
  const json = { ...comparisonToJson(result, meta), score_a: scoreInfo(pa), score_b: scoreInfo(pb), warnings: all };
  return { result, json, warnings: all };
}

/** One side: its scores on the kept rows, its threshold in its own units, its positive end. */
function side(p: Predictions, keep: Int32Array, threshold: number | undefined): ScoredSide {
  const scores = Float64Array.from(keep, (i) => p.scores[i]);
  if (p.source?.kind === 'decisions') return { scores, precision: p.precision, threshold: DECISION_THRESHOLD };
  if (p.source?.kind === 'scores') {
    if (threshold === undefined) throw new EinblickError('INVALID_OPTION', `no threshold for the score column ${p.source.column}`, "Give the threshold in the score's own units (--threshold for A, --threshold-b for B).", { option: 'threshold' });
    return { scores, precision: p.precision, threshold, higherIsPositive: p.source.higher_is !== 'negative' };
  }
  const t = threshold ?? 0.5;
  if (!(t >= 0 && t <= 1)) throw new EinblickError('INVALID_OPTION', `invalid threshold of the model ${p.output}: ${t}; expected a probability from 0 to 1`, 'Give a model\'s threshold as a probability; a score column\'s threshold is in its own units (--threshold-b for B).', { option: 'threshold' });
  return { scores, precision: p.precision, threshold: t };
}

/** Whether a threshold of A may serve B: both models (probabilities), or both columns of scores. */
function sameUnits(pa: Predictions, pb: Predictions): boolean {
  return (pa.source?.kind ?? 'model') === (pb.source?.kind ?? 'model');
}

/** Rows where both sides have a score and the outcome is known; the others are counted in a warning. */
function bothScored(pa: Predictions, pb: Predictions, y: Int8Array, column: string, warnings: Warning[]): Int32Array {
  const keep: number[] = [];
  let noScore = 0, noOutcome = 0;
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(pa.scores[i]) || !Number.isFinite(pb.scores[i])) noScore++;
    else if (y[i] < 0) noOutcome++;
    else keep.push(i);
  }
  if (noScore > 0) warnings.push({ code: 'COMPARE_ROWS_WITHOUT_SCORE', message: `${noScore} rows have no score from A or from B; they are left out of the comparison`, params: { count: noScore } });
  if (noOutcome > 0) warnings.push({ code: 'ROWS_WITHOUT_OUTCOME', message: `${noOutcome} rows have no value in the outcome column ${column}; they are left out of the comparison`, params: { count: noOutcome, column } });
  if (keep.length === 0) throw new EinblickError('MISSING_VALUE', 'no row has a score from both A and B and an outcome', 'Check that both versions score the same data, and the outcome column.', { detail: 'COMPARE_NO_ROW' });
  return Int32Array.from(keep);
}

function scoreInfo(p: Predictions): Record<string, unknown> {
  return p.source ? { output: p.output, precision: p.precision, source: p.source } : { output: p.output, positive_index: p.positiveIndex, positive_label: p.positiveLabel, precision: p.precision };
}
