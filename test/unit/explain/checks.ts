/** Test helper: properties every explanation must have. */
import type { Explanation } from '../../../src/engine/explain/types.ts';

/** Largest |base + sum(values) - prediction| over the explained rows. */
export function efficiencyError(e: Explanation): number {
  const n = e.players.length;
  let worst = 0;
  for (let r = 0; r < e.rows.length; r++) {
    let s = e.baseValue;
    for (let p = 0; p < n; p++) s += e.values[r * n + p];
    worst = Math.max(worst, Math.abs(s - e.predictions[r]));
  }
  return worst;
}
