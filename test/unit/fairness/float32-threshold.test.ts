/**
 * Issue 9, item 1: a threshold is compared with a score in the score's own precision. A float32
 * output holds 0.7 as 0.699999988; compared with 0.7 in float64 it counted as below, so a case
 * whose score equals the threshold was called negative (COMPAS at 0.7: 1,403 selected where
 * "decile >= 7" holds for 1,995).
 *
 * Every model below passes the data column x through to its score, in each output form Einblick
 * reads. The reference is the person's own reading of the data: x >= t on the decimal numbers
 * as written (x = "0.7", t = 0.7: selected). Values sit on each threshold and on the float32
 * numbers just below and above it.
 */
import { describe, expect, it } from 'vitest';
import { LocalEngine } from '../../../src/worker/local.ts';
import { buildModel, type ModelSpec } from '../model/build-model.ts';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import { flags } from '../../../src/engine/fairness/anomaly.ts';
import { classificationCheck } from '../../../src/engine/analyses/model-check.ts';
import { decisionThreshold } from '../../../src/engine/precision.ts';

const THRESHOLDS = [0.1, 0.3, 0.5, 0.7, 0.9];

/** The float32 numbers next to fround(t), written with enough digits to be read back exactly. */
function neighbours32(t: number): string[] {
  const f = new Float32Array([t]);
  const bits = new Uint32Array(f.buffer);
  const at = (d: number) => { const b = new Uint32Array([bits[0] + d]); return String(new Float32Array(b.buffer)[0]); };
  return [at(-1), at(1)];
}

/** x values (as text), groups, outcomes: every threshold, +-0.01 and its float32 neighbours. */
function cases(): { x: string[]; g: string[]; y: string[] } {
  const x = THRESHOLDS.flatMap((t) => [String(t), String(+(t - 0.01).toFixed(2)), String(+(t + 0.01).toFixed(2)), ...neighbours32(t)]);
  x.push('0', '1', '0.25', '0.75');
  const g = x.map((_, i) => (i % 2 ? 'b' : 'a'));
  const y = x.map((_, i) => (i % 3 === 0 ? 'yes' : 'no'));
  return { x, g, y };
}

/** The reference: rows selected at t, per group, on the decimal values as written. */
function reference(t: number): { a: number; b: number; all: number } {
  const { x, g } = cases();
  const r = { a: 0, b: 0, all: 0 };
  x.forEach((v, i) => { if (Number(v) >= t) { r[g[i] as 'a' | 'b']++; r.all++; } });
  return r;
}

const csv = (): Uint8Array => {
  const { x, g, y } = cases();
  return new TextEncoder().encode(['x,g,y', ...x.map((v, i) => `${v},${g[i]},${y[i]}`)].join('\n') + '\n');
};

const one = { name: 'one', dims: [] as number[], floats: [1] };
const MODELS: Record<string, { spec: ModelSpec; task?: 'classification'; precision: 'float32' | 'float64' }> = {
  'float32 probabilities [N, 2]': {
    precision: 'float32',
    spec: {
      inputs: [{ name: 'input', type: 'float', shape: [null, 1] }],
      outputs: [{ name: 'probabilities', type: 'float', shape: [null, 2] }],
      initializers: [one],
      nodes: [{ op: 'Sub', inputs: ['one', 'input'], outputs: ['q'] }, { op: 'Concat', inputs: ['q', 'input'], outputs: ['probabilities'], attrs: { axis: 1 } }],
    },
  },
  'float64 probabilities [N, 2]': {
    precision: 'float64',
    spec: {
      inputs: [{ name: 'input', type: 'double', shape: [null, 1] }],
      outputs: [{ name: 'probabilities', type: 'double', shape: [null, 2] }],
      initializers: [{ name: 'one', dims: [], doubles: [1] }],
      nodes: [{ op: 'Sub', inputs: ['one', 'input'], outputs: ['q'] }, { op: 'Concat', inputs: ['q', 'input'], outputs: ['probabilities'], attrs: { axis: 1 } }],
    },
  },
  'float32 score [N, 1]': {
    precision: 'float32',
    task: 'classification',
    spec: { inputs: [{ name: 'input', type: 'float', shape: [null, 1] }], outputs: [{ name: 'score', type: 'float', shape: [null, 1] }], nodes: [{ op: 'Identity', inputs: ['input'], outputs: ['score'] }] },
  },
  'float32 score [N]': {
    precision: 'float32',
    task: 'classification',
    spec: {
      inputs: [{ name: 'input', type: 'float', shape: [null, 1] }],
      outputs: [{ name: 'score', type: 'float', shape: [null] }],
      initializers: [{ name: 'flat', dims: [1], int64s: [-1] }],
      nodes: [{ op: 'Reshape', inputs: ['input', 'flat'], outputs: ['score'] }],
    },
  },
  'ZipMap (skl2onnx LinearClassifier, removed by Einblick)': {
    precision: 'float32',
    spec: {
      producer: 'skl2onnx',
      inputs: [{ name: 'input', type: 'float', shape: [null, 1] }],
      outputs: [{ name: 'output_label', type: 'string', shape: [null] }, { name: 'output_probability', type: { zipmap: 'string' } }],
      nodes: [
        { op: 'LinearClassifier', inputs: ['input'], outputs: ['output_label', 'probability_tensor'], attrs: { classlabels_strings: ['no', 'yes'], coefficients: { floats: [-1, 1] }, intercepts: { floats: [1, 0] }, post_transform: 'NONE' } },
        { op: 'ZipMap', inputs: ['probability_tensor'], outputs: ['output_probability'], attrs: { classlabels_strings: ['no', 'yes'] } },
      ],
    },
  },
};

