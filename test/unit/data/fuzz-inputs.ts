// Inputs of the readers' fuzz properties (issue 9): valid base files (CSV texts, Arrow IPC
// written with apache-arrow, Parquet written with hyparquet-writer), random bytes behind the
// formats' markers, and mutations of bytes and of CSV text. No vitest here, so that a longer
// exploration can run them by hand (EINBLICK_FUZZ_SEED, EINBLICK_FUZZ_RUNS).
import { brotliCompressSync, gzipSync } from 'node:zlib';
import {
  Bool, DateDay, Dictionary, Field, Float64, Int32, Int64, List, Struct, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray,
} from 'apache-arrow';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/**
 * fast-check parameters: a fixed seed and number of runs; EINBLICK_FUZZ_SEED and
 * EINBLICK_FUZZ_RUNS (a factor) let a longer exploration run by hand.
 */
export function runs(seed: number, numRuns: number): { seed: number; numRuns: number } {
  const env = typeof process === 'undefined' ? {} : process.env;
  return { seed: env.EINBLICK_FUZZ_SEED ? Number(env.EINBLICK_FUZZ_SEED) + seed : seed, numRuns: Math.round(numRuns * Number(env.EINBLICK_FUZZ_RUNS ?? 1)) };
}

/** One change to a file's bytes. */
export type Mutation = (b: Uint8Array) => Uint8Array;

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * A fraction in [0, 1], evenly spread: fast-check's doubles are spread over their bit patterns
 * (most are tiny) and biased towards the ends, which would cut most files at their start.
 */
const fraction = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((k) => k / 1_000_000);

/** A position in [0, length] from a fraction. */
const at = (b: Uint8Array, f: number) => Math.min(b.length, Math.floor(f * (b.length + 1)));

/** Mutations that apply to any file: flips, cuts, insertions, zeroed and repeated blocks, big 32-bit words. */
export const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.array(fc.tuple(fraction, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips): Mutation => (b) => {
    const out = b.slice();
    for (const [f, x] of flips) if (out.length > 0) out[Math.min(out.length - 1, Math.floor(f * out.length))] ^= x;
    return out;
  }),
  fraction.map((f): Mutation => (b) => b.slice(0, at(b, f))),
  fc.tuple(fraction, fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([f, ins]): Mutation => (b) => concat(b.subarray(0, at(b, f)), ins, b.subarray(at(b, f)))),
  fc.tuple(fraction, fc.integer({ min: 1, max: 64 })).map(([f, n]): Mutation => (b) => {
    const out = b.slice();
    out.fill(0, at(b, f), at(b, f) + n);
    return out;
  }),
  fc.tuple(fraction, fraction).map(([f, g]): Mutation => (b) => {
    // a block repeated (as a bad copy or a concatenation would)
    const [i, j] = [at(b, Math.min(f, g)), at(b, Math.max(f, g))];
    return concat(b.subarray(0, j), b.subarray(i, j), b.subarray(j));
  }),
  fc.tuple(fraction, fc.constantFrom(0x7fffffff, 0xffffffff, 0x80000000, 0x00ffffff, 0x10000, 0)).map(([f, word]): Mutation => (b) => {
    // a length, offset or count word set to an extreme (aligned, as flatbuffers and thrift sizes are)
    const out = b.slice();
    const i = Math.floor((f * Math.max(0, out.length - 4)) / 4) * 4;
    if (out.length >= 4) new DataView(out.buffer).setUint32(i, word, true);
    return out;
  }),
);

/** One to three mutations, applied in order. */
export function mutated(base: fc.Arbitrary<Uint8Array>, mutation: fc.Arbitrary<Mutation>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, ms]) => ms.reduce((x, m) => m(x), b));
}

