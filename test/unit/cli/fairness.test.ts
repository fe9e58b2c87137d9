/**
 * Issue 4: `einblick fairness` end to end (data file -> model -> predictions -> fairness JSON)
 * reproduces the fixtures' fairlearn 0.12 reference values: counts exactly, rates, AUC and
 * disparities to 1e-9, at thresholds 0.5, 0.3 and 0.7, single attributes and intersections.
 * The matrix fixtures' model input (features.csv) is joined with the outcome and protected
 * columns of data.csv, and --features names the model's columns, as a person would do.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { cli, FIX, tmp, writeTmp } from './cli-helpers.ts';
import { EXIT } from '../../../src/cli/exit.ts';

const CASES = ['german_credit_gbm', 'german_credit_gbm_small', 'german_credit_logreg', 'german_credit_logreg_small', 'hmda_gbm', 'hmda_logreg'];
const RATES: [string, string][] = [
  ['base_rate', 'base_rate'], ['selection_rate', 'selection_rate'], ['favourable_rate', 'favourable_rate'], ['tpr', 'tpr'], ['fpr', 'fpr'],
  ['fnr', 'fnr'], ['tnr', 'tnr'], ['ppv', 'ppv'], ['npv', 'npv'], ['accuracy', 'accuracy'], ['auc', 'roc_auc'],
];
const COUNTS = ['n', 'n_positive', 'n_negative', 'tp', 'fp', 'tn', 'fn'];
const DISPARITIES = ['demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio', 'equal_opportunity_difference'];

function rows(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** features.csv plus the outcome and protected columns of data.csv, as one CSV. */
function joined(name: string, extra: string[]): { path: string; features: string[] } {
  const feats = rows(join(FIX, name, 'features.csv'));
  const data = rows(join(FIX, name, 'data.csv'));
  const features = Object.keys(feats[0]);
  const table = feats.map((r, i) => ({ ...r, ...Object.fromEntries(extra.map((c) => [c, data[i][c]])) }));
  return { path: writeTmp(tmp(), `${name}.csv`, Papa.unparse(table)), features };
}

