/**
 * The engine as one stateful object: the loaded table, the loaded model and what follows from
 * them. The worker host (src/worker/engine.worker.ts) and the CLI (src/cli) are thin shells around
 * it, so a number in the browser and on the command line comes from the same code.
 *
 * @example
 *   const s = new EngineSession();
 *   await s.loadModel(modelBytes, 'model.onnx');
 *   await s.loadData(csvBytes, 'data.csv');
 *   const check = s.checkMapping(); // { ok: true, mapping, notes }
 *   const { predictions } = await s.predict({}, {}); // predictions.scores: Float64Array
 */
import type { Table } from 'apache-arrow';
import { EinblickError, toErrorInfo, type ErrorInfo, type ProgressFn, type Warning } from './errors.ts';
import { loadTable } from './data/load.ts';
import type { ColumnInfo, LoadedTable, DataFormat } from './data/types.ts';
import { loadModel, predict, disposeModel, type LoadedModel } from './model/predict.ts';
import { mapColumns } from './model/mapping.ts';
import { encodeFeatures } from './model/encode.ts';
import type { Mapping, ModelSignature, Predictions } from './model/types.ts';
import { previewRows, type Preview } from './preview.ts';
import { resolveScore } from './model/resolve.ts';
import type { Task } from './model/types.ts';
import { binaryOutcome, numericOutcome, parseLabel, requireColumn } from './analyses/outcome.ts';
import { anomalyCheck, classificationCheck, regressionCheck, type ModelCheck } from './analyses/model-check.ts';
import { runFairness, type FairnessSpec, type FairnessRun } from './analyses/fairness-run.ts';
import { categoryColumn } from './data/columns.ts';
import { scoreSummary, type ScoreSummary } from './analyses/score-summary.ts';
import { DECISION_THRESHOLD, predictionsFromColumn, type ScoreSourceSpec } from './analyses/score-source.ts';
import { runCompare, type CompareRun, type CompareSpec } from './analyses/compare-run.ts';
import { runExplain, type ExplainSpec, type ExplainRun } from './analyses/explain-run.ts';
import type { TreeShapKernel } from './explain/index.ts';
import { explainNote, type ExplainNote } from './explain/notes.ts';
import { loadTreeShapKernel } from '../wasm/treeshap-kernel.ts';
import { sha256Hex } from './audit/hash.ts';

export interface DataSummary {
  fileName: string;
  /** SHA-256 of the file's bytes (hex), recorded in the audit file and the report. */
  sha256: string;
  format: DataFormat;
  rows: number;
  columns: ColumnInfo[];
  csv?: { delimiter: string; decimal: '.' | ',' };
  warnings: Warning[];
  preview: Preview;
}

export interface ModelSummary {
  fileName: string;
  /** SHA-256 of the file's bytes (hex), recorded in the audit file and the report. */
  sha256: string;
  bytes: number;
  signature: ModelSignature;
}

export type MappingCheck =
  | { ok: true; mapping: Mapping }
  | { ok: false; error: ErrorInfo };

export interface PredictResult {
  predictions: Predictions;
  /** Count, mean, range and the share at or above the threshold of the request (default 0.5). */
  summary: ScoreSummary;
  /** How the data fill the model's inputs; null when the scores come from a column of the data. */
  mapping: Mapping | null;
  /** Non-fatal problems met while feeding the data (e.g. missing values given as NaN). */
  warnings: Warning[];
}

/** What the fairness request returns: the results JSON (the contract), warnings and the scores. */
export type FairnessResultMessage = FairnessRun & { predictions: Predictions };

/** The values of one column with their counts (for choosing an outcome value or a reference group). */
export interface ColumnLevels {
  column: string;
  /** Sorted as categoryColumn sorts them; at most `max`, the most frequent kept. */
  levels: string[];
  counts: number[];
  missing: number;
  /** More distinct values exist than were returned. */
  truncated: boolean;
}

/** Where one side's scores come from: the model (features, output, task) or a column of the data (source). */
export interface SideRequest {
  features?: string[];
  output?: string;
  task?: Task;
  source?: ScoreSourceSpec;
}

