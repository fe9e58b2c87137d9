/**
 * A check of a Parquet column chunk's page headers before hyparquet decodes it. hyparquet
 * trusts the counts in a page header: a damaged num_values made it fill a JavaScript array of
 * two billion entries (minutes of work and gigabytes of memory for a 1.6 KB file). The page
 * headers are Thrift compact-protocol structs (parquet.thrift: PageHeader); this reads just
 * the sizes and counts, and checks that the pages lie inside the chunk, that their value
 * counts add up to the chunk's, and that no page claims more than MAX_PAGE_BYTES.
 */
import { snappyUncompress, type ColumnMetaData, type CompressionCodec } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { checkPageRuns, type RunColumn } from './parquet-runs.ts';

/** Largest decompressed page accepted (writers use about 1 MiB; hyparquet allocates this much). */
export const MAX_PAGE_BYTES = 256 * 2 ** 20;

class Bad extends Error {}

/** Reads Thrift compact-protocol values from `bytes` at `pos`, with bounds checks. */
class Compact {
  constructor(
    private readonly bytes: Uint8Array,
    public pos: number,
    private readonly end: number,
  ) {}

  byte(): number {
    if (this.pos >= this.end) throw new Bad();
    return this.bytes[this.pos++];
  }

  /** An unsigned varint (at most 10 bytes), as a number. */
  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if (!(b & 0x80)) return result;
      scale *= 128;
    }
    throw new Bad();
  }

  /** A zigzag-encoded signed varint. */
  int(): number {
    const z = this.varint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  /** Skips one value of compact type `type`. */
  skip(type: number, depth: number): void {
    if (depth > 16) throw new Bad();
    if (type === 1 || type === 2) return; // booleans are in the field header
    if (type === 3) this.byte();
    else if (type >= 4 && type <= 6) this.varint();
    else if (type === 7) this.advance(8);
    else if (type === 8) this.advance(this.varint());
    else if (type === 9 || type === 10) {
      const head = this.byte();
      const n = head >> 4 === 15 ? this.varint() : head >> 4;
      for (let i = 0; i < n; i++) this.skip(head & 15, depth + 1);
    } else if (type === 11) {
      const n = this.varint();
      const kinds = n > 0 ? this.byte() : 0;
      for (let i = 0; i < n; i++) {
        this.skip(kinds >> 4, depth + 1);
        this.skip(kinds & 15, depth + 1);
      }
    } else if (type === 12) this.struct(() => false, depth + 1);
    else throw new Bad();
  }

  private advance(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new Bad();
    this.pos += n;
  }

  /** Reads a struct's fields; `read(id, type)` reads a field it wants and returns true. */
  struct(read: (id: number, type: number) => boolean, depth = 0): void {
    let id = 0;
    for (;;) {
      const head = this.byte();
      if (head === 0) return;
      const type = head & 15;
      const delta = head >> 4;
      id = delta === 0 ? this.int() : id + delta;
      if (!read(id, type)) this.skip(type, depth);
    }
  }
}

interface PageHeader {
  type: number;
  uncompressed: number;
  compressed: number;
  /** The integer fields of the data page (v1 or v2) or dictionary page header, by field id. */
  fields: Map<number, number>;
}

function pageHeader(c: Compact): PageHeader {
  const h: PageHeader = { type: -1, uncompressed: -1, compressed: -1, fields: new Map() };
  c.struct((id, type) => {
    if (id >= 1 && id <= 3 && type === 5) {
      const v = c.int();
      if (id === 1) h.type = v;
      else if (id === 2) h.uncompressed = v;
      else h.compressed = v;
      return true;
    }
    if ((id === 5 || id === 7 || id === 8) && type === 12) {
      c.struct((sid, stype) => {
        if (stype === 1 || stype === 2) h.fields.set(sid, stype === 1 ? 1 : 0); // a bool, in the field header
        else if (stype === 5) h.fields.set(sid, c.int());
        else return false;
        return true;
      }, 1);
      return true;
    }
    return false;
  });
  return h;
}

/**
 * Required integer fields of each page kind (parquet.thrift), which hyparquet reads without
 * checking: a missing one turns its read position into NaN, and its decoder then loops for ever.
 */
const REQUIRED: Record<number, number[]> = {
  0: [1, 2, 3, 4], // DataPageHeader: num_values, encoding, definition and repetition level encodings
  2: [1, 2], // DictionaryPageHeader: num_values, encoding
  3: [1, 2, 3, 4, 5, 6], // DataPageHeaderV2: num_values, num_nulls, num_rows, encoding, level byte lengths
};

