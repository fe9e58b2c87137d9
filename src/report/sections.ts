/**
 * The report's frame: the summary at the top, every setting, the method and limits of each
 * number, and all warnings in the report's language.
 */
import type { AuditResults } from '../engine/audit/run.ts';
import type { Warning } from '../engine/errors.ts';
import { esc, list, table, type formats } from './html.ts';
import { fillText, taskName, type ReportText } from './text.ts';
import { importance } from './explain-section.ts';
import { warningText } from '../i18n/warnings.ts';
import { explainNoteText, hasExplainNoteText } from '../i18n/explain-notes.ts';

type Fmt = ReturnType<typeof formats>;
type Json = Record<string, any>;

/** Without the model: which column's scores or decisions were examined, and that the model itself was not. */
function sourceSummary(r: AuditResults, T: ReportText, fmt: Fmt): string | null {
  const p = r.predict as { scores: unknown[]; source?: { kind: string; column: string; higher_is?: string; positive?: string } };
  const s = p.source;
  if (!s) return null;
  const common = { column: s.column, data: r.files.data.name, rows: fmt.num(p.scores.length, 0) };
  if (s.kind === 'decisions') return fillText(T.decisionsSummary, { ...common, positive: s.positive ?? '' });
  return fillText(T.scoresSummary, { ...common, direction: s.higher_is === 'negative' ? T.lowerPositive : T.higherPositive });
}

/** The summary's lines: files, key numbers, the four-fifths result per attribute, top features. */
export function summaryItems(r: AuditResults, T: ReportText, fmt: Fmt): string[] {
  const p = r.predict as { task: string; scores: unknown[]; output: string; positive_index?: number };
  const output = `${p.output}${p.positive_index != null ? `:${p.positive_index}` : ''}`;
  const items = [sourceSummary(r, T, fmt) ?? fillText(T.fileSummary, { model: r.files.model?.name ?? '', data: r.files.data.name, task: taskName(T, p.task), rows: fmt.num(p.scores.length, 0), output })];
  for (const f of [r.files.model, r.files.data]) if (f?.matches === false) items.unshift(fillText(T.hashMismatchSummary, { name: f.name }));
  const c = r.model_check;
  if (c?.task === 'classification') items.push(fillText(T.qualitySummary, { threshold: fmt.num(c.threshold), accuracy: fmt.pct(c.accuracy), auc: fmt.num(c.auc) }));
  if (c?.task === 'regression') items.push(fillText(T.regressionSummary, { mae: fmt.num(c.mae), r2: fmt.num(c.r2) }));
  if (c?.task === 'anomaly') items.push(fillText(T.anomalySummary, { share: fmt.pct(c.share_flagged) }));
  for (const a of ((r.fairness?.attributes ?? []) as Json[])) items.push(...fourFifthsItems(a, T, fmt));
  if (r.explain) {
    const top = importance(r.explain as { players: string[]; values: number[][] }).slice(0, 3).map((x) => x.player);
    if (top.length) items.push(fillText(T.topFeatures, { features: top.join(', ') }));
  }
  items.push(fillText(T.warningCount, { count: allWarnings(r).length }));
  return items;
}

/** The four-fifths result of one attribute for the summary: against the most favoured group, and against a chosen reference group. */
function fourFifthsItems(a: Json, T: ReportText, fmt: Fmt): string[] {
  if (a.not_compared) return [fillText(T.ffNotCompared, { attribute: a.name, group: a.not_compared.group })];
  const ff = a.disparities?.four_fifths;
  if (!ff) return [];
  const result = (ratio: number | null, ci: unknown, passes: boolean | null): string => {
    const uncertain = passes !== null && Array.isArray(ci) && ci[0] < 0.8 && ci[1] >= 0.8;
    return (passes === true ? T.ffPass : passes === false ? T.ffFail : T.ffUndefined) + (uncertain ? T.ffUncertain : '');
  };
  const lowest = (ratios: Record<string, number | null> | undefined, skip?: string) =>
    Object.entries(ratios ?? {}).filter((e): e is [string, number] => e[1] !== null && e[0] !== skip).sort((x, y) => x[1] - y[1])[0]?.[0] ?? '–';
  const items = [fillText(T.ffSummary, { attribute: a.name, result: result(ff.ratio, ff.ratio_ci, ff.passes), ratio: fmt.fix(ff.ratio, 2), group: lowest(ff.ratio_to_most_favoured), favoured: ff.most_favoured ?? '–' })];
  const ref = a.disparities?.reference;
  if (ref?.source === 'user') {
    const group = lowest(ref.ratio_to_reference, ref.group);
    items.push(fillText(T.ffRefSummary, { attribute: a.name, reference: ref.group, result: result(ref.ratio, ref.ratio_ci, ref.passes_four_fifths), ratio: fmt.fix(ref.ratio, 2), group }));
  }
  return items;
}

