// A box's folders as an editable spreadsheet: arrows move, typing edits, Enter and Tab save and move on, Escape
// cancels, a paste from Excel fills many rows at once, and the empty last row adds a folder. Every refused edit is
// explained next to its cell and the cell keeps its old value.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ScheduleItemWithUse } from '../../../shared/api/contract';
import type { Box, Folder } from '../../../shared/domain/types';
import { useHistoryActions } from '../app/history-context';
import { errorText } from '../ui/error-message';
import { plural } from '../ui/format';
import { useToast } from '../ui/toasts';
import { useDialogs } from '../ui/dialogs';
import { api } from '../api/client';
import { cutMatching, forgetCut, rememberCut } from './folder-moves';
import { BoxDropTargets, FOLDER_DRAG_TYPE } from './box-drop-targets';
import { folderGridColumns, planPaste, TITLE_COLUMN } from './folder-grid-columns';
import { FolderGridRow, cellId } from './folder-grid-row';
import { useFolderGridEditing } from './use-folder-grid-editing';
import { GRID_LIMIT, useFolderRows } from './use-folder-rows';
import { parseTsv } from './tsv';
import { gridKeyCommand } from './grid-keys';
import { RequestBackDialog } from '../retrievals/request-back-dialog';

interface FolderGridProps {
  box: Box;
  scheduleItems: ScheduleItemWithUse[];
  /** A folder to select when the grid opens (coming from a search result). */
  selectFolderId?: number;
}

