/**
 * The explanation step's state: the form's settings, the newest run's result (in $state.raw:
 * typed arrays are never wrapped in proxies), progress, errors and which case and columns the
 * person is looking at. All computing happens in the engine; views are derived from the result.
 */
import type { ErrorInfo, Progress } from '../../engine/errors.ts';
import type { ExplainRun, ExplainSpec } from '../../engine/analyses/explain-run.ts';
import type { Task } from '../../engine/model/types.ts';
import type { EngineApi } from '../../worker/client.ts';
import type { AppState } from '../app.svelte.ts';
import { LatestRunner } from './runner.ts';
import { defaultSettings, spacesFor, toSpec, type ExplainSettings, type Problem } from './settings.ts';
import { explainView } from './view.ts';
import { labelOf } from '../audit/build.ts';

export interface ExplainBusy {
  started: number;
  progress: Progress | null;
}

/** What a result was computed from: when any of these changes, the result is out of date. */
export interface Inputs {
  model: unknown;
  data: unknown;
  features: string[] | undefined;
  output: string | undefined;
  /** The outcome as 'COLUMN=VALUE' (explains that class's probability), as the audit file's label. */
  label: string | undefined;
}

export interface ExplainResult {
  run: ExplainRun;
  spec: ExplainSpec;
  inputs: Inputs;
}

export class ExplainState {
  settings = $state<ExplainSettings>(defaultSettings('classification'));
  result = $state.raw<ExplainResult | null>(null);
  busy = $state.raw<ExplainBusy | null>(null);
  error = $state.raw<ErrorInfo | null>(null);
  problems = $state.raw<Problem[]>([]);
  /** True after the person cancelled the newest run (until the next run). */
  cancelled = $state(false);
  /** Position (among the explained rows) of the case in the waterfall. */
  selected = $state(0);
  /** Dependence plot: the player, and the player that colours it (null: none; undefined: the default). */
  dependence = $state<string | null>(null);
  colourBy = $state<string | null | undefined>(undefined);

  /** The charts' shared view of the result. */
  view = $derived(this.result ? explainView(this.result.run) : null);

  private runner = new LatestRunner();

  constructor(private engine: EngineApi) {}

  /** Starts an explanation with the current settings; a run still in flight is replaced. */
  async run(app: AppState): Promise<void> {
    const task: Task = app.model?.signature.task ?? 'classification';
    const settings = { ...this.settings, space: spacesFor(task).includes(this.settings.space) ? this.settings.space : spacesFor(task)[0] };
    const checked = toSpec(settings, app.data?.rows ?? 0, task);
    this.problems = checked.ok ? [] : checked.problems;
    if (!checked.ok) return;
    const spec = checked.spec;
    const label = labelFor(app);
    const inputs: Inputs = { model: app.model, data: app.data, features: app.features, output: app.output, label };
    // the protected attributes come back with the explained rows, to colour plots by them
    const context = [...(app.fairness?.settings.protected ?? [])];
    const request = { kind: 'explain' as const, features: app.features, output: app.output, label, context, spec };
    await this.runner.run((opts) => this.engine.call(request, opts), {
      started: (started) => {
        this.busy = { started, progress: null };
        this.error = null;
        this.cancelled = false;
      },
      progress: (progress) => {
        if (this.busy) this.busy = { ...this.busy, progress };
      },
      result: (run) => {
        this.result = { run, spec, inputs };
        this.selected = 0;
        const names = run.explanation.players;
        if (this.dependence === null || !names.includes(this.dependence)) this.dependence = null;
        if (this.colourBy && !names.includes(this.colourBy) && !(this.colourBy in run.context)) this.colourBy = undefined;
      },
      error: (info) => (this.error = info),
      finished: () => (this.busy = null),
    });
  }

  cancel(): void {
    if (!this.busy) return;
    this.runner.cancel();
    this.cancelled = true;
  }

  /** True when the result was computed from the model, data and mapping the app holds now. */
  fresh(app: AppState): boolean {
    const r = this.result;
    return r !== null && r.inputs.model === app.model && r.inputs.data === app.data && r.inputs.features === app.features && r.inputs.output === app.output && r.inputs.label === labelFor(app);
  }

  /** True when the form now asks for something else than the shown result was computed with. */
  changed(app: AppState): boolean {
    const r = this.result;
    if (!r) return false;
    const task: Task = app.model?.signature.task ?? 'classification';
    const now = toSpec(this.settings, app.data?.rows ?? 0, task);
    return !now.ok || JSON.stringify(now.spec) !== JSON.stringify(r.spec);
  }

  /** Saves the run's results JSON (DESIGN.md explain contract) as a download. */
  exportJson(): void {
    if (!this.result) return;
    const blob = new Blob([JSON.stringify(this.result.run.json, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'einblick-explanation.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** The label the explanation is computed for: the outcome chosen in the mapping step. */
function labelFor(app: AppState): string | undefined {
  const task: Task = app.model?.signature.task ?? 'classification';
  return app.fairness ? (labelOf(app.fairness.settings, task) ?? undefined) : undefined;
}
