/**
 * The dense form of the path algorithm of tree-shap.ts, laid out in flat arrays so that the
 * AssemblyScript kernel (src/wasm/treeshap.as.ts) computes exactly the same operations in the
 * same order: every path with d players gets a histogram of 2^d background masks and a memo
 * table of 2^d x d contributions (filled when an explained row first has that mask).
 * This TypeScript function is the kernel's twin; the two must agree bit for bit.
 */
import type { TreeEnsemble } from '../model/trees/types.ts';
import { MODE } from '../model/trees/types.ts';
import { decide } from '../model/trees/evaluate.ts';
import type { LeafPaths } from './tree-paths.ts';
import { pathWeight, type TreeShapInput, type TreeShapResult } from './tree-shap-types.ts';

/** Offsets of each path's histogram (2^d entries) and memo table (2^d x d entries). */
export interface DenseLayout {
  histStart: Int32Array;
  tableStart: Int32Array;
  histSize: number;
  tableSize: number;
  /** pathWeight(sx, sb, in) at [(sx * 31 + sb) * 2 + (in ? 0 : 1)] for sx, sb in 0..30. */
  coef: Float64Array;
}

/** Dense tables are used while they stay below this many float64 entries (about 64 MB). */
export const DENSE_LIMIT = 8_000_000;

/**
 * The dense layout of the paths, or null when the tables would be too large.
 *
 * @example denseLayout(paths)!.histSize // 3200 for 50 trees of depth 3
 */
export function denseLayout(paths: LeafPaths): DenseLayout | null {
  const histStart = new Int32Array(paths.count + 1), tableStart = new Int32Array(paths.count + 1);
  let h = 0, t = 0;
  for (let l = 0; l < paths.count; l++) {
    const d = paths.playerStart[l + 1] - paths.playerStart[l];
    histStart[l] = h;
    tableStart[l] = t;
    h += 2 ** d;
    t += 2 ** d * d;
    if (h + t > DENSE_LIMIT) return null;
  }
  histStart[paths.count] = h;
  tableStart[paths.count] = t;
  const coef = new Float64Array(31 * 31 * 2);
  for (let sx = 0; sx <= 30; sx++) {
    for (let sb = 0; sb <= 30; sb++) {
      if (sx > 0) coef[(sx * 31 + sb) * 2] = pathWeight(sx, sb, true);
      if (sb > 0) coef[(sx * 31 + sb) * 2 + 1] = pathWeight(sx, sb, false);
    }
  }
  return { histStart, tableStart, histSize: h, tableSize: t, coef };
}

function popcount(v: number): number {
  let c = 0;
  for (let m = v; m !== 0; m &= m - 1) c++;
  return c;
}

/** Masks of every path for one row (`dec` is scratch space, one byte per node). */
function rowMasks(e: TreeEnsemble, paths: LeafPaths, rows: Float64Array, offset: number, dec: Uint8Array, masks: Int32Array): void {
  for (let n = 0; n < e.mode.length; n++) if (e.mode[n] !== MODE.LEAF) dec[n] = decide(e, n, rows[offset + e.feature[n]]) ? 1 : 0;
  for (let l = 0; l < paths.count; l++) {
    let mask = (1 << (paths.playerStart[l + 1] - paths.playerStart[l])) - 1;
    for (let c = paths.condStart[l]; c < paths.condStart[l + 1]; c++) if (dec[paths.condNode[c]] !== paths.condTrue[c]) mask &= ~(1 << paths.condLocal[c]);
    masks[l] = mask;
  }
}

function fillTable(value: number, d: number, mx: number, hist: Float64Array, h0: number, nb: number, coef: Float64Array, table: Float64Array, t0: number): void {
  const full = (1 << d) - 1, sbSet = full & ~mx, sb = popcount(sbSet);
  for (let mb = 0; mb <= full; mb++) {
    const count = hist[h0 + mb];
    if (count === 0 || (mx | mb) !== full) continue;
    const sxSet = full & ~mb, sx = popcount(sxSet);
    if (sx === 0 && sb === 0) continue;
    const w = (value * count) / nb;
    if (sx > 0) { const a = w * coef[(sx * 31 + sb) * 2]; for (let j = 0; j < d; j++) if (sxSet & (1 << j)) table[t0 + j] += a; }
    if (sb > 0) { const a = w * coef[(sx * 31 + sb) * 2 + 1]; for (let j = 0; j < d; j++) if (sbSet & (1 << j)) table[t0 + j] -= a; }
  }
}

/**
 * Exact interventional tree SHAP with dense tables (the wasm kernel's twin).
 *
 * @example denseTreeShap(input, paths, denseLayout(paths)!).phi
 */
export function denseTreeShap(input: TreeShapInput, paths: LeafPaths, lay: DenseLayout): TreeShapResult {
  const e = input.trees.ensemble, { nf, nPlayers } = input;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const dec = new Uint8Array(e.mode.length), masks = new Int32Array(paths.count);
  const hist = new Float64Array(lay.histSize), table = new Float64Array(lay.tableSize), done = new Uint8Array(lay.histSize);
  let base = 0;
  for (let r = 0; r < nb; r++) {
    rowMasks(e, paths, input.background, r * nf, dec, masks);
    let m = input.trees.offset;
    for (let l = 0; l < paths.count; l++) {
      hist[lay.histStart[l] + masks[l]] += 1;
      if (masks[l] === (1 << (paths.playerStart[l + 1] - paths.playerStart[l])) - 1) m += paths.value[l];
    }
    base += m;
  }
  const phi = new Float64Array(nx * nPlayers), fx = new Float64Array(nx);
  for (let r = 0; r < nx; r++) {
    rowMasks(e, paths, input.x, r * nf, dec, masks);
    let m = input.trees.offset;
    for (let l = 0; l < paths.count; l++) {
      const p0 = paths.playerStart[l], d = paths.playerStart[l + 1] - p0, mx = masks[l];
      if (mx === (1 << d) - 1) m += paths.value[l];
      if (d === 0) continue;
      const t0 = lay.tableStart[l] + mx * d;
      if (!done[lay.histStart[l] + mx]) {
        fillTable(paths.value[l], d, mx, hist, lay.histStart[l], nb, lay.coef, table, t0);
        done[lay.histStart[l] + mx] = 1;
      }
      for (let j = 0; j < d; j++) phi[r * nPlayers + paths.localPlayers[p0 + j]] += table[t0 + j];
    }
    fx[r] = m;
  }
  return { phi, base: base / nb, fx };
}
