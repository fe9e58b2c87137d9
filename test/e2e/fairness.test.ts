/**
 * Issue 4, item 10, end to end in Chromium: the fairness step on the real_german_pipe_rf model.
 * A person chooses Class=Good, sex and age_group and their intersection, and runs; the group
 * table and the disparity summary show the numbers `einblick fairness` gives for the same
 * choices (computed here by the CLI in-process), in German formats. Moving the threshold slider
 * with the keyboard updates the table to the CLI's numbers at the new threshold. No request
 * leaves the page's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { foreignRequests, gotoStep, loadFiles, openPage, startHarness, type Harness } from './harness.ts';
import { cli } from '../unit/cli/cli-helpers.ts';

const FIX = resolve(import.meta.dirname, '../fixtures/real_german_pipe_rf');
const MODEL = join(FIX, 'model.onnx');
const DATA = join(FIX, 'data.csv');
/** The browser's threaded onnxruntime sums trees in another order: scores differ by < 1e-6 (see app.test.ts). */
const TOL = 1e-6;
/** Shown in the table, with their interval (AUC: its own row below). */
const RATES = ['base_rate', 'selection_rate', 'favourable_rate', 'tpr', 'fpr', 'ppv', 'accuracy'];
const ATTRS = ['sex', 'age_group', 'sex+age_group'];

