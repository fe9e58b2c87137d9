import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { EngineSession } from '../../engine/session.ts';
import type { ModelSignature } from '../../engine/model/types.ts';
import { checkOut, writeJson, type Io } from '../io.ts';
import { readInput } from '../read-file.ts';

export interface InspectOptions {
  model: string;
  out?: string;
}

/** `einblick inspect --model M.onnx`: the model's signature, task and outputs as JSON. */
export async function inspectCommand(opts: InspectOptions, io: Io): Promise<void> {
  await checkOut(opts.out);
  const bytes = await readInput(opts.model, 'model');
  const session = new EngineSession();
  const { signature } = await session.loadModel(bytes, basename(opts.model));
  await writeJson(
    {
      file: basename(opts.model),
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      ...signatureToJson(signature),
    },
    opts.out,
    io,
  );
}

/** The signature with the JSON key style of the results contracts (snake_case). */
export function signatureToJson(s: ModelSignature): Record<string, unknown> {
  return {
    task: s.task,
    layout: s.layout,
    width: s.width,
    inputs: s.inputs,
    outputs: s.outputs.map((o) => ({
      name: o.name,
      type: o.type,
      shape: o.shape,
      role: o.role,
      ...(o.classLabels ? { class_labels: o.classLabels } : {}),
      ...(o.fromZipMap ? { from_zipmap: true } : {}),
    })),
    score: s.score,
    label_output: s.labelOutput,
    ops: s.ops,
    opsets: s.opsets,
    producer: s.producer,
    ir_version: s.irVersion,
    notes: s.notes.map((n) => n.message),
  };
}
