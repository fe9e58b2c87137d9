/**
 * Issue 3, property tests: on random small tree ensembles (every node mode, missing-value
 * tracking, NaN inputs, grouped players) and random affine models, the exact explainers equal
 * brute-force enumeration and satisfy efficiency, symmetry and the null-player property.
 * Each property has one deliberately broken input that the check must reject.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactFull, exactPairs } from '../../../src/engine/explain/exact.ts';
import { linearShap, linearShapPairs } from '../../../src/engine/explain/linear-shap.ts';
import { treeShapPairs } from '../../../src/engine/explain/tree-pairs.ts';
import { treeShap } from '../../../src/engine/explain/tree-shap.ts';
import type { BatchModel, Game, Player } from '../../../src/engine/explain/types.ts';
import { buildEnsemble } from '../../../src/engine/model/trees/build.ts';
import { logistic } from '../../../src/engine/model/trees/finalize.ts';
import { linearMargin, scalarTrees, treeMargin, type ScalarTrees } from '../../../src/engine/model/trees/margin.ts';
import { MODE, type ScoreExpr } from '../../../src/engine/model/trees/types.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { rng } from '../../../src/engine/random.ts';
import { gridValue, randomTrees, type RandomTrees } from './synthetic.ts';

const MODES: Record<string, number> = { BRANCH_LEQ: MODE.LEQ, BRANCH_LT: MODE.LT, BRANCH_GTE: MODE.GTE, BRANCH_GT: MODE.GT, BRANCH_EQ: MODE.EQ, BRANCH_NEQ: MODE.NEQ, LEAF: MODE.LEAF };
const RUNS = { numRuns: 40, seed: 20251125 };

function ensembleOf(t: RandomTrees): ScalarTrees {
  const e = buildEnsemble(
    { op: 'TreeEnsembleRegressor', nTargets: 1, baseValues: [0.25], aggregate: 'SUM', postTransform: 'NONE', classLabels: null, precision: 'float' },
    { treeIds: t.treeIds, nodeIds: t.nodeIds, modes: t.modes.map((m) => MODES[m]), featureIds: t.features, values: t.values, trueIds: t.trueIds, falseIds: t.falseIds, missingTrue: t.missing },
    { treeIds: t.leafTree, nodeIds: t.leafNode, targetIds: t.leafTarget, weights: t.leafWeight },
  );
  return scalarTrees(e, { a: Float64Array.of(1), c: 0.25, link: 'identity', alpha: 1, beta: 0 });
}

/** Rows of grid values (with NaN) as float32 columns; `tie` copies column 0 into column 1. */
function matrix(seed: number, rows: number, nf: number, tie = false): FeatureSet {
  const r = rng(seed);
  const data = Array.from({ length: nf }, () => new Float32Array(rows));
  for (let i = 0; i < rows; i++) for (let j = 0; j < nf; j++) data[j][i] = gridValue(r, 0.15);
  if (tie) data[1].set(data[0]);
  return { names: data.map((_, j) => `f${j}`), columns: data.map((d) => ({ type: 'float32' as const, data: d })), rows };
}

function encoded(fs: FeatureSet): Float64Array {
  const nf = fs.columns.length;
  const out = new Float64Array(fs.rows * nf);
  fs.columns.forEach((c, j) => { for (let r = 0; r < fs.rows; r++) out[r * nf + j] = Number(c.data[r]); });
  return out;
}

function treeModel(st: ScalarTrees, g: (m: number) => number = (m) => m): BatchModel {
  return async (fs) => { const x = encoded(fs), nf = fs.columns.length; return Float64Array.from({ length: fs.rows }, (_, r) => g(treeMargin(st, x, r * nf))); };
}

/** Random players: features assigned to groups (group ids from the seed). */
function playersOf(seed: number, nf: number): { players: Player[]; featurePlayer: Int32Array } {
  const r = rng(seed);
  const owner = Array.from({ length: nf }, (_, j) => (j === 0 ? 0 : r.int(j + 1)));
  const ids = [...new Set(owner)];
  const players = ids.map((id) => ({ name: `p${id}`, features: owner.flatMap((o, j) => (o === id ? [j] : [])) }));
  return { players, featurePlayer: Int32Array.from(owner, (o) => ids.indexOf(o)) };
}

