/** Loads a fixture case (data.csv, predictions.csv, reference.json) as plain arrays for the fairness engine. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CategoricalColumn } from '../../../src/engine/fairness/types.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures');

export function fairnessCases(): string[] {
  return ['german_credit_logreg', 'german_credit_logreg_small', 'german_credit_gbm', 'german_credit_gbm_small', 'hmda_logreg', 'hmda_gbm'].filter(
    (c) => existsSync(join(FIXTURES, c, 'reference.json')),
  );
}

function csv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message}`);
  return parsed.data;
}

export interface FixtureCase {
  scores: Float64Array;
  yTrue: Uint8Array;
  split: string[];
  columns: Record<string, string[]>;
  protectedSingle: string[];
  intersections: string[][];
  reference: any;
}

export function loadCase(name: string): FixtureCase {
  const dir = join(FIXTURES, name);
  const data = csv(join(dir, 'data.csv'));
  const preds = csv(join(dir, 'predictions.csv'));
  const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const reference = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8'));
  const protectedSingle: string[] = model.protected_attributes.single;
  const columns: Record<string, string[]> = {};
  for (const a of protectedSingle) columns[a] = data.map((r) => r[a]);
  preds.forEach((p, i) => {
    if (Number(p.row) !== i) throw new Error(`${name}: predictions.csv row ${i} is ${p.row}`);
  });
  return {
    scores: Float64Array.from(preds, (p) => Number(p.p_onnx_web)),
    yTrue: Uint8Array.from(preds, (p) => Number(p.y_true)),
    split: preds.map((p) => p.split),
    columns,
    protectedSingle,
    intersections: model.protected_attributes.intersectional,
    reference,
  };
}

/** A categorical column from strings, levels sorted; '' is missing. */
export function categorical(name: string, values: string[]): CategoricalColumn {
  const levels = [...new Set(values.filter((v) => v !== ''))].sort();
  const index = new Map(levels.map((l, i) => [l, i]));
  return { name, levels, codes: Int32Array.from(values, (v) => (v === '' ? -1 : (index.get(v) as number))) };
}

/** Rows of a subset ('all' or 'test'). */
export function subsetRows(c: FixtureCase, subset: string): number[] {
  return c.split.map((s, i) => (subset === 'all' || s === subset ? i : -1)).filter((i) => i >= 0);
}
