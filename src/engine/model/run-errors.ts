/**
 * A failed model run in plain words: which step of the model failed and why, with the shape the
 * data had, as INFERENCE_FAILED; the runtime's own text only sanitized in `params.runtime`.
 */
import { EinblickError } from '../errors.ts';
import { sanitizeRuntimeText } from './runtime-text.ts';

/** The shape of one input as it was fed. */
export interface FedShape {
  name: string;
  dims: readonly number[];
}

const GENERIC_HINT = 'Check that each data column matches the model input it fills (einblick inspect lists the inputs and their types), and that the columns are the ones the model was trained on.';
const SHAPE_HINT = 'The model file probably states another number or shape of inputs than it really uses, or the chosen columns differ from those it was trained on. Check the columns (einblick inspect lists the inputs) and ask whoever exported the model how many input columns it takes.';

/**
 * The error for a run the runtime refused.
 *
 * @example runFailure("failed to call OrtRun(). ERROR_CODE: 1, ERROR_MESSAGE: Non-zero status code returned while running MatMul node. Name:'' Status Message: matmul_helper.h:61 Compute MatMul dimension mismatch", [{ name: 'input', dims: [3, 3] }]).message
 * // 'the model could not process the data: its step MatMul received values whose sizes do not fit (the data gives 3 columns per row to the input input)'
 */
export function runFailure(raw: string, fed: FedShape[]): EinblickError {
  const runtime = sanitizeRuntimeText(raw);
  const operator = /running (\w+) node/.exec(raw)?.[1] ?? (/cannot be reshaped/i.test(raw) ? 'Reshape' : undefined);
  const width = columnsOf(fed);
  const given = width ? ` (the data gives ${width.columns} column${width.columns === 1 ? '' : 's'} per row to the input ${width.input})` : '';
  const feature = /requests feature (\d+) but input tensor has (\d+) features/.exec(raw);
  if (feature) {
    const needed = Number(feature[1]) + 1;
    return new EinblickError('INFERENCE_FAILED', `the model could not process the data: its trees read input column ${needed}, but the data gives only ${feature[2]} columns per row`, SHAPE_HINT, { detail: 'INFERENCE_FEATURES', needed, columns: Number(feature[2]), operator, runtime });
  }
  if (/dimension|shape|reshape|bounds|broadcast|rank|size|dims/i.test(runtime)) {
    const step = operator ? `its step ${operator}` : 'one of its steps';
    return new EinblickError('INFERENCE_FAILED', `the model could not process the data: ${step} received values whose sizes do not fit${given}`, SHAPE_HINT, { detail: 'INFERENCE_SHAPE', operator, columns: width?.columns, input: width?.input, runtime });
  }
  return new EinblickError('INFERENCE_FAILED', `the model could not process the data${operator ? `: its step ${operator} failed` : ''}${given}`, GENERIC_HINT, { operator, runtime });
}

/** The matrix input's width, or the number of per-column inputs. */
function columnsOf(fed: FedShape[]): { columns: number; input: string } | null {
  if (fed.length === 1 && fed[0].dims.length === 2) return { columns: fed[0].dims[1], input: fed[0].name };
  return null;
}
