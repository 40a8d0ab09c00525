// Rows of a very long list fetched a page at a time, only where the person is looking: 100,000 boxes or a million
// folders never come over the wire at once. The first page of a new query also tells the total, which sizes the
// scroll area; older pages stay on screen until the new answer arrives, so filtering does not flash.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../../shared/api/contract';

export const PAGE_SIZE = 200;

export interface PagedRows<T> {
  /** Null until the first page of the current query has arrived. */
  total: number | null;
  rowAt(index: number): T | undefined;
  /** Fetches whatever pages cover rows start..end (inclusive) that are not loaded or loading. */
  ensureRange(start: number, end: number): void;
  error: unknown;
  /** Bumped whenever rows arrive, so views re-render. */
  version: number;
}

export function usePagedRows<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  queryKey: string,
): PagedRows<T> {
  const pages = useRef(new Map<number, T[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const resetting = useRef(true);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const current = ++generation.current;
    resetting.current = true;
    inFlight.current.clear();
    fetchRef.current(0, PAGE_SIZE).then(
      (page) => {
        if (current !== generation.current) return;
        pages.current = new Map([[0, page.rows]]);
        resetting.current = false;
        setTotal(page.total);
        setError(null);
        setVersion((count) => count + 1);
      },
      (failure: unknown) => {
        if (current !== generation.current) return;
        resetting.current = false;
        setError(failure);
      },
    );
  }, [queryKey]);

  const ensureRange = useCallback((start: number, end: number) => {
    if (resetting.current) return;
    const current = generation.current;
    for (let pageIndex = Math.floor(Math.max(0, start) / PAGE_SIZE); pageIndex <= Math.floor(end / PAGE_SIZE); pageIndex++) {
      if (pages.current.has(pageIndex) || inFlight.current.has(pageIndex)) continue;
      inFlight.current.add(pageIndex);
      fetchRef.current(pageIndex * PAGE_SIZE, PAGE_SIZE).then(
        (page) => {
          if (current !== generation.current) return;
          inFlight.current.delete(pageIndex);
          pages.current.set(pageIndex, page.rows);
          setTotal(page.total);
          setVersion((count) => count + 1);
        },
        (failure: unknown) => {
          if (current !== generation.current) return;
          inFlight.current.delete(pageIndex);
          setError(failure);
        },
      );
    }
  }, []);

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  return { total, rowAt, ensureRange, error, version };
}
