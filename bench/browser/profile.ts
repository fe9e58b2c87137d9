/**
 * Where the time goes in Chromium: builds and serves the benchmark page like run.ts, prepares
 * one workload ON THE PAGE (the DevTools profiler reaches the page directly; the page and the
 * worker gave the same timings for the sampling and fairness workloads), warms the step up,
 * then records a CPU profile of a few runs of it and prints the functions with the most
 * samples (self time), and the renderer's minor page faults per run (first writes to fresh
 * memory, see README.md). The bundle is not minified, so the names are ours.
 * Run: npx tsx bench/browser/profile.ts sampling permutation [--quick] [--runs 3] [--top 25]
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { benchParams } from '../workloads/index.ts';
import { rendererMinorFaults } from './proc.ts';
import type { BenchPageApi } from './protocol.ts';
import { profileArgs, selfTime, type ProfileNode } from '../profile-common.ts';

const CONFIG = resolve(import.meta.dirname, '..', 'vite.bench.config.ts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
type Api = { einblickBench: BenchPageApi };
const { id, step, quick, option } = profileArgs('bench/browser/profile.ts');

await build({ configFile: CONFIG, logLevel: 'error' });
const server = await preview({ configFile: CONFIG, logLevel: 'error', preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('preview server has no port');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS, headless: true });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${address.port}/`);
  await page.waitForFunction(() => 'einblickBench' in window);
  await page.evaluate(([i, p]) => (window as unknown as Api).einblickBench.prepare(i, p, 1, 'page'), [id, benchParams(quick)] as const);
  const run = () => page.evaluate((s) => (window as unknown as Api).einblickBench.step(s), step);
  for (let i = 0; i < 2; i++) await run();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const times: number[] = [];
  const faults0 = rendererMinorFaults();
  for (let i = 0; i < option('--runs', 3); i++) times.push((await run()).ms);
  const faults = (rendererMinorFaults() - faults0) / times.length;
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`${id} / ${step} on the page: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; ${Math.round(faults)} minor page faults of the renderer per run; self time by function:`);
  for (const line of selfTime(profile.nodes as ProfileNode[], profile.samples ?? [], option('--top', 25))) console.log(line);
} finally {
  await browser.close();
  await new Promise<void>((done) => server.httpServer.close(() => done()));
}
