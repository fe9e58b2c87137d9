/**
 * An extracted tree ensemble or affine map as a model the explainers can use: encoding of
 * FeatureSets into the estimator's inputs, the margin, g in a space, and which player every
 * estimator input belongs to.
 */
import type { ExtractedLinear, ExtractedTrees } from '../model/trees/extract.ts';
import { bindFeatures, encodeRows } from '../model/trees/features.ts';
import { linearMargin, scalarTrees, treeMargin, type ScalarTrees } from '../model/trees/margin.ts';
import type { FeatureSet, InputLayout } from '../model/types.ts';
import { spaceLink, type SpaceLink } from './space.ts';
import type { BatchModel, Space } from './types.ts';

export interface Structured {
  kind: 'trees' | 'linear';
  ext: ExtractedTrees | ExtractedLinear;
  trees: ScalarTrees | null;
  nf: number;
  link: SpaceLink;
  /** Estimator inputs of every row (trees: onnxruntime's float32 rounding; linear: float64). */
  encode(fs: FeatureSet): Float64Array;
  /** Player of every estimator input, from the player of every FeatureSet column. */
  featurePlayer(fs: FeatureSet, owner: Int32Array): Int32Array;
  margin(encoded: Float64Array, row: number): number;
  /** g in the space, as a batched model. */
  model: BatchModel;
}

/**
 * Wraps an extracted structure for a space.
 *
 * @example structured(ext, 'matrix', 'logit').link.additive // true for a boosted model
 */
export function structured(ext: ExtractedTrees | ExtractedLinear, layout: InputLayout, space: Space): Structured {
  const nf = ext.inputs.length;
  const trees = ext.kind === 'trees' ? scalarTrees(ext.ensemble, ext.expr) : null;
  const mode = ext.kind === 'trees' ? 'runtime' : 'float64';
  const encode = (fs: FeatureSet): Float64Array => encodeRows(ext.inputs, bindFeatures(ext.inputs, fs, layout), fs, mode);
  const margin = (enc: Float64Array, r: number): number => (trees ? treeMargin(trees, enc, r * nf) : linearMargin(ext.expr, enc, r * nf, nf));
  const link = spaceLink(ext.expr, space);
  return {
    kind: ext.kind, ext, trees, nf, link, encode, margin,
    featurePlayer: (fs, owner) => Int32Array.from(bindFeatures(ext.inputs, fs, layout), (j) => owner[j]),
    model: async (fs) => {
      const enc = encode(fs);
      return Float64Array.from({ length: fs.rows }, (_, r) => link.g(margin(enc, r)));
    },
  };
}
