/**
 * Messages between the benchmark page and its worker: one request at a time, each with an id;
 * errors come back as data.
 */
import type { BenchParams, StepExtras } from '../workloads/types.ts';

export type BenchRequest =
  | { id: number; kind: 'prepare'; workload: string; params: BenchParams; threads: number; fixtureBase: string }
  | { id: number; kind: 'step'; step: string }
  | { id: number; kind: 'finish' };

/** What 'prepare' answers. */
export interface PreparedInfo {
  steps: string[];
  info: Record<string, string | number | boolean>;
}

/** What 'step' answers: the wall time measured inside the worker, next to the step. */
export interface StepAnswer {
  ms: number;
  extras: StepExtras;
}

export type BenchResponse =
  | { id: number; ok: true; value: PreparedInfo | StepAnswer | Record<string, string | number | boolean> }
  | { id: number; ok: false; error: string };

/** The page's API, as window.einblickBench, for the runner (playwright page.evaluate). */
export interface BenchPageApi {
  env(): { crossOriginIsolated: boolean; hardwareConcurrency: number; userAgent: string };
  /**
   * Starts a fresh worker with onnxruntime on `threads` threads and prepares the workload in it
   * (or, with where 'page', prepares it on the page itself; one workload per page).
   */
  prepare(workload: string, params: BenchParams, threads: number, where?: 'worker' | 'page'): Promise<PreparedInfo>;
  step(step: string): Promise<StepAnswer>;
  finish(): Promise<Record<string, string | number | boolean>>;
  /** Ends the worker. */
  close(): void;
}
