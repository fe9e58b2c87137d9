/**
 * Issue 2 (checks of items 5-7): the generated model zoo (test/fixtures/models/manifest.json:
 * skl2onnx-style pipelines with ZipMap, an onnxmltools-style XGBoost with missing values, an
 * isolation forest, tree and linear regressors, multi-class classifiers). For each case: the
 * detected task, score output and positive index, the class labels, and the scores and labels
 * against the training library's own predictions (reference.csv) to the manifest's tolerance
 * (1e-5 for probabilities and anomaly scores, 1e-4 in wage units for the regressors).
 * Data are parsed with papaparse here and built into Arrow tables directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EinblickError } from '../../../src/engine/errors.ts';
import { disposeModel, encodeFeatures, evaluate, loadModel, mapColumns, predict, type LoadedModel } from '../../../src/engine/model/index.ts';
import type { FeatureSet } from '../../../src/engine/model/types.ts';
import { csvColumn, csvTable, FIXTURES, fixtureBytes, fixtureText } from './helpers.ts';

interface ZooCase {
  case: string;
  model: string;
  data: string;
  layout: 'matrix' | 'columns';
  features?: string[];
  csv?: { delimiter: string; decimal: '.' | ',' };
  task: 'classification' | 'regression' | 'anomaly';
  output: string;
  label_output?: string;
  class_labels?: (string | number)[];
  positive_index?: number;
  positive_value?: string;
  /** Multi-class cases: the column and class the example --output picks. */
  example_positive_index?: number;
  example_positive_value?: string | number;
  /** Rows with a feature exactly at a split threshold, and the library's scores for them. */
  probes?: { data: string; reference: string; rows: number };
  expected_error?: string;
  example_output?: string;
  reference: string;
  score_column: string;
  label_column_in_reference?: string | null;
  logit_column_in_reference?: string;
  class_score_columns?: Record<string, string>;
  tolerance: number;
}

const MANIFEST = `${FIXTURES}models/manifest.json`;
// The manifest is required: a missing file fails the run instead of skipping the checks.
const cases: ZooCase[] = existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')) : [];

test('the model zoo manifest exists and lists cases', () => {
  expect(existsSync(MANIFEST)).toBe(true);
  expect(cases.length).toBeGreaterThan(0);
});

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

async function rejected(p: Promise<unknown>): Promise<EinblickError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof EinblickError) return err;
    throw err;
  }
  throw new Error('expected an EinblickError');
}

describe.each(cases.map((c) => [c.case, c] as const))('%s', (_, c) => {
  let model: LoadedModel;
  let features: FeatureSet;
  let reference: string;
  beforeAll(async () => {
    model = await loadModel(fixtureBytes(`models/${c.model}`), c.model);
    const { table, columns } = csvTable(fixtureText(`models/${c.data}`), { delimiter: c.csv?.delimiter, decimal: c.csv?.decimal });
    features = encodeFeatures(table, mapColumns(model.signature, columns, c.features));
    reference = fixtureText(`models/${c.reference}`);
  });
  afterAll(() => disposeModel(model));

  test('signature: layout, task, score output, class labels', () => {
    const s = model.signature;
    expect(s.layout).toBe(c.layout);
    expect(s.task).toBe(c.task);
    const out = s.outputs.find((o) => o.name === c.output);
    expect(out?.type).toBe('float32');
    if (c.class_labels) expect(out?.classLabels).toEqual(c.class_labels);
    if (c.label_output) expect(s.labelOutput).toBe(c.label_output);
    if (c.expected_error) {
      expect(s.score).toBeNull();
    } else {
      expect(s.score?.output).toBe(c.output);
    }
  });

  test(`scores and labels equal the training library's to the manifest tolerance`, async () => {
    if (c.expected_error) {
      expect((await rejected(predict(model, features))).code).toBe(c.expected_error);
    }
    const p = await predict(model, features, c.example_output ? { output: c.example_output } : {});
    expect(p.task).toBe(c.task);
    expect(p.output).toBe(c.output);
    if (c.task === 'classification') expect(p.positiveIndex).toBe(c.positive_index ?? c.example_positive_index);
    const ref = csvColumn(reference, c.score_column).map(Number);
    expect(maxAbsDiff(p.scores, ref)).toBeLessThanOrEqual(c.tolerance);
    if (c.label_column_in_reference) {
      expect(p.labels?.map(String)).toEqual(csvColumn(reference, c.label_column_in_reference));
    }
  });

  if (c.class_score_columns !== undefined) test('every class probability by --output NAME:INDEX', async () => {
    const labels = c.class_labels ?? [];
    for (const [label, column] of Object.entries(c.class_score_columns ?? {})) {
      const k = labels.findIndex((l) => String(l) === label);
      expect(k).toBeGreaterThanOrEqual(0);
      const p = await predict(model, features, { output: `${c.output}:${k}` });
      expect(maxAbsDiff(p.scores, csvColumn(reference, column).map(Number))).toBeLessThanOrEqual(c.tolerance);
      const byLabel = await predict(model, features, { positive: labels[k] });
      expect(Array.from(byLabel.scores)).toEqual(Array.from(p.scores));
    }
  });

  if (c.logit_column_in_reference !== undefined && c.task === 'classification') test('logit space: log(p / (1 - p)) within the float32 limit tol / (p (1 - p))', async () => {
    const p = await evaluate(model, features, { output: c.example_output });
    const logit = await evaluate(model, features, { output: c.example_output, space: 'logit' });
    const ref = csvColumn(reference, c.logit_column_in_reference as string).map(Number);
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(logit[i] - ref[i]) * p[i] * (1 - p[i]));
    expect(worst).toBeLessThanOrEqual(c.tolerance);
  });

  const positive = (c.class_labels ?? []).map(String).includes(String(c.positive_value)) ? c.positive_value : c.example_positive_value;
  if (positive !== undefined) test('positive class by label gives the positive index', async () => {
    const p = await predict(model, features, { positive });
    expect(p.positiveIndex).toBe(c.positive_index ?? c.example_positive_index);
    expect(String(p.positiveLabel)).toBe(String(positive));
  });

  if (c.probes !== undefined) test('probe rows with a feature exactly at a split threshold', async () => {
    const probes = c.probes as NonNullable<ZooCase['probes']>;
    const { table, columns } = csvTable(fixtureText(`models/${probes.data}`), { delimiter: c.csv?.delimiter, decimal: c.csv?.decimal });
    const p = await predict(model, encodeFeatures(table, mapColumns(model.signature, columns, c.features)), c.example_output ? { output: c.example_output } : {});
    const ref = fixtureText(`models/${probes.reference}`);
    expect(p.scores.length).toBe(probes.rows);
    expect(maxAbsDiff(p.scores, csvColumn(ref, c.score_column).map(Number))).toBeLessThanOrEqual(c.tolerance);
  });
});
