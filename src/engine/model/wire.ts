/**
 * The protobuf wire format, just enough to walk a message's fields and splice bytes.
 *
 * Used to tell a truncated ONNX file from a file that is not ONNX at all, and for graph
 * surgery that keeps every byte it does not change (protobufjs would drop fields it does
 * not know when it re-encodes a whole model).
 */

/** One field of a message: field number, wire type and byte positions in the buffer. */
export interface WireField {
  field: number;
  wire: number;
  /** First byte of the tag. */
  start: number;
  /** First byte of the value (for length-delimited fields: after the length). */
  valueStart: number;
  /** One past the last byte of the field. */
  end: number;
}

/** Why a walk over the bytes stopped: the data ended inside a field, or it is not protobuf. */
export class WireError extends Error {
  readonly kind: 'truncated' | 'invalid';
  readonly offset: number;
  constructor(kind: 'truncated' | 'invalid', offset: number, message: string) {
    super(message);
    this.kind = kind;
    this.offset = offset;
  }
}

/**
 * Reads a varint at `pos`; returns [value, next position]. Values above 2^53 lose precision,
 * which is fine for tags and lengths.
 *
 * @example readVarint(new Uint8Array([0x96, 0x01]), 0) // [150, 2]
 */
export function readVarint(bytes: Uint8Array, pos: number, end = bytes.length): [number, number] {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new WireError('truncated', pos, `data ends inside a number at byte ${pos}`);
    const b = bytes[pos++];
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) return [value, pos];
    scale *= 128;
  }
  throw new WireError('invalid', pos, `number longer than 10 bytes at byte ${pos}`);
}

/**
 * Walks the fields of one message between `start` and `end`.
 * Throws WireError('truncated') when a field runs past `end`, WireError('invalid') on a
 * wire type that cannot occur (groups, 6, 7) or field number 0.
 *
 * @example scanFields(new Uint8Array([0x08, 0x08])) // [{ field: 1, wire: 0, start: 0, valueStart: 1, end: 2 }]
 */
export function scanFields(bytes: Uint8Array, start = 0, end = bytes.length): WireField[] {
  const fields: WireField[] = [];
  let pos = start;
  while (pos < end) {
    const fieldStart = pos;
    const [tag, afterTag] = readVarint(bytes, pos, end);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 0) throw new WireError('invalid', fieldStart, `field number 0 at byte ${fieldStart}`);
    let valueStart = afterTag;
    if (wire === 0) pos = readVarint(bytes, afterTag, end)[1];
    else if (wire === 1) pos = afterTag + 8;
    else if (wire === 5) pos = afterTag + 4;
    else if (wire === 2) {
      const [len, afterLen] = readVarint(bytes, afterTag, end);
      valueStart = afterLen;
      pos = afterLen + len;
    } else {
      throw new WireError('invalid', fieldStart, `wire type ${wire} at byte ${fieldStart}`);
    }
    if (pos > end) throw new WireError('truncated', fieldStart, `field ${field} at byte ${fieldStart} runs past the end (${end})`);
    fields.push({ field, wire, start: fieldStart, valueStart, end: pos });
  }
  return fields;
}

/**
 * Encodes a non-negative integer as a varint.
 *
 * @example encodeVarint(150) // Uint8Array [0x96, 0x01]
 */
export function encodeVarint(n: number): Uint8Array {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}

/**
 * A length-delimited field: tag, length, payload.
 *
 * @example lengthField(7, new Uint8Array([1, 2])) // Uint8Array [0x3a, 0x02, 0x01, 0x02]
 */
export function lengthField(field: number, payload: Uint8Array): Uint8Array {
  return concatBytes([encodeVarint(field * 8 + 2), encodeVarint(payload.length), payload]);
}

/**
 * Concatenates byte arrays.
 *
 * @example concatBytes([new Uint8Array([1]), new Uint8Array([2, 3])]) // Uint8Array [1, 2, 3]
 */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
