/**
 * Reads the structure that exact SHAP needs out of a model: for the score column, either a tree
 * ensemble or an affine map, the function that turns its margin into the score, and for every
 * value the estimator reads, the one model input it comes from. Or the reason why not.
 */
import type { ModelProto } from '../onnx-proto.ts';
import { explainNote, type ExplainNote } from '../../explain/notes.ts';
import { traceGraph } from './trace.ts';
import type { Feature, ScoreExpr, TreeEnsemble } from './types.ts';

interface ExtractedBase {
  /** The estimator's input columns, each a function of one model input value. */
  inputs: Feature[];
  /** score = alpha * link(margin) + beta, margin = c + sum_k a[k] basis_k. */
  expr: ScoreExpr;
  precision: 'float' | 'double';
  /** Model input names (graph inputs) the features read. */
  modelInputs: string[];
  notes: ExplainNote[];
}

export interface ExtractedTrees extends ExtractedBase {
  kind: 'trees';
  ensemble: TreeEnsemble;
}

export interface ExtractedLinear extends ExtractedBase {
  kind: 'linear';
}

export type Extracted = ExtractedTrees | ExtractedLinear | { kind: 'none'; reason: string };

export interface ScoreRef {
  /** The output tensor holding the score (the ZipMap's output or the tensor that fed it both work). */
  output: string;
  /** Column of that output; null when it has one column. */
  index: number | null;
}

/**
 * Extracts the exact structure behind one score column of a model.
 *
 * @example extractModel(model, { output: 'probabilities', index: 1 }).kind // 'trees'
 */
export function extractModel(model: ModelProto, score: ScoreRef, widths: Record<string, number> = {}): Extracted {
  const states = traceGraph(model, widths);
  const s = states.get(score.output);
  if (!s) return { kind: 'none', reason: `the model has no output ${score.output}` };
  if (s.kind === 'unknown') return { kind: 'none', reason: s.reason };
  if (s.kind !== 'exprs') return { kind: 'none', reason: `output ${score.output} does not come from a tree ensemble or an affine map` };
  const index = score.index ?? (s.cols.length === 1 ? 0 : -1);
  if (!(index >= 0 && index < s.cols.length)) return { kind: 'none', reason: `output ${score.output} has ${s.cols.length} columns; say which one is the score` };
  const e = s.cols[index];
  if ('reason' in e) return { kind: 'none', reason: e.reason };
  const modelInputs = [...new Set(s.basis.inputs.map((f) => f.input))];
  const base = { inputs: s.basis.inputs, expr: e, precision: s.basis.precision, modelInputs, notes: [] as ExplainNote[] };
  if (s.basis.type === 'trees') {
    const { nTrees, op, postTransform } = s.basis.ensemble;
    base.notes.push(explainNote('TREE_ENSEMBLE', `tree ensemble ${s.basis.node}: ${nTrees} trees, ${op}, post_transform ${postTransform}`, { node: s.basis.node, trees: nTrees, op, postTransform }));
    return { kind: 'trees', ensemble: s.basis.ensemble, ...base };
  }
  base.notes.push(explainNote('AFFINE_MAP', `affine map ${s.basis.node} over ${s.basis.inputs.length} values`, { node: s.basis.node, values: s.basis.inputs.length }));
  return { kind: 'linear', ...base };
}
