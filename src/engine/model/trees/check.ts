/**
 * The check before an extracted structure is trusted: its score must equal the runtime's
 * output (onnxruntime-web) on the data, row by row.
 */
import type { FeatureSet, InputLayout } from '../types.ts';
import type { ExtractedLinear, ExtractedTrees } from './extract.ts';
import { bindFeatures, encodeRows } from './features.ts';
import { linearMargin, scalarTrees, scoreOf, treeMargin } from './margin.ts';

export interface StructureCheck {
  ok: boolean;
  /** Largest |mine - runtime| / max(1, |runtime|). */
  maxDiff: number;
  /** Row of the largest difference, or -1. */
  worstRow: number;
  rows: number;
  tolerance: number;
}

/**
 * Scores of the extracted structure (the model's score output, e.g. P(positive)).
 *
 * @example structureScores(ext, 'matrix', fs)[0] // 0.911
 */
export function structureScores(ext: ExtractedTrees | ExtractedLinear, layout: InputLayout, fs: FeatureSet): Float64Array {
  const nf = ext.inputs.length;
  const enc = encodeRows(ext.inputs, bindFeatures(ext.inputs, fs, layout), fs, ext.kind === 'trees' ? 'runtime' : 'float64');
  const st = ext.kind === 'trees' ? scalarTrees(ext.ensemble, ext.expr) : null;
  return Float64Array.from({ length: fs.rows }, (_, r) => scoreOf(ext.expr, st ? treeMargin(st, enc, r * nf) : linearMargin(ext.expr, enc, r * nf, nf)));
}

/**
 * Compares the structure's scores with the runtime's scores for the same rows. The default
 * tolerance allows for onnxruntime's float32 arithmetic (about 1e-7 per operation).
 *
 * @example checkStructure(ext, 'matrix', fs, runtimeScores).ok // true
 */
export function checkStructure(ext: ExtractedTrees | ExtractedLinear, layout: InputLayout, fs: FeatureSet, runtime: ArrayLike<number>, tolerance = 1e-5): StructureCheck {
  const mine = structureScores(ext, layout, fs);
  let maxDiff = 0, worstRow = -1;
  for (let r = 0; r < fs.rows; r++) {
    const a = mine[r], b = runtime[r];
    const d = a === b ? 0 : Math.abs(a - b) / Math.max(1, Math.abs(b));
    if (!(d <= maxDiff)) { maxDiff = Number.isNaN(d) ? Infinity : d; worstRow = r; }
  }
  return { ok: maxDiff <= tolerance, maxDiff, worstRow, rows: fs.rows, tolerance };
}
