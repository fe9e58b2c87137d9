/**
 * Issue 9: flags that say nothing or say it twice are usage errors (exit 2) naming the flag:
 * `--threshold ""` was read as 0, `--features a,a,a` filled three model inputs with one column,
 * `--top-k ,,` and `--features ""` were silently dropped, a second `--reference sex=...` won
 * silently. Long values are cut in the message. commander 14 (Node 20) keeps every flag,
 * `--no-small-group-warnings`, the help and the exit codes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FIX, tmp } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';
import { limitOption, list, shown } from '../../../src/cli/options.ts';

const model = join(FIX, 'real_german_pipe_rf/model.onnx');
const data = join(FIX, 'real_german_pipe_rf/data.csv');
const FAIR = ['fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--protected', 'sex', '--bootstrap', '0', '--quiet'];
const EXPLAIN = ['explain', '--model', model, '--data', data, '--rows', '0', '--quiet'];

describe('issue 9: blank and hollow flag values', () => {
  it.each([
    ['--threshold', ''], ['--threshold', ' '], ['--protected', ''], ['--label', ''], ['--top-k', ''], ['--output', ''],
    ['--bins', ''], ['--reference', ''], ['--favourable', ''], ['--intersect', ''], ['--features', ''], ['--task', ''],
    ['--seed', ''], ['--min-group-size', ' '], ['--out', ''],
  ])('fairness %s %j', async (flag, value) => {
    const r = await cli(...FAIR, flag, value);
    expect(r.stderr).toContain(`einblick: error: invalid ${flag.slice(2)}: the value is empty`);
    expect(r.stderr).toContain(`what to do: Give ${flag} a value, or leave the flag out.`);
    expect(r.code).toBe(EXIT.usage);
  });

  it.each([['--seed'], ['--samples'], ['--space'], ['--method'], ['--groups'], ['--rows'], ['--background-rows'], ['--background'], ['--label'], ['--output']])('explain %s ""', async (flag) => {
    const r = await cli(...EXPLAIN, flag, '');
    expect(r.stderr).toContain(`invalid ${flag.slice(2)}: the value is empty`);
    expect(r.code).toBe(EXIT.usage);
  });

  it('predict, inspect and audit check their flags too', async () => {
    expect((await cli('predict', '--model', model, '--data', data, '--label', ' ')).stderr).toContain('invalid label: the value is empty');
    expect((await cli('inspect', '--model', '')).stderr).toContain('invalid model: the value is empty');
    const a = await cli('audit', '', '--model', model, '--data', data, '--out', tmp());
    expect(a.stderr).toContain('the audit file path is empty');
    expect(a.code).toBe(EXIT.usage);
  });

  it.each([
    ['--protected', ',,,', 'invalid protected: ,,,; expected a list separated by commas'],
    ['--top-k', ', ,', 'invalid top-k: , ,; expected a list separated by commas'],
    ['--threshold', '0x1', 'invalid threshold: 0x1; expected a number from 0 to 1'],
    ['--threshold', 'Infinity', 'invalid threshold: Infinity'],
    ['--threshold', '1,5', 'invalid threshold: 1,5; expected a number from 0 to 1'],
    ['--seed', '1.5', 'invalid seed: 1.5; expected a whole number from -2147483648 to 2147483647'],
    ['--bootstrap', '-1', 'invalid bootstrap: -1; expected 0 or a whole number from 10 to 100000'],
    ['--bootstrap', '5', 'invalid bootstrap: 5; expected 0 or a whole number from 10 to 100000'],
    ['--min-group-size', 'abc', 'invalid min-group-size: abc; expected a whole number from 1 to 1000000000'],
  ])('fairness %s %j', async (flag, value, message) => {
    const r = await cli(...FAIR, flag, value);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(EXIT.usage);
  });

  it('a repeatable flag names each column once', async () => {
    const ref = await cli(...FAIR, '--reference', 'sex=male', '--reference', 'sex=female');
    expect(ref.stderr).toContain('invalid reference: sex is given twice');
    expect(ref.code).toBe(EXIT.usage);
    const bins = await cli(...FAIR, '--protected', 'Age', '--bins', 'Age=q4', '--bins', 'Age=25,35');
    expect(bins.stderr).toContain('invalid bins: Age is given twice');
  });

  it('long values are cut in the message', async () => {
    const long = 'x'.repeat(100_000);
    const t = await cli(...FAIR, '--threshold', long);
    expect(t.stderr).toContain(`invalid threshold: ${'x'.repeat(60)}… (100000 characters); expected a number from 0 to 1`);
    const p = await cli(...FAIR, '--protected', long);
    expect(p.code).toBe(EXIT.badInput);
    expect(p.stderr).toContain('characters left out');
    expect(p.stderr.length).toBeLessThan(5000);
  });

  it('the number parser: decimal comma and exponent yes, blanks and hex no', () => {
    expect(limitOption('0,3', 'threshold')).toBe(0.3);
    expect(limitOption(' 1e-1 ', 'threshold')).toBe(0.1);
    expect(limitOption('0', 'bootstrap')).toBe(0);
    expect(limitOption(undefined, 'seed')).toBeUndefined();
    for (const bad of ['', ' ', '0x1', '0b1', '1_0', '.', '-', 'e5', '1e', 'NaN']) expect(() => limitOption(bad, 'seed'), bad).toThrow('invalid seed');
    expect(list('a, b,,c', 'protected')).toEqual(['a', 'b', 'c']);
    expect(shown('a b')).toBe('a b');
    expect(shown(' a')).toBe('" a"');
  });
});

describe('issue 9: --features names each column once', () => {
  const gbm = join(FIX, 'german_credit_gbm/model.onnx');
  const features = join(FIX, 'german_credit_gbm/features.csv');
  const header = readFileSync(features, 'utf8').split('\n')[0].split(',');

  it('a repeated column is refused with its name (it filled several model inputs before)', async () => {
    const names = [header[0], ...header.slice(0, -1)]; // 20 names, Duration twice
    const r = await cli('predict', '--model', gbm, '--data', features, '--features', names.join(','));
    expect(r.stderr).toContain(`einblick: error: the feature column ${header[0]} is named more than once`);
    expect(r.code).toBe(EXIT.usage);
    const ok = await cli('predict', '--model', gbm, '--data', features, '--features', header.join(','));
    expect(ok.code).toBe(0);
  });
});

describe('issue 9: commander 14 keeps the command line as it was', () => {
  it('help, version and unknown commands', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: einblick \[options\] \[command\]/);
    for (const c of ['inspect', 'predict', 'explain', 'fairness', 'audit']) expect(help.stdout).toContain(c);
    const fh = await cli('fairness', '--help');
    expect(fh.stdout).toContain('--no-small-group-warnings');
    expect((await cli('--version')).code).toBe(0);
    const bad = await cli('bogus');
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/unknown command 'bogus'/);
    const missing = await cli('fairness', '--model', model);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toMatch(/required option '--data <file>' not specified/);
  });

  it('--no-small-group-warnings silences the small-group notes', async () => {
    const args = ['fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--protected', 'sex,age_group', '--intersect', 'sex+age_group', '--bootstrap', '0', '--min-group-size', '200'];
    const warned = await cli(...args);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/einblick: note: age_group = under_25: 149 rows, .*below the limits \(200 rows/);
    const quiet = await cli(...args, '--no-small-group-warnings');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).not.toMatch(/below the limits/);
    expect(quiet.stderr).toMatch(/einblick: note: column/);
  });
});
