/**
 * The audit report: one self-contained HTML file (inline CSS and SVG, no scripts, nothing loaded
 * from anywhere), structured along the seven value pairs of the AI guidelines of the German
 * labour and social administration, with print CSS for "print to PDF". Where Einblick has
 * evidence a section holds it; every section ends with the checklist questions the auditor
 * answered in the app. The CLI and the app render it from the same AuditResults.
 *
 * @example renderReport(results, { lang: 'de', created: new Date(), explainNotes }) // '<!doctype html>...'
 */
import type { AuditResults } from '../engine/audit/run.ts';
import type { ExplainNote } from '../engine/explain/notes.ts';
import { esc, formats, section, table, list } from './html.ts';
import { calibrationChart, histogramChart } from './svg.ts';
import { REPORT_TEXT, taskName, type ReportText } from './text.ts';
import { ANSWERS, QUESTIONS, VALUE_PAIRS, type ValuePair } from './checklist.ts';
import { fairnessEvidence, type VerdictRenderer } from './fairness-section.ts';
import { explainEvidence } from './explain-section.ts';
import { methodsList, settingsTable, summaryItems, warningsSection } from './sections.ts';
import { verdictText } from './verdicts.ts';
import { REPORT_CSS } from './style.ts';

export interface ReportOptions {
  lang: 'de' | 'en';
  created: Date;
  /** Plain-language verdict text; default: the shared German or English verdict texts (src/report/verdicts.ts). */
  verdict?: VerdictRenderer;
  /**
   * The explanation's notes with their codes (runAudit gives them), shown in the report's
   * language; without them the report lists the results' English notes.
   */
  explainNotes?: ExplainNote[];
}

type Fmt = ReturnType<typeof formats>;

