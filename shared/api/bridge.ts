// What a transport hands the renderer: one named method per call, each answering an ApiResponse.
// Electron's preload exposes it as window.transmittal; the web shell's client builds the same shape over HTTP.
import type { ApiInput, ApiMethod, ApiResult } from './contract';
import type { ApiResponse } from './errors';

export type ApiBridge = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResponse<ApiResult<M>>> };

export const BRIDGE_GLOBAL = 'transmittal';
/** The web shell's header carrying the per-run secret token. */
export const TOKEN_HEADER = 'x-transmittal-token';

/** The desktop window's file bridge: the path of a file the person chose or dropped (Electron's webUtils). */
export interface FileBridge {
  pathForFile(file: unknown): string;
}
export const FILE_BRIDGE_GLOBAL = 'transmittalFiles';
