/**
 * The reliability diagram (calibration chart) as a pure layout: where each calibration bin's
 * point and its Wilson error bar go, plus the diagonal of perfect calibration and the ticks.
 * Shared by the app (drawn by a Svelte component) and the report (drawn as an SVG string), so
 * both show the same picture. No d3: two linear maps.
 */
import type { CalibrationBin } from '../engine/analyses/model-check.ts';

export interface CalibrationMark {
  bin: CalibrationBin;
  /** Centre of the point: x from the mean predicted probability, y from the observed share. */
  x: number;
  y: number;
  /** The error bar: y of the interval's upper (top) and lower (bottom) end. */
  yTop: number;
  yBottom: number;
}

export interface CalibrationLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** The plot area's corners. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  marks: CalibrationMark[];
  /** Perfect calibration: from (0, 0) to (1, 1). */
  diagonal: { x1: number; y1: number; x2: number; y2: number };
  xTicks: { value: number; x: number }[];
  yTicks: { value: number; y: number }[];
}

const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

/**
 * Lays out the non-empty bins in a plot of the given size; probabilities run from 0 to 1 on
 * both axes. Bins without cases (n = 0) have no point.
 *
 * @example calibrationLayout([{ lo: 0.5, hi: 0.6, n: 10, mean_score: 0.55, observed: 0.6, observed_ci: [0.31, 0.83] }], 460, 360).marks[0].x // 48 + 0.55 * 396
 */
export function calibrationLayout(bins: CalibrationBin[], width = 460, height = 360): CalibrationLayout {
  const margin = { top: 12, right: 16, bottom: 48, left: 48 };
  const x0 = margin.left, x1 = width - margin.right;
  const y0 = height - margin.bottom, y1 = margin.top;
  const sx = (p: number) => x0 + p * (x1 - x0);
  const sy = (p: number) => y0 - p * (y0 - y1);
  const marks = bins
    .filter((b) => b.n > 0 && b.mean_score !== null && b.observed !== null)
    .map((bin) => {
      const [lo, hi] = bin.observed_ci ?? [bin.observed!, bin.observed!];
      return { bin, x: sx(bin.mean_score!), y: sy(bin.observed!), yTop: sy(hi), yBottom: sy(lo) };
    });
  return {
    width,
    height,
    margin,
    x0,
    x1,
    y0,
    y1,
    marks,
    diagonal: { x1: sx(0), y1: sy(0), x2: sx(1), y2: sy(1) },
    xTicks: TICKS.map((value) => ({ value, x: sx(value) })),
    yTicks: TICKS.map((value) => ({ value, y: sy(value) })),
  };
}
