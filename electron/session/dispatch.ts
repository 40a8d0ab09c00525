// The single entry point for calls from any transport: checks the method name, validates the input against the
// contract, runs the handler, and always answers with an ApiResponse (never a thrown error across the boundary).
import { apiContract, isApiMethod, type ApiHandlers, type ApiMethod } from '../../shared/api/contract';
import { AppError, toErrorShape, type ApiResponse } from '../../shared/api/errors';
import { parseOrThrow } from '../../shared/domain/validation';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResponse<unknown>>;

export function createDispatcher(handlers: ApiHandlers, onError: (error: unknown) => void = () => {}): Dispatch {
  return async (method, input) => {
    try {
      if (!isApiMethod(method)) throw new AppError('not-found', `There is no call named "${String(method).slice(0, 60)}".`);
      const parsed = parseOrThrow(apiContract[method].input, input ?? {});
      const handler = handlers[method] as (value: unknown) => unknown;
      const value = await handler(parsed);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (!(error instanceof AppError)) onError(error);
      return { ok: false, error: toErrorShape(error) };
    }
  };
}

export type { ApiMethod };
