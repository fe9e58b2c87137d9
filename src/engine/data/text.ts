/**
 * Text encoding of a CSV: a byte order mark decides (UTF-8, UTF-16 LE/BE); without one the
 * text is read as UTF-8, and if that fails (a typical German Excel export in Windows-1252,
 * e.g. "ä" as the single byte 0xE4) as Windows-1252, with a warning.
 */

export interface TextEncodingGuess {
  /** TextDecoder label. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Bytes to skip (the byte order mark). */
  start: number;
}

/**
 * The encoding announced by a byte order mark, else UTF-8.
 *
 * @example encodingFromBom(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { encoding: 'utf-8', start: 3 }
 */
export function encodingFromBom(bytes: Uint8Array): TextEncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', start: 2 };
  return { encoding: 'utf-8', start: 0 };
}

/**
 * Decodes the first `maxBytes` of the text; returns null when they are not valid in the
 * encoding. An incomplete character at the cut is dropped.
 *
 * @example decodeSample(bytes, { encoding: 'utf-8', start: 0 }, 1 << 18) // 'a;b\n1;2\n'
 */
export function decodeSample(bytes: Uint8Array, enc: TextEncodingGuess, maxBytes: number): { text: string; complete: boolean } | null {
  const end = Math.min(bytes.length, enc.start + maxBytes);
  const complete = end === bytes.length;
  try {
    const text = new TextDecoder(enc.encoding, { fatal: true }).decode(bytes.subarray(enc.start, end), { stream: !complete });
    return { text, complete };
  } catch (err) {
    if (err instanceof TypeError) return null; // the decoder's "not valid" error
    throw err;
  }
}

/** Thrown by the record reader when bytes are not valid in the chosen encoding. */
export class InvalidTextError extends Error {
  constructor(readonly encoding: string) {
    super(`the file is not valid ${encoding} text`);
  }
}
