/**
 * From an audit file (already checked by parseAudit) to the app's settings: every key becomes
 * the form value that builds it again, and a key the file leaves out becomes the engine's
 * default (not the form's), so that the app runs what `einblick audit` runs for the same file.
 * Pure; unit-tested as a round trip with build.ts.
 */
import type { Audit } from '../../engine/audit/schema.ts';
import type { Task } from '../../engine/model/types.ts';
import { parseLabel } from '../../engine/analyses/outcome.ts';
import type { BinSetting, FairnessSettings } from '../fairness/settings.ts';
import { defaultSettings as explainDefaults, type ExplainSettings } from '../explain/settings.ts';
import type { Checklist, FileRef } from './build.ts';

/** What an audit file says about the report and the files, independent of the model. */
export interface AuditReportPart {
  includeExplain: boolean;
  title: string;
  language: 'de' | 'en' | undefined;
  checklist: Checklist;
  /** Keys the app has no field for (task, background_rows, groups as a list, notes): kept as they are. */
  carried: Partial<Audit>;
  /** The files the audit file was made with. */
  expected: { model: FileRef | null; data: FileRef | null };
}

export interface AppliedAudit extends AuditReportPart {
  features: string[] | undefined;
  output: string | undefined;
  fairness: FairnessSettings;
  explain: ExplainSettings;
}

/** The engine's defaults for keys an audit file leaves out (see src/engine/fairness/options.ts, explain-run.ts). */
export const ENGINE_DEFAULTS = { threshold: 0.5, bootstrap: 1000, minGroupSize: 30, seed: 1, background: 100 } as const;

/**
 * Rows as the form's text: ascending runs become ranges, the order is kept.
 *
 * @example rowListText([0, 1, 2, 3, 4, 17, 9]) // '0-4, 17, 9'
 */
export function rowListText(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    parts.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

function binSetting(v: number[] | string): BinSetting {
  return typeof v === 'string' ? { mode: 'quantiles', quantiles: Number(v.slice(1)), edges: '' } : { mode: 'edges', quantiles: 4, edges: v.join(', ') };
}

function fairnessOf(a: Audit, columns?: readonly string[]): FairnessSettings {
  const label = a.label ? parseLabel(a.label, columns) : null;
  const positive = label?.value ?? '';
  const bins: Record<string, BinSetting> = {};
  for (const [k, v] of Object.entries(a.bins ?? {})) bins[k] = binSetting(v);
  return {
    outcome: label?.column ?? '',
    positive,
    favourable: a.favourable ?? positive,
    protected: [...(a.protected ?? [])],
    bins,
    intersect: [...(a.intersect ?? [])],
    reference: { ...(a.reference ?? {}) },
    threshold: a.threshold ?? ENGINE_DEFAULTS.threshold,
    topK: (a.top_k ?? []).map(String).join(', '),
    smallGroups: a.min_group_size !== false,
    minGroupSize: typeof a.min_group_size === 'number' ? a.min_group_size : ENGINE_DEFAULTS.minGroupSize,
    bootstrap: a.bootstrap ?? ENGINE_DEFAULTS.bootstrap,
    seed: a.seed ?? ENGINE_DEFAULTS.seed,
  };
}

function explainOf(a: Audit, task: Task): ExplainSettings {
  const d = explainDefaults(task);
  return {
    ...d,
    space: a.space ?? d.space,
    method: a.method ?? 'auto',
    background: String(a.background ?? ENGINE_DEFAULTS.background),
    seed: String(a.seed ?? ENGINE_DEFAULTS.seed),
    rows: a.rows ? 'list' : 'all',
    rowList: a.rows ? rowListText(a.rows) : d.rowList,
    groups: typeof a.groups === 'string' ? a.groups : 'auto',
    samples: a.samples ? String(a.samples) : '',
  };
}

/**
 * The report part of an audit file: title, language, checklist, and the files it names.
 *
 * @example reportOf(parseAudit({ title: 'Prüfung 2025', explain: false })).includeExplain // false
 */
export function reportOf(a: Audit): AuditReportPart {
  const carried: Partial<Audit> = {};
  if (a.task !== undefined) carried.task = a.task;
  if (a.background_rows !== undefined) carried.background_rows = a.background_rows;
  if (a.groups !== undefined && typeof a.groups === 'object') carried.groups = a.groups;
  if (a.notes !== undefined) carried.notes = a.notes;
  return {
    includeExplain: a.explain !== false,
    title: a.title ?? '',
    language: a.language,
    checklist: structuredClone(a.checklist ?? {}),
    carried,
    expected: { model: a.model ?? null, data: a.data ?? null },
  };
}

/**
 * The app's settings for an audit file and a model of the given task; with the data's column
 * names, a "label" whose column name contains '=' is read as the CLI reads it.
 *
 * @example applyAudit(parseAudit({ label: 'Class=Good', protected: ['sex'] }), 'classification').fairness.outcome // 'Class'
 */
export function applyAudit(a: Audit, task: Task, columns?: readonly string[]): AppliedAudit {
  return {
    ...reportOf(a),
    features: a.features ?? undefined,
    output: a.output ?? undefined,
    fairness: fairnessOf(a, columns),
    explain: explainOf(a, (a.task ?? task) as Task),
  };
}
