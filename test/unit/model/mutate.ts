/**
 * Issue 9: fast-check arbitraries that damage valid ONNX files the way files get damaged: bytes
 * flipped, cut off, inserted or deleted, and protobuf field tags or lengths rewritten (at the top
 * level, in the graph and in its nodes, initializers and value infos), plus random bytes.
 */
import fc from 'fast-check';
import { onnx } from '../../../src/engine/model/onnx-proto.ts';
import { concatBytes, encodeVarint, scanFields, WireError, type WireField } from '../../../src/engine/model/wire.ts';

/** A field's tag or length varint: where it starts and ends in the file. */
interface Varint {
  kind: 'tag' | 'length';
  start: number;
  end: number;
}

/** Tag and length positions of the model, its graph and the graph's entries (two levels deep). */
export function varintsOf(bytes: Uint8Array): Varint[] {
  const out: Varint[] = [];
  const walk = (start: number, end: number, depth: number): void => {
    let fields: WireField[];
    try {
      fields = scanFields(bytes, start, end);
    } catch (err) {
      if (err instanceof WireError) return;
      throw err;
    }
    for (const f of fields) {
      const afterTag = f.wire === 2 ? tagEnd(bytes, f.start) : f.valueStart;
      out.push({ kind: 'tag', start: f.start, end: afterTag });
      if (f.wire !== 2) continue;
      out.push({ kind: 'length', start: afterTag, end: f.valueStart });
      if (depth < 2 && f.end - f.valueStart > 1) walk(f.valueStart, f.end, depth + 1);
    }
  };
  walk(0, bytes.length, 0);
  return out;
}

function tagEnd(bytes: Uint8Array, pos: number): number {
  let p = pos;
  while (bytes[p] & 0x80) p++;
  return p + 1;
}

function splice(bytes: Uint8Array, start: number, end: number, insert: Uint8Array): Uint8Array {
  return concatBytes([bytes.subarray(0, start), insert, bytes.subarray(end)]);
}

/** One way to damage `bytes`, described for the failure report. */
export interface Mutation {
  what: string;
  bytes: Uint8Array;
}

/**
 * Damaged versions of one valid file.
 *
 * @example fc.sample(mutationsOf(bytes), 1)[0].what // 'flip 3 bytes'
 */
export function mutationsOf(bytes: Uint8Array): fc.Arbitrary<Mutation> {
  const n = bytes.length;
  const varints = varintsOf(bytes);
  const pos = fc.integer({ min: 0, max: n - 1 });
  const flip = fc.array(fc.tuple(pos, fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
    const b = Uint8Array.from(bytes);
    for (const [at, x] of flips) b[at] ^= x;
    return { what: `flip ${flips.map(([at, x]) => `${at}^${x}`).join(',')}`, bytes: b };
  });
  const cut = fc.integer({ min: 1, max: n - 1 }).map((at) => ({ what: `cut at ${at}`, bytes: Uint8Array.from(bytes.subarray(0, at)) }));
  const insert = fc.tuple(fc.integer({ min: 0, max: n }), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, extra]) => ({ what: `insert ${extra.length} at ${at}`, bytes: splice(bytes, at, at, extra) }));
  const remove = fc.tuple(pos, fc.integer({ min: 1, max: 64 })).map(([at, len]) => ({ what: `delete ${len} at ${at}`, bytes: splice(bytes, at, Math.min(n, at + len), new Uint8Array(0)) }));
  const tag = fc.tuple(fc.constantFrom(...varints.filter((v) => v.kind === 'tag')), fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, 1, 2, 3, 5, 6, 7)).map(([v, field, wire]) => ({ what: `tag at ${v.start} -> ${field}/${wire}`, bytes: splice(bytes, v.start, v.end, encodeVarint(field * 8 + wire)) }));
  const length = fc.tuple(fc.constantFrom(...varints.filter((v) => v.kind === 'length')), fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 }))).map(([v, len]) => ({ what: `length at ${v.start} -> ${len}`, bytes: splice(bytes, v.start, v.end, encodeVarint(len)) }));
  return fc.oneof(flip, cut, insert, remove, tag, length);
}

