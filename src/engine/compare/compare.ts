/**
 * Compare two models (or versions, or score columns) on the same rows: the fairness result of
 * each, the decisions that change, and every metric's difference B - A with a paired bootstrap
 * interval.
 */
import { EinblickError, throwIfAborted } from '../errors.ts';
import type { RunControl } from '../fairness/classification.ts';
import type { GroupIndex } from '../fairness/groups.ts';
import { resolveOptions } from '../fairness/options.ts';
import { buildPartitions, comparedGroupIndices, notCompared } from '../fairness/partitions.ts';
import { checkBinary, checkLength, checkNonEmpty } from '../fairness/validate.ts';
import { decisionChanges } from './changes.ts';
import { decisions, jointCounts } from './decisions.ts';
import { partitionDifferences } from './differences.ts';
import type { PartitionSpec } from './paired.ts';
import { sideFairness } from './side.ts';
import type { CompareInput, CompareOptions, ComparisonResult, Difference, ScoredSide, SideRule } from './types.ts';
import { compareVerdicts } from './verdicts.ts';

type SideResult = ComparisonResult['a'];

/** The reference group of a side's attribute, as an index into the compared groups (0 without labels). */
function referenceOf(res: SideResult, attribute: number, compared: number[], p: GroupIndex): number {
  if (res.task !== 'classification') return 0;
  const a = res.attributes[attribute];
  if (a.name !== p.name || a.not_compared) return 0;
  const index = compared.findIndex((g) => p.values[g] === a.disparities.reference.group);
  if (index < 0) throw new Error(`compare: reference group ${a.disparities.reference.group} of ${p.name} is not a compared group`);
  return index;
}

function rule(side: ScoredSide): SideRule {
  return { threshold: side.threshold, precision: side.precision ?? 'float64', higher_is_positive: side.higherIsPositive !== false };
}

function validate(a: ScoredSide, b: ScoredSide, input: CompareInput, options: CompareOptions): number {
  const n = a.scores.length;
  checkNonEmpty(n);
  if (b.scores.length !== n) {
    throw new EinblickError('INVALID_OPTION', `invalid scores of B: ${b.scores.length} rows; expected ${n}, as many as A`, 'Both versions must score the same cases: one score of A and one of B per row of the data.', { option: 'scores-b' });
  }
  if (input.yTrue) {
    checkLength(input.yTrue.length, n, 'yTrue');
    checkBinary(input.yTrue);
  }
  const max = options.maxChangedRows ?? 1000;
  if (!Number.isInteger(max) || max < 0) {
    throw new EinblickError('INVALID_OPTION', `invalid maxChangedRows: ${max}; expected a whole number from 0`, 'Say how many changed cases to list, e.g. 1000.', { option: 'maxChangedRows' });
  }
  return n;
}

/**
 * Compares two scored sides on the same rows. A is the baseline; every difference is B - A.
 * Each side's fairness result comes from the fairness engine (classificationFairness; with
 * yTrue null, anomalyFairness); the differences' intervals from a paired bootstrap, stratified
 * by group, seeded by options.bootstrap.seed.
 *
 * @example
 *   const r = compareScores({ scores: oldScores, threshold: 0.5 }, { scores: newScores, threshold: 0.5 },
 *     { yTrue, groups: [size] }, { bootstrap: { samples: 1000, seed: 1 } });
 *   r.changes.to_positive // 150: cases B selects and A did not
 *   r.differences.find((d) => d.attribute === 'size' && d.group === 'small' && d.metric === 'selection_rate')
 *   // { a: 0.31, b: 0.42, difference: 0.11, ci: [0.08, 0.14], ... }
 */
export function compareScores(a: ScoredSide, b: ScoredSide, input: CompareInput, options: CompareOptions = {}, ctl: RunControl = {}): ComparisonResult {
  const n = validate(a, b, input, options);
  const { maxChangedRows: maxRows = 1000, ...fairnessOptions } = options;
  const opts = resolveOptions(fairnessOptions);
  const decA = decisions(a, 'A');
  const decB = decisions(b, 'B');
  const { partitions } = buildPartitions(input.groups, n, opts);
  const P = partitions.length;
  const progress = (offset: number): RunControl => ({
    ...ctl,
    onProgress: ctl.onProgress && ((p) => ctl.onProgress?.({ stage: 'compare', done: offset + p.done, total: 3 * P + 1 })),
  });
  const resA = sideFairness(a, decA, input, options, progress(0));
  const resB = sideFairness(b, decB, input, options, progress(P));
  const labelled = input.yTrue !== null;
  const favourablePositive = opts.favourable === 'positive';

  const all: GroupIndex = { name: 'all', attributes: [], values: ['all'], parts: [[]], missing: [false], ids: new Int32Array(n), sizes: Int32Array.of(n) };
  const overallJoint = jointCounts(decA, decB, input.yTrue, all.ids, 1);
  const differences: Difference[] = partitionDifferences(null, all, { G: 1, compared: null, refA: 0, refB: 0, favourablePositive, labelled }, overallJoint, opts);
  const joints: { p: GroupIndex; joint: Float64Array }[] = [];
  partitions.forEach((p, i) => {
    throwIfAborted(ctl.signal);
    const joint = jointCounts(decA, decB, input.yTrue, p.ids, p.values.length);
    joints.push({ p, joint });
    const compared = comparedGroupIndices(p);
    const nc = notCompared(p) !== null;
    const spec: PartitionSpec = {
      G: p.values.length,
      compared: nc ? null : Int32Array.from(compared),
      refA: nc ? 0 : referenceOf(resA, i, compared, p),
      refB: nc ? 0 : referenceOf(resB, i, compared, p),
      favourablePositive,
      labelled,
    };
    differences.push(...partitionDifferences(p.name, p, spec, joint, opts));
    ctl.onProgress?.({ stage: 'compare', done: 2 * P + i + 1, total: 3 * P + 1 });
  });
  const changes = decisionChanges(overallJoint, joints, decA, decB, maxRows);
  const boot = opts.bootstrap;
  ctl.onProgress?.({ stage: 'compare', done: 3 * P + 1, total: 3 * P + 1 });
  return {
    task: labelled ? 'classification' : 'anomaly',
    n,
    rules: { a: rule(a), b: rule(b) },
    a: resA,
    b: resB,
    changes,
    differences,
    verdicts: compareVerdicts(changes, differences, opts.level, boot !== false),
    intervals: { method: boot === false ? 'none' : 'paired_bootstrap', stratified: 'by_group', level: opts.level, samples: boot === false ? null : boot.samples, seed: boot === false ? null : boot.seed },
    warnings: [],
  };
}
