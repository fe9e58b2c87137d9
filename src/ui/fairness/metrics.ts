/**
 * The metrics the fairness views show, per task, and the results turned into uniform rows
 * (one per group, each metric as value + interval) for tables, bar charts and heatmaps.
 * Values come straight from the engine's results; nothing is computed here.
 */
import type { AnomalyGroup, ClassificationGroup, FairnessResult, Interval, RegressionGroup } from '../../engine/fairness/index.ts';
import type { Task } from '../../engine/model/types.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { intervalText, type Fmt } from './text.ts';

export type MetricKind = 'pct' | 'num' | 'count';

export interface MetricDef {
  key: string;
  kind: MetricKind;
  /** Has an interval. */
  ci: boolean;
  /** Why a null value is undefined (shown next to "–"). */
  undefinedKey?: MessageKey;
  /** Values lie in [0, 1] (rates, AUC): charts use that axis. */
  unit: boolean;
}

const pct = (key: string, undefinedKey?: MessageKey): MetricDef => ({ key, kind: 'pct', ci: true, unit: true, undefinedKey });

export const CLASSIFICATION_METRICS: MetricDef[] = [
  { key: 'n', kind: 'count', ci: false, unit: false },
  pct('base_rate'),
  pct('selection_rate'),
  pct('favourable_rate'),
  pct('tpr', 'fair.undef.noPositives'),
  pct('fpr', 'fair.undef.noNegatives'),
  pct('ppv', 'fair.undef.noPredictedPositive'),
  pct('accuracy'),
  { key: 'auc', kind: 'num', ci: true, unit: true, undefinedKey: 'fair.undef.auc' },
];

export const REGRESSION_METRICS: MetricDef[] = [
  { key: 'n', kind: 'count', ci: false, unit: false },
  { key: 'mean_prediction', kind: 'num', ci: true, unit: false },
  { key: 'mean_target', kind: 'num', ci: true, unit: false },
  { key: 'mean_error', kind: 'num', ci: true, unit: false },
  { key: 'mae', kind: 'num', ci: false, unit: false },
  { key: 'rmse', kind: 'num', ci: false, unit: false },
  { key: 'r2', kind: 'num', ci: false, unit: false, undefinedKey: 'fair.undef.r2' },
];

export const ANOMALY_METRICS: MetricDef[] = [
  { key: 'n', kind: 'count', ci: false, unit: false },
  { key: 'flagged', kind: 'count', ci: false, unit: false },
  pct('share_flagged'),
  { key: 'mean_score', kind: 'num', ci: false, unit: false },
];

/**
 * The table columns for a task.
 *
 * @example metricsFor('anomaly').map((m) => m.key) // ['n', 'flagged', 'share_flagged', 'mean_score']
 */
export function metricsFor(task: Task): MetricDef[] {
  return task === 'classification' ? CLASSIFICATION_METRICS : task === 'regression' ? REGRESSION_METRICS : ANOMALY_METRICS;
}

/**
 * Metrics a chart can show (not counts).
 *
 * @example chartMetrics('anomaly').map((m) => m.key) // ['share_flagged', 'mean_score']
 */
export function chartMetrics(task: Task): MetricDef[] {
  return metricsFor(task).filter((m) => m.kind !== 'count');
}

export interface Cell {
  value: number | null;
  ci: Interval;
}

/** One group as a row: its label, size, flags and every metric of the task. */
export interface Row {
  value: string;
  parts: string[];
  n: number;
  small: boolean;
  missing: boolean;
  cells: Record<string, Cell>;
}

type AnyGroup = ClassificationGroup | RegressionGroup | AnomalyGroup;

function cellsOf(task: Task, g: AnyGroup): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  if (task === 'classification') {
    const c = g as ClassificationGroup;
    for (const [k, v] of Object.entries(c.rates)) cells[k] = { value: v, ci: c.ci[k as keyof typeof c.ci] };
    cells.auc = { value: c.auc, ci: c.auc_ci };
    cells.n = { value: c.n, ci: null };
    return cells;
  }
  const rec = g as unknown as Record<string, unknown>;
  for (const m of metricsFor(task)) {
    const v = rec[m.key];
    cells[m.key] = { value: typeof v === 'number' && Number.isFinite(v) ? v : null, ci: m.ci ? ((rec[`${m.key}_ci`] as Interval | undefined) ?? null) : null };
  }
  return cells;
}

function rowOf(task: Task, g: AnyGroup): Row {
  return { value: g.value, parts: g.parts, n: g.n, small: g.small, missing: g.missing, cells: cellsOf(task, g) };
}

/**
 * Names of the analysed attributes and intersections, in result order.
 *
 * @example attributeNames(result) // ['sex', 'age_group', 'sex+age_group']
 */
export function attributeNames(result: FairnessResult): string[] {
  return result.attributes.map((a) => a.name);
}

/**
 * The groups of one attribute as rows; [] for an unknown name.
 *
 * @example rowsOf(result, 'sex')[0].cells.selection_rate // { value: 0.845, ci: [0.801, 0.881] }
 */
export function rowsOf(result: FairnessResult, attribute: string): Row[] {
  const a = (result.attributes as { name: string; groups: AnyGroup[] }[]).find((x) => x.name === attribute);
  return a ? a.groups.map((g) => rowOf(result.task, g)) : [];
}

/**
 * All rows together, as one row.
 *
 * @example overallRow(result).n // 1000
 */
export function overallRow(result: FairnessResult): Row {
  return rowOf(result.task, result.overall);
}

/**
 * A cell as text: "84,5 %" (de) or "0,906"; "–" when undefined. Counts without decimals.
 *
 * @example valueText(fmtFor('de'), CLASSIFICATION_METRICS[2], { value: 0.8451, ci: null }) // "84,5 %"
 */
export function valueText(f: Fmt, m: MetricDef, c: Cell | undefined): string {
  if (!c || c.value === null) return '–';
  if (m.kind === 'pct') return f.pct(c.value);
  if (m.kind === 'count') return f.num(c.value, 0);
  return m.unit ? f.fix(c.value, 3) : f.num(c.value, 3);
}

/**
 * The interval of a cell as text, or '' when the metric has none.
 *
 * @example ciText(fmtFor('de'), CLASSIFICATION_METRICS[2], { value: 0.845, ci: [0.8007, 0.8812] }) // "80,1–88,1 %"
 */
export function ciText(f: Fmt, m: MetricDef, c: Cell | undefined): string {
  if (!m.ci || !c) return '';
  return intervalText(f, c.ci, m.kind === 'pct' ? 'pct' : 'num', m.kind === 'pct' ? 1 : 3);
}