const n = 40;
/** Rows of every PARQUET base file. */
export const PARQUET_ROWS = n;
const ints = Array.from({ length: n }, (_, i) => (i % 7 === 3 ? null : i * 13 - 100));
const texts = Array.from({ length: n }, (_, i) => (i % 5 === 1 ? null : ['rot', 'grün', 'blau, hell', ''][i % 4]));

function arrowTable(): Table {
  return new Table({
    i: vectorFromArray(ints, new Int32()),
    big: vectorFromArray(ints.map((x) => (x === null ? null : BigInt(x) * 3n)), new Int64()),
    f: vectorFromArray(ints.map((x) => (x === null ? null : x / 7)), new Float64()),
    s: vectorFromArray(texts, new Utf8()),
    d: vectorFromArray(texts, new Dictionary(new Utf8(), new Int32())),
    b: vectorFromArray(ints.map((x) => (x === null ? null : x % 2 === 0)), new Bool()),
    day: vectorFromArray(ints.map((x) => (x === null ? null : new Date(Date.UTC(2024, 0, 1) + x * 86_400_000))), new DateDay()),
    ts: vectorFromArray(ints.map((x) => (x === null ? null : new Date(x * 1000))), new TimestampMillisecond()),
    l: vectorFromArray(ints.map((x) => (x === null ? null : [x, x])), new List(new Field('item', new Int32(), true))),
    st: vectorFromArray(ints.map((x) => ({ x })), new Struct([new Field('x', new Int32(), true)])),
  });
}

export const ARROW = [tableToIPC(arrowTable(), 'file'), tableToIPC(arrowTable(), 'stream'), tableToIPC(arrowTable().concat(arrowTable()), 'stream')];

const compressors = { GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)), BROTLI: (b: Uint8Array) => new Uint8Array(brotliCompressSync(b)) };

function parquet(codec: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI', rowGroupSize: number): Uint8Array {
  return new Uint8Array(
    parquetWriteBuffer({
      codec,
      compressors,
      rowGroupSize,
      columnData: [
        { name: 'i', data: ints, type: 'INT32' },
        { name: 'big', data: ints.map((x) => (x === null ? null : BigInt(x) * 3n)), type: 'INT64' },
        { name: 'f', data: ints.map((x) => (x === null ? null : x / 7)), type: 'DOUBLE' },
        { name: 's', data: texts, type: 'STRING' },
        { name: 'b', data: ints.map((x) => (x === null ? null : x % 2 === 0)), type: 'BOOLEAN' },
        { name: 'when', data: ints.map((x) => (x === null ? null : new Date(x * 1000))), type: 'TIMESTAMP' },
      ],
    }),
  );
}

export const PARQUET = [parquet('UNCOMPRESSED', 1000), parquet('SNAPPY', 16), parquet('GZIP', 25), parquet('BROTLI', 1000)];

const magic = (s: string) => new TextEncoder().encode(s);
const around = (head: Uint8Array, tail: Uint8Array) => (b: Uint8Array) => Uint8Array.from([...head, ...b, ...tail]);
const body = fc.uint8Array({ maxLength: 2000 });

/** Random bytes behind the Arrow file or stream markers, or none. */
export const arrowFramed = fc.oneof(
  body.map(around(magic('ARROW1\0\0'), magic('ARROW1'))),
  body.map(around(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0), new Uint8Array(0))),
  body,
);

/** Random bytes behind the Parquet markers (with a footer length), or none. */
export const parquetFramed = fc.oneof(
  body.map(around(magic('PAR1'), magic('PAR1'))),
  fc.tuple(body, fc.integer({ min: 0, max: 3000 })).map(([b, len]) => {
    const footer = new Uint8Array(8);
    new DataView(footer.buffer).setUint32(0, len, true);
    footer.set(magic('PAR1'), 4);
    return Uint8Array.from([...magic('PAR1'), ...b, ...footer]);
  }),
  body,
);