function game(players: Player[], x: FeatureSet, b: FeatureSet): Game {
  return { players, explain: x, background: b, rows: Array.from({ length: x.rows }, (_, i) => i), backgroundRows: Array.from({ length: b.rows }, (_, i) => i) };
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Largest |base + sum(phi_row) - f(x_row)|. */
function efficiencyError(phi: Float64Array, base: number, fx: Float64Array, n: number): number {
  let m = 0;
  fx.forEach((f, r) => { let s = base; for (let p = 0; p < n; p++) s += phi[r * n + p]; m = Math.max(m, Math.abs(s - f)); });
  return m;
}

const treeCase = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), nf: fc.integer({ min: 2, max: 5 }), trees: fc.integer({ min: 1, max: 4 }), depth: fc.integer({ min: 1, max: 4 }) });

describe('tree SHAP equals brute force on random ensembles (issue 3)', () => {
  it('margin space (dense and sparse tables): values, base value and efficiency', async () => {
    await fc.assert(fc.asyncProperty(treeCase, async (c) => {
      const st = ensembleOf(randomTrees(c.seed, { trees: c.trees, depth: c.depth, nf: c.nf, targets: () => [0] }));
      const { players, featurePlayer } = playersOf(c.seed + 1, c.nf);
      const x = matrix(c.seed + 2, 2, c.nf), b = matrix(c.seed + 3, 5, c.nf);
      const input = { trees: st, x: encoded(x), background: encoded(b), nf: c.nf, featurePlayer, nPlayers: players.length };
      const fast = treeShap(input)!, sparse = treeShap(input, { dense: false })!;
      expect(fast.kernel).toBe('ts');
      expect(sparse.kernel).toBe('ts-sparse');
      const brute = await exactFull(game(players, x, b), treeModel(st));
      expect(maxDiff(fast.phi, brute.phi)).toBeLessThan(1e-12);
      expect(maxDiff(sparse.phi, brute.phi)).toBeLessThan(1e-12);
      expect(Math.abs(fast.base - brute.base)).toBeLessThan(1e-12);
      expect(efficiencyError(fast.phi, fast.base, fast.fx, players.length)).toBeLessThan(1e-12);
    }), RUNS);
  });

  it('probability space (pairwise enumeration) equals brute force, and exactPairs equals exactFull', async () => {
    await fc.assert(fc.asyncProperty(treeCase, async (c) => {
      const st = ensembleOf(randomTrees(c.seed, { trees: c.trees, depth: c.depth, nf: c.nf, targets: () => [0] }));
      const { players, featurePlayer } = playersOf(c.seed + 1, c.nf);
      const x = matrix(c.seed + 2, 2, c.nf), b = matrix(c.seed + 3, 4, c.nf);
      const pairs = await treeShapPairs({ trees: st, x: encoded(x), background: encoded(b), nf: c.nf, featurePlayer, nPlayers: players.length, link: logistic });
      const g = game(players, x, b);
      const brute = await exactFull(g, treeModel(st, logistic));
      const generic = await exactPairs(g, treeModel(st, logistic));
      expect(maxDiff(pairs.phi, brute.phi)).toBeLessThan(1e-12);
      expect(maxDiff(generic.phi, brute.phi)).toBeLessThan(1e-12);
      expect(efficiencyError(pairs.phi, pairs.base, pairs.fx, players.length)).toBeLessThan(1e-12);
    }), RUNS);
  });

  it('rejects a broken comparison: tree SHAP with BRANCH_LEQ read as BRANCH_LT differs from brute force', async () => {
    const c = { seed: 5, nf: 3, trees: 3, depth: 3 };
    const t = randomTrees(c.seed, { trees: c.trees, depth: c.depth, nf: c.nf, targets: () => [0], modes: ['BRANCH_LEQ'] });
    const st = ensembleOf(t), broken = ensembleOf({ ...t, modes: t.modes.map((m) => (m === 'BRANCH_LEQ' ? 'BRANCH_LT' : m)) });
    const { players, featurePlayer } = playersOf(1, c.nf);
    const x = matrix(7, 4, c.nf, false), b = matrix(8, 6, c.nf);
    const wrong = treeShap({ trees: broken, x: encoded(x), background: encoded(b), nf: c.nf, featurePlayer, nPlayers: players.length })!;
    const brute = await exactFull(game(players, x, b), treeModel(st));
    expect(maxDiff(wrong.phi, brute.phi)).toBeGreaterThan(1e-3);
  });

  it('rejects a broken player map: tree SHAP with two players swapped differs from brute force', async () => {
    const st = ensembleOf(randomTrees(3, { trees: 3, depth: 3, nf: 3, targets: () => [0] }));
    const players: Player[] = [0, 1, 2].map((j) => ({ name: `f${j}`, features: [j] }));
    const x = matrix(4, 3, 3), b = matrix(5, 6, 3);
    const swapped = treeShap({ trees: st, x: encoded(x), background: encoded(b), nf: 3, featurePlayer: Int32Array.of(1, 0, 2), nPlayers: 3 })!;
    const brute = await exactFull(game(players, x, b), treeModel(st));
    expect(maxDiff(swapped.phi, brute.phi)).toBeGreaterThan(1e-3);
  });
});

