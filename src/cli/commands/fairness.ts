import { EinblickError } from '../../engine/errors.ts';
import type { Task } from '../../engine/model/types.ts';
import { parseBins } from '../../engine/analyses/protected.ts';
import type { FairnessSpec } from '../../engine/analyses/fairness-run.ts';
import { list, writeJson, type Io } from '../io.ts';
import { openSession, printNotes } from '../session.ts';
import { intOption, numberOption } from '../options.ts';

export interface FairnessCommandOptions {
  model: string;
  data: string;
  features?: string;
  output?: string;
  task?: string;
  label?: string;
  favourable?: string;
  protected: string;
  intersect?: string;
  threshold?: string;
  topK?: string;
  bins: string[];
  reference: string[];
  bootstrap?: string;
  seed?: string;
  minGroupSize?: string;
  smallGroupWarnings?: boolean;
  out?: string;
  quiet?: boolean;
}

const TASKS = ['classification', 'regression', 'anomaly'];

/** `einblick fairness ...`: group metrics, disparities and intervals as JSON (DESIGN.md). */
export async function fairnessCommand(o: FairnessCommandOptions, io: Io): Promise<void> {
  if (o.task !== undefined && !TASKS.includes(o.task)) {
    throw new EinblickError('INVALID_OPTION', `invalid task: ${o.task}; expected one of ${TASKS.join(', ')}`, 'Pass --task classification, regression or anomaly.');
  }
  const spec: FairnessSpec = {
    label: o.label,
    favourable: o.favourable,
    protected: list(o.protected) ?? [],
    intersect: list(o.intersect),
    threshold: numberOption(o.threshold, 'threshold', 0, 1),
    topK: list(o.topK),
    bins: parseBins(o.bins),
    reference: Object.fromEntries(o.reference.map(pair)),
    bootstrap: intOption(o.bootstrap, 'bootstrap', 0, 100_000),
    seed: intOption(o.seed, 'seed', -2147483648, 2147483647),
    minGroupSize: o.smallGroupWarnings === false ? false : intOption(o.minGroupSize, 'min-group-size', 1, 1e9),
  };
  const { session, onProgress } = await openSession(o, io);
  const run = await session.fairness({ features: list(o.features), output: o.output, task: o.task as Task | undefined, spec }, { onProgress });
  printNotes(run.warnings, io, o.quiet);
  await writeJson(run.json, o.out, io);
}

function pair(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new EinblickError('INVALID_OPTION', `invalid reference: ${text}; expected ATTRIBUTE=VALUE`, 'For example --reference sex=male.');
  return [text.slice(0, at), text.slice(at + 1)];
}
