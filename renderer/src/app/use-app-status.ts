// The open catalog, its save state and what Undo would undo: loaded once, polled quietly, and refreshed right after
// anything changes the catalog so the status bar never lags behind an edit.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppStatus } from '../../../shared/api/contract';
import { api, onCatalogChange, quietApi } from '../api/client';

const POLL_MS = 1500;

export interface AppStatusState {
  status: AppStatus | null;
  error: unknown;
  /** Reloads now, counted as outstanding work (so the app reads "loading" until it lands). */
  refresh: () => Promise<void>;
}

export function useAppStatus(): AppStatusState {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Answers can cross on the wire; only the newest request may set the status.
  const requests = useRef(0);

  const load = useCallback(async (quiet: boolean) => {
    const request = ++requests.current;
    try {
      const next = await (quiet ? quietApi : api)['app.status']({});
      if (request !== requests.current) return;
      setStatus(next);
      setError(null);
    } catch (failure) {
      if (request !== requests.current) return;
      setError(failure);
    }
  }, []);

  useEffect(() => {
    void load(false);
    const timer = window.setInterval(() => void load(true), POLL_MS);
    const unsubscribe = onCatalogChange(() => void load(false));
    return () => {
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [load]);

  const refresh = useCallback(() => load(false), [load]);
  return { status, error, refresh };
}
