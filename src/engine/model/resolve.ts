/**
 * The person's choices about the score: --output NAME[:INDEX], --task and the positive class,
 * validated against the signature and combined with what the graph says.
 */
import { EinblickError } from '../errors.ts';
import { candidatesOf, describeCandidates, describeShape, isMultiDimensional, MAX_LISTED, outputByName, outputWidth } from './task.ts';
import type { ModelSignature, OutputSpec, Task } from './types.ts';

/** The score as it will be computed: which output, which column, which task, which class is positive. */
export interface ResolvedScore {
  task: Task;
  output: string;
  /** Column of the output ([N, C]); null for a 1-D output. */
  index: number | null;
  /** Classification: the column of the positive class (same as index); otherwise null. */
  positiveIndex: number | null;
  positiveLabel: string | number | null;
  labelOutput: string | null;
  /** Class labels of the score output's columns, when the model names them. */
  classLabels: (string | number)[] | null;
}

export interface ScoreChoice {
  output?: string;
  task?: Task;
  positive?: string | number;
}

const TASKS: Task[] = ['classification', 'regression', 'anomaly'];
const OUTPUT_HINT = 'Pass --output NAME[:INDEX] to say which output (and which column of it) is the score; in the app, choose the output.';

/**
 * Splits 'NAME:INDEX'. A name that is itself an output name (names may contain ':') wins.
 *
 * @example parseOutputOption('output_probability:1') // { name: 'output_probability', index: 1 }
 * @example parseOutputOption('variable') // { name: 'variable', index: null }
 */
export function parseOutputOption(text: string, outputNames: string[] = []): { name: string; index: number | null } {
  const trimmed = text.trim();
  if (outputNames.includes(trimmed)) return { name: trimmed, index: null };
  const m = /^(.*):(\d+)$/.exec(trimmed);
  if (m && m[1] !== '') return { name: m[1], index: Number(m[2]) };
  return { name: trimmed, index: null };
}

/**
 * Resolves the score output, task and positive class (a positive class picks the column of a
 * classifier's probability output, also over an index in `output`); throws AMBIGUOUS_OUTPUT, UNKNOWN_OUTPUT,
 * UNSUPPORTED_OUTPUT or INVALID_OPTION with a hint.
 *
 * @example resolveScore(signature, { positive: 'Good' }) // { task: 'classification', output: 'output_probability', index: 1, positiveIndex: 1, positiveLabel: 'Good', labelOutput: 'output_label', classLabels: ['Bad', 'Good'] }
 */
export function resolveScore(signature: ModelSignature, choice: ScoreChoice = {}): ResolvedScore {
  if (choice.task !== undefined && !TASKS.includes(choice.task)) {
    throw new EinblickError('INVALID_OPTION', `invalid task: ${String(choice.task)}; expected one of ${TASKS.join(', ')}`, 'Pass --task classification, regression or anomaly.', { task: String(choice.task) });
  }
  const byPositive = choice.positive !== undefined && (choice.task ?? 'classification') === 'classification';
  const picked = choice.output !== undefined ? pickOutput(signature, choice.output, byPositive) : detected(signature, byPositive);
  const out = outputByName(signature, picked.output) as OutputSpec;
  const task = choice.task ?? picked.task;
  let index = picked.index;
  if (task === 'classification' && choice.positive !== undefined) index = positiveColumn(out, choice.positive);
  const positiveIndex = task === 'classification' ? (index ?? 0) : null;
  const positiveLabel = positiveIndex !== null && out.classLabels ? (out.classLabels[positiveIndex] ?? null) : null;
  return { task, output: out.name, index, positiveIndex, positiveLabel, labelOutput: signature.labelOutput, classLabels: out.classLabels ?? null };
}

function detected(signature: ModelSignature, byPositive: boolean): { output: string; index: number | null; task: Task } {
  const probs = signature.outputs.filter((o) => o.role === 'probabilities');
  if (!signature.score && byPositive && probs.length === 1) return { output: probs[0].name, index: null, task: 'classification' };
  const tables = signature.outputs.filter((o) => isMultiDimensional(o.shape) && (o.type === 'float32' || o.type === 'float64'));
  if (!signature.score && tables.length > 0 && (signature.ambiguity?.candidates.length ?? 0) === 0) throw outputRankError(tables[0].name, tables[0].shape);
  if (!signature.score) {
    const message = signature.ambiguity?.message ?? 'cannot tell which output is the score';
    throw new EinblickError('AMBIGUOUS_OUTPUT', message, OUTPUT_HINT, { candidates: signature.ambiguity?.candidates ?? [], outputs: signature.outputs.map((o) => o.name) });
  }
  return { ...signature.score, task: signature.task };
}

