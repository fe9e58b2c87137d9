/**
 * Node host of the shared workloads: runs one workload in this process (bench/run.ts starts one
 * child process per workload, so peak memory is that workload's own) and prints its result as
 * one JSON line after 'RESULT '. onnxruntime-web runs on one thread.
 * Run: npx tsx bench/suite-node.ts predict [--quick]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { configureOrt } from '../src/engine/model/ort.ts';
import { drive, timed } from './driver.ts';
import { benchParams, workload } from './workloads/index.ts';
import type { BenchContext, WorkloadResult } from './workloads/types.ts';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

async function main(): Promise<void> {
  const id = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!id) throw new Error('usage: npx tsx bench/suite-node.ts <workload> [--quick]');
  const params = benchParams(process.argv.includes('--quick'));
  const w = workload(id);
  const load0 = loadavg()[0];
  configureOrt({ numThreads: 1 });
  const ctx: BenchContext = { host: 'node', threads: 1, fixture: async (p) => new Uint8Array(readFileSync(join(FIXTURES, p))) };
  const prepared = await w.prepare(ctx, params);
  const cpuMs = async (): Promise<number> => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
  const steps = await drive({ steps: Object.keys(prepared.steps), call: (s) => timed(prepared.steps[s]), cpuMs }, w.rounds(params));
  const info = { ...prepared.info, ...(await prepared.finish?.()) };
  const result: WorkloadResult = { id: w.id, title: w.title, host: 'node', threads: 1, info, steps, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), load: [load0, loadavg()[0]] };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

await main();
