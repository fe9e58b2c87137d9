/**
 * What every explanation chart reads: the engine's ExplainRun reshaped once (players in order of
 * importance, each player's SHAP values and data values, the kind of its data). Pure; the
 * components hold the result in $derived.
 */
import type { ExplainRun } from '../../engine/analyses/explain-run.ts';
import type { Space } from '../../engine/explain/types.ts';
import type { DataValue } from './format.ts';

export type ValueKind = 'number' | 'category' | 'none';

export interface PlayerView {
  name: string;
  /** Position in the engine's player list (column of `values`). */
  index: number;
  /** Mean of |SHAP| over the explained rows. */
  meanAbs: number;
  /** SHAP value of every explained row. */
  shap: Float64Array;
  /** Standard errors (sampling methods), else null. */
  se: Float64Array | null;
  /** Data values of the explained rows; null when the player has no single column (a merged group). */
  data: DataValue[] | null;
  kind: ValueKind;
}

export interface ExplainView {
  space: Space;
  method: string;
  baseValue: number;
  /** Data row numbers of the explained rows (0-based). */
  rows: number[];
  predictions: Float64Array;
  /** Players sorted by mean |SHAP|, largest first (ties: engine order). */
  players: PlayerView[];
  /** Other columns of the explained rows (the protected attributes), to colour charts by. */
  context: ColumnView[];
}

/** A data column of the explained rows that is not a player. */
export interface ColumnView {
  name: string;
  data: DataValue[];
  kind: ValueKind;
}

/**
 * The values to colour by: a player's or a context column's.
 *
 * @example colourSource(view, 'Inhaber_Staatsangehoerigkeit')?.kind // 'category'
 */
export function colourSource(view: ExplainView, name: string | null): { name: string; data: DataValue[] | null; kind: ValueKind } | null {
  if (name === null) return null;
  return view.players.find((p) => p.name === name) ?? view.context.find((c) => c.name === name) ?? null;
}

/**
 * The kind of a column's values: 'number' when every non-missing value is a number, 'none' when
 * all are missing, else 'category' (text and yes/no).
 *
 * @example valueKind([1, 2, null]) // 'number'
 */
export function valueKind(values: DataValue[] | null): ValueKind {
  if (!values) return 'none';
  let any = false;
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== 'number') return 'category';
    any = true;
  }
  return any ? 'number' : 'none';
}

/**
 * The view of one explanation run.
 *
 * @example explainView(run).players[0].name // the most important player, e.g. 'CheckingAccountStatus'
 */
export function explainView(run: ExplainRun): ExplainView {
  const e = run.explanation;
  const n = e.rows.length, p = e.players.length;
  const players = e.players.map((name, j): PlayerView => {
    const shap = new Float64Array(n);
    const se = e.standardErrors ? new Float64Array(n) : null;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      shap[i] = e.values[i * p + j];
      if (se) se[i] = e.standardErrors![i * p + j];
      sum += Math.abs(shap[i]);
    }
    const data = run.values[name] ?? null;
    return { name, index: j, meanAbs: n ? sum / n : 0, shap, se, data, kind: valueKind(data) };
  });
  players.sort((a, b) => b.meanAbs - a.meanAbs || a.index - b.index);
  const players_ = new Set(e.players);
  const context = Object.entries(run.context ?? {}).filter(([name]) => !players_.has(name)).map(([name, data]): ColumnView => ({ name, data, kind: valueKind(data) }));
  return { space: e.space, method: e.method, baseValue: e.baseValue, rows: e.rows, predictions: e.predictions, players, context };
}

/**
 * The position of a data row among the explained rows, or -1.
 *
 * @example positionOfRow(view, 17) // 3 when row 17 is the fourth explained row
 */
export function positionOfRow(view: ExplainView, row: number): number {
  return view.rows.indexOf(row);
}

/**
 * Explained cases whose value in a player's column matches a query: text by case-insensitive
 * substring, numbers by equal value (a decimal comma is read as a point). Positions, in row order,
 * at most `limit`.
 *
 * @example findCases(view, 'Purpose', 'radio') // [0, 1, 7, ...]
 */
export function findCases(view: ExplainView, player: string, query: string, limit = 50): number[] {
  const pv = view.players.find((x) => x.name === player);
  const q = query.trim().toLowerCase();
  if (!pv?.data || q === '') return [];
  const asNumber = Number(q.replace(',', '.'));
  const hit = (v: DataValue): boolean => {
    if (v === null) return q === '–' || q === '-';
    if (typeof v === 'number') return Number.isFinite(asNumber) && v === asNumber;
    return String(v).toLowerCase().includes(q);
  };
  const order = view.rows.map((r, i) => [r, i] as const).sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [, i] of order) {
    if (hit(pv.data[i])) out.push(i);
    if (out.length >= limit) break;
  }
  return out;
}

export interface PlayerStats {
  min: number;
  median: number;
  max: number;
  /** Share of cases whose score this player raised (SHAP > 0). */
  up: number;
}

/**
 * Summary of one player's SHAP values (for the tables behind the charts).
 *
 * @example playerStats(p) // { min: -0.12, median: 0.01, max: 0.2, up: 0.55 }
 */
export function playerStats(p: PlayerView): PlayerStats {
  const xs = Float64Array.from(p.shap).sort();
  const n = xs.length;
  if (n === 0) return { min: NaN, median: NaN, max: NaN, up: NaN };
  const median = n % 2 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
  let up = 0;
  for (const v of xs) if (v > 0) up++;
  return { min: xs[0], median, max: xs[n - 1], up: up / n };
}
