// CSV dialects, quoting, encodings and type inference, against hand-written expectations.
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/engine/data/load.ts';
import { detectDecimal } from '../../../src/engine/data/csv-dialect.ts';
import { loadText, utf8, values } from './helpers.ts';

describe('CSV dialects', () => {
  it('German export: ";" separator, decimal comma, "." thousands', async () => {
    const t = await loadText('Name;Betrag;Quote\nA;1.234,56;0,5\nB;-2,5;1\nC;1.000.000;12,25\n');
    expect(t.csv).toEqual({ delimiter: ';', decimal: ',' });
    expect(values(t)).toEqual({ Name: ['A', 'B', 'C'], Betrag: [1234.56, -2.5, 1000000], Quote: [0.5, 1, 12.25] });
    expect(t.columns.map((c) => c.kind)).toEqual(['category', 'number', 'number']);
  });

  it('comma separator implies decimal point; quoted thousands stay text (with a warning)', async () => {
    const t = await loadText('a,b\n1.5,"1,234.5"\n2.5,3\n3.5,4\n');
    expect(t.csv).toEqual({ delimiter: ',', decimal: '.' });
    expect(values(t).a).toEqual([1.5, 2.5, 3.5]);
    expect(t.columns[1].kind).toBe('category');
    expect(t.warnings.map((w) => w.code)).toEqual(['MOSTLY_NUMERIC']);
  });

  it('";" separator with decimal point ("1.5") keeps the point', async () => {
    const t = await loadText('x;y\n1.5;2\n0.25;3\n');
    expect(t.csv).toEqual({ delimiter: ';', decimal: '.' });
    expect(values(t)).toEqual({ x: [1.5, 0.25], y: [2, 3] });
  });

  it('decimal votes: ambiguous "1.234" does not vote; no votes or a tie means "."', () => {
    expect(detectDecimal([['h'], ['1.234'], ['12.345.678']])).toBe('.');
    // only "1.500"-like cells in a ';' file: German thousands (1500), not 1.5
    expect(detectDecimal([['h'], ['1.500'], ['2.250']], ';')).toBe(',');
    expect(detectDecimal([['h'], ['1.500'], ['0.5']], ';')).toBe('.');
    expect(detectDecimal([['h'], ['1.500'], ['2.250']], '\t')).toBe('.');
    expect(detectDecimal([['h'], ['1.234'], ['1,5']])).toBe(',');
    expect(detectDecimal([['h'], ['1.5'], ['1,5']])).toBe('.');
    expect(detectDecimal([['h', 'h'], ['1,5', '2,5'], ['0.5', 'x']])).toBe(',');
    expect(detectDecimal([['1,5', '2,5'], ['0.5', 'x']])).toBe('.'); // the header row does not vote
  });

  it('a ";" file with only "1.234"-style numbers reads them as German thousands, and says so', async () => {
    const t = await loadText('a;b\n1.234;x\n');
    expect(t.csv).toEqual({ delimiter: ';', decimal: ',' });
    expect(values(t).a).toEqual([1234]);
    expect(t.warnings.map((w) => w.code)).toContain('THOUSANDS_POINT');
    const plain = await loadText('a;b\n1,5;x\n1.234,5;y\n');
    expect(plain.warnings.map((w) => w.code)).not.toContain('THOUSANDS_POINT');
  });

  it('a one-column German file gets ";" and decimal comma', async () => {
    const t = await loadText('Betrag\n1,5\n2,25\n');
    expect(t.csv).toEqual({ delimiter: ';', decimal: ',' });
    expect(values(t)).toEqual({ Betrag: [1.5, 2.25] });
  });

  it('tab and pipe separators', async () => {
    const tab = await loadText('a\tb c\n1\tx,y\n2\tz;w\n', 'x.tsv');
    expect(tab.csv?.delimiter).toBe('\t');
    expect(values(tab)).toEqual({ a: [1, 2], 'b c': ['x,y', 'z;w'] });
    const pipe = await loadText('a|b\n1|x\n2|y\n', 'x.txt');
    expect(pipe.csv?.delimiter).toBe('|');
    expect(values(pipe)).toEqual({ a: [1, 2], b: ['x', 'y'] });
  });

  it('Excel\'s "sep=;" first line names the separator and is not the header', async () => {
    const t = await loadText('sep=;\r\na;b\r\n1,5;x\r\n2;y,z\r\n');
    expect(t.csv).toEqual({ delimiter: ';', decimal: ',' });
    expect(values(t)).toEqual({ a: [1.5, 2], b: ['x', 'y,z'] });
    const e = await loadText('sep=;\na;b\n1;n/a\n2;3\n4;5\n');
    expect(e.warnings[0].params).toMatchObject({ lines: ['3'] });
  });

  it('forced delimiter and decimal override detection', async () => {
    const t = await loadText('a;b\n1.234;2\n', 'x.csv', { decimal: ',' });
    expect(values(t).a).toEqual([1234]);
    const u = await loadText('a;b\n1;2\n', 'x.csv', { delimiter: ',' });
    expect(u.columns.map((c) => c.name)).toEqual(['a;b']);
  });
});

