/**
 * Issue 2: `einblick inspect` and `einblick predict` on every fixture, and bad input giving a
 * specific message and a non-zero exit code.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, csvColumn, csvStrings, FIX, tmp, writeTmp } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';

const MATRIX_CASES = ['german_credit_gbm', 'german_credit_gbm_small', 'german_credit_logreg', 'german_credit_logreg_small', 'hmda_gbm', 'hmda_logreg'];

describe('einblick predict on the reference fixtures (issue 2)', () => {
  for (const name of MATRIX_CASES) {
    it(`${name}: scores equal predictions.csv p_onnx_web`, async () => {
      const dir = tmp();
      const out = join(dir, 'p.json');
      const r = await cli('predict', '--model', join(FIX, name, 'model.onnx'), '--data', join(FIX, name, 'features.csv'), '--out', out);
      expect(r.stderr).not.toMatch(/error/); // notes (e.g. all columns used in file order) may be printed
      expect(r.code).toBe(0);
      const p = JSON.parse(readFileSync(out, 'utf8'));
      expect(p.task).toBe('classification');
      expect(p.output).toBe('probabilities');
      expect(p.positive_index).toBe(1);
      const ref = csvColumn(join(FIX, name, 'predictions.csv'), 'p_onnx_web');
      expect(p.scores).toHaveLength(ref.length);
      const maxDiff = Math.max(...p.scores.map((s: number, i: number) => Math.abs(s - ref[i])));
      expect(maxDiff).toBeLessThanOrEqual(1e-7);
    });
  }

  it('real_german_pipe_rf (skl2onnx pipeline with ZipMap): scores and labels equal onnxruntime-web', async () => {
    const dir = tmp();
    const out = join(dir, 'p.json');
    const r = await cli('predict', '--model', join(FIX, 'real_german_pipe_rf/model.onnx'), '--data', join(FIX, 'real_german_pipe_rf/data.csv'), '--out', out);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const p = JSON.parse(readFileSync(out, 'utf8'));
    expect(p.task).toBe('classification');
    expect(p.output).toBe('output_probability');
    expect(p.positive_index).toBe(1);
    const ref = csvColumn(join(FIX, 'real_german_pipe_rf/predictions.csv'), 'p_onnx_web_zipmap_stripped');
    const maxDiff = Math.max(...p.scores.map((s: number, i: number) => Math.abs(s - ref[i])));
    expect(maxDiff).toBeLessThanOrEqual(1e-7);
    expect(p.labels).toEqual(csvStrings(join(FIX, 'real_german_pipe_rf/predictions.csv'), 'label_onnx_web'));
  });

  it('--label Class=Bad scores P(Bad): the ZipMap column of that class (issue 5)', async () => {
    const args = ['predict', '--model', join(FIX, 'real_german_pipe_rf/model.onnx'), '--data', join(FIX, 'real_german_pipe_rf/data.csv')];
    const good = JSON.parse((await cli(...args)).stdout);
    const r = await cli(...args, '--label', 'Class=Bad');
    expect(r.code).toBe(0);
    const bad = JSON.parse(r.stdout);
    expect(bad.positive_index).toBe(0);
    expect(bad.scores).toHaveLength(good.scores.length);
    expect(Math.max(...bad.scores.map((s: number, i: number) => Math.abs(s + good.scores[i] - 1)))).toBeLessThan(1e-6);
  });

  it('--features picks matrix columns out of a wider table, in the given order', async () => {
    const dir = tmp();
    const src = readFileSync(join(FIX, 'german_credit_logreg_small/features.csv'), 'utf8').trim().split('\n');
    const header = src[0].split(',');
    // put an extra text column first, so the default mapping cannot work
    const wide = src.map((line, i) => (i === 0 ? 'note,' : 'x,') + line).join('\n');
    const data = writeTmp(dir, 'wide.csv', wide);
    const model = join(FIX, 'german_credit_logreg_small/model.onnx');
    const bad = await cli('predict', '--model', model, '--data', data);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.stderr).toMatch(/--features|width|column/i);
    const ok = await cli('predict', '--model', model, '--data', data, '--features', header.join(','));
    expect(ok.code).toBe(0);
    const p = JSON.parse(ok.stdout);
    const ref = csvColumn(join(FIX, 'german_credit_logreg_small/predictions.csv'), 'p_onnx_web');
    expect(Math.max(...p.scores.map((s: number, i: number) => Math.abs(s - ref[i])))).toBeLessThanOrEqual(1e-7);
  });
});

describe('einblick inspect (issue 2)', () => {
  it('reports the ZipMap pipeline: per-column inputs, classes, task', async () => {
    const r = await cli('inspect', '--model', join(FIX, 'real_german_pipe_rf/model.onnx'));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.task).toBe('classification');
    expect(s.layout).toBe('columns');
    expect(s.inputs.map((i: { name: string }) => i.name)).toContain('CheckingAccountStatus');
    expect(s.inputs.find((i: { name: string }) => i.name === 'Duration').type).toBe('int64');
    const prob = s.outputs.find((o: { name: string }) => o.name === 'output_probability');
    expect(prob.class_labels).toEqual(['Bad', 'Good']);
    expect(prob.from_zipmap).toBe(true);
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a matrix model with its width', async () => {
    const r = await cli('inspect', '--model', join(FIX, 'hmda_gbm/model.onnx'));
    const s = JSON.parse(r.stdout);
    expect(s.layout).toBe('matrix');
    expect(s.width).toBe(JSON.parse(readFileSync(join(FIX, 'hmda_gbm/model.json'), 'utf8')).n_features);
    expect(s.ops).toContain('ai.onnx.ml.TreeEnsembleRegressor');
  });
});

describe('bad input: a specific message and a non-zero exit code (issue 2)', () => {
  const model = join(FIX, 'real_german_pipe_rf/model.onnx');
  const data = join(FIX, 'real_german_pipe_rf/data.csv');

  const cases: [string, () => string[], RegExp][] = [
    ['a file that is not ONNX', () => ['inspect', '--model', data], /not an ONNX model/],
    ['a truncated ONNX file', () => ['inspect', '--model', writeTmp(tmp(), 'cut.onnx', readFileSync(model).subarray(0, 5000))], /incomplete|truncated/],
    ['an empty model file', () => ['inspect', '--model', writeTmp(tmp(), 'empty.onnx', '')], /empty/],
    ['a missing model file', () => ['inspect', '--model', '/nonexistent/m.onnx'], /not found/],
    ['an empty data file', () => ['predict', '--model', model, '--data', writeTmp(tmp(), 'empty.csv', '')], /empty/],
    ['a ragged CSV', () => ['predict', '--model', model, '--data', writeTmp(tmp(), 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n')], /line|row|fields/],
    ['a missing column', () => {
      const lines = readFileSync(data, 'utf8').split('\n');
      const drop = lines.map((l) => l.split(',').slice(1).join(',')).join('\n'); // drops Duration
      return ['predict', '--model', model, '--data', writeTmp(tmp(), 'nodur.csv', drop)];
    }, /Duration/],
    ['text where the model expects int64', () => {
      // row 3 says "long" instead of a number of months
      const rows = readFileSync(data, 'utf8').trim().split('\n').map((l, i) => (i === 3 ? l.replace(/^\d+,/, 'long,') : l));
      return ['predict', '--model', model, '--data', writeTmp(tmp(), 'text.csv', rows.join('\n'))];
    }, /Duration.*line 4 has "long"/],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, async () => {
      const r = await cli(...args());
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).toMatch(/what to do: \S+/);
    });
  }

  it('a missing required flag is a usage error (exit 2)', async () => {
    const r = await cli('predict', '--model', model);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/--data/);
  });

  it('an unknown --output names the real outputs', async () => {
    const r = await cli('predict', '--model', model, '--data', data, '--output', 'nope');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stderr).toMatch(/output_probability/);
  });
});

describe('npx einblick (issue 2)', () => {
  it('the bin entry runs the CLI as a separate process', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '../../../bin/einblick.js'), 'inspect', '--model', join(FIX, 'german_credit_logreg_small/model.onnx')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).task).toBe('classification');
    const bad = spawnSync(process.execPath, [join(import.meta.dirname, '../../../bin/einblick.js'), 'inspect', '--model', join(FIX, 'german_credit_logreg_small/data.csv')], { encoding: 'utf8', timeout: 60_000 });
    expect(bad.status).toBe(EXIT.badInput);
    expect(bad.stderr).toMatch(/not an ONNX model/);
  });
});

describe('what the CLI says besides the JSON (issue 2)', () => {
  it('predict: rows without a score are named on stderr (null in the JSON), load notes are printed', async () => {
    const dir = tmp();
    const src = readFileSync(join(FIX, 'german_credit_logreg_small/features.csv'), 'utf8').trim().split('\n');
    // an empty Amount makes the logistic model return NaN for that row; an extra text column holds "NA"
    const cells = src[2].split(',');
    cells[1] = '';
    const lines = [src[0] + ',note', src[1] + ',x', cells.join(',') + ',NA', ...src.slice(3).map((l) => l + ',y')];
    const data = writeTmp(dir, 'holes.csv', lines.join('\n'));
    const r = await cli('predict', '--model', join(FIX, 'german_credit_logreg_small/model.onnx'), '--data', data, '--features', src[0]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scores[1]).toBeNull();
    expect(r.stderr).toMatch(/note: 1 row has no score .*row 1,/);
    expect(r.stderr).toMatch(/note: column "note" holds text, and its value "NA" is kept as a category/);
    const quiet = await cli('predict', '--model', join(FIX, 'german_credit_logreg_small/model.onnx'), '--data', data, '--features', src[0], '--quiet');
    expect(quiet.stderr).toBe('');
  });

  it('explain --rows with a huge number or range is refused before it is expanded', async () => {
    for (const rows of ['100000000000000000000', '0-300000000']) {
      const r = await cli('explain', '--model', join(FIX, 'real_german_pipe_rf/model.onnx'), '--data', join(FIX, 'real_german_pipe_rf/data.csv'), '--rows', rows);
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toMatch(/invalid rows/);
    }
  });
});