const SETTING_KEYS: [keyof AuditResults['audit'], { de: string; en: string }][] = [
  ['features', { de: 'Spalten der Eingabematrix', en: 'Columns of the input matrix' }],
  ['output', { de: 'Ausgewertete Ausgabe', en: 'Evaluated output' }],
  ['task', { de: 'Aufgabe', en: 'Task' }],
  ['label', { de: 'Tatsächliches Ergebnis', en: 'Actual outcome' }],
  ['favourable', { de: 'Günstiges Ergebnis', en: 'Favourable outcome' }],
  ['protected', { de: 'Geschützte Merkmale', en: 'Protected attributes' }],
  ['intersect', { de: 'Schnittmengen', en: 'Intersections' }],
  ['bins', { de: 'Gruppeneinteilung', en: 'Binning' }],
  ['reference', { de: 'Vergleichsgruppen', en: 'Reference groups' }],
  ['threshold', { de: 'Schwelle', en: 'Threshold' }],
  ['top_k', { de: 'Rangliste (oberste k)', en: 'Ranking (top k)' }],
  ['bootstrap', { de: 'Bootstrap-Ziehungen', en: 'Bootstrap samples' }],
  ['min_group_size', { de: 'Mindestgröße einer Gruppe', en: 'Minimum group size' }],
  ['seed', { de: 'Zufallsstartwert', en: 'Random seed' }],
  ['explain', { de: 'Erklärungen berechnen', en: 'Compute explanations' }],
  ['rows', { de: 'Erklärte Zeilen', en: 'Explained rows' }],
  ['background', { de: 'Hintergrundfälle', en: 'Background cases' }],
  ['background_rows', { de: 'Hintergrundzeilen', en: 'Background rows' }],
  ['space', { de: 'Skala der Erklärungen', en: 'Scale of the explanations' }],
  ['method', { de: 'Erklärverfahren', en: 'Explanation method' }],
  ['groups', { de: 'Zusammengefasste Eingaben', en: 'Grouped inputs' }],
  ['samples', { de: 'Stichprobenbudget', en: 'Sampling budget' }],
];

/** What the engine uses for a key the audit file leaves out (src/engine/fairness/options.ts, explain-run.ts). */
const DEFAULTS: Record<string, unknown> = { threshold: 0.5, bootstrap: 1000, min_group_size: 30, seed: 1, explain: true, background: 100, method: 'auto', groups: 'auto' };

/** Every setting of the audit file as a readable table (key = the CLI flag's name), then the file verbatim. */
export function settingsTable(r: AuditResults, T: ReportText, lang: 'de' | 'en'): string {
  const a = r.audit as Record<string, unknown>;
  const shown = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));
  const rows = SETTING_KEYS.filter(([k]) => a[k] !== undefined || k in DEFAULTS).map(([k, label]) => [
    esc(label[lang]),
    `<code>${esc(k)}</code>`,
    a[k] !== undefined ? esc(shown(a[k])) : `${esc(shown(DEFAULTS[k]))} <span class="ci">(${esc(T.defaultValue)})</span>`,
  ]);
  return table([T.settingName, T.key, T.value], rows) + `<details><summary>${esc(T.annex)}</summary><pre>${esc(JSON.stringify(r.audit, null, 2))}</pre></details>`;
}

/** How each number was computed and what it cannot show. */
export function methodsList(r: AuditResults, T: ReportText, fmt: Fmt): string {
  const items = [fillText(T.m_predict, { n: fmt.num((r.predict as { scores: unknown[] }).scores.length, 0) })];
  if (r.model_check) items.push(T.m_quality);
  const f = r.fairness as Json | null;
  if (f) {
    const iv = f.intervals ?? {};
    const intervals = iv.disparities === 'bootstrap' ? fillText(T.m_bootstrap, { samples: fmt.num(iv.samples, 0), seed: String(iv.seed) }) : T.m_noBootstrap;
    items.push(fillText(T.m_fairness, { intervals }));
  }
  const e = r.explain as Json | null;
  if (e) {
    const accuracy = e.error_estimate == null ? T.m_exact : fillText(T.m_estimated, { se: fmt.num(e.error_estimate, 4) });
    items.push(fillText(T.m_explain, { method: e.method, accuracy, space: e.space, rows: fmt.num(e.rows.length, 0), background: fmt.num(e.background_rows.length, 0) }));
  }
  items.push(T.m_hash);
  return `<ul class="methods">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

/** The run's warnings and the fairness analysis's, each once. */
export function allWarnings(r: AuditResults): Warning[] {
  const seen = new Set<string>();
  const out: Warning[] = [];
  for (const w of [...r.warnings, ...(((r.fairness as Json | null)?.warnings ?? []) as Warning[])]) {
    const key = `${w.code}\u0000${w.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(w);
  }
  return out;
}

/**
 * All warnings in the report's language, then the explanation's technical notes: in the report's
 * language when their codes are given, else the results' English texts.
 */
export function warningsSection(r: AuditResults, T: ReportText, lang: 'de' | 'en', explainNotes?: readonly Warning[]): string {
  const ws = allWarnings(r).map((w) => warningText(w, lang));
  const body = ws.length ? list(ws) : `<p>${esc(T.none)}</p>`;
  if (!r.explain) return body;
  const notes = explainNotes
    ? explainNotes.map((n) => (hasExplainNoteText(n) ? `<li>${esc(explainNoteText(n, lang))}</li>` : `<li lang="en">${esc(n.message)}</li>`))
    : (((r.explain as Json).notes ?? []) as string[]).map((n) => `<li lang="en">${esc(n)}</li>`);
  return body + (notes.length ? `<h3 class="sub">${esc(T.techNotes)}</h3><ul class="tech-notes">${notes.join('')}</ul>` : '');
}
