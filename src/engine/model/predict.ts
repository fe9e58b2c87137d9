/**
 * Batched prediction: the score per row (P(positive class), the predicted value or the anomaly
 * score) and the model's own labels; and `evaluate`, the plain score function the explainers
 * call, in probability, log-odds or raw space.
 */
import { EinblickError, type ProgressFn } from '../errors.ts';
import { runBatches, takeColumn, takeLabels } from './batches.ts';
import type { LoadedModel } from './load.ts';
import { resolveScore } from './resolve.ts';
import type { FeatureSet, OutputSpace, PredictOptions, Predictions } from './types.ts';
import { precisionOf, type ScorePrecision } from '../precision.ts';

/**
 * Predicts every row of `features`; throws AMBIGUOUS_OUTPUT when the score output must be
 * chosen, CANCELLED when `signal` aborts, INFERENCE_FAILED when the runtime refuses the data.
 *
 * @example (await predict(model, features, { batchSize: 1000 })).scores[0] // 0.0822297632694244
 */
export async function predict(model: LoadedModel, features: FeatureSet, opts: PredictOptions = {}): Promise<Predictions> {
  const r = resolveScore(model.signature, { output: opts.output, task: opts.task, positive: opts.positive });
  const labelOutput = r.labelOutput !== null && r.labelOutput !== r.output ? r.labelOutput : null;
  const fetch = labelOutput ? [r.output, labelOutput] : [r.output];
  const scores = new Float64Array(features.rows);
  const labels: (string | number)[] | null = labelOutput ? new Array(features.rows) : null;
  let precision: ScorePrecision = 'float64';
  const probability = r.task === 'classification';
  await runBatches(model, features, fetch, { ...opts, stage: 'predict' }, (start, rows, outputs) => {
    const out = outputs.get(r.output)!;
    precision = precisionOf(out.type);
    const bad = takeColumn(out, r.index, scores, start, rows, probability);
    if (bad >= 0) throw notProbability(r.output, r.index, scores[bad], bad);
    if (labels && labelOutput) takeLabels(outputs.get(labelOutput)!, labels, start, rows);
  });
  return { task: r.task, output: r.output, positiveIndex: r.positiveIndex, positiveLabel: r.positiveLabel, scores, precision, labels };
}

export interface EvaluateOptions {
  /** 'NAME' or 'NAME:INDEX'; default: the detected score output. */
  output?: string;
  /** Column of the output; overrides the index in `output` and the detected one. */
  index?: number | null;
  /** Default: 'probability' for classifiers, 'raw' otherwise. */
  space?: OutputSpace;
  batchSize?: number;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

/**
 * The model's score per row in the requested space. 'logit' is log(p / (1 - p)) computed in
 * float64 from the float32 probability the runtime returns: p carries about 7 significant
 * digits, so the log-odds are good to about 1e-7 / (p (1 - p)) (1e-4 at p = 0.999) and are
 * +-Infinity where p rounds to 0 or 1. Exact explainers should take log-odds from the trees
 * or weights themselves.
 *
 * @example await evaluate(model, features, { space: 'logit' }) // Float64Array [-2.41, ...]
 */
export async function evaluate(model: LoadedModel, features: FeatureSet, opts: EvaluateOptions = {}): Promise<Float64Array> {
  const r = resolveScore(model.signature, { output: opts.output });
  const index = opts.index !== undefined ? opts.index : r.index;
  const space = opts.space ?? (r.task === 'classification' ? 'probability' : 'raw');
  if (space !== 'raw' && r.task !== 'classification') {
    throw new EinblickError('INVALID_OPTION', `invalid space: ${space} for a ${r.task} model; expected raw`, 'Use --space raw for regression values and anomaly scores.', { space, task: r.task });
  }
  if (!['probability', 'logit', 'raw'].includes(space)) {
    throw new EinblickError('INVALID_OPTION', `invalid space: ${String(space)}; expected one of probability, logit, raw`, 'Pass --space probability, logit or raw.', { space: String(space) });
  }
  const values = new Float64Array(features.rows);
  const probability = r.task === 'classification' && space !== 'raw';
  await runBatches(model, features, [r.output], { ...opts, stage: 'evaluate' }, (start, rows, outputs) => {
    const bad = takeColumn(outputs.get(r.output)!, index, values, start, rows, probability);
    if (bad >= 0) throw notProbability(r.output, index, values[bad], null);
  });
  if (space === 'logit') toLogit(values);
  return values;
}

/**
 * A classifier's score output with a value outside 0 to 1: a decision score, not a
 * probability; `row` is the data row (null for a case built while explaining).
 *
 * @example notProbability('probabilities', 1, -1.39, 0).message
 * // "output probabilities (column 1) holds values outside 0 to 1 (row 0: -1.39), so it is a score, not a probability; Einblick cannot apply a probability threshold to it"
 */
export function notProbability(output: string, index: number | null, value: number, row: number | null): EinblickError {
  const shown = Number(value.toPrecision(6));
  const column = index !== null ? ` (column ${index})` : '';
  const where = row !== null ? `row ${row}: ${shown}` : `${shown} for a case evaluated for the explanation`;
  return new EinblickError(
    'NOT_PROBABILITY',
    `output ${output}${column} holds values outside 0 to 1 (${where}), so it is a score, not a probability; Einblick cannot ${row !== null ? 'apply a probability threshold to it' : 'explain it as a probability'}`,
    'Ask whoever exported the model for an export whose output gives probabilities (for example skl2onnx with the classifier\'s predict_proba, or a final Sigmoid or Softmax). If the values are meant as scores, analyse them as scores (einblick fairness --task regression or --task anomaly; in the app, choose the task).',
    { output, index: index ?? undefined, row: row ?? undefined, value: shown },
  );
}

/**
 * In place: p -> log(p / (1 - p)).
 *
 * @example toLogit(Float64Array.of(0.5, 0.75)) // Float64Array [0, 1.0986...]
 */
export function toLogit(p: Float64Array): Float64Array {
  for (let i = 0; i < p.length; i++) p[i] = Math.log(p[i] / (1 - p[i]));
  return p;
}

export { loadModel, disposeModel, type LoadedModel } from './load.ts';
export { predictionsToJson, type PredictionsJson } from './results.ts';