export function renderReport(r: AuditResults, o: ReportOptions): string {
  const T = REPORT_TEXT[o.lang] as ReportText;
  const fmt = formats(o.lang);
  const verdict = o.verdict ?? ((v) => verdictText(o.lang, v));
  const noMeasure = `<p class="note">${esc(T.noMeasure)}</p>`;
  const evidence: Record<ValuePair, string> = {
    human: noMeasure,
    fairness: fairnessEvidence(r.fairness, T, fmt, verdict),
    transparency: r.files.model ? modelFacts(r, T) + explainEvidence(r.explain, T, fmt) : `<p>${esc(T.noModelExplain)}</p>`,
    privacy: `<p>${esc(T.privacyEvidence)}</p>${filesTable(r, T)}`,
    safety: quality(r, T, fmt) + predictionsChart(r, T, fmt),
    responsibility: noMeasure,
    sustainability: noMeasure,
  };
  const sections = VALUE_PAIRS.map((vp, i) => {
    const measured = vp.id !== 'human' && vp.id !== 'responsibility' && vp.id !== 'sustainability';
    return section(vp.id, `${i + 1}. ${vp[o.lang]}`, (measured ? `<h3 class="sub">${esc(T.evidence)}</h3>` : '') + evidence[vp.id] + checklist(r, vp.id, o.lang, T));
  });
  const title = r.audit.title ?? T.title;
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>${esc(title)}</h1><p class="subtitle">${esc(T.subtitle)}</p>
<p class="meta">${esc(T.created)}: ${esc(fmt.date(o.created))} · ${esc(T.version)}: ${esc(r.einblick)}</p>
<p class="local">${esc(T.local)}</p></header>
<main>${section('summary', T.summary, list(summaryItems(r, T, fmt)) + filesTable(r, T))}
${sections.join('\n')}
${section('settings', T.settings, settingsTable(r, T, o.lang))}
${section('methods', T.methods, methodsList(r, T, fmt))}
${section('warnings', T.warnings, warningsSection(r, T, o.lang, o.explainNotes))}
</main><footer><p>${esc(T.footer)}</p><p>${esc(T.created)}: ${esc(fmt.date(o.created))} · Einblick ${esc(r.einblick)}</p></footer></body></html>
`;
}

function filesTable(r: AuditResults, T: ReportText): string {
  const row = (what: string, f: AuditResults['files']['model']) => (f ? [esc(what), esc(f.name), `<code>${esc(f.sha256)}</code>`, esc(f.matches === null ? T.hashNone : f.matches ? T.hashOk : T.hashBad)] : [esc(what), esc(T.noModelFile), '', '']);
  return table([T.file, '', T.sha, ''], [row(T.model, r.files.model), row(T.data, r.files.data)], { caption: T.files });
}

function modelFacts(r: AuditResults, T: ReportText): string {
  const p = r.predict as { task: string; output: string; positive_index?: number; positive_label?: unknown };
  return `<p>${esc(T.task)}: <b>${esc(taskName(T, p.task))}</b>; ${esc(T.score)}: <code>${esc(p.output)}${p.positive_index != null ? `:${p.positive_index}` : ''}</code>${p.positive_label != null ? ` (${esc(String(p.positive_label))})` : ''}</p>`;
}

function quality(r: AuditResults, T: ReportText, fmt: Fmt): string {
  const c = r.model_check;
  if (!c) return `<p>${esc(T.noCheck)}</p>`;
  if (c.task === 'anomaly') return table([T.measure, T.value], [[esc(T.shareFlagged), fmt.pct(c.share_flagged)], [esc(T.meanScore), fmt.num(c.mean_score)]], { caption: T.quality, cls: 'num' });
  if (c.task === 'regression') {
    const rows: [string, string][] = [[T.mae, fmt.num(c.mae)], [T.rmse, fmt.num(c.rmse)], ['R²', fmt.num(c.r2)], [T.meanError, fmt.num(c.mean_error)]];
    return table([T.measure, T.value], rows.map(([k, v]) => [esc(k), v]), { caption: T.quality, cls: 'num' });
  }
  const rows: [string, string][] = [
    [esc(`${T.accuracy} (${T.threshold} ${fmt.num(c.threshold)})`), fmt.pct(c.accuracy)],
    [esc(T.auc), fmt.num(c.auc)],
  ];
  if (c.brier !== null && c.ece !== null) rows.push([esc(T.brier), fmt.num(c.brier, 4)], [esc(T.ece), fmt.pct(c.ece)]);
  const summary = table([T.measure, T.value], rows, { caption: T.quality, cls: 'num' });
  // scores in their own units (no model, a score column) are no probabilities: no calibration
  if (c.calibration.length === 0) return summary;
  const chart = calibrationChart(c.calibration, { title: T.calibrationChart, x: T.calX, y: T.calY, format: (x) => fmt.num(x, 1) });
  const bins = c.calibration.filter((b) => b.n > 0).map((b) => [`${fmt.num(b.lo, 1)}–${fmt.num(b.hi, 1)}`, fmt.num(b.n, 0), fmt.pct(b.mean_score), fmt.ci(b.observed, b.observed_ci)]);
  return summary + `<p>${esc(T.calibrationIntro)}</p>` + chart + table([T.scoreRange, T.n, T.predicted, T.observed], bins, { caption: T.calibration, cls: 'num' });
}

function predictionsChart(r: AuditResults, T: ReportText, fmt: Fmt): string {
  const scores = ((r.predict as { scores: (number | null)[] }).scores).filter((x): x is number => typeof x === 'number');
  if (scores.length === 0) return '';
  let lo = Infinity, hi = -Infinity;
  for (const s of scores) {
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if ((r.predict as { task: string }).task === 'classification') [lo, hi] = [0, 1];
  if (hi === lo) hi = lo + 1;
  const bins = Array.from({ length: 20 }, (_, i) => ({ x0: lo + ((hi - lo) * i) / 20, x1: lo + ((hi - lo) * (i + 1)) / 20, count: 0 }));
  for (const s of scores) bins[Math.min(19, Math.max(0, Math.floor(((s - lo) / (hi - lo)) * 20)))].count++;
  const rows = bins.map((b) => [`${fmt.num(b.x0, 2)}–${fmt.num(b.x1, 2)}`, fmt.num(b.count, 0)]);
  return histogramChart(bins, { title: T.predictions, format: (x) => fmt.num(x, 2) }) + table([T.scoreRange, T.n], rows, { caption: T.predictions, cls: 'num compact' });
}

function checklist(r: AuditResults, pair: ValuePair, lang: 'de' | 'en', T: ReportText): string {
  const qs = QUESTIONS.filter((q) => q.pair === pair);
  if (qs.length === 0) return '';
  const rows = qs.map((q) => {
    const a = r.audit.checklist?.[q.id];
    return [esc(q[lang]), esc(ANSWERS[(a?.answer ?? '') as keyof typeof ANSWERS][lang]), esc(a?.note ?? '')];
  });
  return `<h3 class="sub">${esc(T.checklist)}</h3>${table([T.question, T.answer, T.note], rows, { cls: 'checklist' })}`;
}
