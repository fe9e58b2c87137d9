/**
 * The UI's state and the actions that change it. Components read this and call its methods;
 * all computing happens in the engine behind EngineApi (a Web Worker in the app).
 * Results are held in $state.raw: never deep proxies around typed arrays. Every step's
 * settings and results live here (or in the sub-states it holds), so going back to an earlier
 * step never loses them; results carry what they were computed from and are shown as current
 * only while that still holds.
 */
import type { ErrorInfo } from '../engine/errors.ts';
import type { DataSummary, MappingCheck, ModelSummary, PredictResult } from '../engine/session.ts';
import type { ModelCheck } from '../engine/analyses/model-check.ts';
import type { Audit } from '../engine/audit/schema.ts';
import type { EngineApi } from '../worker/client.ts';
import { infoOf } from './error-info.ts';
import { FairnessState } from './fairness/state.svelte.ts';
import { buildSpec, guessOutcome, type FairnessSettings } from './fairness/settings.ts';
import { ExplainState } from './explain/state.svelte.ts';
import { AuditState } from './audit/state.svelte.ts';
import { DemoState } from './demos/state.svelte.ts';
import { applyAudit } from './audit/apply.ts';
import { labelOf } from './audit/build.ts';
import { stepEnabled, visibleStep, type FlowFacts, type StepId } from './flow/steps.ts';
import { Work, type Busy } from './work.svelte.ts';
import { sameInputs, type CheckInputs } from './check/inputs.ts';

export type { Busy } from './work.svelte.ts';
export type { CheckInputs } from './check/inputs.ts';

export class AppState {
  /** The step the person asked for; `step` is what can be shown. */
  wanted = $state<StepId>('start');
  model = $state.raw<ModelSummary | null>(null);
  data = $state.raw<DataSummary | null>(null);
  mapping = $state.raw<MappingCheck | null>(null);
  result = $state.raw<PredictResult | null>(null);
  /** The model check (null inside when there is no outcome to check against) and its inputs. */
  check = $state.raw<{ check: ModelCheck | null; inputs: CheckInputs } | null>(null);
  /** Matrix layout: the data columns the person chose for the model's input, in order. */
  features = $state.raw<string[] | undefined>(undefined);
  /** 'NAME' or 'NAME:INDEX' when the person chose the score output. */
  output = $state.raw<string | undefined>(undefined);
  /** The fairness settings and results for the loaded model and data. */
  fairness = $state.raw<FairnessState | null>(null);

  readonly explain: ExplainState;
  readonly audit: AuditState;
  readonly demos: DemoState;

  /** The data columns the model reads (never the outcome). */
  inputs = $derived(this.mapping?.ok ? this.mapping.mapping.columns : []);
  scoreChosen = $derived(this.model !== null && (this.model.signature.score !== null || this.output !== undefined));
  checkInputs = $derived<CheckInputs>({
    model: this.model,
    data: this.data,
    features: this.features,
    output: this.output,
    label: this.fairness && this.model ? labelOf(this.fairness.settings, this.model.signature.task) : null,
    threshold: this.fairness?.settings.threshold ?? 0.5,
  });
  checkFresh = $derived(this.check !== null && this.result !== null && sameInputs(this.check.inputs, this.checkInputs));
  facts = $derived.by(() => this.flowFacts());
  step = $derived(stepEnabled(this.wanted, this.facts) ? this.wanted : visibleStep(this.wanted, this.facts));

  private work = new Work();
  private fairnessFor: { model: ModelSummary; data: DataSummary } | null = null;

  constructor(readonly engine: EngineApi) {
    this.explain = new ExplainState(engine);
    this.audit = new AuditState(this);
    this.demos = new DemoState(this);
  }

  /** The fairness run's spec for the present settings, or null while they are incomplete. */
  fairnessSpec = $derived.by(() => {
    if (!this.fairness || !this.model || !this.data) return null;
    return buildSpec(this.fairness.settings, this.data.columns, this.model.signature.task, this.data.rows).spec;
  });

  /** The newest piece of work (loading, the model check) and its progress. */
  get busy(): Busy {
    return this.work.busy;
  }

  /** The newest error, shown above the step. */
  get error(): ErrorInfo | null {
    return this.work.error;
  }

  set error(e: ErrorInfo | null) {
    this.work.error = e;
  }

  /** Fairness results are there, for these columns and output, and for the settings asked for now. */
  private fairnessDone(): boolean {
    const results = this.fairness?.currentFor(this.features, this.output) ?? null;
    return results !== null && !this.fairness!.differsFrom(this.fairnessSpec, results);
  }

  private flowFacts(): FlowFacts {
    const fs = this.fairness;
    return {
      model: this.model !== null,
      data: this.data !== null,
      mappingOk: this.mapping?.ok === true,
      scoreChosen: this.scoreChosen,
      fairnessReady: this.fairnessSpec !== null,
      checked: this.checkFresh,
      explained: this.explain.result !== null && this.explain.fresh(this) && !this.explain.changed(this),
      fairnessDone: this.fairnessDone(),
    };
  }

