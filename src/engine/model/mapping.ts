/**
 * Which data column fills which model feature. Per-column inputs are matched by name; a
 * matrix input is filled by an ordered list of data columns (--features), defaulting to all
 * data columns when they are numeric and as many as the model's width.
 */
import { EinblickError, type Warning } from '../errors.ts';
import type { ColumnInfo } from '../data/types.ts';
import { missingColumnError, type DroppedColumn } from '../data/dropped.ts';
import { nearNames } from './names.ts';
import type { InputSpec, Mapping, ModelSignature } from './types.ts';

const FEATURES_HINT = 'Pass --features a,b,c naming the data columns that fill the model input, in the order the model was trained on (in the app: pick the columns).';

/**
 * Maps data columns to the model's features; throws MISSING_COLUMN, UNKNOWN_FEATURE,
 * WRONG_WIDTH, TEXT_FOR_NUMBER or UNSUPPORTED_SIGNATURE with a hint. `dropped` (the file's
 * columns left out for their type, LoadedTable.dropped) turns "missing column" into "left out".
 *
 * @example mapColumns(signature, columns, ['pirat', 'hirat']).features // ['pirat', 'hirat']
 */
export function mapColumns(signature: ModelSignature, columns: ColumnInfo[], features?: string[], dropped: readonly DroppedColumn[] = []): Mapping {
  if (signature.layout === 'matrix') return mapMatrix(signature, columns, features, dropped);
  const mapping = mapPerColumn(signature.inputs, columns, dropped);
  if (features && features.length > 0) mapping.notes?.push({ code: 'FEATURES_IGNORED', message: 'The model takes one input per column, matched by name; the list of feature columns (--features) is not used.' });
  return mapping;
}

function mapPerColumn(inputs: InputSpec[], columns: ColumnInfo[], dropped: readonly DroppedColumn[]): Mapping {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const tensor = inputs.find((i) => i.shape.length > 2);
  if (tensor) throw tensorInput(tensor);
  const wide = inputs.filter((i) => i.shape.length > 2 || (i.shape.length === 2 && i.shape[1] !== null && i.shape[1] !== 1));
  if (wide.length > 0) {
    const w = wide[0];
    throw new EinblickError('UNSUPPORTED_SIGNATURE', `model input ${w.name} takes ${w.shape[1] ?? 'several'} columns at once, next to ${inputs.length - 1} other inputs`, 'Einblick supports one matrix input [N, F] or one input per column ([N, 1]); export the model with one input per column.', { input: w.name });
  }
  const notes: Warning[] = [];
  const source = inputs.map((i) => columnFor(i.name, columns, byName, notes));
  const missing = inputs.filter((_, k) => source[k] === null).map((i) => i.name);
  if (missing.length > 0) throw missingColumnError(missing, dropped, 'a model input', () => missingColumns(missing, columns.map((c) => c.name)));
  const text: string[] = [];
  for (const [k, input] of inputs.entries()) {
    const col = source[k] as ColumnInfo;
    if (col.kind === 'category' && input.type !== 'string' && !col.digits) text.push(`${col.name} (model input type ${input.type})`);
    else if (col.kind === 'category' && input.type !== 'string') notes.push(codesAsNumbers(col.name));
    else if (input.type === 'string' && col.kind === 'number') notes.push({ code: 'NUMBER_AS_TEXT', message: `Column ${col.name} holds numbers; they are given to the text input ${input.name} as text (1 -> "1", 2.5 -> "2.5").`, params: { column: col.name, input: input.name } });
    else if (input.type === 'string' && col.kind === 'boolean') notes.push({ code: 'BOOLEAN_AS_TEXT', message: `Column ${col.name} holds yes/no values; they are given to the text input ${input.name} as "True" / "False".`, params: { column: col.name, input: input.name } });
    else if (input.type !== 'string' && input.type !== 'bool' && col.kind === 'boolean') notes.push({ code: 'BOOLEAN_AS_NUMBER', message: `Column ${col.name} holds yes/no values; they are given to the model as 1 / 0.`, params: { column: col.name } });
  }
  if (text.length > 0) throw textForNumber(text, 'Fix the data so that these columns hold numbers, or use a model that takes them as text (string inputs).');
  return { layout: 'columns', features: inputs.map((i) => i.name), columns: source.map((c) => (c as ColumnInfo).name), types: inputs.map((i) => i.type), notes };
}

/**
 * The data column for a model input: the one of the same name; else the only one whose name
 * differs just in case or surrounding spaces ("Alter" for the input "alter"), with a note.
 */
function columnFor(input: string, columns: ColumnInfo[], byName: Map<string, ColumnInfo>, notes: Warning[]): ColumnInfo | null {
  const exact = byName.get(input);
  if (exact) return exact;
  const key = input.trim().toLowerCase();
  const near = columns.filter((c) => c.name.trim().toLowerCase() === key);
  if (near.length !== 1) return null;
  notes.push({ code: 'COLUMN_BY_CASE', message: `The model input ${input} is filled from the data column ${near[0].name} (the names differ only in upper and lower case).`, params: { input, column: near[0].name } });
  return near[0];
}

