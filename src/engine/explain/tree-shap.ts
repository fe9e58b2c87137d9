/**
 * Exact interventional tree SHAP (Lundberg et al. 2020, "independent" Tree SHAP) for the
 * margin of a tree ensemble, with players that may own several features.
 *
 * For one path (leaf value w, players P) and a pair (x, b): let mx, mb be the players of P
 * whose conditions x, b satisfy. The leaf is reachable iff mx | mb = P; then Sx = P \ mb must
 * be in the coalition and Sb = P \ mx out, and the pair game is w * [Sx in S, Sb out of S],
 * whose Shapley values are w / (|Sx| C(|Sx|+|Sb|, |Sx|)) for each player of Sx and
 * -w / (|Sb| C(|Sx|+|Sb|, |Sb|)) for each player of Sb. Averaged over the background this
 * depends on x only through mx, so each path keeps the background's masks as a histogram and
 * memoises its result per mx (the idea behind Laberge and Pequignot's fast interventional
 * Tree SHAP): the cost is about (paths x conditions) per row instead of per (row, background) pair.
 */
import { throwIfAborted } from '../errors.ts';
import { treeMargin } from '../model/trees/margin.ts';
import { leafPaths, nodeDecisions, pathMasks, type LeafPaths } from './tree-paths.ts';
import { denseLayout, denseTreeShap } from './tree-shap-dense.ts';
import { pathWeight, type TreeShapInput, type TreeShapKernel, type TreeShapResult } from './tree-shap-types.ts';

export { pathWeight, type TreeShapInput, type TreeShapKernel, type TreeShapResult };

function popcount(v: number): number {
  let c = 0;
  for (let m = v; m !== 0; m &= m - 1) c++;
  return c;
}

/** Background masks of each path: distinct masks and how many background rows have each. */
interface Histogram { masks: Int32Array; counts: Float64Array }

function backgroundHistograms(paths: LeafPaths, input: TreeShapInput, nb: number): Histogram[] {
  const e = input.trees.ensemble;
  const dec = new Uint8Array(e.mode.length), masks = new Int32Array(paths.count);
  const maps = Array.from({ length: paths.count }, () => new Map<number, number>());
  for (let r = 0; r < nb; r++) {
    nodeDecisions(e, input.background, r * input.nf, dec);
    pathMasks(paths, dec, masks);
    for (let l = 0; l < paths.count; l++) maps[l].set(masks[l], (maps[l].get(masks[l]) ?? 0) + 1);
  }
  return maps.map((m) => ({ masks: Int32Array.from(m.keys()), counts: Float64Array.from(m.values()) }));
}

/** Mean over the background of one path's Shapley values, per local player, for an x mask. */
function pathContribution(value: number, d: number, mx: number, h: Histogram, nb: number): Float64Array {
  const out = new Float64Array(d);
  const full = (1 << d) - 1;
  const sbSet = full & ~mx, sb = popcount(sbSet);
  for (let i = 0; i < h.masks.length; i++) {
    const mb = h.masks[i];
    if ((mx | mb) !== full) continue;
    const sxSet = full & ~mb, sx = popcount(sxSet);
    if (sx === 0 && sb === 0) continue;
    const w = (value * h.counts[i]) / nb;
    if (sx > 0) { const a = w * pathWeight(sx, sb, true); for (let j = 0; j < d; j++) if (sxSet & (1 << j)) out[j] += a; }
    if (sb > 0) { const a = w * pathWeight(sx, sb, false); for (let j = 0; j < d; j++) if (sbSet & (1 << j)) out[j] -= a; }
  }
  return out;
}

/**
 * Exact interventional SHAP values of the trees' margin for every explained row: with dense
 * tables (on `kernel` if given, else in TypeScript) when they fit, else with sparse ones.
 * Returns null when a path has more than 30 distinct players (use treeShapPairs then).
 *
 * @example treeShap(input)!.phi[0] // value of player 0 for the first row
 */
export function treeShap(input: TreeShapInput, opts: { signal?: AbortSignal; kernel?: TreeShapKernel; dense?: boolean } = {}): (TreeShapResult & { kernel: string }) | null {
  const { signal, kernel } = opts;
  const paths = leafPaths(input.trees, input.featurePlayer);
  if (paths.maxPlayers > 30) return null;
  throwIfAborted(signal);
  const lay = opts.dense === false ? null : denseLayout(paths);
  if (lay) return kernel ? { ...kernel.run(input, paths, lay), kernel: kernel.name } : { ...denseTreeShap(input, paths, lay), kernel: 'ts' };
  return { ...sparseTreeShap(input, paths, signal), kernel: 'ts-sparse' };
}

function sparseTreeShap(input: TreeShapInput, paths: LeafPaths, signal?: AbortSignal): TreeShapResult {
  const { trees, nf, nPlayers } = input;
  const nx = input.x.length / nf, nb = input.background.length / nf;
  const hist = backgroundHistograms(paths, input, nb);
  const memo = Array.from({ length: paths.count }, () => new Map<number, Float64Array>());
  const e = trees.ensemble;
  const dec = new Uint8Array(e.mode.length), masks = new Int32Array(paths.count);
  const phi = new Float64Array(nx * nPlayers), fx = new Float64Array(nx);
  for (let r = 0; r < nx; r++) {
    if ((r & 63) === 0) throwIfAborted(signal);
    nodeDecisions(e, input.x, r * nf, dec);
    pathMasks(paths, dec, masks);
    for (let l = 0; l < paths.count; l++) {
      const p0 = paths.playerStart[l], d = paths.playerStart[l + 1] - p0;
      if (d === 0) continue;
      let c = memo[l].get(masks[l]);
      if (!c) { c = pathContribution(paths.value[l], d, masks[l], hist[l], nb); memo[l].set(masks[l], c); }
      for (let j = 0; j < d; j++) phi[r * nPlayers + paths.localPlayers[p0 + j]] += c[j];
    }
    fx[r] = treeMargin(trees, input.x, r * nf);
  }
  let base = 0;
  for (let r = 0; r < nb; r++) base += treeMargin(trees, input.background, r * nf);
  return { phi, base: base / nb, fx };
}
