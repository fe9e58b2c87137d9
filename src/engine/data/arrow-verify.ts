/**
 * A small verifier for the metadata of Arrow IPC files and streams, run before apache-arrow
 * reads them. The flatbuffers that describe the columns and blocks carry lengths (how many
 * fields, children, buffers...) that apache-arrow trusts: one damaged length word made it
 * build fields until the 4 GB heap was exhausted, for a 5 KB file. This walks the same
 * metadata (Message, Schema, Field, RecordBatch, DictionaryBatch, Footer; see Arrow's
 * format/Schema.fbs, Message.fbs, File.fbs) and checks that every table, vector and string
 * lies inside the bytes, that nesting stays shallow, and that the walk's work is bounded by
 * the size of the metadata. It checks structure only; the values are apache-arrow's to read.
 */

/** Thrown inside the walk; verifyIpc turns it into a description. */
class Bad extends Error {}

/** Reads a flatbuffer with bounds checks and a budget of tables visited. */
class Fb {
  private readonly view: DataView;
  private budget: number;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.budget = bytes.length / 4 + 16;
  }

  private at(p: number, size: number): number {
    if (!(p >= 0 && p + size <= this.bytes.length)) throw new Bad();
    return p;
  }

  u8(p: number): number {
    return this.view.getUint8(this.at(p, 1));
  }

  u32(p: number): number {
    return this.view.getUint32(this.at(p, 4), true);
  }

  i64(p: number): number {
    return Number(this.view.getBigInt64(this.at(p, 8), true));
  }

  /** The root table's position. */
  root(): number {
    return this.table(this.u32(0));
  }

  /** A table at `p`: its vtable must be inside the bytes. */
  table(p: number): number {
    if (--this.budget < 0) throw new Bad();
    const vt = p - this.view.getInt32(this.at(p, 4), true);
    const size = this.view.getUint16(this.at(vt, 4), true);
    if (size < 4 || size % 2 !== 0) throw new Bad();
    this.at(vt, size);
    return p;
  }

  /** Position of field `i` of a table, or 0 when the field is absent. */
  field(t: number, i: number): number {
    const vt = t - this.view.getInt32(t, true);
    const size = this.view.getUint16(vt, true);
    if (4 + 2 * i + 2 > size) return 0;
    const off = this.view.getUint16(vt + 4 + 2 * i, true);
    return off === 0 ? 0 : this.at(t + off, 1);
  }

  /** The table that field `i` refers to, or 0. */
  child(t: number, i: number): number {
    const p = this.field(t, i);
    return p === 0 ? 0 : this.table(p + this.u32(p));
  }

  /** Start and length of the vector in field `i` (elements of `size` bytes), or null. */
  vector(t: number, i: number, size: number): { start: number; length: number } | null {
    const p = this.field(t, i);
    if (p === 0) return null;
    const v = p + this.u32(p);
    const length = this.u32(v);
    this.at(v + 4, length * size);
    return { start: v + 4, length };
  }

  /** Each table of a vector of tables in field `i`. */
  tables(t: number, i: number): number[] {
    const v = this.vector(t, i, 4);
    if (!v) return [];
    const out: number[] = [];
    for (let k = 0; k < v.length; k++) {
      const p = v.start + 4 * k;
      out.push(this.table(p + this.u32(p)));
    }
    return out;
  }
}

/** Deepest nesting of fields (a list of structs of lists...) a real file has, with room to spare. */
const MAX_DEPTH = 64;

const TIMESTAMP = 10;
const UNION = 14;

function keyValues(fb: Fb, t: number, i: number): void {
  for (const kv of fb.tables(t, i)) {
    fb.vector(kv, 0, 1);
    fb.vector(kv, 1, 1);
  }
}

