/**
 * The audit report: one self-contained HTML file (inline CSS and SVG, no scripts, nothing loaded
 * from anywhere), structured along the seven value pairs of the AI guidelines of the German
 * labour and social administration, with print CSS for "print to PDF". The CLI and the app
 * render it from the same AuditResults.
 *
 * @example renderReport(results, { lang: 'de', created: new Date() }) // '<!doctype html>...'
 */
import type { AuditResults } from '../engine/audit/run.ts';
import { esc, formats, section, table, list } from './html.ts';
import { histogramChart } from './svg.ts';
import { REPORT_TEXT, type ReportText } from './text.ts';
import { ANSWERS, QUESTIONS, VALUE_PAIRS, type ValuePair } from './checklist.ts';
import { fairnessEvidence, type VerdictRenderer } from './fairness-section.ts';
import { explainEvidence } from './explain-section.ts';
import { REPORT_CSS } from './style.ts';

export interface ReportOptions {
  lang: 'de' | 'en';
  created: Date;
  /** Plain-language verdict text in the report's language; default: the engine's English text. */
  verdict?: VerdictRenderer;
}

export function renderReport(r: AuditResults, o: ReportOptions): string {
  const T = REPORT_TEXT[o.lang] as ReportText;
  const fmt = formats(o.lang);
  const verdict = o.verdict ?? ((v) => v.text);
  const evidence: Record<ValuePair, string> = {
    human: '',
    fairness: fairnessEvidence(r.fairness, T, fmt, verdict),
    transparency: modelFacts(r, T, fmt) + explainEvidence(r.explain, T, fmt),
    privacy: `<p>${esc(T.privacyEvidence)}</p>${filesTable(r, T)}`,
    safety: quality(r, T, fmt) + predictionsChart(r, T, fmt),
    responsibility: '',
    sustainability: `<p>${esc(T.sustainabilityEvidence)}: ${esc(String(r.audit.model?.name ?? ''))}</p>`,
  };
  const sections = VALUE_PAIRS.map((vp, i) =>
    section(vp.id, `${i + 1}. ${vp[o.lang]}`, (evidence[vp.id] ? `<h3 class="sub">${esc(T.evidence)}</h3>${evidence[vp.id]}` : '') + checklist(r, vp.id, o.lang, T)),
  );
  return `<!doctype html>
<html lang="${o.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(r.audit.title ?? T.title)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>${esc(r.audit.title ?? T.title)}</h1><p class="subtitle">${esc(T.subtitle)}</p>
<p class="meta">${esc(T.created)}: ${esc(fmt.date(o.created))} · ${esc(T.version)}: ${esc(r.einblick)}</p>
<p class="local">${esc(T.local)}</p></header>
<main>${summary(r, T, fmt)}${sections.join('\n')}
${section('annex', T.settings, `<pre>${esc(JSON.stringify(r.audit, null, 2))}</pre>`)}
${section('warnings', T.warnings, list(r.warnings.map((w) => w.message)) || `<p>${esc(T.none)}</p>`)}
</main><footer><p>${esc(T.footer)}</p></footer></body></html>
`;
}

function summary(r: AuditResults, T: ReportText, fmt: ReturnType<typeof formats>): string {
  const p = r.predict as { task: string; scores: unknown[]; output: string };
  const items = [`${T.task}: ${p.task}`, `${T.rows}: ${fmt.num(p.scores.length, 0)}`, `${T.score}: ${p.output}`];
  const mismatch = [r.files.model, r.files.data].filter((f) => f.matches === false).map((f) => `${f.name}: ${T.hashBad}`);
  return section('summary', T.summary, list([...mismatch, ...items]) + filesTable(r, T));
}

function filesTable(r: AuditResults, T: ReportText): string {
  const row = (what: string, f: AuditResults['files']['model']) => [esc(what), esc(f.name), `<code>${esc(f.sha256)}</code>`, esc(f.matches === null ? T.hashNone : f.matches ? T.hashOk : T.hashBad)];
  return table([T.file, '', T.sha, ''], [row(T.model, r.files.model), row(T.data, r.files.data)], { caption: T.files });
}

function modelFacts(r: AuditResults, T: ReportText, fmt: ReturnType<typeof formats>): string {
  const p = r.predict as { task: string; output: string; positive_index?: number; positive_label?: unknown };
  return `<p>${esc(T.task)}: <b>${esc(p.task)}</b>; ${esc(T.score)}: <code>${esc(p.output)}${p.positive_index != null ? `:${p.positive_index}` : ''}</code>${p.positive_label != null ? ` (${esc(String(p.positive_label))})` : ''}</p>`;
}

function quality(r: AuditResults, T: ReportText, fmt: ReturnType<typeof formats>): string {
  const c = r.model_check;
  if (!c) return `<p>${esc(T.noCheck)}</p>`;
  if (c.task === 'anomaly') return table([T.measure, T.value], [[esc(T.shareFlagged), fmt.pct(c.share_flagged)], [esc(T.meanScore), fmt.num(c.mean_score)]], { caption: T.quality, cls: 'num' });
  if (c.task === 'regression') {
    const rows: [string, string][] = [[T.mae, fmt.num(c.mae)], [T.rmse, fmt.num(c.rmse)], ['R²', fmt.num(c.r2)], [T.meanError, fmt.num(c.mean_error)]];
    return table([T.measure, T.value], rows.map(([k, v]) => [esc(k), v]), { caption: T.quality, cls: 'num' });
  }
  const summary = table([T.measure, T.value], [
    [esc(`${T.accuracy} (${T.threshold} ${fmt.num(c.threshold)})`), fmt.pct(c.accuracy)],
    [esc(T.auc), fmt.num(c.auc)],
    [esc(T.brier), fmt.num(c.brier, 4)],
    [esc(T.ece), fmt.pct(c.ece)],
  ], { caption: T.quality, cls: 'num' });
  const bins = c.calibration.filter((b) => b.n > 0).map((b) => [`${fmt.num(b.lo, 1)}–${fmt.num(b.hi, 1)}`, fmt.num(b.n, 0), fmt.pct(b.mean_score), fmt.ci(b.observed, b.observed_ci)]);
  return summary + `<p>${esc(T.calibrationIntro)}</p>` + table([T.scoreRange, T.n, T.predicted, T.observed], bins, { caption: T.calibration, cls: 'num' });
}

function predictionsChart(r: AuditResults, T: ReportText, fmt: ReturnType<typeof formats>): string {
  const scores = ((r.predict as { scores: (number | null)[] }).scores).filter((x): x is number => typeof x === 'number');
  if (scores.length === 0) return '';
  let lo = Math.min(...scores), hi = Math.max(...scores);
  if ((r.predict as { task: string }).task === 'classification') [lo, hi] = [0, 1];
  if (hi === lo) hi = lo + 1;
  const bins = Array.from({ length: 20 }, (_, i) => ({ x0: lo + ((hi - lo) * i) / 20, x1: lo + ((hi - lo) * (i + 1)) / 20, count: 0 }));
  for (const s of scores) bins[Math.min(19, Math.max(0, Math.floor(((s - lo) / (hi - lo)) * 20)))].count++;
  return histogramChart(bins, { title: T.predictions, format: (x) => fmt.num(x, 2) });
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
