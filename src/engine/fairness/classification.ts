/**
 * Group fairness of a binary classifier: per-group metrics with intervals, disparities with
 * bootstrap intervals, verdicts and warnings, for every attribute and intersection.
 */
import { EinblickError, throwIfAborted } from '../errors.ts';
import type { ProgressFn, Warning } from '../errors.ts';
import { rng } from '../random.ts';
import { rankedScores } from './direction.ts';
import { groupAuc } from './auc.ts';
import { AUC_BOOTSTRAP_BUDGET, bootstrapAuc, replicateIntervals, streamSeed } from './bootstrap.ts';
import { scoreSums } from './counts.ts';
import { buildDisparities, mostFavoured } from './disparities.ts';
import type { ClassificationDisparities } from './disparities.ts';
import type { GroupIndex } from './groups.ts';
import { groupMetrics } from './group-metrics.ts';
import type { ClassificationGroup } from './group-metrics.ts';
import { tsKernels } from './kernels.ts';
import type { FairnessKernels } from './kernels.ts';
import { zForLevel } from './normal.ts';
import { resolveOptions } from './options.ts';
import { scoreOrder } from './order.ts';
import type { ScoreOrder } from './order.ts';
import { buildPartitions, comparedGroupIndices, missingNotCompared, notCompared, notComparedWarning, referenceIndex } from './partitions.ts';
import type { NotCompared } from './partitions.ts';
import { rankingMetrics } from './ranking.ts';
import type { RankingResult } from './ranking.ts';
import type { ClassificationInput, FairnessOptions, FairnessOptionsInput, Interval, Verdict } from './types.ts';
import { checkBinary, checkFinite, checkLength, checkNonEmpty } from './validate.ts';
import { classificationVerdicts } from './verdicts.ts';
import { smallGroupWarnings } from './warnings.ts';

export interface ClassificationAttribute {
  /** "sex" or "sex+age_group". */
  name: string;
  attributes: string[];
  groups: ClassificationGroup[];
  disparities: ClassificationDisparities;
  /** Why the groups were not compared (fewer than two); null when they were. */
  not_compared: NotCompared | null;
  verdicts: Verdict[];
}

/** How the intervals were computed (returned, never chosen silently). */
export interface IntervalMethods {
  level: number;
  rates: 'wilson';
  disparities: 'bootstrap' | 'none';
  auc: 'bootstrap' | 'delong';
  samples: number | null;
  seed: number | null;
  /** Which kernels counted and resampled. */
  kernels: 'typescript' | 'wasm';
}

export interface ClassificationResult {
  task: 'classification';
  threshold: number;
  favourable: 'positive' | 'negative';
  n: number;
  overall: ClassificationGroup;
  attributes: ClassificationAttribute[];
  ranking: RankingResult[] | null;
  intervals: IntervalMethods;
  warnings: Warning[];
  options: FairnessOptions;
}

export interface RunControl {
  signal?: AbortSignal;
  onProgress?: ProgressFn;
  /** Counting and resampling kernels (default: TypeScript; the WebAssembly ones give the same numbers). */
  kernels?: FairnessKernels;
}

interface Shared {
  input: ClassificationInput;
  opts: FairnessOptions;
  kernels: FairnessKernels;
  order: ScoreOrder;
  methods: IntervalMethods;
  z: number;
  /** The scores with positive at the high end (negated for direction 'lower'): counts, AUC and rankings read these. */
  ranked: Float64Array;
  /** The threshold in the scores' own precision, on the ranked scale: y_pred = ranked >= cut. */
  cut: number;
}

/** 'auto': bootstrap while the row draws (rows × samples × (partitions + overall)) stay within budget. */
function aucMethod(opts: FairnessOptions, n: number, partitions: number): 'bootstrap' | 'delong' {
  if (opts.aucInterval === 'bootstrap' && opts.bootstrap === false) {
    throw new EinblickError('INVALID_OPTION', 'invalid aucInterval: bootstrap; expected delong or auto when bootstrap is off', 'Turn the bootstrap on, or choose DeLong intervals for the AUC.', { option: 'aucInterval' });
  }
  if (opts.aucInterval !== 'auto') return opts.aucInterval;
  return opts.bootstrap !== false && n * opts.bootstrap.samples * (partitions + 1) <= AUC_BOOTSTRAP_BUDGET ? 'bootstrap' : 'delong';
}

function aucIntervals(sh: Shared, p: GroupIndex, auc: ReturnType<typeof groupAuc>): Interval[] {
  const G = p.values.length;
  if (sh.methods.auc === 'bootstrap' && auc.cells && sh.opts.bootstrap !== false) {
    const { samples, seed } = sh.opts.bootstrap;
    return auc.cells.map((cells, g) => bootstrapAuc(cells, samples, rng(streamSeed(seed, `${p.name}\u0000auc\u0000${p.values[g]}`)), sh.opts.level).interval);
  }
  return Array.from({ length: G }, (_, g): Interval => {
    const a = auc.auc[g];
    const v = auc.variance[g];
    if (Number.isNaN(a) || Number.isNaN(v)) return null;
    const h = sh.z * Math.sqrt(v);
    return [Math.max(0, a - h), Math.min(1, a + h)];
  });
}

