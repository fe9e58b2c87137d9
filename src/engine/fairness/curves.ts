/**
 * Metric curves per group over every distinct threshold, from one walk down the global score
 * order (sorted once for all groups: O(n log n) in total, O(n) per partition).
 *
 * Point i of a group's curve is the threshold t = thresholds[i] with y_pred = score >= t;
 * point 0 is t = +Infinity (nothing selected), then each distinct score of the group, highest
 * first, so the last point selects the whole group. Rates are exact fractions of the counts;
 * tpr (fpr) is null for a group without positives (negatives). ROC points are (fpr[i], tpr[i]).
 */
import type { GroupIndex } from './groups.ts';
import type { ScoreOrder } from './order.ts';

export interface GroupCurve {
  value: string;
  n: number;
  n_positive: number;
  n_negative: number;
  thresholds: Float64Array;
  /** Rows selected (score >= threshold) and true positives among them, at each point. */
  selected: Float64Array;
  tp: Float64Array;
  selection_rate: Float64Array;
  tpr: Float64Array | null;
  fpr: Float64Array | null;
}

/**
 * Curves of every group of a partition.
 *
 * @example groupCurves(scoreOrder(scores), yTrue, sexGroups)[0].tpr // Float64Array [0, ..., 1]
 */
export function groupCurves(so: ScoreOrder, yTrue: Uint8Array, p: GroupIndex): GroupCurve[] {
  const G = p.values.length;
  const points = new Int32Array(G).fill(1);
  const seen = new Int32Array(G).fill(-1);
  walk(so, p.ids, seen, (g) => points[g]++);
  const th = p.values.map((_, g) => new Float64Array(points[g]).fill(Infinity, 0, 1));
  const sel = p.values.map((_, g) => new Float64Array(points[g]));
  const tps = p.values.map((_, g) => new Float64Array(points[g]));
  const at = new Int32Array(G);
  seen.fill(-1);
  const { order, runs, distinct } = so;
  for (let r = 0; r + 1 < runs.length; r++) {
    for (let j = runs[r]; j < runs[r + 1]; j++) {
      const i = order[j];
      const g = p.ids[i];
      if (seen[g] !== r) {
        seen[g] = r;
        const k = ++at[g];
        th[g][k] = distinct[r];
        sel[g][k] = sel[g][k - 1];
        tps[g][k] = tps[g][k - 1];
      }
      sel[g][at[g]]++;
      tps[g][at[g]] += yTrue[i];
    }
  }
  return p.values.map((value, g) => curveOf(value, th[g], sel[g], tps[g]));
}

/** Calls f(g) once per (distinct score, group) pair that occurs. */
function walk(so: ScoreOrder, ids: Int32Array, seen: Int32Array, f: (g: number) => void): void {
  for (let r = 0; r + 1 < so.runs.length; r++) {
    for (let j = so.runs[r]; j < so.runs[r + 1]; j++) {
      const g = ids[so.order[j]];
      if (seen[g] !== r) {
        seen[g] = r;
        f(g);
      }
    }
  }
}

function curveOf(value: string, thresholds: Float64Array, selected: Float64Array, tp: Float64Array): GroupCurve {
  const last = selected.length - 1;
  const n = selected[last];
  const P = tp[last];
  const N = n - P;
  return {
    value,
    n,
    n_positive: P,
    n_negative: N,
    thresholds,
    selected,
    tp,
    selection_rate: selected.map((s) => s / n),
    tpr: P > 0 ? tp.map((t) => t / P) : null,
    fpr: N > 0 ? selected.map((s, i) => (s - tp[i]) / N) : null,
  };
}

/**
 * Index of the curve point for a single threshold t (the number of the group's distinct
 * scores that are >= t).
 *
 * @example pointAt(curve, 0.5) // e.g. 37: curve.selected[37] rows have score >= 0.5
 */
export function pointAt(c: GroupCurve, t: number): number {
  let a = 1;
  let b = c.thresholds.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (c.thresholds[mid] >= t) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/**
 * Accuracy of a group at curve point i: (tp + tn) / n.
 *
 * @example accuracyAt(curve, pointAt(curve, 0.5)) // the group's accuracy at threshold 0.5
 */
export function accuracyAt(c: GroupCurve, i: number): number {
  const tn = c.n_negative - (c.selected[i] - c.tp[i]);
  return (c.tp[i] + tn) / c.n;
}
