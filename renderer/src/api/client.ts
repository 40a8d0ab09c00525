// The renderer's one way to the Node side. The transport is chosen once: Electron's preload bridge when present,
// otherwise the web shell over HTTP.
import { BRIDGE_GLOBAL, type ApiBridge } from '../../../shared/api/bridge';
import type { ApiClient, ApiMethod } from '../../../shared/api/contract';
import { beginWork } from './busy';
import { bridgeCall, createApiClient, httpCall, takeToken, type RawCall } from './transport';

export { ApiCallError } from './transport';

type ChangeListener = (method: ApiMethod) => void;
const changeListeners = new Set<ChangeListener>();

/** The web shell's per-run token (null in the desktop window, which needs none). */
export let webToken: string | null = null;

function chooseTransport(): RawCall {
  const bridge = (window as unknown as Record<string, ApiBridge | undefined>)[BRIDGE_GLOBAL];
  if (bridge) return bridgeCall(bridge);
  let storage: Storage | null = null;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = null;
  }
  webToken = takeToken(window.location.href, storage, window.history);
  return httpCall((url, init) => window.fetch(url, init), webToken);
}

const transport = chooseTransport();
const afterChange = (method: ApiMethod) => {
  for (const listener of changeListeners) listener(method);
};

/** Every call a screen makes: counted as outstanding work while in flight. */
export const api: ApiClient = createApiClient(transport, { begin: beginWork, afterChange });

/** For background polling (status, job progress): not counted, so polling never flips the app to "loading". */
export const quietApi: ApiClient = createApiClient(transport, { afterChange });

/** Runs after any call that may have changed the catalog (the shell refreshes its status then). */
export function onCatalogChange(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => {
    changeListeners.delete(listener);
  };
}
