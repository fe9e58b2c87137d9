/**
 * Issue 9 (the bad-input probe), end to end through `einblick fairness`: an empty feature
 * column made the model return NaN for every row, and Einblick blamed the outcome column ("it
 * seems to be empty"); an outcome column named with "=" could not be given to --label.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { cli, FIX, tmp, writeTmp } from '../cli/cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';

const rows = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('issue 9: outcome messages through the CLI', () => {
  it('an empty feature column: the message names it and does not blame the outcome', async () => {
    const dir = join(FIX, 'german_credit_logreg');
    const features = rows(join(dir, 'features.csv'));
    const data = rows(join(dir, 'data.csv'));
    const names = Object.keys(features[0]);
    const table = features.map((r, i) => ({ ...r, Duration: '', Class: data[i].Class, sex: data[i].sex }));
    const path = writeTmp(tmp(), 'empty-duration.csv', Papa.unparse(table));
    const r = await cli('fairness', '--model', join(dir, 'model.onnx'), '--data', path, '--features', names.join(','), '--label', 'Class=Good', '--protected', 'sex', '--quiet');
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stderr).toContain('no row has both a score and an outcome: 1000 of 1000 rows lack a score because the model gave no number for them (NaN) (the model input column Duration is empty)');
    expect(r.stderr).not.toMatch(/seems to be empty|Check the outcome column/);
  });

  it('--label with "=" in the column name, and "did you mean" for a value in another case', async () => {
    const dir = join(FIX, 'real_german_pipe_rf');
    const csv = readFileSync(join(dir, 'data.csv'), 'utf8').replace(/^(.*?),Class,/, '$1,Class=ok,');
    const path = writeTmp(tmp(), 'eq.csv', csv);
    const base = ['fairness', '--model', join(dir, 'model.onnx'), '--data', path, '--protected', 'sex', '--bootstrap', '0', '--quiet'];
    const ok = await cli(...base, '--label', 'Class=ok=Good');
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).label).toEqual({ column: 'Class=ok', positive: 'Good' });
    const typo = await cli(...base, '--label', 'Class=ok=good');
    expect(typo.code).toBe(EXIT.usage);
    expect(typo.stderr).toContain('did you mean Good?');
  }, 60_000);
});
