/**
 * From the person's choices in the app to the audit file (src/engine/audit/schema.ts): the same
 * keys as the CLI flags, written out in full (no key left to a default), so that
 * `einblick audit` and the app's "export results" run exactly the same analysis. Pure: the
 * report step shows the problems this finds before anything is saved or run.
 */
import type { Audit } from '../../engine/audit/schema.ts';
import type { ColumnInfo } from '../../engine/data/types.ts';
import type { Task } from '../../engine/model/types.ts';
import { buildSpec, needsBinning, parseEdges, parseTopKList, type FairnessSettings } from '../fairness/settings.ts';
import { toSpec, type ExplainSettings, type Problem } from '../explain/settings.ts';
import { QUESTIONS } from '../../report/checklist.ts';

export type Answer = 'yes' | 'no' | 'partly' | 'unknown' | '';
export type Checklist = Record<string, { answer?: Answer; note?: string }>;
export interface FileRef {
  name: string;
  sha256: string;
}

/** Everything the audit file records. */
export interface AuditChoices {
  task: Task;
  columns: Pick<ColumnInfo, 'name' | 'kind' | 'distinct'>[];
  rows: number;
  features: string[] | undefined;
  output: string | undefined;
  fairness: FairnessSettings;
  explain: ExplainSettings;
  includeExplain: boolean;
  title: string;
  language: 'de' | 'en';
  checklist: Checklist;
  /** Keys of a loaded audit file the app has no field for (task, background_rows, groups as a list, notes). */
  carried: Partial<Audit>;
  model: FileRef | null;
  data: FileRef | null;
  einblick: string;
  created: string;
}

/**
 * The outcome as the CLI's --label: 'Class=Good' for a classifier, 'wage' for regression,
 * 'COLUMN=VALUE' or nothing for an anomaly detector; null when no outcome is chosen.
 *
 * @example labelOf({ outcome: 'Class', positive: 'Good' }, 'classification') // 'Class=Good'
 */
export function labelOf(s: Pick<FairnessSettings, 'outcome' | 'positive'>, task: Task): string | null {
  if (!s.outcome) return null;
  if (task === 'regression') return s.outcome;
  if (task === 'anomaly') return s.positive ? `${s.outcome}=${s.positive}` : s.outcome;
  return s.positive ? `${s.outcome}=${s.positive}` : null;
}

/**
 * Fairness problems that stop the audit file. A missing protected attribute is not one (the
 * audit then has no fairness part), nor a missing outcome when no groups are compared.
 */
function fairnessProblems(c: AuditChoices): Problem[] {
  const { problems } = buildSpec(c.fairness, c.columns, c.task, c.rows);
  const noGroups = c.fairness.protected.length === 0;
  return problems.filter((p) => p.key !== 'fair.problem.protected' && !(noGroups && p.key === 'fair.problem.outcome'));
}

/** The fairness keys, as the engine's FairnessSpec would have them. */
function fairnessKeys(c: AuditChoices): Partial<Audit> {
  const s = c.fairness;
  const chosen = new Set(s.protected);
  const bins: Record<string, number[] | string> = {};
  for (const name of s.protected) {
    const col = c.columns.find((x) => x.name === name);
    if (!col || !needsBinning(col)) continue;
    const b = s.bins[name] ?? { mode: 'quantiles', quantiles: 4, edges: '' };
    bins[name] = b.mode === 'quantiles' ? `q${b.quantiles}` : (parseEdges(b.edges) ?? []);
  }
  const intersect = s.intersect.filter((x) => x.split('+').every((p) => chosen.has(p)));
  const valid = new Set([...s.protected, ...intersect]);
  return {
    label: labelOf(s, c.task),
    favourable: c.task === 'classification' ? s.favourable || s.positive || null : null,
    protected: [...s.protected],
    intersect,
    bins,
    reference: Object.fromEntries(Object.entries(s.reference).filter(([k, v]) => v !== '' && valid.has(k))),
    threshold: s.threshold,
    top_k: (parseTopKList(s.topK) ?? []).map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
    bootstrap: s.bootstrap,
    min_group_size: s.smallGroups ? s.minGroupSize : false,
  };
}

/** Only the questions of the checklist that have an answer or a note, in the checklist's order. */
function answered(list: Checklist): Checklist {
  const out: Checklist = {};
  for (const q of QUESTIONS) {
    const a = list[q.id];
    if (!a) continue;
    const entry: { answer?: Answer; note?: string } = {};
    if (a.answer) entry.answer = a.answer;
    if (a.note?.trim()) entry.note = a.note;
    if (entry.answer || entry.note) out[q.id] = entry;
  }
  return out;
}

function withoutUndefined(a: Record<string, unknown>): Audit {
  return Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Audit;
}

/**
 * The audit file for these choices, or the problems that stop it.
 *
 * @example buildAudit(choices).audit // { einblick: '0.1.0', label: 'Class=Good', protected: ['sex'], ... }
 */
export function buildAudit(c: AuditChoices): { audit: Audit | null; problems: Problem[] } {
  const problems = fairnessProblems(c);
  const ex = toSpec(c.explain, c.rows, c.task);
  if (!ex.ok) problems.push(...ex.problems);
  const seed = Number(c.explain.seed.trim());
  if (ex.ok && c.fairness.seed !== seed) problems.push({ key: 'audit.problem.seed', params: { fairness: c.fairness.seed, explain: seed } });
  if (problems.length || !ex.ok) return { audit: null, problems };
  const spec = ex.spec;
  const carriedGroups = c.carried.groups && typeof c.carried.groups === 'object' ? c.carried.groups : undefined;
  const audit = withoutUndefined({
    einblick: c.einblick,
    created: c.created,
    title: c.title.trim() || undefined,
    language: c.language,
    model: c.model ?? undefined,
    data: c.data ?? undefined,
    features: c.features ? [...c.features] : null,
    output: c.output ?? null,
    task: c.carried.task,
    ...fairnessKeys(c),
    seed: spec.seed,
    rows: spec.rows ?? null,
    background: spec.background,
    background_rows: c.carried.background_rows,
    space: spec.space ?? null,
    method: spec.method,
    groups: carriedGroups ?? spec.groups,
    samples: spec.samples ?? null,
    explain: c.includeExplain,
    checklist: answered(c.checklist),
    notes: c.carried.notes,
  });
  return { audit, problems };
}
