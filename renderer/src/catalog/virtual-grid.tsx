// A read-only list grid that stays smooth at a million rows: only the rows in view exist in the page, pages of rows
// are fetched as they scroll into view, and aria-rowcount/aria-rowindex tell screen readers where they are.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PagedRows } from './use-paged-rows';

export interface ListColumn<T> {
  key: string;
  header: string;
  /** Narrowest the column gets, in rem. */
  min: number;
  /** Share of the spare width it takes (0: always `min` wide). */
  grow: number;
  render: (row: T) => ReactNode;
  /** Plain text for the hover tooltip when a cell is cut short. */
  text?: (row: T) => string;
  align?: 'end';
  /** Shows its whole text on as many lines as it needs (a search result's title): rows then grow to fit. */
  wrap?: boolean;
}

interface VirtualGridProps<T> {
  label: string;
  columns: ListColumn<T>[];
  rows: PagedRows<T>;
  onOpen: (row: T) => void;
  /** Where the list was scrolled to last time (coming back from a box). */
  initialScrollTop?: number;
  onScrollTopChange?: (scrollTop: number) => void;
  /** Changes whenever the query changes: the list goes back to the top. */
  queryKey: string;
  /** Told which row is selected (arrows, Home/End, a click), for actions on it outside the grid. */
  onActiveChange?: (row: T | undefined) => void;
}

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 36;
const PAGE_ROWS = 10;
const FETCH_SETTLE_MS = 50;
const COLUMN_GAP_PX = 10;
const ROW_PADDING_PX = 24;

export function VirtualGrid<T>(props: VirtualGridProps<T>) {
  const { label, columns, rows, onOpen, queryKey } = props;
  const gridId = useId();
  const scrollElement = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const total = rows.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    initialOffset: props.initialScrollTop ?? 0,
  });
  const items = virtualizer.getVirtualItems();
  const wraps = columns.some((column) => column.wrap);
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  // Pages are asked for once the view rests a moment, so flinging through a million rows does not queue up
  // requests for every page flown past.
  useEffect(() => {
    if (items.length === 0) return;
    const timer = window.setTimeout(() => rows.ensureRange(firstIndex, lastIndex), FETCH_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [firstIndex, lastIndex, items.length, rows, rows.version]);

  const firstQuery = useRef(queryKey);
  useEffect(() => {
    if (firstQuery.current === queryKey) return;
    firstQuery.current = queryKey;
    setActive(0);
    scrollElement.current?.scrollTo({ top: 0 });
  }, [queryKey]);

  useEffect(() => {
    if (active >= total && total > 0) setActive(total - 1);
  }, [active, total]);

  const { onActiveChange } = props;
  const activeRow = total > 0 ? rows.rowAt(active) : undefined;
  useEffect(() => onActiveChange?.(activeRow), [activeRow, onActiveChange]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + PAGE_ROWS,
      PageUp: active - PAGE_ROWS,
      Home: 0,
      End: total - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = rows.rowAt(active);
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  const template = columns.map((column) => (column.grow ? `minmax(${column.min}rem, ${column.grow}fr)` : `${column.min}rem`)).join(' ');
  // Narrower than this, the list scrolls sideways with its header rather than squeezing the columns.
  const minWidth = `calc(${columns.reduce((sum, column) => sum + column.min, 0)}rem + ${(columns.length - 1) * COLUMN_GAP_PX + ROW_PADDING_PX}px)`;
  const activeCellId = `${gridId}-r${active}-c0`;
  const activeRendered = items.some((item) => item.index === active);

  return (
    <div
      ref={scrollElement}
      className="vgrid"
      role="grid"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-readonly="true"
      tabIndex={0}
      aria-activedescendant={total > 0 && activeRendered ? activeCellId : undefined}
      onKeyDown={onKeyDown}
      onScroll={(event) => props.onScrollTopChange?.(event.currentTarget.scrollTop)}
    >
      <div className="vgrid-sizer" style={{ height: virtualizer.getTotalSize(), minWidth }}>
        <div role="row" aria-rowindex={1} className="vgrid-row vgrid-head" style={{ gridTemplateColumns: template }}>
          {columns.map((column, index) => (
            <div key={column.key} role="columnheader" aria-colindex={index + 1} className={column.align === 'end' ? 'cell-end' : undefined}>
              {column.header}
            </div>
          ))}
        </div>
        {items.map((item) => {
          const row = rows.rowAt(item.index);
          const isActive = item.index === active;
          return (
            <div
              key={item.key}
              // Wrapping rows are measured once drawn, so the rows below move down to make room.
              ref={wraps ? virtualizer.measureElement : undefined}
              data-index={item.index}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isActive}
              className={`vgrid-row vgrid-body-row${isActive ? ' is-active' : ''}${row ? '' : ' is-loading'}`}
              style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, ...(wraps ? { minHeight: ROW_HEIGHT } : { height: ROW_HEIGHT }) }}
              onClick={() => {
                setActive(item.index);
                if (row) onOpen(row);
              }}
            >
              {columns.map((column, columnIndex) => (
                <div
                  key={column.key}
                  id={`${gridId}-r${item.index}-c${columnIndex}`}
                  role="gridcell"
                  aria-colindex={columnIndex + 1}
                  className={[column.align === 'end' ? 'cell-end' : '', column.wrap ? 'cell-wrap' : ''].filter(Boolean).join(' ') || undefined}
                  title={row && column.text && !column.wrap ? column.text(row) : undefined}
                >
                  {row ? column.render(row) : columnIndex === 0 ? <span className="muted">Loading…</span> : null}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
