/**
 * What the tracer knows about each tensor of a graph.
 *
 * features: every element of a row is a known function of one model input value (Feature);
 * exprs: every element is an expression of an estimator's basis (tree targets or linear inputs);
 * constant: an initializer or Constant node; unknown: with the reason why tracing stopped.
 */
import type { NodeProto } from '../onnx-proto.ts';
import type { Constant } from './graph.ts';
import type { ColumnExpr } from './symbolic.ts';
import type { Feature, TreeEnsemble } from './types.ts';

export interface FeatureState {
  kind: 'features';
  elem: string;
  rowShape: number[];
  cols: Feature[];
}

/** The estimator whose raw outputs (trees) or inputs (linear) the expressions combine. */
export type Basis =
  | { type: 'trees'; node: string; ensemble: TreeEnsemble; inputs: Feature[]; precision: 'float' | 'double' }
  | { type: 'linear'; node: string; inputs: Feature[]; precision: 'float' | 'double' };

export interface ExprState {
  kind: 'exprs';
  rowShape: number[];
  cols: ColumnExpr[];
  basis: Basis;
}

export interface ConstState {
  kind: 'constant';
  c: Constant;
}

export interface UnknownState {
  kind: 'unknown';
  reason: string;
}

export type State = FeatureState | ExprState | ConstState | UnknownState;

export interface TraceContext {
  constants: Map<string, Constant>;
  opsets: Record<string, number>;
}

/** An operator's effect: input states (undefined for an omitted optional input) -> output states. */
export type Handler = (node: NodeProto, inputs: (State | undefined)[], ctx: TraceContext) => State[];

export function unknown(reason: string): UnknownState {
  return { kind: 'unknown', reason };
}

/** Fills every output of a node with the same state. */
export function allOutputs(node: NodeProto, s: State): State[] {
  return (node.output ?? []).map(() => s);
}
