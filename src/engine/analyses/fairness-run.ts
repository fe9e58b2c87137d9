/**
 * From a loaded table, a model's predictions and a person's choices (the CLI flags / audit keys)
 * to the fairness engine's input and its results JSON. The one place that ties the outcome
 * column, the protected columns and the predictions together, for the CLI and the UI alike.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type Warning } from '../errors.ts';
import type { ColumnInfo } from '../data/types.ts';
import type { Predictions } from '../model/types.ts';
import { computeFairness, fairnessToJson, type FairnessResult } from '../fairness/index.ts';
import type { Binning, FairnessInput, FairnessOptionsInput, GroupColumn, TopK } from '../fairness/types.ts';
import { binaryOutcome, favourableSide, numericOutcome, parseLabel } from './outcome.ts';
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
}

export interface FairnessRun {
  result: FairnessResult;
  json: Record<string, unknown>;
  warnings: Warning[];
}

/**
 * Runs the fairness analysis on predictions already made for every row of the table.
 *
 * @example runFairness(table, columns, predictions, { label: 'Class=Good', protected: ['sex'] }).json.attributes[0].name // 'sex'
 */
export function runFairness(table: Table, columns: ColumnInfo[], p: Predictions, spec: FairnessSpec, ctl: { signal?: AbortSignal } = {}): FairnessRun {
  const warnings: Warning[] = [];
  const prot = protectedGroups(table, columns, spec.protected, spec.bins ?? {});
  warnings.push(...prot.warnings);
  const options: FairnessOptionsInput = {
    threshold: spec.threshold,
    intersections: parseIntersections(spec.intersect ?? [], spec.protected),
    topK: (spec.topK ?? []).map(parseTopK),
    binning: prot.binning,
    reference: spec.reference,
    bootstrap: spec.bootstrap === 0 ? false : { samples: spec.bootstrap, seed: spec.seed },
    minGroup: spec.minGroupSize === false ? false : spec.minGroupSize !== undefined ? { n: spec.minGroupSize } : undefined,
  };
  const built = buildInput(table, columns, p, spec, prot.groups, options, warnings);
  const result = computeFairness(built.input, options, { signal: ctl.signal });
  const json = fairnessToJson(result, built.meta) as Record<string, unknown>;
  const all = [...warnings, ...result.warnings];
  return { result, json: { ...json, score: { output: p.output, positive_index: p.positiveIndex, positive_label: p.positiveLabel }, warnings: all }, warnings: all };
}

type Meta = Parameters<typeof fairnessToJson>[1];

function buildInput(table: Table, columns: ColumnInfo[], p: Predictions, spec: FairnessSpec, groups: GroupColumn[], options: FairnessOptionsInput, warnings: Warning[]): { input: FairnessInput; meta: Meta } {
  if (p.task === 'classification') {
    if (!spec.label) throw new EinblickError('INVALID_OPTION', 'no outcome column given', 'Name the column with the true outcome and its positive value, e.g. --label Class=Good.');
    const outcome = binaryOutcome(table, parseLabel(spec.label), p.positiveLabel === null ? null : String(p.positiveLabel));
    checkPositiveAlignment(p, outcome.positive, warnings);
    const fav = favourableSide(outcome, spec.favourable);
    warnings.push(...fav.warnings);
    options.favourable = fav.side;
    const keep = keepRows(p.scores, (i) => outcome.y[i] >= 0, warnings, outcome.column);
    const yTrue = new Uint8Array(keep.length);
    for (let j = 0; j < keep.length; j++) yTrue[j] = outcome.y[keep[j]];
    return {
      input: { task: 'classification', scores: pick(p.scores, keep), yTrue, groups: selectGroups(groups, keep) },
      meta: { label: { column: outcome.column, positive: outcome.positive }, favourable: fav.value },
    };
  }
  if (p.task === 'regression') {
    if (!spec.label) throw new EinblickError('INVALID_OPTION', 'no outcome column given', 'Name the column with the true values, e.g. --label wage.');
    const { column } = parseLabel(spec.label);
    const y = numericOutcome(table, columns, column);
    const keep = keepRows(p.scores, (i) => !Number.isNaN(y[i]), warnings, column);
    return {
      input: { task: 'regression', scores: pick(p.scores, keep), yTrue: pick(y, keep), groups: selectGroups(groups, keep) },
      meta: { label: { column, positive: null }, favourable: null },
    };
  }
  const outcome = spec.label ? binaryOutcome(table, parseLabel(spec.label), null) : null;
  const keep = keepRows(p.scores, (i) => !outcome || outcome.y[i] >= 0, warnings, outcome?.column ?? null);
  const labels = p.labels ? keep.map((i) => Number(p.labels![i])) : undefined;
  const yTrue = outcome ? Uint8Array.from(keep, (i) => outcome.y[i]) : undefined;
  return {
    input: { task: 'anomaly', scores: pick(p.scores, keep), labels, yTrue, groups: selectGroups(groups, keep) },
    meta: { label: outcome ? { column: outcome.column, positive: outcome.positive } : null, favourable: null },
  };
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
