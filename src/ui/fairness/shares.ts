/**
 * Who is selected at the top k: per group, its share of the population (outlined bar) against
 * its share of the selected (filled bar), on one axis from 0 to the largest share. Pure layout.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { labelMargin } from './bars.ts';

export interface ShareDatum {
  label: string;
  population: number;
  /** null when nobody is selected (k = 0). */
  selection: number | null;
}

export interface ShareMark {
  datum: ShareDatum;
  population: { x: number; y: number; width: number; height: number };
  selection: { x: number; y: number; width: number; height: number } | null;
  /** Label positions at the end of each bar. */
  populationText: { x: number; y: number };
  selectionText: { x: number; y: number };
}

export interface SharesLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  x: ScaleLinear<number, number>;
  marks: ShareMark[];
}

/**
 * Paired bars per group.
 *
 * @example sharesLayout([{ label: 'female', population: 0.31, selection: 0.25 }]).marks[0].selection.width // x(0.25) - x(0)
 */
export function sharesLayout(data: ShareDatum[], opts: { width?: number; band?: number } = {}): SharesLayout {
  const width = opts.width ?? 640;
  const band = opts.band ?? 46;
  const margin = { top: 8, right: 64, bottom: 36, left: labelMargin(data.map((d) => d.label)) };
  const height = margin.top + margin.bottom + band * Math.max(1, data.length);
  const top = Math.max(0.1, ...data.map((d) => d.population), ...data.map((d) => d.selection ?? 0));
  const x = scaleLinear().domain([0, top]).nice().range([margin.left, width - margin.right]);
  const h = Math.round(band * 0.34);
  const marks = data.map((d, i): ShareMark => {
    const y0 = margin.top + band * i + (band - 2 * h - 2) / 2;
    const population = { x: x(0), y: y0, width: x(d.population) - x(0), height: h };
    const selection = d.selection === null ? null : { x: x(0), y: y0 + h + 2, width: x(d.selection) - x(0), height: h };
    return {
      datum: d,
      population,
      selection,
      populationText: { x: x(d.population) + 5, y: y0 + h / 2 },
      selectionText: { x: x(d.selection ?? 0) + 5, y: y0 + h + 2 + h / 2 },
    };
  });
  return { width, height, margin, x, marks };
}
