/**
 * Groups of rows: one partition of all rows per attribute or intersection of attributes.
 *
 * - Categorical: one group per level that occurs, in level order.
 * - Numeric: binned first (binning.ts), then as categorical.
 * - Missing values (code -1, NaN) form their own group "(missing)", placed last. A level that
 *   is itself named "(missing)" would be indistinguishable, so it is rejected.
 * - Intersections of 2 or 3 attributes: one group per combination that occurs (no empty
 *   combinations), ordered by the first attribute's group order, then the second's, ...;
 *   value = the parts joined with '+' ("female+under_25", "female+(missing)"); name = the
 *   attribute names joined with '+' ("sex+age_group"). A row missing any part belongs to the
 *   combination with "(missing)" in that place.
 * Every row belongs to exactly one group of each partition.
 */
import { EinblickError } from '../errors.ts';
import { binNumeric } from './binning.ts';
import type { Binning, GroupColumn } from './types.ts';

export const MISSING_LABEL = '(missing)';

/** A partition of the rows into groups. */
export interface GroupIndex {
  /** "sex" or "sex+age_group". */
  name: string;
  attributes: string[];
  /** Group labels, index = group id. */
  values: string[];
  /** Per group, its value for each attribute. */
  parts: string[][];
  /** Per group: does any part stand for a missing value. */
  missing: boolean[];
  /** Per row, its group id. */
  ids: Int32Array;
  /** Per group, its number of rows. */
  sizes: Int32Array;
}

/** Keeps the codes that occur (level order, missing last) and renumbers rows to them. */
function compress(name: string, codes: Int32Array, levels: string[]): GroupIndex {
  const L = levels.length;
  const count = new Int32Array(L + 1);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === -1) count[L]++;
    else if (c >= 0 && c < L && Number.isInteger(c)) count[c]++;
    else throw badCode(name, c, L);
  }
  if (count[L] > 0 && levels.includes(MISSING_LABEL)) {
    throw new EinblickError(
      'INVALID_OPTION',
      `invalid level for ${name}: ${MISSING_LABEL}; it is reserved for missing values`,
      `Rename the value "${MISSING_LABEL}" in column ${name}, or fill in the missing values.`,
      { attribute: name, value: MISSING_LABEL, detail: 'GROUP_MISSING_NAME' },
    );
  }
  const remap = new Int32Array(L + 1).fill(-1);
  const values: string[] = [];
  for (let c = 0; c <= L; c++) {
    if (count[c] === 0) continue;
    remap[c] = values.length;
    values.push(c === L ? MISSING_LABEL : levels[c]);
  }
  const ids = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) ids[i] = remap[codes[i] === -1 ? L : codes[i]];
  const sizes = new Int32Array(values.length);
  for (let c = 0; c <= L; c++) if (remap[c] >= 0) sizes[remap[c]] = count[c];
  const missing = values.map((_, g) => g === values.length - 1 && count[L] > 0);
  return { name, attributes: [name], values, parts: values.map((v) => [v]), missing, ids, sizes };
}

function badCode(name: string, c: number, L: number): EinblickError {
  return new EinblickError(
    'INVALID_OPTION',
    `invalid group code in ${name}: ${c}; expected -1 (missing) or 0..${L - 1}`,
    'Each code must point into the list of levels of the column.',
    { attribute: name },
  );
}

/**
 * The partition of one group column (numeric columns binned by `binning`).
 *
 * @example attributeGroups({ name: 'sex', codes: Int32Array.of(1, 0, -1), levels: ['f', 'm'] }, 3)
 *   // { name: 'sex', values: ['f', 'm', '(missing)'], ids: Int32Array [1, 0, 2], ... }
 */
export function attributeGroups(col: GroupColumn, n: number, binning?: Binning): GroupIndex {
  const len = 'codes' in col ? col.codes.length : col.values.length;
  if (len !== n) {
    throw new EinblickError(
      'INVALID_OPTION',
      `invalid group column ${col.name}: ${len} rows; expected ${n}, one per score`,
      'Every group column must have one value per scored row.',
      { attribute: col.name },
    );
  }
  if ('codes' in col) return compress(col.name, col.codes, col.levels);
  const binned = binNumeric(col.name, col.values, binning ?? { quantiles: 4 });
  return compress(col.name, binned.codes, binned.levels);
}

/** Per row, its combination code Σ ids_j · stride_j, and how many rows have each code. */
function combine(components: GroupIndex[], strides: number[], size: number): { combined: Int32Array; count: Int32Array } {
  const n = components[0].ids.length;
  const combined = new Int32Array(n);
  const count = new Int32Array(size);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < components.length; j++) c += components[j].ids[i] * strides[j];
    combined[i] = c;
    count[c]++;
  }
  return { combined, count };
}

/**
 * The partition by combinations of 2 or 3 partitions (only combinations that occur).
 *
 * @example intersectGroups([sexGroups, ageGroups]).values // ['f+old', 'f+young', 'm+old']
 */
export function intersectGroups(components: GroupIndex[]): GroupIndex {
  const n = components[0].ids.length;
  const strides: number[] = [];
  let size = 1;
  for (let j = components.length - 1; j >= 0; j--) {
    strides[j] = size;
    size *= components[j].values.length;
  }
  if (size > 1 << 24) {
    throw new EinblickError(
      'INVALID_OPTION',
      `invalid intersection ${components.map((c) => c.name).join('+')}: ${size} possible combinations`,
      'Intersect fewer attributes, or attributes with fewer values (bin numeric columns more coarsely).',
      { option: 'intersections' },
    );
  }
  const { combined, count } = combine(components, strides, size);
  const remap = new Int32Array(size).fill(-1);
  const parts: string[][] = [];
  const missing: boolean[] = [];
  const sizes: number[] = [];
  for (let c = 0; c < size; c++) {
    if (count[c] === 0) continue;
    remap[c] = parts.length;
    const gs = components.map((comp, j) => Math.floor(c / strides[j]) % comp.values.length);
    parts.push(gs.map((g, j) => components[j].values[g]));
    missing.push(gs.some((g, j) => components[j].missing[g]));
    sizes.push(count[c]);
  }
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = remap[combined[i]];
  return {
    name: components.map((c) => c.name).join('+'),
    attributes: components.map((c) => c.name),
    values: parts.map((p) => p.join('+')),
    parts,
    missing,
    ids,
    sizes: Int32Array.from(sizes),
  };
}