/** Highest Encoding value parquet.thrift defines (BYTE_STREAM_SPLIT). */
const MAX_ENCODING = 9;

const DATA_PAGE = 0;
const DICTIONARY_PAGE = 2;
const DATA_PAGE_V2 = 3;

/**
 * The function that unpacks a page of `codec`, as hyparquet does (datapage.js decompressPage).
 *
 * @example unpacker('SNAPPY')(raw, 4096).length // 4096
 */
export function unpacker(codec: CompressionCodec): (bytes: Uint8Array, size: number) => Uint8Array {
  return (bytes, size) => {
    if (codec === 'UNCOMPRESSED') return bytes;
    const own = compressors[codec as keyof typeof compressors] as ((b: Uint8Array, n: number) => Uint8Array) | undefined;
    if (own) return own(bytes, size);
    if (codec !== 'SNAPPY') throw new Error(`unsupported compression codec: ${codec}`);
    const out = new Uint8Array(size);
    snappyUncompress(bytes, out);
    return out;
  };
}

/**
 * Null when the chunk's pages are sound for a flat column of `rows` rows, else what is wrong.
 * `column` says how to read its runs (parquet-runs.ts).
 *
 * @example checkColumnPages(bytes, chunk.meta_data!, 1000, { optional: true, boolean: false, unpack: unpacker('SNAPPY') }) // null
 */
export function checkColumnPages(bytes: Uint8Array, meta: ColumnMetaData, rows: number, column: RunColumn): string | null {
  const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
  const end = start + Number(meta.total_compressed_size);
  const count = Number(meta.num_values);
  if (!(start >= 4 && end <= bytes.length - 8 && start < end)) return 'its data lies outside the file';
  if (count !== rows) return `it says it holds ${count} values in a row group of ${rows} rows`;
  const c = new Compact(bytes, start, end);
  let values = 0;
  try {
    while (c.pos < end && values < count) {
      const h = pageHeader(c);
      if (h.compressed < 0 || c.pos + h.compressed > end) return 'a block of its data is longer than the column';
      if (h.uncompressed < 0 || h.uncompressed > MAX_PAGE_BYTES) return `a block of its data says it unpacks to ${h.uncompressed} bytes`;
      const required = REQUIRED[h.type] ?? [];
      if (required.some((id) => !((h.fields.get(id) ?? -1) >= 0))) return 'the description of one of its data blocks is incomplete';
      const n = h.fields.get(1) ?? 0;
      const encoding = h.fields.get(h.type === DATA_PAGE_V2 ? 4 : 2) ?? 0;
      if (encoding > MAX_ENCODING) return 'the description of one of its data blocks is damaged';
      if (h.type === DATA_PAGE || h.type === DATA_PAGE_V2) {
        if (values + n > count) return `a block of its data says it holds ${n} values, more than the column has`;
        if (h.type === DATA_PAGE_V2 && h.fields.get(5)! + h.fields.get(6)! > h.compressed) return 'a block of its data is shorter than its own description says';
        const v2 = h.type === DATA_PAGE_V2;
        const shape = { v2, encoding, values: n, repBytes: h.fields.get(6) ?? 0, defBytes: h.fields.get(5) ?? 0, compressed: h.fields.get(7) !== 0, uncompressed: h.uncompressed };
        const runs = unpacked(() => checkPageRuns(bytes.subarray(c.pos, c.pos + h.compressed), shape, column));
        if (runs !== null) return runs;
        values += n;
      } else if (h.type === DICTIONARY_PAGE && n > 8 * h.uncompressed + 8) {
        return `its dictionary says it holds ${n} values in ${h.uncompressed} bytes`;
      }
      c.pos += h.compressed;
    }
  } catch (err) {
    if (err instanceof Bad) return 'the description of one of its data blocks is damaged';
    throw err;
  }
  return values === count ? null : `its data blocks hold ${values} of its ${count} values`;
}

/** The check's answer; a block that cannot be unpacked is said so (hyparquet would fail on it too). */
function unpacked(check: () => string | null): string | null {
  try {
    return check();
  } catch (err) {
    if (err instanceof Bad) throw err;
    const text = err instanceof Error ? err.message : String(err);
    const codec = /unsupported compression codec: (\w+)/.exec(text);
    if (codec && codec[1] !== 'undefined') return `it is compressed with ${codec[1]}, which Einblick cannot read`;
    return 'a block of its data cannot be unpacked: it is damaged or cut off';
  }
}