async function engineFor(name: string): Promise<LocalEngine> {
  const e = new LocalEngine();
  const bytes = buildModel(MODELS[name].spec);
  await e.call({ kind: 'loadModel', bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, fileName: 'm.onnx' });
  const data = csv();
  await e.call({ kind: 'loadData', bytes: data.buffer as ArrayBuffer, fileName: 'd.csv' });
  return e;
}

describe('issue 9: thresholds compared in the score\'s own precision, for every output form', () => {
  for (const name of Object.keys(MODELS)) {
    it(`${name}: fairness, curves, model check and the score summary select exactly x >= t`, async () => {
      const e = await engineFor(name);
      const { task, precision } = MODELS[name];
      const features = ['x'];
      const p = await e.call({ kind: 'predict', features, label: 'y=yes' });
      expect(p.predictions.precision).toBe(precision);
      for (const t of THRESHOLDS) {
        const ref = reference(t);
        const f = await e.call({ kind: 'fairness', features, task, spec: { label: 'y=yes', protected: ['g'], threshold: t, bootstrap: 0, curves: { points: 11 } } });
        const result = f.result as { overall: { n_predicted_positive: number }; attributes: { groups: { value: string; n: number; n_predicted_positive: number }[] }[] };
        const sel = Object.fromEntries(result.attributes[0].groups.map((gr) => [gr.value, gr.n_predicted_positive]));
        expect({ ...sel, all: result.overall.n_predicted_positive }, `threshold ${t}`).toEqual(ref);
        expect((f.json.score as { precision: string }).precision).toBe(precision);
        // the threshold view's grid point at t (grid 0, 0.1, ..., 1)
        const curve = f.thresholds![0].curves.find((c) => c.value === 'a')!;
        const k = curve.thresholds.findIndex((x) => Math.abs(x - t) < 1e-12);
        expect(curve.selection_rate[k] * curve.n, `curve at ${t}`).toBeCloseTo(ref.a, 9);
        // per-group thresholds: the single threshold's accuracy is the one at t
        const check = await e.call({ kind: 'modelCheck', features, task, label: 'y=yes', threshold: t });
        const eq = f.thresholds![0].equal_selection_rate;
        expect(eq.accuracy_single, `equalised at ${t}`).toBeCloseTo((check as { accuracy: number }).accuracy, 12);
        const summary = (await e.call({ kind: 'predict', features, label: 'y=yes', threshold: t })).summary;
        expect(summary.share_at_or_above! * summary.n, `summary at ${t}`).toBeCloseTo(ref.all, 9);
      }
    });
  }

  it('a tree classifier (skl2onnx DecisionTree shape) whose leaf holds exactly 0.7: its cases are selected at 0.7', async () => {
    // x <= 0.5 -> leaf with class weights [0.3, 0.7]; else [0.9, 0.1]
    const tree = buildModel({
      producer: 'skl2onnx',
      inputs: [{ name: 'input', type: 'float', shape: [null, 1] }],
      outputs: [{ name: 'label', type: 'int64', shape: [null] }, { name: 'probabilities', type: 'float', shape: [null, 2] }],
      nodes: [{
        op: 'TreeEnsembleClassifier', inputs: ['input'], outputs: ['label', 'probabilities'],
        attrs: {
          classlabels_int64s: [0, 1], post_transform: 'NONE',
          nodes_treeids: [0, 0, 0], nodes_nodeids: [0, 1, 2], nodes_featureids: [0, 0, 0], nodes_modes: ['BRANCH_LEQ', 'LEAF', 'LEAF'],
          nodes_values: { floats: [0.5, 0, 0] }, nodes_truenodeids: [1, 0, 0], nodes_falsenodeids: [2, 0, 0],
          nodes_hitrates: { floats: [1, 1, 1] }, nodes_missing_value_tracks_true: [0, 0, 0],
          class_treeids: [0, 0, 0, 0], class_nodeids: [1, 1, 2, 2], class_ids: [0, 1, 0, 1], class_weights: { floats: [0.3, 0.7, 0.9, 0.1] },
        },
      }],
    });
    const e = new LocalEngine();
    await e.call({ kind: 'loadModel', bytes: tree.buffer.slice(tree.byteOffset, tree.byteOffset + tree.byteLength) as ArrayBuffer, fileName: 't.onnx' });
    await e.call({ kind: 'loadData', bytes: new TextEncoder().encode('x,g,y\n0.2,a,1\n0.4,b,0\n0.6,a,1\n0.8,b,0\n0.5,a,1\n').buffer as ArrayBuffer, fileName: 'd.csv' });
    const f = await e.call({ kind: 'fairness', features: ['x'], spec: { label: 'y=1', protected: ['g'], threshold: 0.7, bootstrap: 0 } });
    expect(f.predictions.precision).toBe('float32');
    expect(Array.from(f.predictions.scores)).toEqual([0.7, 0.7, 0.1, 0.1, 0.7].map(Math.fround));
    // the three rows with x <= 0.5 hold the leaf value 0.7: all three are selected
    expect((f.result as { overall: { n_predicted_positive: number } }).overall.n_predicted_positive).toBe(3);
  });

  it('the model check counts a score equal to the threshold as positive (hand count)', () => {
    const s = Float64Array.from([0.7, 0.69, 0.71, 0.3].map(Math.fround));
    const y = Int8Array.from([1, 0, 1, 0]);
    expect(classificationCheck(s, y, { threshold: 0.7, precision: 'float32' }).accuracy).toBe(1);
    // the broken comparison in float64 calls the first row negative
    expect(classificationCheck(s, y, { threshold: 0.7, precision: 'float64' }).accuracy).toBe(0.75);
  });

  it('a score rule of an anomaly model flags in the score\'s precision', () => {
    const scores = Float64Array.from([0.7, 0.5, 0.9].map(Math.fround));
    const rule = { direction: 'higher' as const, threshold: 0.7 };
    expect([...flags({ task: 'anomaly', scores, precision: 'float32', groups: [] }, rule)]).toEqual([1, 0, 1]);
    expect([...flags({ task: 'anomaly', scores, groups: [] }, rule)]).toEqual([0, 0, 1]);
    const lower = { direction: 'lower' as const, threshold: 0.7 };
    expect([...flags({ task: 'anomaly', scores, precision: 'float32', groups: [] }, lower)]).toEqual([0, 1, 0]);
  });

  it('without the precision (the old float64 comparison) the reference is missed: the check can fail', () => {
    const { x, g } = cases();
    const scores = Float64Array.from(x, (v) => Math.fround(Number(v)));
    const yTrue = Uint8Array.from(x, () => 0);
    const groups = [{ name: 'g', codes: Int32Array.from(g, (v) => (v === 'a' ? 0 : 1)), levels: ['a', 'b'] }];
    const at = (precision?: 'float32') => classificationFairness({ task: 'classification', scores, yTrue, groups, precision }, { threshold: 0.7, bootstrap: false }).overall.n_predicted_positive;
    expect(at('float32')).toBe(reference(0.7).all);
    expect(at()).toBeLessThan(reference(0.7).all);
  });

  it('decisionThreshold rounds to the nearest float32 and leaves float64 alone', () => {
    expect(decisionThreshold(0.7, 'float32')).toBe(Math.fround(0.7));
    expect(decisionThreshold(0.3, 'float32')).toBeGreaterThan(0.3); // rounds up: a float32 0.3 is still selected at 0.3
    expect(decisionThreshold(0.7, 'float64')).toBe(0.7);
    expect(decisionThreshold(0.5, 'float32')).toBe(0.5);
  });
});
