/**
 * The model check: how good the model's scores are on these data, overall. Classification:
 * accuracy at the threshold, ROC AUC, Brier score, and calibration (mean predicted probability
 * against the observed share of positives, in bins of equal width, each share with its Wilson
 * interval). Regression: MAE, RMSE, R², mean error. Anomaly: share flagged.
 *
 * @example modelCheck(p, outcome) // { task: 'classification', n: 1000, accuracy: 0.815, auc: 0.91, brier: 0.14, calibration: [...] }
 */
import { decisionThreshold, type ScorePrecision } from '../precision.ts';
import { rankedScores } from '../fairness/direction.ts';
import type { Predictions } from '../model/types.ts';
import { wilson } from '../fairness/wilson.ts';
import { zForLevel } from '../fairness/normal.ts';

const Z95 = zForLevel(0.95);

export interface CalibrationBin {
  /** Score range [lo, hi) (the last bin includes 1). */
  lo: number;
  hi: number;
  n: number;
  /** Mean predicted probability of the rows in the bin; null when empty. */
  mean_score: number | null;
  /** Observed share of positives; null when empty. */
  observed: number | null;
  observed_ci: [number, number] | null;
}

export interface ClassificationCheck {
  task: 'classification';
  n: number;
  threshold: number;
  base_rate: number;
  accuracy: number;
  /** Null when only one class occurs. */
  auc: number | null;
  /** Null when the scores are not probabilities (a score column in its own units). */
  brier: number | null;
  /** Expected calibration error: mean |observed - predicted| over bins, weighted by their size; null without probabilities. */
  ece: number | null;
  /** Empty when the scores are not probabilities. */
  calibration: CalibrationBin[];
}

/** How scores become decisions in the check: the threshold, its precision, the positive end, whether they are probabilities. */
export interface CheckScale {
  threshold?: number;
  bins?: number;
  precision?: ScorePrecision;
  /** 'lower': positive when score <= threshold (a risk rank); AUC is then taken with low scores as positive. */
  direction?: 'higher' | 'lower';
  /** false for scores in their own units: no Brier score, no calibration. Default true. */
  probability?: boolean;
}

export interface RegressionCheck {
  task: 'regression';
  n: number;
  mean_prediction: number;
  mean_target: number;
  mean_error: number;
  mae: number;
  rmse: number;
  /** Null when the targets do not vary. */
  r2: number | null;
}

export interface AnomalyCheck {
  task: 'anomaly';
  n: number;
  share_flagged: number | null;
  mean_score: number;
}

export type ModelCheck = ClassificationCheck | RegressionCheck | AnomalyCheck;

/**
 * Overall quality of the scores against a binary outcome (1, 0, or -1 = unknown, left out).
 *
 * @example classificationCheck(new Float64Array([0.9, 0.2]), Int8Array.from([1, 0]), { threshold: 0.5 }).accuracy // 1
 */
export function classificationCheck(scores: Float64Array, y: Int8Array, scale: CheckScale = {}): ClassificationCheck {
  const { threshold = 0.5, bins = 10, precision = 'float64', direction = 'higher', probability = true } = scale;
  if (!probability || direction === 'lower') return scoreCheck(scores, y, threshold, precision, direction);
  const cut = decisionThreshold(threshold, precision);
  let n = 0, pos = 0, correct = 0, brier = 0;
  const cal = Array.from({ length: bins }, () => ({ n: 0, pos: 0, sum: 0 }));
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (y[i] < 0 || Number.isNaN(s)) continue;
    n++;
    pos += y[i];
    if ((s >= cut ? 1 : 0) === y[i]) correct++;
    brier += (s - y[i]) ** 2;
    const b = cal[Math.min(bins - 1, Math.max(0, Math.floor(s * bins)))];
    b.n++;
    b.pos += y[i];
    b.sum += s;
  }
  const calibration: CalibrationBin[] = cal.map((b, k) => ({
    lo: k / bins,
    hi: (k + 1) / bins,
    n: b.n,
    mean_score: b.n ? b.sum / b.n : null,
    observed: b.n ? b.pos / b.n : null,
    observed_ci: b.n ? wilson(b.pos, b.n, Z95) : null,
  }));
  const ece = n ? cal.reduce((s, b) => s + (b.n ? Math.abs(b.pos / b.n - b.sum / b.n) * b.n : 0), 0) / n : 0;
  return { task: 'classification', n, threshold, base_rate: n ? pos / n : 0, accuracy: n ? correct / n : 0, auc: rocAuc(scores, y), brier: n ? brier / n : 0, ece, calibration };
}

