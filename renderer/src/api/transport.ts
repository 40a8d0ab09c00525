// The two ways the renderer reaches the Node side, and the typed client over them. Kept free of browser globals
// (everything is passed in) so unit tests can drive it with fakes.
import { TOKEN_HEADER, type ApiBridge } from '../../../shared/api/bridge';
import { apiContract, apiMethods, type ApiClient, type ApiMethod } from '../../../shared/api/contract';
import { isAppErrorShape, type ApiResponse, type AppErrorShape, type ErrorCode, type ErrorDetails } from '../../../shared/api/errors';

/** A call the Node side refused: carries its code and details so screens can point at the field or row. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiCallError';
    this.code = shape.code;
    this.details = shape.details;
  }
}

export type RawCall = (method: ApiMethod, input: unknown) => Promise<ApiResponse<unknown>>;

export const TOKEN_STORAGE_KEY = 'transmittal.token';

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
export interface AddressHistory {
  replaceState(data: unknown, unused: string, url?: string): void;
}

/**
 * The web shell hands the per-run token in the address (?token=...). Keep it for this tab only (so reloads work)
 * and take it out of the visible address, where it would end up in screenshots, bookmarks and shared links.
 */
export function takeToken(href: string, storage: TokenStorage | null, history: AddressHistory): string | null {
  const url = new URL(href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fromAddress);
    } catch {
      // Storage can be switched off; the token still works until the page is reloaded.
    }
    url.searchParams.delete('token');
    history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
    return fromAddress;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; text(): Promise<string> }>;

function isApiResponse(value: unknown): value is ApiResponse<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as { ok?: unknown; error?: unknown };
  return answer.ok === true ? 'value' in answer : answer.ok === false && isAppErrorShape(answer.error);
}

const unreachable: AppErrorShape = {
  code: 'internal',
  message: 'Transmittal could not reach its server. If you closed it, start it again and reload this page.',
};

/** The web shell's transport: POST /api/<method>, JSON in and out, the token in a header. */
export function httpCall(fetchFn: FetchLike, token: string | null): RawCall {
  return async (method, input) => {
    let response: { status: number; text(): Promise<string> };
    let text: string;
    try {
      response = await fetchFn(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify(input ?? {}),
      });
      text = await response.text();
    } catch {
      return { ok: false, error: unreachable };
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (isApiResponse(parsed)) return parsed;
    } catch {
      // Falls through: a proxy or crash page is not an answer we can show as is.
    }
    return {
      ok: false,
      error: { code: 'internal', message: `Transmittal's server gave an answer it should not have (HTTP ${response.status}). Try again.` },
    };
  };
}

/** Electron's transport: the preload's one method per call. */
export function bridgeCall(bridge: ApiBridge): RawCall {
  return (method, input) => (bridge[method] as (value: unknown) => Promise<ApiResponse<unknown>>)(input ?? {});
}

/** Calls the contract tags as reads: after anything else the shell refreshes its status. */
export function isReadOnlyCall(method: ApiMethod): boolean {
  return apiContract[method].kind === 'reads';
}

export interface ClientHooks {
  /** Called as a call starts; the returned function when it ends. */
  begin?: () => () => void;
  /** Called after any call that may have changed the catalog, whether it succeeded or not. */
  afterChange?: (method: ApiMethod) => void;
}

/** The typed client: resolves with the value, or throws ApiCallError with the Node side's message. */
export function createApiClient(call: RawCall, hooks: ClientHooks = {}): ApiClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of apiMethods) {
    client[method] = async (input: unknown) => {
      const end = hooks.begin?.();
      try {
        const answer = await call(method, input);
        if (!answer.ok) throw new ApiCallError(answer.error);
        return answer.value;
      } finally {
        end?.();
        if (!isReadOnlyCall(method)) hooks.afterChange?.(method);
      }
    };
  }
  return client as ApiClient;
}
