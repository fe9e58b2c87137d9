/**
 * One linear pass over JSON text, before JSON.parse, for the two things JSON.parse does not
 * say: how deep the text nests (200,000 levels overflow every recursive reader after it) and
 * whether an object names a key twice (JSON.parse silently keeps the last value, so a
 * hand-edited audit file with "threshold" twice would run with a value the person may not have
 * meant). The text need not be valid JSON: the scan never throws; read its duplicate only after
 * JSON.parse has accepted the text.
 */

export interface JsonShape {
  /** Nesting deeper than the limit was found (the scan stopped there). */
  tooDeep: boolean;
  /** The first key given twice in one object, with the keys of the objects around it. */
  duplicate: { key: string; path: string[] } | null;
}

interface Level {
  /** Keys seen so far; null for an array. */
  keys: Set<string> | null;
  /** The key whose value is being read (for the path of a duplicate). */
  current: string;
}

/**
 * @example scanJson('{"a": 1, "a": 2}', 32).duplicate // { key: 'a', path: [] }
 * @example scanJson('[[[1]]]', 2).tooDeep // true
 */
export function scanJson(text: string, maxDepth: number): JsonShape {
  const stack: Level[] = [];
  let duplicate: JsonShape['duplicate'] = null;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && nextNonSpace(text, end + 1) === 0x3a /* : */) {
        const key = decodeKey(text.slice(i, end + 1));
        if (top.keys.has(key)) duplicate ??= { key, path: stack.slice(0, -1).filter((l) => l.keys).map((l) => l.current) };
        top.keys.add(key);
        top.current = key;
      }
      i = end;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return { tooDeep: true, duplicate };
      stack.push({ keys: c === 0x7b ? new Set() : null, current: '' });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    }
  }
  return { tooDeep: false, duplicate };
}

/** Index of the closing quote of the string opening at `start` (or the text's last index). */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c /* \ */) j++;
    else if (c === 0x22) return j;
  }
  return text.length - 1;
}

function nextNonSpace(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c;
  }
  return -1;
}

/** '"a\\u0062"' -> 'ab'; an invalid string stays as written (JSON.parse will name it). */
function decodeKey(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted;
  }
}