export interface RunOptions {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

interface Scored {
  key: string;
  predictions: Predictions;
  mapping: Mapping;
  warnings: Warning[];
}

export class EngineSession {
  private data: LoadedTable | null = null;
  private model: LoadedModel | null = null;
  /** The last predictions, reused while model, data and choices stay the same (e.g. a threshold moves). */
  private scored: Scored | null = null;
  /** A second model (version B) for a comparison, and its last predictions. */
  private modelB: LoadedModel | null = null;
  private scoredB: Scored | null = null;
  modelBInfo: { name: string; sha256: string } | null = null;
  /** Names and hashes of the loaded files, for the audit file and the report. */
  modelInfo: { name: string; sha256: string } | null = null;
  dataInfo: { name: string; sha256: string } | null = null;

  /** Loads a CSV, Arrow or Parquet file and replaces the current table. */
  async loadData(bytes: Uint8Array, fileName: string, opts: RunOptions & { delimiter?: string; decimal?: '.' | ',' } = {}): Promise<DataSummary> {
    const [loaded, sha256] = await Promise.all([loadTable(bytes, fileName, opts), sha256Hex(bytes)]);
    this.data = loaded;
    this.scored = null;
    this.scoredB = null;
    this.dataInfo = { name: fileName, sha256 };
    return {
      fileName,
      sha256,
      format: loaded.format,
      rows: loaded.rows,
      columns: loaded.columns,
      csv: loaded.csv,
      warnings: loaded.warnings,
      preview: previewRows(loaded.table, 20),
    };
  }

  /** Loads an ONNX model and replaces the current one. */
  async loadModel(bytes: Uint8Array, fileName: string): Promise<ModelSummary> {
    const [model, sha256] = await Promise.all([loadModel(bytes, fileName), sha256Hex(bytes)]);
    if (this.model) await disposeModel(this.model);
    this.model = model;
    this.scored = null;
    this.modelInfo = { name: fileName, sha256 };
    return { fileName, sha256, bytes: bytes.length, signature: model.signature };
  }

  /** Loads the model to compare with (version B) and replaces the current one. */
  async loadModelB(bytes: Uint8Array, fileName: string): Promise<ModelSummary> {
    const [model, sha256] = await Promise.all([loadModel(bytes, fileName), sha256Hex(bytes)]);
    if (this.modelB) await disposeModel(this.modelB);
    this.modelB = model;
    this.scoredB = null;
    this.modelBInfo = { name: fileName, sha256 };
    return { fileName, sha256, bytes: bytes.length, signature: model.signature };
  }

  /**
   * Compares two sources of scores on the same rows: the model (A) or the model B, or score or
   * decision columns of the data (issue 12).
   */
  async compare(req: { a: SideRequest; b: SideRequest; spec: CompareSpec }, opts: RunOptions): Promise<CompareRun> {
    const data = this.requireData();
    const a = await this.scoresFor(req.a, req.spec.label, opts, 'a');
    const b = await this.scoresFor(req.b, req.spec.label, opts, req.b.source ? 'a' : 'b');
    const run = runCompare(data.table, data.columns, a.predictions, b.predictions, req.spec, { signal: opts.signal });
    run.warnings.unshift(...a.warnings, ...b.warnings);
    return run;
  }

  /** Whether the data fits the model; never throws for a misfit, returns the reason instead. */
  checkMapping(features?: string[]): MappingCheck {
    try {
      const { model, data } = this.require();
      return { ok: true, mapping: mapWithHints(model, data, features) };
    } catch (err) {
      return { ok: false, error: toErrorInfo(err) };
    }
  }