/** Accuracy and AUC of scores in their own units (no Brier score or calibration: they are not probabilities). */
function scoreCheck(scores: Float64Array, y: Int8Array, threshold: number, precision: ScorePrecision, direction: 'higher' | 'lower'): ClassificationCheck {
  const { ranked, cut } = rankedScores({ scores, precision, direction }, threshold);
  let n = 0, pos = 0, correct = 0;
  for (let i = 0; i < ranked.length; i++) {
    if (y[i] < 0 || Number.isNaN(ranked[i])) continue;
    n++;
    pos += y[i];
    if ((ranked[i] >= cut ? 1 : 0) === y[i]) correct++;
  }
  return { task: 'classification', n, threshold, base_rate: n ? pos / n : 0, accuracy: n ? correct / n : 0, auc: rocAuc(ranked, y), brier: null, ece: null, calibration: [] };
}

/** Mann-Whitney AUC with ties counted 1/2 (rows with y = -1 or a NaN score left out). */
export function rocAuc(scores: Float64Array, y: Int8Array): number | null {
  const idx: number[] = [];
  for (let i = 0; i < scores.length; i++) if (y[i] >= 0 && !Number.isNaN(scores[i])) idx.push(i);
  idx.sort((a, b) => scores[a] - scores[b]);
  let nPos = 0, rankSum = 0;
  for (let k = 0; k < idx.length; ) {
    let m = k;
    while (m < idx.length && scores[idx[m]] === scores[idx[k]]) m++;
    const rank = (k + 1 + m) / 2; // mean rank of the tie block, 1-based
    for (let j = k; j < m; j++) if (y[idx[j]] === 1) { nPos++; rankSum += rank; }
    k = m;
  }
  const nNeg = idx.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Regression quality against numeric targets (NaN targets left out). */
export function regressionCheck(pred: Float64Array, target: Float64Array): RegressionCheck {
  let n = 0, sp = 0, st = 0, se = 0, sae = 0, sse = 0;
  for (let i = 0; i < pred.length; i++) {
    if (Number.isNaN(target[i]) || Number.isNaN(pred[i])) continue;
    const e = pred[i] - target[i];
    n++; sp += pred[i]; st += target[i]; se += e; sae += Math.abs(e); sse += e * e;
  }
  const meanT = n ? st / n : 0;
  let sst = 0;
  for (let i = 0; i < pred.length; i++) if (!Number.isNaN(target[i]) && !Number.isNaN(pred[i])) sst += (target[i] - meanT) ** 2;
  return { task: 'regression', n, mean_prediction: n ? sp / n : 0, mean_target: meanT, mean_error: n ? se / n : 0, mae: n ? sae / n : 0, rmse: n ? Math.sqrt(sse / n) : 0, r2: sst > 0 ? 1 - sse / sst : null };
}

/** Anomaly model: share of rows its own label flags (-1), and the mean score. */
export function anomalyCheck(p: Predictions): AnomalyCheck {
  const n = p.scores.length;
  const flagged = p.labels ? p.labels.filter((l) => Number(l) === -1).length : null;
  let sum = 0;
  for (const s of p.scores) sum += s;
  return { task: 'anomaly', n, share_flagged: flagged === null || n === 0 ? null : flagged / n, mean_score: n ? sum / n : 0 };
}
