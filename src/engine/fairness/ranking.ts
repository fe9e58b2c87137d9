/**
 * Ranking metrics: rows ordered by score, highest first, ties by row index; the top k are
 * "selected". k is a count, or round(fraction · n) (Math.round: halves round up).
 *
 * Overall: precision@k = selected positives / k, recall@k = selected positives / positives.
 * Per group: n, population_share = n_g / n, selection_share = selected_g / k (share of the
 * selected who belong to the group), selection_rate = selected_g / n_g, precision_at_k =
 * selected positives_g / selected_g, recall_at_k = selected positives_g / positives_g,
 * base_rate = positives_g / n_g. Null when the denominator is 0 or when there is no outcome.
 */
import { EinblickError } from '../errors.ts';
import type { GroupIndex } from './groups.ts';
import type { ScoreOrder } from './order.ts';
import type { TopK } from './types.ts';

export interface RankingGroup {
  value: string;
  n: number;
  selected: number;
  population_share: number;
  selection_share: number | null;
  selection_rate: number;
  precision_at_k: number | null;
  recall_at_k: number | null;
  base_rate: number | null;
}

export interface RankingResult {
  k: number;
  fraction: number | null;
  precision: number | null;
  recall: number | null;
  attributes: { name: string; groups: RankingGroup[] }[];
}

const div = (x: number, d: number): number | null => (d > 0 ? x / d : null);

/**
 * The k of a top-k cut for n rows.
 *
 * @example resolveK({ fraction: 0.1 }, 1000) // 100
 */
export function resolveK(t: TopK, n: number): number {
  const k = 'k' in t ? t.k : Math.round(t.fraction * n);
  if (k > n) {
    throw new EinblickError('INVALID_OPTION', `invalid topK.k: ${k}; expected at most ${n}, the number of rows`, 'Choose k no larger than the number of rows.', { option: 'topK' });
  }
  if (k < 1 && 'fraction' in t && t.fraction > 0) {
    throw new EinblickError('INVALID_OPTION', `invalid topK: ${100 * t.fraction}% of ${n} rows rounds to 0 rows`, 'Choose a larger share, or a count of rows.', { option: 'topK' });
  }
  return k;
}

/** Running counts of the walk down the ranking. */
interface Walk {
  n: number;
  y: Uint8Array | null;
  totalPos: number;
  selPos: number;
  parts: GroupIndex[];
  /** Per partition and group: selected rows, selected positives, all positives. */
  sel: Float64Array[];
  selP: Float64Array[];
  pos: Float64Array[];
}

function snapshot(k: number, t: TopK, w: Walk): RankingResult {
  const { n, y, totalPos, selPos, parts, sel, selP, pos } = w;
  return {
    k,
    fraction: 'fraction' in t ? t.fraction : null,
    precision: y ? div(selPos, k) : null,
    recall: y ? div(selPos, totalPos) : null,
    attributes: parts.map((p, a) => ({
      name: p.name,
      groups: p.values.map((value, g) => ({
        value,
        n: p.sizes[g],
        selected: sel[a][g],
        population_share: p.sizes[g] / n,
        selection_share: div(sel[a][g], k),
        selection_rate: sel[a][g] / p.sizes[g],
        precision_at_k: y ? div(selP[a][g], sel[a][g]) : null,
        recall_at_k: y ? div(selP[a][g], pos[a][g]) : null,
        base_rate: y ? pos[a][g] / p.sizes[g] : null,
      })),
    })),
  };
}

/**
 * Precision and recall at each k, and who is selected, per group of each partition.
 *
 * @example rankingMetrics(scoreOrder(scores), yTrue, [sexGroups], [{ fraction: 0.1 }])[0].precision // hit rate in the top 10%
 */
export function rankingMetrics(so: ScoreOrder, yTrue: Uint8Array | null, partitions: GroupIndex[], topK: TopK[]): RankingResult[] {
  const n = so.order.length;
  const ks = topK.map((t) => resolveK(t, n));
  const byK = ks.map((k, i) => ({ k, i })).sort((a, b) => a.k - b.k);
  const zeros = (): Float64Array[] => partitions.map((p) => new Float64Array(p.values.length));
  const w: Walk = { n, y: yTrue, totalPos: 0, selPos: 0, parts: partitions, sel: zeros(), selP: zeros(), pos: zeros() };
  if (yTrue) {
    for (let i = 0; i < n; i++) w.totalPos += yTrue[i];
    partitions.forEach((p, a) => {
      for (let i = 0; i < n; i++) w.pos[a][p.ids[i]] += yTrue[i];
    });
  }
  const out: RankingResult[] = new Array(ks.length);
  let next = 0;
  for (let j = 0; j <= n && next < byK.length; j++) {
    while (next < byK.length && byK[next].k === j) {
      const { k, i } = byK[next++];
      out[i] = snapshot(k, topK[i], w);
    }
    if (j === n) break;
    const row = so.order[j];
    const y = yTrue ? yTrue[row] : 0;
    w.selPos += y;
    for (let a = 0; a < partitions.length; a++) {
      const g = partitions[a].ids[row];
      w.sel[a][g]++;
      w.selP[a][g] += y;
    }
  }
  return out;
}
