// The folder grid's keyboard, as a spreadsheet user expects it, decided here as a pure function of the key and
// where the grid is, so the rules can be tested without a browser.

export interface GridKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** text: typed into; choice: picked from a list (medium); checkbox: toggled; readonly: only looked at. */
export type CellKind = 'text' | 'choice' | 'checkbox' | 'readonly';

export interface GridSituation {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
  editing: boolean;
  cellKind: CellKind;
  /** Delete/Backspace may empty this cell (not a required field). */
  clearable: boolean;
}

export type GridCommand =
  | { type: 'move'; row: number; col: number; extend: boolean }
  /** Start editing: with this text replacing the value (a typed character), or null to edit the current value. */
  | { type: 'edit'; text: string | null }
  /** Save the edit, then go to row/col. */
  | { type: 'commit'; row: number; col: number }
  | { type: 'cancel' }
  | { type: 'clear' }
  | { type: 'toggle' }
  /** Not the grid's key: let the browser (or the editor) have it. */
  | { type: 'none' };

export const PAGE_ROWS = 10;

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/** The cell after (or before) this one in reading order; null past either end of the grid. */
function tabTarget(at: GridSituation, backwards: boolean): { row: number; col: number } | null {
  const last = at.colCount - 1;
  if (!backwards) {
    if (at.col < last) return { row: at.row, col: at.col + 1 };
    return at.row < at.rowCount - 1 ? { row: at.row + 1, col: 0 } : null;
  }
  if (at.col > 0) return { row: at.row, col: at.col - 1 };
  return at.row > 0 ? { row: at.row - 1, col: last } : null;
}

function isPrintable(key: GridKey): boolean {
  return key.key.length === 1 && !key.ctrlKey && !key.metaKey && !key.altKey;
}

function editingCommand(key: GridKey, at: GridSituation): GridCommand {
  if (key.key === 'Escape') return { type: 'cancel' };
  if (key.key === 'Enter' && !key.altKey && !key.ctrlKey && !key.metaKey) {
    return { type: 'commit', row: clamp(at.row + (key.shiftKey ? -1 : 1), at.rowCount - 1), col: at.col };
  }
  if (key.key === 'Tab') {
    const target = tabTarget(at, key.shiftKey) ?? { row: at.row, col: at.col };
    return { type: 'commit', ...target };
  }
  return { type: 'none' };
}

export function gridKeyCommand(key: GridKey, at: GridSituation): GridCommand {
  if (at.editing) return editingCommand(key, at);
  const lastRow = at.rowCount - 1;
  const lastCol = at.colCount - 1;
  const jump = key.ctrlKey || key.metaKey;
  const move = (row: number, col: number, extend = false): GridCommand => ({
    type: 'move',
    row: clamp(row, lastRow),
    col: clamp(col, lastCol),
    extend,
  });

  switch (key.key) {
    case 'ArrowDown':
      return move(jump ? lastRow : at.row + 1, at.col, key.shiftKey);
    case 'ArrowUp':
      return move(jump ? 0 : at.row - 1, at.col, key.shiftKey);
    case 'ArrowRight':
      return move(at.row, jump ? lastCol : at.col + 1);
    case 'ArrowLeft':
      return move(at.row, jump ? 0 : at.col - 1);
    case 'Home':
      return move(jump ? 0 : at.row, 0);
    case 'End':
      return move(jump ? lastRow : at.row, lastCol);
    case 'PageDown':
      return move(at.row + PAGE_ROWS, at.col, key.shiftKey);
    case 'PageUp':
      return move(at.row - PAGE_ROWS, at.col, key.shiftKey);
    case 'Tab': {
      const target = tabTarget(at, key.shiftKey);
      // Past the last (or first) cell, Tab leaves the grid, so keyboard users are never trapped in it.
      return target ? move(target.row, target.col) : { type: 'none' };
    }
    case 'Enter':
      if (key.shiftKey) return move(at.row - 1, at.col);
      if (at.cellKind === 'text' || at.cellKind === 'choice') return { type: 'edit', text: null };
      if (at.cellKind === 'checkbox') return { type: 'toggle' };
      return move(at.row + 1, at.col);
    case 'F2':
      return at.cellKind === 'text' || at.cellKind === 'choice' ? { type: 'edit', text: null } : { type: 'none' };
    case 'Delete':
    case 'Backspace':
      return at.clearable && at.cellKind !== 'readonly' ? { type: 'clear' } : { type: 'none' };
    case ' ':
      if (at.cellKind === 'checkbox') return { type: 'toggle' };
      break;
  }
  if (isPrintable(key) && (at.cellKind === 'text' || at.cellKind === 'choice')) return { type: 'edit', text: key.key };
  return { type: 'none' };
}
