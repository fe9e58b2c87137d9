/**
 * Decisions that change between A and B: overall, per group of every attribute and
 * intersection (from the joint counts), and the first changed rows.
 */
import type { GroupIndex } from '../fairness/groups.ts';
import type { AttributeChanges, ChangedRow, DecisionChanges, GroupChanges } from './types.ts';

/**
 * Changes per group from joint counts (8 cells per group, decisions.ts): to_positive = A 0, B 1.
 *
 * @example groupChanges(Float64Array.of(3, 1, 2, 0, 0, 0, 0, 4), ['all'])
 *   // [{ value: 'all', n: 10, changed: 3, to_positive: 1, to_negative: 2 }]
 */
export function groupChanges(joint: ArrayLike<number>, values: string[]): GroupChanges[] {
  return values.map((value, g) => {
    const j = 8 * g;
    let n = 0;
    for (let k = 0; k < 8; k++) n += joint[j + k];
    const toPositive = joint[j + 1] + joint[j + 5];
    const toNegative = joint[j + 2] + joint[j + 6];
    return { value, n, changed: toPositive + toNegative, to_positive: toPositive, to_negative: toNegative };
  });
}

/**
 * The first `max` rows whose decision changes, in row order, and whether there are more.
 *
 * @example changedRows(Uint8Array.of(0, 1, 1), Uint8Array.of(1, 1, 0), 10)
 *   // { rows: [{ row: 0, to: 'positive' }, { row: 2, to: 'negative' }], truncated: false }
 */
export function changedRows(decA: Uint8Array, decB: Uint8Array, max: number): { rows: ChangedRow[]; truncated: boolean } {
  const rows: ChangedRow[] = [];
  for (let i = 0; i < decA.length; i++) {
    if (decA[i] === decB[i]) continue;
    if (rows.length === max) return { rows, truncated: true };
    rows.push({ row: i, to: decB[i] ? 'positive' : 'negative' });
  }
  return { rows, truncated: false };
}

/**
 * The changes object of a comparison.
 *
 * @example decisionChanges(overallJoint, [{ p: sexPartition, joint }], decA, decB, 1000).to_positive // 140
 */
export function decisionChanges(
  overall: ArrayLike<number>,
  partitions: { p: GroupIndex; joint: ArrayLike<number> }[],
  decA: Uint8Array,
  decB: Uint8Array,
  maxRows: number,
): DecisionChanges {
  const all = groupChanges(overall, ['all'])[0];
  const attributes: AttributeChanges[] = partitions.map(({ p, joint }) => ({ name: p.name, groups: groupChanges(joint, p.values) }));
  const { rows, truncated } = changedRows(decA, decB, maxRows);
  return { n: all.n, changed: all.changed, to_positive: all.to_positive, to_negative: all.to_negative, attributes, rows, rows_truncated: truncated };
}