describe('CSV quoting, line breaks and encodings', () => {
  it('quoted fields with separators, escaped quotes and embedded newlines', async () => {
    const text = 'id,text,n\n1,"a, b",1\n2,"say ""hi""",2\n3,"line1\nline2",3\n4,"",4\n';
    const t = await loadText(text);
    expect(values(t)).toEqual({ id: [1, 2, 3, 4], text: ['a, b', 'say "hi"', 'line1\nline2', null], n: [1, 2, 3, 4] });
  });

  it('CRLF line endings, with and without a final line break', async () => {
    for (const text of ['a,b\r\n1,x\r\n2,y\r\n', 'a,b\r\n1,x\r\n2,y', 'a,b\r\n1,"x"\r\n2,"y"\r\n']) {
      const t = await loadText(text);
      expect(values(t)).toEqual({ a: [1, 2], b: ['x', 'y'] });
    }
  });

  it('old Mac line endings (CR only)', async () => {
    const t = await loadText('a,b\r1,x\r2,y\r');
    expect(values(t)).toEqual({ a: [1, 2], b: ['x', 'y'] });
  });

  it('UTF-8 byte order mark is removed from the first column name', async () => {
    const t = await loadText('\uFEFFAlter;Größe\n30;1,80\n');
    expect(t.columns.map((c) => c.name)).toEqual(['Alter', 'Größe']);
    expect(values(t)).toEqual({ Alter: [30], Größe: [1.8] });
  });

  it('UTF-16 LE with byte order mark (Excel "Unicode text")', async () => {
    const text = 'a\tb\n1\tä\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i);
    const t = await loadTable(bytes, 'u.txt');
    expect(values(t)).toEqual({ a: [1], b: ['ä'] });
  });

  it('Windows-1252 bytes are read as Windows-1252, with a warning', async () => {
    const bytes = Uint8Array.from([...utf8('Stadt;Wert\nM'), 0xfc, ...utf8('nchen;1\n')]); // 0xFC = ü
    const t = await loadTable(bytes, 'w.csv');
    expect(values(t)).toEqual({ Stadt: ['München'], Wert: [1] });
    expect(t.warnings.map((w) => w.code)).toEqual(['ENCODING_WINDOWS_1252']);
  });

  it('an invalid byte after the first 256 KiB also switches to Windows-1252', async () => {
    const head = utf8('a,b\n' + 'x,1\n'.repeat(70000));
    const bytes = Uint8Array.from([...head, ...utf8('caf'), 0xe9, ...utf8(',2\n')]); // 0xE9 = é
    const t = await loadTable(bytes, 'w.csv');
    expect(t.rows).toBe(70001);
    expect(values(t).a[70000]).toBe('café');
    expect(t.warnings.map((w) => w.code)).toEqual(['ENCODING_WINDOWS_1252']);
  });

  it('blank lines are skipped; line numbers in messages still count them', async () => {
    const t = await loadText('\na,b\n1,2\n\n3,4\n\n');
    expect(values(t)).toEqual({ a: [1, 3], b: [2, 4] });
  });

  it('header names are trimmed; an unnamed column gets a name and a warning', async () => {
    const t = await loadText(',Age , Class\n0,30,Good\n1,40,Bad\n');
    expect(t.columns.map((c) => c.name)).toEqual(['column_1', 'Age', 'Class']);
    expect(t.warnings.map((w) => w.code)).toEqual(['UNNAMED_COLUMN']);
  });

  it('records split across read slices are joined correctly', async () => {
    // 1.4 MB of quoted multi-line cells with escaped quotes: several 512 KiB slices, so some
    // cells straddle a slice border
    const cell = '"' + 'x'.repeat(1000) + '\n' + 'y,"" '.repeat(200) + '"';
    const rows = Array.from({ length: 800 }, (_, i) => `${i},${cell}`);
    const t = await loadText('i,s\n' + rows.join('\n') + '\n');
    expect(t.rows).toBe(800);
    const v = values(t);
    expect(v.i).toEqual(Array.from({ length: 800 }, (_, i) => i));
    const expected = 'x'.repeat(1000) + '\n' + 'y," '.repeat(200);
    expect(v.s.every((s) => s === expected)).toBe(true);
  });
});
