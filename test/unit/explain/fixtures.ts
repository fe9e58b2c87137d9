/**
 * Test helpers: read the fixtures in test/fixtures (models, CSVs as FeatureSets, reference JSON).
 * The fixture CSVs have no quoted fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel, type ModelProto } from '../../../src/engine/model/onnx-proto.ts';
import type { FeatureColumn, FeatureSet } from '../../../src/engine/model/types.ts';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export const MATRIX_CASES = ['german_credit_gbm', 'german_credit_gbm_small', 'german_credit_logreg', 'german_credit_logreg_small', 'hmda_gbm', 'hmda_logreg'];

export function fixturePath(name: string, file: string): string {
  return join(FIXTURES, name, file);
}

export function loadModel(name: string): ModelProto {
  return decodeModel(new Uint8Array(readFileSync(fixturePath(name, 'model.onnx'))), `${name}/model.onnx`);
}

export interface Csv {
  header: string[];
  rows: string[][];
}

export function readCsv(name: string, file: string): Csv {
  const lines = readFileSync(fixturePath(name, file), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** features.csv as a FeatureSet of float32 columns (the model's input matrix). */
export function matrixFeatures(name: string): FeatureSet {
  const csv = readCsv(name, 'features.csv');
  const columns: FeatureColumn[] = csv.header.map((_, j) => ({ type: 'float32', data: Float32Array.from(csv.rows, (r) => Number(r[j])) }));
  return { names: csv.header, columns, rows: csv.rows.length };
}

/** data.csv columns that feed a per-column model, typed as model.json says (int64 or string). */
export function columnFeatures(name: string): FeatureSet {
  const csv = readCsv(name, 'data.csv');
  const meta = JSON.parse(readFileSync(fixturePath(name, 'model.json'), 'utf8'));
  const inputs: { name: string; type: string }[] = meta.onnx.inputs;
  const columns: FeatureColumn[] = inputs.map((inp) => {
    const j = csv.header.indexOf(inp.name);
    if (j < 0) throw new Error(`data.csv has no column ${inp.name}`);
    if (inp.type === 'tensor(int64)') return { type: 'int64', data: BigInt64Array.from(csv.rows, (r) => BigInt(r[j])) };
    if (inp.type === 'tensor(string)') return { type: 'string', data: csv.rows.map((r) => r[j]) };
    throw new Error(`unexpected input type ${inp.type}`);
  });
  return { names: inputs.map((i) => i.name), columns, rows: csv.rows.length };
}

/** One column of predictions.csv as numbers. */
export function predictionColumn(name: string, column: string): Float64Array {
  const csv = readCsv(name, 'predictions.csv');
  const j = csv.header.indexOf(column);
  if (j < 0) throw new Error(`predictions.csv has no column ${column}`);
  return Float64Array.from(csv.rows, (r) => Number(r[j]));
}

export function reference(name: string): any {
  return JSON.parse(readFileSync(fixturePath(name, 'reference.json'), 'utf8'));
}

/** Rows of a FeatureSet (copies), in the given order. */
export function takeRows(fs: FeatureSet, rows: number[]): FeatureSet {
  const columns = fs.columns.map((c): FeatureColumn => {
    switch (c.type) {
      case 'string': return { type: 'string', data: rows.map((r) => c.data[r]) };
      case 'float32': return { type: 'float32', data: Float32Array.from(rows, (r) => c.data[r]) };
      case 'float64': return { type: 'float64', data: Float64Array.from(rows, (r) => c.data[r]) };
      case 'int64': return { type: 'int64', data: BigInt64Array.from(rows, (r) => c.data[r]) };
      case 'int32': return { type: 'int32', data: Int32Array.from(rows, (r) => c.data[r]) };
      case 'bool': return { type: 'bool', data: Uint8Array.from(rows, (r) => c.data[r]) };
    }
  });
  return { names: fs.names.slice(), columns, rows: rows.length };
}
