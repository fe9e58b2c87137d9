/**
 * Issue 2, regression: a matrix model whose data has more columns than the model takes: the
 * person picks the columns in the UI (the chosen list once reached the worker as a Svelte proxy
 * and could not be cloned).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { gotoStep, loadFiles, openPage, startHarness, type Harness } from './harness.ts';

const ZOO = resolve(import.meta.dirname, '../fixtures/models/gbr_cps_wage');
let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('choosing the columns of a matrix input (issue 2)', () => {
  it('a regression model on a wider table: pick the six columns, then predict', async () => {
    const p = await openPage(h, { lang: 'en' });
    await loadFiles(p.page, join(ZOO, 'model.onnx'), join(ZOO, 'data.csv'));
    await gotoStep(p.page, 'map');
    await p.page.getByTestId('mapping-bad').waitFor();
    await p.page.getByTestId('mapping-step').getByRole('button', { name: 'None', exact: true }).click();
    for (const c of ['education', 'experience', 'age', 'union', 'married', 'south']) {
      await p.page.getByTestId('mapping-step').getByLabel(c, { exact: true }).check();
    }
    await p.page.getByTestId('apply-features').click();
    await p.page.getByTestId('mapping-ok').waitFor();
    await gotoStep(p.page, 'check');
    await p.page.getByTestId('run').click();
    await p.page.getByTestId('predictions').waitFor({ timeout: 60_000 });
    expect(await p.page.getByTestId('model-task').getAttribute('data-task')).toBe('regression');
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  });
});
