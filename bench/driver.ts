/**
 * Runs a prepared workload's steps: each step once cold (JIT, wasm compilation, first memory
 * growth), then `rounds` warm rounds in which the steps take turns (A B A B ...), so that a
 * burst of load from other jobs on the machine hits every step alike. Reported figures are the
 * medians of the warm rounds.
 */
import type { StepExtras, StepTimes } from './workloads/types.ts';

/** How the driver reaches the steps: in the same process (Node) or through a page (Chromium). */
export interface StepCaller {
  steps: string[];
  /** Runs one step and returns its wall time in ms, measured next to the step. */
  call(step: string): Promise<{ ms: number; extras: StepExtras }>;
  /** CPU time used so far by the process(es) running the steps, in ms (all threads). */
  cpuMs?: () => Promise<number>;
}

/**
 * Runs every step once cold, then `rounds` interleaved warm rounds.
 *
 * @example await drive({ steps: ['a'], call: async () => ({ ms: 1, extras: {} }) }, 3) // { a: { coldMs: 1, warmMs: [1, 1, 1], extras: {} } }
 */
export async function drive(caller: StepCaller, rounds: number): Promise<Record<string, StepTimes>> {
  const out: Record<string, StepTimes> = {};
  for (const step of caller.steps) {
    const { ms } = await caller.call(step);
    out[step] = { coldMs: ms, warmMs: [], extras: {}, ...(caller.cpuMs ? { cpuMs: [] } : {}) };
  }
  for (let r = 0; r < rounds; r++) {
    for (const step of caller.steps) {
      const c0 = caller.cpuMs ? await caller.cpuMs() : 0;
      const { ms, extras } = await caller.call(step);
      const t = out[step];
      if (caller.cpuMs) t.cpuMs!.push((await caller.cpuMs()) - c0);
      t.warmMs.push(ms);
      for (const [k, v] of Object.entries(extras)) (t.extras[k] ??= []).push(v);
    }
  }
  return out;
}

/**
 * The median (mean of the middle two for an even count); NaN for none.
 *
 * @example median([3, 1, 2]) // 2
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times one call of `f` with performance.now().
 *
 * @example await timed(async () => ({ n: 1 })) // { ms: 0.01, extras: { n: 1 } }
 */
export async function timed(f: () => Promise<StepExtras | void>): Promise<{ ms: number; extras: StepExtras }> {
  const t0 = performance.now();
  const extras = (await f()) ?? {};
  return { ms: performance.now() - t0, extras };
}
