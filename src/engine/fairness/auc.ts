/**
 * ROC AUC per group from the global score order, in one O(n) walk per partition.
 *
 * AUC = P(score of a random positive > score of a random negative) + 1/2 P(tie), the
 * Mann-Whitney statistic U / (P·N); equal to scikit-learn's roc_auc_score (trapezoidal rule).
 * Undefined (NaN) when a group has no positives or no negatives.
 *
 * The same walk gives DeLong's variance (DeLong, DeLong & Clarke-Pearson 1988): with the
 * placement values V10(i) = P(neg < s_i) + 1/2 P(neg = s_i) for each positive i and
 * V01(j) = P(pos > s_j) + 1/2 P(pos = s_j) for each negative j,
 * Var(AUC) = s²(V10) / P + s²(V01) / N (sample variances, defined when P >= 2 and N >= 2).
 *
 * With `keepCells`, each group's (positives, negatives) counts per distinct score, highest
 * score first, are kept for the AUC bootstrap.
 */
import type { ScoreOrder } from './order.ts';

export interface AucResult {
  auc: Float64Array;
  /** DeLong variance per group, NaN when undefined. */
  variance: Float64Array;
  /** Per group: [pos_0, neg_0, pos_1, neg_1, ...] per distinct score, descending (only with keepCells). */
  cells: Float64Array[] | null;
}

/**
 * AUC and DeLong variance of every group.
 *
 * @example groupAuc(scoreOrder(Float64Array.of(0.9, 0.1, 0.5)), Uint8Array.of(1, 0, 0), Int32Array.of(0, 0, 0), 1, false).auc
 *   // Float64Array [1]
 */
export function groupAuc(so: ScoreOrder, yTrue: Uint8Array, ids: Int32Array, G: number, keepCells: boolean): AucResult {
  const P = new Float64Array(G);
  const N = new Float64Array(G);
  for (let i = 0; i < yTrue.length; i++) (yTrue[i] ? P : N)[ids[i]]++;
  const runPos = new Float64Array(G);
  const runNeg = new Float64Array(G);
  const posAbove = new Float64Array(G);
  const negAbove = new Float64Array(G);
  const u = new Float64Array(G);
  const s10 = new Float64Array(G);
  const ss10 = new Float64Array(G);
  const s01 = new Float64Array(G);
  const ss01 = new Float64Array(G);
  const cellLists: number[][] | null = keepCells ? Array.from({ length: G }, () => []) : null;
  const touched = new Int32Array(G);
  const { order, runs } = so;
  for (let r = 0; r + 1 < runs.length; r++) {
    let nt = 0;
    for (let j = runs[r]; j < runs[r + 1]; j++) {
      const i = order[j];
      const g = ids[i];
      if (runPos[g] === 0 && runNeg[g] === 0) touched[nt++] = g;
      if (yTrue[i]) runPos[g]++;
      else runNeg[g]++;
    }
    for (let t = 0; t < nt; t++) {
      const g = touched[t];
      const p = runPos[g];
      const q = runNeg[g];
      u[g] += q * (posAbove[g] + 0.5 * p);
      if (p > 0 && N[g] > 0) {
        const v = (N[g] - negAbove[g] - 0.5 * q) / N[g];
        s10[g] += p * v;
        ss10[g] += p * v * v;
      }
      if (q > 0 && P[g] > 0) {
        const w = (posAbove[g] + 0.5 * p) / P[g];
        s01[g] += q * w;
        ss01[g] += q * w * w;
      }
      if (cellLists) cellLists[g].push(p, q);
      posAbove[g] += p;
      negAbove[g] += q;
      runPos[g] = 0;
      runNeg[g] = 0;
    }
  }
  const { auc, variance } = finish(P, N, u, s10, ss10, s01, ss01);
  return { auc, variance, cells: cellLists && cellLists.map((l) => Float64Array.from(l)) };
}

/** AUC = U / (P·N) and DeLong's variance from the sums of the placement values. */
function finish(P: Float64Array, N: Float64Array, u: Float64Array, s10: Float64Array, ss10: Float64Array, s01: Float64Array, ss01: Float64Array) {
  const G = P.length;
  const auc = new Float64Array(G);
  const variance = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    auc[g] = P[g] > 0 && N[g] > 0 ? u[g] / (P[g] * N[g]) : NaN;
    const var10 = Math.max(0, ss10[g] - (s10[g] * s10[g]) / P[g]) / (P[g] - 1);
    const var01 = Math.max(0, ss01[g] - (s01[g] * s01[g]) / N[g]) / (N[g] - 1);
    variance[g] = P[g] >= 2 && N[g] >= 2 ? var10 / P[g] + var01 / N[g] : NaN;
  }
  return { auc, variance };
}

/**
 * AUC from cell counts ([pos, neg] per distinct score, descending); NaN without both classes.
 *
 * @example aucFromCells(Float64Array.of(1, 0, 1, 1, 0, 1)) // 0.875 (3.5 of 4 positive-negative pairs ordered correctly)
 */
export function aucFromCells(cells: ArrayLike<number>): number {
  let posAbove = 0;
  let negTotal = 0;
  let u = 0;
  for (let k = 0; k < cells.length; k += 2) {
    const p = cells[k];
    const q = cells[k + 1];
    u += q * (posAbove + 0.5 * p);
    posAbove += p;
    negTotal += q;
  }
  return posAbove > 0 && negTotal > 0 ? u / (posAbove * negTotal) : NaN;
}
