/**
 * End-to-end harness: serves the built app (dist/) with vite preview on a free port and drives
 * Debian's Chromium through playwright-core. Records every request the page makes.
 */
import { preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  server: PreviewServer;
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests (npm test does this).');
  }
  const server = await preview({ root, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    server,
    browser,
    origin,
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.httpServer.close(() => done()));
    },
  };
}

export interface RecordedPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

/** A fresh page that records every request URL (including workers') and console errors. */
export async function openPage(h: Harness, opts: { lang?: 'de' | 'en' } = {}): Promise<RecordedPage> {
  const context = await h.browser.newContext({ acceptDownloads: true, locale: opts.lang === 'en' ? 'en-GB' : 'de-DE' });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(h.origin + '/');
  return { context, page, requests, consoleErrors };
}

/** Requests that left the page's origin (data:, blob: and the origin itself are fine). */
export function foreignRequests(requests: string[], origin: string): string[] {
  return requests.filter((u) => !(u.startsWith(origin + '/') || u === origin || u.startsWith('data:') || u.startsWith('blob:')));
}

/** The guided flow's steps, as their data-testid names them (step-ID in the navigation, ID-step the section). */
export type StepId = 'start' | 'load' | 'map' | 'check' | 'explain' | 'fairness' | 'report';

/** Opens a step from the step navigation (waits until it may be opened) and waits for it to show. */
export async function gotoStep(page: Page, id: StepId): Promise<void> {
  await page.getByTestId(`step-${id}`).click({ timeout: 60_000 });
  await page.getByTestId(`${id}-step`).waitFor({ timeout: 30_000 });
}

/** Loads a model and a data file in the load step; waits for both panels. */
export async function loadFiles(page: Page, model: string, data: string): Promise<void> {
  await gotoStep(page, 'load');
  await page.getByTestId('model-file').setInputFiles(model);
  await page.getByTestId('model-panel').waitFor({ timeout: 60_000 });
  await page.getByTestId('data-file').setInputFiles(data);
  await page.getByTestId('data-panel').waitFor({ timeout: 60_000 });
}

/** WCAG 2.1 A/AA and best-practice violations found by axe-core (evaluated over CDP, so the page's CSP stays as it is). */
export async function axeViolations(page: Page, context = 'body'): Promise<{ id: string; impact: string | null; nodes: string[]; help: string }[]> {
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(source);
  return page.evaluate(async (ctx) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(ctx: string, o: object): Promise<Result> } }).axe;
    const r = await axe.run(ctx, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  }, context);
}
