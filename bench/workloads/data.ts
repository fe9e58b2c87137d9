/**
 * Benchmark inputs built in memory, the same in Node and in a Web Worker: the german_credit_gbm
 * feature rows as a FeatureSet, that CSV tiled to many rows, and the seeded 30-column CSV of the
 * data loading benchmark (byte for byte what bench/data-load.ts writes to disk).
 */
import type { FeatureSet } from '../../src/engine/model/types.ts';
import { rng } from '../../src/engine/random.ts';

/**
 * A numeric CSV (header line, then comma-separated numbers) as float32 feature columns.
 *
 * @example featureSet('a,b\n1,2\n3,4').rows // 2
 */
export function featureSet(text: string): FeatureSet {
  const lines = text.trim().split(/\r?\n/);
  const names = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const columns = names.map((_, j) => ({ type: 'float32' as const, data: Float32Array.from(rows, (r) => Number(r[j])) }));
  return { names, columns, rows: rows.length };
}

/**
 * The CSV's data lines repeated to `rows` rows, under its header.
 *
 * @example new TextDecoder().decode(tiledCsv('a\n1\n2', 3)) // 'a\n1\n2\n1'
 */
export function tiledCsv(text: string, rows: number): Uint8Array {
  const lines = text.trim().split(/\r?\n/);
  const body = lines.slice(1);
  const out: string[] = [lines[0]];
  for (let i = 0; i < rows; i++) out.push(body[i % body.length]);
  return new TextEncoder().encode(out.join('\n'));
}

const LEVELS = [2, 3, 4, 5, 7, 10, 12, 20, 30, 50];

/** One line of the 30-column file (same draws, in the same order, as bench/data-load.ts). */
function benchLine(r: ReturnType<typeof rng>): string {
  const cells: string[] = [];
  for (let j = 0; j < 18; j++) {
    if (j % 6 === 5 && r.next() < 0.05) cells.push('');
    else if (j < 6) cells.push(String(r.int(100000)));
    else cells.push((r.next() * 100 - 20).toFixed((j % 3) + 1));
  }
  for (const k of LEVELS) cells.push(`level_${r.int(k)}`);
  cells.push(r.next() < 0.5 ? 'true' : 'false', r.next() < 0.01 ? '' : r.next() < 0.3 ? 'TRUE' : 'FALSE');
  return cells.join(',');
}

/**
 * The seeded CSV of `rows` rows x 30 columns (18 numbers, 10 categories, 2 booleans), encoded
 * block by block into one buffer (about 200 bytes a row).
 *
 * @example benchCsv(10).length // about 2,000
 */
export function benchCsv(rows: number): Uint8Array {
  const r = rng(20240531);
  const header = [...Array.from({ length: 18 }, (_, j) => `num_${j}`), ...LEVELS.map((_, j) => `cat_${j}`), 'flag_a', 'flag_b'];
  const enc = new TextEncoder();
  let buf = new Uint8Array(rows * 210 + 4096);
  let at = 0;
  const put = (s: string): void => {
    if (buf.length - at < s.length * 3) {
      const bigger = new Uint8Array(Math.ceil((buf.length + s.length * 3) * 1.25));
      bigger.set(buf.subarray(0, at));
      buf = bigger;
    }
    at += enc.encodeInto(s, buf.subarray(at)).written;
  };
  put(header.join(',') + '\n');
  let block: string[] = [];
  for (let i = 0; i < rows; i++) {
    block.push(benchLine(r));
    if (block.length === 10000 || i === rows - 1) {
      put(block.join('\n') + '\n');
      block = [];
    }
  }
  return buf.subarray(0, at);
}
