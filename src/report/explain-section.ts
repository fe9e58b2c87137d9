/** The explanations part of the report: method, global importance (chart and table), notes. */
import { esc, table, type formats } from './html.ts';
import { barChart } from './svg.ts';
import { named, type ReportText } from './text.ts';

type Fmt = ReturnType<typeof formats>;
type Json = Record<string, any>;

/**
 * Mean |SHAP| per player, largest first.
 *
 * @example importance({ players: ['a', 'b'], values: [[1, -3], [-1, 1]] }) // [{ player: 'b', value: 2 }, { player: 'a', value: 1 }]
 */
export function importance(e: { players: string[]; values: number[][] }): { player: string; value: number }[] {
  const n = Math.max(1, e.values.length);
  return e.players
    .map((player, j) => ({ player, value: e.values.reduce((s, row) => s + Math.abs(row[j]), 0) / n }))
    .sort((a, b) => b.value - a.value || a.player.localeCompare(b.player));
}

export function explainEvidence(e: Json | null, T: ReportText, fmt: Fmt): string {
  if (!e) return `<p>${esc(T.noExplain)}</p>`;
  const imp = importance(e as { players: string[]; values: number[][] });
  const unit = e.space === 'probability' ? (x: number) => fmt.pct(x, 2) : (x: number) => fmt.num(x, 4);
  const method = `<p>${esc(T.method)}: <b>${esc(named(T.methodNames, e.method))}</b>${e.error_estimate == null ? '' : `, ${esc(T.errorEstimate)} ± ${esc(unit(e.error_estimate))}`}; ${esc(T.space)}: ${esc(named(T.spaceNames, e.space))}; ${fmt.num(e.rows.length, 0)} ${esc(T.explained)}, ${fmt.num(e.background_rows.length, 0)} ${esc(T.background)}</p>`;
  const top = imp.slice(0, 15);
  const chart = barChart(top.map((x) => ({ label: x.player, value: x.value })), { title: T.importance, format: unit });
  const rows = imp.map((x) => [esc(x.player), unit(x.value)]);
  return `<p>${esc(T.explainIntro)}</p>${method}${chart}${table([T.feature, T.value], rows, { cls: 'num', caption: T.importance })}`;
}
