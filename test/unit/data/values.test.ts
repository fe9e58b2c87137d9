// Cell reading rules and format detection, case by case.
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/engine/data/format.ts';
import { isEmptyCell, isMissing, parseBoolean, parseNumber } from '../../../src/engine/data/values.ts';
import { utf8 } from './helpers.ts';

describe('parseNumber', () => {
  it.each([
    ['12', '.', 12], ['-1.5', '.', -1.5], ['.5', '.', 0.5], ['1.', '.', 1], ['+3', '.', 3], ['1e-3', '.', 0.001], ['1.5E+2', '.', 150], [' 7 ', '.', 7],
    ['1,5', ',', 1.5], ['1.234,56', ',', 1234.56], ['-1.234.567', ',', -1234567], [',25', ',', 0.25], ['1,5e3', ',', 1500], ['1234,5', ',', 1234.5],
  ] as const)('%s with decimal %s is %d', (raw, dec, v) => {
    expect(parseNumber(raw, dec)).toBe(v);
  });

  it.each([
    ['1,5', '.'], ['1,234.5', '.'], ['0x10', '.'], ['Infinity', '.'], ['1e400', '.'], ['', '.'], ['1 000', '.'], ['12abc', '.'], ['--1', '.'],
    ['1.5', ','], ['1.23,4', ','], ['12.34', ','], ['1,2,3', ','], ['e5', ','],
  ] as const)('%s with decimal %s is not a number', (raw, dec) => {
    expect(Number.isNaN(parseNumber(raw, dec))).toBe(true);
  });
});

describe('missing marks and booleans', () => {
  it('missing tokens', () => {
    for (const m of ['', '  ', 'NA', 'N/A', 'NaN', 'nan', 'null', 'NULL', 'None', '#N/A', ' NA ']) expect(isMissing(m), m).toBe(true);
    for (const m of ['n/a', '?', '-', 'na', 'NONE', '0']) expect(isMissing(m), m).toBe(false);
    expect(isEmptyCell(' \t')).toBe(true);
    expect(isEmptyCell('NA')).toBe(false);
  });

  it('boolean words', () => {
    for (const w of ['true', 'TRUE', 'True', 'wahr', 'WAHR', 'Wahr']) expect(parseBoolean(w)).toBe(true);
    for (const w of ['false', 'FALSE', 'False', 'falsch', 'FALSCH', 'Falsch']) expect(parseBoolean(w)).toBe(false);
    for (const w of ['yes', 'no', '1', '0', 'ja', 'tRUE']) expect(parseBoolean(w)).toBe(null);
  });
});

describe('detectFormat', () => {
  const table = tableFromArrays({ a: Float64Array.of(1, 2) });
  it('magic bytes win over the extension', () => {
    expect(detectFormat(tableToIPC(table, 'file'), 'x.csv')).toBe('arrow');
    expect(detectFormat(tableToIPC(table, 'stream'), 'x.csv')).toBe('arrow');
    expect(detectFormat(Uint8Array.from([...utf8('PAR1'), 0, 0, 0]), 'x.csv')).toBe('parquet');
  });

  it('then the extension, else text is CSV', () => {
    expect(detectFormat(utf8('junk'), 'a.feather')).toBe('arrow');
    expect(detectFormat(utf8('junk'), 'a.IPC')).toBe('arrow');
    expect(detectFormat(utf8('junk'), 'a.parquet')).toBe('parquet');
    for (const n of ['a.csv', 'a.tsv', 'a.txt', 'a', 'a.dat']) expect(detectFormat(utf8('a,b\n1,2\n'), n)).toBe('csv');
  });

  it('0xFFFFFFFF without a schema message is not an Arrow stream', () => {
    expect(() => detectFormat(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 0), 'x.csv')).toThrow(/cannot be read as a table/);
  });
});
