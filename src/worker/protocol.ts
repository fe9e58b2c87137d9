/**
 * The one protocol between the UI and the engine worker, defined as data.
 *
 * Every request carries a protocol version and an id; the worker answers with any number of
 * progress messages and then exactly one result or error for that id. Errors travel as
 * ErrorInfo (code, message, hint), never as thrown objects. Large arrays travel in the
 * transfer list. A `cancel` request aborts the request with the given id between batches.
 *
 * Both ends validate what they receive with the zod schemas below, so a malformed message is
 * a clear error rather than a silent `as` cast.
 */
import { z } from 'zod';
import type { ErrorInfo, Progress } from '../engine/errors.ts';
import type { DataSummary, ModelSummary, MappingCheck, PredictResult, FairnessResultMessage, ColumnLevels } from '../engine/session.ts';
import type { ExplainRun } from '../engine/analyses/explain-run.ts';
import type { AuditResults } from '../engine/audit/run.ts';
import type { ModelCheck } from '../engine/analyses/model-check.ts';
import { auditSchema } from '../engine/audit/schema.ts';

export const PROTOCOL_VERSION = 1;

const bytes = z.instanceof(ArrayBuffer);

const binningSchema = z.union([z.object({ edges: z.array(z.number()) }), z.object({ quantiles: z.number().int().min(2) })]);

/** The fairness choices (FairnessSpec): keys mirror the CLI flags and the audit file. */
export const fairnessSpecSchema = z.object({
  label: z.string().optional(),
  favourable: z.string().optional(),
  protected: z.array(z.string()).min(1),
  intersect: z.array(z.string()).optional(),
  /** A probability for a model; in the score's own units for a score column (the engine checks which). */
  threshold: z.number().optional(),
  topK: z.array(z.string()).optional(),
  bins: z.record(z.string(), binningSchema).optional(),
  reference: z.record(z.string(), z.string()).optional(),
  bootstrap: z.number().int().min(0).optional(),
  seed: z.number().int().optional(),
  minGroupSize: z.union([z.number().int().min(1), z.literal(false)]).optional(),
  curves: z.union([z.boolean(), z.object({ points: z.number().int().min(2).max(1001).optional() })]).optional(),
});

/** The explanation choices (ExplainSpec): keys mirror the CLI flags and the audit file. */
export const explainSpecSchema = z.object({
  rows: z.array(z.number().int().nonnegative()).min(1).optional(),
  backgroundRows: z.array(z.number().int().nonnegative()).min(1).optional(),
  background: z.number().int().min(1).optional(),
  seed: z.number().int().optional(),
  space: z.enum(['logit', 'probability', 'raw']).optional(),
  method: z.enum(['auto', 'tree', 'linear', 'exact', 'permutation', 'kernel']).optional(),
  groups: z.union([z.literal('auto'), z.literal('none'), z.record(z.string(), z.array(z.string()))]).optional(),
  samples: z.number().int().min(1).optional(),
});

/** Requests, one member per engine operation. */
/** Scores from a column of the data instead of a model (a score column or a decision column). */
const scoreSourceSchema = z.union([
  z.object({ scores: z.string(), higherIs: z.enum(['positive', 'negative']).optional() }),
  z.object({ decisions: z.string() }),
]);

export const requestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('loadData'),
    bytes,
    fileName: z.string(),
    delimiter: z.string().optional(),
    decimal: z.enum(['.', ',']).optional(),
  }),
  z.object({ kind: z.literal('loadModel'), bytes, fileName: z.string() }),
  z.object({ kind: z.literal('checkMapping'), features: z.array(z.string()).optional() }),
  z.object({
    kind: z.literal('predict'),
    features: z.array(z.string()).optional(),
    output: z.string().optional(),
    /** The outcome ('COLUMN=VALUE'): its positive value picks the class whose probability is the score. */
    label: z.string().optional(),
    source: scoreSourceSchema.optional(),
    /** For the summary's share at or above it (default 0.5). */
    threshold: z.number().optional(),
  }),
  z.object({
    kind: z.literal('fairness'),
    features: z.array(z.string()).optional(),
    output: z.string().optional(),
    task: z.enum(['classification', 'regression', 'anomaly']).optional(),
    source: scoreSourceSchema.optional(),
    spec: fairnessSpecSchema,
  }),
  z.object({ kind: z.literal('columnLevels'), column: z.string(), max: z.number().int().min(1).optional() }),
  z.object({
    kind: z.literal('explain'),
    features: z.array(z.string()).optional(),
    output: z.string().optional(),
    task: z.enum(['classification', 'regression', 'anomaly']).optional(),
    /** 'COLUMN=VALUE': explains P(VALUE) when the model names that class. */
    label: z.string().optional(),
    /** Data columns to report for the explained rows besides the players (e.g. protected attributes). */
    context: z.array(z.string()).optional(),
    spec: explainSpecSchema,
  }),
  z.object({
    kind: z.literal('modelCheck'),
    features: z.array(z.string()).optional(),
    output: z.string().optional(),
    task: z.enum(['classification', 'regression', 'anomaly']).optional(),
    source: scoreSourceSchema.optional(),
    label: z.string().optional(),
    /** A probability for a model; in the score's units for a score column. */
    threshold: z.number().optional(),
  }),
  z.object({ kind: z.literal('audit'), audit: auditSchema, report: z.object({ lang: z.enum(['de', 'en']), created: z.string() }).optional() }),
  z.object({ kind: z.literal('cancel'), target: z.number().int() }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestKind = Request['kind'];

/** What each request resolves to. */
export interface ResultMap {
  loadData: DataSummary;
  loadModel: ModelSummary;
  checkMapping: MappingCheck;
  predict: PredictResult;
  fairness: FairnessResultMessage;
  explain: ExplainRun;
  audit: { results: AuditResults; reportHtml: string | null };
  modelCheck: ModelCheck;
  columnLevels: ColumnLevels;
  cancel: { cancelled: boolean };
}

export const requestMessageSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  id: z.number().int().nonnegative(),
  request: requestSchema,
});
export type RequestMessage = z.infer<typeof requestMessageSchema>;

const errorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});

const progressSchema = z.object({
  stage: z.string(),
  done: z.number(),
  total: z.number().nullable(),
});

/** Responses: the result payload is checked per request kind by the client (see client.ts). */
export const responseMessageSchema = z.discriminatedUnion('type', [
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.number(), type: z.literal('progress'), progress: progressSchema }),
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.number(), type: z.literal('result'), result: z.unknown() }),
  z.object({ v: z.literal(PROTOCOL_VERSION), id: z.number(), type: z.literal('error'), error: errorInfoSchema }),
]);

export type ResponseMessage =
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'progress'; progress: Progress }
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'result'; result: ResultMap[RequestKind] }
  | { v: typeof PROTOCOL_VERSION; id: number; type: 'error'; error: ErrorInfo };