/** Random bytes, and random bytes behind the first bytes of a real model (so that they get past the first check). */
export function randomFiles(prefix: Uint8Array): fc.Arbitrary<Mutation> {
  const plain = fc.uint8Array({ minLength: 1, maxLength: 4096 }).map((b) => ({ what: `random ${b.length} bytes`, bytes: b }));
  const behind = fc.tuple(fc.integer({ min: 2, max: Math.min(64, prefix.length) }), fc.uint8Array({ minLength: 1, maxLength: 1024 })).map(([k, b]) => ({ what: `model prefix ${k} + random ${b.length}`, bytes: concatBytes([prefix.subarray(0, k), b]) }));
  return fc.oneof(plain, behind);
}

const OPS = ['Identity', 'Add', 'MatMul', 'Reshape', 'Softmax', 'Sigmoid', 'ZipMap', 'TreeEnsembleClassifier', 'LinearClassifier', 'Cast', 'Concat', 'Gather', 'FooBar'];
const HUGE = [0, -1, 1, 2, 3, 7, 1_000_000, 2 ** 31 - 1, 2 ** 40];

/**
 * Damaged models that still decode: one field of the decoded model changed (a dimension, an
 * element type, an operator, an attribute, an opset or IR version, a removed node or
 * initializer), then encoded again; these get past the byte checks to the signature reader and
 * the runtime.
 */
export function structuralMutationsOf(bytes: Uint8Array): fc.Arbitrary<Mutation> {
  return fc.tuple(fc.integer({ min: 0, max: 9 }), fc.nat(), fc.nat(), fc.constantFrom(...HUGE), fc.constantFrom(...OPS)).map(([kind, a, b, value, op]) => {
    const model = onnx.ModelProto.decode(bytes);
    const g = model.graph!;
    const infos = [...(g.input ?? []), ...(g.output ?? [])];
    const info = infos[a % Math.max(1, infos.length)];
    const node = g.node![a % g.node!.length];
    const attr = node.attribute?.[b % Math.max(1, node.attribute.length)];
    const init = g.initializer?.[a % Math.max(1, g.initializer.length)];
    let what = '';
    if (kind === 0 && info?.type?.tensorType?.shape?.dim?.length) {
      const dims = info.type.tensorType.shape.dim;
      dims[b % dims.length] = onnx.TensorShapeProto.Dimension.create({ dimValue: value });
      what = `dim of ${info.name} -> ${value}`;
    } else if (kind === 1 && info?.type?.tensorType) {
      info.type.tensorType.elemType = b % 22;
      what = `element type of ${info.name} -> ${b % 22}`;
    } else if (kind === 2) {
      node.opType = op;
      what = `operator of ${node.name} -> ${op}`;
    } else if (kind === 3 && attr) {
      if (attr.ints?.length) attr.ints[b % attr.ints.length] = value;
      else if (attr.floats?.length) attr.floats[b % attr.floats.length] = value;
      else attr.i = value;
      what = `attribute ${attr.name} of ${node.name} -> ${value}`;
    } else if (kind === 4 && model.opsetImport?.length) {
      model.opsetImport[b % model.opsetImport.length].version = value;
      what = `opset -> ${value}`;
    } else if (kind === 5) {
      model.irVersion = value;
      what = `ir version -> ${value}`;
    } else if (kind === 6 && g.node!.length > 1) {
      g.node!.splice(a % g.node!.length, 1);
      what = 'a node removed';
    } else if (kind === 7 && init) {
      init.dims = [value, ...(init.dims ?? []).slice(1)];
      what = `dims of initializer ${init.name} -> ${value}`;
    } else if (kind === 8 && attr) {
      attr.strings = [new TextEncoder().encode(op)];
      what = `strings of ${attr.name} -> ${op}`;
    } else if (kind === 9 && g.input?.length) {
      g.input[a % g.input.length].name = op;
      what = `input renamed -> ${op}`;
    } else {
      what = 'unchanged';
    }
    return { what, bytes: onnx.ModelProto.encode(model).finish() };
  });
}