export function FolderGrid({ box, scheduleItems, selectFolderId }: FolderGridProps) {
  const gridId = useId();
  const rows = useFolderRows(box.id);
  const folders = rows.folders;
  // A sent box's folders are what was signed for: they can be looked at and copied, never edited here.
  const readOnly = box.lockedReason !== null;
  const rowCount = readOnly ? Math.max(folders.length, 1) : folders.length + 1;
  const history = useHistoryActions();
  const toast = useToast();
  const dialogs = useDialogs();
  const table = useRef<HTMLTableElement>(null);
  const [focusWithin, setFocusWithin] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [requesting, setRequesting] = useState<number[] | null>(null);
  const grid = useFolderGridEditing({ gridId, rows, scheduleItems });
  const { active, anchor, editing, moveTo, click, startEditAt, toggle } = grid;

  // Keep the active cell inside the grid when rows go away (a delete, an undo).
  useEffect(() => {
    if (active.row > rowCount - 1) moveTo(rowCount - 1, active.col, false);
  }, [active.row, active.col, rowCount, moveTo]);

  // The active cell holds the keyboard focus while the grid has it. Not while a mouse button is down: moving the
  // focus under a pressed button would cancel a drag (moving folders by dragging their number); it follows on release.
  const pressing = useRef(false);
  const [released, setReleased] = useState(0);
  useLayoutEffect(() => {
    if (!focusWithin || editing || pressing.current) return;
    const cell = document.getElementById(cellId(gridId, active.row, active.col));
    if (cell && document.activeElement !== cell) cell.focus();
  }, [active, editing, focusWithin, gridId, folders.length, released]);
  useEffect(() => {
    // Anywhere: the button may be released outside the grid, or the drag end on a box.
    const release = () => {
      if (!pressing.current) return;
      pressing.current = false;
      setReleased((count) => count + 1);
    };
    window.addEventListener('mouseup', release);
    window.addEventListener('dragend', release);
    return () => {
      window.removeEventListener('mouseup', release);
      window.removeEventListener('dragend', release);
    };
  }, []);

  // Coming from a search result: select that folder once the rows are here.
  const selected = useRef(false);
  useEffect(() => {
    if (selected.current || !selectFolderId || folders.length === 0) return;
    selected.current = true;
    const index = folders.findIndex((folder) => folder.id === selectFolderId);
    if (index < 0) return;
    moveTo(index, TITLE_COLUMN, false);
    requestAnimationFrame(() => {
      const cell = document.getElementById(cellId(gridId, index, TITLE_COLUMN));
      cell?.scrollIntoView({ block: 'center' });
      cell?.focus();
    });
  }, [folders, selectFolderId, gridId, moveTo]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    const situation = grid.situation();
    const command = gridKeyCommand(
      { key: event.key, shiftKey: event.shiftKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey },
      situation,
    );
    if (command.type === 'none') return;
    if (readOnly && command.type !== 'move') return;
    event.preventDefault();
    grid.run(command);
  };

  const onPaste = async (event: React.ClipboardEvent) => {
    if (grid.isEditing()) return; // the cell editor takes it as text
    event.preventDefault();
    const moving = cutMatching(event.clipboardData.getData('text/plain'));
    if (moving && moving.fromBoxId !== box.id) {
      await moveTo_(moving.folderIds, box.id, box.label);
      forgetCut();
      return;
    }
    if (readOnly) {
      setNotice({ kind: 'error', text: `Nothing was pasted: this box was ${box.lockedReason}, and its folders cannot be changed.` });
      return;
    }
    const plan = planPaste({
      boxId: box.id,
      startRow: active.row,
      activeColumn: active.col,
      rows: parseTsv(event.clipboardData.getData('text/plain')),
    });
    if (plan.kind === 'refused') {
      setNotice({ kind: 'error', text: plan.message });
      return;
    }
    setNotice(null);
    const result = await rows.paste(plan.request);
    if (!result.ok) setNotice({ kind: 'error', text: errorText(result.error) });
    else
      setNotice({
        kind: 'done',
        text: `Pasted ${plural(result.created + result.updated, 'row', 'rows')}: ${plural(result.created, 'new folder', 'new folders')}, ${plural(result.updated, 'folder', 'folders')} updated.`,
      });
  };

  /** Cut (Ctrl+X): the selected folders wait to be pasted into another box, which moves them there. */
  const onCut = (event: React.ClipboardEvent) => {
    if (grid.isEditing() || readOnly || selectedRows.length === 0) return;
    event.preventDefault();
    const text = selectedRows.map((folder) => [folder.position, folder.title, folder.fileCode].join('\t')).join('\n');
    event.clipboardData.setData('text/plain', text);
    rememberCut({ folderIds: selectedRows.map((folder) => folder.id), fromBoxId: box.id, fromLabel: box.label, text });
    setNotice({ kind: 'done', text: `Cut ${plural(selectedRows.length, 'folder', 'folders')}: open another box and paste (Ctrl+V) to move ${selectedRows.length === 1 ? 'it' : 'them'} there.` });
  };

  const moveTo_ = async (folderIds: number[], toBoxId: number, toLabel: string) => {
    try {
      const done = await api['folders.move']({ folderIds, toBoxId });
      rows.reload();
      setNotice(null);
      toast({
        message: `Moved ${plural(done.moved, 'folder', 'folders')} to box ${done.toBoxLabel}`,
        action: { label: 'Undo', accessibleName: 'Undo the move', run: () => void history.undo() },
      });
    } catch (failure) {
      setNotice({ kind: 'error', text: `Nothing was moved to box ${toLabel}: ${errorText(failure)}` });
    }
  };

  const moveSelected = async () => {
    const targets = selectedRows;
    if (targets.length === 0) return;
    const label = await dialogs.prompt({
      title: `Move ${plural(targets.length, 'folder', 'folders')}`,
      message: 'They go to the end of the box you name, in their order. You can undo the move.',
      label: 'To box (its label)',
      confirmLabel: 'Move',
    });
    if (label === null || label.trim() === '') return;
    const found = (await api['boxes.list']({ filter: { query: label.trim() }, offset: 0, limit: 50 })).rows;
    const exact = found.filter((each) => each.label.toLowerCase() === label.trim().toLowerCase());
    if (exact.length !== 1) {
      setNotice({ kind: 'error', text: exact.length === 0 ? `There is no box labelled “${label.trim()}”. Nothing was moved.` : `${exact.length} boxes are labelled “${label.trim()}”: move from the box list instead. Nothing was moved.` });
      return;
    }
    await moveTo_(targets.map((folder) => folder.id), exact[0].id, exact[0].label);
  };

  /** The event a retention clock waits for (a permit closed, superseded): for sent folders, an amendment too. */
  const setEventDate = async () => {
    const targets = selectedRows.length > 0 ? selectedRows : folders;
    if (targets.length === 0) return;
    const date = await dialogs.prompt({
      title: `Event date for ${plural(targets.length, 'folder', 'folders')}`,
      message: readOnly
        ? 'These folders were sent: the date is recorded as an amendment the records center receives with the transfer’s amendments file.'
        : 'The date the event their retention waits for happened (a case closed, a permit expired, superseded). Their disposition dates follow.',
      label: 'Event date (2024-05-31, 2024-05 or 2024)',
      confirmLabel: 'Record',
    });
    if (date === null) return;
    try {
      const done = await api['folders.setEventDates']({ folderIds: targets.map((folder) => folder.id), eventDate: date.trim() });
      rows.reload();
      const parts = [
        done.updated > 0 ? plural(done.updated, 'folder', 'folders') : '',
        done.amended > 0 ? `${plural(done.amended, 'sent folder', 'sent folders')} with an amendment for ${done.transferNumbers.join(', ')}` : '',
        done.unchanged > 0 ? `${plural(done.unchanged, 'folder', 'folders')} already had it` : '',
      ].filter(Boolean);
      toast({
        message: `Event date ${date.trim() || '(cleared)'}: ${parts.join('; ')}`,
        ...(done.updated + done.amended > 0 ? { action: { label: 'Undo', accessibleName: 'Undo the event date', run: () => void history.undo() } } : {}),
      });
    } catch (failure) {
      setNotice({ kind: 'error', text: `No event date was recorded: ${errorText(failure)}` });
    }
  };

  const onCopy = (event: React.ClipboardEvent) => {
    if (grid.isEditing()) return;
    const text = grid.activeText();
    if (text === null) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', text);
  };

  const selectedRows = (() => {
    const from = Math.min(anchor, active.row);
    const to = Math.min(Math.max(anchor, active.row), folders.length - 1);
    return folders.slice(from, to + 1);
  })();

  const deleteSelected = async () => {
    const targets = selectedRows;
    if (targets.length === 0) return;
    const outcome = await rows.remove(targets.map((folder) => folder.id));
    if (!outcome.ok) {
      setNotice({ kind: 'error', text: errorText(outcome.error) });
      return;
    }
    moveTo(Math.min(active.row, anchor), active.col, false);
    toast({
      message: targets.length === 1 ? `Folder “${targets[0].title}” deleted` : `${plural(targets.length, 'folder', 'folders')} deleted`,
      action: { label: 'Undo', accessibleName: 'Undo delete', run: () => void history.undo() },
    });
  };

  const addFolder = () => {
    setFocusWithin(true);
    moveTo(folders.length, TITLE_COLUMN, false);
    startEditAt(folders.length, TITLE_COLUMN, '');
  };

  // Dragging by the number cell takes the selected folders when the row is one of them, else that row alone.
  const dragState = useRef({ folders, from: 0, to: 0 });
  dragState.current = { folders, from: Math.min(anchor, active.row), to: Math.max(anchor, active.row) };
  const onDragRow = useCallback((row: number, data: DataTransfer) => {
    const { folders: all, from, to } = dragState.current;
    const picked = row >= from && row <= to ? all.slice(from, to + 1) : all.slice(row, row + 1);
    data.setData(FOLDER_DRAG_TYPE, JSON.stringify(picked.map((folder) => folder.id)));
    data.setData('text/plain', picked.map((folder) => folder.title).join('\n'));
    data.effectAllowed = 'move';
  }, []);

  const onCellClick = useCallback((row: number, col: number, extend: boolean) => click(row, col, extend), [click]);
  const onCellDoubleClick = useCallback((row: number, col: number) => (readOnly ? undefined : startEditAt(row, col, null)), [startEditAt, readOnly]);
  const onToggle = useCallback((row: number, col: number) => (readOnly ? undefined : void toggle(row, col)), [toggle, readOnly]);
  const itemListId = `${gridId}-items`;
  const selectedFrom = Math.min(anchor, active.row);
  const selectedTo = Math.max(anchor, active.row);

  return (
    <div className="folder-grid-area">
      {readOnly ? (
        <div className="grid-toolbar">
          <p className="hint grid-hint">Read-only: these folders were {box.lockedReason}. You can select and copy them.</p>
          <button type="button" onClick={() => setRequesting(selectedRows.map((folder) => folder.id))} disabled={selectedRows.length === 0}>
            {selectedRows.length > 1 ? `Request back ${selectedRows.length} folders…` : 'Request back folder…'}
          </button>
          <button type="button" onClick={() => void setEventDate()} disabled={folders.length === 0}>
            Record event date…
          </button>
        </div>
      ) : (
        <div className="grid-toolbar">
          <button type="button" className="button-primary" onClick={addFolder}>
            Add folder
          </button>
          <button type="button" onClick={deleteSelected} disabled={selectedRows.length === 0}>
            {selectedRows.length > 1 ? `Delete ${selectedRows.length} folders` : 'Delete folder'}
          </button>
          <button type="button" onClick={() => void moveSelected()} disabled={selectedRows.length === 0}>
            Move to box…
          </button>
          <button type="button" onClick={() => void setEventDate()} disabled={folders.length === 0}>
            Set event date…
          </button>
          <p className="hint grid-hint">
            Type to edit a cell; Enter or Tab saves. Paste rows copied from a spreadsheet, starting at the selected cell. Cut
            folders (Ctrl+X) and paste them into another box to move them.
          </p>
        </div>
      )}
      {readOnly && <FoldersAway box={box} folders={folders} />}
      {requesting && <RequestBackDialog targets={{ boxIds: [], folderIds: requesting }} onClose={() => setRequesting(null)} onRequested={() => rows.reload()} />}
      {notice &&
        (notice.kind === 'error' ? (
          <p role="alert" className="error-message">
            {notice.text}
          </p>
        ) : (
          <p role="status" className="success-message">
            {notice.text}
          </p>
        ))}
      {rows.error ? <p role="alert" className="error-message">{errorText(rows.error)}</p> : null}
      {rows.total > GRID_LIMIT && (
        <p className="hint">
          This box has {plural(rows.total, 'folder', 'folders')}; the grid shows the first {GRID_LIMIT.toLocaleString('en-US')}. Use
          the Folders list on the catalog screen to find the others.
        </p>
      )}
      <div className="folder-grid-scroll">
        <table
          ref={table}
          className="folder-grid"
          role="grid"
          aria-label={`Folders in box ${box.label}`}
          aria-rowcount={rowCount + 1}
          aria-colcount={folderGridColumns.length}
          aria-multiselectable="true"
          aria-readonly={readOnly || undefined}
          aria-busy={rows.loading || undefined}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
          onCut={onCut}
          onMouseDown={() => {
            pressing.current = true;
          }}
          onFocus={() => setFocusWithin(true)}
          onBlur={(event) => {
            if (!table.current?.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
          }}
        >
          <colgroup>
            {folderGridColumns.map((column) => (
              <col key={column.key} style={{ width: `${column.width}rem` }} />
            ))}
          </colgroup>
          <thead>
            <tr role="row" aria-rowindex={1}>
              {folderGridColumns.map((column, col) => (
                <th key={column.key} role="columnheader" aria-colindex={col + 1} scope="col">
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(readOnly ? folders : [...folders, null]).map((folder, rowIndex) => (
              <FolderGridRow
                key={folder ? rows.keyOf(folder) : 'new-row'}
                gridId={gridId}
                folder={folder}
                rowIndex={rowIndex}
                activeCol={active.row === rowIndex ? active.col : null}
                selected={folder !== null && rowIndex >= selectedFrom && rowIndex <= selectedTo}
                editor={active.row === rowIndex ? grid.editor : null}
                error={grid.errorFor(folder)}
                itemListId={itemListId}
                onCellClick={onCellClick}
                onCellDoubleClick={onCellDoubleClick}
                onToggle={onToggle}
                onDragRow={readOnly ? undefined : onDragRow}
              />
            ))}
          </tbody>
        </table>
        <datalist id={itemListId}>
          {scheduleItems.map((item) => (
            <option key={item.id} value={item.itemNumber}>
              {item.title}
            </option>
          ))}
        </datalist>
      </div>
      <p className="hint">{plural(folders.length, 'folder', 'folders')} in this box</p>
      {!readOnly && folders.length > 0 && <BoxDropTargets currentBoxId={box.id} onDropFolders={(ids, target) => void moveTo_(ids, target.id, target.label)} />}
    </div>
  );
}

/** Folders out on loan on their own while their box stays where it is: said above the grid, not only in a cell. */
function FoldersAway({ box, folders }: { box: Box; folders: Folder[] }) {
  const away = folders.filter((folder) => folder.where.status === 'checked-out' && box.where.status !== 'checked-out');
  if (away.length === 0) return null;
  return (
    <ul className="folders-away" aria-label="Folders out of this box" data-folders-away>
      {away.map((folder) => (
        <li key={folder.id} className={folder.where.overdue ? 'where-overdue' : undefined}>
          Folder {folder.position} “{folder.title}”: {folder.where.words}
          {folder.where.overdue && <strong> (overdue)</strong>}
        </li>
      ))}
    </ul>
  );
}
