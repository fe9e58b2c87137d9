/**
 * Errors and warnings that cross every boundary (worker, CLI, UI) as plain data.
 *
 * Every failure the engine can foresee is an EinblickError with a stable `code`, an English
 * `message` that names the bad value, and a `hint` that says what to do. The UI maps the code
 * (plus `params`) to German or English text; the CLI prints message and hint on stderr and
 * exits with a non-zero code.
 *
 * @example
 *   throw new EinblickError('MISSING_COLUMN', 'missing column: Age', 'Add a column "Age" to the data or map another column to the model input "Age".', { column: 'Age' });
 */

/** Every error code the engine raises. Add new codes here and to the UI message catalogue. */
export const ERROR_CODES = [
  // files
  'FILE_NOT_FOUND',
  'EMPTY_FILE',
  'UNKNOWN_FORMAT',
  'CSV_RAGGED',
  'CSV_NO_HEADER',
  'ARROW_INVALID',
  'PARQUET_INVALID',
  'TOO_LARGE',
  'READ_FAILED',
  'WRITE_FAILED',
  // model
  'NOT_ONNX',
  'ONNX_TRUNCATED',
  'MODEL_LOAD_FAILED',
  'UNSUPPORTED_SIGNATURE',
  'UNSUPPORTED_OUTPUT',
  'AMBIGUOUS_OUTPUT',
  'UNKNOWN_OUTPUT',
  'INFERENCE_FAILED',
  'FIXED_BATCH',
  // mapping
  'MISSING_COLUMN',
  'UNKNOWN_FEATURE',
  'WRONG_WIDTH',
  'TEXT_FOR_NUMBER',
  'NOT_INTEGER',
  'MISSING_VALUE',
  // explanations
  'EXPLAIN_LIMIT',
  // options and usage
  'INVALID_OPTION',
  'CANCELLED',
  'WORKER_DIED',
  'INTERNAL',
  // model outputs (issue 9)
  'NOT_PROBABILITY',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Values a UI message may use: {column}, {expected}, ... `detail` names the specific reason,
 * whose text in German and English is in src/i18n/error-details.ts.
 */
export type ErrorParams = Record<string, string | number | string[] | undefined>;

/** The plain-data form of an error: what travels through postMessage and into results JSON. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint: string;
  params?: ErrorParams;
}

export class EinblickError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, message: string, hint: string, params: ErrorParams = {}) {
    super(message);
    this.name = 'EinblickError';
    this.code = code;
    this.hint = hint;
    this.params = params;
  }

  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, hint: this.hint, params: this.params };
  }
}

/**
 * Turns anything thrown into ErrorInfo, so that no failure is ever swallowed or shown as "[object Object]".
 *
 * @example toErrorInfo(new Error('boom')) // { code: 'INTERNAL', message: 'boom', hint: '...' }
 */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof EinblickError) return err.toInfo();
  if (isErrorInfo(err)) return err;
  if (err instanceof DOMException && err.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'cancelled', hint: 'The computation was stopped on request.' };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    code: 'INTERNAL',
    message,
    hint: 'This is an unexpected error inside Einblick. Please report it with the files that caused it.',
  };
}

export function isErrorInfo(x: unknown): x is ErrorInfo {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ErrorInfo).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((x as ErrorInfo).code) &&
    typeof (x as ErrorInfo).message === 'string' &&
    typeof (x as ErrorInfo).hint === 'string'
  );
}

/** Throws CANCELLED if the signal is aborted. Call between batches of long work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new EinblickError('CANCELLED', 'cancelled', 'The computation was stopped on request.');
  }
}

/** A non-fatal problem worth showing next to the result (dropped rows, small groups, ...). */
export interface Warning {
  code: string;
  message: string;
  params?: ErrorParams;
}

/** Progress of long work, reported between batches. `total` is null when unknown. */
export interface Progress {
  stage: string;
  done: number;
  total: number | null;
}

export type ProgressFn = (p: Progress) => void;
