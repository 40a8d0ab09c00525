// One catalog list (boxes or folders): the count, the virtualized grid, or a teaching empty state.
import { useEffect, type ReactNode } from 'react';
import type { Page } from '../../../shared/api/contract';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { usePagedRows } from './use-paged-rows';
import { VirtualGrid, type ListColumn } from './virtual-grid';

interface PagedListProps<T> {
  label: string;
  noun: [one: string, many: string];
  columns: ListColumn<T>[];
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>;
  queryKey: string;
  filtered: boolean;
  empty: ReactNode;
  onOpen: (row: T) => void;
  onTotal: (total: number | null) => void;
  scrollTop: number;
  onScrollTopChange: (scrollTop: number) => void;
  toolbar: ReactNode;
  onActiveChange?: (row: T | undefined) => void;
}

export function PagedList<T>(props: PagedListProps<T>) {
  const rows = usePagedRows(props.fetchPage, props.queryKey);
  const { onTotal } = props;
  useEffect(() => onTotal(rows.total), [rows.total, onTotal]);

  const counted = rows.total === null ? '' : plural(rows.total, props.noun[0], props.noun[1]);
  const count = rows.total === null ? 'Counting…' : props.filtered ? `${counted} ${rows.total === 1 ? 'matches' : 'match'}` : counted;

  return (
    <>
      <div className="list-bar">
        <p className="list-count" aria-live="polite" data-list-count>
          {count}
        </p>
        {props.toolbar}
      </div>
      <ErrorMessage error={rows.error} />
      {rows.total === 0 ? (
        <div className="empty-state">{props.empty}</div>
      ) : (
        <VirtualGrid
          label={props.label}
          columns={props.columns}
          rows={rows}
          onOpen={props.onOpen}
          queryKey={props.queryKey}
          initialScrollTop={props.scrollTop}
          onScrollTopChange={props.onScrollTopChange}
          onActiveChange={props.onActiveChange}
        />
      )}
    </>
  );
}
