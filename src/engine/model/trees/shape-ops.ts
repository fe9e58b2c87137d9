/**
 * Shape operators on traced tensors. A traced tensor is [N, ...rowShape] with one traced entry
 * per element of a row (row-major), so Identity, Reshape, Flatten, Squeeze and Unsqueeze keep
 * the entries and only change rowShape, while Concat, Gather, Slice and ArrayFeatureExtractor
 * pick and order entries. Anything touching the batch axis is refused.
 */
import { rowSize } from './graph.ts';

export interface Cols<T> {
  rowShape: number[];
  cols: T[];
}

export type ShapeResult<T> = Cols<T> | string;

/** Normalises an axis of the full tensor [N, ...rowShape] to an index into rowShape. */
export function rowAxis(axis: number, rank: number): number | string {
  const a = axis < 0 ? axis + rank + 1 : axis;
  if (a === 0) return 'it works along the batch axis';
  if (a < 0 || a > rank) return `axis ${axis} is out of range`;
  return a - 1;
}

/**
 * Concatenation along an axis.
 *
 * @example concatCols([{ rowShape: [2], cols: ['a', 'b'] }, { rowShape: [1], cols: ['c'] }], 1) // { rowShape: [3], cols: ['a', 'b', 'c'] }
 */
export function concatCols<T>(parts: Cols<T>[], axis: number): ShapeResult<T> {
  const rank = parts[0].rowShape.length;
  const r = rowAxis(axis, rank);
  if (typeof r === 'string') return r;
  for (const p of parts) {
    if (p.rowShape.length !== rank) return 'its inputs have different ranks';
    for (let d = 0; d < rank; d++) if (d !== r && p.rowShape[d] !== parts[0].rowShape[d]) return 'its inputs have different shapes';
  }
  const outer = rowSize(parts[0].rowShape.slice(0, r));
  const cols: T[] = [];
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const block = rowSize(p.rowShape.slice(r));
      cols.push(...p.cols.slice(o * block, (o + 1) * block));
    }
  }
  const rowShape = parts[0].rowShape.slice();
  rowShape[r] = parts.reduce((s, p) => s + p.rowShape[r], 0);
  return { rowShape, cols };
}

/**
 * Picks entries along one axis (Gather with constant indices, Slice, ArrayFeatureExtractor).
 * `keepDim` false drops the axis (Gather with a scalar index).
 *
 * @example selectCols({ rowShape: [3], cols: ['a', 'b', 'c'] }, 0, [2, 0], true) // { rowShape: [2], cols: ['c', 'a'] }
 */
export function selectCols<T>(t: Cols<T>, r: number, indices: number[], keepDim: boolean): ShapeResult<T> {
  const dim = t.rowShape[r];
  const idx = indices.map((i) => (i < 0 ? i + dim : i));
  if (idx.some((i) => !(i >= 0 && i < dim))) return `an index is outside 0..${dim - 1}`;
  const outer = rowSize(t.rowShape.slice(0, r)), inner = rowSize(t.rowShape.slice(r + 1));
  const cols: T[] = [];
  for (let o = 0; o < outer; o++) {
    for (const i of idx) cols.push(...t.cols.slice((o * dim + i) * inner, (o * dim + i + 1) * inner));
  }
  const rowShape = t.rowShape.slice();
  if (keepDim) rowShape[r] = idx.length;
  else rowShape.splice(r, 1);
  return { rowShape, cols };
}

/**
 * The row shape after Reshape with a constant target shape, whose first entry must keep the
 * batch (-1 with the rest known, or 0).
 *
 * @example reshapeRow([1, 46], [-1, 46]) // [46]
 */
export function reshapeRow(rowShape: number[], target: number[]): number[] | string {
  const size = rowSize(rowShape);
  const full = [NaN, ...rowShape];
  const rest = target.slice(1).map((d, i) => (d === 0 ? full[i + 1] : d));
  if (rest.some((d) => Number.isNaN(d))) return 'it copies a dimension that does not exist';
  const first = target[0];
  if (first !== -1 && first !== 0) return 'it fixes the batch size';
  const unknown = rest.filter((d) => d === -1).length;
  if (first === -1 && unknown > 0) return 'it leaves two dimensions open';
  if (unknown > 1) return 'it leaves two dimensions open';
  const known = rest.filter((d) => d !== -1).reduce((p, d) => p * d, 1);
  const out = unknown ? rest.map((d) => (d === -1 ? size / known : d)) : rest;
  if (rowSize(out) !== size || out.some((d) => !Number.isInteger(d))) return `it does not keep the ${size} values of a row together`;
  return out;
}

/** Row shape after Squeeze (axes of the full tensor; none = all size-1 row axes). */
export function squeezeRow(rowShape: number[], axes: number[] | null): number[] | string {
  if (axes === null) return rowShape.filter((d) => d !== 1);
  const rs: number[] = [];
  for (const a of axes) {
    const r = rowAxis(a, rowShape.length);
    if (typeof r === 'string') return r;
    if (rowShape[r] !== 1) return `axis ${a} has size ${rowShape[r]}, not 1`;
    rs.push(r);
  }
  return rowShape.filter((_, i) => !rs.includes(i));
}

/** Row shape after Unsqueeze (axes of the output tensor). */
export function unsqueezeRow(rowShape: number[], axes: number[]): number[] | string {
  const rank = rowShape.length + 1 + axes.length;
  const norm = axes.map((a) => (a < 0 ? a + rank : a)).sort((x, y) => x - y);
  if (norm.some((a) => a === 0)) return 'it adds an axis before the batch axis';
  const out = rowShape.slice();
  for (const a of norm) out.splice(a - 1, 0, 1);
  return out;
}
