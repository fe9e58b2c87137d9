/**
 * The comparison as JSON (issue 12's contract for `einblick compare`):
 *   {"a": <fairness JSON>, "b": <fairness JSON>,
 *    "changes": {"n", "changed", "to_positive", "to_negative",
 *      "attributes": [{"name", "groups": [{"value", "n", "changed", "to_positive", "to_negative"}]}]},
 *    "differences": [{"attribute", "group", "metric", "a", "b", "difference", "ci": [lo, hi]}]}
 * plus: task, n, rules (each side's threshold, precision, direction), changes.rows and
 * rows_truncated, each difference's unit and undefined_replicates, verdicts, intervals.
 */
import { fairnessToJson } from '../fairness/json.ts';
import type { LabelMeta } from '../fairness/json.ts';
import type { ComparisonResult } from './types.ts';

/**
 * The JSON object of a comparison (pass it to JSON.stringify); `meta` as for fairnessToJson.
 *
 * @example comparisonToJson(r, { label: { column: 'y', positive: '1' }, favourable: '1' }).changes.to_positive // 150
 */
export function comparisonToJson(r: ComparisonResult, meta: LabelMeta): Record<string, unknown> & { changes: ComparisonResult['changes']; differences: ComparisonResult['differences'] } {
  return {
    task: r.task,
    n: r.n,
    rules: r.rules,
    a: fairnessToJson(r.a, meta),
    b: fairnessToJson(r.b, meta),
    changes: r.changes,
    differences: r.differences,
    verdicts: r.verdicts,
    intervals: r.intervals,
    warnings: r.warnings,
  };
}
