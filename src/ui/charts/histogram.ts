/**
 * Histogram of predictions: binning and layout as pure functions (unit-tested); the Svelte
 * component only draws the marks this returns.
 */
import { bin, extent, max, scaleLinear, type ScaleLinear } from 'd3';

export interface Bin {
  x0: number;
  x1: number;
  count: number;
}

/**
 * Bins scores. Probabilities get 20 fixed bins of width 0.05 on [0, 1] (the last one closed);
 * other scores get about 20 "nice" bins over their range. NaN scores are left out.
 *
 * @example binScores(new Float64Array([0.1, 0.12, 0.9]), true).filter(b => b.count) // [{x0: 0.1, x1: 0.15, count: 2}, {x0: 0.9, x1: 0.95, count: 1}]
 */
export function binScores(scores: Float64Array, probability: boolean): Bin[] {
  const values = Array.from(scores).filter((v) => !Number.isNaN(v));
  if (probability) {
    const counts = new Array<number>(20).fill(0);
    for (const v of values) counts[Math.min(19, Math.max(0, Math.floor(v * 20)))]++;
    return counts.map((count, i) => ({ x0: i / 20, x1: (i + 1) / 20, count }));
  }
  const [lo, hi] = extent(values);
  if (lo === undefined || hi === undefined) return [];
  if (lo === hi) return [{ x0: lo, x1: hi, count: values.length }];
  const domain = scaleLinear().domain([lo, hi]).nice(20).domain() as [number, number];
  return bin().domain(domain).thresholds(20)(values).map((b) => ({ x0: b.x0 ?? lo, x1: b.x1 ?? hi, count: b.length }));
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  bin: Bin;
}

export interface HistogramLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  bars: Bar[];
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  xDomain: [number, number];
  yMax: number;
}

/** Bars in pixel coordinates for a plot of the given size. */
export function histogramLayout(bins: Bin[], width = 640, height = 260): HistogramLayout {
  const margin = { top: 12, right: 16, bottom: 44, left: 56 };
  const xDomain: [number, number] = bins.length ? [bins[0].x0, bins[bins.length - 1].x1] : [0, 1];
  if (xDomain[0] === xDomain[1]) xDomain[1] = xDomain[0] + 1;
  const yMax = Math.max(1, max(bins, (b) => b.count) ?? 1);
  const x = scaleLinear().domain(xDomain).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, yMax]).nice().range([height - margin.bottom, margin.top]);
  const bars = bins.map((b) => {
    const x0 = x(b.x0);
    const x1 = b.x1 > b.x0 ? x(b.x1) : x0 + 8;
    return { x: x0 + 0.5, y: y(b.count), width: Math.max(1, x1 - x0 - 1), height: y(0) - y(b.count), bin: b };
  });
  return { width, height, margin, bars, x, y, xDomain, yMax: y.domain()[1] };
}
