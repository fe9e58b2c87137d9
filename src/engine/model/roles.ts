/**
 * What each graph output is (probabilities, label, score, value), read from the node that
 * produces it: a classifier node (TreeEnsembleClassifier, LinearClassifier, SVMClassifier)
 * reached through pass-through nodes (Identity, Cast, Normalizer, ZipMap, Reshape...) names
 * its label and probability outputs and their class labels; a Sigmoid or Softmax makes
 * probabilities. Otherwise the element type and the output's name decide.
 */
import { attrInts, attrString, attrStrings, opName, type ModelProto, type NodeProto } from './onnx-proto.ts';
import type { OutputElementType, OutputSpec } from './types.ts';

/** The role of an output as read from the graph, with class labels when a classifier names them. */
export interface TracedRole {
  role: OutputSpec['role'];
  classLabels?: (string | number)[];
  /** The classifier node type found upstream, e.g. 'ai.onnx.ml.TreeEnsembleClassifier'. */
  source?: string;
  /** The classifier's post_transform (NONE means scores need not be probabilities). */
  postTransform?: string;
}

const PASS_THROUGH = new Set([
  'Identity', 'Cast', 'Reshape', 'Flatten', 'Squeeze', 'Unsqueeze',
  'ai.onnx.ml.Normalizer', 'ai.onnx.ml.ZipMap', 'ai.onnx.ml.CastMap',
]);

const CLASSIFIERS = new Set(['ai.onnx.ml.TreeEnsembleClassifier', 'ai.onnx.ml.LinearClassifier', 'ai.onnx.ml.SVMClassifier']);

/**
 * Traces one graph output back to a classifier node.
 *
 * @example traceOutput(model, 'output_probability') // { role: 'probabilities', classLabels: ['Bad', 'Good'], source: 'ai.onnx.ml.TreeEnsembleClassifier', postTransform: 'NONE' }
 */
export function traceOutput(model: ModelProto, output: string): TracedRole | null {
  const producers = producerMap(model);
  let name = output;
  for (let step = 0; step < 50; step++) {
    const p = producers.get(name);
    if (!p) return null;
    const op = opName(p.node);
    if ((op === 'Sigmoid' || op === 'Softmax') && p.index === 0) return { role: 'probabilities', source: op };
    // [1 - p, p] built by hand from a Sigmoid, as in plain logistic or boosted-tree graphs
    if (op === 'Concat' && (p.node.input ?? []).some((i) => reachesSigmoid(producers, String(i), 6))) return { role: 'probabilities', source: 'Sigmoid' };
    if (CLASSIFIERS.has(op)) {
      if (p.index > 1) return null;
      const role = p.index === 0 ? 'label' : 'probabilities';
      return { role, classLabels: classifierLabels(p.node), source: op, postTransform: attrString(p.node, 'post_transform') ?? 'NONE' };
    }
    if (!PASS_THROUGH.has(op) || p.index !== 0 || !p.node.input?.[0]) return null;
    name = String(p.node.input[0]);
  }
  return null;
}

/** True when `name` comes from a Sigmoid through pass-through nodes and Sub (1 - p). */
function reachesSigmoid(producers: Map<string, Producer>, name: string, depth: number): boolean {
  const p = producers.get(name);
  if (!p || depth === 0) return false;
  const op = opName(p.node);
  if (op === 'Sigmoid') return true;
  if (op === 'Sub' || PASS_THROUGH.has(op)) return (p.node.input ?? []).some((i) => reachesSigmoid(producers, String(i), depth - 1));
  return false;
}

/**
 * Class labels of a classifier node, or undefined when it has none.
 *
 * @example classifierLabels(treeEnsembleClassifierNode) // ['Bad', 'Good']
 */
export function classifierLabels(node: NodeProto): (string | number)[] | undefined {
  const strings = attrStrings(node, 'classlabels_strings');
  if (strings && strings.length > 0) return strings;
  const ints = attrInts(node, 'classlabels_int64s') ?? attrInts(node, 'classlabels_ints');
  return ints && ints.length > 0 ? ints : undefined;
}

/**
 * The role of an output that no classifier node explains, from its type and name.
 *
 * @example roleByName('scores', 'float32') // 'score'
 */
export function roleByName(name: string, type: OutputElementType): OutputSpec['role'] {
  const n = name.toLowerCase();
  if (type === 'string' || type === 'int64' || type === 'int32') {
    return /label|class|predict/.test(n) ? 'label' : 'unknown';
  }
  if (type === 'float32' || type === 'float64') {
    if (/prob/.test(n)) return 'probabilities';
    if (/score|decision|anomal|outlier/.test(n)) return 'score';
    return 'value';
  }
  return 'unknown';
}

interface Producer {
  node: NodeProto;
  index: number;
}

function producerMap(model: ModelProto): Map<string, Producer> {
  const map = new Map<string, Producer>();
  for (const node of model.graph?.node ?? []) {
    (node.output ?? []).forEach((out, index) => {
      if (out) map.set(String(out), { node, index });
    });
  }
  return map;
}
