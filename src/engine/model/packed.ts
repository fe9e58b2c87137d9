/**
 * FeatureSets whose rows are already packed row-major, as a float32 matrix input takes them
 * ([rows, width]). The masker of the sampling explainers writes its hybrid rows this way into
 * one buffer that it reuses from batch to batch, and buildFeeds feeds such rows without another
 * copy. `columns` stays available to every other consumer (a JavaScript model, a per-column
 * input): it is unpacked on first use.
 *
 * Why: in Chromium, every fresh typed array of this size costs page faults on first write
 * (see bench/README.md, "Why the JavaScript part was slower in Chromium"); one reused buffer
 * instead of F fresh columns plus a fresh packed copy per batch removes that cost.
 *
 * A packed FeatureSet is valid only while its lease is live: the masker ends the lease when
 * the model call it was made for has finished, and then reuses the buffer. Reading `packed`
 * or `columns` after that throws instead of returning another batch's values.
 */
import { EinblickError } from '../errors.ts';
import type { FeatureColumn, FeatureSet } from './types.ts';

/** Rows packed row-major: row i, feature j is data[i * width + j]. */
export interface PackedRows {
  data: Float32Array;
  width: number;
}

/** Whether the rows may still be read (the owner of the buffer sets live to false). */
export interface Lease {
  live: boolean;
}

export type PackedFeatureSet = FeatureSet & { readonly packed?: PackedRows };

/**
 * The packed rows of a FeatureSet, or null when it only has columns.
 *
 * @example packedRows(packedFeatureSet(['a', 'b'], Float32Array.of(1, 2), 1))?.width // 2
 */
export function packedRows(fs: FeatureSet): PackedRows | null {
  return (fs as PackedFeatureSet).packed ?? null;
}

/**
 * A float32 FeatureSet over rows packed row-major (data.length = rows x names.length); its
 * `columns` are unpacked copies, made on first use.
 *
 * @example packedFeatureSet(['a', 'b'], Float32Array.of(1, 2, 3, 4), 2).columns[1].data // Float32Array [2, 4]
 */
export function packedFeatureSet(names: string[], data: Float32Array, rows: number, lease: Lease = { live: true }): PackedFeatureSet {
  const width = names.length;
  if (data.length !== rows * width) {
    throw new EinblickError('INTERNAL', `packed rows hold ${data.length} values for ${rows} rows x ${width} features`, 'This is a bug in Einblick; please report it.');
  }
  const packed: PackedRows = { data, width };
  let columns: FeatureColumn[] | null = null;
  const check = (): void => {
    if (!lease.live) {
      throw new EinblickError('INTERNAL', 'hybrid rows were read after the model call they were made for had finished (their buffer now holds other rows)', 'This is a bug in Einblick: a model must not keep its input rows after it has answered; please report it.');
    }
  };
  return {
    names,
    rows,
    get packed(): PackedRows {
      check();
      return packed;
    },
    get columns(): FeatureColumn[] {
      check();
      return (columns ??= unpackColumns(data, rows, width));
    },
  };
}

/**
 * The columns of row-major packed float32 rows, as fresh arrays.
 *
 * @example unpackColumns(Float32Array.of(1, 2, 3, 4), 2, 2)[0].data // Float32Array [1, 3]
 */
export function unpackColumns(data: Float32Array, rows: number, width: number): FeatureColumn[] {
  const columns: FeatureColumn[] = [];
  for (let j = 0; j < width; j++) {
    const col = new Float32Array(rows);
    for (let i = 0, k = j; i < rows; i++, k += width) col[i] = data[k];
    columns.push({ type: 'float32', data: col });
  }
  return columns;
}
