/**
 * Traces an ONNX graph forward from its inputs: which model input value each preprocessed
 * value comes from (Scaler, OneHotEncoder, Concat, Cast, Reshape, Identity, arithmetic with
 * constants...), and how each output column follows from an estimator (tree ensemble or affine
 * map) through Sigmoid, Softmax, Sub, Concat... Every tensor ends up with a State; an operator
 * the tracer does not know makes its outputs 'unknown', with the reason.
 */
import type { ModelProto, NodeProto } from '../onnx-proto.ts';
import { graphConstants, graphInputs, opOf, type GraphInput } from './graph.ts';
import { ENCODE_HANDLERS } from './ops-encode.ts';
import { ESTIMATOR_HANDLERS } from './ops-estimators.ts';
import { SCORE_HANDLERS } from './ops-score.ts';
import { SHAPE_HANDLERS } from './ops-shape.ts';
import type { Feature, FeatureStep } from './types.ts';
import { allOutputs, unknown, type Handler, type State, type TraceContext } from './trace-types.ts';

const HANDLERS: Record<string, Handler> = { ...SHAPE_HANDLERS, ...ENCODE_HANDLERS, ...SCORE_HANDLERS, ...ESTIMATOR_HANDLERS };

/** The state of a graph input: one raw-value feature per element of a row. */
function inputState(input: GraphInput, width: number | undefined): State {
  const dims = input.dims;
  if (dims.length === 0 || dims.length > 2) return unknown(`model input ${input.name} has ${dims.length} dimensions`);
  const w = dims.length === 1 ? 1 : dims[1] ?? width;
  if (w === undefined || w === null) return unknown(`the width of model input ${input.name} is not fixed in the file`);
  const steps: FeatureStep[] = input.elem === 'float' ? [{ op: 'round', precision: 'float' }] : [];
  const cols: Feature[] = Array.from({ length: w }, (_, j) => ({
    input: input.name, column: j, kind: 'value', steps, label: w === 1 && dims.length === 2 ? input.name : `${input.name}[${j}]`,
  }));
  return { kind: 'features', elem: input.elem, rowShape: dims.length === 1 ? [] : [w], cols };
}

function runNode(node: NodeProto, states: Map<string, State>, ctx: TraceContext): State[] {
  if ((node.input ?? []).every((name) => name === '' || states.get(name)?.kind === 'constant')) {
    const first = states.get(node.input?.[0] ?? '');
    // Identity and Cast of a constant (e.g. a Reshape shape) keep it a constant
    if (first && (opOf(node) === 'Identity' || opOf(node) === 'Cast')) return allOutputs(node, first);
    return allOutputs(node, unknown(`${node.opType} node ${node.name ?? ''} computes a constant`));
  }
  const inputs = (node.input ?? []).map((name) => (name === '' ? undefined : states.get(name) ?? unknown(`tensor ${name} is not produced before it is used`)));
  const handler = HANDLERS[opOf(node)];
  if (!handler) {
    const why = inputs.find((s) => s?.kind === 'unknown');
    return allOutputs(node, why ?? unknown(`operator ${opOf(node)} is not traced`));
  }
  return handler(node, inputs, ctx);
}

/**
 * The state of every tensor of the graph. `widths` gives the width of matrix inputs whose
 * width the file leaves open.
 *
 * @example traceGraph(model).get('probabilities') // { kind: 'exprs', cols: [...], basis: {...} }
 */
export function traceGraph(model: ModelProto, widths: Record<string, number> = {}): Map<string, State> {
  const graph = model.graph!;
  const constants = graphConstants(graph);
  const opsets: Record<string, number> = {};
  for (const o of model.opsetImport ?? []) opsets[o.domain ?? ''] = Number(o.version);
  const ctx: TraceContext = { constants, opsets };
  const states = new Map<string, State>();
  for (const [name, c] of constants) states.set(name, { kind: 'constant', c });
  for (const input of graphInputs(graph)) states.set(input.name, inputState(input, widths[input.name]));
  for (const node of graph.node ?? []) {
    if (node.opType === 'Constant' && (node.domain ?? '') === '') continue;
    const outs = runNode(node, states, ctx);
    (node.output ?? []).forEach((name, i) => {
      if (name !== '') states.set(name, outs[i] ?? unknown(`output ${i} of ${node.opType} is not traced`));
    });
  }
  return states;
}
