/**
 * Task detection: which output holds the score (P(positive), the predicted value or the anomaly
 * score), which column of it, and what kind of model this is. Never guesses silently: when the
 * graph leaves the choice open, the result says so and lists the candidates.
 */
import type { ModelSignature, OutputSpec, Task } from './types.ts';

/** What the outputs say about the task; `ambiguity` is set (and `score` null) when they do not decide it. */
export interface TaskChoice {
  task: Task;
  score: { output: string; index: number | null } | null;
  labelOutput: string | null;
  ambiguity?: { message: string; candidates: string[] };
}

const isFloat = (o: OutputSpec) => o.type === 'float32' || o.type === 'float64';
const isIntLike = (o: OutputSpec) => o.type === 'int64' || o.type === 'int32';

/**
 * The width of an output: its last dimension for [N, C] (also [N, 1, C] or [N, C, 1]), 1 for [N],
 * null when unknown or when the output holds more than one dimension of values per row.
 *
 * @example outputWidth({ shape: [null, 2], classLabels: undefined }) // 2
 */
export function outputWidth(o: Pick<OutputSpec, 'shape' | 'classLabels'>): number | null {
  if (o.shape.length === 1) return 1;
  if (o.shape.length === 2 && o.shape[1] !== null) return o.shape[1];
  if (o.shape.length > 2) {
    if (isMultiDimensional(o.shape)) return null;
    const wide = o.shape.slice(1).filter((d) => d !== 1);
    if (wide.length === 0) return 1;
    if (wide[0] !== null) return wide[0];
  }
  if (o.classLabels && o.classLabels.length > 0) return o.classLabels.length;
  return null;
}

/**
 * True when an output holds more than one dimension of values per row ([N, 2, 2], or an
 * unknown extra dimension next to another one): no column of it is one score per row.
 * Extra dimensions of size 1 do not count ([N, 1, 2] is [N, 2]).
 *
 * @example isMultiDimensional([null, 2, 2]) // true
 * @example isMultiDimensional([null, 1, 2]) // false
 */
export function isMultiDimensional(shape: readonly (number | null)[]): boolean {
  return shape.slice(1).filter((d) => d !== 1).length > 1;
}

/** The score column of an output of known width: [N] -> null, [N, 1] -> 0, [N, 2] -> 1. */
function defaultIndex(o: OutputSpec, width: number | null): number | null {
  if (o.shape.length === 1) return null;
  if (width === 1) return 0;
  return 1;
}

/**
 * Detects the task from the outputs (after ZipMap removal).
 *
 * @example detectTask([{ name: 'label', type: 'int64', shape: [null, 1], role: 'label' }, { name: 'scores', type: 'float32', shape: [null, 1], role: 'score' }])
 * // { task: 'anomaly', score: { output: 'scores', index: 0 }, labelOutput: 'label' }
 */
export function detectTask(all: OutputSpec[]): TaskChoice {
  const outputs = all.filter((o) => !isMultiDimensional(o.shape));
  const labels = outputs.filter((o) => o.role === 'label');
  const labelOutput = labels.length === 1 ? labels[0].name : null;
  const probs = outputs.filter((o) => isFloat(o) && o.role === 'probabilities');
  if (probs.length === 1) return classification(probs[0], labelOutput);
  if (probs.length > 1) {
    return ambiguous('classification', labelOutput, `the model has ${probs.length} probability outputs`, probs.map((o) => o.name));
  }
  const floats = outputs.filter(isFloat);
  const narrow = floats.filter((o) => outputWidth(o) === 1);
  const intLabel = labels.length === 1 && isIntLike(labels[0]);
  if (intLabel && narrow.length === 1 && floats.length === 1) {
    return { task: 'anomaly', score: { output: narrow[0].name, index: defaultIndex(narrow[0], 1) }, labelOutput };
  }
  if (labels.length === 0 && floats.length === 1 && narrow.length === 1) {
    return { task: 'regression', score: { output: narrow[0].name, index: defaultIndex(narrow[0], 1) }, labelOutput: null };
  }
  if (floats.length === 0) {
    const tables = all.filter((o) => isFloat(o) && isMultiDimensional(o.shape)).map((o) => `${o.name} [${describeShape(o.shape)}]`);
    const why = tables.length > 0 ? `its float output${tables.length > 1 ? 's' : ''} ${tables.join(', ')} hold${tables.length > 1 ? '' : 's'} more than one dimension of values per row` : 'the model has no float output to use as a score';
    return ambiguous('regression', labelOutput, why, []);
  }
  const why = floats.length === 1 ? `its only float output ${floats[0].name} has ${describeWidth(floats[0])}` : `the model has ${floats.length} float outputs`;
  return ambiguous('regression', labelOutput, why, floats.flatMap(candidatesOf), floats.flatMap(describeCandidates));
}

function classification(o: OutputSpec, labelOutput: string | null): TaskChoice {
  const width = outputWidth(o);
  if (width === 1 || width === 2) {
    return { task: 'classification', score: { output: o.name, index: defaultIndex(o, width) }, labelOutput };
  }
  const why = width === null ? `the width of the probability output ${o.name} is not known` : `the model has ${width} classes`;
  return ambiguous('classification', labelOutput, why, candidatesOf(o), describeCandidates(o));
}

/** Wider outputs are offered as NAME:INDEX instead of one candidate per column. */
export const MAX_LISTED = 100;

/**
 * The --output values that pick one score from this output: 'NAME' for one column,
 * 'NAME:i' for each column of a wider one.
 *
 * @example candidatesOf({ name: 'p', shape: [null, 3] }) // ['p:0', 'p:1', 'p:2']
 */
export function candidatesOf(o: Pick<OutputSpec, 'name' | 'shape' | 'classLabels'>): string[] {
  const width = outputWidth(o);
  if (width === null || width > MAX_LISTED) return [`${o.name}:INDEX`];
  if (width === 1) return [o.name];
  return Array.from({ length: width }, (_, i) => `${o.name}:${i}`);
}

/**
 * The candidates for a message, with class labels.
 *
 * @example describeCandidates({ name: 'p', shape: [null, 2], classLabels: ['Bad', 'Good'] }) // ['p:0 (class Bad)', 'p:1 (class Good)']
 */
export function describeCandidates(o: Pick<OutputSpec, 'name' | 'shape' | 'classLabels'>): string[] {
  return candidatesOf(o).map((c, i) => (o.classLabels && o.classLabels[i] !== undefined && c.includes(':') ? `${c} (class ${String(o.classLabels[i])})` : c));
}

/**
 * A shape for messages: the rows as N, unknown dimensions as ?.
 *
 * @example describeShape([null, 2, 2]) // 'N, 2, 2'
 */
export function describeShape(shape: readonly (number | null)[]): string {
  return shape.map((d, i) => (d === null ? (i === 0 ? 'N' : '?') : String(d))).join(', ');
}

function describeWidth(o: OutputSpec): string {
  const w = outputWidth(o);
  return w === null ? 'an unknown width' : `${w} columns`;
}

function ambiguous(task: Task, labelOutput: string | null, why: string, candidates: string[], described = candidates): TaskChoice {
  const list = candidates.length > 0 ? `; candidates: ${described.join(', ')}` : '';
  return { task, score: null, labelOutput, ambiguity: { message: `cannot tell which output is the score: ${why}${list}`, candidates } };
}

/**
 * An output of a signature by name.
 *
 * @example outputByName(signature, 'scores')?.role // 'score'
 */
export function outputByName(signature: Pick<ModelSignature, 'outputs'>, name: string): OutputSpec | undefined {
  return signature.outputs.find((o) => o.name === name);
}
