import type { ProgressFn, Warning } from '../errors.ts';
import type { ScorePrecision } from '../precision.ts';

/** Element types of ONNX tensors that Einblick feeds or reads. */
export type TensorElementType =
  | 'float32'
  | 'float64'
  | 'int64'
  | 'int32'
  | 'string'
  | 'bool'
  | 'uint8'
  | 'int8'
  | 'float16';

/** Element type of an output: a tensor type, or 'map' / 'sequence' for non-tensor outputs the runtime cannot return. */
export type OutputElementType = TensorElementType | 'map' | 'sequence';

/** A model input. `shape` uses null for a dynamic dimension. */
export interface InputSpec {
  name: string;
  type: TensorElementType;
  shape: (number | null)[];
}

/** A model output as Einblick sees it after graph surgery (ZipMap outputs become tensors). */
export interface OutputSpec {
  name: string;
  /** Element type; 'map' / 'sequence' only for non-tensor outputs that could not be turned into tensors (never fetched). */
  type: OutputElementType;
  shape: (number | null)[];
  /** What this output is, as far as the graph tells. */
  role: 'probabilities' | 'label' | 'score' | 'value' | 'unknown';
  /** Class labels of the columns of a probability output (from ZipMap or the classifier node). */
  classLabels?: (string | number)[];
  /** True when this output was a ZipMap in the file and was turned into a tensor by Einblick. */
  fromZipMap?: boolean;
}

export type Task = 'classification' | 'regression' | 'anomaly';

/** The scale of a score: a classifier's probability, its log-odds log(p / (1 - p)), or the output as is. */
export type OutputSpace = 'probability' | 'logit' | 'raw';

/**
 * How the model wants its data:
 * 'matrix': one float input [N, F], filled by F data columns in order;
 * 'columns': one input per data column, matched by name ([N, 1] or [N]).
 */
export type InputLayout = 'matrix' | 'columns';

export interface ModelSignature {
  inputs: InputSpec[];
  outputs: OutputSpec[];
  layout: InputLayout;
  /** Matrix layout: the matrix width F, or null when the file leaves it open. */
  width: number | null;
  task: Task;
  /** The output whose values are the score (P(positive), value or anomaly score) and the column in it. */
  score: { output: string; index: number | null } | null;
  /** The output with the model's own labels, if any. */
  labelOutput: string | null;
  /** Operators in the graph (domain-qualified for non-default domains, e.g. 'ai.onnx.ml.TreeEnsembleRegressor'). */
  ops: string[];
  opsets: Record<string, number>;
  producer: string;
  irVersion: number;
  /** Notes about what Einblick changed or assumed (e.g. "ZipMap removed"). */
  /** What Einblick changed or assumed about the model (e.g. ZipMap removed), with codes for translation. */
  notes: Warning[];
  /**
   * Set when the score output cannot be chosen from the graph alone (then `score` is null):
   * a message naming the reason and the candidates as 'NAME' or 'NAME:INDEX' strings.
   */
  ambiguity?: { message: string; candidates: string[] };
}

/**
 * One model input's worth of data for N rows, already in the element type the model wants.
 * For a matrix input each feature is one column of the matrix; for per-column inputs each
 * feature is one input.
 */
export type FeatureColumn =
  | { type: 'float32'; data: Float32Array }
  | { type: 'float64'; data: Float64Array }
  | { type: 'int64'; data: BigInt64Array }
  | { type: 'int32'; data: Int32Array }
  | { type: 'bool'; data: Uint8Array }
  | { type: 'string'; data: string[] };

/** N rows of the model's features, in the model's feature order. */
export interface FeatureSet {
  names: string[];
  columns: FeatureColumn[];
  rows: number;
  /** Non-fatal problems met while encoding (missing values fed as NaN, ...). */
  warnings?: Warning[];
}

/** Which data column fills which model feature. */
export interface Mapping {
  layout: InputLayout;
  /** Feature names in model order: matrix -> the data columns chosen; columns -> the input names. */
  features: string[];
  /** Data column per feature (same order as features). */
  columns: string[];
  /** Element type each feature is fed as. */
  types: TensorElementType[];
  /** What the mapping assumed or converted (e.g. numbers fed to a string input), for the report. */
  notes?: Warning[];
}

export interface PredictOptions {
  /** 'NAME' or 'NAME:INDEX' to pick the score output and column explicitly. */
  output?: string;
  batchSize?: number;
  /** Force the task instead of the detected one. */
  task?: Task;
  /** The positive class by its label (e.g. 'Good'), instead of index 1. */
  positive?: string | number;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

/**
 * Scores read from a column of the data (no model): a score column with the end that means
 * positive, or a decision column with its positive value.
 */
export type ScoreSourceInfo =
  | { kind: 'scores'; column: string; higher_is: 'positive' | 'negative' }
  | { kind: 'decisions'; column: string; positive: string };

/** The predict results contract of DESIGN.md, as typed arrays (JSON conversion at the edge). */
export interface Predictions {
  task: Task;
  output: string;
  positiveIndex: number | null;
  /** Class label of the positive column, when the model names its classes. */
  positiveLabel: string | number | null;
  scores: Float64Array;
  /** How the model stored the scores (float32 for most ONNX outputs): thresholds are compared in it. */
  precision: ScorePrecision;
  /** Set when the scores come from a column of the data instead of a model (src/engine/analyses/score-source.ts). */
  source?: ScoreSourceInfo;
  /** The model's own label output per row, if it has one. */
  labels: (string | number)[] | null;
}
