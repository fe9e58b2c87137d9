/**
 * The fairness engine at scale: `rows` synthetic rows (float32-rounded scores, so with ties as
 * real model output has; the same data as bench/fairness.ts), one attribute with 12 groups,
 * every classification metric per group and overall, Wilson intervals for the rates, 1000
 * seeded bootstrap replicates for every disparity, AUC with the intervals 'auto' picks (DeLong
 * at this size); once with the TypeScript kernels and once with the wasm kernels.
 * Anchor: fairlearn's MetricFrame takes 7.4 s for 1M rows, 12 groups, 7 metrics, no intervals.
 */
import { classificationFairness, type ClassificationResult } from '../../src/engine/fairness/classification.ts';
import type { CategoricalColumn } from '../../src/engine/fairness/types.ts';
import { rng } from '../../src/engine/random.ts';
import { loadFairnessKernels } from '../../src/wasm/fairness-kernels.ts';
import type { BenchContext, BenchParams, Prepared, Workload } from './types.ts';

/** The synthetic scores, labels and 12-group attribute (same draws as bench/fairness.ts). */
function data(n: number, groups: number): { scores: Float64Array; yTrue: Uint8Array; region: CategoricalColumn } {
  const r = rng(42);
  const scores = new Float64Array(n);
  const yTrue = new Uint8Array(n);
  const codes = new Int32Array(n);
  const codes2 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = r.int(groups);
    codes2[i] = r.int(3);
    const p = 0.2 + 0.05 * (codes[i] % 5);
    yTrue[i] = r.next() < p ? 1 : 0;
    scores[i] = Math.fround(Math.min(1, Math.max(0, p + 0.3 * (yTrue[i] - p) + 0.8 * (r.next() - 0.5))));
  }
  return { scores, yTrue, region: { name: 'region', codes, levels: Array.from({ length: groups }, (_, j) => `g${j}`) } };
}

async function prepare(_ctx: BenchContext, params: BenchParams): Promise<Prepared> {
  const d = data(params.rows, 12);
  const wasm = await loadFairnessKernels();
  const input = { task: 'classification' as const, scores: d.scores, yTrue: d.yTrue, groups: [d.region] };
  const options = { bootstrap: { samples: 1000, seed: 1 } };
  const last: Record<string, ClassificationResult> = {};
  return {
    info: { rows: params.rows, groups: 12, bootstrap: 1000 },
    steps: {
      ts: async () => { last.ts = classificationFairness(input, options); },
      wasm: async () => { last.wasm = classificationFairness(input, options, { kernels: wasm }); },
    },
    finish: async () => {
      const a = last.ts.attributes[0], b = last.wasm.attributes[0];
      return {
        aucIntervals: last.ts.intervals.auc,
        disparityIntervals: last.ts.intervals.disparities,
        kernelsUsed: `${last.ts.intervals.kernels}/${last.wasm.intervals.kernels}`,
        sameResultsTsAndWasm: JSON.stringify([a.groups, a.disparities]) === JSON.stringify([b.groups, b.disparities]),
        demographicParityDifference: `${a.disparities.values.demographic_parity_difference?.toFixed(4)} [${a.disparities.ci.demographic_parity_difference?.map((x) => x.toFixed(4)).join(', ')}]`,
      };
    },
  };
}

export const fairnessWorkload: Workload = {
  id: 'fairness',
  title: 'fairness: 12 groups, all metrics, Wilson + 1000 bootstrap',
  rounds: (p) => (p.quick ? 3 : 5),
  prepare,
};
