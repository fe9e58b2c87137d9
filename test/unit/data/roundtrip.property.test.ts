// Property: a random table written as CSV (plain ',' / '.' style or German ';' / ',' style,
// with quoting, CRLF, BOM, thousands separators and missing marks) and loaded back gives the
// same column kinds and values. The writer below is independent of the loader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadText, values } from './helpers.ts';

type Kind = 'number' | 'category' | 'boolean';
type Cell = number | string | boolean | null;
interface Col {
  name: string;
  kind: Kind;
  cells: Cell[];
}
interface Style {
  german: boolean;
  crlf: boolean;
  bom: boolean;
  finalNewline: boolean;
}

const TRUE_WORDS = ['true', 'TRUE', 'True', 'wahr', 'WAHR', 'Wahr'];
const FALSE_WORDS = ['false', 'FALSE', 'False', 'falsch', 'FALSCH', 'Falsch'];
const MISSING_MARKS = ['', 'NA', 'N/A', 'NaN', 'null', 'NULL', 'None', '#N/A', 'nan'];

// Text cells always contain a letter that no number, boolean word or missing mark uses.
const textCell = fc
  .string({ unit: fc.constantFrom('a', 'b', 'Z', 'ä', '€', ' ', ',', ';', '"', '\n', '\t', '|', '1', '.', '-'), minLength: 1, maxLength: 8 })
  .filter((s) => /[abZä€]/.test(s));
const numberCell = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e7, max: 1e7 }), fc.integer({ min: 0, max: 3 }));

function column(kind: Kind, rows: number): fc.Arbitrary<Cell[]> {
  const present: fc.Arbitrary<Cell> = kind === 'number' ? numberCell : kind === 'boolean' ? fc.boolean() : textCell;
  return fc.array(fc.option(present, { freq: 4, nil: null }), { minLength: rows, maxLength: rows });
}

const table = fc.integer({ min: 1, max: 25 }).chain((rows) =>
  fc
    .uniqueArray(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/), { minLength: 1, maxLength: 5 })
    .chain((names) =>
      fc.tuple(...names.map((name) => fc.constantFrom<Kind>('number', 'category', 'boolean').chain((kind) => column(kind, rows).map((cells): Col => ({ name, kind, cells }))))),
    ),
);

const style = (german: boolean): fc.Arbitrary<Style> =>
  fc.record({ german: fc.constant(german), crlf: fc.boolean(), bom: fc.boolean(), finalNewline: fc.boolean() });

/** German number text: decimal comma, sometimes '.' thousands groups. */
function germanNumber(x: number, group: boolean): string {
  const s = String(x);
  if (s.includes('e') || !group) return s.replace('.', ',');
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+$)/g, '.');
  return sign + digits + (frac === undefined ? '' : ',' + frac);
}

function writeCsv(cols: Col[], st: Style, pick: (n: number) => number): string {
  const sep = st.german ? ';' : ',';
  const quote = (s: string) => (/[",;\n\r\t|]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s);
  const cell = (c: Col, v: Cell): string => {
    if (v === null) return c.kind === 'category' ? '' : MISSING_MARKS[pick(MISSING_MARKS.length)];
    if (typeof v === 'boolean') return (v ? TRUE_WORDS : FALSE_WORDS)[pick(6)];
    if (typeof v === 'number') return st.german ? quote(germanNumber(v, pick(2) === 1)) : String(v);
    return quote(v);
  };
  const lines = [cols.map((c) => c.name).join(sep)];
  for (let i = 0; i < cols[0].cells.length; i++) lines.push(cols.map((c) => cell(c, c.cells[i])).join(sep));
  const nl = st.crlf ? '\r\n' : '\n';
  return (st.bom ? '\uFEFF' : '') + lines.join(nl) + (st.finalNewline ? nl : '');
}

/** German files need one number with a fractional part, or "1.234" would be ambiguous. */
function withAnchor(cols: Col[]): Col[] {
  const rows = cols[0].cells.length;
  return [...cols, { name: 'anchor_col', kind: 'number', cells: Array.from({ length: rows }, (_, i) => i + 0.25) }];
}

const norm = (v: unknown) => (v === 0 ? 0 : v); // -0 is written as "0"

async function roundTrip(cols: Col[], st: Style, seed: number): Promise<void> {
  // a one-column file ending in an empty cell reads like a file ending in a line break
  fc.pre(!(cols.length === 1 && cols[0].cells.at(-1) === null));
  let s = seed;
  const pick = (n: number) => (s = (s * 1103515245 + 12345) % 2147483648) % n;
  const text = writeCsv(cols, st, pick);
  const t = await loadText(text, 'prop.csv');
  expect(t.csv).toEqual(st.german ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' });
  expect(t.rows).toBe(cols[0].cells.length);
  const got = values(t);
  expect(Object.keys(got)).toEqual(cols.map((c) => c.name));
  cols.forEach((c, j) => {
    const anyPresent = c.cells.some((v) => v !== null);
    expect(t.columns[j].kind, c.name).toBe(anyPresent ? c.kind : 'number');
    expect(got[c.name].map(norm), c.name).toEqual(c.cells.map(norm));
    expect(t.columns[j].missing).toBe(c.cells.filter((v) => v === null).length);
  });
}

describe('CSV round trip (property)', () => {
  it('plain style: "," separator, "." decimal', async () => {
    await fc.assert(
      fc.asyncProperty(table, style(false), fc.nat(), (cols, st, seed) => roundTrip(cols, st, seed)),
      { seed: 20240601, numRuns: 250 },
    );
  });

  it('German style: ";" separator, "," decimal, "." thousands', async () => {
    await fc.assert(
      fc.asyncProperty(table, style(true), fc.nat(), (cols, st, seed) => roundTrip(withAnchor(cols), st, seed)),
      { seed: 20240602, numRuns: 250 },
    );
  });

  it('the check can fail: a value changed after writing is caught', async () => {
    const cols: Col[] = [{ name: 'x', kind: 'number', cells: [1.5, 2] }];
    const text = writeCsv(cols, { german: false, crlf: false, bom: false, finalNewline: true }, () => 0).replace('1.5', '1.25');
    const got = values(await loadText(text));
    expect(got.x).not.toEqual(cols[0].cells);
  });
});