function field(fb: Fb, f: number, depth: number): void {
  if (depth > MAX_DEPTH) throw new Bad();
  fb.vector(f, 0, 1); // name
  const typeTag = fb.field(f, 2) === 0 ? 0 : fb.u8(fb.field(f, 2));
  const type = fb.child(f, 3);
  if (type !== 0 && typeTag === TIMESTAMP) fb.vector(type, 1, 1); // time zone
  if (type !== 0 && typeTag === UNION) fb.vector(type, 1, 4); // type ids
  const dict = fb.child(f, 4);
  if (dict !== 0) fb.child(dict, 1); // index type
  for (const c of fb.tables(f, 5)) field(fb, c, depth + 1);
  keyValues(fb, f, 6);
}

function schema(fb: Fb, s: number): void {
  for (const f of fb.tables(s, 1)) field(fb, f, 0);
  keyValues(fb, s, 2);
  fb.vector(s, 3, 8);
}

function recordBatch(fb: Fb, r: number): void {
  fb.vector(r, 1, 16); // field nodes
  fb.vector(r, 2, 16); // buffers
  fb.child(r, 3);
  fb.vector(r, 4, 8);
}

/** Verifies one Message flatbuffer; returns its body length. */
function message(bytes: Uint8Array): number {
  const fb = new Fb(bytes);
  const m = fb.root();
  const typeAt = fb.field(m, 1);
  const kind = typeAt === 0 ? 0 : fb.u8(typeAt);
  const header = fb.child(m, 2);
  if (header !== 0 && kind === 1) schema(fb, header);
  if (header !== 0 && kind === 2) {
    const data = fb.child(header, 1);
    if (data !== 0) recordBatch(fb, data);
  }
  if (header !== 0 && kind === 3) recordBatch(fb, header);
  keyValues(fb, m, 4);
  const body = fb.field(m, 3);
  return body === 0 ? 0 : fb.i64(body);
}

/** Walks the messages of a stream from `pos` to `end`. */
function stream(bytes: Uint8Array, pos: number, end: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (pos + 4 <= end) {
    const first = view.getInt32(pos, true);
    const continued = first === -1;
    if (continued && pos + 8 > end) return;
    const len = continued ? view.getInt32(pos + 4, true) : first;
    const start = pos + (continued ? 8 : 4);
    if (len === 0) {
      // end of a stream; apache-arrow reads on when another stream follows
      pos = start;
      continue;
    }
    if (len < 0 || start + len > end) throw new Bad();
    const body = message(bytes.subarray(start, start + len));
    if (!(body >= 0) || start + len + body > end) throw new Bad();
    pos = start + len + body;
  }
}

/**
 * True when `bytes` are one sound Message flatbuffer (format.ts asks this before decoding one).
 *
 * @example isSoundMessage(bytes.subarray(8, 8 + length)) // true
 */
export function isSoundMessage(bytes: Uint8Array): boolean {
  try {
    message(bytes);
    return true;
  } catch (err) {
    if (err instanceof Bad || err instanceof RangeError) return false;
    throw err;
  }
}

/**
 * Null when the metadata of Arrow IPC bytes (file or stream) is structurally sound, else what
 * is wrong, in words for the error message.
 *
 * @example verifyIpc(tableToIPC(t, 'file')) // null
 */
export function verifyIpc(bytes: Uint8Array, file: boolean): string | null {
  try {
    if (!file) {
      stream(bytes, 0, bytes.length);
      return null;
    }
    const footerEnd = bytes.length - 10;
    const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(footerEnd, true);
    if (len <= 0 || footerEnd - len < 8) throw new Bad();
    const fb = new Fb(bytes.subarray(footerEnd - len, footerEnd));
    const footer = fb.root();
    const s = fb.child(footer, 1);
    if (s !== 0) schema(fb, s);
    fb.vector(footer, 2, 24);
    fb.vector(footer, 3, 24);
    keyValues(fb, footer, 4);
    stream(bytes, 8, footerEnd - len);
    return null;
  } catch (err) {
    if (err instanceof Bad || err instanceof RangeError) {
      return 'the description of its columns or of its blocks of data is damaged (a length or position in it points outside the file)';
    }
    throw err;
  }
}
