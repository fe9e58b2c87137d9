/**
 * Where the time goes in Node: the twin of browser/profile.ts. Prepares one shared workload in
 * this process, warms the step up, records a CPU profile of a few runs (node:inspector) and
 * prints the functions with the most samples (self time), with this process's minor page faults
 * per run, so that the two hosts can be compared line by line.
 * Run: npx tsx bench/profile-node.ts sampling permutation [--quick] [--runs 3] [--top 25]
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { configureOrt } from '../src/engine/model/ort.ts';
import { timed } from './driver.ts';
import { benchParams, workload } from './workloads/index.ts';
import { profileArgs, selfTime, type ProfileNode } from './profile-common.ts';

const { id, step, quick, option } = profileArgs('bench/profile-node.ts');

/** Minor page faults of this process so far. */
function minorFaults(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

configureOrt({ numThreads: 1 });
const fixtures = join(import.meta.dirname, '..', 'test', 'fixtures');
const prepared = await workload(id).prepare({ host: 'node', threads: 1, fixture: async (p) => new Uint8Array(readFileSync(join(fixtures, p))) }, benchParams(quick));
const f = prepared.steps[step];
if (!f) throw new Error(`invalid step: ${step}; expected one of ${Object.keys(prepared.steps).join(', ')}`);
for (let i = 0; i < 2; i++) await timed(f);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const times: number[] = [];
const faults0 = minorFaults();
for (let i = 0; i < option('--runs', 3); i++) times.push((await timed(f)).ms);
const faults = (minorFaults() - faults0) / times.length;
const { profile } = await session.post('Profiler.stop');
console.log(`${id} / ${step} in Node: ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; ${Math.round(faults)} minor page faults per run; self time by function:`);
for (const line of selfTime(profile.nodes as ProfileNode[], profile.samples ?? [], option('--top', 25))) console.log(line);
session.disconnect();
