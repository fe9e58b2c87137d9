/**
 * What every analysis command does first: read the model and data files, load them into a new
 * engine session, and say on stderr what the loader noticed (a missing-value mark kept as a
 * category, a file read as Windows-1252...), which the app shows in its data panel.
 */
import { basename } from 'node:path';
import type { Progress, Warning } from '../engine/errors.ts';
import { EngineSession } from '../engine/session.ts';
import { clip, progressPrinter, type Io } from './io.ts';
import { readInput } from './read-file.ts';

export interface Opened {
  session: EngineSession;
  onProgress: ((p: Progress) => void) | undefined;
}

/**
 * @example const { session, onProgress } = await openSession({ model: 'm.onnx', data: 'd.csv' }, io)
 */
export async function openSession(o: { model?: string; data: string; quiet?: boolean }, io: Io): Promise<Opened> {
  const [modelBytes, dataBytes] = await Promise.all([o.model === undefined ? null : readInput(o.model, 'model'), readInput(o.data, 'data')]);
  const session = new EngineSession();
  const onProgress = progressPrinter(io, Boolean(o.quiet));
  // without a model (a score or decision column of the data), only the data is loaded
  if (modelBytes && o.model !== undefined) await session.loadModel(modelBytes, basename(o.model));
  const data = await session.loadData(dataBytes, basename(o.data), { onProgress });
  printNotes(data.warnings, io, o.quiet);
  return { session, onProgress };
}

/** Non-fatal problems as 'einblick: note: ...' lines on stderr (none with --quiet). */
export function printNotes(warnings: readonly Warning[], io: Io, quiet?: boolean): void {
  if (quiet) return;
  for (const w of warnings) io.stderr(`einblick: note: ${clip(w.message)}\n`);
}
