/**
 * Chromium host of the shared workloads: builds bench/browser with bench/vite.bench.config.ts,
 * serves it with vite preview (cross-origin isolated), opens it in Debian's Chromium through
 * playwright-core (never a downloaded browser), and drives every workload in a fresh page and
 * worker. Wall times are measured inside the worker; CPU time (all Chromium processes) and the
 * renderer's peak memory are read from /proc.
 * Run alone: npx tsx bench/browser/run.ts [--quick] [--on-page] [workload ...]
 *   --on-page  runs the workloads on the page instead of in a worker (for comparison)
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { drive } from '../driver.ts';
import { formatResult } from '../report.ts';
import { benchParams, WORKLOADS } from '../workloads/index.ts';
import type { BenchParams, WorkloadResult } from '../workloads/types.ts';
import { browserCpuMs, rendererPeakRssMB } from './proc.ts';
import type { BenchPageApi } from './protocol.ts';

const CONFIG = resolve(import.meta.dirname, '..', 'vite.bench.config.ts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumEnv { version: string; crossOriginIsolated: boolean; hardwareConcurrency: number; appThreads: number }
export interface ChromiumRun { env: ChromiumEnv; results: WorkloadResult[] }

type Api = { einblickBench: BenchPageApi };

async function openPage(browser: Browser, origin: string, log: (s: string) => void): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`  page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') log(`  console error: ${m.text()}`); });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'einblickBench' in window);
  return page;
}

/** One workload on `threads` onnxruntime threads, in a fresh page (and so a fresh renderer). */
async function runOne(browser: Browser, origin: string, id: string, params: BenchParams, threads: number, where: 'worker' | 'page', log: (s: string) => void): Promise<WorkloadResult> {
  const w = WORKLOADS.find((x) => x.id === id)!;
  const page = await openPage(browser, origin, log);
  // a crashed renderer would leave page.evaluate waiting: turn the crash into an error
  const crashed = new Promise<never>((_, reject) => page.on('crash', () => reject(new Error('the renderer crashed (out of memory?)'))));
  const ev = <T>(p: Promise<T>): Promise<T> => Promise.race([p, crashed]);
  const load0 = loadavg()[0];
  try {
    const prep = await ev(page.evaluate(([i, p, t, wh]) => (window as unknown as Api).einblickBench.prepare(i, p, t, wh), [id, params, threads, where] as const));
    const steps = await drive({
      steps: prep.steps,
      call: (s) => ev(page.evaluate((step) => (window as unknown as Api).einblickBench.step(step), s)),
      cpuMs: async () => browserCpuMs(),
    }, w.rounds(params));
    const finish = await ev(page.evaluate(() => (window as unknown as Api).einblickBench.finish()));
    return { id, title: w.title, host: 'chromium', where, threads, info: { ...prep.info, ...finish }, steps, peakRssMB: rendererPeakRssMB(), load: [load0, loadavg()[0]] };
  } catch (err) {
    return { id, title: w.title, host: 'chromium', where, threads, info: {}, steps: {}, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await page.context().close();
  }
}

/**
 * Builds, serves and runs the workloads (all, or those named) in Chromium; predict runs on one
 * thread and, when the page is cross-origin isolated, also on the app's thread count.
 *
 * @example (await runChromium({ quick: true })).results.length // 6 with threads
 */
export async function runChromium(opts: { quick: boolean; only?: string[]; onPage?: boolean; log?: (s: string) => void }): Promise<ChromiumRun> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await build({ configFile: CONFIG, logLevel: 'error' });
  const server = await preview({ configFile: CONFIG, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  try {
    const probe = await openPage(browser, origin, log);
    const e = await probe.evaluate(() => (window as unknown as Api).einblickBench.env());
    await probe.context().close();
    // the app's worker: min(4, hardwareConcurrency) threads when cross-origin isolated
    const env: ChromiumEnv = { version: browser.version(), crossOriginIsolated: e.crossOriginIsolated, hardwareConcurrency: e.hardwareConcurrency, appThreads: e.crossOriginIsolated ? Math.min(4, e.hardwareConcurrency) : 1 };
    log(`Chromium ${env.version}, crossOriginIsolated ${env.crossOriginIsolated}, hardwareConcurrency ${env.hardwareConcurrency}`);
    const params = benchParams(opts.quick);
    const results: WorkloadResult[] = [];
    for (const w of WORKLOADS.filter((x) => !opts.only?.length || opts.only.includes(x.id))) {
      for (const threads of w.id === 'predict' && env.appThreads > 1 ? [1, env.appThreads] : [1]) {
        const r = await runOne(browser, origin, w.id, params, threads, opts.onPage ? 'page' : 'worker', log);
        log(formatResult(r));
        results.push(r);
      }
    }
    return { env, results };
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  await runChromium({ quick: args.includes('--quick'), onPage: args.includes('--on-page'), only: args.filter((a) => !a.startsWith('-')) });
}
