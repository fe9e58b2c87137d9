/**
 * Line charts of per-group curves: a rate against the threshold (selection rate, TPR, FPR), and
 * ROC curves (TPR against FPR). Pure layout: series in, SVG paths and marks out. Undefined
 * points (null) break a line instead of being drawn as 0.
 */
import { line, scaleLinear, type ScaleLinear } from 'd3';
import { groupStyle } from './palette.ts';

export interface Series {
  label: string;
  xs: number[];
  ys: (number | null)[];
}

export interface SeriesMark {
  label: string;
  path: string;
  colour: string;
  dash: string;
  /** Pixel points actually drawn (defined ones), for tests and hover titles. */
  points: [number, number][];
}

export interface LinesLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  series: SeriesMark[];
  /** A vertical marker (the current threshold), if asked for and inside the axis. */
  marker: { x: number; value: number } | null;
  /** The diagonal from (0, 0) to (1, 1) (chance level of a ROC curve), if asked for. */
  diagonal: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface LinesOptions {
  width?: number;
  height?: number;
  marker?: number | null;
  diagonal?: boolean;
}

/**
 * Marks for a chart of series on the unit square ([0, 1] on both axes).
 *
 * @example linesLayout([{ label: 'female', xs: [0, 1], ys: [1, 0] }]).series[0].path // "M56,12L..."
 */
export function linesLayout(data: Series[], opts: LinesOptions = {}): LinesLayout {
  const width = opts.width ?? 420;
  const height = opts.height ?? 300;
  const margin = { top: 12, right: 24, bottom: 44, left: 66 };
  const x = scaleLinear().domain([0, 1]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  const gen = line<[number, number | null]>()
    .defined((p) => p[1] !== null && Number.isFinite(p[1]))
    .x((p) => x(p[0]))
    .y((p) => y(p[1] as number));
  const series = data.map((s, i): SeriesMark => {
    const pairs = s.xs.map((xv, j): [number, number | null] => [xv, s.ys[j] ?? null]);
    const style = groupStyle(i);
    return {
      label: s.label,
      path: gen(pairs) ?? '',
      colour: style.colour,
      dash: style.dash,
      points: pairs.filter((p) => p[1] !== null && Number.isFinite(p[1])).map((p) => [x(p[0]), y(p[1] as number)]),
    };
  });
  const m = opts.marker;
  const marker = m !== null && m !== undefined && m >= 0 && m <= 1 ? { x: x(m), value: m } : null;
  const diagonal = opts.diagonal ? { x1: x(0), y1: y(0), x2: x(1), y2: y(1) } : null;
  return { width, height, margin, x, y, series, marker, diagonal };
}
