/**
 * Evaluates traced features (model input value -> estimator input value) on raw values, and
 * encodes whole FeatureSets into the estimator's input matrix.
 */
import { EinblickError } from '../../errors.ts';
import type { FeatureColumn, FeatureSet } from '../types.ts';
import type { Feature, FeatureStep } from './types.ts';

export type RawValue = number | bigint | string | boolean;

/**
 * 'runtime': every step rounds as the graph's tensors do (float32 after each float op), so that
 * tree comparisons see onnxruntime's exact numbers. 'float64': arithmetic steps in float64 (the
 * definition the linear reference values use); casts still round.
 */
export type FeatureMode = 'runtime' | 'float64';

function applyStep(v: number, s: FeatureStep, mode: FeatureMode): number {
  switch (s.op) {
    case 'round': return s.precision === 'float' ? Math.fround(v) : v;
    case 'impute': return (Number.isNaN(s.replace) ? Number.isNaN(v) : v === s.replace) ? s.value : v;
    case 'map': return v;
    default: {
      const [p, q] = s.reversed ? [s.c, v] : [v, s.c];
      const r = s.op === 'add' ? p + q : s.op === 'sub' ? p - q : s.op === 'mul' ? p * q : p / q;
      return mode === 'runtime' && s.precision === 'float' ? Math.fround(r) : r;
    }
  }
}

function startValue(f: Feature, raw: RawValue): number {
  const first = f.steps[0];
  if (first && first.op === 'map') {
    const v = first.table.get(String(raw));
    return v === undefined ? first.fallback : v;
  }
  if (f.kind === 'onehot') {
    if (typeof raw === 'string') return raw === f.category ? 1 : 0;
    return Math.trunc(Number(raw)) === f.category ? 1 : 0;
  }
  if (typeof raw === 'string') {
    throw new EinblickError('TEXT_FOR_NUMBER', `text value "${raw}" for the numeric model input ${f.input}`, `Give the column for ${f.input} numbers only.`, { column: f.input });
  }
  return Number(raw);
}

/**
 * The estimator's input value computed from one raw model input value.
 *
 * @example evalFeature({ input: 'Purpose', column: 0, kind: 'onehot', category: 'car', steps: [], label: '' }, 'car') // 1
 */
export function evalFeature(f: Feature, raw: RawValue, mode: FeatureMode = 'runtime'): number {
  let v = startValue(f, raw);
  for (const s of f.steps) v = applyStep(v, s, mode);
  return v;
}

/** Raw value of row `r` of a feature column. */
export function rawAt(col: FeatureColumn, r: number): RawValue {
  if (col.type === 'bool') return col.data[r] !== 0;
  return col.data[r];
}

/** For each traced feature, the FeatureSet column it reads (see bindFeatures). */
export type Binding = Int32Array;

/**
 * Finds the FeatureSet column of every traced feature. 'columns' layout: the column named like
 * the model input; 'matrix' layout: column j of the FeatureSet is element j of the matrix row.
 *
 * @example bindFeatures(features, fs, 'matrix') // Int32Array [0, 1, 2, ...]
 */
export function bindFeatures(features: Feature[], fs: Pick<FeatureSet, 'names' | 'columns'>, layout: 'matrix' | 'columns'): Binding {
  const inputs = new Set(features.map((f) => f.input));
  if (layout === 'matrix' && inputs.size > 1) {
    throw new EinblickError('UNSUPPORTED_SIGNATURE', `the model has ${inputs.size} inputs (${[...inputs].join(', ')}), not one matrix`, 'Map the data columns to the model inputs one by one (per-column layout).');
  }
  return Int32Array.from(features, (f) => {
    if (layout === 'columns' && f.column !== 0) {
      throw new EinblickError('UNSUPPORTED_SIGNATURE', `model input ${f.input} takes several values per row`, 'Einblick feeds one data column per model input; export the model with one input per column, or as one matrix input.', { input: f.input });
    }
    const j = layout === 'matrix' ? f.column : fs.names.indexOf(f.input);
    if (!(j >= 0 && j < fs.columns.length)) {
      throw new EinblickError('MISSING_COLUMN', `missing column for model input ${f.input}${layout === 'matrix' ? `[${f.column}]` : ''}`, `Map a data column to the model input "${f.input}".`, { column: f.input });
    }
    return j;
  });
}

/**
 * Rows of the estimator's input matrix (row-major, rows x features) from a FeatureSet.
 *
 * @example encodeRows(features, binding, fs).length // fs.rows * features.length
 */
export function encodeRows(features: Feature[], binding: Binding, fs: FeatureSet, mode: FeatureMode = 'runtime'): Float64Array {
  const nf = features.length;
  const out = new Float64Array(fs.rows * nf);
  for (let j = 0; j < nf; j++) {
    const col = fs.columns[binding[j]];
    const f = features[j];
    for (let r = 0; r < fs.rows; r++) out[r * nf + j] = evalFeature(f, rawAt(col, r), mode);
  }
  return out;
}
