/**
 * Global importance: one bar per player, the mean |SHAP| over the explained rows, largest on
 * top. Layout as a pure function (unit-tested); ImportanceChart.svelte only draws it.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { ExplainView } from './view.ts';
import { fitText, labelMargin } from './labels.ts';

export interface ImportanceBar {
  name: string;
  /** The name shortened to fit the margin. */
  label: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ImportanceLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  bars: ImportanceBar[];
  x: ScaleLinear<number, number>;
  /** Players not drawn (beyond `maxBars`); they are in the table. */
  hidden: number;
}

export const ROW = 22;

/**
 * Bars for the `maxBars` most important players, in the view's order (largest mean |SHAP| first).
 *
 * @example importanceLayout(view, 720).bars[0].name // the most important player
 */
export function importanceLayout(view: ExplainView, width = 720, maxBars = 20): ImportanceLayout {
  const shown = view.players.slice(0, maxBars);
  const left = labelMargin(shown.map((p) => p.name), 60, 220);
  const margin = { top: 8, right: 72, bottom: 40, left };
  const height = margin.top + margin.bottom + Math.max(1, shown.length) * ROW;
  const top = shown.length ? shown[0].meanAbs : 0;
  const x = scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([margin.left, width - margin.right]);
  const bars = shown.map((p, i): ImportanceBar => ({
    name: p.name,
    label: fitText(p.name, left - 10),
    value: p.meanAbs,
    x: margin.left,
    y: margin.top + i * ROW + 3,
    width: Math.max(0, x(p.meanAbs) - margin.left),
    height: ROW - 6,
  }));
  return { width, height, margin, bars, x, hidden: view.players.length - shown.length };
}
