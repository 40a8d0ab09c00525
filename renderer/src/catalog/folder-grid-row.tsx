// One row of the folder grid: its cells, the editor of the cell being edited, and a refused edit's message next to
// the cell it belongs to.
import { memo } from 'react';
import { media, type Folder } from '../../../shared/domain/types';
import { mediumLabels } from '../ui/format';
import { dispositionText } from './catalog-columns';
import { WhereCell } from '../retrievals/where-now';
import { folderGridColumns, TITLE_COLUMN, type FolderGridColumn, type FolderGridKey } from './folder-grid-columns';

export interface CellEditor {
  text: string;
  onChange: (text: string) => void;
  onBlur: () => void;
}

interface FolderGridRowProps {
  gridId: string;
  /** Null for the empty row at the bottom that adds a folder. */
  folder: Folder | null;
  rowIndex: number;
  activeCol: number | null;
  selected: boolean;
  editor: CellEditor | null;
  error: { col: FolderGridKey; message: string } | null;
  itemListId: string;
  onCellClick: (row: number, col: number, extend: boolean) => void;
  onCellDoubleClick: (row: number, col: number) => void;
  onToggle: (row: number, col: number) => void;
  /** Dragging a row by its number cell (moving folders to another box); absent when the box is read-only. */
  onDragRow?: (row: number, data: DataTransfer) => void;
}

export function cellId(gridId: string, row: number, col: number): string {
  return `${gridId}-r${row}-c${col}`;
}

export const FolderGridRow = memo(function FolderGridRow(props: FolderGridRowProps) {
  const { folder, rowIndex, activeCol, gridId } = props;
  return (
    <tr
      role="row"
      aria-rowindex={rowIndex + 2}
      aria-selected={props.selected}
      className={`${props.selected ? 'is-selected' : ''}${folder ? '' : ' grid-new-row'}${folder && folder.id < 0 ? ' is-pending' : ''}`}
    >
      {folderGridColumns.map((column, col) => {
        const active = activeCol === col;
        const error = props.error?.col === column.key ? props.error.message : null;
        const readOnly = column.kind === 'readonly' || (!folder && col !== TITLE_COLUMN);
        const draggable = col === 0 && folder !== null && props.onDragRow !== undefined;
        return (
          <td
            key={column.key}
            id={cellId(gridId, rowIndex, col)}
            role="gridcell"
            aria-colindex={col + 1}
            aria-readonly={readOnly || undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${cellId(gridId, rowIndex, col)}-error` : undefined}
            tabIndex={active ? 0 : -1}
            className={`grid-cell grid-cell-${column.kind}${active ? ' is-active' : ''}${error ? ' is-invalid' : ''}`}
            // Select on mousedown too: focus arrives before click, and focusing the grid would otherwise move to the
            // previously active cell first and swallow the click.
            onMouseDown={(event) => {
              if (event.button === 0 && !event.shiftKey && !active) props.onCellClick(rowIndex, col, false);
            }}
            onClick={(event) => props.onCellClick(rowIndex, col, event.shiftKey)}
            onDoubleClick={() => props.onCellDoubleClick(rowIndex, col)}
            draggable={draggable || undefined}
            onDragStart={draggable ? (event) => props.onDragRow!(rowIndex, event.dataTransfer) : undefined}
          >
            {active && props.editor ? (
              <Editor column={column} editor={props.editor} itemListId={props.itemListId} />
            ) : (
              <CellView column={column} folder={folder} onToggle={() => props.onToggle(rowIndex, col)} />
            )}
            {error && (
              <div role="alert" id={`${cellId(gridId, rowIndex, col)}-error`} className="cell-error">
                {error}
              </div>
            )}
          </td>
        );
      })}
    </tr>
  );
});

function CellView({ column, folder, onToggle }: { column: FolderGridColumn; folder: Folder | null; onToggle: () => void }) {
  if (!folder) {
    return column.key === 'title' ? <span className="cell-placeholder">Type a title to add a folder</span> : null;
  }
  switch (column.key) {
    case 'confidential':
    case 'legalHold':
      return (
        <span className="cell-check">
          <input
            type="checkbox"
            tabIndex={-1}
            checked={folder[column.key]}
            aria-label={column.header}
            onChange={onToggle}
            onClick={(event) => event.stopPropagation()}
          />
          {column.key === 'legalHold' && folder.legalHold && folder.legalHoldReason && (
            <span className="cell-text muted" title={folder.legalHoldReason}>
              {folder.legalHoldReason}
            </span>
          )}
        </span>
      );
    case 'itemNumber':
      return folder.itemNumber ? (
        <span className="cell-text" title={`${folder.itemNumber} — ${folder.seriesTitle ?? ''}`}>
          {folder.itemNumber} <span className="muted">{folder.seriesTitle}</span>
        </span>
      ) : null;
    case 'medium':
      return <span className="cell-text">{mediumLabels[folder.medium]}</span>;
    case 'disposition':
      return (
        <span className="cell-text" title={dispositionText(folder)}>
          {dispositionText(folder)}
          {folder.dispositionStatus === 'scheduled' && <span className="muted"> scheduled</span>}
        </span>
      );
    case 'where':
      return <WhereCell where={folder.where} />;
    default: {
      const text = String(folder[column.key] ?? '');
      return (
        <span className="cell-text" title={text.length > 24 ? text : undefined}>
          {text}
        </span>
      );
    }
  }
}

function Editor({ column, editor, itemListId }: { column: FolderGridColumn; editor: CellEditor; itemListId: string }) {
  if (column.kind === 'choice') {
    return (
      <select
        autoFocus
        className="cell-editor"
        aria-label={column.header}
        value={editor.text}
        onChange={(event) => editor.onChange(event.target.value)}
        onBlur={editor.onBlur}
      >
        {media.map((medium) => (
          <option key={medium} value={medium}>
            {mediumLabels[medium]}
          </option>
        ))}
      </select>
    );
  }
  return (
    <input
      autoFocus
      className="cell-editor"
      aria-label={column.header}
      value={editor.text}
      list={column.key === 'itemNumber' ? itemListId : undefined}
      placeholder={column.key.endsWith('Date') ? '2019-03-15' : undefined}
      onChange={(event) => editor.onChange(event.target.value)}
      onBlur={editor.onBlur}
      onFocus={(event) => {
        const end = event.currentTarget.value.length;
        event.currentTarget.setSelectionRange(end, end);
      }}
    />
  );
}