  goTo(step: StepId): void {
    this.wanted = step;
  }

  async loadModelFile(file: File): Promise<void> {
    await this.loadModelBytes(await file.arrayBuffer(), file.name);
  }

  async loadDataFile(file: File): Promise<void> {
    await this.loadDataBytes(await file.arrayBuffer(), file.name);
  }

  async loadModelBytes(bytes: ArrayBuffer, fileName: string): Promise<void> {
    await this.work.run('model', async (opts) => {
      this.model = await this.engine.call({ kind: 'loadModel', bytes, fileName }, opts);
      this.output = undefined;
      this.features = undefined;
    });
    await this.afterLoad();
  }

  async loadDataBytes(bytes: ArrayBuffer, fileName: string): Promise<void> {
    await this.work.run('data', async (opts) => {
      this.data = await this.engine.call({ kind: 'loadData', bytes, fileName }, opts);
      this.features = undefined;
    });
    await this.afterLoad();
  }

  /** Loads a model and data fetched by the caller (a demo) as one piece of work, then applies `audit`. */
  async loadPair(files: () => Promise<{ model: ArrayBuffer; data: ArrayBuffer; names: { model: string; data: string } }>, audit: Audit): Promise<boolean> {
    let ok = false;
    await this.work.run('demo', async (opts) => {
      const f = await files();
      this.model = await this.engine.call({ kind: 'loadModel', bytes: f.model, fileName: f.names.model }, opts);
      this.data = await this.engine.call({ kind: 'loadData', bytes: f.data, fileName: f.names.data }, opts);
      this.output = undefined;
      this.features = undefined;
      ok = true;
    });
    if (ok) await this.applyAudit(audit);
    return ok;
  }

  /** Applies an audit file's choices now, or once a model and data are loaded. */
  async applyAudit(audit: Audit): Promise<void> {
    if (!this.model || !this.data) {
      this.audit.pending = audit;
      return;
    }
    try {
      const applied = applyAudit(audit, this.model.signature.task, this.data.columns.map((c) => c.name));
      this.features = applied.features;
      this.output = applied.output;
      this.audit.pending = null;
      await this.refreshMapping();
      this.ensureFairness(applied.fairness);
      Object.assign(this.explain.settings, applied.explain);
      this.audit.applied(audit);
    } catch (err) {
      this.error = infoOf(err);
    }
  }

  async setFeatures(features: string[] | undefined): Promise<void> {
    this.features = features;
    await this.refreshMapping();
    // the outcome was guessed before the model's columns were known: a model input cannot be it
    const fs = this.fairness;
    if (fs && this.model && this.data && this.inputs.includes(fs.settings.outcome)) {
      void fs.chooseOutcome(guessOutcome(this.data.columns, this.model.signature.task, this.inputs));
    }
  }

  setOutput(output: string | undefined): void {
    this.output = output;
    this.result = null;
  }

  /** The model check step: predictions for every row, and their quality against the outcome. */
  async runCheck(): Promise<void> {
    const inputs = this.checkInputs;
    const { features, output } = this;
    await this.work.run('predict', async (opts) => {
      this.result = await this.engine.call({ kind: 'predict', features, output, label: inputs.label ?? undefined, threshold: inputs.threshold }, opts);
      const task = this.result.predictions.task;
      const check = inputs.label !== null || task === 'anomaly'
        ? await this.engine.call({ kind: 'modelCheck', features, output, label: inputs.label ?? undefined, threshold: inputs.threshold }, opts)
        : null;
      this.check = { check, inputs };
    });
  }

  cancel(): void {
    this.work.cancel();
  }

  dismissError(): void {
    this.error = null;
  }

  private async afterLoad(): Promise<void> {
    const pending = this.audit.pending;
    if (pending && this.model && this.data) await this.applyAudit(pending);
    else {
      await this.refreshMapping();
      this.ensureFairness();
    }
  }

  /**
   * Gives the loaded model and data their fairness state: `settings` when given; else, for new
   * files, the settings made before as far as the new data has their columns.
   */
  private ensureFairness(settings?: FairnessSettings): void {
    if (!this.model || !this.data) return;
    const same = this.fairnessFor?.model === this.model && this.fairnessFor.data === this.data;
    if (same && !settings) return;
    const before = this.fairness ? ($state.snapshot(this.fairness.settings) as FairnessSettings) : null;
    if (!same || !this.fairness) {
      this.fairness = new FairnessState(() => ({ engine: this.engine, model: this.model!, data: this.data!, features: this.features, output: this.output, inputs: this.inputs }));
      this.fairnessFor = { model: this.model, data: this.data };
    }
    const names = new Set(this.data.columns.map((c) => c.name));
    const keep = before && [before.outcome, ...before.protected].every((n) => !n || names.has(n)) && (before.outcome || before.protected.length) ? before : null;
    const next = settings ?? keep;
    if (next) this.fairness.applySettings(next);
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
}