function mapMatrix(signature: ModelSignature, columns: ColumnInfo[], features: string[] | undefined, dropped: readonly DroppedColumn[]): Mapping {
  const input = signature.inputs[0];
  const width = signature.width;
  const byName = new Map(columns.map((c) => [c.name, c]));
  const notes: Warning[] = [];
  let chosen: string[];
  if (features && features.length > 0) {
    const unknown = features.filter((f) => !byName.has(f));
    if (unknown.length > 0) throw missingColumnError(unknown, dropped, 'a feature column (--features)', () => unknownFeatures(unknown, columns.map((c) => c.name)));
    const seen = new Set<string>();
    const twice = features.find((f) => seen.size === seen.add(f).size); // the first name seen before
    if (twice !== undefined) throw new EinblickError('INVALID_OPTION', `the feature column ${twice} is named more than once`, 'Name each data column once in --features, in the order the model was trained on (in the app: pick each column once).', { detail: 'REPEATED_FEATURE', column: twice });
    if (width !== null && features.length !== width) {
      throw new EinblickError('WRONG_WIDTH', `the model input ${input.name} takes ${width} features, but ${features.length} columns were named`, `Name exactly ${width} data columns with --features, in the order the model was trained on (in the app: pick ${width} columns).`, { expected: width, actual: features.length, input: input.name, detail: 'MATRIX_WIDTH_CHOSEN' });
    }
    chosen = features;
  } else {
    chosen = defaultFeatures(input, width, columns, notes);
  }
  if (input.type !== 'string') {
    const text = chosen.filter((c) => byName.get(c)?.kind === 'category' && !byName.get(c)?.digits);
    for (const c of chosen) if (byName.get(c)?.digits) notes.push(codesAsNumbers(c));
    if (text.length > 0) throw textForNumber(text.map((t) => `${t} (model input type ${input.type})`), features ? 'Choose numeric columns with --features (encode text columns as numbers first, e.g. one column per category).' : FEATURES_HINT);
  }
  return { layout: 'matrix', features: [...chosen], columns: [...chosen], types: chosen.map(() => input.type), notes };
}

/** No --features: the input's own name for a width-1 input, else all columns if they fit. */
function defaultFeatures(input: InputSpec, width: number | null, columns: ColumnInfo[], notes: Warning[]): string[] {
  if (width === 1 && columns.some((c) => c.name === input.name)) return [input.name];
  const names = columns.map((c) => c.name);
  if (width !== null && names.length !== width) {
    throw new EinblickError('WRONG_WIDTH', `the model input ${input.name} takes ${width} features, but the data has ${names.length} columns`, FEATURES_HINT, { expected: width, actual: names.length, input: input.name, detail: 'MATRIX_WIDTH_DATA' });
  }
  if (width === null) notes.push({ code: 'ALL_COLUMNS_OPEN_WIDTH', message: `The model does not state its input width; all ${names.length} data columns are used in file order.`, params: { count: names.length } });
  else notes.push({ code: 'ALL_COLUMNS', message: `All ${names.length} data columns fill the model input ${input.name}, in file order.`, params: { count: names.length, input: input.name } });
  return names;
}

/** An input with more than two dimensions: an image or another block of numbers per case, not a table row. */
function tensorInput(input: InputSpec): EinblickError {
  const shape = `[${input.shape.map((d, i) => (d === null ? (i === 0 ? 'N' : '?') : String(d))).join(', ')}]`;
  return new EinblickError(
    'UNSUPPORTED_SIGNATURE',
    `model input ${input.name} has the shape ${shape}: it takes an image or another block of numbers per case, not one row of a table; Einblick explains models over tables (one row per case)`,
    'Einblick cannot explain image, sound or other tensor models. Use a model that takes one row of a table per case: one matrix input [N, F] or one input per column.',
    { input: input.name, shape, detail: 'TENSOR_INPUT' },
  );
}

function missingColumns(missing: string[], available: string[]): EinblickError {
  const suggestions = missing.map((m) => ({ m, near: nearNames(m, available) })).filter((s) => s.near.length > 0);
  const did = suggestions.map((s) => `${s.m}: did you mean ${s.near.join(' or ')}?`).join('; ');
  return new EinblickError(
    'MISSING_COLUMN',
    `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (the model needs one data column per input, named like the input)`,
    `Add ${missing.length > 1 ? 'these columns' : 'this column'} to the data or rename the matching columns.${did ? ' ' + did : ''}`,
    { columns: missing, suggestions: suggestions.map((s) => `${s.m} -> ${s.near.join(' | ')}`) },
  );
}

function unknownFeatures(unknown: string[], available: string[]): EinblickError {
  const did = unknown.map((u) => ({ u, near: nearNames(u, available) })).filter((s) => s.near.length > 0).map((s) => `${s.u}: did you mean ${s.near.join(' or ')}?`).join('; ');
  return new EinblickError('UNKNOWN_FEATURE', `unknown feature column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; the data has no such column`, `Name data columns that exist in --features (check spelling and case).${did ? ' ' + did : ''}`, { columns: unknown });
}

function textForNumber(items: string[], hint: string): EinblickError {
  return new EinblickError('TEXT_FOR_NUMBER', `text column${items.length > 1 ? 's' : ''} where the model expects numbers: ${items.join(', ')}`, hint, { columns: items });
}

function codesAsNumbers(column: string): Warning {
  return { code: 'CODES_AS_NUMBERS', message: `Column ${column} holds codes written with digits (such as "01067"); the model takes them as numbers (01067 -> 1067).`, params: { column } };
}
