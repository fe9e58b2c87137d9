/**
 * The predict results contract of DESIGN.md as plain JSON data:
 * {task, output, positive_index?, positive_label?, scores, labels?}.
 */
import type { Predictions, ScoreSourceInfo, Task } from './types.ts';

export interface PredictionsJson {
  task: Task;
  output: string;
  /** Classification only: the column of the positive class in the output. */
  positive_index?: number;
  /** Classification only, when the model names its classes. */
  positive_label?: string | number;
  /** One number per row; null where the model returned NaN or an infinite value. */
  scores: (number | null)[];
  /** How the model stored the scores: a threshold is compared in this precision (float32: 0.7 is 0.699999988). */
  precision: 'float32' | 'float64';
  /** The model's own label output per row, if it has one. */
  labels?: (string | number)[];
  /** Set when the scores come from a column of the data (no model). */
  source?: ScoreSourceInfo;
}

/**
 * Converts predictions to the results JSON object (ready for JSON.stringify).
 *
 * @example predictionsToJson({ task: 'regression', output: 'variable', positiveIndex: null, positiveLabel: null, scores: Float64Array.of(1.5), precision: 'float64', labels: null })
 * // { task: 'regression', output: 'variable', scores: [1.5], precision: 'float64' }
 */
export function predictionsToJson(p: Predictions): PredictionsJson {
  const json: PredictionsJson = { task: p.task, output: p.output, scores: Array.from(p.scores, (v) => (Number.isFinite(v) ? v : null)), precision: p.precision };
  if (p.task === 'classification' && p.positiveIndex !== null) json.positive_index = p.positiveIndex;
  if (p.task === 'classification' && p.positiveLabel !== null) json.positive_label = p.positiveLabel;
  if (p.labels) json.labels = [...p.labels];
  if (p.source) json.source = p.source;
  return json;
}
