// The one API contract: every call the UI can make, its input schema (checked where it enters the Node side), its
// result type, and what it does (reads or changes, for which roles). One file per feature; this one joins them.
// Electron IPC and the web shell are two transports of this map.
import type { z } from 'zod';
import type { CallTag } from './contract-kit';
import { catalogContract } from './contract-catalog';
import { centerContract } from './contract-center';
import { exchangeContract } from './contract-exchange';
import { importContract } from './contract-import';
import { profilesContract } from './contract-profiles';
import { retrievalContract } from './contract-retrieval';
import { dispositionContract } from './contract-disposition';
import { scheduleContract } from './contract-schedule';
import { sessionContract } from './contract-session';
import { transferContract } from './contract-transfers';

export * from './contract-catalog';
export * from './contract-exchange';
export * from './contract-schedule';
export * from './contract-session';
export type { CallTag, Role } from './contract-kit';

export const apiContract = {
  ...sessionContract,
  ...catalogContract,
  ...scheduleContract,
  ...profilesContract,
  ...transferContract,
  ...importContract,
  ...exchangeContract,
  ...centerContract,
  ...retrievalContract,
  ...dispositionContract,
} as const satisfies Record<string, CallTag & { input: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiResult<M extends ApiMethod> = ApiContract[M]['result'];

/** What the renderer calls: one named method per call. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<M>> };
/** What the Node side implements: one handler per call, receiving validated input. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiResult<M>> | ApiResult<M> };

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name);
}
