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
