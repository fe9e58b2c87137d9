/**
 * When the file leaves an output's width open ([N, ?] or no shape), one trial run on a row of
 * zeros (empty text for text inputs) tells the runtime's actual output shapes, so that the
 * task can be detected from facts instead of guesses.
 */
import { EinblickError } from '../errors.ts';
import type { FeedTensor, OrtSession } from './ort.ts';
import { detectTask, outputWidth } from './task.ts';
import type { InputSpec, ModelSignature, OutputSpec } from './types.ts';

const isNumeric = (o: OutputSpec) => ['float32', 'float64', 'int64', 'int32'].includes(o.type);

/**
 * Returns the signature with output shapes from a trial run when some numeric output has an
 * unknown width; unchanged otherwise (or when a trial row cannot be built or run; then a note says so).
 *
 * @example (await probeOutputShapes(session, signature)).outputs[0].shape // [null, 2]
 */
export async function probeOutputShapes(session: OrtSession, signature: ModelSignature): Promise<ModelSignature> {
  const open = signature.outputs.filter((o) => isNumeric(o) && (outputWidth(o) === null || o.shape.length > 2));
  if (open.length === 0) return signature;
  const feeds = zeroRow(signature.inputs);
  if (!feeds) return signature;
  let result;
  try {
    result = await session.run(feeds, open.map((o) => o.name));
  } catch (err) {
    if (!(err instanceof EinblickError)) throw err;
    const notes = [...signature.notes, { code: 'OUTPUT_WIDTH_UNKNOWN', message: `The width of output ${open.map((o) => o.name).join(', ')} is not stated in the file and a trial run failed (${err.message}).`, params: { output: open.map((o) => o.name).join(', ') } }];
    return { ...signature, notes };
  }
  const outputs = signature.outputs.map((o) => {
    const t = result.get(o.name);
    if (!t) return o;
    const shape: (number | null)[] = t.dims.map((d, i) => (i === 0 ? null : d));
    return { ...o, shape };
  });
  const choice = detectTask(outputs);
  const notes = [...signature.notes, ...open.map((o) => ({ code: 'OUTPUT_SHAPE_PROBED', message: `The file does not state the shape of output ${o.name}; a trial run gave [N${result.get(o.name)?.dims.slice(1).map((d) => `, ${d}`).join('') ?? ''}].`, params: { output: o.name } }))];
  const next: ModelSignature = { ...signature, outputs, notes, task: choice.task, score: choice.score, labelOutput: choice.labelOutput };
  delete next.ambiguity;
  if (choice.ambiguity) next.ambiguity = choice.ambiguity;
  return next;
}

/** A trial row larger than this (a damaged or image-sized shape) is not built. */
const MAX_PROBE_VALUES = 1_000_000;

/** A one-row feed of zeros, or null when an input's width is unknown or the row would be huge. */
function zeroRow(inputs: InputSpec[]): FeedTensor[] | null {
  const feeds: FeedTensor[] = [];
  for (const input of inputs) {
    const dims = input.shape.map((d, i) => (i === 0 ? 1 : d));
    if (dims.some((d) => d === null)) return null;
    const size = (dims as number[]).reduce((a, b) => a * b, 1);
    if (size > MAX_PROBE_VALUES) return null;
    const data = zeros(input, size);
    if (!data) return null;
    feeds.push({ name: input.name, type: input.type, data, dims: dims as number[] });
  }
  return feeds;
}

function zeros(input: InputSpec, size: number): FeedTensor['data'] | null {
  switch (input.type) {
    case 'float32': return new Float32Array(size);
    case 'float64': return new Float64Array(size);
    case 'int64': return new BigInt64Array(size);
    case 'int32': return new Int32Array(size);
    case 'bool': return new Uint8Array(size);
    case 'string': return new Array<string>(size).fill('');
    default: return null;
  }
}
