/**
 * Data loading benchmark: a seeded 1,000,000 x 30 CSV (18 number columns, some with missing
 * values, 10 category columns, 2 boolean columns), loaded with loadTable; then the same data
 * as Arrow IPC and as Parquet. Each load runs in its own child process so that its peak RSS is
 * its own. Run: npx tsx bench/data-load.ts [rows]   (results go into bench/data-load.md by hand)
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { rng } from '../src/engine/random.ts';
import { loadTable } from '../src/engine/data/load.ts';
import { columnValues, numericColumn } from '../src/engine/data/columns.ts';

const LEVELS = [2, 3, 4, 5, 7, 10, 12, 20, 30, 50];

/** Writes the CSV in blocks of rows; returns its path. */
function writeCsv(dir: string, rows: number): string {
  const path = join(dir, 'bench.csv');
  const r = rng(20240531);
  const header = [
    ...Array.from({ length: 18 }, (_, j) => `num_${j}`),
    ...LEVELS.map((_, j) => `cat_${j}`),
    'flag_a',
    'flag_b',
  ];
  const fd = openSync(path, 'w');
  writeSync(fd, header.join(',') + '\n');
  let block: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [];
    for (let j = 0; j < 18; j++) {
      if (j % 6 === 5 && r.next() < 0.05) cells.push('');
      else if (j < 6) cells.push(String(r.int(100000)));
      else cells.push((r.next() * 100 - 20).toFixed((j % 3) + 1));
    }
    for (const k of LEVELS) cells.push(`level_${r.int(k)}`);
    cells.push(r.next() < 0.5 ? 'true' : 'false', r.next() < 0.01 ? '' : r.next() < 0.3 ? 'TRUE' : 'FALSE');
    block.push(cells.join(','));
    if (block.length === 10000) {
      writeSync(fd, block.join('\n') + '\n');
      block = [];
    }
  }
  if (block.length > 0) writeSync(fd, block.join('\n') + '\n');
  closeSync(fd);
  return path;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** Child process: load one file and report time and memory. */
async function measure(path: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(path));
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  let progressEvents = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const loaded = await loadTable(bytes, path, { onProgress: () => progressEvents++ });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const kinds = loaded.columns.map((c) => c.kind[0]).join('');
  const report = {
    file: path.split('/').pop(),
    megabytes: round(bytes.length / 1e6),
    rows: loaded.rows,
    columns: loaded.columns.length,
    kinds,
    seconds: round(seconds),
    cpuSeconds: round((cpu.user + cpu.system) / 1e6),
    rowsPerSecond: Math.round(loaded.rows / seconds),
    loadAverage1m: round(loadavg()[0]),
    progressEvents,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapUsedMB: Math.round(peakHeap / 1e6),
    heapUsedAfterMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    arrayBuffersAfterMB: Math.round(process.memoryUsage().arrayBuffers / 1e6),
    warnings: loaded.warnings.length,
  };
  // measured after the figures above, so that the cancelled load does not count in them
  process.send!({ ...report, cancelLatencyMs: await cancelLatency(bytes, path) });
}

/**
 * Milliseconds from the moment a cancel is asked for (a timer 1 s into a second load, which can
 * only fire when the loader yields) until the load rejects with CANCELLED.
 */
async function cancelLatency(bytes: Uint8Array, path: string): Promise<number | null> {
  const controller = new AbortController();
  const abortedAt = performance.now() + 1000;
  setTimeout(() => controller.abort(), 1000);
  try {
    await loadTable(bytes, path, { signal: controller.signal });
    return null; // finished within 1 s: nothing to cancel
  } catch (err) {
    if ((err as { code?: string }).code !== 'CANCELLED') throw err;
    return Math.round(performance.now() - abortedAt);
  }
}

function runChild(path: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--measure', path], { execArgv: process.execArgv });
    child.on('message', (m) => resolve(m as Record<string, unknown>));
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`child exited with ${code}`))));
  });
}

/** Writes Arrow and Parquet copies of the loaded CSV table. */
async function writeCopies(dir: string, csvPath: string): Promise<{ arrow: string; parquet: string }> {
  const { table } = await loadTable(new Uint8Array(readFileSync(csvPath)), csvPath);
  const arrow = join(dir, 'bench.arrow');
  writeFileSync(arrow, tableToIPC(table, 'file'));
  const columnData = table.schema.fields.map((f) => {
    if (f.name.startsWith('num_')) return { name: f.name, data: Array.from(numericColumn(table, f.name), (x) => (Number.isNaN(x) ? null : x)), type: 'DOUBLE' as const };
    if (f.name.startsWith('flag_')) return { name: f.name, data: columnValues(table, f.name), type: 'BOOLEAN' as const };
    return { name: f.name, data: columnValues(table, f.name), type: 'STRING' as const };
  });
  const parquet = join(dir, 'bench.parquet');
  writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({ columnData })));
  return { arrow, parquet };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--measure') return measure(process.argv[3]);
  const rows = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'einblick-bench-'));
  try {
    const t0 = performance.now();
    const csv = writeCsv(dir, rows);
    console.log(`generated ${csv}: ${rows} rows, ${(statSync(csv).size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify(await runChild(csv)));
    const { arrow, parquet } = await writeCopies(dir, csv);
    console.log(JSON.stringify(await runChild(arrow)));
    console.log(JSON.stringify(await runChild(parquet)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
