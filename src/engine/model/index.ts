/**
 * The model layer's public surface: load an ONNX model, map and encode data for it, predict.
 *
 * @example
 *   const model = await loadModel(bytes, 'model.onnx');
 *   const mapping = mapColumns(model.signature, loaded.columns);
 *   const p = await predict(model, encodeFeatures(loaded.table, mapping));
 */
export { configureOrt, type OrtOptions } from './ort.ts';
export { loadModel, disposeModel, type LoadedModel } from './load.ts';
export { mapColumns } from './mapping.ts';
export { encodeFeatures, formatNumber } from './encode.ts';
export type { RowSelection } from './arrow-read.ts';
export { predict, evaluate, toLogit, type EvaluateOptions } from './predict.ts';
export { parseOutputOption, resolveScore, type ResolvedScore, type ScoreChoice } from './resolve.ts';
export { predictionsToJson, type PredictionsJson } from './results.ts';
export { DEFAULT_BATCH_SIZE } from './batches.ts';
export type * from './types.ts';
