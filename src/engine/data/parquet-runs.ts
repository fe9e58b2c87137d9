/**
 * A check of the run-length encoded parts of a Parquet data page (definition levels,
 * dictionary indices, RLE booleans) before hyparquet decodes them. hyparquet writes a run of
 * `count` equal values into a JavaScript array without comparing `count` with the page's value
 * count: a damaged run header (count 200 million) grows the array until V8 aborts the whole
 * process ("invalid size error"). This walks the same runs, reading the headers as hyparquet
 * does (encoding.js: readRleBitPackedHybrid, 32-bit varints), and refuses a run longer than
 * the page's value count. Pages that hold no such runs (PLAIN values of a required column)
 * are not unpacked.
 */

/** Encodings whose values are a run-length / bit-packed hybrid (parquet.thrift Encoding). */
const PLAIN_DICTIONARY = 2;
const RLE = 3;
const RLE_DICTIONARY = 8;

/** A data page's header, as far as the check needs it. */
export interface PageShape {
  v2: boolean;
  /** Encoding of the values. */
  encoding: number;
  /** Values in the page, nulls included. */
  values: number;
  /** v2: byte lengths of the (uncompressed) level sections, and whether the values are compressed. */
  repBytes: number;
  defBytes: number;
  compressed: boolean;
  uncompressed: number;
}

export interface RunColumn {
  /** The column may hold nulls (it has definition levels). */
  optional: boolean;
  boolean: boolean;
  /** Unpacks a compressed block to `size` bytes (the file's codec). */
  unpack: (bytes: Uint8Array, size: number) => Uint8Array;
}

/** hyparquet's varint: 7-bit groups or-ed into a 32-bit integer (the shift wraps at 32). */
function varint(page: Uint8Array, at: { pos: number }): number | null {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (at.pos >= page.length) return null;
    const b = page[at.pos++];
    result |= (b & 0x7f) << shift;
    if (!(b & 0x80)) return result;
    shift += 7;
  }
}

/**
 * False when a run in the hybrid encoding from `pos` repeats a value more often than `values`.
 * Data that ends early is left to hyparquet (it stops with an error there).
 *
 * @example runsFit(Uint8Array.of(0x08, 1), 0, 1, 4) // true: one run of 4
 */
export function runsFit(page: Uint8Array, pos: number, bitWidth: number, values: number): boolean {
  const at = { pos };
  let seen = 0;
  while (seen < values) {
    const header = varint(page, at);
    if (header === null) return true;
    if (header & 1) {
      const groups = header >>> 1;
      seen += groups * 8;
      at.pos += groups * bitWidth;
    } else {
      const count = header >>> 1;
      if (count > values) return false;
      seen += count;
      at.pos += (bitWidth + 7) >> 3;
      if (count === 0 && at.pos >= page.length) return true;
    }
  }
  return true;
}

const u32 = (page: Uint8Array, pos: number) => (pos + 4 <= page.length ? new DataView(page.buffer, page.byteOffset, page.byteLength).getUint32(pos, true) : 0);

/** The values part of a page (after the levels): the runs of dictionary indices or booleans. */
function valuesFit(page: Uint8Array, pos: number, p: PageShape, col: RunColumn): boolean {
  if (p.encoding !== PLAIN_DICTIONARY && p.encoding !== RLE && p.encoding !== RLE_DICTIONARY) return true;
  if (col.boolean) return runsFit(page, pos + 4, 1, p.values); // a 4-byte length comes first
  if (pos >= page.length) return true;
  return runsFit(page, pos + 1, page[pos], p.values); // the bit width comes first
}

/**
 * Null when the page's runs fit its value count, else what is wrong. `raw` is the page as
 * stored (compressed).
 *
 * @example checkPageRuns(raw, shape, { optional: true, boolean: false, unpack }) // null
 */
export function checkPageRuns(raw: Uint8Array, p: PageShape, col: RunColumn): string | null {
  const runs = p.encoding === PLAIN_DICTIONARY || p.encoding === RLE || p.encoding === RLE_DICTIONARY;
  if (!col.optional && !runs) return null;
  const bad = `a block of its data repeats a value more often than the block has values (${p.values})`;
  if (!p.v2) {
    const page = col.unpack(raw, p.uncompressed);
    let pos = 0;
    if (col.optional) {
      const len = u32(page, 0);
      // hyparquet reads runs until it has the page's values, past the stated length if need be
      if (!runsFit(page, 4, 1, p.values)) return bad;
      pos = 4 + len;
    }
    return valuesFit(page, pos, p, col) ? null : bad;
  }
  const levelsEnd = p.repBytes + p.defBytes;
  if (col.optional && !runsFit(raw, p.repBytes, 1, p.values)) return bad;
  if (!runs) return null;
  const rest = raw.subarray(levelsEnd);
  const page = p.compressed ? col.unpack(rest, p.uncompressed - levelsEnd) : rest;
  return valuesFit(page, 0, p, col) ? null : bad;
}
