/**
 * Issue 5, the model check step for the other kinds of models: a regression model (errors
 * against the true wages) and an anomaly detector (share flagged), each against values computed
 * here from reference scores made outside the project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { foreignRequests, gotoStep, loadFiles, openPage, startHarness, type Harness } from './harness.ts';

const ZOO = resolve(import.meta.dirname, '../fixtures/models');
const SHOTS = '/tmp/einblick-e2e';
const csv = (f: string, delimiter = ',') => Papa.parse<Record<string, string>>(readFileSync(f, 'utf8'), { header: true, skipEmptyLines: true, delimiter }).data;

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('model check of regression and anomaly models (issue 5)', () => {
  it('regression (English): MAE, RMSE and R² against the true values', async () => {
    const p = await openPage(h, { lang: 'en' });
    const { page } = p;
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadFiles(page, join(ZOO, 'gbr_cps_wage/model.onnx'), join(ZOO, 'gbr_cps_wage/data.csv'));
    await gotoStep(page, 'map');
    await page.getByTestId('mapping-step').getByRole('button', { name: 'None', exact: true }).click();
    for (const c of ['education', 'experience', 'age', 'union', 'married', 'south']) await page.getByTestId('mapping-step').getByLabel(c, { exact: true }).check();
    await page.getByTestId('apply-features').click();
    await page.getByTestId('mapping-ok').waitFor();
    expect(await page.getByTestId('fairness-outcome').inputValue()).toBe('wage');
    await gotoStep(page, 'check');
    const results = page.getByTestId('check-results');
    await results.waitFor({ timeout: 60_000 });
    expect(await results.getAttribute('data-task')).toBe('regression');
    const wage = csv(join(ZOO, 'gbr_cps_wage/data.csv')).map((r) => Number(r.wage));
    const score = csv(join(ZOO, 'gbr_cps_wage/reference.csv')).map((r) => Number(r.score));
    const err = score.map((s, i) => s - wage[i]);
    const mae = err.reduce((s, e) => s + Math.abs(e), 0) / err.length;
    const rmse = Math.sqrt(err.reduce((s, e) => s + e * e, 0) / err.length);
    const mean = wage.reduce((s, w) => s + w, 0) / wage.length;
    const r2 = 1 - err.reduce((s, e) => s + e * e, 0) / wage.reduce((s, w) => s + (w - mean) ** 2, 0);
    // the model computes in float32: its scores differ from the float64 reference in the 6th digit
    expect(Number(await page.getByTestId('check-mae').getAttribute('data-value'))).toBeCloseTo(mae, 4);
    expect(Number(await page.getByTestId('check-rmse').getAttribute('data-value'))).toBeCloseTo(rmse, 4);
    expect(Number(await page.getByTestId('check-r2').getAttribute('data-value'))).toBeCloseTo(r2, 4);
    await page.screenshot({ path: join(SHOTS, 'check-en-regression.png'), fullPage: true });
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  });

  it('anomaly detector (German CSV): the share it flags', async () => {
    const p = await openPage(h);
    const { page } = p;
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadFiles(page, join(ZOO, 'iforest_employers_de/model.onnx'), join(ZOO, 'iforest_employers_de/data.csv'));
    await gotoStep(page, 'map');
    // the matrix takes the six number columns, in the table's order
    await page.getByTestId('mapping-step').getByRole('button', { name: 'Alle Zahlenspalten', exact: true }).click();
    await page.getByTestId('apply-features').click();
    await page.getByTestId('mapping-ok').waitFor();
    await gotoStep(page, 'check');
    const results = page.getByTestId('check-results');
    await results.waitFor({ timeout: 60_000 });
    expect(await results.getAttribute('data-task')).toBe('anomaly');
    const labels = csv(join(ZOO, 'iforest_employers_de/reference.csv')).map((r) => Number(r.label));
    const share = labels.filter((l) => l === -1).length / labels.length;
    expect(Number(await page.getByTestId('check-flagged').getAttribute('data-value'))).toBeCloseTo(share, 12);
    expect(await page.getByTestId('check-flagged').textContent()).toBe(new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 }).format(share));
    await page.screenshot({ path: join(SHOTS, 'check-de-anomaly.png'), fullPage: true });
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  });
});