const VALID = [
  'id,sex,age,score,decision\n1,f,34,0.71,yes\n2,m,51,0.22,no\n3,f,,0.5,yes\n4,d,29,0.93,no\n',
  'Name;Betrag;Datum;Aktiv\nMüller;1.234,56;2024-01-31;wahr\n"Meier; Jan";-0,5;2024-02-01;falsch\nÖzdemir;7;;WAHR\n',
  'a\tb\tc\r\n1\t"x\r\ny"\t3\r\n4\t5\t6\r\n',
  '\uFEFFsep=;\r\nx;y\r\n1;2\r\n3;4\r\n',
  ',Unnamed,a,a\n0,1,2,3\n1,4,5,6\n',
  'single\n1\n\n2\n3\n',
  'q,"quoted ""name""",z\n"a,b","c\nd",e\nNA,N/A,#N/A\n',
];

export const validCsv = fc.constantFrom(...VALID.map((s) => utf8(s)));
const text = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b);
const enc = (s: string) => utf8(s);

/** Mutations that know CSV: header repeated, separators swapped, quotes, NUL, huge field, line ends, encodings. */
export const csvMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>((b) => {
    const s = text(b);
    const header = s.split('\n')[0];
    return enc(`${header}\n${s}`);
  }),
  fc.tuple(fc.constantFrom(',', ';', '\t', '|'), fc.constantFrom(',', ';', '\t', '|', ' ')).map(([from, to]): Mutation => (b) => enc(text(b).replaceAll(from, to))),
  fraction.map((f): Mutation => (b) => {
    const s = text(b);
    const i = Math.floor(f * (s.length + 1));
    return enc(`${s.slice(0, i)}"${s.slice(i)}`);
  }),
  fraction.map((f): Mutation => (b) => {
    const i = Math.floor(f * (b.length + 1));
    return Uint8Array.from([...b.subarray(0, i), 0, ...b.subarray(i)]);
  }),
  fc.tuple(fraction, fc.integer({ min: 1000, max: 3_000_000 }), fc.boolean()).map(([f, n, quoted]): Mutation => (b) => {
    const s = text(b);
    const i = Math.floor(f * (s.length + 1));
    const field = quoted ? `"${'x'.repeat(n)}"` : 'y'.repeat(n);
    return enc(`${s.slice(0, i)}${field}${s.slice(i)}`);
  }),
  fc.constant<Mutation>((b) => enc(text(b).replace(/\r?\n/g, '\r'))),
  fc.constant<Mutation>((b) => Uint8Array.from([0xff, 0xfe, ...b])),
  fc.constant<Mutation>((b) => Uint8Array.from([0xfe, 0xff, ...b])),
  fc.constant<Mutation>((b) => {
    // real UTF-16 LE with its byte order mark
    const s = text(b);
    const out = new Uint8Array(2 + 2 * s.length);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < s.length; i++) new DataView(out.buffer).setUint16(2 + 2 * i, s.charCodeAt(i), true);
    return out;
  }),
  fraction.map((f): Mutation => (b) => {
    // a Windows-1252 byte ("ä") inside UTF-8 text
    const i = Math.floor(f * (b.length + 1));
    return Uint8Array.from([...b.subarray(0, i), 0xe4, ...b.subarray(i)]);
  }),
  fc.integer({ min: 1, max: 3000 }).map((n): Mutation => (b) => {
    // a very wide header, the rows unchanged
    const s = text(b);
    const nl = s.indexOf('\n');
    const extra = Array.from({ length: n }, (_, k) => `c${k}`).join(',');
    return enc(nl < 0 ? `${s},${extra}` : `${s.slice(0, nl)},${extra}${s.slice(nl)}`);
  }),
  fc.constantFrom('\n', '\r\n', '\n\n\n', ' ', '\uFEFF', '"', ',,,,', 'sep=,\n').map((s): Mutation => (b) => Uint8Array.from([...utf8(s), ...b])),
);

export const csvNames = fc.constantFrom('data.csv', 'data.tsv', 'data.txt', 'data', 'Daten.CSV');
