/**
 * Issue 5, accessibility: axe-core (in Chromium) on every step of the flow, in German and in
 * English, with results shown, and on the glossary dialog; the test fails on any serious or
 * critical violation (all findings are written to /tmp/einblick-e2e/axe-LANG.json). Keyboard:
 * the steps are reached with Tab and Enter and the focus is visible; `lang` is right, also on
 * the language buttons. Screenshots of every step at 1280 px go to /tmp/einblick-e2e.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations, foreignRequests, gotoStep, openPage, startHarness, type Harness, type StepId } from './harness.ts';

const SHOTS = '/tmp/einblick-e2e';
let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Finding = Awaited<ReturnType<typeof axeViolations>>[number] & { where: string };

async function audit(page: Page, where: string, all: Finding[]): Promise<void> {
  for (const v of await axeViolations(page)) all.push({ ...v, where });
}

/** The step's results, so that axe sees them too. */
async function showResults(page: Page, step: StepId): Promise<void> {
  if (step === 'check') await page.getByTestId('check-results').waitFor({ timeout: 60_000 });
  if (step === 'explain') {
    await page.getByTestId('explain-run').click();
    await page.getByTestId('explain-results').waitFor({ timeout: 120_000 });
  }
  if (step === 'fairness') {
    await page.getByTestId('fairness-run').click();
    await page.getByTestId('fairness-results').waitFor({ timeout: 120_000 });
  }
  if (step === 'report') {
    await page.getByTestId('export-results').click();
    await page.getByTestId('audit-status').waitFor({ timeout: 180_000 });
  }
}

describe.each(['de', 'en'] as const)('accessibility in %s (issue 5)', (lang) => {
  it('no serious or critical axe violation on any step, with results shown; keyboard and lang', async () => {
    const p = await openPage(h, { lang });
    const { page } = p;
    await page.setViewportSize({ width: 1280, height: 900 });
    const all: Finding[] = [];
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.getByTestId('lang-de').getAttribute('lang')).toBe('de');
    expect(await page.getByTestId('lang-en').getAttribute('lang')).toBe('en');

    // keyboard: from the top of the page, Tab reaches the skip link first, then the tools and the steps
    await page.getByTestId('demo-german-credit').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'step-load' && guard++ < 20) await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByTestId('load-step').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('load-title');
    await audit(page, 'load', all);
    await gotoStep(page, 'start');
    await audit(page, 'start', all);
    await page.screenshot({ path: join(SHOTS, `a11y-${lang}-1-start.png`), fullPage: true });

    // a demo, then every step with its results
    await page.getByTestId('demo-german-credit').click();
    await page.getByTestId('map-step').waitFor({ timeout: 60_000 });
    const steps: StepId[] = ['map', 'check', 'explain', 'fairness', 'report'];
    for (const [i, step] of steps.entries()) {
      await gotoStep(page, step);
      await showResults(page, step);
      await audit(page, step, all);
      await page.screenshot({ path: join(SHOTS, `a11y-${lang}-${i + 2}-${step}.png`), fullPage: true });
    }
    // an opened explanation and the glossary dialog
    await gotoStep(page, 'check');
    await page.getByTestId('info-auc').click();
    await audit(page, 'info', all);
    await page.getByTestId('glossary-open').click();
    await page.getByTestId('glossary').waitFor();
    await audit(page, 'glossary', all);
    await page.keyboard.press('Escape');

    writeFileSync(join(SHOTS, `axe-${lang}.json`), JSON.stringify(all, null, 2));
    const bad = all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad, JSON.stringify(bad, null, 1)).toEqual([]);
    expect(foreignRequests(p.requests, h.origin)).toEqual([]);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  }, 600_000);
});
