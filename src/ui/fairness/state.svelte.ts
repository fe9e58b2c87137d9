/**
 * State of the fairness step: the person's settings, the values of the columns they pick, and
 * the newest fairness run. Results are held in $state.raw (never deep proxies); the engine does
 * every computation; a moved threshold re-runs the last analysis (debounced, newest wins; the
 * engine reuses its cached predictions, so only the metrics are recomputed).
 */
import type { ErrorInfo, Progress } from '../../engine/errors.ts';
import type { ColumnLevels, DataSummary, FairnessResultMessage, ModelSummary } from '../../engine/session.ts';
import type { FairnessSpec } from '../../engine/analyses/fairness-run.ts';
import type { EngineApi } from '../../worker/client.ts';
import { Latest, type Outcome } from './latest.ts';
import { defaultPositive, defaultSettings, needsBinning, type FairnessSettings } from './settings.ts';

export interface FairnessContext {
  engine: EngineApi;
  model: ModelSummary;
  data: DataSummary;
  features: string[] | undefined;
  output: string | undefined;
  /** The data columns the model reads (from the mapping): never the outcome. */
  inputs: string[];
}

/** A finished run and what it was computed for. */
export interface FairnessOutcome {
  message: FairnessResultMessage;
  spec: FairnessSpec;
  features: string[] | undefined;
  output: string | undefined;
}

export interface FairnessBusy {
  started: number;
  progress: Progress | null;
  /** A live update after the threshold moved (results stay visible meanwhile). */
  live: boolean;
}

/** How long the slider must rest before the engine is asked (ms). */
export const LIVE_DELAY = 150;

export class FairnessState {
  settings: FairnessSettings;
  levels = $state.raw<Record<string, ColumnLevels>>({});
  outcome = $state.raw<FairnessOutcome | null>(null);
  busy = $state.raw<FairnessBusy | null>(null);
  error = $state.raw<ErrorInfo | null>(null);
  /** The threshold the slider shows; the results catch up after LIVE_DELAY and a run. */
  liveThreshold = $state(0.5);

  private latest = new Latest();
  private token = 0;
  /** Bumped when every setting is replaced, so that an older outcome guess does not overwrite them. */
  private epoch = 0;

  constructor(private ctx: () => FairnessContext) {
    const { data, model, inputs } = ctx();
    this.settings = $state(defaultSettings(data.columns, model.signature.task, inputs));
    if (this.settings.outcome) void this.chooseOutcome(this.settings.outcome);
  }

  /** Fetches (once) the values of a column and their counts. */
  async loadLevels(column: string): Promise<ColumnLevels | null> {
    if (this.levels[column]) return this.levels[column];
    try {
      const lv = await this.ctx().engine.call({ kind: 'columnLevels', column });
      this.levels = { ...this.levels, [column]: lv };
      return lv;
    } catch {
      return null; // the value lists are a convenience: the run itself reports a bad column
    }
  }

  /** Sets the outcome column and starts from its natural positive and favourable values. */
  async chooseOutcome(column: string): Promise<void> {
    const s = this.settings;
    s.outcome = column;
    s.positive = '';
    s.favourable = '';
    s.protected = s.protected.filter((p) => p !== column);
    if (!column || this.ctx().model.signature.task === 'regression') return;
    const epoch = this.epoch;
    const lv = await this.loadLevels(column);
    if (!lv || s.outcome !== column || epoch !== this.epoch) return;
    const sig = this.ctx().model.signature;
    const probs = sig.outputs.find((o) => o.role === 'probabilities' && o.classLabels?.length);
    s.positive = defaultPositive(lv.levels, probs?.classLabels, sig.score?.index ?? null);
    s.favourable = s.positive;
  }

  /**
   * Replaces every setting (from an audit file, a demo, or the settings kept from the files
   * loaded before) and fetches the values of the columns they name.
   */
  applySettings(next: FairnessSettings): void {
    this.epoch++;
    Object.assign(this.settings, $state.snapshot(next) as FairnessSettings);
    this.liveThreshold = next.threshold;
    const cols = this.ctx().data.columns;
    for (const name of [next.outcome, ...next.protected]) {
      const col = cols.find((c) => c.name === name);
      if (col && !needsBinning(col)) void this.loadLevels(name);
    }
    // "label": "Class" without a value: start from the model's positive class, as the engine does
    if (next.outcome && !next.positive && this.ctx().model.signature.task === 'classification') void this.fillPositive(next.outcome);
  }