  /**
   * Predicts every row of the table. With the outcome ('COLUMN=VALUE') and no explicit output,
   * the score is the probability of the class that equals VALUE, as in the other analyses.
   */
  async predict(req: { features?: string[]; output?: string; task?: Task; source?: ScoreSourceSpec; label?: string; threshold?: number }, opts: RunOptions): Promise<PredictResult> {
    if (req.source) {
      const s = await this.scoresFor(req, req.label, opts);
      return { predictions: s.predictions, summary: scoreSummary(s.predictions, req.threshold ?? DECISION_THRESHOLD), mapping: null, warnings: s.warnings };
    }
    const { model, data } = this.require();
    const label = req.label ? parseLabel(req.label, this.columnNames()) : null;
    if (label) requireColumn(data.columns, label.column, 'outcome', data.table);
    const positive = req.output === undefined ? positiveClassFor(model.signature, req.task, req.label, this.columnNames()) : undefined;
    const s = await this.score({ features: req.features, output: req.output, task: req.task, positive }, opts);
    const warnings = [...s.warnings, ...labelNotAClass(s.predictions, label, positive)];
    return { predictions: copyOf(s.predictions), summary: scoreSummary(s.predictions, req.threshold ?? 0.5), mapping: s.mapping, warnings };
  }

  /**
   * Predicts every row and runs the fairness analysis. When the outcome's positive value is one
   * of the model's class labels, the score is the probability of exactly that class.
   */
  async fairness(req: { features?: string[]; output?: string; task?: Task; source?: ScoreSourceSpec; spec: FairnessSpec }, opts: RunOptions): Promise<FairnessResultMessage> {
    const data = this.requireData();
    const s = await this.scoresFor(req, req.spec.label, opts);
    const run = runFairness(data.table, data.columns, s.predictions, req.spec, { signal: opts.signal, features: s.mapping?.columns });
    run.warnings.unshift(...s.warnings);
    return { ...run, predictions: copyOf(s.predictions) };
  }

  /**
   * Overall quality of the model on these data (accuracy, AUC, calibration; or errors for
   * regression; share flagged for anomaly models). Needs the outcome for classification and
   * regression: 'COLUMN=VALUE' / 'COLUMN'.
   */
  async modelCheck(req: { features?: string[]; output?: string; task?: Task; source?: ScoreSourceSpec; label?: string; threshold?: number }, opts: RunOptions): Promise<ModelCheck> {
    const data = this.requireData();
    const p = (await this.scoresFor(req, req.label, opts)).predictions;
    if (p.task === 'anomaly') return anomalyCheck(p);
    if (!req.label) throw new EinblickError('INVALID_OPTION', 'no outcome column given', 'Name the column with the true outcome (and, for a classifier, its positive value).');
    const label = parseLabel(req.label, this.columnNames());
    if (p.task === 'regression') return regressionCheck(p.scores, numericOutcome(data.table, data.columns, label.column));
    const outcome = binaryOutcome(data.table, label, p.positiveLabel === null ? null : String(p.positiveLabel));
    if (p.source?.kind === 'decisions') return classificationCheck(p.scores, outcome.y, { threshold: DECISION_THRESHOLD, probability: false });
    if (p.source?.kind === 'scores') return classificationCheck(p.scores, outcome.y, { threshold: req.threshold ?? 0.5, precision: p.precision, direction: p.source.higher_is === 'negative' ? 'lower' : 'higher', probability: isProbability(p.scores) });
    return classificationCheck(p.scores, outcome.y, { threshold: req.threshold ?? 0.5, precision: p.precision });
  }

  /**
   * The scores of every row: from a column of the data when a source names one (no model
   * needed), else from the model.
   */
  private async scoresFor(req: SideRequest, label: string | undefined, opts: RunOptions, slot: 'a' | 'b' = 'a'): Promise<{ predictions: Predictions; mapping: Mapping | null; warnings: Warning[] }> {
    if (req.source) {
      const data = this.requireData();
      const source = 'scores' in req.source ? { ...req.source, task: req.task } : req.source;
      return { ...predictionsFromColumn(data.table, data.columns, source), mapping: null };
    }
    const model = slot === 'a' ? this.require().model : this.requireModelB();
    const positive = req.output === undefined ? positiveClassFor(model.signature, req.task, label, this.columnNames()) : undefined;
    return this.score({ features: req.features, output: req.output, task: req.task, positive }, opts, slot);
  }

