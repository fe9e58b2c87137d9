/**
 * Issue 3: `einblick explain` end to end (data file -> model -> structure check -> SHAP JSON)
 * reproduces the fixtures' exact reference values: log-odds to 1e-5 and probability to 1e-6
 * (the issue's tolerances; measured far smaller), per feature and per source column, and
 * base value + sum of values = prediction for every row.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIX } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';

interface Ref { players: string[]; base_value: number; f_x: number[]; phi: number[][] }

function check(out: any, ref: Ref, tol: number, what: string): void {
  expect(out.players, what).toEqual(ref.players);
  expect(Math.abs(out.base_value - ref.base_value), `${what} base`).toBeLessThanOrEqual(tol);
  out.values.forEach((row: number[], r: number) => {
    expect(Math.abs(out.predictions[r] - ref.f_x[r]), `${what} f(x) row ${r}`).toBeLessThanOrEqual(tol);
    row.forEach((v, p) => expect(Math.abs(v - ref.phi[r][p]), `${what} row ${r} ${ref.players[p]}`).toBeLessThanOrEqual(tol));
    const sum = row.reduce((s, v) => s + v, out.base_value);
    expect(Math.abs(sum - out.predictions[r]), `${what} efficiency row ${r}`).toBeLessThanOrEqual(1e-6);
  });
}

const MATRIX = ['german_credit_logreg', 'german_credit_logreg_small', 'german_credit_gbm', 'german_credit_gbm_small', 'hmda_logreg', 'hmda_gbm'];

describe('einblick explain reproduces the exact references (issue 3)', () => {
  for (const name of MATRIX) {
    it(`${name}: log-odds by feature and by source column${name.endsWith('_small') ? ', probability' : ''}`, async () => {
      const ref = JSON.parse(readFileSync(join(FIX, name, 'reference.json'), 'utf8')).explanations;
      const base = ['explain', '--model', join(FIX, name, 'model.onnx'), '--data', join(FIX, name, 'features.csv'),
        '--rows', ref.rows.explained.join(','), '--background-rows', ref.rows.background.join(','), '--quiet'];
      const byFeature = await cli(...base, '--space', 'logit', '--groups', 'none');
      expect(byFeature.stderr).toBe('');
      const out = JSON.parse(byFeature.stdout);
      expect(['tree', 'linear']).toContain(out.method);
      expect(out.rows).toEqual(ref.rows.explained);
      expect(out.background_rows).toEqual(ref.rows.background);
      check(out, ref.logit.by_feature, 1e-5, `${name} logit by feature`);
      check(JSON.parse((await cli(...base, '--space', 'logit')).stdout), ref.logit.by_source_column, 1e-5, `${name} logit by source column`);
      if (ref.probability) {
        const p = JSON.parse((await cli(...base, '--space', 'probability', '--groups', 'none')).stdout);
        check(p, ref.probability.by_feature, 1e-6, `${name} probability by feature`);
        check(JSON.parse((await cli(...base, '--space', 'probability')).stdout), ref.probability.by_source_column, 1e-6, `${name} probability by source column`);
      }
    });
  }

  it('real_german_pipe_rf (skl2onnx pipeline): input columns as players, log-odds and probability', async () => {
    const ref = JSON.parse(readFileSync(join(FIX, 'real_german_pipe_rf/reference.json'), 'utf8'));
    const base = ['explain', '--model', join(FIX, 'real_german_pipe_rf/model.onnx'), '--data', join(FIX, 'real_german_pipe_rf/data.csv'),
      '--rows', ref.rows.explained.join(','), '--background-rows', ref.rows.background.join(','), '--quiet'];
    for (const space of ['logit', 'probability'] as const) {
      const r = await cli(...base, '--space', space);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout);
      expect(out.method).toBe('tree');
      check(out, { players: ref.players, ...ref.explanations[space] }, space === 'logit' ? 1e-5 : 1e-6, `pipe ${space}`);
    }
  });
});

describe('einblick explain: methods, defaults and bad input (issue 3)', () => {
  const model = join(FIX, 'german_credit_gbm_small/model.onnx');
  const data = join(FIX, 'german_credit_gbm_small/features.csv');

  it('permutation SHAP with a seed: reproducible, efficient, and its stated errors cover the exact values', async () => {
    // the seed draws the background sample too: the same seed gives the same background
    const args = ['explain', '--model', model, '--data', data, '--rows', '0-4', '--background', '20', '--space', 'probability', '--seed', '3', '--quiet'];
    const exact = JSON.parse((await cli(...args, '--method', 'exact')).stdout);
    const a = JSON.parse((await cli(...args, '--method', 'permutation', '--samples', '2000')).stdout);
    const b = JSON.parse((await cli(...args, '--method', 'permutation', '--samples', '2000')).stdout);
    expect(a.background_rows).toEqual(exact.background_rows);
    expect(a.base_value).toBeCloseTo(exact.base_value, 12);
    expect(a).toEqual(b);
    expect(a.method).toBe('permutation');
    expect(a.error_estimate).toBeGreaterThan(0);
    let covered = 0, total = 0;
    a.values.forEach((row: number[], r: number) => row.forEach((v, p) => {
      total++;
      if (Math.abs(v - exact.values[r][p]) <= 3 * a.standard_errors[r][p] + 1e-12) covered++;
      expect(Math.abs(row.reduce((s, x) => s + x, a.base_value) - a.predictions[r])).toBeLessThanOrEqual(1e-9);
    }));
    expect(covered / total).toBeGreaterThanOrEqual(0.95);
  });

  it('the chosen method and why are part of the result', async () => {
    const r = JSON.parse((await cli('explain', '--model', model, '--data', data, '--rows', '0', '--quiet')).stdout);
    expect(r.space).toBe('probability');
    expect(r.notes.join(' ')).toMatch(/method auto/);
    expect(r.background_rows).toHaveLength(100);
  });

  it('rejects rows out of range, an unknown method, a space that does not fit the task', async () => {
    const a = await cli('explain', '--model', model, '--data', data, '--rows', '5000');
    expect(a.code).toBe(EXIT.usage);
    expect(a.stderr).toMatch(/invalid rows: 5000; the data has rows 0 to 999/);
    const b = await cli('explain', '--model', model, '--data', data, '--method', 'magic');
    expect(b.code).toBe(EXIT.usage);
    expect(b.stderr).toMatch(/invalid method: magic; expected one of auto, tree/);
    const zoo = join(FIX, 'models/gbr_cps_wage');
    const c = await cli('explain', '--model', join(zoo, 'model.onnx'), '--data', join(zoo, 'data.csv'), '--features', 'education,experience,age,union,married,south', '--space', 'logit', '--rows', '0');
    expect(c.code).toBe(EXIT.usage);
    expect(c.stderr).toMatch(/invalid space: logit; expected one of raw/);
  });

  it('a regression model: exact tree SHAP in raw space, efficiency holds', async () => {
    const zoo = join(FIX, 'models/gbr_cps_wage');
    const r = await cli('explain', '--model', join(zoo, 'model.onnx'), '--data', join(zoo, 'data.csv'), '--features', 'education,experience,age,union,married,south', '--rows', '0-9', '--quiet');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('tree');
    expect(out.space).toBe('raw');
    out.values.forEach((row: number[], i: number) => expect(Math.abs(row.reduce((s, x) => s + x, out.base_value) - out.predictions[i])).toBeLessThanOrEqual(1e-6));
  });
});

describe('einblick explain --label (issue 3, with the arbeitsschutz demo)', () => {
  it('explains P(outcome value) when the model names that class, even at column 0', async () => {
    const dir = join(import.meta.dirname, '../../../static/demo/arbeitsschutz');
    const base = ['explain', '--model', join(dir, 'model.onnx'), '--data', join(dir, 'data.csv'), '--rows', '0-9', '--background', '30', '--space', 'logit', '--quiet'];
    const ja = JSON.parse((await cli(...base, '--label', 'Mangel_festgestellt=ja')).stdout);
    const col0 = JSON.parse((await cli(...base, '--output', 'output_probability:0')).stdout);
    const col1 = JSON.parse((await cli(...base)).stdout);
    expect(ja.values).toEqual(col0.values);
    // the other class: log-odds are exactly the negative
    ja.values.forEach((row: number[], r: number) => row.forEach((v, p) => expect(v).toBeCloseTo(-col1.values[r][p], 9)));
  });
});

describe('JSON notes stay the English texts (issue: English-only technical notes)', () => {
  // the notes as `einblick explain` wrote them before they were coded for translation
  const cases: [string, string[], string[]][] = [
    ['tree SHAP', ['--model', join(FIX, 'real_german_pipe_rf/model.onnx'), '--data', join(FIX, 'real_german_pipe_rf/data.csv'), '--rows', '0-4', '--background', '30'], [
      'exact structure: tree ensemble read from the graph; agrees with onnxruntime on 1035 rows to 5.0e-7',
      'method auto: exact tree SHAP: the score is a tree ensemble read from the graph and probability space is additive in its margin',
      'interventional tree SHAP over 100 trees (path-wise, exact; kernel wasm)',
      'tree ensemble TreeEnsembleClassifier: 100 trees, TreeEnsembleClassifier, post_transform NONE',
    ]],
    ['linear pairs', ['--model', join(FIX, 'german_credit_logreg/model.onnx'), '--data', join(FIX, 'german_credit_logreg/features.csv'), '--rows', '0-2', '--background', '20'], [
      'exact structure: affine map read from the graph; agrees with onnxruntime on 1023 rows to 1.7e-7',
      "method auto: exact by enumeration: probability space is not additive in the margin of the affine map, so each background row's game is enumerated over the players that differ (at most 16), with the margin from the graph",
      "pairwise enumeration of the affine margin's games, largest pair game 16 players",
      'affine map matmul over 59 values',
    ]],
    ['permutation', ['--model', join(FIX, 'german_credit_gbm_small/model.onnx'), '--data', join(FIX, 'german_credit_gbm_small/features.csv'), '--rows', '0-1', '--background', '10', '--method', 'permutation', '--space', 'logit'], [
      'exact structure: tree ensemble read from the graph; agrees with onnxruntime on 1012 rows to 1.5e-7',
      'method permutation: asked for',
      'model evaluations use the structure read from the graph (float64, checked against onnxruntime)',
      '40 sampling units per row (seed 1); standard errors per value',
    ]],
  ];
  for (const [what, args, notes] of cases) {
    it(`${what}: the same notes as before`, async () => {
      const r = await cli('explain', ...args, '--quiet');
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).notes).toEqual(notes);
    });
  }
});