  private async fillPositive(column: string): Promise<void> {
    const epoch = this.epoch;
    const lv = await this.loadLevels(column);
    const s = this.settings;
    if (!lv || epoch !== this.epoch || s.outcome !== column || s.positive) return;
    const sig = this.ctx().model.signature;
    const probs = sig.outputs.find((o) => o.role === 'probabilities' && o.classLabels?.length);
    s.positive = defaultPositive(lv.levels, probs?.classLabels, sig.score?.index ?? null);
    if (!s.favourable) s.favourable = s.positive;
  }

  setPositive(value: string): void {
    const wasFavourable = this.settings.favourable === this.settings.positive;
    this.settings.positive = value;
    if (wasFavourable || !this.settings.favourable) this.settings.favourable = value;
  }

  /** Adds or removes a protected attribute (and the intersections and reference that name it). */
  toggleProtected(name: string, on: boolean): void {
    const s = this.settings;
    const cols = this.ctx().data.columns;
    const set = new Set(s.protected);
    if (on) set.add(name);
    else set.delete(name);
    s.protected = cols.map((c) => c.name).filter((n) => set.has(n));
    s.intersect = s.intersect.filter((x) => x.split('+').every((p) => set.has(p)));
    const col = cols.find((c) => c.name === name);
    if (on && col && needsBinning(col) && !s.bins[name]) s.bins[name] = { mode: 'quantiles', quantiles: 4, edges: '' };
    if (on && col && !needsBinning(col)) void this.loadLevels(name);
  }

  toggleIntersection(combo: string, on: boolean): void {
    const s = this.settings;
    s.intersect = on ? [...new Set([...s.intersect, combo])] : s.intersect.filter((x) => x !== combo);
  }

  /** Runs the analysis for a spec now (the run button). */
  async compute(spec: FairnessSpec): Promise<void> {
    this.liveThreshold = spec.threshold ?? 0.5;
    await this.track(false, spec, (onProgress) => this.latest.run((signal) => this.call(spec, signal, onProgress)));
  }

  /** The slider moved: re-run the last analysis at the new threshold once the slider rests. */
  moveThreshold(t: number): void {
    this.liveThreshold = t;
    this.settings.threshold = t;
    const last = this.outcome;
    if (!last) return;
    const spec = { ...last.spec, threshold: t };
    void this.track(true, spec, (onProgress) => this.latest.later(LIVE_DELAY, (signal) => this.call(spec, signal, onProgress)));
  }

  cancel(): void {
    this.latest.cancel();
  }

  /** The results shown, if they were computed for these model columns and output; else null. */
  currentFor(features: string[] | undefined, output: string | undefined): FairnessOutcome | null {
    const o = this.outcome;
    return o && o.features === features && o.output === output ? o : null;
  }

  /**
   * Whether the settings asked for now (`spec`, null while incomplete) differ from those of the
   * results: then the results are out of date. The threshold counts only while no live re-run
   * at the slider's position is under way.
   */
  differsFrom(spec: FairnessSpec | null, results: FairnessOutcome): boolean {
    if (!spec) return true;
    const strip = (s: object) => JSON.stringify({ ...s, threshold: undefined, curves: undefined });
    return strip(spec) !== strip(results.spec) || (this.busy === null && spec.threshold !== results.spec.threshold);
  }

  dismissError(): void {
    this.error = null;
  }

  private call(spec: FairnessSpec, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<FairnessResultMessage> {
    const { engine, features, output } = this.ctx();
    // plain copies: a Svelte state proxy cannot be posted to the worker
    return engine.call({ kind: 'fairness', features: features && [...features], output, spec: { ...spec, curves: true } }, { signal, onProgress });
  }

  private async track(live: boolean, spec: FairnessSpec, start: (onProgress: (p: Progress) => void) => Promise<Outcome<FairnessResultMessage>>): Promise<void> {
    const { features, output } = this.ctx();
    const token = ++this.token;
    this.busy = { started: performance.now(), progress: null, live };
    this.error = null;
    const out = await start((progress) => {
      if (this.token === token && this.busy) this.busy = { ...this.busy, progress };
    });
    if (out.kind === 'superseded') return;
    this.busy = null;
    if (out.kind === 'done') this.outcome = { message: out.value, spec, features, output };
    else if (out.kind === 'failed') this.error = out.error;
  }
}
