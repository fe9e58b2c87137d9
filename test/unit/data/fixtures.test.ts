// Every data.csv and features.csv in test/fixtures loads with the right shape, kinds and values.
// Reference: a naive split of the file (the fixtures contain no quotes), independent of papaparse.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { categoryColumn, numericColumn } from '../../../src/engine/data/columns.ts';

const TOKENS = ['NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '#N/A'];
const ROOT = join(import.meta.dirname, '../../fixtures');
const files = readdirSync(ROOT)
  .flatMap((dir) => ['data.csv', 'features.csv'].map((f) => join(ROOT, dir, f)))
  .filter((p) => existsSync(p));

function naive(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

async function load(path: string) {
  return loadTable(new Uint8Array(readFileSync(path)), path);
}

describe('fixtures load with the right shape', () => {
  it('finds the fixture files', () => {
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const path of files) {
    it(path.slice(ROOT.length + 1), async () => {
      const ref = naive(path);
      const t = await load(path);
      expect(t.format).toBe('csv');
      expect(t.csv).toEqual({ delimiter: ',', decimal: '.' });
      expect(t.rows).toBe(ref.rows.length);
      expect(t.columns.map((c) => c.name)).toEqual(ref.header);
      // the only expected warnings: category values that look like missing marks ("None" in
      // german credit is a real level and must stay one)
      const expected = ref.header.flatMap((name, j) => {
        const vals = new Set(ref.rows.map((r) => r[j]));
        const numeric = ref.rows.every((r) => Number.isFinite(Number(r[j])));
        const marks = TOKENS.filter((tk) => vals.has(tk));
        return !numeric && marks.length > 0 ? [{ column: name, values: marks }] : [];
      });
      expect(t.warnings.map((w) => ({ code: w.code, ...w.params }))).toEqual(
        expected.map((e) => ({ code: 'MISSING_TOKEN_AS_CATEGORY', ...e })),
      );
      // a column is numeric exactly when every cell parses as a number
      ref.header.forEach((name, j) => {
        const allNumbers = ref.rows.every((r) => r[j] !== '' && Number.isFinite(Number(r[j])));
        expect(t.columns[j].kind, name).toBe(allNumbers ? 'number' : 'category');
        if (allNumbers) {
          const x = numericColumn(t.table, name);
          ref.rows.forEach((r, i) => expect(x[i]).toBe(Number(r[j])));
        } else {
          const { codes, levels } = categoryColumn(t.table, name);
          ref.rows.forEach((r, i) => expect(levels[codes[i]]).toBe(r[j]));
        }
      });
      if (path.endsWith('features.csv')) expect(t.columns.every((c) => c.kind === 'number')).toBe(true);
    });
  }
});

describe('fixture column kinds named in the issue', () => {
  it('german credit: Age number integer, Class category, ForeignWorker number', async () => {
    const t = await load(join(ROOT, 'german_credit_gbm/data.csv'));
    const col = (n: string) => t.columns.find((c) => c.name === n)!;
    expect(col('Age')).toMatchObject({ kind: 'number', integer: true, missing: 0, min: 19, max: 75 });
    expect(col('Class')).toMatchObject({ kind: 'category', distinct: 2, missing: 0 });
    expect(col('OtherDebtorsGuarantors')).toMatchObject({ kind: 'category', missing: 0, distinct: 3 });
    expect(categoryColumn(t.table, 'OtherDebtorsGuarantors').levels).toContain('None');
    expect(col('ForeignWorker')).toMatchObject({ kind: 'number', integer: true, distinct: 2, min: 0, max: 1 });
    // hand count from the naive reference
    const ref = naive(join(ROOT, 'german_credit_gbm/data.csv'));
    const j = ref.header.indexOf('Class');
    const good = ref.rows.filter((r) => r[j] === 'Good').length;
    const { codes, levels } = categoryColumn(t.table, 'Class');
    expect(levels).toEqual(['Bad', 'Good']);
    expect(codes.filter((c) => c === 1).length).toBe(good);
  });

  it('HMDA: deny category, pirat number (not integer)', async () => {
    const t = await load(join(ROOT, 'hmda_gbm/data.csv'));
    const col = (n: string) => t.columns.find((c) => c.name === n)!;
    expect(col('deny')).toMatchObject({ kind: 'category', distinct: 2 });
    expect(col('pirat')).toMatchObject({ kind: 'number', integer: false });
    expect(col('chist')).toMatchObject({ kind: 'number', integer: true });
    expect(categoryColumn(t.table, 'deny').levels).toEqual(['no', 'yes']);
  });
});
