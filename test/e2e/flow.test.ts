/**
 * Issue 5, end to end in Chromium, in German: a new user goes from the start page through a demo
 * to a printed report: start page -> demo (one click) -> map -> check -> explanations -> fairness
 * -> report. Each step says what it is for; going back keeps every choice and result; a changed
 * choice marks the results it no longer fits; the report holds the seven value pairs, the files'
 * hashes, the checklist answers and German verdicts, and prints to PDF. Screenshots at 1280 px go
 * to /tmp/einblick-e2e. No request leaves the page's origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { foreignRequests, gotoStep, openPage, startHarness, type Harness } from './harness.ts';

const SHOTS = '/tmp/einblick-e2e';
/** The random-forest demo: its explanations are exact tree SHAP in probability space (the gradient
 * boosting demos need sampled SHAP there, which takes minutes on 1000 rows). */
const DEMO = resolve(import.meta.dirname, '../../static/demo/german-credit');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

async function purpose(page: Page): Promise<string> {
  return (await page.getByTestId('step-purpose').textContent()) ?? '';
}

describe('the guided flow through a demo, in German (issue 5)', () => {
  it('start page -> demo -> map -> check -> explanations -> fairness -> report, and a printed report', async () => {
    const p = await openPage(h, { lang: 'de' });
    const { page } = p;
    await page.setViewportSize({ width: 1280, height: 900 });

    // start page: what Einblick does, that nothing leaves the computer, one-click demos
    expect(await page.getByTestId('step-start').getAttribute('aria-current')).toBe('step');
    expect(await page.getByTestId('start-privacy').textContent()).toContain('Nichts verlässt diesen Computer');
    await page.getByTestId('demo-german-credit').waitFor();
    expect(await page.getByTestId('demo-list').locator('li').count()).toBe(4);
    for (const s of ['map', 'check', 'explain', 'fairness', 'report']) expect(await page.getByTestId(`step-${s}`).isDisabled(), s).toBe(true);
    await shot(page, 'flow-de-1-start');

    // one click: the demo's files and settings, then the mapping step with the tour beside it
    await page.getByTestId('demo-german-credit').click();
    await page.getByTestId('map-step').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('step-map').getAttribute('aria-current')).toBe('step');
    expect(await purpose(page)).toContain('welche Spalte das tatsächliche Ergebnis enthält');
    await page.getByTestId('fairness-ready').waitFor();
    expect(await page.getByTestId('fairness-outcome').inputValue()).toBe('Class');
    expect(await page.getByTestId('fairness-positive').inputValue()).toBe('Good');
    expect(await page.getByTestId('fairness-protected-sex').isChecked()).toBe(true);
    expect(await page.getByTestId('fairness-intersect-sex+age_group').isChecked()).toBe(true);
    const tour = page.getByTestId('tour');
    expect(await tour.locator('li').count()).toBe(7);
    expect(await tour.locator('li').first().textContent()).toMatch(/^Modellprüfung:/);
    // the heading has the focus after the step opened (keyboard and screen reader users land there)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('map-title');
    await shot(page, 'flow-de-2-map');

    // an explanation next to a setting, and the glossary behind it
    await page.getByTestId('info-positive-favourable').click();
    await page.getByRole('button', { name: 'Im Glossar' }).click();
    const glossary = page.getByTestId('glossary');
    await glossary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('glossary-positive-favourable');
    await shot(page, 'flow-de-2b-glossary');
    await page.keyboard.press('Escape');
    await glossary.waitFor({ state: 'hidden' });

    // the model check runs when its step opens
    await page.getByTestId('step-next').click();
    await page.getByTestId('check-results').waitFor({ timeout: 60_000 });
    expect(await purpose(page)).toContain('wie oft das Modell auf diesen Daten richtig liegt');
    expect(Number(await page.getByTestId('check-auc').getAttribute('data-value'))).toBeGreaterThan(0.5);
    expect(await page.getByTestId('calibration-point').count()).toBeGreaterThan(3);
    expect(await page.getByTestId('calibration-table').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('check-accuracy').textContent()).toMatch(/^\d{2},\d\s%$/);
    expect(await page.getByTestId('step-check').textContent()).toContain('erledigt');
    await shot(page, 'flow-de-3-check');

    // explanations
    await page.getByTestId('step-next').click();
    await page.getByTestId('explain-step').waitFor();
    await page.getByTestId('explain-run').click();
    await page.getByTestId('explain-results').waitFor({ timeout: 120_000 });
    await shot(page, 'flow-de-4-explain');

    // fairness
    await page.getByTestId('step-next').click();
    await page.getByTestId('fairness-run').click();
    await page.getByTestId('fairness-results').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('disparity-summary').textContent()).toContain('Vier-Fünftel');
    await shot(page, 'flow-de-5-fairness');

    // back to the mapping: the choices are still there; the explanations still current
    await gotoStep(page, 'map');
    expect(await page.getByTestId('fairness-protected-age_group').isChecked()).toBe(true);
    await gotoStep(page, 'explain');
    expect(await page.getByTestId('explain-results').getAttribute('data-stale')).toBe('false');
    // a changed choice marks the fairness results as out of date, never as current
    await gotoStep(page, 'map');
    await page.getByTestId('fairness-intersect-sex+age_group').uncheck();
    await gotoStep(page, 'fairness');
    await page.getByTestId('fairness-changed').waitFor();
    await gotoStep(page, 'map');
    await page.getByTestId('fairness-intersect-sex+age_group').check();
    await gotoStep(page, 'fairness');
    expect(await page.getByTestId('fairness-changed').count()).toBe(0);
    // a changed threshold makes the model check out of date
    await gotoStep(page, 'map');
    await page.getByTestId('fairness-threshold').fill('0.6');
    await gotoStep(page, 'report');
    expect(await page.getByTestId('step-check').textContent()).not.toContain('erledigt');
    await page.getByTestId('step-check').click();
    await page.getByTestId('check-results').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('check-accuracy').locator('..').locator('dt').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('check-results').textContent()).toContain('Genauigkeit bei der Schwelle 0,6');

    // the report: checklist, title, download, print
    await gotoStep(page, 'report');
    expect(await purpose(page)).toContain('Fragen, die Einblick nicht messen kann');
    await page.getByTestId('report-title').fill('Workshop: Kreditmodell');
    await page.getByTestId('answer-human.participation-no').check();
    await page.getByTestId('note-human.participation').fill('Betriebsrat noch nicht beteiligt');
    await page.getByTestId('answer-sustainability.resources-unknown').check();
    await shot(page, 'flow-de-6-report');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe('einblick-bericht.html');
    const html = readFileSync(await download.path(), 'utf8');
    expect(html).toContain('<html lang="de">');
    for (const pair of ['1. Menschenzentrierung und Gemeinwohlorientierung', '2. Fairness und Nichtdiskriminierung', '3. Erklärbarkeit und Transparenz', '4. Datenschutz und Privatsphäre', '5. Sicherheit und Robustheit', '6. Interventionsfähigkeit und Verantwortung', '7. Ökologische Nachhaltigkeit']) expect(html).toContain(pair);
    expect(html).toContain(sha(join(DEMO, 'model.onnx')));
    expect(html).toContain(sha(join(DEMO, 'data.csv')));
    expect(html).toContain('Workshop: Kreditmodell');
    expect(html).toContain('Betriebsrat noch nicht beteiligt');
    expect(html).toContain('Die Vier-Fünftel-Regel ist eine Faustregel');
    expect(html).toContain('Genauigkeit (Schwelle 0,6)');
    // the explanation's technical notes in German too (the worker renders them from their codes)
    expect(html).toContain('<h3 class="sub">Technische Hinweise der Berechnung</h3>');
    expect(html).toContain('Automatisch gewählt:');
    expect(html).not.toMatch(/method auto:|exact structure:/);
    expect(html).not.toMatch(/<script|https?:\/\//);

    // "open for printing": the same report in a new tab, printed to PDF
    const [tab] = await Promise.all([p.context.waitForEvent('page'), page.getByTestId('report-open').click()]);
    await tab.waitForURL(/^blob:/, { timeout: 60_000 });
    await tab.waitForLoadState('load');
    expect(await tab.locator('html').getAttribute('lang')).toBe('de');
    expect(await tab.locator('h1').textContent()).toBe('Workshop: Kreditmodell');
    await tab.setViewportSize({ width: 1280, height: 900 });
    await tab.screenshot({ path: join(SHOTS, 'flow-de-7-report-tab.png'), fullPage: true });
    await tab.emulateMedia({ media: 'print' });
    await tab.screenshot({ path: join(SHOTS, 'flow-de-8-report-print.png'), fullPage: true });
    await tab.pdf({ path: join(SHOTS, 'report-de.pdf'), format: 'A4' });
    await tab.close();

    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  }, 600_000);
});
