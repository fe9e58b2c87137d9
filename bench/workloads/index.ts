/**
 * The workloads run in both hosts, in the order they run, and the sizes of a full or quick run.
 */
import { dataLoadWorkload } from './data-load.ts';
import { fairnessWorkload } from './fairness.ts';
import { predictWorkload } from './predict.ts';
import { samplingWorkload } from './sampling.ts';
import { treeShapWorkload } from './treeshap.ts';
import type { BenchParams, Workload } from './types.ts';

export const WORKLOADS: readonly Workload[] = [predictWorkload, treeShapWorkload, samplingWorkload, fairnessWorkload, dataLoadWorkload];

/**
 * The workload with this id; throws with the list of ids otherwise.
 *
 * @example workload('treeshap').title // 'tree SHAP: german_credit_gbm, 1000 rows x 100 background'
 */
export function workload(id: string): Workload {
  const w = WORKLOADS.find((x) => x.id === id);
  if (!w) throw new Error(`invalid workload: ${id}; expected one of ${WORKLOADS.map((x) => x.id).join(', ')}`);
  return w;
}

/**
 * Sizes of a run: 1,000,000 rows, or 100,000 with quick.
 *
 * @example benchParams(true).rows // 100000
 */
export function benchParams(quick: boolean): BenchParams {
  return { quick, rows: quick ? 100_000 : 1_000_000 };
}
