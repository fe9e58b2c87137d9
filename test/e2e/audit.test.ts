/**
 * Issue 5, end to end in Chromium: the audit file.
 * 1. Round trip: the skl2onnx pipeline (real_german_pipe_rf) and its data, choices made in the
 *    app, the audit file saved; a fresh page opens the audit file, then the files, and every
 *    choice is back; the exported results equal `einblick audit` (run in-process) on the same
 *    files and the saved audit file, deep-equal; the downloaded report holds the seven value
 *    pairs and both hashes.
 * 2. A hand-written audit file with the documented keys, and a data file that is not the one it
 *    names: the page warns naming the file; the exported results equal the CLI's, and their
 *    numbers equal independent references (reference SHAP values; counts from the reference
 *    predictions).
 * 3. A broken audit file: a plain-language message naming the bad key.
 * No request leaves the page's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { foreignRequests, gotoStep, loadFiles, openPage, startHarness, type Harness } from './harness.ts';
import { cli } from '../unit/cli/cli-helpers.ts';

const FIX = resolve(import.meta.dirname, '../fixtures/real_german_pipe_rf');
const MODEL = join(FIX, 'model.onnx');
const DATA = join(FIX, 'data.csv');
const sha = (f: string | Buffer) => createHash('sha256').update(typeof f === 'string' ? readFileSync(f) : f).digest('hex');
type Json = Record<string, any>;

const SHOTS = '/tmp/einblick-e2e';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

let h: Harness;
let dir: string;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'einblick-audit-e2e-'));
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function downloadOf(page: Page, testid: string): Promise<{ name: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId(testid).click()]);
  return { name: d.suggestedFilename(), path: await d.path() };
}

async function cliResults(audit: string, data = DATA): Promise<Json> {
  const out = join(dir, `cli-${Math.random().toString(36).slice(2)}`);
  const r = await cli('audit', audit, '--model', MODEL, '--data', data, '--out', out, '--quiet');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
}

describe('audit file (issue 5)', () => {
  it('round trip: save the choices, reopen them on a fresh page, export results equal to `einblick audit`', async () => {
    const p = await openPage(h);
    const { page } = p;
    await page.setViewportSize({ width: 1280, height: 900 });
    await loadFiles(page, MODEL, DATA);
    await shot(page, 'own-de-1-load');
    await gotoStep(page, 'map');
    await page.getByTestId('mapping-ok').waitFor();
    await page.locator('[data-testid="fairness-positive"] option[value="Good"]').waitFor({ state: 'attached' });
    await page.getByTestId('fairness-positive').selectOption('Good');
    await page.getByTestId('fairness-protected-sex').check();
    await page.getByTestId('fairness-protected-age_group').check();
    await page.getByTestId('fairness-intersect-sex+age_group').check();
    await page.getByTestId('fairness-threshold').fill('0,4'); // a German decimal comma
    await page.getByTestId('fairness-topk').fill('10%, 50');
    await page.getByTestId('fairness-advanced').locator('summary').click();
    await page.getByTestId('fairness-bootstrap').fill('200');
    await page.locator('[data-testid="fairness-reference-sex"] option[value="female"]').waitFor({ state: 'attached' });
    await page.getByTestId('fairness-reference-sex').selectOption('female');
    await shot(page, 'own-de-2-map');
    await gotoStep(page, 'explain');
    await page.getByTestId('explain-rows-list').check();
    await page.getByTestId('explain-row-list').fill('0-9, 25');
    await page.locator('summary', { hasText: 'Erweitert' }).click();
    await page.getByTestId('explain-background').fill('50');
    await gotoStep(page, 'report');
    await page.getByTestId('report-title').fill('Prüfung Kreditmodell 2025');
    await page.getByTestId('answer-human.purpose-yes').check();
    await page.getByTestId('note-human.purpose').fill('Dienstvereinbarung § 3');
    const saved = await downloadOf(page, 'audit-save');
    expect(saved.name).toBe('einblick-pruefung.json');
    const audit = JSON.parse(readFileSync(saved.path, 'utf8'));
    expect(audit).toMatchObject({
      title: 'Prüfung Kreditmodell 2025', language: 'de', einblick: '0.1.0',
      model: { name: 'model.onnx', sha256: sha(MODEL) }, data: { name: 'data.csv', sha256: sha(DATA) },
      label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'], reference: { sex: 'female' },
      threshold: 0.4, top_k: ['10%', 50], bootstrap: 200, min_group_size: 30, seed: 1,
      rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 25], background: 50, space: 'probability', method: 'auto', groups: 'auto', explain: true,
      checklist: { 'human.purpose': { answer: 'yes', note: 'Dienstvereinbarung § 3' } },
    });
    const auditFile = join(dir, 'einblick-pruefung.json');
    writeFileSync(auditFile, readFileSync(saved.path));
    await p.context.close();

    // a fresh page: the audit file first, then the files it names
    const q = await openPage(h);
    const pg = q.page;
    await pg.setViewportSize({ width: 1280, height: 900 });
    await pg.getByTestId('audit-file').setInputFiles(auditFile);
    await pg.getByTestId('load-step').waitFor();
    expect(await pg.getByTestId('hash-expected').count()).toBe(2);
    expect(await pg.getByTestId('audit-notes').textContent()).toContain('„model.onnx“');
    await pg.getByTestId('model-file').setInputFiles(MODEL);
    await pg.getByTestId('model-panel').waitFor();
    await pg.getByTestId('data-file').setInputFiles(DATA);
    await pg.getByTestId('data-panel').waitFor();
    await expect.poll(() => pg.getByTestId('hash-ok').count()).toBe(2);
    await shot(pg, 'own-de-3-reopened');
    expect(await pg.getByTestId('hash-warning').count()).toBe(0);
    // every choice is back
    await gotoStep(pg, 'map');
    expect(await pg.getByTestId('fairness-threshold').inputValue()).toBe('0,4');
    expect(await pg.getByTestId('fairness-topk').inputValue()).toBe('10%, 50');
    expect(await pg.getByTestId('fairness-intersect-sex+age_group').isChecked()).toBe(true);
    await gotoStep(pg, 'explain');
    expect(await pg.getByTestId('explain-row-list').inputValue()).toBe('0-9, 25');
    await gotoStep(pg, 'report');
    expect(await pg.getByTestId('report-title').inputValue()).toBe('Prüfung Kreditmodell 2025');
    expect(await pg.getByTestId('answer-human.purpose-yes').isChecked()).toBe(true);

    // the exported results are the CLI's for the same files and audit file
    const exported = await downloadOf(pg, 'export-results');
    expect(exported.name).toBe('einblick-ergebnisse.json');
    const browser = JSON.parse(readFileSync(exported.path, 'utf8'));
    const reference = await cliResults(auditFile);
    expect(browser).toEqual(reference);
    expect(browser.files.model.matches).toBe(true);
    expect(browser.fairness.attributes.map((a: Json) => a.name)).toEqual(['sex', 'age_group', 'sex+age_group']);
    expect(browser.explain.rows).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 25]);
    expect(browser.model_check.threshold).toBe(0.4);

    // the report download: the seven value pairs and the hashes (no new run: same audit file)
    await shot(pg, 'own-de-4-report');
    const report = await downloadOf(pg, 'report-download');
    const html = readFileSync(report.path, 'utf8');
    for (const pair of ['Menschenzentrierung', 'Fairness und Nichtdiskriminierung', 'Erklärbarkeit und Transparenz', 'Datenschutz und Privatsphäre', 'Sicherheit und Robustheit', 'Interventionsfähigkeit und Verantwortung', 'Ökologische Nachhaltigkeit']) expect(html).toContain(pair);
    expect(html).toContain(sha(MODEL));
    expect(html).toContain(sha(DATA));
    expect(html).toContain('Dienstvereinbarung § 3');

    expect(foreignRequests(q.requests, h.origin)).toEqual([]);
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(q.consoleErrors).toEqual([]);
    await q.context.close();
  }, 600_000);

  it('a hand-written audit file and another data file: a warning naming the file; results equal the CLI and independent references', async () => {
    const ref = JSON.parse(readFileSync(join(FIX, 'reference.json'), 'utf8'));
    const byHand = {
      label: 'Class=Good', favourable: 'Good', protected: ['sex', 'age_group'], intersect: ['sex+age_group'], threshold: 0.5, top_k: ['10%'], bootstrap: 100, seed: 3,
      rows: ref.rows.explained, background_rows: ref.rows.background, space: 'probability', method: 'auto',
      model: { name: 'model.onnx', sha256: sha(MODEL) }, data: { name: 'data.csv', sha256: sha(DATA) },
    };
    const auditFile = join(dir, 'von-hand.json');
    writeFileSync(auditFile, JSON.stringify(byHand, null, 1));
    // the same table with the rows in another line-ending style: other bytes, other hash, same values
    const changed = join(dir, 'daten-2025.csv');
    writeFileSync(changed, readFileSync(DATA, 'utf8').replace(/\r?\n/g, '\r\n'));
    expect(sha(changed)).not.toBe(sha(DATA));

    const p = await openPage(h, { lang: 'en' });
    const { page } = p;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('audit-file').setInputFiles(auditFile);
    await page.getByTestId('load-step').waitFor();
    await page.getByTestId('model-file').setInputFiles(MODEL);
    await page.getByTestId('model-panel').waitFor();
    await page.getByTestId('data-file').setInputFiles(changed);
    const warning = page.getByTestId('hash-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('data-file')).toBe('data');
    expect(await warning.textContent()).toContain('“daten-2025.csv” is not the file the audit file was made with (“data.csv”)');
    expect(await page.getByTestId('hash-ok').getAttribute('data-file')).toBe('model');
    await shot(page, 'own-en-1-hash-warning');

    await gotoStep(page, 'report');
    const exported = await downloadOf(page, 'export-results');
    expect(exported.name).toBe('einblick-results.json');
    const browser = JSON.parse(readFileSync(exported.path, 'utf8'));
    const cliJson = await cliResults(auditFile, changed);
    expect(browser).toEqual(cliJson);
    expect(browser.files.data.matches).toBe(false);
    expect(browser.warnings.map((w: Json) => w.code)).toContain('HASH_MISMATCH');
    // the English report, opened for printing, names the file that differs
    const [tab] = await Promise.all([p.context.waitForEvent('page'), page.getByTestId('report-open').click()]);
    await tab.waitForURL(/^blob:/, { timeout: 60_000 });
    await tab.waitForLoadState('load');
    expect(await tab.locator('html').getAttribute('lang')).toBe('en');
    expect(await tab.locator('#summary').textContent()).toContain('daten-2025.csv is not the file the audit file was made with');
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.emulateMedia({ media: 'print' });
    await tab.screenshot({ path: join(SHOTS, 'own-en-2-report-print.png'), fullPage: true });
    await tab.pdf({ path: join(SHOTS, 'report-en.pdf'), format: 'A4' });
    await tab.close();

    // independent references: SHAP values computed outside the project
    const e = browser.explain;
    expect(e.players).toEqual(ref.players);
    const pr = ref.explanations.probability;
    expect(Math.abs(e.base_value - pr.base_value)).toBeLessThanOrEqual(1e-6);
    e.values.forEach((row: number[], r: number) => row.forEach((v, j) => expect(Math.abs(v - pr.phi[r][j]), `row ${r} ${ref.players[j]}`).toBeLessThanOrEqual(1e-6)));
    // hand counts from the reference predictions (onnxruntime-web outside the project) and the data
    const preds = Papa.parse<Record<string, string>>(readFileSync(join(FIX, 'predictions.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const rows = Papa.parse<Record<string, string>>(readFileSync(DATA, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const score = preds.map((r) => Number(r.p_onnx_web_zipmap_stripped));
    expect(score.every((s) => Math.abs(s - 0.5) > 1e-6)).toBe(true);
    const y = rows.map((r) => (r.Class === 'Good' ? 1 : 0));
    const acc = score.reduce((s, v, i) => s + (((v >= 0.5 ? 1 : 0) === y[i]) ? 1 : 0), 0) / score.length;
    expect(browser.model_check.accuracy).toBeCloseTo(acc, 12);
    for (const sex of ['female', 'male']) {
      const idx = rows.map((r, i) => (r.sex === sex ? i : -1)).filter((i) => i >= 0);
      const sel = idx.filter((i) => score[i] >= 0.5).length / idx.length;
      const pos = idx.filter((i) => y[i] === 1);
      const tpr = pos.filter((i) => score[i] >= 0.5).length / pos.length;
      const g = browser.fairness.attributes[0].groups.find((x: Json) => x.value === sex);
      expect(g.n).toBe(idx.length);
      expect(g.selection_rate).toBeCloseTo(sel, 12);
      expect(g.tpr).toBeCloseTo(tpr, 12);
    }

    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  }, 600_000);

  it('a broken audit file is refused with a plain-language message naming the key', async () => {
    const bad = join(dir, 'kaputt.json');
    writeFileSync(bad, JSON.stringify({ label: 'Class=Good', protected: ['sex'], threshhold: 0.5 }));
    const p = await openPage(h);
    await p.page.getByTestId('audit-file').setInputFiles(bad);
    const err = p.page.getByTestId('error');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('INVALID_OPTION');
    expect(await err.textContent()).toContain('threshhold');
    expect(await p.page.getByTestId('start-step').count()).toBe(1);
    await p.context.close();
  });
});
