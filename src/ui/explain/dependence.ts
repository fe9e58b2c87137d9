/**
 * Dependence plot: for one player, x = its data value (a number axis, or one band per category),
 * y = its SHAP value, colour = a second player's value. Within a category band the dots are
 * spread sideways by a fixed low-discrepancy sequence (no randomness).
 */
import { extent, scaleBand, scaleLinear, type ScaleBand, type ScaleLinear } from 'd3';
import { colourScale, type ColourScale } from './colour.ts';
import type { DataValue } from './format.ts';
import { naturalCompare } from '../../engine/data/natural-order.ts';
import { colourSource, type ExplainView } from './view.ts';

export interface DependenceDot {
  i: number;
  x: number;
  y: number;
  colour: string;
}

export interface DependenceLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  player: string;
  colourBy: string | null;
  /** Number axis, or the categories in order. */
  x: { kind: 'number'; scale: ScaleLinear<number, number> } | { kind: 'category'; scale: ScaleBand<string>; rotate: boolean };
  y: ScaleLinear<number, number>;
  dots: DependenceDot[];
  /** Cases left out because the player's value is missing (number axis only). */
  missing: number;
  scale: ColourScale | null;
}

/** Missing category values get their own band with this label. */
export const MISSING_LABEL = '–';
const GOLDEN = 0.6180339887498949;

/**
 * Sideways offset of the k-th dot in a band, in (-0.5, 0.5) of the spread: k * golden ratio mod 1.
 *
 * @example spread(0) // 0.118...
 */
export function spread(k: number): number {
  return (((k + 1) * GOLDEN) % 1) - 0.5;
}

/**
 * The dependence plot of `player`, coloured by `colourBy` (or one colour when null).
 *
 * @example dependenceLayout(view, 'Duration', 'Amount').dots.length // explained rows with a Duration
 */
export function dependenceLayout(view: ExplainView, player: string, colourBy: string | null, width = 720, height = 360): DependenceLayout {
  const p = view.players.find((q) => q.name === player);
  if (!p) throw new Error(`invalid player: ${player}; expected one of ${view.players.map((q) => q.name).join(', ')}`);
  const c = colourSource(view, colourBy);
  const scale = c ? colourScale(c.data) : null;
  const colour = (i: number) => (scale && c ? scale.colour(c.data ? c.data[i] : null) : '#0072B2');
  const data: DataValue[] = p.data ?? Array.from(p.shap, () => null);
  const category = p.kind === 'category' || p.kind === 'none';
  const cats = category ? [...new Set(data.map((v) => (v === null ? MISSING_LABEL : String(v))))].sort(naturalCompare) : [];
  const rotate = cats.length > 8 || cats.some((s) => s.length > 14);
  const margin = { top: 12, right: 20, bottom: rotate ? 110 : 50, left: 64 };
  const [ylo, yhi] = extent([0, ...p.shap]) as [number, number];
  const y = scaleLinear().domain([ylo, yhi]).nice().range([height - margin.bottom, margin.top]);
  const dots: DependenceDot[] = [];
  if (category) {
    const band = scaleBand<string>().domain(cats).range([margin.left, width - margin.right]).padding(0.2);
    const seen = new Map<string, number>();
    data.forEach((v, i) => {
      const key = v === null ? MISSING_LABEL : String(v);
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      dots.push({ i, x: band(key)! + band.bandwidth() / 2 + spread(k) * band.bandwidth() * 0.8, y: y(p.shap[i]), colour: colour(i) });
    });
    return { width, height, margin, player, colourBy: c?.name ?? null, x: { kind: 'category', scale: band, rotate }, y, dots, missing: 0, scale };
  }
  const nums = data.filter((v): v is number => typeof v === 'number');
  const [xlo, xhi] = (nums.length ? extent(nums) : [0, 1]) as [number, number];
  const x = scaleLinear().domain(xlo === xhi ? [xlo - 1, xhi + 1] : [xlo, xhi]).nice().range([margin.left + 6, width - margin.right - 6]);
  data.forEach((v, i) => {
    if (typeof v === 'number') dots.push({ i, x: x(v), y: y(p.shap[i]), colour: colour(i) });
  });
  return { width, height, margin, player, colourBy: c?.name ?? null, x: { kind: 'number', scale: x }, y, dots, missing: data.length - dots.length, scale };
}
