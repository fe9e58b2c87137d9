/**
 * Guesses how a CSV is written from its first lines: line break, separator and decimal mark.
 *
 * Separator: each of ',', ';', '\t', '|' splits the sample (quotes respected, by papaparse);
 * a candidate is consistent when every record has as many fields as the header. First choice:
 * a consistent candidate with more than one field (the most fields wins; ties: the order
 * above, a .tsv file prefers '\t'). Next: a candidate that splits the header and at least half
 * of the records (the most records with the header's count wins), so that the real parse
 * reports the ragged lines rather than reading the file as one column. Last: one column, with a separator that splits no
 * record, so a one-column German file ("Betrag\n1,5") gets ';', not ','.
 *
 * Decimal mark: ',' separator implies '.'. Otherwise cells are counted: "1,5" / "1.234,56"
 * vote for ',' and "1.5" / "0.221" for '.'; "1.234" (a thousands group or a decimal?) does
 * not vote. ',' wins only with more votes; no votes means '.', except in a ';'-separated file
 * with such ambiguous cells: that is how German spreadsheets write thousands ("1.500" = 1500).
 */
import Papa from 'papaparse';
import type { DecimalMark } from './values.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvDialect {
  delimiter: string;
  decimal: DecimalMark;
  newline: '\n' | '\r';
}

/** Records used to judge the dialect. */
const SAMPLE_RECORDS = 200;

/**
 * Detects separator, decimal mark and line break from a text sample.
 * `complete` says whether the sample is the whole file (else its last record may be cut).
 *
 * @example detectDialect('a;b\n1,5;2\n', true, 'x.csv') // { delimiter: ';', decimal: ',', newline: '\n' }
 */
export function detectDialect(
  sample: string,
  complete: boolean,
  fileName: string,
  forced: { delimiter?: string; decimal?: DecimalMark } = {},
): CsvDialect {
  const newline = sample.indexOf('\n') >= 0 || sample.indexOf('\r') < 0 ? '\n' : '\r';
  const delimiter = forced.delimiter ?? detectDelimiter(sample, complete, newline, fileName);
  const decimal = forced.decimal ?? (delimiter === ',' ? '.' : detectDecimal(sampleRecords(sample, complete, newline, delimiter), delimiter));
  return { delimiter, decimal, newline };
}

/** Records of the sample split by one delimiter; blank lines dropped, trailing '\r' removed. */
export function sampleRecords(sample: string, complete: boolean, newline: '\n' | '\r', delimiter: string): string[][] {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"', preview: SAMPLE_RECORDS });
  const rows = (parser.parse(sample, 0, !complete) as { data: string[][] }).data;
  const out: string[][] = [];
  for (const row of rows) {
    const k = row.length - 1;
    if (row[k].endsWith('\r')) row[k] = row[k].slice(0, -1);
    if (row.length === 1 && row[0].trim() === '') continue;
    out.push(row);
  }
  return out;
}

function detectDelimiter(sample: string, complete: boolean, newline: '\n' | '\r', fileName: string): string {
  const order: string[] = /\.tsv$/i.test(fileName) ? ['\t', ',', ';', '|'] : [...DELIMITERS];
  let best: Candidate | null = null;
  for (const d of order) {
    const rows = sampleRecords(sample, complete, newline, d);
    if (rows.length === 0) continue;
    const fields = rows[0].length;
    let matching = 0;
    let split = 0;
    for (const r of rows) {
      if (r.length === fields) matching++;
      if (r.length > 1) split++;
    }
    const cand = { d, consistent: matching === rows.length, fields, share: matching / rows.length, split: split / rows.length };
    if (best === null || better(cand, best)) best = cand;
  }
  return best === null ? order[0] : best.d;
}

interface Candidate {
  d: string;
  /** Every record has as many fields as the header. */
  consistent: boolean;
  fields: number;
  /** Share of records with the header's field count. */
  share: number;
  /** Share of records that the separator splits at all. */
  split: number;
}

/** Rank: consistent multi-field, then splits most records (ragged lines get reported), then one column. */
function rank(c: Candidate): number {
  if (c.fields > 1 && c.consistent) return 3;
  if (c.fields > 1 && c.split >= 0.5) return 2;
  return c.consistent ? 1 : 0;
}

function better(a: Candidate, b: Candidate): boolean {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra > rb;
  if (ra === 3) return a.fields > b.fields;
  if (ra === 2) return a.share > b.share || (a.share === b.share && a.split > b.split);
  return false;
}

const COMMA_VOTE = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)?,\d+$/;
const POINT_VOTE = /^[+-]?\d*\.\d+(?:[eE][+-]?\d+)?$/;
const AMBIGUOUS = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/** Votes over data cells (header excluded) for the decimal mark. */
export function detectDecimal(rows: string[][], delimiter = ''): DecimalMark {
  let comma = 0;
  let point = 0;
  let ambiguous = 0;
  for (let i = 1; i < rows.length; i++) {
    for (const raw of rows[i]) {
      const t = raw.trim();
      if (COMMA_VOTE.test(t)) comma++;
      else if (POINT_VOTE.test(t)) {
        if (AMBIGUOUS.test(t)) ambiguous++;
        else point++;
      }
    }
  }
  if (comma === 0 && point === 0 && ambiguous > 0 && delimiter === ';') return ',';
  return comma > point ? ',' : '.';
}
