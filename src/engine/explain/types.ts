/**
 * The explainer contract: a game (players, explained rows, background rows), a space, options;
 * one result type for every method (tree, linear, exact, permutation, kernel).
 *
 * Values are interventional SHAP values: v(S) = mean over background rows b of g(x_S, b_rest),
 * where g is the model's output in the chosen space; base_value = v(empty set) and
 * base_value + sum of values = g(x) for every row and every method.
 */
import type { ProgressFn } from '../errors.ts';
import type { Extracted } from '../model/trees/extract.ts';
import type { FeatureSet, InputLayout } from '../model/types.ts';
import type { TreeShapKernel } from './tree-shap-types.ts';
import type { ExplainNote } from './notes.ts';

/** Output space: log-odds or probability for classifiers; raw for regression values and anomaly scores. */
export type Space = 'logit' | 'probability' | 'raw';
export const SPACES: readonly Space[] = ['logit', 'probability', 'raw'];

export type Method = 'tree' | 'linear' | 'exact' | 'permutation' | 'kernel';
export type MethodOption = Method | 'auto';
export const METHODS: readonly MethodOption[] = ['auto', 'tree', 'linear', 'exact', 'permutation', 'kernel'];

/** A player: a name and the FeatureSet columns it owns (all switch together). */
export interface Player {
  name: string;
  features: number[];
}

/** Who plays, which rows are explained, against which background. */
export interface Game {
  players: Player[];
  /** The rows to explain (x). */
  explain: FeatureSet;
  /** The background rows (b). */
  background: FeatureSet;
  /** Data row indices of the explained and background rows, reported in the result. */
  rows: number[];
  backgroundRows: number[];
}

/** The model's output in the explanation's space for every row of a FeatureSet, batched. */
export type BatchModel = (features: FeatureSet, signal?: AbortSignal) => Promise<Float64Array>;

/** What an explainer may use: a black-box evaluator and, when the graph allows, its structure. */
export interface ExplainModel {
  /** g in the requested space (e.g. onnxruntime-web, wrapped by modelInSpace). */
  evaluate?: BatchModel;
  /** Tree ensemble or affine map read out of the graph, checked against the runtime. */
  structure?: { extracted: Extracted; layout: InputLayout };
}

export interface ExplainOptions {
  space: Space;
  method?: MethodOption;
  /** Sampling methods: model evaluations per explained row (the budget). */
  samples?: number;
  seed?: number;
  /** Rows per model call. */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** A compiled tree SHAP kernel (src/wasm/treeshap-kernel.ts); default: its TypeScript twin. */
  treeKernel?: TreeShapKernel;
}

/** The result of every method. `values` and `standardErrors` are rows x players, row-major. */
export interface Explanation {
  method: Method;
  space: Space;
  players: string[];
  baseValue: number;
  rows: number[];
  backgroundRows: number[];
  values: Float64Array;
  /** g(x) per explained row, in the space. */
  predictions: Float64Array;
  /** Sampling methods: standard error of every value; null for exact methods. */
  standardErrors: Float64Array | null;
  /** Sampling methods: the largest standard error; null for exact methods. */
  errorEstimate: number | null;
  /** Model evaluations used, and the budget per explained row for sampling methods. */
  budget: { evaluations: number; samplesPerRow: number | null };
  /** How the method was chosen, what it assumed, what it could not do (coded; the JSON lists their messages). */
  notes: ExplainNote[];
}