function pickOutput(signature: ModelSignature, text: string, byPositive: boolean): { output: string; index: number | null; task: Task } {
  const names = signature.outputs.map((o) => o.name);
  const { name, index } = parseOutputOption(text, names);
  const out = outputByName(signature, name);
  if (!out) {
    throw new EinblickError('UNKNOWN_OUTPUT', `unknown output: ${name}; the model's outputs are ${names.join(', ')}`, 'Pass --output with one of the output names listed (add :INDEX to pick a column).', { output: name, outputs: names });
  }
  if (out.type !== 'float32' && out.type !== 'float64' && out.type !== 'int64' && out.type !== 'int32') {
    throw new EinblickError('UNSUPPORTED_OUTPUT', `output ${name} holds ${out.type} values, not numbers, so it cannot be the score`, `Choose a numeric output: ${numericNames(signature).join(', ') || 'none'}.`, { output: name });
  }
  if (isMultiDimensional(out.shape)) throw outputRankError(out.name, out.shape);
  const width = outputWidth(out);
  const task: Task = out.role === 'probabilities' ? 'classification' : signature.score?.output === name ? signature.task : 'regression';
  return { output: name, index: byPositive && index === null ? null : checkIndex(out, width, index), task };
}

function checkIndex(out: OutputSpec, width: number | null, index: number | null): number | null {
  if (index === null) {
    if (out.shape.length === 1) return null;
    if (width === 1) return 0;
    if (width === 2 && out.role === 'probabilities') return 1;
    throw new EinblickError('AMBIGUOUS_OUTPUT', `output ${out.name} has ${width ?? 'an unknown number of'} columns; say which one is the score; candidates: ${describeCandidates(out).join(', ')}`, OUTPUT_HINT, { output: out.name, candidates: candidatesOf(out) });
  }
  const max = out.shape.length === 1 ? 1 : width;
  if (max !== null && index >= max) {
    const valid = describeCandidates(out);
    throw new EinblickError('INVALID_OPTION', `index ${index} is out of range for output ${out.name}, which has ${max} column${max === 1 ? '' : 's'} (0 to ${max - 1}); valid: ${valid.join(', ')}`, `Pass --output ${out.name}:INDEX with INDEX from 0 to ${max - 1}.`, { output: out.name, index, width: max, valid });
  }
  return out.shape.length === 1 ? null : index;
}

/**
 * An output with more than one dimension of values per row ([N, 2, 2]) offered as the score.
 *
 * @example outputRankError('probabilities', [null, 2, 2]).params.detail // 'OUTPUT_RANK'
 */
export function outputRankError(output: string, shape: readonly (number | null)[]): EinblickError {
  const text = describeShape(shape);
  return new EinblickError(
    'UNSUPPORTED_OUTPUT',
    `output ${output} has the shape [${text}]: it holds ${shape.slice(1).map((d) => d ?? '?').join(' x ')} values per row, not one score per row (or one per class), so no column of it can be the score`,
    'Choose another output with --output (einblick inspect lists the outputs), or ask whoever exported the model for an output of shape [N] or [N, classes].',
    { output, shape: text, detail: 'OUTPUT_RANK' },
  );
}

/**
 * The column of the positive class by its label; a model without class names has labels
 * 0..C-1 (the scikit-learn convention).
 */
function positiveColumn(out: OutputSpec, positive: string | number): number {
  const width = outputWidth(out);
  const text = String(positive).trim();
  if (!out.classLabels && width !== null && width > MAX_LISTED) {
    // unnamed classes 0..C-1, too many to list
    const at = /^\d+$/.test(text) ? Number(text) : -1;
    if (at >= 0 && at < width) return at;
    throw new EinblickError('INVALID_OPTION', `invalid positive class: ${text}; expected a class number from 0 to ${width - 1}`, 'Name the positive class by its number; the model does not name its classes.', { positive: text });
  }
  const labels = out.classLabels ?? (width !== null ? Array.from({ length: width }, (_, i) => i) : []);
  const at = labels.findIndex((l) => String(l) === text);
  if (at < 0) {
    throw new EinblickError('INVALID_OPTION', `invalid positive class: ${String(positive)}; expected one of ${labels.map(String).join(', ')}`, 'Name the positive class exactly as the model labels its classes.', { positive: String(positive), classes: labels.map(String) });
  }
  return at;
}

function numericNames(signature: ModelSignature): string[] {
  return signature.outputs.filter((o) => ['float32', 'float64', 'int64', 'int32'].includes(o.type)).map((o) => o.name);
}
