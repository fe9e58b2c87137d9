/** Synthetic data for the comparison tests: two group columns, a label, and model A's scores. */
import type { CategoricalColumn } from '../../../src/engine/fairness/types.ts';
import { rng } from '../../../src/engine/random.ts';

export interface Data {
  n: number;
  yTrue: Uint8Array;
  scores: Float64Array;
  size: CategoricalColumn;
  region: CategoricalColumn;
}

/**
 * n rows; `size` has 3 levels and ~2% missing values; `region` 4 levels. Scores depend on the
 * label and the groups, rounded to 1/100 so that ties and rows on the threshold occur.
 */
export function makeData(n: number, seed = 7): Data {
  const r = rng(seed);
  const yTrue = new Uint8Array(n);
  const scores = new Float64Array(n);
  const sizeCodes = new Int32Array(n);
  const regionCodes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    sizeCodes[i] = r.next() < 0.02 ? -1 : r.int(3);
    regionCodes[i] = r.int(4);
    const p = 0.25 + 0.1 * (regionCodes[i] % 3);
    yTrue[i] = r.next() < p ? 1 : 0;
    const s = 0.15 + 0.35 * yTrue[i] + 0.05 * Math.max(0, sizeCodes[i]) + 0.5 * (r.next() - 0.5);
    scores[i] = Math.round(100 * Math.min(1, Math.max(0, s))) / 100;
  }
  return {
    n,
    yTrue,
    scores,
    size: { name: 'size', codes: sizeCodes, levels: ['small', 'medium', 'large'] },
    region: { name: 'region', codes: regionCodes, levels: ['north', 'south', 'east', 'west'] },
  };
}

/** B = A + noise of the given width (clipped to [0, 1], rounded to 1/100). */
export function perturb(scores: Float64Array, width: number, seed = 3): Float64Array {
  const r = rng(seed);
  return scores.map((s) => Math.round(100 * Math.min(1, Math.max(0, s + width * (r.next() - 0.5)))) / 100);
}
