/**
 * onnxruntime's error text without what only its developers can read: the build path of the
 * source file (/mnt/vss/.../model.cc:203), the C++ signature of the function that failed, the
 * wrapper's prefixes and terminal colours. What is left is a short technical fragment ("Unsupported
 * model IR version: 99, max supported IR version: 13") that may travel in an error's params;
 * messages and hints are always written in Einblick's own words.
 */

/** The longest fragment kept; the start of a runtime message says what failed. */
export const MAX_FRAGMENT = 200;

const PREFIXES = [/^Can't create a session\.\s*/i, /^failed to call OrtRun\(\)\.\s*/i, /^ERROR_CODE:\s*\d+,\s*ERROR_MESSAGE:\s*/i, /^Fatal error:\s*/i, /^Non-zero status code returned while running\s*/i];
/** A source location: a path or a bare file name with a C or C++ extension and a line number. */
const SOURCE = /(?:[^\s'"()]*\/)?[\w.+-]+\.(?:cc|cpp|cxx|c|h|hpp|hh|inl)(?::\d+)?/g;
const COLOURS = /\u001b\[[0-9;]*m/g;

/**
 * The technical fragment of a runtime error: no paths, no C++ signatures, no prefixes, one line,
 * at most MAX_FRAGMENT characters.
 *
 * @example sanitizeRuntimeText("Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /mnt/a/onnxruntime/core/graph/model.cc:203 onnxruntime::Model::Model(ModelProto &&) Unsupported model IR version: 99, max supported IR version: 13")
 * // 'Unsupported model IR version: 99, max supported IR version: 13'
 */
export function sanitizeRuntimeText(raw: string): string {
  let text = raw.replace(COLOURS, '');
  let out = '';
  for (;;) {
    SOURCE.lastIndex = 0;
    const m = SOURCE.exec(text);
    if (!m) break;
    out += text.slice(0, m.index);
    text = skipSignature(text.slice(m.index + m[0].length));
  }
  out += text;
  out = out.replace(/\S*::\S*/g, ' ').replace(/\s+/g, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of PREFIXES) {
      const next = out.replace(p, '');
      if (next !== out) {
        out = next.trim();
        changed = true;
      }
    }
  }
  return out.length > MAX_FRAGMENT ? `${out.slice(0, MAX_FRAGMENT - 1).trimEnd()}…` : out;
}

/**
 * After a source location onnxruntime writes the failing function's signature
 * ("void onnxruntime::X::Y(int, const T &) const [T = float]"): skips it when the text up to
 * the first '(' names a C++ function (contains '::'), else returns the text unchanged.
 */
function skipSignature(text: string): string {
  const open = text.indexOf('(');
  const name = open < 0 ? '' : text.slice(0, open);
  if (!/::[\w~]+\s*$/.test(name) || !/^[\w:<>,*& ~]*$/.test(name)) return text;
  let pos = closing(text, open, '(', ')');
  if (pos < 0) return '';
  const rest = text.slice(pos);
  const qualifiers = /^\s*(?:const\s*)?(?:noexcept\s*)?/.exec(rest);
  pos += qualifiers ? qualifiers[0].length : 0;
  if (text[pos] === '[') {
    const end = closing(text, pos, '[', ']');
    pos = end < 0 ? text.length : end;
  }
  return text.slice(pos);
}

/** One past the bracket that closes the one at `open`, or -1 when it is never closed. */
function closing(text: string, open: number, left: string, right: string): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === left) depth++;
    else if (text[i] === right && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * True when a text still holds something only onnxruntime's developers can read (a build path,
 * a source file and line, a C++ name); for tests and checks.
 *
 * @example hasRuntimeInternals('model.cc:203 onnxruntime::Model') // true
 */
export function hasRuntimeInternals(text: string): boolean {
  return /\/mnt\/|\.(?:cc|cpp|h|hpp):\d|onnxruntime::|std::|ERROR_MESSAGE|OrtRun/.test(text);
}
