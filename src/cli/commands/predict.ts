import { basename } from 'node:path';
import { EngineSession } from '../../engine/session.ts';
import { predictionsToJson } from '../../engine/model/predict.ts';
import { list, progressPrinter, readInput, writeJson, type Io } from '../io.ts';

export interface PredictCommandOptions {
  model: string;
  data: string;
  features?: string;
  output?: string;
  /** 'COLUMN=VALUE': score P(VALUE) when VALUE is one of the model's classes (as fairness and explain do). */
  label?: string;
  out?: string;
  quiet?: boolean;
}

/** `einblick predict --model M --data D [--features a,b] [--output NAME[:INDEX]] [--label COLUMN=VALUE] --out P.json`. */
export async function predictCommand(opts: PredictCommandOptions, io: Io): Promise<void> {
  const [modelBytes, dataBytes] = await Promise.all([readInput(opts.model, 'model'), readInput(opts.data, 'data')]);
  const session = new EngineSession();
  const onProgress = progressPrinter(io, Boolean(opts.quiet));
  await session.loadModel(modelBytes, basename(opts.model));
  await session.loadData(dataBytes, basename(opts.data), { onProgress });
  const { predictions } = await session.predict({ features: list(opts.features), output: opts.output, label: opts.label }, { onProgress });
  await writeJson(predictionsToJson(predictions), opts.out, io);
}
