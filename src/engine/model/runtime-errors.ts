/**
 * What onnxruntime's refusals mean, in words a works council can act on. The runtime's own
 * text (build paths, C++ signatures) never reaches a message or hint: each known refusal
 * becomes MODEL_LOAD_FAILED (the session could not be created) or INFERENCE_FAILED (a run
 * failed) with `params.detail` naming the reason, the values that make it wrong, and the
 * sanitized runtime fragment in `params.runtime` for specialists.
 */
import { EinblickError, type ErrorParams } from '../errors.ts';
import { sanitizeRuntimeText } from './runtime-text.ts';

/** The runtime Einblick runs models with, as named in messages (a test checks it against package.json). */
export const RUNTIME = 'onnxruntime-web 1.30';

/** What the graph says, to name the operator or tree node a runtime message leaves out. */
export interface ModelFacts {
  /** Operators, domain-qualified for other domains than the default one ('ai.onnx.ml.TreeEnsembleClassifier'). */
  ops?: string[];
  /** The first tree node whose mode is not a known one. */
  badNodeMode?: { node: string; mode: string };
}

const TREE_MODES = 'BRANCH_LEQ, BRANCH_LT, BRANCH_GTE, BRANCH_GT, BRANCH_EQ, BRANCH_NEQ, LEAF';
const EXPORT_AGAIN = 'Export the model again from the original with a current converter (skl2onnx, onnxmltools, torch.onnx), or ask whoever built it for a new export.';
const TREE_HINT = `The file was probably changed by hand or by a faulty tool. ${EXPORT_AGAIN}`;
const OPERATORS_HINT = `Export the model with standard ONNX operators only (no custom operators or converter extensions), or ask whoever built it; einblick inspect lists the operators the model uses.`;

type Rule = (m: RegExpExecArray, file: string, facts: ModelFacts) => { detail: string; message: string; hint: string; params?: ErrorParams };