type Json = Record<string, any>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function expected(threshold: number, favourable = 'Good'): Promise<Json> {
  const r = await cli('fairness', '--model', MODEL, '--data', DATA, '--label', 'Class=Good', '--favourable', favourable, '--protected', 'sex,age_group',
    '--intersect', 'sex+age_group', '--threshold', String(threshold), '--top-k', '10%,20%', '--bootstrap', '1000', '--seed', '1', '--min-group-size', '30', '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** Number formats as the page should show them (written here independently of the app's code). */
function formats(locale: 'de-DE' | 'en-GB') {
  return {
    pct: (x: number) => new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x),
    fix: (x: number, d: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(x),
  };
}
const de = formats('de-DE');
const en = formats('en-GB');

/** The outcome and the groups are chosen in the mapping step. */
async function setUp(page: Page): Promise<void> {
  await loadFiles(page, MODEL, DATA);
  await gotoStep(page, 'map');
  await page.getByTestId('mapping-ok').waitFor();
  const step = page.getByTestId('map-step');
  await step.getByTestId('fairness-outcome').selectOption('Class');
  await step.locator('[data-testid="fairness-positive"] option[value="Good"]').waitFor({ state: 'attached' });
  await step.getByTestId('fairness-positive').selectOption('Good');
  await step.getByTestId('fairness-protected-sex').check();
  await step.getByTestId('fairness-protected-age_group').check();
  await step.getByTestId('fairness-intersect-sex+age_group').check();
}

/** Every group row of the table for one attribute equals the CLI's groups. */
async function checkTable(page: Page, want: Json, attribute: string, f = de): Promise<void> {
  await page.getByTestId(`fairness-attr-${attribute}`).click();
  const table = page.locator(`[data-testid="group-table"][data-attribute="${attribute}"]`);
  await table.waitFor();
  const groups = want.attributes.find((a: Json) => a.name === attribute).groups as Json[];
  expect(await table.locator('tbody tr[data-group]:not([data-group=""])').count()).toBe(groups.length);
  for (const g of groups) {
    const row = table.locator(`tbody tr[data-group="${g.value}"]`);
    expect(await row.locator('td[data-metric="n"]').getAttribute('data-value'), `${attribute} ${g.value} n`).toBe(String(g.n));
    for (const k of [...RATES, 'auc']) {
      const cell = row.locator(`td[data-metric="${k}"]`);
      const shown = await cell.getAttribute('data-value');
      const what = `${attribute} ${g.value} ${k}`;
      if (g[k] === null) {
        expect(shown, what).toBe('');
        expect(await cell.textContent(), what).toContain('–');
        continue;
      }
      expect(Math.abs(Number(shown) - g[k]), what).toBeLessThanOrEqual(TOL);
      const text = (await cell.textContent()) ?? '';
      if (k === 'auc') {
        expect(text, what).toContain(f.fix(g.auc, 3));
      } else {
        // the value and its Wilson interval (from counts only: exactly the CLI's), German formats
        expect(text, what).toContain(f.pct(g[k]));
        const [lo, hi] = g[`${k}_ci`];
        expect(text, what).toContain(`${f.fix(100 * lo, 1)}–${f.pct(hi)}`);
      }
    }
  }
}

async function checkSummary(page: Page, want: Json): Promise<void> {
  const summary = page.getByTestId('disparity-summary');
  for (const a of want.attributes as Json[]) {
    const card = summary.locator(`[data-attribute="${a.name}"]`);
    for (const k of ['demographic_parity_difference', 'equal_opportunity_difference', 'equalized_odds_difference']) {
      const v = Number(await card.locator(`[data-key="${k}"]`).getAttribute('data-value'));
      expect(Math.abs(v - a.disparities[k]), `${a.name} ${k}`).toBeLessThanOrEqual(TOL);
    }
    expect(await card.getByTestId(a.disparities.four_fifths.passes ? 'four-fifths-pass' : 'four-fifths-fail').count()).toBe(1);
    expect(await card.textContent()).toContain(de.fix(a.disparities.four_fifths.ratio, 2));
  }
}

describe('fairness step in the browser (issue 4, item 10)', () => {
  it('group table and summary equal `einblick fairness`; the threshold slider updates them; nothing leaves the origin', async () => {
    const p = await openPage(h);
    const { page } = p;
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await setUp(page);
    const [at50, at60] = await Promise.all([expected(0.5), expected(0.6)]);

    await gotoStep(page, 'fairness');
    await page.getByTestId('fairness-run').click();
    const results = page.getByTestId('fairness-results');
    await results.waitFor({ timeout: 90_000 });
    expect(await results.getAttribute('data-threshold')).toBe('0.5');
    await checkSummary(page, at50);
    for (const a of ATTRS) await checkTable(page, at50, a);
    expect(await page.getByTestId('heatmap').locator('[data-testid="heatmap-cell"]').count()).toBe(4);
    expect(await page.getByTestId('ranking-overall').getAttribute('data-k')).toBe(String(at50.ranking[0].k));

    // keyboard: ten steps of 0.01 to the right
    const slider = page.getByTestId('threshold-slider');
    await slider.focus();
    for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
    expect(await slider.inputValue()).toBe('0.6');
    await expect.poll(() => results.getAttribute('data-threshold'), { timeout: 60_000 }).toBe('0.6');
    await expect.poll(() => page.getByTestId('threshold-status').getAttribute('data-updating')).toBe('false');
    await checkSummary(page, at60);
    for (const a of ATTRS) await checkTable(page, at60, a);
    // the numbers did change
    const sel = (j: Json) => j.attributes[0].groups[0].selection_rate;
    expect(sel(at60)).not.toBe(sel(at50));

    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  });

  it('English, favourable = the negative class: said plainly, and the four-fifths rule uses it', async () => {
    const p = await openPage(h, { lang: 'en' });
    const { page } = p;
    await setUp(page);
    await page.getByTestId('fairness-favourable').selectOption('Bad');
    expect(await page.getByTestId('favourable-negative').textContent()).toContain('“Good” is unfavourable');
    const want = await expected(0.5, 'Bad');
    await gotoStep(page, 'fairness');
    await page.getByTestId('fairness-run').click();
    await page.getByTestId('fairness-results').waitFor({ timeout: 90_000 });
    for (const a of ATTRS) await checkTable(page, want, a, en);
    const card = page.getByTestId('disparity-summary').locator('[data-attribute="sex"]');
    expect(await card.textContent()).toContain(en.fix(want.attributes[0].disparities.four_fifths.ratio, 2));
    // favourable rate = share predicted "Bad" = 1 - selection rate
    const g = want.attributes[0].groups[0];
    expect(g.favourable_rate).toBeCloseTo(1 - g.selection_rate, 12);
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    await p.context.close();
  });
});
