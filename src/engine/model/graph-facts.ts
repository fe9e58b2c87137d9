/**
 * Facts read from the decoded graph that explain why the runtime would refuse a model, so that
 * the message can name them: tensors whose data lives in a separate file (external data), and
 * tree nodes with a mode the runtime does not know.
 */
import { attrStrings, opName, type GraphProto, type ModelProto, type NodeProto, type TensorProto } from './onnx-proto.ts';
import type { ModelFacts } from './runtime-errors.ts';

/** TensorProto.DataLocation.EXTERNAL */
const EXTERNAL = 1;
/** Subgraphs nest (If, Loop, Scan); deeper than this is not searched. */
const MAX_DEPTH = 32;
const TREE_MODES = new Set(['BRANCH_LEQ', 'BRANCH_LT', 'BRANCH_GTE', 'BRANCH_GT', 'BRANCH_EQ', 'BRANCH_NEQ', 'LEAF']);

/**
 * The first tensor whose data is kept in a separate file, with that file's name, or null.
 *
 * @example findExternalTensor(model) // { tensor: 'W', location: 'weights.bin' }
 */
export function findExternalTensor(model: ModelProto): { tensor: string; location?: string } | null {
  const graphs: { g: GraphProto; depth: number }[] = model.graph ? [{ g: model.graph, depth: 0 }] : [];
  const functionNodes = (model.functions ?? []).flatMap((f) => f.node ?? []);
  const fromFunctions = nodesExternal(functionNodes, graphs, 1);
  if (fromFunctions) return fromFunctions;
  while (graphs.length > 0) {
    const { g, depth } = graphs.pop()!;
    const tensors: (TensorProto | null | undefined)[] = [...(g.initializer ?? []), ...(g.sparseInitializer ?? []).flatMap((s) => [s.values, s.indices])];
    const found = tensors.map(external).find((x) => x !== null) ?? nodesExternal(g.node ?? [], graphs, depth + 1);
    if (found) return found;
  }
  return null;
}

/** External tensors in node attributes; queues the nodes' subgraphs. */
function nodesExternal(nodes: NodeProto[], graphs: { g: GraphProto; depth: number }[], depth: number): { tensor: string; location?: string } | null {
  for (const node of nodes) {
    for (const a of node.attribute ?? []) {
      const tensors = [a.t, ...(a.tensors ?? []), a.sparseTensor?.values, a.sparseTensor?.indices, ...(a.sparseTensors ?? []).flatMap((s) => [s.values, s.indices])];
      const found = tensors.map(external).find((x) => x !== null);
      if (found) return found;
      if (depth < MAX_DEPTH) for (const g of [a.g, ...(a.graphs ?? [])]) if (g) graphs.push({ g, depth });
    }
  }
  return null;
}

function external(t: TensorProto | null | undefined): { tensor: string; location?: string } | null {
  if (!t) return null;
  const entries = t.externalData ?? [];
  if (t.dataLocation !== EXTERNAL && entries.length === 0) return null;
  const location = entries.find((e) => e.key === 'location')?.value ?? undefined;
  // names from a damaged file can be long: messages show their start
  return { tensor: String(t.name ?? '').slice(0, 80), location: location ? String(location).slice(0, 120) : undefined };
}

/**
 * What the graph tells about a runtime refusal: its operators, and the first tree node whose
 * mode is not one the runtime knows.
 *
 * @example modelFacts(model).badNodeMode // { node: 'TreeEnsembleClassifier', mode: 'FOO' }
 */
export function modelFacts(model: ModelProto): ModelFacts {
  const nodes = model.graph?.node ?? [];
  const facts: ModelFacts = { ops: [...new Set(nodes.map(opName))] };
  for (const node of nodes) {
    if (!/^ai\.onnx\.ml\.TreeEnsemble(Classifier|Regressor)$/.test(opName(node))) continue;
    const mode = (attrStrings(node, 'nodes_modes') ?? []).find((m) => !TREE_MODES.has(m));
    if (mode !== undefined) {
      facts.badNodeMode = { node: String(node.name || node.opType), mode: mode.slice(0, 40) };
      break;
    }
  }
  return facts;
}
