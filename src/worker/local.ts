/**
 * The engine in-process behind the same EngineApi as the worker client: used by Node tests so
 * that the protocol's dispatch path is exercised without a browser.
 */
import { EngineSession } from '../engine/session.ts';
import { toErrorInfo } from '../engine/errors.ts';
import { dispatch } from './dispatch.ts';
import { EngineError, type CallOptions, type EngineApi } from './client.ts';
import type { Request, RequestKind, ResultMap } from './protocol.ts';

export class LocalEngine implements EngineApi {
  readonly session = new EngineSession();

  async call<K extends Exclude<RequestKind, 'cancel'>>(request: Extract<Request, { kind: K }>, opts: CallOptions = {}): Promise<ResultMap[K]> {
    try {
      return (await dispatch(this.session, request, opts)) as ResultMap[K];
    } catch (err) {
      throw new EngineError(toErrorInfo(err));
    }
  }

  dispose(): void {}
}
