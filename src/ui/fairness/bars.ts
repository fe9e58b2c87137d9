/**
 * Horizontal bar chart with error bars: one bar per group, the whisker spanning the group's
 * interval. Pure layout: data in, marks in pixel coordinates out; the Svelte component draws
 * them. Rates use the axis 0 to 1; other values a "nice" axis that contains 0, every value and
 * every interval end.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { Interval } from '../../engine/fairness/index.ts';

export interface BarDatum {
  label: string;
  value: number | null;
  ci: Interval;
  small?: boolean;
}

export interface BarMark {
  datum: BarDatum;
  /** Band centre. */
  cy: number;
  /** The bar from the zero line to the value; null when the value is undefined. */
  bar: { x: number; y: number; width: number; height: number } | null;
  /** The error bar; null without an interval. */
  whisker: { x1: number; x2: number; y: number; cap: number } | null;
  /** Where the value label goes (right of the bar or whisker, or left when there is no room). */
  text: { x: number; anchor: 'start' | 'end' };
}

export interface BarsLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: ScaleLinear<number, number>;
  zero: number;
  bars: BarMark[];
  /** A vertical reference line (e.g. the overall value), if asked for. */
  reference: { x: number; value: number } | null;
}

export interface BarsOptions {
  width?: number;
  /** Height of one group's band. */
  band?: number;
  /** true: axis from 0 to 1 (rates). */
  unit?: boolean;
  reference?: number | null;
}

/** Left margin wide enough for the longest label (about 7 px per character at 12 px), 60 to 240 px. */
export function labelMargin(labels: string[]): number {
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  return Math.min(240, Math.max(60, Math.round(longest * 7 + 16)));
}

function domainOf(data: BarDatum[], unit: boolean, reference: number | null): [number, number] {
  if (unit) return [0, 1];
  const xs = [0];
  for (const d of data) {
    if (d.value !== null) xs.push(d.value);
    if (d.ci) xs.push(d.ci[0], d.ci[1]);
  }
  if (reference !== null) xs.push(reference);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (lo === hi) hi = lo + 1;
  [lo, hi] = scaleLinear().domain([lo, hi]).nice().domain();
  return [lo, hi];
}

/**
 * Marks for a bar chart with error bars.
 *
 * @example barsLayout([{ label: 'female', value: 0.85, ci: [0.8, 0.88] }], { unit: true }).bars[0].whisker // { x1: x(0.8), x2: x(0.88), ... }
 */
export function barsLayout(data: BarDatum[], opts: BarsOptions = {}): BarsLayout {
  const width = opts.width ?? 640;
  const band = opts.band ?? 30;
  const reference = opts.reference ?? null;
  const margin = { top: 8, right: 64, bottom: 36, left: labelMargin(data.map((d) => d.label)) };
  const height = margin.top + margin.bottom + band * Math.max(1, data.length);
  const x = scaleLinear().domain(domainOf(data, opts.unit ?? false, reference)).range([margin.left, width - margin.right]);
  const zero = x(Math.max(x.domain()[0], Math.min(0, x.domain()[1])));
  const barH = Math.round(band * 0.56);
  const bars = data.map((d, i): BarMark => {
    const cy = margin.top + band * i + band / 2;
    const v = d.value === null ? null : x(d.value);
    const bar = v === null ? null : { x: Math.min(zero, v), y: cy - barH / 2, width: Math.abs(v - zero), height: barH };
    const whisker = d.ci ? { x1: x(d.ci[0]), x2: x(d.ci[1]), y: cy, cap: barH / 2 + 3 } : null;
    const end = Math.max(zero, v ?? zero, whisker?.x2 ?? -Infinity);
    const room = width - margin.right + 56 - end;
    const text = room >= 40 ? { x: end + 6, anchor: 'start' as const } : { x: Math.min(v ?? zero, whisker?.x1 ?? Infinity) - 6, anchor: 'end' as const };
    return { datum: d, cy, bar, whisker, text };
  });
  return { width, height, margin, x, zero, bars, reference: reference === null ? null : { x: x(reference), value: reference } };
}
