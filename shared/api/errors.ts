// The API's answer shape over every transport; domain errors themselves live in shared/domain/errors.ts.
import type { AppErrorShape } from '../domain/errors';

export * from '../domain/errors';

/** The answer every call returns over any transport. */
export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