/** Known refusals at session creation: the first rule whose pattern matches the runtime text decides. */
const LOAD_RULES: [RegExp, Rule][] = [
  [/external data|MountedFiles/i, (_m, file) => externalData(file)],
  [/IR version: (\d+), max supported IR version: (\d+)/i, (m, file) => ({
    detail: 'IR_VERSION', params: { version: Number(m[1]), max: Number(m[2]) },
    message: `${file} is written in ONNX file format version (IR version) ${m[1]}; Einblick's runtime (${RUNTIME}) reads versions up to ${m[2]}`,
    hint: `Save the model with IR version ${m[2]} or lower (a converter's target_opset option chooses it), or ask whoever exported it for such a file.`,
  })],
  [/Opset (\d+) is under development[\s\S]*?domain (\S+) is till opset (\d+)/i, (m, file) => ({
    detail: 'OPSET_VERSION', params: { version: Number(m[1]), domain: m[2], max: Number(m[3]) },
    message: `${file} needs version ${m[1]} of the ${domainName(m[2])}; Einblick's runtime (${RUNTIME}) supports versions up to ${m[3]}`,
    hint: `Export the model again with operator set ${m[3]} or lower for ${m[2]} (the converter's target_opset or opset_version option), or ask whoever exported it.`,
  })],
  [/domain_version of (-\d+|0)\b|opset (?:version )?(-\d+|0)\b/i, (m, file) => ({
    detail: 'MODEL_INVALID', params: { version: Number(m[1] ?? m[2]) },
    message: `${file} breaks the rules of the ONNX format: it states the operator set version ${m[1] ?? m[2]}, which does not exist`,
    hint: EXPORT_AGAIN,
  })],
  [/No Op registered for (\S+) with domain_version of (\d+)/i, (m, file, facts) => unknownOperator(file, m[1], domainOf(m[1], facts), Number(m[2]))],
  [/([\w.-]+):([\w.-]+)\(-?\d+\) is not a registered function\/op/i, (m, file) => unknownOperator(file, m[2], m[1], null)],
  [/Could not find an implementation for (\w+)\((\d+)\)/i, (m, file) => ({
    detail: 'OPERATOR_VERSION', params: { operator: m[1], version: Number(m[2]) },
    message: `${file} uses the operator ${m[1]} in version ${m[2]} (with these value types), for which Einblick's runtime (${RUNTIME}) has no implementation`,
    hint: `Export the model again with a current converter and a recent operator set (target_opset), or ask whoever exported it.`,
  })],
  [/node_mode/i, (_m, file, facts) => ({
    detail: 'TREE_NODE_MODE', params: { mode: facts.badNodeMode?.mode ?? '?', node: facts.badNodeMode?.node ?? '', modes: TREE_MODES },
    message: `the tree ensemble ${facts.badNodeMode ? `${facts.badNodeMode.node} ` : ''}in ${file} is damaged: ${facts.badNodeMode ? `the node mode '${facts.badNodeMode.mode}'` : 'a node mode'} is not one of ${TREE_MODES}`,
    hint: TREE_HINT,
  })],
  [/(\w+) and (\w+) must have the same size, got (\d+) and (\d+)/i, (m, file) => ({
    detail: 'TREE_LENGTHS', params: { first: m[1], second: m[2], firstCount: Number(m[3]), secondCount: Number(m[4]) },
    message: `the tree ensemble in ${file} is damaged: its lists ${m[1]} (${m[3]} entries) and ${m[2]} (${m[4]} entries) must be equally long`,
    hint: TREE_HINT,
  })],
  [/n_nodes_|Unable to find node|cannot point to itself/i, (_m, file) => ({
    detail: 'TREE_NODE_MISSING',
    message: `the tree ensemble in ${file} is damaged: a tree refers to a node that does not exist, or a node to itself`,
    hint: TREE_HINT,
  })],
  [/post_eval_transform|post_transform/i, (_m, file) => ({
    detail: 'TREE_POST_TRANSFORM', params: { allowed: 'NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO, PROBIT' },
    message: `the tree ensemble in ${file} is damaged: its post_transform is not one of NONE, LOGISTIC, SOFTMAX, SOFTMAX_ZERO, PROBIT`,
    hint: TREE_HINT,
  })],
  [/tree_ensemble|TreeEnsemble/, (_m, file) => ({ detail: 'TREE_INVALID', message: `the tree ensemble in ${file} is damaged or written in a form the runtime does not accept`, hint: TREE_HINT })],
  [/ShapeInferenceError/, (_m, file, facts) => graphMismatch(file, 'GRAPH_SHAPES', 'sizes', operatorIn(_m.input, facts))],
  [/Type ?Error|TypeInferenceError|type inference failed/i, (_m, file, facts) => graphMismatch(file, 'GRAPH_TYPES', 'types', operatorIn(_m.input, facts))],
  [/invalid model|not acyclic|Duplicate definition|Missing opset|Unrecognized attribute|Required attribute|attribute .* is missing|mismatch in attribute|input size \d+ not in range|output size \d+ not in range|is not a graph input|does not exist in the graph|Protobuf parsing failed|failed to load model|Load model from .* failed|Out of bounds dimensions|buffer size mismatch|narrowing_error|does not match expected size|Deserialize tensor|Invalid tensor data type|was false/i, (_m, file) => ({
    detail: 'MODEL_INVALID',
    message: `${file} breaks the rules of the ONNX format (for example a step reads a value that nothing produces), so the runtime refuses it`,
    hint: EXPORT_AGAIN,
  })],
];

/**
 * The error for a model the runtime refused to start.
 *
 * @example loadFailure("Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /mnt/x/model.cc:203 onnxruntime::Model::Model(ModelProto &&) Unsupported model IR version: 99, max supported IR version: 13", 'm.onnx').params
 * // { file: 'm.onnx', detail: 'IR_VERSION', version: 99, max: 13, engine: 'onnxruntime-web 1.30', runtime: 'Unsupported model IR version: 99, max supported IR version: 13' }
 */
