/**
 * The UI's state and the actions that change it. Components read this and call its methods;
 * all computing happens in the engine behind EngineApi (a Web Worker in the app).
 * Results are held in $state.raw: never deep proxies around typed arrays.
 */
import type { ErrorInfo, Progress } from '../engine/errors.ts';
import type { DataSummary, MappingCheck, ModelSummary, PredictResult } from '../engine/session.ts';
import { EngineError, type EngineApi } from '../worker/client.ts';

export type Busy = null | { what: 'model' | 'data' | 'predict' | 'demo'; progress: Progress | null; started: number };

export class AppState {
  model = $state.raw<ModelSummary | null>(null);
  data = $state.raw<DataSummary | null>(null);
  mapping = $state.raw<MappingCheck | null>(null);
  result = $state.raw<PredictResult | null>(null);
  error = $state.raw<ErrorInfo | null>(null);
  busy = $state.raw<Busy>(null);
  /** Matrix layout: the data columns the person chose for the model's input, in order. */
  features = $state.raw<string[] | undefined>(undefined);
  /** 'NAME' or 'NAME:INDEX' when the person chose the score output. */
  output = $state.raw<string | undefined>(undefined);

  private controller: AbortController | null = null;

  constructor(readonly engine: EngineApi) {}

  async loadModelFile(file: File): Promise<void> {
    await this.task('model', async (opts) => {
      const bytes = await file.arrayBuffer();
      this.model = await this.engine.call({ kind: 'loadModel', bytes, fileName: file.name }, opts);
      this.output = undefined;
      this.features = undefined;
    });
    await this.refreshMapping();
  }

  async loadDataFile(file: File): Promise<void> {
    await this.task('data', async (opts) => {
      const bytes = await file.arrayBuffer();
      this.data = await this.engine.call({ kind: 'loadData', bytes, fileName: file.name }, opts);
      this.features = undefined;
    });
    await this.refreshMapping();
  }

  /** Loads the bundled demo (served from this page's own origin). */
  async loadDemo(base: string): Promise<void> {
    await this.task('demo', async (opts) => {
      const [m, d] = await Promise.all([fetchBytes(`${base}/model.onnx`), fetchBytes(`${base}/data.csv`)]);
      this.model = await this.engine.call({ kind: 'loadModel', bytes: m, fileName: 'german-credit-rf.onnx' }, opts);
      this.data = await this.engine.call({ kind: 'loadData', bytes: d, fileName: 'german-credit.csv' }, opts);
      this.output = undefined;
      this.features = undefined;
    });
    await this.refreshMapping();
  }

  async setFeatures(features: string[] | undefined): Promise<void> {
    this.features = features;
    await this.refreshMapping();
  }

  setOutput(output: string | undefined): void {
    this.output = output;
    this.result = null;
  }

  async predict(): Promise<void> {
    await this.task('predict', async (opts) => {
      this.result = await this.engine.call({ kind: 'predict', features: this.features, output: this.output }, opts);
    });
  }

  cancel(): void {
    this.controller?.abort();
  }

  dismissError(): void {
    this.error = null;
  }

  private async refreshMapping(): Promise<void> {
    this.result = null;
    if (!this.model || !this.data) {
      this.mapping = null;
      return;
    }
    try {
      this.mapping = await this.engine.call({ kind: 'checkMapping', features: this.features });
    } catch (err) {
      this.error = infoOf(err);
    }
  }

  /** Runs one piece of work: the newest request wins, progress is tracked, errors become data. */
  private async task(what: NonNullable<Busy>['what'], fn: (opts: { signal: AbortSignal; onProgress: (p: Progress) => void }) => Promise<void>): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.error = null;
    this.busy = { what, progress: null, started: performance.now() };
    try {
      await fn({
        signal: controller.signal,
        onProgress: (progress) => {
          if (this.controller === controller && this.busy) this.busy = { ...this.busy, progress };
        },
      });
    } catch (err) {
      const info = infoOf(err);
      // a cancel the person asked for is not an error; the newest request's errors are shown
      if (this.controller === controller && info.code !== 'CANCELLED') this.error = info;
    } finally {
      if (this.controller === controller) {
        this.busy = null;
        this.controller = null;
      }
    }
  }
}

function infoOf(err: unknown): ErrorInfo {
  if (err instanceof EngineError) return err.info;
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), hint: 'Reload the page and try again.' };
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new EngineError({ code: 'FILE_NOT_FOUND', message: `could not load ${url} (${res.status})`, hint: 'The demo files are missing from this installation.' });
  return res.arrayBuffer();
}
