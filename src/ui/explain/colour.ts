/**
 * Colours of the explanation charts. Numbers: a low -> high scale from Okabe-Ito blue to a
 * darkened vermillion, interpolated in CIE Lab (distinguishable with the common forms of colour
 * blindness; every step keeps at least 3:1 contrast against white). Categories: Okabe-Ito hues,
 * darkened where needed; beyond six categories the rarer ones share a grey "other".
 */
import { interpolateLab, quantileSorted } from 'd3';
import type { DataValue } from './format.ts';

export const LOW = '#0072B2';
export const HIGH = '#C44E00';
/** Missing values and the "other" categories. */
export const GREY = '#6B7580';
/** Okabe-Ito blue, vermillion, bluish green, reddish purple, orange, sky blue (darkened for contrast). */
export const CATEGORY_COLOURS = ['#0072B2', '#C44E00', '#00805C', '#B0508A', '#9A6700', '#2F7FAF'] as const;

/** SHAP direction colours: raising the score, lowering it. */
export const UP = HIGH;
export const DOWN = LOW;

const lab = interpolateLab(LOW, HIGH);

/** A colour on the low -> high scale, t in [0, 1] (clamped). */
export function rampColour(t: number): string {
  if (!Number.isFinite(t)) return GREY;
  const rgb = lab(Math.min(1, Math.max(0, t)));
  return toHex(rgb);
}

function toHex(rgb: string): string {
  const m = /rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(rgb);
  if (!m) return rgb;
  return '#' + [m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('');
}

export interface NumberScale {
  kind: 'number';
  /** The values mapped to the low and high ends (5th and 95th percentile; min and max if those agree). */
  lo: number;
  hi: number;
  colour(v: DataValue): string;
}

export interface CategoryScale {
  kind: 'category';
  /** The categories with their own colour, most frequent first (ties: alphabetical), then 'other'. */
  entries: { label: string; colour: string; count: number }[];
  /** Number of categories folded into grey "other" (0 if none). */
  other: number;
  colour(v: DataValue): string;
}

export type ColourScale = NumberScale | CategoryScale;

/**
 * A low -> high scale over numbers, robust to outliers (5th to 95th percentile).
 *
 * @example numberScale([1, 2, 3]).colour(3) // HIGH
 */
export function numberScale(values: DataValue[]): NumberScale {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  let lo = quantileSorted(xs, 0.05) ?? 0, hi = quantileSorted(xs, 0.95) ?? 1;
  if (!(hi > lo)) [lo, hi] = [xs[0] ?? 0, xs[xs.length - 1] ?? 1];
  const span = hi - lo;
  return {
    kind: 'number', lo, hi,
    colour: (v) => (typeof v !== 'number' || !Number.isFinite(v) ? GREY : rampColour(span > 0 ? (v - lo) / span : 0.5)),
  };
}

/**
 * Category colours, the most frequent categories first; more than `max` categories: the rest grey.
 *
 * @example categoryScale(['a', 'b', 'a']).entries.map(e => e.label) // ['a', 'b']
 */
export function categoryScale(values: DataValue[], max = CATEGORY_COLOURS.length): CategoryScale {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const own = sorted.length <= max ? sorted : sorted.slice(0, max - 1);
  const colours = new Map(own.map(([label], i) => [label, CATEGORY_COLOURS[i]]));
  const entries = own.map(([label, count], i) => ({ label, colour: CATEGORY_COLOURS[i], count }));
  return { kind: 'category', entries, other: sorted.length - own.length, colour: (v) => (v === null ? GREY : colours.get(String(v)) ?? GREY) };
}

/** The scale for a column's values: numbers or categories (all missing: every value grey). */
export function colourScale(values: DataValue[] | null): ColourScale {
  if (!values) return categoryScale([]);
  return values.some((v) => v !== null && typeof v !== 'number') ? categoryScale(values) : numberScale(values);
}

/** Relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`invalid colour: ${hex}; expected #rrggbb`);
  const lin = (s: string) => {
    const c = parseInt(s, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
}

/**
 * WCAG contrast ratio of two colours.
 *
 * @example contrast('#000000', '#ffffff') // 21
 */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
