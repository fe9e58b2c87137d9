/**
 * Beeswarm summary: one row per player (most important on top), one dot per explained case at its
 * SHAP value, coloured by the case's value in that column. Dots that would overlap are stacked
 * up and down from the row's centre line in a fixed order (no randomness): the same data always
 * gives the same picture.
 */
import { extent, scaleLinear, type ScaleLinear } from 'd3';
import { colourScale, type ColourScale } from './colour.ts';
import { fitText, labelMargin } from './labels.ts';
import type { ExplainView, PlayerView } from './view.ts';

export interface Dot {
  /** Position of the case among the explained rows. */
  i: number;
  x: number;
  y: number;
  colour: string;
}

export interface SwarmRow {
  name: string;
  label: string;
  /** Centre line of the row. */
  y: number;
  dots: Dot[];
  scale: ColourScale;
}

export interface BeeswarmLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  rows: SwarmRow[];
  x: ScaleLinear<number, number>;
  radius: number;
  hidden: number;
}

export const SWARM_ROW = 34;
export const RADIUS = 2.6;

/**
 * Offsets from the centre line for dots that share an x bucket: 0, +d, -d, +2d, -2d, ...
 * compressed to stay within ±half.
 *
 * @example stackOffsets(3, 5, 100) // [0, 5, -5]
 */
export function stackOffsets(count: number, step: number, half: number): number[] {
  const raw = Array.from({ length: count }, (_, k) => (k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * step));
  const widest = Math.ceil((count - 1) / 2) * step;
  const f = widest > half ? half / widest : 1;
  return raw.map((o) => o * f);
}

/**
 * y positions of one row's dots, stacked per x bucket of one dot's width; inside a bucket cases
 * are taken in order of their number value (missing last), then of their position.
 */
export function stackRow(xs: number[], order: number[], centre: number, radius: number, half: number): number[] {
  const buckets = new Map<number, number[]>();
  for (const i of order) {
    const b = Math.round(xs[i] / (2 * radius));
    const list = buckets.get(b);
    if (list) list.push(i);
    else buckets.set(b, [i]);
  }
  const ys = new Array<number>(xs.length);
  for (const list of buckets.values()) {
    const offsets = stackOffsets(list.length, radius * 1.6, half);
    list.forEach((i, k) => (ys[i] = centre + offsets[k]));
  }
  return ys;
}

function caseOrder(p: PlayerView): number[] {
  const idx = Array.from(p.shap, (_, i) => i);
  if (p.kind !== 'number' || !p.data) return idx;
  const d = p.data;
  const key = (i: number) => (typeof d[i] === 'number' ? (d[i] as number) : Infinity);
  return idx.sort((a, b) => key(a) - key(b) || a - b);
}

/**
 * The beeswarm of the `maxRows` most important players.
 *
 * @example beeswarmLayout(view, 720).rows[0].dots.length // number of explained rows
 */
export function beeswarmLayout(view: ExplainView, width = 720, maxRows = 20): BeeswarmLayout {
  const shown = view.players.slice(0, maxRows);
  const left = labelMargin(shown.map((p) => p.name), 60, 220);
  const margin = { top: 10, right: 20, bottom: 44, left };
  const height = margin.top + margin.bottom + Math.max(1, shown.length) * SWARM_ROW;
  const all = shown.flatMap((p) => Array.from(p.shap));
  const [lo, hi] = extent([0, ...all]) as [number, number];
  const pad = (hi - lo) * 0.02 || 1e-3;
  const x = scaleLinear().domain([lo - pad, hi + pad]).nice().range([margin.left, width - margin.right]);
  const rows = shown.map((p, r): SwarmRow => {
    const centre = margin.top + r * SWARM_ROW + SWARM_ROW / 2;
    const xs = Array.from(p.shap, (v) => x(v));
    const ys = stackRow(xs, caseOrder(p), centre, RADIUS, SWARM_ROW / 2 - RADIUS);
    const scale = colourScale(p.data);
    const dots = xs.map((xv, i) => ({ i, x: xv, y: ys[i], colour: scale.colour(p.data ? p.data[i] : null) }));
    return { name: p.name, label: fitText(p.name, left - 10), y: centre, dots, scale };
  });
  return { width, height, margin, rows, x, radius: RADIUS, hidden: view.players.length - shown.length };
}