function close(actual: unknown, expected: number | null, what: string): void {
  if (expected === null) expect(actual, what).toBeNull();
  else expect(Math.abs((actual as number) - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

const value = (key: string) => key.split('&').map((kv) => kv.slice(kv.indexOf('=') + 1)).join('+');

describe('einblick fairness reproduces the reference fixtures (issue 4)', () => {
  for (const name of CASES) {
    it(`${name}: thresholds 0.5, 0.3, 0.7`, async () => {
      const meta = JSON.parse(readFileSync(join(FIX, name, 'model.json'), 'utf8'));
      const ref = JSON.parse(readFileSync(join(FIX, name, 'reference.json'), 'utf8')).fairness;
      const prot: string[] = meta.protected_attributes.single;
      const { path, features } = joined(name, [meta.label.column, ...prot]);
      for (const threshold of [0.5, 0.3, 0.7]) {
        const r = await cli('fairness', '--model', join(FIX, name, 'model.onnx'), '--data', path, '--features', features.join(','),
          '--label', `${meta.label.column}=${meta.label.positive_value}`, '--favourable', meta.label.favourable_value,
          '--protected', prot.join(','), '--intersect', meta.protected_attributes.intersectional.map((x: string[]) => x.join('+')).join(','),
          '--threshold', String(threshold), '--bootstrap', '0', '--quiet');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout);
        const expected = ref.results[String(threshold)].all;
        expect(out.threshold).toBe(threshold);
        expect(out.label).toEqual({ column: meta.label.column, positive: meta.label.positive_value });
        expect(out.favourable).toBe(meta.label.favourable_value);
        expect(out.attributes.map((a: { name: string }) => a.name)).toEqual(expected.by_attributes.map((b: { attributes: string[] }) => b.attributes.join('+')));
        out.attributes.forEach((attr: any, ai: number) => {
          const refAttr = expected.by_attributes[ai];
          expect(attr.groups.length).toBe(refAttr.groups.length);
          for (const rg of refAttr.groups) {
            const g = attr.groups.find((x: any) => x.value === value(rg.key));
            for (const k of COUNTS) expect(g[k], `${name} ${threshold} ${rg.key} ${k}`).toBe(rg[k]);
            for (const [ours, theirs] of RATES) close(g[ours], rg[theirs], `${name} ${threshold} ${rg.key} ${ours}`);
          }
          for (const k of DISPARITIES) close(attr.disparities[k], refAttr.disparities[k], `${name} ${threshold} ${attr.name} ${k}`);
          const fav = refAttr.disparities.disparate_impact.favourable_outcome;
          close(attr.disparities.four_fifths.ratio, fav.ratio, `${name} ${threshold} ${attr.name} four-fifths`);
          expect(attr.disparities.four_fifths.passes).toBe(fav.ratio === null ? null : fav.ratio >= 0.8);
        });
      }
    });
  }
});

describe('einblick fairness: intervals, rankings, other tasks, bad input (issue 4)', () => {
  const model = join(FIX, 'real_german_pipe_rf/model.onnx');
  const data = join(FIX, 'real_german_pipe_rf/data.csv');

  it('gives Wilson and bootstrap intervals that contain the estimate, reproducible with a seed', async () => {
    const args = ['fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--favourable', 'Good', '--protected', 'sex', '--bootstrap', '200', '--seed', '7', '--quiet'];
    const a = JSON.parse((await cli(...args)).stdout);
    const b = JSON.parse((await cli(...args)).stdout);
    expect(a).toEqual(b);
    for (const g of a.attributes[0].groups) {
      const [lo, hi] = g.selection_rate_ci;
      expect(lo).toBeLessThanOrEqual(g.selection_rate);
      expect(hi).toBeGreaterThanOrEqual(g.selection_rate);
    }
    const d = a.attributes[0].disparities;
    expect(d.demographic_parity_difference_ci[0]).toBeLessThanOrEqual(d.demographic_parity_difference_ci[1]);
  });

  it('ranking at 10% and 50: k = round(fraction * n), shares add up to 1', async () => {
    const r = await cli('fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--protected', 'sex', '--top-k', '10%,50', '--bootstrap', '0', '--quiet');
    const out = JSON.parse(r.stdout);
    expect(out.ranking.map((x: { k: number }) => x.k)).toEqual([100, 50]);
    for (const cut of out.ranking) {
      const shares = cut.attributes[0].groups.reduce((s: number, g: { selection_share: number }) => s + g.selection_share, 0);
      expect(shares).toBeCloseTo(1, 12);
    }
  });

  it('regression: mean error per group equals mean prediction minus mean outcome', async () => {
    const zoo = join(FIX, 'models/gbr_cps_wage');
    const r = await cli('fairness', '--model', join(zoo, 'model.onnx'), '--data', join(zoo, 'data.csv'), '--features', 'education,experience,age,union,married,south',
      '--label', 'wage', '--protected', 'gender', '--bootstrap', '0', '--quiet');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.task).toBe('regression');
    for (const g of out.attributes[0].groups) expect(g.mean_error).toBeCloseTo(g.mean_prediction - g.mean_target, 9);
  });

  it('anomaly: share flagged per group from the model\'s own labels', async () => {
    const zoo = join(FIX, 'models/iforest_employers_de');
    const r = await cli('fairness', '--model', join(zoo, 'model.onnx'), '--data', join(zoo, 'data.csv'),
      '--features', 'beschaeftigte,teilzeitquote,minijobquote,durchschnittslohn,rueckstand_tage,korrekturmeldungen', '--protected', 'branche', '--bootstrap', '0', '--quiet');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.task).toBe('anomaly');
    const ref = rows(join(zoo, 'reference.csv'));
    const flagged = ref.filter((x) => x.label === '-1').length;
    const total = out.attributes[0].groups.reduce((s: number, g: { n: number; share_flagged: number }) => s + g.n * g.share_flagged, 0);
    expect(Math.round(total)).toBe(flagged);
  });

  it('names the values when the positive outcome is not given and cannot be inferred', async () => {
    const r = await cli('fairness', '--model', join(FIX, 'models/pipe_gbc_attrition/model.onnx'), '--data', join(FIX, 'models/pipe_gbc_attrition/data.csv'), '--label', 'Attrition', '--protected', 'Gender');
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/No, Yes/);
  });

  it('rejects an unknown protected column and a bad threshold', async () => {
    const a = await cli('fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--protected', 'gender');
    expect(a.code).toBe(EXIT.badInput);
    expect(a.stderr).toMatch(/missing column: gender/);
    const b = await cli('fairness', '--model', model, '--data', data, '--label', 'Class=Good', '--protected', 'sex', '--threshold', '1.5');
    expect(b.code).toBe(EXIT.usage);
    expect(b.stderr).toMatch(/invalid threshold: 1.5/);
  });
});

describe('anomaly rankings put the flagged end first (issue 4)', () => {
  it('isolation forest: the top 10% are the lowest scores, where the model\'s own flags sit', async () => {
    const zoo = join(FIX, 'models/iforest_employers_de');
    const feats = 'beschaeftigte,teilzeitquote,minijobquote,durchschnittslohn,rueckstand_tage,korrekturmeldungen';
    const r = await cli('fairness', '--model', join(zoo, 'model.onnx'), '--data', join(zoo, 'data.csv'), '--features', feats, '--protected', 'branche', '--label', 'befund=ja', '--top-k', '10%', '--bootstrap', '0', '--quiet');
    const out = JSON.parse(r.stdout);
    const ref = rows(join(zoo, 'reference.csv'));
    const befund = Papa.parse<Record<string, string>>(readFileSync(join(zoo, 'data.csv'), 'utf8'), { header: true, skipEmptyLines: true, delimiter: ';' }).data.map((x) => x.befund);
    const k = out.ranking[0].k;
    expect(k).toBe(Math.round(0.1 * ref.length));
    // expected: the k lowest scores (ties by row), the share of them with befund = ja
    const lowest = ref.map((x, i) => ({ s: Number(x.score), i })).sort((a, b) => a.s - b.s || a.i - b.i).slice(0, k);
    const hits = lowest.filter((o) => befund[o.i] === 'ja').length;
    expect(out.ranking[0].precision).toBeCloseTo(hits / k, 12);
    const highest = ref.map((x, i) => ({ s: Number(x.score), i })).sort((a, b) => b.s - a.s || a.i - b.i).slice(0, k);
    expect(highest.filter((o) => befund[o.i] === 'ja').length).not.toBe(hits); // the check can tell the two orders apart
  });
});
