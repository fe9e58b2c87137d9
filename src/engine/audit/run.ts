/**
 * Runs a whole analysis from an audit file on the session's loaded model and data: predictions,
 * fairness (when protected attributes are named) and explanations (unless "explain": false).
 * The CLI (`einblick audit`) and the browser's "export results" both call this, so that the
 * same files and the same audit file give the same results JSON.
 */
import type { EngineSession, RunOptions } from '../session.ts';
import type { Warning } from '../errors.ts';
import { VERSION } from '../version.ts';
import { predictionsToJson } from '../model/results.ts';
import type { Task } from '../model/types.ts';
import type { Binning } from '../fairness/types.ts';
import type { FairnessSpec } from '../analyses/fairness-run.ts';
import type { ExplainSpec } from '../analyses/explain-run.ts';
import type { ExplainNote } from '../explain/notes.ts';
import type { Audit } from './schema.ts';
import type { ModelCheck } from '../analyses/model-check.ts';
import type { ScoreSourceSpec } from '../analyses/score-source.ts';

export interface FileCheck {
  name: string;
  sha256: string;
  /** The audit file's record of this file, when it has one. */
  expected: { name: string; sha256: string } | null;
  /** null when the audit file names no hash for it. */
  matches: boolean | null;
}

export interface AuditResults {
  einblick: string;
  audit: Audit;
  /** model: null when the scores come from a column of the data ("scores" / "decisions"): the model itself was not examined. */
  files: { model: FileCheck | null; data: FileCheck };
  predict: Record<string, unknown>;
  /** Overall quality (accuracy, AUC, calibration / errors / share flagged); null without an outcome. */
  model_check: ModelCheck | null;
  fairness: Record<string, unknown> | null;
  explain: Record<string, unknown> | null;
  warnings: Warning[];
}

/**
 * What an audit run gives: the results JSON, and the explanation's notes with their codes for
 * the report's language (the JSON lists only their English texts, under explain.notes).
 */
export interface AuditRun {
  results: AuditResults;
  explainNotes: ExplainNote[];
}

/**
 * @example const { results } = await runAudit(session, parseAudit(json), {}); results.fairness?.attributes
 */
export async function runAudit(session: EngineSession, audit: Audit, opts: RunOptions): Promise<AuditRun> {
  const warnings: Warning[] = [];
  const source = sourceOf(audit);
  const files = {
    model: source ? null : fileCheck(session.modelInfo, audit.model, 'model', warnings),
    data: fileCheck(session.dataInfo, audit.data, 'data', warnings),
  };
  const common = { features: audit.features ?? undefined, output: audit.output ?? undefined, task: (audit.task ?? undefined) as Task | undefined, source };
  // scores of the outcome's positive class, as in the model check, fairness and explanations
  const p = await session.predict({ ...common, label: audit.label ?? undefined }, opts);
  warnings.push(...p.warnings);
  const task = p.predictions.task;
  const canCheck = task === 'anomaly' || Boolean(audit.label);
  const model_check = canCheck ? await session.modelCheck({ ...common, label: audit.label ?? undefined, threshold: audit.threshold }, opts) : null;
  const fairness = audit.protected && audit.protected.length > 0 ? await session.fairness({ ...common, spec: fairnessSpec(audit) }, opts) : null;
  // explanations need the model: without it (scores from a column) there are none, and the report says so
  const explain = audit.explain === false || source ? null : await session.explain({ ...common, label: audit.label ?? undefined, spec: explainSpec(audit) }, opts);
  const recorded: Audit = { ...audit, einblick: VERSION, ...(files.model ? { model: { name: files.model.name, sha256: files.model.sha256 } } : {}), data: { name: files.data.name, sha256: files.data.sha256 } };
  const results: AuditResults = {
    einblick: VERSION,
    audit: recorded,
    files,
    predict: predictionsToJson(p.predictions) as unknown as Record<string, unknown>,
    model_check,
    fairness: fairness?.json ?? null,
    explain: explain?.json ?? null,
    warnings,
  };
  return { results, explainNotes: explain?.notes ?? [] };
}

function fileCheck(actual: { name: string; sha256: string } | null, expected: { name: string; sha256: string } | undefined, what: 'model' | 'data', warnings: Warning[]): FileCheck {
  if (!actual) throw new Error(`runAudit: no ${what} loaded`);
  const matches = expected ? expected.sha256 === actual.sha256 : null;
  if (matches === false) {
    warnings.push({
      code: 'HASH_MISMATCH',
      message: `the ${what} file ${actual.name} is not the one the audit file was made with (${expected!.name}): its SHA-256 is ${actual.sha256.slice(0, 12)}…, the audit file records ${expected!.sha256.slice(0, 12)}…`,
      params: { what, name: actual.name, expectedName: expected!.name },
    });
  }
  return { name: actual.name, sha256: actual.sha256, expected: expected ?? null, matches };
}

/** Where the scores come from when the audit file names a score or decision column (no model). */
export function sourceOf(a: Audit): ScoreSourceSpec | undefined {
  if (a.scores) return { scores: a.scores, higherIs: a.higher_is ?? 'positive' };
  if (a.decisions) return { decisions: a.decisions };
  return undefined;
}

/** The audit file's fairness keys as the fairness run's spec. */
export function fairnessSpec(a: Audit): FairnessSpec {
  return {
    label: a.label ?? undefined,
    favourable: a.favourable ?? undefined,
    protected: a.protected ?? [],
    intersect: a.intersect,
    threshold: a.threshold,
    topK: a.top_k?.map(String),
    bins: a.bins ? Object.fromEntries(Object.entries(a.bins).map(([k, v]) => [k, binning(v)])) : undefined,
    reference: a.reference,
    bootstrap: a.bootstrap,
    seed: a.seed,
    minGroupSize: a.min_group_size,
  };
}

function binning(v: number[] | string): Binning {
  return typeof v === 'string' ? { quantiles: Number(v.slice(1)) } : { edges: v };
}

/** The audit file's explanation keys as the explain run's spec. */
export function explainSpec(a: Audit): ExplainSpec {
  return {
    rows: a.rows ?? undefined,
    backgroundRows: a.background_rows ?? undefined,
    background: a.background,
    seed: a.seed,
    space: a.space ?? undefined,
    method: a.method,
    groups: a.groups,
    samples: a.samples ?? undefined,
  };
}
