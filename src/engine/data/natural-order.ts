/**
 * A stable, locale-independent "natural" order for category levels: runs of digits compare
 * as whole numbers, everything else by UTF-16 code units, so "group 2" < "group 10" and
 * "18-25" < "26-35" < "100+" on every machine. Equal-looking texts ("01" and "1") fall back to
 * plain code-unit order, so the order is total.
 */

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Compares two texts in natural order.
 *
 * @example ['b10', 'b2', 'a'].sort(naturalCompare) // ['a', 'b2', 'b10']
 */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      let si = i;
      let sj = j;
      while (si < ei - 1 && a.charCodeAt(si) === 48) si++; // skip leading zeros
      while (sj < ej - 1 && b.charCodeAt(sj) === 48) sj++;
      const la = ei - si;
      const lb = ej - sj;
      if (la !== lb) return la - lb;
      for (let k = 0; k < la; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
    } else {
      if (ca !== cb) return ca - cb;
      i++;
      j++;
    }
  }
  const rest = a.length - i - (b.length - j);
  if (rest !== 0) return rest;
  return a < b ? -1 : a > b ? 1 : 0;
}
