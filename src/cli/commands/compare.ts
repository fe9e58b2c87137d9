import { basename } from 'node:path';
import { EinblickError } from '../../engine/errors.ts';
import type { Task } from '../../engine/model/types.ts';
import { parseBins } from '../../engine/analyses/protected.ts';
import type { CompareSpec } from '../../engine/analyses/compare-run.ts';
import { checkOut, writeJson, type Io } from '../io.ts';
import { readInput } from '../read-file.ts';
import { openSession, printNotes } from '../session.ts';
import { sourceFlags } from '../source.ts';
import { limitOption, list, shown } from '../options.ts';
import { once, pair } from './fairness.ts';

export interface CompareCommandOptions {
  data: string;
  model?: string;
  scores?: string;
  higherIs?: string;
  decisions?: string;
  features?: string;
  output?: string;
  modelB?: string;
  scoresB?: string;
  higherIsB?: string;
  decisionsB?: string;
  featuresB?: string;
  outputB?: string;
  task?: string;
  label?: string;
  favourable?: string;
  protected: string;
  intersect?: string;
  threshold?: string;
  thresholdB?: string;
  bins: string[];
  reference: string[];
  bootstrap?: string;
  seed?: string;
  minGroupSize?: string;
  smallGroupWarnings?: boolean;
  out?: string;
  quiet?: boolean;
}

/**
 * `einblick compare --data D (--model A | --scores COL | --decisions COL) (--model-b B | --scores-b COL | --decisions-b COL) ...`:
 * the fairness of both, the decisions that change, and every difference B - A with a paired
 * bootstrap interval (issue 12's contract).
 */
export async function compareCommand(o: CompareCommandOptions, io: Io): Promise<void> {
  if (o.task !== undefined && o.task !== 'classification') {
    throw new EinblickError('INVALID_OPTION', `invalid task: ${shown(o.task)}; compare takes classifiers (and score or decision columns) only`, 'Leave --task out, or pass --task classification.');
  }
  const a = sourceFlags(o);
  const b = sourceFlags({ model: o.modelB, scores: o.scoresB, higherIs: o.higherIsB, decisions: o.decisionsB, threshold: o.thresholdB }, '-b');
  const spec: CompareSpec = {
    label: o.label,
    favourable: o.favourable,
    protected: list(o.protected, 'protected') ?? [],
    intersect: list(o.intersect, 'intersect'),
    threshold: a.threshold,
    thresholdB: b.threshold,
    bins: parseBins(once(o.bins, 'bins')),
    reference: Object.fromEntries(once(o.reference, 'reference').map(pair)),
    bootstrap: limitOption(o.bootstrap, 'bootstrap'),
    seed: limitOption(o.seed, 'seed'),
    minGroupSize: limitOption(o.minGroupSize, 'min-group-size'),
  };
  if (o.smallGroupWarnings === false) spec.minGroupSize = false;
  const task = o.task as Task | undefined;
  await checkOut(o.out);
  const { session, onProgress } = await openSession(o, io);
  if (o.modelB !== undefined) await session.loadModelB(await readInput(o.modelB, 'model-b'), basename(o.modelB));
  const run = await session.compare({
    a: { features: list(o.features, 'features'), output: o.output, task, source: a.source },
    b: { features: list(o.featuresB, 'features-b'), output: o.outputB, task, source: b.source },
    spec,
  }, { onProgress });
  printNotes(run.warnings, io, o.quiet);
  await writeJson(run.json, o.out, io);
}
