/**
 * Benchmark of the fairness engine: 1,000,000 rows, 12 groups, all classification metrics with
 * intervals (Wilson for rates, 1000 bootstrap replicates for disparities, DeLong for AUC as
 * 'auto' picks at this size), plus variants. Run: npx tsx bench/fairness.ts
 * Anchor: fairlearn's MetricFrame takes 7.4 s for the same size without intervals.
 */
import os from 'node:os';
import { classificationFairness } from '../src/engine/fairness/classification.ts';
import { groupCurves } from '../src/engine/fairness/curves.ts';
import { attributeGroups } from '../src/engine/fairness/groups.ts';
import { tsKernels } from '../src/engine/fairness/kernels.ts';
import { scoreOrder } from '../src/engine/fairness/order.ts';
import { loadFairnessKernels } from '../src/wasm/fairness-kernels.ts';
import type { CategoricalColumn, FairnessOptionsInput } from '../src/engine/fairness/types.ts';
import { rng } from '../src/engine/random.ts';

const N = 1_000_000;
const FAIRLEARN_SECONDS = 7.4;

function data(n: number, groups: number) {
  const r = rng(42);
  const scores = new Float64Array(n);
  const yTrue = new Uint8Array(n);
  const codes = new Int32Array(n);
  const codes2 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = r.int(groups);
    codes2[i] = r.int(3);
    const p = 0.2 + 0.05 * (codes[i] % 5);
    yTrue[i] = r.next() < p ? 1 : 0;
    // float32-like scores: informative, with ties as a real model's float32 output has
    scores[i] = Math.fround(Math.min(1, Math.max(0, p + 0.3 * (yTrue[i] - p) + 0.8 * (r.next() - 0.5))));
  }
  const level = (k: number): string[] => Array.from({ length: k }, (_, j) => `g${j}`);
  const region: CategoricalColumn = { name: 'region', codes, levels: level(groups) };
  const age: CategoricalColumn = { name: 'age', codes: codes2, levels: level(3) };
  return { scores, yTrue, region, age };
}

/**
 * Times f: the first (cold, JIT not yet warm) run, then the best and median wall time of `reps`
 * more, and the median CPU time of the process (user + system; less sensitive to other load on
 * the machine, but it includes V8's background GC and compiler threads).
 */
function time(label: string, f: () => void, reps = 5): number {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const warm = wall.slice(1);
  const [cold, best, median, cpuMedian] = [wall[0], Math.min(...warm), med(warm), med(cpu.slice(1))];
  const ms = (x: number) => `${x.toFixed(0).padStart(5)} ms`;
  console.log(`${label.padEnd(62)} cold ${ms(cold)}, best ${ms(best)}, median ${ms(median)}, cpu ${ms(cpuMedian)}`);
  return median;
}

const d = data(N, 12);
const base = { task: 'classification' as const, scores: d.scores, yTrue: d.yTrue };
const run = (groups: CategoricalColumn[], o: FairnessOptionsInput) => () => classificationFairness({ ...base, groups }, o);

console.log(`fairness engine, ${N.toLocaleString('en')} rows, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
const main = time('12 groups, all metrics, Wilson + 1000 bootstrap, AUC DeLong', run([d.region], { bootstrap: { samples: 1000, seed: 1 } }));
time('12 groups, no intervals from bootstrap', run([d.region], { bootstrap: false }));
time('12 + 3 groups + 36 intersections, 1000 bootstrap', run([d.region, d.age], { intersections: [['region', 'age']] }));
time('12 groups, top-k 1%, 10%, 50%', run([d.region], { topK: [{ fraction: 0.01 }, { fraction: 0.1 }, { fraction: 0.5 }] }));
time('score order only (radix sort of the float64 keys)', () => scoreOrder(d.scores));
const so = scoreOrder(d.scores);
const part = attributeGroups(d.region, N);
time('threshold curves, 12 groups (given the order)', () => groupCurves(so, d.yTrue, part));
const small = data(5_000, 12);
time('5,000 rows, 12 groups, AUC bootstrap 1000 (row resampling)', () =>
  classificationFairness({ task: 'classification', scores: small.scores, yTrue: small.yTrue, groups: [small.region] }, { aucInterval: 'bootstrap' }));
const wasm = await loadFairnessKernels();
time('same as the first line, with the wasm kernels', () => classificationFairness({ ...base, groups: [d.region] }, { bootstrap: { samples: 1000, seed: 1 } }, { kernels: wasm }));
const ids = attributeGroups(d.region, N).ids;
time('kernel confusionCounts, TypeScript', () => tsKernels.confusionCounts(d.scores, d.yTrue, ids, 12, 0.5));
time('kernel confusionCounts, wasm (incl. copying in and out)', () => wasm.confusionCounts(d.scores, d.yTrue, ids, 12, 0.5));
const counts = tsKernels.confusionCounts(d.scores, d.yTrue, ids, 12, 0.5);
time('kernel disparityReplicates 12 groups x 1000, TypeScript', () => tsKernels.disparityReplicates(counts, 12, true, 0, 1000, 1));
time('kernel disparityReplicates 12 groups x 1000, wasm', () => wasm.disparityReplicates(counts, 12, true, 0, 1000, 1));
console.log(`ratio fairlearn MetricFrame (${FAIRLEARN_SECONDS} s, no intervals) / Einblick median (with intervals): ${((FAIRLEARN_SECONDS * 1000) / main).toFixed(1)}x`);
