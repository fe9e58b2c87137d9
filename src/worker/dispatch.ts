/**
 * Maps a protocol request to the EngineSession method that serves it. Shared by the worker host
 * and by the in-process client used in Node tests, so both run exactly the same path.
 */
import type { EngineSession, RunOptions } from '../engine/session.ts';
import type { Request, ResultMap } from './protocol.ts';
import { runAudit } from '../engine/audit/run.ts';
import { renderReport } from '../report/report.ts';

export async function dispatch(session: EngineSession, request: Exclude<Request, { kind: 'cancel' }>, opts: RunOptions): Promise<ResultMap[Request['kind']]> {
  switch (request.kind) {
    case 'loadData':
      return session.loadData(new Uint8Array(request.bytes), request.fileName, {
        ...opts,
        delimiter: request.delimiter,
        decimal: request.decimal,
      });
    case 'loadModel':
      return session.loadModel(new Uint8Array(request.bytes), request.fileName);
    case 'checkMapping':
      return session.checkMapping(request.features);
    case 'predict':
      return session.predict(request, opts);
    case 'fairness':
      return session.fairness(request, opts);
    case 'explain':
      return session.explain(request, opts);
    case 'modelCheck':
      return session.modelCheck(request, opts);
    case 'audit': {
      const { results, explainNotes } = await runAudit(session, request.audit, opts);
      const reportHtml = request.report ? renderReport(results, { lang: request.report.lang, created: new Date(request.report.created), explainNotes }) : null;
      return { results, reportHtml };
    }
    case 'columnLevels':
      return session.columnLevels(request.column, request.max);
  }
}

/** The buffers of typed arrays in a result, to transfer instead of copying. */
export function transferablesOf(result: unknown): Transferable[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
      return;
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  visit(result, 0);
  return [...out];
}
