/**
 * Issue 4: the AssemblyScript kernels (src/wasm/fairness.wasm, built by scripts/build-wasm.mjs)
 * give exactly the numbers of their TypeScript twins. A missing .wasm fails this test: build it
 * first (node scripts/build-wasm.mjs).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { classificationFairness } from '../../../src/engine/fairness/classification.ts';
import { tsKernels } from '../../../src/engine/fairness/kernels.ts';
import type { FairnessKernels } from '../../../src/engine/fairness/kernels.ts';
import { rng } from '../../../src/engine/random.ts';
import { binomial } from '../../../src/engine/fairness/binomial.ts';
import { instantiateFairnessWasm, loadFairnessKernels } from '../../../src/wasm/fairness-kernels.ts';
import { categorical, loadCase } from './fixtures.ts';

let wasm: FairnessKernels;
beforeAll(async () => {
  wasm = await loadFairnessKernels();
});

const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('wasm kernels against their TypeScript twins', () => {
  it('fairness.wasm is what fairness.as.ts compiles to (not stale)', () => {
    const root = join(import.meta.dirname, '../../..');
    expect(() => execFileSync('node', ['scripts/build-wasm.mjs', '--check', 'fairness'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });

  it('loads from the file next to the loader', () => {
    expect(wasm.name).toBe('wasm');
  });

  it('binomialDraws: the same draws as binomial.ts for the same seed, in both regimes', async () => {
    const ex = await instantiateFairnessWasm();
    const at = (ex.heapBase() + 7) & ~7;
    if (ex.memory.buffer.byteLength < at + 8 * 5000) ex.memory.grow(1);
    for (const [n, p] of [[10, 0.5], [20, 0.3], [100, 0.3], [1000, 0.02], [50, 0.9], [200_000, 0.4], [1_000_000, 5e-6]]) {
      ex.binomialDraws(n, p, 11, 5000, at);
      const w = new Float64Array(ex.memory.buffer, at, 5000).slice();
      const r = rng(11);
      const t = Float64Array.from({ length: 5000 }, () => binomial(r, n, p));
      expect(same(w, t), `Binomial(${n}, ${p})`).toBe(true);
    }
  });

  it('confusionCounts: identical counts on random data', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 20 }), fc.integer(), (n, G, seed) => {
        const r = rng(seed);
        const scores = Float64Array.from({ length: n }, () => r.int(21) / 20);
        const y = Uint8Array.from({ length: n }, () => r.int(2));
        const ids = Int32Array.from({ length: n }, () => r.int(G));
        const t = r.int(21) / 20;
        return same(wasm.confusionCounts(scores, y, ids, G, t), tsKernels.confusionCounts(scores, y, ids, G, t));
      }),
      { seed: 1, numRuns: 50 },
    );
  });

  it('disparityReplicates: identical replicates (same seeded draws), zeros and both regimes of the sampler included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((G) =>
          fc.record({
            G: fc.constant(G),
            counts: fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 200_000 })), { minLength: 4 * G, maxLength: 4 * G }),
            favPos: fc.boolean(),
            ref: fc.integer({ min: 0, max: G - 1 }),
            seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          }),
        ),
        ({ G, counts, favPos, ref, seed }) => {
          for (let g = 0; g < G; g++) if (counts.slice(4 * g, 4 * g + 4).every((c) => c === 0)) counts[4 * g + 3] = 1;
          const c = Float64Array.from(counts);
          return same(wasm.disparityReplicates(c, G, favPos, ref, 200, seed), tsKernels.disparityReplicates(c, G, favPos, ref, 200, seed));
        },
      ),
      { seed: 2, numRuns: 60 },
    );
  });

  it('the whole analysis is the same with either kernels', () => {
    const c = loadCase('german_credit_gbm');
    const input = { task: 'classification' as const, scores: c.scores, yTrue: c.yTrue, groups: c.protectedSingle.map((a) => categorical(a, c.columns[a])) };
    const options = { intersections: c.intersections, bootstrap: { samples: 500, seed: 3 } };
    const a = classificationFairness(input, options);
    const b = classificationFairness(input, options, { kernels: wasm });
    expect(b.intervals.kernels).toBe('wasm');
    expect(a.intervals.kernels).toBe('typescript');
    expect({ ...b, intervals: null }).toEqual({ ...a, intervals: null });
  });

  it('keeps working across many calls of different sizes (memory laid out anew each call)', () => {
    const r = rng(9);
    for (let k = 0; k < 200; k++) {
      const n = 1 + r.int(5000);
      const scores = Float64Array.from({ length: n }, () => r.next());
      const y = Uint8Array.from({ length: n }, () => r.int(2));
      const ids = Int32Array.from({ length: n }, () => r.int(4));
      const counts = wasm.confusionCounts(scores, y, ids, 4, 0.5);
      expect(counts.reduce((s, x) => s + x, 0)).toBe(n);
    }
  });
});
