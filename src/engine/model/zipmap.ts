/**
 * ZipMap removal. skl2onnx ends classifiers with a ZipMap (a sequence of maps class -> p) that
 * onnxruntime-web cannot return ("Reading data from non-tensor typed value is not supported").
 * Each ZipMap whose output is a graph output is replaced by an Identity from its input (the
 * probability tensor [N, C]) to the same output name, and the graph output becomes a float
 * tensor. The class labels stay known from the ZipMap's attributes.
 *
 * The bytes are spliced, not re-encoded: every field this module does not touch is kept
 * byte for byte (protobufjs would drop fields it does not know).
 */
import { EinblickError } from '../errors.ts';
import { attrInts, attrStrings, onnx, opName, type ModelProto, type NodeProto } from './onnx-proto.ts';
import { concatBytes, lengthField, scanFields, type WireField } from './wire.ts';

/** A ZipMap that feeds a graph output. */
export interface ZipMapInfo {
  /** The graph output it produced. */
  output: string;
  /** The probability tensor it read. */
  input: string;
  classLabels: (string | number)[];
}

const GRAPH = 7;
const OPSET_IMPORT = 8;
const NODE = 1;
const OUTPUT = 12;
const VALUE_INFO = 13;
const MAX_ZIPMAP_BYTES = 1 << 20;

/**
 * The ZipMap nodes whose output is a graph output.
 *
 * @example findZipMaps(model) // [{ output: 'output_probability', input: 'probabilities', classLabels: ['Bad', 'Good'] }]
 */
export function findZipMaps(model: ModelProto): ZipMapInfo[] {
  const outputs = new Set((model.graph?.output ?? []).map((o) => String(o.name)));
  const found: ZipMapInfo[] = [];
  for (const node of model.graph?.node ?? []) {
    if (opName(node) !== 'ai.onnx.ml.ZipMap') continue;
    const output = String(node.output?.[0] ?? '');
    if (!outputs.has(output)) continue;
    found.push({ output, input: String(node.input?.[0] ?? ''), classLabels: zipMapLabels(node) });
  }
  return found;
}

/**
 * Class labels of a ZipMap (strings or int64s).
 *
 * @example zipMapLabels(zipMapNode) // ['Bad', 'Good']
 */
export function zipMapLabels(node: NodeProto): (string | number)[] {
  return attrStrings(node, 'classlabels_strings') ?? attrInts(node, 'classlabels_int64s') ?? [];
}

/**
 * Returns model bytes in which the given ZipMaps are replaced by Identity nodes and their
 * graph outputs are float tensors [N, C]. `topFields` are the model's top-level wire fields.
 *
 * @example stripZipMaps(bytes, scanFields(bytes), model, findZipMaps(model)).length // a little shorter than bytes
 */
export function stripZipMaps(bytes: Uint8Array, topFields: WireField[], model: ModelProto, zipMaps: ZipMapInfo[]): Uint8Array {
  const graphs = topFields.filter((f) => f.field === GRAPH);
  if (graphs.length !== 1) {
    throw new EinblickError('MODEL_LOAD_FAILED', `cannot remove the ZipMap: the model file has ${graphs.length} graph entries`, 'Export the classifier without ZipMap (skl2onnx: options={id(model): {"zipmap": False}}) and load it again.');
  }
  const byOutput = new Map(zipMaps.map((z) => [z.output, z]));
  const graph = graphs[0];
  const { graph: newGraph, replaced } = rewriteGraph(bytes, graph, byOutput);
  if (replaced !== zipMaps.length) {
    throw new EinblickError('MODEL_LOAD_FAILED', `cannot remove the ZipMap: ${replaced} of ${zipMaps.length} ZipMap nodes were found in the graph bytes`, 'Export the classifier without ZipMap (skl2onnx: options={id(model): {"zipmap": False}}) and load it again.');
  }
  const parts: Uint8Array[] = [];
  for (const f of topFields) {
    parts.push(f === graph ? lengthField(GRAPH, newGraph) : bytes.subarray(f.start, f.end));
  }
  if (!hasDefaultOpset(model)) {
    const opset = onnx.OperatorSetIdProto.encode({ domain: '', version: defaultOpsetFor(Number(model.irVersion)) }).finish();
    parts.push(lengthField(OPSET_IMPORT, opset));
  }
  return concatBytes(parts);
}

function rewriteGraph(bytes: Uint8Array, graph: WireField, byOutput: Map<string, ZipMapInfo>): { graph: Uint8Array; replaced: number } {
  const parts: Uint8Array[] = [];
  let replaced = 0;
  for (const f of scanFields(bytes, graph.valueStart, graph.end)) {
    const raw = bytes.subarray(f.start, f.end);
    const payload = bytes.subarray(f.valueStart, f.end);
    // ZipMap nodes are small; large nodes (tree ensembles) are not decoded a second time
    if (f.field === NODE && f.wire === 2 && payload.length < MAX_ZIPMAP_BYTES) {
      const node = onnx.NodeProto.decode(payload);
      const zip = opName(node) === 'ai.onnx.ml.ZipMap' ? byOutput.get(String(node.output?.[0])) : undefined;
      if (zip) replaced++;
      parts.push(zip ? lengthField(NODE, identityNode(node, zip)) : raw);
    } else if ((f.field === OUTPUT || f.field === VALUE_INFO) && f.wire === 2) {
      const info = onnx.ValueInfoProto.decode(payload);
      const zip = byOutput.get(String(info.name));
      if (!zip) parts.push(raw);
      else if (f.field === OUTPUT) parts.push(lengthField(OUTPUT, probabilityOutput(zip)));
      // a value_info entry for a ZipMap output would contradict the new tensor type: dropped
    } else {
      parts.push(raw);
    }
  }
  return { graph: concatBytes(parts), replaced };
}

function identityNode(zipMap: NodeProto, zip: ZipMapInfo): Uint8Array {
  const name = `${zipMap.name || zip.output}_zipmap_removed_by_einblick`;
  return onnx.NodeProto.encode({ input: [zip.input], output: [zip.output], name, opType: 'Identity', domain: '' }).finish();
}

function probabilityOutput(zip: ZipMapInfo): Uint8Array {
  const width = zip.classLabels.length;
  const dims = width > 0 ? [{}, { dimValue: width }] : [{}, {}];
  return onnx.ValueInfoProto.encode({ name: zip.output, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: dims } } } }).finish();
}

function hasDefaultOpset(model: ModelProto): boolean {
  return (model.opsetImport ?? []).some((o) => !o.domain || o.domain === 'ai.onnx');
}

/** An opset of the default domain that an IR version allows (Identity exists in all of them). */
function defaultOpsetFor(irVersion: number): number {
  const table: Record<number, number> = { 3: 8, 4: 9, 5: 11, 6: 13, 7: 15, 8: 18 };
  if (irVersion <= 3) return 8;
  return table[irVersion] ?? 19;
}
