/**
 * From a loaded model and table and a person's choices (the CLI flags / audit keys) to an
 * explanation: which rows, which background, which players, which space; the exact structure
 * read from the graph and checked against onnxruntime before it is trusted.
 */
import type { Table } from 'apache-arrow';
import { EinblickError, type ProgressFn } from '../errors.ts';
import { sampleIndices } from '../random.ts';
import type { LoadedModel } from '../model/load.ts';
import { evaluate } from '../model/predict.ts';
import { encodeFeatures } from '../model/encode.ts';
import { resolveScore } from '../model/resolve.ts';
import type { FeatureSet, Mapping, Task } from '../model/types.ts';
import { checkStructure, explain, explanationToJson, extractModel, gameFromRows, makePlayers, type Groups } from '../explain/index.ts';
import type { Explanation, MethodOption, Space, TreeShapKernel, ExplainModel } from '../explain/index.ts';
import { explainNote, type ExplainNote } from '../explain/notes.ts';

/** The person's explanation choices; keys mirror the CLI flags and the audit file. */
export interface ExplainSpec {
  rows?: number[];
  backgroundRows?: number[];
  /** Size of the seeded background sample (default 100), when backgroundRows is not given. */
  background?: number;
  seed?: number;
  space?: Space;
  method?: MethodOption;
  groups?: 'auto' | 'none' | Groups;
  samples?: number;
}

/** Explained rows by default: all of them up to this many, else a seeded sample of this size. */
export const DEFAULT_MAX_ROWS = 1000;
/** Rows of the data on which the structure read from the graph is checked against onnxruntime. */
const CHECK_ROWS = 1000;

export interface ExplainRun {
  explanation: Explanation;
  /** The model output explained: for a classifier, the column and class whose probability it is. */
  score: { output: string; positiveIndex: number | null; positiveLabel: string | number | null };
  json: Record<string, unknown>;
  /** Per player, the explained rows' data values (for colouring and dependence plots). */
  values: Record<string, (number | string | boolean | null)[]>;
  /** Other data columns asked for (ctx.context: e.g. the protected attributes), the same way. */
  context: Record<string, (number | string | boolean | null)[]>;
  notes: ExplainNote[];
}

export interface ExplainContext {
  table: Table;
  model: LoadedModel;
  mapping: Mapping;
  output?: string;
  task?: Task;
  /** The positive class by its label (the outcome's positive value), for classifiers. */
  positive?: string | number;
  treeKernel?: TreeShapKernel;
  /**
   * Data columns to report for the explained rows besides the players (e.g. the protected
   * attributes, to colour a dependence plot by a group the model does not see). Not part of the
   * results JSON.
   */
  context?: string[];
  /** Notes from the host (e.g. which tree SHAP kernel runs), reported with the result. */
  notes?: ExplainNote[];
  signal?: AbortSignal;
  onProgress?: ProgressFn;
}

/**
 * Explains rows of the table.
 *
 * @example (await runExplain(ctx, { rows: [0, 5], background: 100, seed: 1 })).json.method // 'tree'
 */
export async function runExplain(ctx: ExplainContext, spec: ExplainSpec): Promise<ExplainRun> {
  const n = ctx.table.numRows;
  const seed = spec.seed ?? 1;
  const notes: ExplainNote[] = [...(ctx.notes ?? [])];
  const score = resolveScore(ctx.model.signature, { output: ctx.output, task: ctx.task, positive: ctx.positive });
  const space = spec.space ?? (score.task === 'classification' ? 'probability' : 'raw');
  checkSpace(space, score.task);
  const rows = spec.rows ?? defaultRows(n, seed, notes);
  const background = spec.backgroundRows ?? sampleIndices(n, Math.min(spec.background ?? 100, n), seed);
  for (const [what, list] of [['rows', rows], ['background-rows', background]] as const) {
    const bad = list.find((r) => !(Number.isInteger(r) && r >= 0 && r < n));
    if (bad !== undefined) throw new EinblickError('INVALID_OPTION', `invalid ${what}: ${bad}; the data has rows 0 to ${n - 1}`, `Give row numbers from 0 to ${n - 1} (0 is the first data row).`, { option: what, value: bad });
  }
  // only the rows the game needs are encoded
  const union = [...new Set([...rows, ...background])].sort((a, b) => a - b);
  const at = new Map(union.map((r, i) => [r, i]));
  const fs = encodeFeatures(ctx.table, ctx.mapping, Int32Array.from(union));
  const players = makePlayers(fs.names, spec.groups ?? 'auto');
  const game = gameFromRows(fs, players, rows.map((r) => at.get(r)!), background.map((r) => at.get(r)!));
  const runtimeSpace: Space = score.task === 'classification' ? 'probability' : 'raw';
  const runtime = await evaluate(ctx.model, fs, { output: score.output, index: score.index ?? undefined, space: runtimeSpace, signal: ctx.signal });
  requireScores(ctx, union, runtime);
  const model = await explainModel(ctx, fs, runtime, score, space, notes);
  const e = await explain(game, model, { space, method: spec.method, samples: spec.samples, seed, signal: ctx.signal, onProgress: ctx.onProgress, treeKernel: ctx.treeKernel });
  const result: Explanation = { ...e, rows, backgroundRows: background, notes: [...notes, ...e.notes] };
  const explained = { output: score.output, positiveIndex: score.positiveIndex, positiveLabel: score.positiveLabel };
  const json = { ...explanationToJson(result), score: { output: explained.output, positive_index: explained.positiveIndex, positive_label: explained.positiveLabel } };
  return { explanation: result, score: explained, json, values: playerValues(ctx, players.map((p) => p.name), rows), context: contextValues(ctx, rows), notes: result.notes };
}

