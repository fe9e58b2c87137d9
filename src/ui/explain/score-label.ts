/**
 * The class whose probability a classifier's score is ("Good" in German Credit), read from the
 * model's signature or from the output the person chose ('NAME:INDEX'); null when unknown.
 */
import type { ModelSignature } from '../../engine/model/types.ts';

/**
 * @example positiveLabel(signature, undefined) // 'Good' (signature.score = { output: 'output_probability', index: 1 })
 * @example positiveLabel(signature, 'output_probability:0') // 'Bad'
 */
export function positiveLabel(signature: ModelSignature, output: string | undefined): string | null {
  let name: string | undefined, index: number | null | undefined;
  if (output !== undefined) {
    const m = /^(.*):(\d+)$/.exec(output);
    [name, index] = m ? [m[1], Number(m[2])] : [output, null];
  } else if (signature.score) {
    [name, index] = [signature.score.output, signature.score.index];
  }
  if (name === undefined || index === null || index === undefined) return null;
  const label = signature.outputs.find((o) => o.name === name)?.classLabels?.[index];
  return label === undefined ? null : String(label);
}