  /** SHAP values for rows of the table (DESIGN.md explain contract), with the method used and why. */
  async explain(req: { features?: string[]; output?: string; task?: Task; label?: string; context?: string[]; spec: ExplainSpec }, opts: RunOptions): Promise<ExplainRun> {
    const { model, data } = this.require();
    const mapping = mapWithHints(model, data, req.features);
    const kernel = await this.treeKernel();
    // the same class as the fairness analysis explains: the outcome's positive value, when the model names it
    const positive = req.output === undefined ? positiveClassFor(model.signature, req.task, req.label, this.columnNames()) : undefined;
    return runExplain({ table: data.table, model, mapping, output: req.output, task: req.task, positive, context: req.context, treeKernel: kernel.kernel, notes: kernel.note ? [kernel.note] : [], ...opts }, req.spec);
  }

  private kernel: Promise<{ kernel?: TreeShapKernel; note?: ExplainNote }> | null = null;

  /** The WebAssembly tree SHAP kernel, loaded once; its TypeScript twin (same numbers) if it cannot load. */
  private treeKernel(): Promise<{ kernel?: TreeShapKernel; note?: ExplainNote }> {
    this.kernel ??= loadTreeShapKernel().then(
      (kernel) => ({ kernel }),
      (err: unknown) => {
        const error = err instanceof Error ? err.message : String(err);
        return { note: explainNote('TREE_KERNEL_FALLBACK', `tree SHAP ran in TypeScript (same numbers, slower): the WebAssembly kernel did not load (${error})`, { error }) };
      },
    );
    return this.kernel;
  }

  /**
   * The distinct values of a column and how often each occurs (at most `max`, the most frequent).
   *
   * @example s.columnLevels('Class') // { column: 'Class', levels: ['Bad', 'Good'], counts: [300, 700], missing: 0, truncated: false }
   */
  columnLevels(column: string, max = 200): ColumnLevels {
    if (!this.data) throw new EinblickError('INVALID_OPTION', 'no data loaded', 'Choose a data file (CSV, Arrow or Parquet) first.');
    const { codes, levels } = categoryColumn(this.data.table, column);
    const counts = new Array<number>(levels.length).fill(0);
    let missing = 0;
    for (const c of codes) {
      if (c < 0) missing++;
      else counts[c]++;
    }
    let keep = levels.map((_, k) => k);
    if (keep.length > max) keep = keep.sort((a, b) => counts[b] - counts[a] || a - b).slice(0, max).sort((a, b) => a - b);
    return { column, levels: keep.map((k) => levels[k]), counts: keep.map((k) => counts[k]), missing, truncated: levels.length > max };
  }

  /** Predictions for the whole table, from the cache when nothing they depend on changed. */
  private async score(req: { features?: string[]; output?: string; task?: Task; positive?: string | number }, opts: RunOptions, slot: 'a' | 'b' = 'a'): Promise<Scored> {
    const data = this.requireData();
    const model = slot === 'a' ? this.require().model : this.requireModelB();
    const key = JSON.stringify([req.features ?? null, req.output ?? null, req.task ?? null, req.positive ?? null]);
    const cached = slot === 'a' ? this.scored : this.scoredB;
    if (cached?.key === key) return cached;
    const mapping = mapWithHints(model, data, req.features);
    const features = encodeFeatures(data.table, mapping);
    const predictions = await predict(model, features, { output: req.output, task: req.task, positive: req.positive, ...opts });
    const scored = { key, predictions, mapping, warnings: features.warnings ?? [] };
    if (slot === 'a') this.scored = scored;
    else this.scoredB = scored;
    return scored;
  }

  private requireModelB(): LoadedModel {
    if (!this.modelB) throw new EinblickError('INVALID_OPTION', 'no model B loaded', 'Choose the second model (version B) to compare with first.');
    return this.modelB;
  }

  /** The loaded data's column names (for a column-aware --label parse), or none. */
  private columnNames(): string[] | undefined {
    return this.data?.columns.map((c) => c.name);
  }

