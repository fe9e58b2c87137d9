/**
 * Issue 2, end to end in Chromium: load a model and data, see signature and columns, predict,
 * export; every request stays on the page's origin; bad files give a readable message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { foreignRequests, gotoStep, loadFiles as load, openPage, startHarness, type Harness, type RecordedPage } from './harness.ts';

const FIX = resolve(import.meta.dirname, '../fixtures');
/** The browser runs onnxruntime on one thread, like the CLI and the reference run: same numbers. */
const BROWSER_TOL = 1e-7;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

function refColumn(file: string, column: string): number[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => Number(r[column]));
}

async function loadFiles(p: RecordedPage, model: string, data: string): Promise<void> {
  await load(p.page, model, data);
}

/** The model check step's predictions-only export (the whole audit's results are exported in the report step). */
async function exportedScores(p: RecordedPage): Promise<{ scores: number[]; task: string; positive_index: number }> {
  const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.getByTestId('export-predictions').click()]);
  const path = await download.path();
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('first analysis in the browser (issue 2)', () => {
  it('skl2onnx pipeline with ZipMap: predictions equal onnxruntime-web reference, no request leaves the origin', async () => {
    const p = await openPage(h);
    await loadFiles(p, join(FIX, 'real_german_pipe_rf/model.onnx'), join(FIX, 'real_german_pipe_rf/data.csv'));
    expect(await p.page.getByTestId('model-task').getAttribute('data-task')).toBe('classification');
    await expect.poll(() => p.page.getByTestId('data-summary').textContent()).toContain('1.000 Zeilen');
    await gotoStep(p.page, 'map');
    await p.page.getByTestId('mapping-ok').waitFor();
    await gotoStep(p.page, 'check');
    await p.page.getByTestId('run').click();
    await p.page.getByTestId('predictions').waitFor({ timeout: 60_000 });
    expect(await p.page.getByTestId('predictions').getAttribute('data-n')).toBe('1000');
    const exported = await exportedScores(p);
    expect(exported.task).toBe('classification');
    expect(exported.positive_index).toBe(1);
    const ref = refColumn(join(FIX, 'real_german_pipe_rf/predictions.csv'), 'p_onnx_web_zipmap_stripped');
    expect(exported.scores).toHaveLength(1000);
    expect(Math.max(...exported.scores.map((s, i) => Math.abs(s - ref[i])))).toBeLessThanOrEqual(BROWSER_TOL);

    // privacy: every request went to this origin, the onnxruntime .wasm among them
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.requests.some((u) => u.startsWith(h.origin) && u.endsWith('.wasm'))).toBe(true);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  });

  it('matrix model (gradient boosting) on its feature table: predictions equal the reference', async () => {
    const p = await openPage(h, { lang: 'en' });
    await loadFiles(p, join(FIX, 'german_credit_gbm/model.onnx'), join(FIX, 'german_credit_gbm/features.csv'));
    await gotoStep(p.page, 'map');
    await p.page.getByTestId('mapping-ok').waitFor();
    await gotoStep(p.page, 'check');
    await p.page.getByTestId('run').click();
    await p.page.getByTestId('predictions').waitFor({ timeout: 60_000 });
    const exported = await exportedScores(p);
    const ref = refColumn(join(FIX, 'german_credit_gbm/predictions.csv'), 'p_onnx_web');
    expect(Math.max(...exported.scores.map((s, i) => Math.abs(s - ref[i])))).toBeLessThanOrEqual(BROWSER_TOL);
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    await p.context.close();
  });

  it('the bundled demo loads with one click from the start page and predicts', async () => {
    const p = await openPage(h);
    await p.page.getByTestId('demo-german-credit').click();
    await p.page.getByTestId('map-step').getByTestId('mapping-ok').waitFor({ timeout: 60_000 });
    // opening the model check step starts the check at once
    await gotoStep(p.page, 'check');
    await p.page.getByTestId('predictions').waitFor({ timeout: 60_000 });
    expect(await p.page.getByTestId('histogram').isVisible()).toBe(true);
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    await p.context.close();
  });

  it('switches between German and English', async () => {
    const p = await openPage(h);
    expect(await p.page.locator('html').getAttribute('lang')).toBe('de');
    await expect.poll(() => p.page.locator('h2').first().textContent()).toContain('Willkommen bei Einblick');
    await p.page.getByTestId('lang-en').click();
    await expect.poll(() => p.page.locator('h2').first().textContent()).toContain('Welcome to Einblick');
    expect(await p.page.locator('html').getAttribute('lang')).toBe('en');
    await p.context.close();
  });
});

describe('bad files give a readable message (issue 2)', () => {
  it('a data file chosen as the model: NOT_ONNX, in German', async () => {
    const p = await openPage(h);
    await gotoStep(p.page, 'load');
    await p.page.getByTestId('model-file').setInputFiles(join(FIX, 'german_credit_gbm/data.csv'));
    const err = p.page.getByTestId('error');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('NOT_ONNX');
    expect(await err.textContent()).toContain('kein ONNX-Modell');
    await p.context.close();
  });

  it('a ragged CSV: CSV_RAGGED naming the line', async () => {
    const p = await openPage(h, { lang: 'en' });
    await gotoStep(p.page, 'load');
    await p.page.getByTestId('data-file').setInputFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n4,5\n6,7,8\n') });
    const err = p.page.getByTestId('error');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('CSV_RAGGED');
    expect(await err.textContent()).toMatch(/3/);
    await p.context.close();
  });

  it('a data file without a column the model needs: the mapping says which', async () => {
    const p = await openPage(h);
    const csv = readFileSync(join(FIX, 'real_german_pipe_rf/data.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(1).join(',')).join('\n');
    await gotoStep(p.page, 'load');
    await p.page.getByTestId('model-file').setInputFiles(join(FIX, 'real_german_pipe_rf/model.onnx'));
    await p.page.getByTestId('model-panel').waitFor();
    await p.page.getByTestId('data-file').setInputFiles({ name: 'no-duration.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await gotoStep(p.page, 'map');
    await p.page.getByTestId('mapping-bad').waitFor();
    const err = p.page.getByTestId('mapping-step').getByTestId('error');
    expect(await err.getAttribute('data-code')).toBe('MISSING_COLUMN');
    expect(await err.textContent()).toContain('Duration');
    // the model check (and every step after the mapping) stays locked
    for (const step of ['check', 'explain', 'fairness', 'report']) expect(await p.page.getByTestId(`step-${step}`).isDisabled(), step).toBe(true);
    await p.context.close();
  });
});
