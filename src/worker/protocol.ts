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
import type { DataSummary, ModelSummary, MappingCheck, PredictResult } from '../engine/session.ts';

export const PROTOCOL_VERSION = 1;

const bytes = z.instanceof(ArrayBuffer);

/** Requests, one member per engine operation. */
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
  }),
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