  get table(): Table | null {
    return this.data?.table ?? null;
  }

  private requireData(): LoadedTable {
    if (!this.data) throw new EinblickError('INVALID_OPTION', 'no data loaded', 'Choose a data file (CSV, Arrow or Parquet) first.');
    return this.data;
  }

  private require(): { model: LoadedModel; data: LoadedTable } {
    if (!this.model) throw new EinblickError('INVALID_OPTION', 'no model loaded', 'Choose an ONNX model file first.');
    if (!this.data) throw new EinblickError('INVALID_OPTION', 'no data loaded', 'Choose a data file (CSV, Arrow or Parquet) first.');
    return { model: this.model, data: this.data };
  }
}

/** The model class label that equals the outcome's positive value, if the model names its classes. */
function positiveClassFor(signature: ModelSignature, task: Task | undefined, label: string | undefined, columns: string[] | undefined): string | number | undefined {
  if (!label) return undefined;
  const { value } = parseLabel(label, columns);
  if (value === null) return undefined;
  try {
    const r = resolveScore(signature, { task });
    if (r.task !== 'classification') return undefined;
    return r.classLabels?.find((c) => String(c) === value);
  } catch {
    // ambiguous outputs: the class is then found by label among all probability columns
    const probs = signature.outputs.filter((o) => o.role === 'probabilities');
    return probs.length === 1 ? probs[0].classLabels?.find((c) => String(c) === value) : undefined;
  }
}

/** Whether every score lies in [0, 1] (a score column of probabilities, so calibration means something). */
function isProbability(scores: Float64Array): boolean {
  for (const s of scores) if (s < 0 || s > 1) return false;
  return true;
}

/** The outcome value named for the score is not one of the model's classes: say which class is scored instead. */
function labelNotAClass(p: Predictions, label: { column: string; value: string | null } | null, positive: string | number | undefined): Warning[] {
  // a model without class names (a bare probability matrix) cannot be asked for a class by name
  if (!label || label.value === null || positive !== undefined || p.task !== 'classification' || p.positiveLabel === null) return [];
  const scored = `class ${String(p.positiveLabel)}`;
  return [{
    code: 'LABEL_NOT_A_CLASS',
    message: `the outcome value ${label.value} is not one of the model's named classes, so the score is the probability of ${scored}, as without --label`,
    params: { value: label.value, column: label.column, output: p.output, modelClass: String(p.positiveLabel) },
  }];
}

/** A copy whose buffers may be transferred to another thread without emptying the cache. */
function copyOf(p: Predictions): Predictions {
  return { ...p, scores: p.scores.slice(), labels: p.labels ? [...p.labels] : null };
}

/**
 * mapColumns, with the data layer's evidence added to a TEXT_FOR_NUMBER error: which values in
 * which lines made the column text ("line 4 has 'long'"), so the person can fix the cell.
 */
function mapWithHints(model: LoadedModel, data: LoadedTable, features?: string[]): Mapping {
  try {
    return mapColumns(model.signature, data.columns, features, data.dropped);
  } catch (err) {
    if (!(err instanceof EinblickError) || err.code !== 'TEXT_FOR_NUMBER') throw err;
    const cols = (err.params.columns as string[] | undefined) ?? [];
    const named = (c: string) => cols.some((x) => x === c || x.startsWith(`${c} (`));
    const evidence = data.warnings.filter((w) => w.code === 'MOSTLY_NUMERIC' && named(String(w.params?.column)));
    if (evidence.length === 0) throw err;
    const where = evidence.map((w) => {
      const values = (w.params?.values as string[]) ?? [];
      const lines = (w.params?.lines as string[]) ?? [];
      return `${w.params?.column}: ${values.map((v, i) => `line ${lines[i]} has "${v}"`).join(', ')}`;
    });
    throw new EinblickError('TEXT_FOR_NUMBER', `${err.message} (${where.join('; ')})`, `Fix those cells (a number, or empty for a missing value) and load the file again. ${err.hint}`, { ...err.params, where });
  }
}
