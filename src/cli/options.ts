/** Number flags, validated with a message that names the flag and the allowed range. */
import { EinblickError } from '../engine/errors.ts';

export function numberOption(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text.replace(',', '.'));
  if (!Number.isFinite(v) || v < min || v > max) {
    throw new EinblickError('INVALID_OPTION', `invalid ${name}: ${text}; expected a number from ${min} to ${max}`, `Pass --${name} with a number from ${min} to ${max}.`, { option: name, value: text });
  }
  return v;
}

export function intOption(text: string | undefined, name: string, min: number, max: number): number | undefined {
  const v = numberOption(text, name, min, max);
  if (v !== undefined && !Number.isInteger(v)) {
    throw new EinblickError('INVALID_OPTION', `invalid ${name}: ${text}; expected a whole number`, `Pass --${name} with a whole number.`, { option: name, value: text });
  }
  return v;
}