function checkSpace(space: Space, task: Task): void {
  const allowed: Space[] = task === 'classification' ? ['probability', 'logit'] : ['raw'];
  if (!allowed.includes(space)) {
    throw new EinblickError('INVALID_OPTION', `invalid space: ${space}; expected one of ${allowed.join(', ')} for a ${task} model`, task === 'classification' ? 'Use --space probability or --space logit (log-odds).' : 'Use --space raw: the model gives values, not probabilities.', { option: 'space', value: space });
  }
}

function defaultRows(n: number, seed: number, notes: ExplainNote[]): number[] {
  if (n <= DEFAULT_MAX_ROWS) return Array.from({ length: n }, (_, i) => i);
  notes.push(explainNote('ROWS_SAMPLED', `rows: a seeded sample of ${DEFAULT_MAX_ROWS} of the ${n} rows is explained (seed ${seed + 1}); choose rows with --rows`, { count: DEFAULT_MAX_ROWS, total: n, seed: seed + 1 }));
  return sampleIndices(n, DEFAULT_MAX_ROWS, seed + 1);
}

/** The black-box evaluator, and the graph's exact structure when it agrees with onnxruntime. */
async function explainModel(ctx: ExplainContext, fs: FeatureSet, runtime: Float64Array, score: ReturnType<typeof resolveScore>, space: Space, notes: ExplainNote[]): Promise<ExplainModel> {
  const index = score.index ?? undefined;
  const evaluateIn = (s: Space) => (f: FeatureSet, signal?: AbortSignal) => evaluate(ctx.model, f, { output: score.output, index, space: s, signal });
  const model: ExplainModel = { evaluate: evaluateIn(space) };
  const extracted = extractModel(ctx.model.proto, { output: score.output, index: score.index });
  if (extracted.kind === 'none') {
    notes.push(explainNote('STRUCTURE_NONE', `exact structure: none (${extracted.reason}); a model-agnostic method is used`, { reason: extracted.reason }));
    return model;
  }
  // the check runs on the game's rows plus a seeded sample of up to 1000 rows of the data
  const n = ctx.table.numRows;
  const sample = encodeFeatures(ctx.table, ctx.mapping, Int32Array.from(sampleIndices(n, Math.min(n, CHECK_ROWS), 7)));
  const runtimeSpace: Space = score.task === 'classification' ? 'probability' : 'raw';
  let check = checkStructure(extracted, ctx.mapping.layout, fs, runtime);
  if (check.ok) {
    const more = checkStructure(extracted, ctx.mapping.layout, sample, await evaluateIn(runtimeSpace)(sample, ctx.signal));
    check = { ...more, ok: more.ok, rows: check.rows + more.rows, maxDiff: Math.max(check.maxDiff, more.maxDiff) };
  }
  if (!check.ok) {
    notes.push(explainNote('STRUCTURE_MISMATCH', `exact structure: the ${extracted.kind} read from the graph differs from onnxruntime by up to ${check.maxDiff.toExponential(2)}; it is not used and a model-agnostic method is used`, { kind: extracted.kind, maxDiff: check.maxDiff }));
    return model;
  }
  notes.push(explainNote('STRUCTURE_CHECKED', `exact structure: ${extracted.kind === 'trees' ? 'tree ensemble' : 'affine map'} read from the graph; agrees with onnxruntime on ${check.rows} rows to ${check.maxDiff.toExponential(1)}`, { kind: extracted.kind, rows: check.rows, maxDiff: check.maxDiff }));
  return { ...model, structure: { extracted, layout: ctx.mapping.layout } };
}