/** Trees plus their mirror images with features 0 and 1 swapped: a model symmetric in f0, f1. */
function mirrored(t: RandomTrees): RandomTrees {
  const shift = Math.max(...t.treeIds) + 1;
  const swap = (f: number): number => (f === 0 ? 1 : f === 1 ? 0 : f);
  return {
    treeIds: [...t.treeIds, ...t.treeIds.map((x) => x + shift)], nodeIds: [...t.nodeIds, ...t.nodeIds], modes: [...t.modes, ...t.modes],
    features: [...t.features, ...t.features.map((f, i) => (t.modes[i] === 'LEAF' ? f : swap(f)))], values: [...t.values, ...t.values],
    trueIds: [...t.trueIds, ...t.trueIds], falseIds: [...t.falseIds, ...t.falseIds], missing: [...t.missing, ...t.missing],
    leafTree: [...t.leafTree, ...t.leafTree.map((x) => x + shift)], leafNode: [...t.leafNode, ...t.leafNode], leafTarget: [...t.leafTarget, ...t.leafTarget], leafWeight: [...t.leafWeight, ...t.leafWeight],
  };
}

function symmetryGap(tie: boolean, seed: number): number {
  const st = ensembleOf(mirrored(randomTrees(seed, { trees: 3, depth: 3, nf: 3, targets: () => [0] })));
  const x = matrix(seed + 1, 3, 3, tie), b = matrix(seed + 2, 5, 3, tie);
  const r = treeShap({ trees: st, x: encoded(x), background: encoded(b), nf: 3, featurePlayer: Int32Array.of(0, 1, 2), nPlayers: 3 })!;
  let gap = 0;
  for (let i = 0; i < 3; i++) gap = Math.max(gap, Math.abs(r.phi[i * 3] - r.phi[i * 3 + 1]));
  return gap;
}

