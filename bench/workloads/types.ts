/**
 * The contract between the benchmark workloads and their two hosts (a Node child process and a
 * Web Worker in Chromium). A workload prepares its data once, then offers named steps; the
 * host's driver (driver.ts) runs every step once cold, then in interleaved rounds, and times
 * each call. The same workload code runs in both hosts, so the figures are comparable.
 */

/** What the host provides. */
export interface BenchContext {
  /** 'node' or 'chromium'. */
  host: 'node' | 'chromium';
  /** Bytes of a file under test/fixtures, e.g. 'german_credit_gbm/model.onnx'. */
  fixture(path: string): Promise<Uint8Array>;
  /** onnxruntime-web threads this host was configured with (configureOrt before prepare). */
  threads: number;
}

/** Sizes of one run; `quick` shrinks the big workloads (their anchors then do not apply). */
export interface BenchParams {
  quick: boolean;
  /** Rows for predict, fairness and data load (1,000,000 unless quick). */
  rows: number;
}

/** Numbers a step may report besides its wall time (e.g. the time spent inside the model). */
export type StepExtras = Record<string, number>;

/** A prepared workload: its steps, in the order they are run in each round, and facts about it. */
export interface Prepared {
  steps: Record<string, () => Promise<StepExtras | void>>;
  /** Facts shown with the results (sizes, correctness checks). */
  info: Record<string, string | number | boolean>;
  /** Facts to add once every step has run (e.g. correctness checks on the last outputs). */
  finish?: () => Promise<Record<string, string | number | boolean>>;
}

export interface Workload {
  id: string;
  title: string;
  /** Warm rounds after the cold one (the median of these is reported). */
  rounds(params: BenchParams): number;
  prepare(ctx: BenchContext, params: BenchParams): Promise<Prepared>;
}

/** One step's measurements: cold run, then one per warm round. */
export interface StepTimes {
  coldMs: number;
  warmMs: number[];
  /** Process CPU time per warm round (all threads), when the host can measure it. */
  cpuMs?: number[];
  extras: Record<string, number[]>;
}

/** What a host returns for one workload. */
export interface WorkloadResult {
  id: string;
  title: string;
  host: 'node' | 'chromium';
  /** Chromium only: in a Web Worker (as the app runs its engine) or on the page itself. */
  where?: 'worker' | 'page';
  threads: number;
  info: Record<string, string | number | boolean>;
  steps: Record<string, StepTimes>;
  /** Peak resident memory of the process that ran it, in MB, when known. */
  peakRssMB?: number;
  /** The machine's 1-minute load average when the workload started and ended (2 cores). */
  load?: [number, number];
  error?: string;
}
