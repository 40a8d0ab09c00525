// The folder grid's state and actions: the active cell, the row selection, the cell being edited, and what happens
// when an edit is saved (or refused). Actions are stable functions reading the latest state from refs, so the
// grid's rows only re-render when something about them changed.
import { useMemo, useRef, useState } from 'react';
import type { ScheduleItemWithUse } from '../../../shared/api/contract';
import { media, type Folder } from '../../../shared/domain/types';
import { useDialogs } from '../ui/dialogs';
import { errorText } from '../ui/error-message';
import { changeFromText, editText, folderGridColumns, TITLE_COLUMN, type FolderGridKey } from './folder-grid-columns';
import { cellId, type CellEditor } from './folder-grid-row';
import type { GridCommand, GridSituation } from './grid-keys';
import type { FolderRows, Outcome } from './use-folder-rows';

const NEW_ROW_KEY = 'new-row';

export interface CellError {
  key: string;
  col: FolderGridKey;
  message: string;
}
interface Position {
  row: number;
  col: number;
}

export function useFolderGridEditing({ gridId, rows, scheduleItems }: { gridId: string; rows: FolderRows; scheduleItems: ScheduleItemWithUse[] }) {
  const [active, setActiveState] = useState<Position>({ row: 0, col: TITLE_COLUMN });
  const [anchor, setAnchor] = useState(0);
  const [editing, setEditing] = useState<{ text: string } | null>(null);
  const [cellError, setCellError] = useState<CellError | null>(null);
  const dialogs = useDialogs();
  const live = useRef({ rows, scheduleItems, dialogs });
  live.current = { rows, scheduleItems, dialogs };
  const activeRef = useRef(active);
  // The edit in progress, as the event handlers must see it (state lags one render behind).
  const editingRef = useRef<{ text: string } | null>(null);

  const actions = useMemo(() => {
    const setActive = (position: Position) => {
      activeRef.current = position;
      setActiveState(position);
    };
    const moveTo = (row: number, col: number, extend: boolean) => {
      setActive({ row, col });
      if (!extend) setAnchor(row);
    };
    const keyOfRow = (row: number) => {
      const folder = live.current.rows.folders[row];
      return folder ? live.current.rows.keyOf(folder) : NEW_ROW_KEY;
    };
    const rowOfKey = (key: string) => {
      const folders = live.current.rows.folders;
      if (key === NEW_ROW_KEY) return folders.length;
      return folders.findIndex((folder) => live.current.rows.keyOf(folder) === key);
    };

    /** After a save: a refusal goes next to its cell (and the cell becomes active again unless another edit began). */
    const settle = (outcome: Outcome, key: string, column: FolderGridKey, col: number) => {
      if (outcome.ok) {
        setCellError((current) => (current && current.key === key && current.col === column ? null : current));
        return;
      }
      setCellError({ key, col: column, message: errorText(outcome.error) });
      const row = rowOfKey(key);
      if (row >= 0 && !editingRef.current) setActive({ row, col });
    };

    const startEditAt = (row: number, col: number, text: string | null) => {
      const folder = live.current.rows.folders[row];
      const column = folderGridColumns[col];
      if (!folder && col !== TITLE_COLUMN) return;
      if (column.kind !== 'text' && column.kind !== 'choice') return;
      let initial = text ?? (folder ? editText(folder, column.key) : '');
      if (column.kind === 'choice') {
        const current = folder?.medium ?? 'paper';
        initial = text === null ? current : (media.find((medium) => medium.startsWith(text.toLowerCase())) ?? current);
      }
      setActive({ row, col });
      editingRef.current = { text: initial };
      setEditing({ text: initial });
      setCellError(null);
    };

    const closeEditor = (refocus: boolean) => {
      editingRef.current = null;
      // Focus the cell before its editor goes, or the keyboard focus would fall back to the page.
      if (refocus) document.getElementById(cellId(gridId, activeRef.current.row, activeRef.current.col))?.focus();
      setEditing(null);
    };

    const applyText = async (at: Position, text: string, next: Position | null) => {
      const { rows: current, scheduleItems: items } = live.current;
      const column = folderGridColumns[at.col];
      const folder = current.folders[at.row];
      if (!folder) {
        if (column.key !== 'title') return;
        if (!text.trim()) {
          if (next) moveTo(next.row, next.col, false);
          return;
        }
        // Enter in the new row goes on to the next new row; Tab stays on the folder just added.
        const enter = next !== null && next.row === at.row && next.col === at.col;
        if (next) moveTo(enter ? at.row + 1 : next.row, next.col, false);
        settle(await current.create(text), NEW_ROW_KEY, 'title', at.col);
        return;
      }
      const key = current.keyOf(folder);
      const change = changeFromText(column.key, text, folder, items);
      if (change.kind === 'refused') {
        setCellError({ key, col: column.key, message: change.message });
        return;
      }
      if (next) moveTo(next.row, next.col, false);
      if (change.kind === 'unchanged') return;
      settle(await current.update(folder.id, change.changes, change.shown), key, column.key, at.col);
    };

    const commit = async (next: Position | null, refocus = true) => {
      const session = editingRef.current;
      if (!session) return;
      const at = activeRef.current;
      closeEditor(refocus);
      await applyText(at, session.text, next);
    };

    const toggle = async (row: number, col: number) => {
      const { rows: current, dialogs: ask } = live.current;
      const folder = current.folders[row];
      const column = folderGridColumns[col];
      if (!folder) return;
      moveTo(row, col, false);
      const key = current.keyOf(folder);
      if (column.key === 'confidential') {
        const confidential = !folder.confidential;
        settle(await current.update(folder.id, { confidential }, { confidential }), key, column.key, col);
      } else if (column.key === 'legalHold' && !folder.legalHold) {
        const reason = await ask.prompt({
          title: 'Put this folder on legal hold',
          message: `Nothing on hold is destroyed, whatever its retention, until the hold is lifted. Folder: “${folder.title}”.`,
          label: 'Reason for the hold (case, audit or records request)',
          confirmLabel: 'Put on hold',
        });
        if (!reason) return;
        const changes = { legalHold: true, legalHoldReason: reason };
        settle(await current.update(folder.id, changes, changes), key, column.key, col);
      } else if (column.key === 'legalHold') {
        const sure = await ask.confirm({
          title: 'Lift the legal hold?',
          message: `“${folder.title}” is on hold: ${folder.legalHoldReason || 'no reason given'}. Once lifted, its retention applies again.`,
          confirmLabel: 'Lift the hold',
          danger: true,
        });
        if (!sure) return;
        const changes = { legalHold: false, legalHoldReason: '' };
        settle(await current.update(folder.id, changes, changes), key, column.key, col);
      }
    };

    const clear = async () => {
      const at = activeRef.current;
      const folder = live.current.rows.folders[at.row];
      const column = folderGridColumns[at.col];
      if (!folder) return;
      if (column.key === 'confidential') {
        if (folder.confidential) await toggle(at.row, at.col);
        return;
      }
      await applyText(at, '', null);
    };

    return {
      moveTo,
      startEditAt,
      toggle,
      situation(): GridSituation {
        const { row, col } = activeRef.current;
        const count = live.current.rows.folders.length;
        const column = folderGridColumns[col];
        const isNew = row >= count;
        return {
          row,
          col,
          rowCount: count + 1,
          colCount: folderGridColumns.length,
          editing: editingRef.current !== null,
          cellKind: isNew && col !== TITLE_COLUMN ? 'readonly' : column.kind,
          clearable: column.clearable && !isNew,
        };
      },
      run(command: GridCommand) {
        const { row, col } = activeRef.current;
        if (command.type === 'move') moveTo(command.row, command.col, command.extend);
        else if (command.type === 'edit') startEditAt(row, col, command.text);
        else if (command.type === 'commit') void commit({ row: command.row, col: command.col });
        else if (command.type === 'cancel') closeEditor(true);
        else if (command.type === 'clear') void clear();
        else if (command.type === 'toggle') void toggle(row, col);
      },
      click(row: number, col: number, extend: boolean) {
        const at = activeRef.current;
        if (editingRef.current && at.row === row && at.col === col) return;
        moveTo(row, col, extend);
      },
      changeText(text: string) {
        editingRef.current = { text };
        setEditing({ text });
      },
      /** Leaving the editor by clicking elsewhere saves it, as in a spreadsheet. */
      blurEditor() {
        void commit(null, false);
      },
      isEditing: () => editingRef.current !== null,
      activeText(): string | null {
        const { row, col } = activeRef.current;
        const folder = live.current.rows.folders[row];
        return folder ? editText(folder, folderGridColumns[col].key) : null;
      },
      keyOfRow,
    };
  }, [gridId]);

  const editor: CellEditor | null = editing ? { text: editing.text, onChange: actions.changeText, onBlur: actions.blurEditor } : null;
  const errorFor = (folder: Folder | null): CellError | null => {
    if (!cellError) return null;
    return cellError.key === (folder ? rows.keyOf(folder) : NEW_ROW_KEY) ? cellError : null;
  };

  return { active, anchor, editing, cellError, editor, errorFor, ...actions };
}