describe('symmetry and null player (issue 3)', () => {
  it('symmetric players get equal values', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e6 }), (seed) => { expect(symmetryGap(true, seed)).toBeLessThan(1e-12); }), RUNS);
  });

  it('rejects a broken symmetry input: the same model on rows where f0 and f1 differ', () => {
    const gaps = [1, 2, 3, 4, 5].map((s) => symmetryGap(false, s));
    expect(Math.max(...gaps)).toBeGreaterThan(1e-3);
  });

  it('a feature no tree reads is a null player (exactly 0)', () => {
    fc.assert(fc.property(treeCase, (c) => {
      const nf = c.nf + 1; // the last feature is never split on
      const st = ensembleOf(randomTrees(c.seed, { trees: c.trees, depth: c.depth, nf: c.nf, targets: () => [0] }));
      const x = matrix(c.seed + 2, 2, nf), b = matrix(c.seed + 3, 5, nf);
      const fp = Int32Array.from({ length: nf }, (_, j) => j);
      const r = treeShap({ trees: st, x: encoded(x), background: encoded(b), nf, featurePlayer: fp, nPlayers: nf })!;
      for (let i = 0; i < 2; i++) expect(r.phi[i * nf + nf - 1]).toBe(0);
    }), RUNS);
  });

  it('rejects a broken null-player input: the same check on a feature the trees read', () => {
    const st = ensembleOf(randomTrees(2, { trees: 4, depth: 3, nf: 2, targets: () => [0] }));
    const x = matrix(3, 2, 2), b = matrix(4, 6, 2);
    const r = treeShap({ trees: st, x: encoded(x), background: encoded(b), nf: 2, featurePlayer: Int32Array.of(0, 1), nPlayers: 2 })!;
    expect(Math.max(Math.abs(r.phi[1]), Math.abs(r.phi[3]))).toBeGreaterThan(0);
  });
});

describe('linear SHAP equals brute force on random affine models (issue 3)', () => {
  const linearCase = fc.record({ seed: fc.integer({ min: 1, max: 1e6 }), nf: fc.integer({ min: 1, max: 6 }) });
  const exprOf = (seed: number, nf: number): ScoreExpr => {
    const r = rng(seed);
    return { a: Float64Array.from({ length: nf }, () => r.next() * 4 - 2), c: r.next() - 0.5, link: 'identity', alpha: 1, beta: 0 };
  };
  const model = (expr: ScoreExpr, g: (m: number) => number): BatchModel => async (fs) => {
    const z = encoded(fs), nf = fs.columns.length;
    return Float64Array.from({ length: fs.rows }, (_, r) => g(linearMargin(expr, z, r * nf, nf)));
  };
  const noNaN = (fs: FeatureSet): FeatureSet => ({ ...fs, columns: fs.columns.map((c) => ({ type: 'float32', data: (c.data as Float32Array).map((v) => (Number.isNaN(v) ? 0 : v)) })) });

  it('logit (closed form) and probability (pairwise) spaces', async () => {
    await fc.assert(fc.asyncProperty(linearCase, async (c) => {
      const expr = exprOf(c.seed, c.nf);
      const { players, featurePlayer } = playersOf(c.seed + 1, c.nf);
      const x = noNaN(matrix(c.seed + 2, 2, c.nf)), b = noNaN(matrix(c.seed + 3, 5, c.nf));
      const input = { expr, x: encoded(x), background: encoded(b), nf: c.nf, featurePlayer, nPlayers: players.length };
      const g = game(players, x, b);
      const closed = linearShap(input), bruteM = await exactFull(g, model(expr, (m) => m));
      expect(maxDiff(closed.phi, bruteM.phi)).toBeLessThan(1e-12);
      const pairs = await linearShapPairs(input, logistic, 20), bruteP = await exactFull(g, model(expr, logistic));
      expect(maxDiff(pairs.phi, bruteP.phi)).toBeLessThan(1e-12);
      expect(efficiencyError(pairs.phi, pairs.base, pairs.fx, players.length)).toBeLessThan(1e-12);
    }), RUNS);
  });

  it('rejects a broken efficiency input: one value off by 1e-6', () => {
    const expr = exprOf(1, 3);
    const x = noNaN(matrix(2, 2, 3)), b = noNaN(matrix(3, 4, 3));
    const r = linearShap({ expr, x: encoded(x), background: encoded(b), nf: 3, featurePlayer: Int32Array.of(0, 1, 2), nPlayers: 3 });
    expect(efficiencyError(r.phi, r.base, r.fx, 3)).toBeLessThan(1e-12);
    r.phi[1] += 1e-6;
    expect(efficiencyError(r.phi, r.base, r.fx, 3)).toBeGreaterThan(1e-7);
  });
});