function partitionGroups(sh: Shared, p: GroupIndex): { groups: ClassificationGroup[]; counts: Float64Array } {
  const G = p.values.length;
  const counts = sh.kernels.confusionCounts(sh.ranked, sh.input.yTrue, p.ids, G, sh.cut);
  const auc = groupAuc(sh.order, sh.input.yTrue, p.ids, G, sh.methods.auc === 'bootstrap');
  const inputs = {
    partition: p,
    counts,
    scoreSums: scoreSums(sh.input.scores, p.ids, G),
    auc: auc.auc,
    aucCi: aucIntervals(sh, p, auc),
    favourablePositive: sh.opts.favourable === 'positive',
    z: sh.z,
    minGroup: sh.opts.minGroup,
  };
  return { groups: p.values.map((_, g) => groupMetrics(inputs, g)), counts };
}

/** The groups, counts and partition restricted to the compared groups (comparedGroupIndices). */
function comparedGroups(p: GroupIndex, groups: ClassificationGroup[], counts: Float64Array): { p: GroupIndex; groups: ClassificationGroup[]; counts: Float64Array; leftOut: string[] } {
  const keep = comparedGroupIndices(p);
  if (keep.length === groups.length) return { p, groups, counts, leftOut: [] };
  const stride = counts.length / groups.length;
  const sub = new Float64Array(keep.length * stride);
  keep.forEach((g, k) => sub.set(counts.subarray(g * stride, (g + 1) * stride), k * stride));
  const pick = <T>(xs: T[]): T[] => keep.map((g) => xs[g]);
  return { p: { ...p, values: pick(p.values), parts: pick(p.parts), missing: pick(p.missing) }, groups: pick(groups), counts: sub, leftOut: p.values.filter((_, g) => p.missing[g]) };
}

function analyseAttribute(sh: Shared, part: GroupIndex): ClassificationAttribute {
  const all = partitionGroups(sh, part);
  const { p, groups, counts, leftOut } = comparedGroups(part, all.groups, all.counts);
  const favPos = sh.opts.favourable === 'positive';
  const best = Math.max(0, mostFavoured(groups.map((g) => g.rates.favourable_rate)));
  const ref = referenceIndex(p, sh.opts.reference, best);
  const nc = notCompared(part);
  const b = sh.opts.bootstrap;
  const boot =
    b === false || nc
      ? null
      : replicateIntervals(sh.kernels.disparityReplicates(counts, groups.length, favPos, ref.index, b.samples, streamSeed(b.seed, p.name)), b.samples, sh.opts.level);
  const disparities = { ...buildDisparities(groups, counts, favPos, ref.index, ref.source, boot, nc), groups_left_out: leftOut };
  return { name: p.name, attributes: p.attributes, groups: all.groups, disparities, not_compared: nc, verdicts: classificationVerdicts(groups, disparities, p.name, nc) };
}

/**
 * Fairness of a binary classifier at one threshold, for every group column and intersection.
 *
 * @example classificationFairness({ task: 'classification', scores, yTrue, groups: [sex] }, { threshold: 0.5 })
 *   .attributes[0].disparities.values.demographic_parity_difference // 0.108 (german credit logreg)
 */
export function classificationFairness(input: ClassificationInput, options: FairnessOptionsInput = {}, ctl: RunControl = {}): ClassificationResult {
  const opts = resolveOptions(options);
  const n = input.scores.length;
  checkNonEmpty(n);
  checkLength(input.yTrue.length, n, 'yTrue');
  checkFinite(input.scores, 'scores');
  checkBinary(input.yTrue);
  const { partitions, warnings } = buildPartitions(input.groups, n, opts);
  const methods: IntervalMethods = {
    level: opts.level,
    rates: 'wilson',
    disparities: opts.bootstrap === false ? 'none' : 'bootstrap',
    auc: aucMethod(opts, n, partitions.length),
    samples: opts.bootstrap === false ? null : opts.bootstrap.samples,
    seed: opts.bootstrap === false ? null : opts.bootstrap.seed,
    kernels: (ctl.kernels ?? tsKernels).name,
  };
  const kernels = ctl.kernels ?? tsKernels;
  const { ranked, cut } = rankedScores(input, opts.threshold);
  const sh: Shared = { input, opts, kernels, order: scoreOrder(ranked), methods, z: zForLevel(opts.level), ranked, cut };
  const all: GroupIndex = { name: 'all', attributes: [], values: ['all'], parts: [[]], missing: [false], ids: new Int32Array(n), sizes: Int32Array.of(n) };
  const overall = partitionGroups(sh, all).groups[0];
  const attributes: ClassificationAttribute[] = [];
  partitions.forEach((p, i) => {
    throwIfAborted(ctl.signal);
    attributes.push(analyseAttribute(sh, p));
    ctl.onProgress?.({ stage: 'fairness', done: i + 1, total: partitions.length });
  });
  for (const a of attributes) warnings.push(...smallGroupWarnings(a.name, a.groups, opts.minGroup));
  for (const p of partitions) warnings.push(...missingNotCompared(p));
  for (const a of attributes) warnings.push(...notComparedWarning(a.name, a.not_compared));
  const ranking = opts.topK.length ? rankingMetrics(sh.order, input.yTrue, partitions, opts.topK) : null;
  return { task: 'classification', threshold: opts.threshold, favourable: opts.favourable, n, overall, attributes, ranking, intervals: methods, warnings, options: opts };
}