/**
 * Every explained and background row needs a score: a row without one (NaN, usually from an
 * empty cell the model cannot take) would make every value undefined. Names the rows and their
 * empty cells, so the person can fill them or leave the rows out.
 *
 * @example requireScores(ctx, [3, 7], Float64Array.of(NaN, 0.4)) // throws MISSING_VALUE: ... row 3 ... (Amount empty)
 */
function requireScores(ctx: ExplainContext, rows: number[], scores: Float64Array): void {
  const bad = rows.filter((_, i) => !Number.isFinite(scores[i]));
  if (bad.length === 0) return;
  const shown = bad.slice(0, 5);
  const more = bad.length > shown.length ? ` and ${bad.length - shown.length} more` : '';
  const empty = shown.flatMap((r) => emptyCells(ctx, r).map((column) => ({ column, row: String(r) })));
  const cells = empty.map((c) => `${c.column} in row ${c.row}`);
  const list = `${bad.length === 1 ? 'row' : 'rows'} ${shown.join(', ')}${more} (counting from 0)`;
  // the empty cells as two parallel lists, for the page's own wording
  const params = { rows: shown.map(String), count: bad.length, cellColumns: empty.map((c) => c.column), cellRows: empty.map((c) => c.row) };
  if (cells.length > 0) {
    throw new EinblickError('MISSING_VALUE', `the model gives no score for ${list}: they have empty cells (${cells.join(', ')}), and the model cannot handle missing values`, 'Fill in those cells, or leave these rows out of the explained rows (--rows) and the background rows (--background-rows).', { ...params, detail: 'UNSCORED_EMPTY_CELLS' });
  }
  throw new EinblickError('INFERENCE_FAILED', `the model gives no score (NaN or infinite) for ${list}, although their cells are filled`, 'Check these rows for extreme or unusual values, or leave them out of the explained rows (--rows) and the background rows (--background-rows).', { ...params, detail: 'UNSCORED_ROWS' });
}

/** The mapped data columns that are empty (missing or NaN) in row r. */
function emptyCells(ctx: ExplainContext, r: number): string[] {
  const out = new Set<string>();
  for (const column of ctx.mapping.columns) {
    const v = ctx.table.getChild(column)?.get(r);
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) out.add(column);
  }
  return [...out];
}

/** The values of the context columns (those the table has) in the explained rows. */
function contextValues(ctx: ExplainContext, rows: number[]): Record<string, (number | string | boolean | null)[]> {
  const out: Record<string, (number | string | boolean | null)[]> = {};
  for (const column of ctx.context ?? []) {
    const vector = ctx.table.getChild(column);
    if (vector) out[column] = rows.map((r) => plain(vector.get(r)));
  }
  return out;
}

/** The data values of each player's column in the explained rows (players without one column are left out). */
function playerValues(ctx: ExplainContext, players: string[], rows: number[]): Record<string, (number | string | boolean | null)[]> {
  const out: Record<string, (number | string | boolean | null)[]> = {};
  for (const p of players) {
    const column = ctx.mapping.columns[ctx.mapping.features.indexOf(p)] ?? p;
    const vector = ctx.table.getChild(column);
    if (vector) out[p] = rows.map((r) => plain(vector.get(r)));
    else {
      const category = oneHotValues(ctx, p, rows);
      if (category) out[p] = category;
    }
  }
  return out;
}

/**
 * A player merged from one-hot columns ('Purpose=car', 'Purpose=tv', ...): per row the category
 * whose indicator is 1 (null when none or several are).
 */
function oneHotValues(ctx: ExplainContext, player: string, rows: number[]): (string | null)[] | null {
  const prefix = `${player}=`;
  const parts = ctx.mapping.features
    .map((f, j) => ({ f, column: ctx.mapping.columns[j] }))
    .filter(({ f }) => f.startsWith(prefix))
    .map(({ f, column }) => ({ level: f.slice(prefix.length), vector: ctx.table.getChild(column) }));
  if (parts.length === 0 || parts.some((x) => !x.vector)) return null;
  return rows.map((r) => {
    const on = parts.filter((x) => Number(x.vector!.get(r)) === 1);
    return on.length === 1 ? on[0].level : null;
  });
}

function plain(v: unknown): number | string | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}
