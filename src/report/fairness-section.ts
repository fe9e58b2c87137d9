/** The fairness part of the report: verdicts, group tables with intervals, disparities. */
import { esc, table, list, type formats } from './html.ts';
import { barChart } from './svg.ts';
import { fillText, type ReportText } from './text.ts';
import { uniqueCaveats } from './verdicts.ts';

type Fmt = ReturnType<typeof formats>;
type Json = Record<string, any>;

export interface VerdictRenderer {
  (v: { code: string; params: Record<string, unknown>; text: string; caveats: unknown[] }): string;
}

/**
 * @example fairnessEvidence(results.fairness, T.de, formats('de'), v => v.text)
 */
export function fairnessEvidence(f: Json | null, T: ReportText, fmt: Fmt, verdict: VerdictRenderer): string {
  if (!f) return `<p>${esc(T.noFairness)}</p>`;
  const head = `<p>${esc(T.fairnessIntro)}</p><p>${esc(T.outcome)}: <b>${esc(f.label?.column ?? '–')}</b>${f.label?.positive != null ? ` = ${esc(f.label.positive)}` : ''}; ${esc(T.threshold)}: ${fmt.num(f.threshold)}; n = ${fmt.num(f.n, 0)}</p>`;
  return head + (f.attributes as Json[]).map((a) => attribute(a, f.task, T, fmt, verdict)).join('\n');
}

/** An attribute's verdicts and, once each, their caveats. */
function verdictList(a: Json, T: ReportText, verdict: VerdictRenderer): string {
  const verdicts = (a.verdicts ?? []) as Json[];
  const caveats = uniqueCaveats(verdicts as { caveats?: { code: string; params: unknown }[] }[]);
  return (verdicts.length ? `<ul class="verdicts">${verdicts.map((v) => `<li>${esc(verdict(v as never))}</li>`).join('')}</ul>` : '') +
    (caveats.length ? `<p class="caveats"><b>${esc(T.caveats)}:</b></p><ul class="caveats">${caveats.map((c) => `<li>${esc(verdict(c as never))}</li>`).join('')}</ul>` : '');
}

function attribute(a: Json, task: string, T: ReportText, fmt: Fmt, verdict: VerdictRenderer): string {
  const title = `<h3>${esc(a.name)}</h3>`;
  const vs = verdictList(a, T, verdict);
  if (task !== 'classification') return title + vs + genericGroups(a, fmt);
  const groups = (a.groups as Json[]);
  const rows = groups.map((g) => [
    `${esc(g.value)}${g.small ? ' <span class="warn">*</span>' : ''}`,
    fmt.num(g.n, 0),
    fmt.ci(g.selection_rate, g.selection_rate_ci),
    fmt.ci(g.favourable_rate, g.favourable_rate_ci),
    fmt.ci(g.tpr, g.tpr_ci),
    fmt.ci(g.fpr, g.fpr_ci),
    fmt.ci(g.fnr, g.fnr_ci),
    fmt.ci(g.accuracy, g.accuracy_ci),
    fmt.ci(g.auc, g.auc_ci, false),
  ]);
  const groupTable = table([T.group, T.n, T.selection, T.favourable, T.tpr, T.fpr, T.fnr, T.accuracy, T.auc], rows, { cls: 'num' });
  const chart = barChart(groups.map((g) => ({ label: String(g.value), value: g.favourable_rate ?? 0, lo: g.favourable_rate_ci?.[0], hi: g.favourable_rate_ci?.[1] })), { title: `${T.favourable}: ${a.name}`, format: (x) => fmt.pct(x), domain: [0, 1] });
  // one group (or none with a value): nothing was compared, and the verdict says so
  if (a.not_compared) return title + vs + chart + groupTable;
  const d = a.disparities ?? {};
  const ref = d.reference?.source === 'user' ? d.reference : null;
  const measures: [string, string, boolean][] = [
    ['demographic_parity_difference', T.dpd, true],
    ['demographic_parity_ratio', T.dpr, false],
    ['equal_opportunity_difference', T.eod, true],
    ['equalized_odds_difference', T.eqd, true],
    ['equalized_odds_ratio', T.eqr, false],
  ];
  const disp = table([T.measure, T.value, T.interval], [
    ...measures.map(([k, label, isPoints]) => [esc(label), isPoints ? fmt.pts(d[k]) : fmt.num(d[k]), ci(d[`${k}_ci`], isPoints, fmt)]),
    [esc(T.ff), fmt.num(d.four_fifths?.ratio), ci(d.four_fifths?.ratio_ci, false, fmt)],
    ...(ref ? [[esc(fillText(T.ffReference, { group: ref.group })), fmt.num(ref.ratio), ci(ref.ratio_ci, false, fmt)]] : []),
  ], { caption: T.disparities, cls: 'num' });
  return title + vs + chart + groupTable + disp;
}

/** An interval: differences of rates in percentage points, ratios as numbers. */
function ci(c: unknown, isPoints: boolean, fmt: Fmt): string {
  if (!Array.isArray(c)) return '–';
  const f = isPoints ? fmt.pts : fmt.num;
  return `${f(c[0])} – ${f(c[1])}`;
}

/** Regression and anomaly groups: every numeric key of the group, as it is. */
function genericGroups(a: Json, fmt: Fmt): string {
  const groups = a.groups as Json[];
  const keys = Object.keys(groups[0] ?? {}).filter((k) => k !== 'value' && k !== 'parts' && !k.endsWith('_ci') && typeof groups[0][k] === 'number');
  return table(['', ...keys], groups.map((g) => [esc(g.value), ...keys.map((k) => fmt.num(g[k]))]), { cls: 'num' });
}

export function warningsList(w: Json[] | undefined): string {
  return list((w ?? []).map((x) => String(x.message)));
}
