/**
 * Waterfall for one case: from the base value (the average case) through each column's SHAP
 * value to the case's score f(x). The `top` largest |SHAP| values get their own step, the rest are
 * summed into one "other columns" step, so the last step ends at base + sum of all values, which
 * is f(x) (the engine checks this efficiency for every method).
 */
import { extent, scaleLinear, type ScaleLinear } from 'd3';
import type { DataValue } from './format.ts';
import { fitText, labelMargin } from './labels.ts';
import type { ExplainView } from './view.ts';

export interface Step {
  /** Player name; null for the aggregated other columns. */
  name: string | null;
  /** How many players the step holds (1, or the number of other columns). */
  players: number;
  /** The case's value in that column (null: missing); undefined for the aggregate or a merged group. */
  value: DataValue | undefined;
  shap: number;
  /** Standard error (sampling methods; the aggregate's is sqrt of the sum of squares), else null. */
  se: number | null;
  /** Cumulative score before and after this step. */
  start: number;
  end: number;
  /** The label shown left of the bar, shortened to the margin. */
  label: string;
  /** Pixel geometry. */
  x0: number;
  x1: number;
  y: number;
}

export interface WaterfallLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Position of the case among the explained rows, and its data row. */
  i: number;
  row: number;
  base: number;
  /** The engine's f(x) for this case. */
  prediction: number;
  /** Where the last step ends: base + the sum of all SHAP values. */
  end: number;
  steps: Step[];
  x: ScaleLinear<number, number>;
  /** Centre lines of the base row (top) and the f(x) row (bottom). */
  baseY: number;
  endY: number;
  rowHeight: number;
}

export type RawStep = Omit<Step, 'x0' | 'x1' | 'y' | 'label'>;

export const WATERFALL_ROW = 26;
/** Whiskers span ±Z standard errors (about a 95 % range). */
export const Z = 1.96;

/**
 * The steps of case `i` (position among the explained rows): largest |SHAP| first, `top` of them,
 * then the others summed. Ties keep the order of importance.
 */
export function waterfallSteps(view: ExplainView, i: number, top = 10): RawStep[] {
  const order = view.players.map((p) => p).sort((a, b) => Math.abs(b.shap[i]) - Math.abs(a.shap[i]));
  const own = order.length <= top + 1 ? order : order.slice(0, top);
  const rest = order.slice(own.length);
  let at = view.baseValue;
  const steps: RawStep[] = own.map((p) => {
    const start = at;
    at += p.shap[i];
    return { name: p.name, players: 1, value: p.data ? p.data[i] : undefined, shap: p.shap[i], se: p.se ? p.se[i] : null, start, end: at };
  });
  if (rest.length) {
    let sum = 0, se2 = 0;
    for (const p of rest) {
      sum += p.shap[i];
      se2 += p.se ? p.se[i] ** 2 : 0;
    }
    const start = at;
    at += sum;
    steps.push({ name: null, players: rest.length, value: undefined, shap: sum, se: rest[0].se ? Math.sqrt(se2) : null, start, end: at });
  }
  return steps;
}

/** The default step label: the column's name (the aggregate: "+ n"). */
const plainLabel = (s: RawStep): string => s.name ?? `+ ${s.players}`;

export interface WaterfallOptions {
  /** Each step's text ("Amount = 1.169"); default: the column's name. */
  labelOf?: (s: RawStep) => string;
  /** Other texts the left margin must hold (the base and f(x) rows' labels, set in bold). */
  also?: string[];
  width?: number;
  /** Steps of their own before the rest is summed. */
  top?: number;
}

/**
 * The waterfall of case `i` in pixels; the left margin fits the longest label (120 to 300 px).
 *
 * @example waterfallLayout(view, 0).end // base + sum of row 0's SHAP values (= f(x))
 */
export function waterfallLayout(view: ExplainView, i: number, o: WaterfallOptions = {}): WaterfallLayout {
  if (!(i >= 0 && i < view.rows.length)) throw new Error(`invalid case: ${i}; expected 0 to ${view.rows.length - 1}`);
  const { labelOf = plainLabel, also = [], width = 720, top = 10 } = o;
  const raw = waterfallSteps(view, i, top);
  const labels = raw.map(labelOf);
  // bold text is about an eighth wider: measured at 13.5 px instead of 12
  const left = Math.max(labelMargin(labels, 120, 300), labelMargin(also, 120, 300, 13.5));
  const margin = { top: 8, right: 84, bottom: 44, left };
  const rowHeight = WATERFALL_ROW;
  const height = margin.top + margin.bottom + (raw.length + 2) * rowHeight;
  const prediction = view.predictions[i];
  const end = raw.length ? raw[raw.length - 1].end : view.baseValue;
  const whiskers = raw.flatMap((s) => (s.se === null ? [] : [s.end - Z * s.se, s.end + Z * s.se]));
  const [lo, hi] = extent([view.baseValue, prediction, ...raw.flatMap((s) => [s.start, s.end]), ...whiskers]) as [number, number];
  const pad = (hi - lo) * 0.03 || 1e-3;
  const x = scaleLinear().domain([lo - pad, hi + pad]).nice().range([margin.left, width - margin.right]);
  const steps = raw.map((s, k): Step => ({ ...s, label: fitText(labels[k], left - 10), x0: x(Math.min(s.start, s.end)), x1: x(Math.max(s.start, s.end)), y: margin.top + (k + 1) * rowHeight }));
  return {
    width, height, margin, i, row: view.rows[i], base: view.baseValue, prediction, end, steps, x,
    baseY: margin.top + rowHeight / 2, endY: margin.top + (raw.length + 1) * rowHeight + rowHeight / 2, rowHeight,
  };
}
