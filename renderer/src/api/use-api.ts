// Small hooks for loading data through the API. Every query also reloads when the catalog changes under the
// screen (undo, redo, reload from disk), which the shell announces by bumping the data version.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type DependencyList } from 'react';
import { beginWork } from './busy';

/** Bumped by the shell whenever the catalog changed in a way the open screen did not cause itself. */
export const DataVersionContext = createContext(0);

export function useDataVersion(): number {
  return useContext(DataVersionContext);
}

export interface Query<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the value locally (after a save answered the new record). */
  setValue: (value: T) => void;
}

/** Runs `load` when deps (or the data version) change; answers from older runs are dropped. */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList): Query<T> {
  const dataVersion = useDataVersion();
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const run = useRef(0);

  useEffect(() => {
    const current = ++run.current;
    setLoading(true);
    load().then(
      (result) => {
        if (current !== run.current) return;
        setValue(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (current !== run.current) return;
        setError(failure);
        setLoading(false);
      },
    );
    // `load` is a fresh closure each render; deps say when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, dataVersion, reloads]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { value, error, loading, reload, setValue };
}

/** A value that follows `value` after `delayMs` of quiet (search-as-you-type); the wait counts as outstanding work. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    const end = beginWork();
    const timer = window.setTimeout(() => {
      setSettled(value);
      end();
    }, delayMs);
    return () => {
      window.clearTimeout(timer);
      end();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, delayMs]);
  return settled;
}
