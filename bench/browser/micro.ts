/**
 * Why the same JavaScript is slower in Chromium than in Node (issue 3): runs one set of small
 * loops, the same source text, in this Node process and in a Web Worker of a cross-origin
 * isolated Chromium page, and prints median times with the minor page faults of each (this
 * process, or the renderer's). The loops are the shapes of the sampling and predict hot paths:
 * hybrid rows and row-major packing into fresh or reused typed arrays, a fresh Float64Array copy
 * of an output (ort.ts readTensor), the xoshiro128** state of random.ts in closure variables or
 * in an Int32Array, and a yield by setTimeout or by a MessageChannel message.
 * Run: npx tsx bench/browser/micro.ts
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { descendants } from './proc.ts';

/** The loops, as source text: `run()` returns { name: [median ms, runs] }. Plain JavaScript. */
const LOOPS = String.raw`
const F = 20, N = 4096, BATCHES = 75, NX = 20, NB = 100;
let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const xs = [], bs = [], cols = [];
for (let j = 0; j < F; j++) { xs.push(Float32Array.from({ length: NX }, rnd)); bs.push(Float32Array.from({ length: NB }, rnd)); cols.push(Float32Array.from({ length: N }, rnd)); }
const xRow = Int32Array.from({ length: N }, (_, k) => k % NX), bRow = Int32Array.from({ length: N }, (_, k) => (k * 7) % NB), bits = Int32Array.from({ length: N }, () => (rnd() * 1048576) | 0);
function mask(out, j) { const xd = xs[j], bd = bs[j]; for (let k = 0; k < N; k++) out[k] = (bits[k] >>> j) & 1 ? xd[xRow[k]] : bd[bRow[k]]; return out; }
function strided(out) { for (let j = 0; j < F; j++) { const c = cols[j]; for (let i = 0, k = j; i < N; i++, k += F) out[k] = c[i]; } return out; }
function sm(s) { return () => { s = (s + 0x9e3779b9) >>> 0; let z = s; z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0; z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0; return (z ^ (z >>> 16)) >>> 0; }; }
const rotl = (x, k) => ((x << k) | (x >>> (32 - k))) >>> 0;
function rngClosure() { const g = sm(1); let a = g(), b = g(), c = g(), d = g(); return () => { const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0; const t = b << 9; c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11); return r; }; }
function rngTyped() { const g = sm(1); const s = Int32Array.of(g(), g(), g(), g()); return () => { const b = s[1]; const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0; const t = b << 9; const c = s[2] ^ s[0], d = s[3] ^ b; s[1] = b ^ c; s[0] ^= d; s[2] = c ^ t; s[3] = rotl(d, 11); return r; }; }
const out32 = Float32Array.from({ length: 2 * 10000 }, rnd);
let channel = null; const waiting = [];
const viaChannel = () => { if (!channel) { channel = new MessageChannel(); channel.port1.onmessage = () => waiting.shift()(); } return new Promise((r) => { waiting.push(r); channel.port2.postMessage(null); }); };
const tests = {
  'mask 20 columns, fresh arrays': () => { for (let b = 0; b < BATCHES; b++) for (let j = 0; j < F; j++) mask(new Float32Array(N), j); },
  'mask 20 columns, reused array': () => { const o = new Float32Array(N); for (let b = 0; b < BATCHES; b++) for (let j = 0; j < F; j++) mask(o, j); },
  'pack row-major, fresh array': () => { for (let b = 0; b < BATCHES; b++) strided(new Float32Array(N * F)); },
  'pack row-major, reused array': () => { const o = new Float32Array(N * F); for (let b = 0; b < BATCHES; b++) strided(o); },
  'Float64Array.from(160 KB output) x100': () => { for (let b = 0; b < 100; b++) Float64Array.from(out32); },
  'random.ts state in closure, 1.5M draws': () => { const u = rngClosure(); let s = 0; for (let i = 0; i < 1520000; i++) s += u(); return s; },
  'random.ts state in Int32Array, 1.5M draws': () => { const u = rngTyped(); let s = 0; for (let i = 0; i < 1520000; i++) s += u(); return s; },
  '100 yields by setTimeout(0)': async () => { for (let i = 0; i < 100; i++) await new Promise((r) => setTimeout(r, 0)); },
  '100 yields by MessageChannel': async () => { for (let i = 0; i < 100; i++) await viaChannel(); },
};
async function run(faults) {
  const res = {};
  for (const [name, f] of Object.entries(tests)) {
    await f();
    const t = [], f0 = await faults();
    for (let r = 0; r < 7; r++) { const t0 = performance.now(); await f(); t.push(performance.now() - t0); }
    const f1 = await faults();
    t.sort((a, b) => a - b);
    res[name] = [+t[3].toFixed(1), Math.round((f1 - f0) / 7)];
  }
  return res;
}
`;

// the worker asks the page (and the page this process) for the renderer's page faults
const WORKER = `${LOOPS}
let answer = null;
self.onmessage = async (e) => {
  if (typeof e.data === 'number') return answer(e.data);
  const faults = () => new Promise((r) => { answer = r; self.postMessage({ ask: true }); });
  self.postMessage({ result: await run(faults) });
};`;
const PAGE = `<!doctype html><script type="module">
const w = new Worker('./micro.worker.js', { type: 'module' });
window.go = (ask) => new Promise((done) => { w.onmessage = async (e) => { if (e.data.ask) w.postMessage(await ask()); else done(e.data.result); }; w.postMessage('go'); });
</script>`;

function minorFaults(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

function rendererFaults(): number {
  let n = 0;
  for (const p of descendants()) {
    try {
      if (readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes('--type=renderer')) n += minorFaults(p.pid);
    } catch {
      continue; // the process ended while we looked
    }
  }
  return n;
}

type Results = Record<string, [number, number]>;
const inNode = (await new Function('faults', `${LOOPS}\nreturn run(faults);`)(async () => minorFaults(process.pid))) as Results;

const server = createServer((req, res) => {
  const worker = req.url?.startsWith('/micro.worker.js');
  res.writeHead(200, { 'Content-Type': worker ? 'text/javascript' : 'text/html', 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
  res.end(worker ? WORKER : PAGE);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
try {
  const page = await browser.newPage();
  await page.exposeFunction('rendererFaults', rendererFaults);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const inChromium = (await page.evaluate(() => (window as unknown as { go: (ask: () => Promise<number>) => Promise<unknown> }).go(() => (window as unknown as { rendererFaults: () => Promise<number> }).rendererFaults()))) as Results;
  console.log(`${'loop'.padEnd(44)} ${'Node ms'.padStart(8)} ${'faults'.padStart(7)}   ${'Chromium ms'.padStart(11)} ${'faults'.padStart(7)}   (median of 7 runs; minor page faults per run)`);
  for (const name of Object.keys(inNode)) {
    const [a, fa] = inNode[name], [b, fb] = inChromium[name];
    console.log(`${name.padEnd(44)} ${String(a).padStart(8)} ${String(fa).padStart(7)}   ${String(b).padStart(11)} ${String(fb).padStart(7)}`);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(0); // the MessageChannel of the Node run's yield loop would keep the process alive
