/**
 * Issue 2: a file of 1,000,000 rows x 30 columns loads in the worker without freezing the page,
 * with progress. "Not freezing" is checked functionally (the page answers a click while the file
 * loads), never by a timed assertion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gotoStep, openPage, startHarness, type Harness } from './harness.ts';
import { rng } from '../../src/engine/random.ts';

let h: Harness;
let dir: string;
let file: string;
const ROWS = 1_000_000;

/** 20 number columns and 10 category columns, seeded. */
async function writeLargeCsv(path: string): Promise<void> {
  const r = rng(2026);
  const out = createWriteStream(path);
  const header = [...Array.from({ length: 20 }, (_, j) => `x${j}`), ...Array.from({ length: 10 }, (_, j) => `c${j}`)];
  out.write(header.join(',') + '\n');
  const levels = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
  let chunk = '';
  for (let i = 0; i < ROWS; i++) {
    const cells: string[] = [];
    for (let j = 0; j < 20; j++) cells.push(j % 3 === 0 ? String(r.int(1000)) : (r.next() * 100).toFixed(3));
    for (let j = 0; j < 10; j++) cells.push(levels[r.int(5)]);
    chunk += cells.join(',') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok())));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'einblick-large-'));
  file = join(dir, 'large.csv');
  await writeLargeCsv(file);
  h = await startHarness();
}, 300_000);

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a large file (issue 2)', () => {
  it('1,000,000 rows x 30 columns load with progress while the page stays usable', async () => {
    const p = await openPage(h);
    await gotoStep(p.page, 'load');
    await p.page.getByTestId('data-file').setInputFiles(file);
    // progress is shown while the worker parses
    const bar = p.page.getByTestId('progress').locator('progress');
    await bar.waitFor({ timeout: 60_000 });
    // the page answers while the file loads: switching the language takes effect at once
    await p.page.getByTestId('lang-en').click();
    await expect.poll(() => p.page.locator('h2').first().textContent()).toContain('Load a model and data');
    expect(await p.page.getByTestId('data-panel').count()).toBe(0); // still loading
    await p.page.getByTestId('data-summary').waitFor({ timeout: 240_000 });
    expect(await p.page.getByTestId('data-summary').textContent()).toContain('1,000,000 rows, 30 columns');
    expect(await p.page.getByTestId('data-columns').locator('tbody tr').count()).toBe(30);
    expect(p.consoleErrors).toEqual([]);
    await p.context.close();
  }, 300_000);

  it('loading can be cancelled', async () => {
    const p = await openPage(h, { lang: 'en' });
    await gotoStep(p.page, 'load');
    await p.page.getByTestId('data-file').setInputFiles(file);
    await p.page.getByTestId('cancel').click({ timeout: 60_000 });
    await p.page.getByTestId('progress').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await p.page.getByTestId('data-panel').count()).toBe(0);
    expect(await p.page.getByTestId('error').count()).toBe(0); // a cancel is not an error
    await p.context.close();
  }, 300_000);
});
