/**
 * Intersection heatmap: the groups of a two-attribute intersection as a grid (rows = values of
 * the first attribute, columns = values of the second), each cell coloured by one metric, with
 * its n and a mark when the group is small. Combinations that do not occur stay empty.
 * The colour scale is sequential and colour-blind safe (light yellow to dark blue, "YlGnBu"),
 * spread over the range of the values shown. When the values have both signs (e.g. the mean
 * error of a regression) it is diverging instead ("PuOr": purple below 0, orange above, pale
 * at 0, symmetric around 0). Cell text is black or white, whichever reads better.
 */
import { interpolatePuOr, interpolateYlGnBu, scaleBand, type ScaleBand } from 'd3';
import { rgb } from 'd3';
import { labelMargin } from './bars.ts';
import { textOn } from './palette.ts';

export interface HeatDatum {
  parts: string[];
  value: number | null;
  n: number;
  small: boolean;
}

export interface HeatCell {
  row: string;
  col: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** null: no such combination in the data. */
  datum: HeatDatum | null;
  fill: string;
  text: string;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  rows: string[];
  cols: string[];
  xBand: ScaleBand<string>;
  yBand: ScaleBand<string>;
  cells: HeatCell[];
  /** The smallest and the largest value shown. */
  domain: [number, number] | null;
  /** Values on both sides of 0: the diverging scale is used. */
  diverging: boolean;
  /** Legend stops: colour at 0, 0.25, ..., 1 of the domain. */
  legend: { offset: number; colour: string }[];
}

const EMPTY_FILL = '#ffffff';
/** Start the scale at 0.08, not 0: the lightest YlGnBu yellow is too close to the page. */
const T0 = 0.08;

/**
 * The fill for a value in a domain; `diverging`: symmetric around 0.
 *
 * @example heatColour(0.5, [0, 1]) // the middle of the YlGnBu scale, "#41b6c4"-ish
 * @example heatColour(0, [-1, 2], true) // the pale middle of PuOr
 */
export function heatColour(v: number, domain: [number, number], diverging = false): string {
  const [lo, hi] = domain;
  if (diverging) {
    const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
    // d3's PuOr runs from dark purple (0) through pale grey (0.5) to dark orange (1)
    return rgb(interpolatePuOr(Math.min(1, Math.max(0, 0.5 + v / (2 * m))))).formatHex();
  }
  const t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  return rgb(interpolateYlGnBu(T0 + (1 - T0) * Math.min(1, Math.max(0, t)))).formatHex();
}

/** Values of one position of the parts, in order of first appearance. */
function levels(data: HeatDatum[], at: number): string[] {
  return [...new Set(data.map((d) => d.parts[at]))];
}

/**
 * Cells of the heatmap for groups whose `parts` are [row value, column value].
 *
 * @example heatmapLayout([{ parts: ['f', 'young'], value: 0.7, n: 40, small: false }, ...]).cells[0].fill // "#..."
 */
export function heatmapLayout(data: HeatDatum[], opts: { cell?: number; cellWidth?: number; rowTitle?: string; unit?: boolean } = {}): HeatmapLayout {
  const rows = levels(data, 0);
  const cols = levels(data, 1);
  const cw = opts.cellWidth ?? Math.max(110, labelMargin(cols) + 8);
  const ch = opts.cell ?? 56;
  const margin = { top: 48, right: 16, bottom: 8, left: labelMargin([...rows, `${opts.rowTitle ?? ''} ↓`]) };
  const width = margin.left + margin.right + cw * cols.length;
  const height = margin.top + margin.bottom + ch * rows.length;
  const xBand = scaleBand<string>().domain(cols).range([margin.left, width - margin.right]).paddingInner(0.04);
  const yBand = scaleBand<string>().domain(rows).range([margin.top, height - margin.bottom]).paddingInner(0.06);
  const values = data.map((d) => d.value).filter((v): v is number => v !== null && Number.isFinite(v));
  // rates (unit: values in [0, 1]) keep the whole [0, 1] scale, so that 99.5% and 100% look alike
  // rather than as the two ends of the palette
  const domain: [number, number] | null = !values.length ? null : opts.unit ? [0, 1] : [Math.min(...values), Math.max(...values)];
  const diverging = domain !== null && domain[0] < 0 && domain[1] > 0;
  const byKey = new Map(data.map((d) => [`${d.parts[0]}\u0000${d.parts[1]}`, d]));
  const cells: HeatCell[] = [];
  for (const r of rows) {
    for (const c of cols) {
      const datum = byKey.get(`${r}\u0000${c}`) ?? null;
      const fill = datum && datum.value !== null && domain ? heatColour(datum.value, domain, diverging) : EMPTY_FILL;
      cells.push({ row: r, col: c, x: xBand(c)!, y: yBand(r)!, width: xBand.bandwidth(), height: yBand.bandwidth(), datum, fill, text: textOn(fill) });
    }
  }
  const legend = domain ? [0, 0.25, 0.5, 0.75, 1].map((o) => ({ offset: o, colour: heatColour(domain[0] + o * (domain[1] - domain[0]), domain, diverging) })) : [];
  return { width, height, margin, rows, cols, xBand, yBand, cells, domain, diverging, legend };
}
