/**
 * Benchmark of the comparison engine (issue 12): 1,000,000 rows, 12 groups, B = A + noise,
 * 1000 paired bootstrap replicates. Timed: the whole compareScores (which runs the fairness
 * engine once per side, with its own 1000 replicates and DeLong AUC intervals), the two
 * fairness runs alone, and the comparison's own part (joint counts, changes, paired bootstrap)
 * alone. Run: npx tsx bench/compare.ts
 */
import os from 'node:os';
import { compareScores } from '../src/engine/compare/compare.ts';
import { decisions, jointCounts } from '../src/engine/compare/decisions.ts';
import { partitionDifferences } from '../src/engine/compare/differences.ts';
import { classificationFairness } from '../src/engine/fairness/classification.ts';
import { attributeGroups } from '../src/engine/fairness/groups.ts';
import { resolveOptions } from '../src/engine/fairness/options.ts';
import type { CategoricalColumn } from '../src/engine/fairness/types.ts';
import { rng } from '../src/engine/random.ts';

const N = 1_000_000;
const G = 12;

function data() {
  const r = rng(42);
  const a = new Float64Array(N);
  const b = new Float64Array(N);
  const yTrue = new Uint8Array(N);
  const codes = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    codes[i] = r.int(G);
    const p = 0.2 + 0.05 * (codes[i] % 5);
    yTrue[i] = r.next() < p ? 1 : 0;
    a[i] = Math.fround(Math.min(1, Math.max(0, p + 0.3 * (yTrue[i] - p) + 0.8 * (r.next() - 0.5))));
    b[i] = Math.fround(Math.min(1, Math.max(0, a[i] + 0.1 * (r.next() - 0.5))));
  }
  const region: CategoricalColumn = { name: 'region', codes, levels: Array.from({ length: G }, (_, j) => `g${j}`) };
  return { a, b, yTrue, region };
}

function time(label: string, f: () => void, reps = 3): void {
  const wall: number[] = [];
  for (let i = 0; i <= reps; i++) {
    const t0 = performance.now();
    f();
    wall.push(performance.now() - t0);
  }
  const warm = wall.slice(1).sort((x, y) => x - y);
  console.log(`${label.padEnd(64)} cold ${wall[0].toFixed(0).padStart(5)} ms, median ${warm[Math.floor(warm.length / 2)].toFixed(0).padStart(5)} ms`);
}

const d = data();
const boot = { bootstrap: { samples: 1000, seed: 1 } };
const A = { scores: d.a, threshold: 0.5, precision: 'float32' as const };
const B = { scores: d.b, threshold: 0.5, precision: 'float32' as const };
console.log(`comparison engine, ${N.toLocaleString('en')} rows, ${G} groups, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
time('compareScores, 1000 paired replicates (incl. both fairness runs)', () => compareScores(A, B, { yTrue: d.yTrue, groups: [d.region] }, boot));
time('the two fairness runs alone (classificationFairness x 2)', () => {
  classificationFairness({ task: 'classification', ...A, yTrue: d.yTrue, groups: [d.region] }, { ...boot, threshold: 0.5 });
  classificationFairness({ task: 'classification', ...B, yTrue: d.yTrue, groups: [d.region] }, { ...boot, threshold: 0.5 });
});
const opts = resolveOptions(boot);
const part = attributeGroups(d.region, N);
time('comparison part alone: decisions, joint counts, 1000 paired replicates', () => {
  const decA = decisions(A, 'A');
  const decB = decisions(B, 'B');
  const joint = jointCounts(decA, decB, d.yTrue, part.ids, G);
  partitionDifferences('region', part, { G, compared: Int32Array.from({ length: G }, (_, g) => g), refA: 0, refB: 0, favourablePositive: true, labelled: true }, joint, opts);
});
const small = attributeGroups(d.region, N);
const joint = jointCounts(decisions(A, 'A'), decisions(B, 'B'), d.yTrue, small.ids, G);
time('paired bootstrap alone (given the joint counts), 1000 replicates', () =>
  partitionDifferences('region', small, { G, compared: Int32Array.from({ length: G }, (_, g) => g), refA: 0, refB: 0, favourablePositive: true, labelled: true }, joint, opts));