export function loadFailure(raw: string, file: string, facts: ModelFacts = {}): EinblickError {
  const runtime = sanitizeRuntimeText(raw);
  for (const [pattern, rule] of LOAD_RULES) {
    const m = pattern.exec(raw);
    if (!m) continue;
    const r = rule(m, file, facts);
    const said = VAGUE.has(r.detail) ? saying(runtime) : '';
    return new EinblickError('MODEL_LOAD_FAILED', r.message + said, r.hint, { file, detail: r.detail, ...r.params, engine: RUNTIME, runtime });
  }
  return new EinblickError('MODEL_LOAD_FAILED', `Einblick's runtime (${RUNTIME}) could not start the model in ${file}${saying(runtime)}`, `The model may use something this runtime does not support, or the file is damaged. ${EXPORT_AGAIN} einblick inspect lists the model's operators and operator sets.`, { file, engine: RUNTIME, runtime });
}

/** Reasons stated only in general terms: the message adds the runtime's own (sanitized) words, which name the value. */
const VAGUE = new Set(['MODEL_INVALID', 'TREE_INVALID']);

/** '; the runtime says: "..."' with the sanitized runtime text, at most 200 characters; '' without one. */
function saying(runtime: string): string {
  const t = runtime.trim();
  if (!t) return '';
  return `; the runtime says: "${t.length > 200 ? `${t.slice(0, 199)}…` : t}"`;
}

/**
 * A model whose weights are kept in a separate file next to the .onnx file.
 *
 * @example externalData('m.onnx', 'W', 'weights.bin').detail // 'EXTERNAL_DATA'
 */
export function externalData(file: string, tensor?: string, location?: string): { detail: string; message: string; hint: string; params: ErrorParams } {
  const where = location ? ` (${location})` : '';
  return {
    detail: 'EXTERNAL_DATA', params: { tensor, location },
    message: `${file} keeps ${tensor ? `its weights (${tensor})` : 'its weights'} in a separate file${where}; Einblick reads only models saved as one single .onnx file`,
    hint: 'Save the model as one file: in Python, onnx.save_model(model, "model.onnx", save_as_external_data=False) (possible up to 2 GB), or ask whoever exported it for a single-file export.',
  };
}

function unknownOperator(file: string, operator: string, domain: string, version: number | null): ReturnType<Rule> {
  const custom = domain !== '' && domain !== 'ai.onnx' && domain !== 'ai.onnx.ml';
  const qualified = domain === '' || domain === 'ai.onnx' ? operator : `${domain}.${operator}`;
  return {
    detail: 'UNKNOWN_OPERATOR', params: { operator, domain: domain || 'ai.onnx', version: version ?? undefined },
    message: `${file} uses the operator ${qualified}, which Einblick's runtime (${RUNTIME}) does not have${version !== null ? ` in operator set ${version}` : ''}${custom ? `; custom operators (domain ${domain}) are not supported` : ''}`,
    hint: OPERATORS_HINT,
  };
}

function graphMismatch(file: string, detail: string, what: 'sizes' | 'types', operator: string | null): ReturnType<Rule> {
  const step = operator ? `the step ${operator}` : 'one of its steps';
  return {
    detail, params: { operator: operator ?? undefined },
    message: `the model in ${file} does not fit together: ${step} receives values whose ${what} it cannot work with${what === 'sizes' ? ' (for example, the input width the file states differs from what the weights need)' : ''}`,
    hint: `The model file is inconsistent. ${EXPORT_AGAIN} If its input ${what === 'sizes' ? 'shapes' : 'types'} were edited by hand, undo that.`,
  };
}

/** The operator a runtime message names ("Op (MatMul)", "operator (Add)", "Optype (Add)"), if it is one of the model's. */
function operatorIn(raw: string, facts: ModelFacts): string | null {
  const m = /(?:Op|operator|Optype)\s*\((\w+)\)/.exec(raw);
  if (!m) return null;
  return !facts.ops || facts.ops.some((o) => o === m[1] || o.endsWith(`.${m[1]}`)) ? m[1] : null;
}

function domainOf(operator: string, facts: ModelFacts): string {
  const qualified = facts.ops?.find((o) => o.endsWith(`.${operator}`) && o !== operator);
  return qualified ? qualified.slice(0, -operator.length - 1) : '';
}

function domainName(domain: string): string {
  if (domain === 'ai.onnx' || domain === '') return 'standard ONNX operators (ai.onnx)';
  if (domain === 'ai.onnx.ml') return 'ONNX machine-learning operators (ai.onnx.ml)';
  return `operators of the domain ${domain}`;
}
