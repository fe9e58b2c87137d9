import { EinblickError } from '../../engine/errors.ts';
import type { Task } from '../../engine/model/types.ts';
import { parseBins } from '../../engine/analyses/protected.ts';
import type { FairnessSpec } from '../../engine/analyses/fairness-run.ts';
import { checkOut, writeJson, type Io } from '../io.ts';
import { openSession, printNotes } from '../session.ts';
import { sourceFlags } from '../source.ts';
import { limitOption, list, shown } from '../options.ts';

export interface FairnessCommandOptions {
  model?: string;
  scores?: string;
  higherIs?: string;
  decisions?: string;
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
    throw new EinblickError('INVALID_OPTION', `invalid task: ${shown(o.task)}; expected one of ${TASKS.join(', ')}`, 'Pass --task classification, regression or anomaly.');
  }
  const { source, threshold } = sourceFlags(o);
  const spec: FairnessSpec = {
    label: o.label,
    favourable: o.favourable,
    protected: list(o.protected, 'protected') ?? [],
    intersect: list(o.intersect, 'intersect'),
    threshold,
    topK: list(o.topK, 'top-k'),
    bins: parseBins(once(o.bins, 'bins')),
    reference: Object.fromEntries(once(o.reference, 'reference').map(pair)),
    bootstrap: limitOption(o.bootstrap, 'bootstrap'),
    seed: limitOption(o.seed, 'seed'),
    minGroupSize: limitOption(o.minGroupSize, 'min-group-size'),
  };
  if (o.smallGroupWarnings === false) spec.minGroupSize = false;
  const features = list(o.features, 'features');
  await checkOut(o.out);
  const { session, onProgress } = await openSession(o, io);
  const run = await session.fairness({ features, output: o.output, task: o.task as Task | undefined, source, spec }, { onProgress });
  printNotes(run.warnings, io, o.quiet);
  await writeJson(run.json, o.out, io);
}

/** Repeatable COLUMN=... flags name each column once (a second --bins Age=... would silently win). */
export function once(values: string[], flag: string): string[] {
  const seen = new Set<string>();
  for (const v of values) {
    const name = v.slice(0, Math.max(0, v.indexOf('='))).trim();
    if (name && seen.has(name)) throw new EinblickError('INVALID_OPTION', `invalid ${flag}: ${shown(name)} is given twice`, `Give --${flag} once for each column.`, { option: flag, value: name });
    seen.add(name);
  }
  return values;
}

export function pair(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new EinblickError('INVALID_OPTION', `invalid reference: ${shown(text)}; expected ATTRIBUTE=VALUE`, 'For example --reference sex=male.');
  return [text.slice(0, at), text.slice(at + 1)];
}
