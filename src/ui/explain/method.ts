/**
 * What the person is told about how an explanation was computed: the method the engine used,
 * whether "auto" chose it, the budget, the error estimate and which tree SHAP kernel ran, read
 * from the result (never assumed).
 */
import type { Explanation, Method } from '../../engine/explain/types.ts';
import { AUTO_METHOD_CODES } from '../../engine/explain/notes.ts';

export interface MethodInfo {
  method: Method;
  /** Exact methods have no sampling error; permutation and kernel SHAP have one. */
  sampling: boolean;
  /** True when the person left the choice to "auto". */
  auto: boolean;
  /** The tree SHAP kernel that ran ('wasm', 'ts' or 'ts-sparse'), or null when no tree SHAP ran. */
  kernel: string | null;
  /** True when tree SHAP had to fall back to TypeScript because the WebAssembly kernel did not load. */
  kernelFallback: boolean;
  evaluations: number;
  samplesPerRow: number | null;
  /** The largest standard error of any value (sampling methods), else null. */
  errorEstimate: number | null;
  /** True when the engine explained a seeded sample of the rows (more than 1000 rows, none chosen). */
  rowsSampled: boolean;
}

/**
 * Reads the method facts from an explanation.
 *
 * @example methodInfo(e) // { method: 'tree', sampling: false, auto: true, kernel: 'wasm', ... }
 */
export function methodInfo(e: Explanation): MethodInfo {
  const kernel = e.notes.find((n) => n.code === 'TREE_SHAP')?.params.kernel;
  const has = (code: string) => e.notes.some((n) => n.code === code);
  return {
    method: e.method,
    sampling: e.method === 'permutation' || e.method === 'kernel',
    auto: e.notes.some((n) => AUTO_METHOD_CODES.includes(n.code)),
    kernel: typeof kernel === 'string' ? kernel : null,
    kernelFallback: has('TREE_KERNEL_FALLBACK'),
    evaluations: e.budget.evaluations,
    samplesPerRow: e.budget.samplesPerRow,
    errorEstimate: e.errorEstimate,
    rowsSampled: has('ROWS_SAMPLED'),
  };
}
