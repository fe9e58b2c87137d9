/**
 * Issue 3: preprocessing traced back to model input columns (Scaler, OneHotEncoder with strings
 * and integers, Concat on axes 1 and 2, Reshape, Cast, Imputer, LabelEncoder, Gather, Slice) and
 * affine estimators (LinearClassifier + Normalizer, Gemm + Softmax, LinearRegressor), checked
 * against onnxruntime-web: the extracted score reproduces the runtime, and exact SHAP with the
 * input columns as players equals brute-force enumeration with the runtime as the model.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { exactFull } from '../../../src/engine/explain/exact.ts';
import { explain } from '../../../src/engine/explain/explain.ts';
import { gameFromRows } from '../../../src/engine/explain/game.ts';
import { makePlayers } from '../../../src/engine/explain/players.ts';
import { structured } from '../../../src/engine/explain/structure.ts';
import type { Space } from '../../../src/engine/explain/types.ts';
import { extractModel, type Extracted } from '../../../src/engine/model/trees/extract.ts';
import type { FeatureSet, InputLayout } from '../../../src/engine/model/types.ts';
import { rng } from '../../../src/engine/random.ts';
import { ortModel } from './ort-model.ts';
import { attr, buildModel, gridValue, legacyAttrs, node, randomTrees, tensor, valueInfo } from './synthetic.ts';

const ML = 'ai.onnx.ml';
const f = (name: string, v: number[]): object => attr(name, v, true);
const logit = (p: number): number => Math.log(p / (1 - p));
const releases: (() => Promise<void>)[] = [];
afterAll(async () => { for (const r of releases) await r(); });

function columnsData(seed: number, rows: number, spec: Record<string, 'float' | 'int' | 'string'>): FeatureSet {
  const r = rng(seed);
  const names = Object.keys(spec);
  const columns = names.map((n) => {
    if (spec[n] === 'float') return { type: 'float32' as const, data: Float32Array.from({ length: rows }, () => gridValue(r, 0.1)) };
    if (spec[n] === 'int') return { type: 'int64' as const, data: BigInt64Array.from({ length: rows }, () => BigInt(r.int(4))) };
    return { type: 'string' as const, data: Array.from({ length: rows }, () => ['a', 'b', 'c', 'd'][r.int(4)]) };
  });
  return { names, columns, rows };
}

function skl2onnxLike(): { bytes: Uint8Array; model: ReturnType<typeof buildModel>['model'] } {
  const t = randomTrees(7, { trees: 8, depth: 4, nf: 8, targets: () => [0] });
  return buildModel({
    nodes: [
      node('Concat', ['n1', 'n2'], ['num'], [attr('axis', 1)]),
      node('Scaler', ['num'], ['nums'], [f('offset', [0.5, -1]), f('scale', [2, 0.25])], ML),
      node('OneHotEncoder', ['cat'], ['cat_oh'], [attr('cats_strings', ['a', 'b', 'c']), attr('zeros', 1)], ML),
      node('OneHotEncoder', ['code'], ['code_oh'], [attr('cats_int64s', [1, 2]), attr('zeros', 1)], ML),
      node('Concat', ['cat_oh', 'code_oh'], ['oh'], [attr('axis', 2)]),
      node('Reshape', ['oh', 'shape'], ['oh2']),
      node('Cast', ['code'], ['codef'], [attr('to', 1)]),
      node('Concat', ['nums', 'oh2', 'codef'], ['X'], [attr('axis', 1)]),
      node('TreeEnsembleClassifier', ['X'], ['label', 'probabilities'], [...legacyAttrs(t, 'class'), attr('classlabels_int64s', [0, 1]), f('base_values', [0.2]), attr('post_transform', 'LOGISTIC')], ML),
    ],
    inputs: [valueInfo('n1', 'float', [null, 1]), valueInfo('n2', 'float', [null, 1]), valueInfo('cat', 'string', [null, 1]), valueInfo('code', 'int64', [null, 1])],
    outputs: [valueInfo('label', 'int64', [null]), valueInfo('probabilities', 'float', [null, 2])],
    initializers: [tensor('shape', 'int64', [2], [-1, 5])],
  });
}

function imputeEncodeSelect(): { bytes: Uint8Array; model: ReturnType<typeof buildModel>['model'] } {
  const t = randomTrees(8, { trees: 6, depth: 3, nf: 2, targets: () => [0] });
  return buildModel({
    nodes: [
      node('Imputer', ['a'], ['ai'], [f('imputed_value_floats', [0.5]), attr('replaced_value_float', NaN, true)], ML),
      node('LabelEncoder', ['s'], ['sc'], [attr('keys_strings', ['a', 'b', 'c']), attr('values_int64s', [3, 1, 2]), attr('default_int64', -1)], ML),
      node('Cast', ['sc'], ['scf'], [attr('to', 1)]),
      node('Concat', ['ai', 'scf', 'ai'], ['cat3'], [attr('axis', 1)]),
      node('Gather', ['cat3', 'idx'], ['sel'], [attr('axis', 1)]),
      node('Slice', ['sel', 'st', 'en', 'ax'], ['X']),
      node('TreeEnsembleRegressor', ['X'], ['y'], [...legacyAttrs(t, 'target'), attr('n_targets', 1), f('base_values', [1])], ML),
      node('Identity', ['y'], ['value']),
    ],
    inputs: [valueInfo('a', 'float', [null, 1]), valueInfo('s', 'string', [null, 1])],
    outputs: [valueInfo('value', 'float', [null, 1])],
    initializers: [tensor('idx', 'int64', [2], [2, 1]), tensor('st', 'int64', [1], [0]), tensor('en', 'int64', [1], [2]), tensor('ax', 'int64', [1], [1])],
  });
}

function vectorized(): { bytes: Uint8Array; model: ReturnType<typeof buildModel>['model'] } {
  const t = randomTrees(10, { trees: 6, depth: 3, nf: 2, targets: () => [0] });
  return buildModel({
    nodes: [
      node('FeatureVectorizer', ['j', 'k'], ['X'], [attr('inputdimensions', [1, 1])], ML),
      node('TreeEnsembleRegressor', ['X'], ['value'], [...legacyAttrs(t, 'target'), attr('n_targets', 1)], ML),
    ],
    inputs: [valueInfo('j', 'int64', [null, 1]), valueInfo('k', 'int64', [null, 1])],
    outputs: [valueInfo('value', 'float', [null, 1])],
  });
}

function linearClassifier(): { bytes: Uint8Array; model: ReturnType<typeof buildModel>['model'] } {
  const w = [0.8, -1.5, 0.3], b = 0.25;
  return buildModel({
    nodes: [
      node('LinearClassifier', ['x'], ['label', 'scores'], [f('coefficients', [...w.map((v) => -v), ...w]), f('intercepts', [-b, b]), attr('classlabels_ints', [0, 1]), attr('post_transform', 'LOGISTIC')], ML),
      node('Normalizer', ['scores'], ['probabilities'], [attr('norm', 'L1')], ML),
    ],
    inputs: [valueInfo('x', 'float', [null, 3])],
    outputs: [valueInfo('label', 'int64', [null]), valueInfo('probabilities', 'float', [null, 2])],
  });
}

function gemmSoftmax(): { bytes: Uint8Array; model: ReturnType<typeof buildModel>['model'] } {
  return buildModel({
    nodes: [
      node('Gemm', ['x', 'W', 'C'], ['s'], [attr('transB', 1), attr('alpha', 0.5, true), attr('beta', 2, true)]),
      node('Softmax', ['s'], ['probabilities'], [attr('axis', 1)]),
    ],
    inputs: [valueInfo('x', 'float', [null, 3])],
    outputs: [valueInfo('probabilities', 'float', [null, 2])],
    initializers: [tensor('W', 'float', [2, 3], [0.1, -0.4, 0.9, -0.7, 0.2, 0.5]), tensor('C', 'float', [2], [0.3, -0.1])],
  });
}

interface Case {
  name: string;
  build: () => { bytes: Uint8Array; model: ReturnType<typeof buildModel>['model'] };
  output: string;
  index: number;
  kind: 'trees' | 'linear';
  layout: InputLayout;
  spec: Record<string, 'float' | 'int' | 'string'>;
  spaces: Space[];
}

const CASES: Case[] = [
  { name: 'Scaler + OneHotEncoder (strings, int64) + Concat + Reshape + Cast -> classifier', build: skl2onnxLike, output: 'probabilities', index: 1, kind: 'trees', layout: 'columns', spec: { n1: 'float', n2: 'float', cat: 'string', code: 'int' }, spaces: ['logit', 'probability'] },
  { name: 'Imputer + LabelEncoder + Gather + Slice -> regressor', build: imputeEncodeSelect, output: 'value', index: 0, kind: 'trees', layout: 'columns', spec: { a: 'float', s: 'string' }, spaces: ['raw'] },
  { name: 'FeatureVectorizer (int64 inputs) -> regressor', build: vectorized, output: 'value', index: 0, kind: 'trees', layout: 'columns', spec: { j: 'int', k: 'int' }, spaces: ['raw'] },
  { name: 'LinearClassifier (two rows, LOGISTIC) + Normalizer L1', build: linearClassifier, output: 'probabilities', index: 1, kind: 'linear', layout: 'matrix', spec: { x0: 'float', x1: 'float', x2: 'float' }, spaces: ['logit', 'probability'] },
  { name: 'Gemm (transB, alpha, beta) + Softmax over two classes', build: gemmSoftmax, output: 'probabilities', index: 1, kind: 'linear', layout: 'matrix', spec: { x0: 'float', x1: 'float', x2: 'float' }, spaces: ['logit', 'probability'] },
];

describe('traced pipelines against onnxruntime-web (issue 3)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const { bytes, model } = c.build();
      const ext: Extracted = extractModel(model, { output: c.output, index: c.index });
      expect(ext.kind, ext.kind === 'none' ? ext.reason : '').toBe(c.kind);
      if (ext.kind === 'none') return;
      const data = columnsData(11, 60, c.spec);
      if (c.layout === 'matrix') data.columns.forEach((col) => col.type === 'float32' && col.data.forEach((v, i) => { if (Number.isNaN(v)) col.data[i] = 0; }));
      const matrixInput = c.layout === 'matrix' ? 'x' : undefined;
      const scoreModel = await ortModel(bytes, c.output, c.index, { matrixInput });
      releases.push(scoreModel.release);
      const mine = await structured(ext, c.layout, 'raw').model(data);
      const theirs = await scoreModel(data);
      mine.forEach((v, r) => expect(Math.abs(v - theirs[r])).toBeLessThan(2e-6));
      const players = makePlayers(data.names, 'none');
      const rows = Array.from({ length: 8 }, (_, i) => i), background = Array.from({ length: 30 }, (_, i) => 30 + i);
      for (const space of c.spaces) {
        const game = gameFromRows(data, players, rows, background);
        const e = await explain(game, { structure: { extracted: ext, layout: c.layout } }, { space });
        expect(e.method).toBe(c.kind === 'trees' ? 'tree' : 'linear');
        const g = space === 'logit' ? logit : (p: number) => p;
        const reference = await exactFull(game, await ortModel(bytes, c.output, c.index, { matrixInput }, g));
        const tol = space === 'logit' ? 2e-5 : 2e-6;
        e.values.forEach((v, i) => expect(Math.abs(v - reference.phi[i])).toBeLessThan(tol));
        expect(Math.abs(e.baseValue - reference.base)).toBeLessThan(tol);
      }
    });
  }

  it('an operator the tracer does not know stops exact SHAP with its name', () => {
    const t = randomTrees(9, { trees: 2, depth: 2, nf: 1, targets: () => [0] });
    const { model } = buildModel({
      nodes: [node('Abs', ['a'], ['b']), node('TreeEnsembleRegressor', ['b'], ['y'], [...legacyAttrs(t, 'target'), attr('n_targets', 1)], ML)],
      inputs: [valueInfo('a', 'float', [null, 1])], outputs: [valueInfo('y', 'float', [null, 1])],
    });
    const ext = extractModel(model, { output: 'y', index: 0 });
    expect(ext.kind).toBe('none');
    if (ext.kind === 'none') expect(ext.reason).toMatch(/Abs/);
  });
});
