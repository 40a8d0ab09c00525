import { describe, expect, it } from 'vitest';
import { gridKeyCommand, type GridKey, type GridSituation } from '../../../renderer/src/catalog/grid-keys';

const key = (name: string, modifiers: Partial<GridKey> = {}): GridKey => ({
  key: name,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});
const at = (situation: Partial<GridSituation> = {}): GridSituation => ({
  row: 2,
  col: 3,
  rowCount: 5,
  colCount: 6,
  editing: false,
  cellKind: 'text',
  clearable: true,
  ...situation,
});

describe('gridKeyCommand while moving around', () => {
  it.each([
    ['ArrowDown', 3, 3],
    ['ArrowUp', 1, 3],
    ['ArrowRight', 2, 4],
    ['ArrowLeft', 2, 2],
    ['Home', 2, 0],
    ['End', 2, 5],
    ['PageDown', 4, 3],
    ['PageUp', 0, 3],
  ])('%s moves to row %i, column %i', (name, row, col) => {
    expect(gridKeyCommand(key(name), at())).toEqual({ type: 'move', row, col, extend: false });
  });

  it('stops at the edges instead of wrapping', () => {
    expect(gridKeyCommand(key('ArrowUp'), at({ row: 0 }))).toMatchObject({ type: 'move', row: 0 });
    expect(gridKeyCommand(key('ArrowDown'), at({ row: 4 }))).toMatchObject({ type: 'move', row: 4 });
    expect(gridKeyCommand(key('ArrowLeft'), at({ col: 0 }))).toMatchObject({ type: 'move', col: 0 });
    expect(gridKeyCommand(key('ArrowRight'), at({ col: 5 }))).toMatchObject({ type: 'move', col: 5 });
  });

  it('Ctrl or Cmd with an arrow jumps to the edge', () => {
    expect(gridKeyCommand(key('ArrowDown', { ctrlKey: true }), at())).toMatchObject({ row: 4, col: 3 });
    expect(gridKeyCommand(key('ArrowLeft', { metaKey: true }), at())).toMatchObject({ row: 2, col: 0 });
    expect(gridKeyCommand(key('Home', { ctrlKey: true }), at())).toMatchObject({ row: 0, col: 0 });
    expect(gridKeyCommand(key('End', { ctrlKey: true }), at())).toMatchObject({ row: 4, col: 5 });
  });

  it('Shift with up or down extends the row selection', () => {
    expect(gridKeyCommand(key('ArrowDown', { shiftKey: true }), at())).toEqual({ type: 'move', row: 3, col: 3, extend: true });
  });

  it('Tab and Shift+Tab go across, wrapping to the next or previous row', () => {
    expect(gridKeyCommand(key('Tab'), at())).toMatchObject({ type: 'move', row: 2, col: 4 });
    expect(gridKeyCommand(key('Tab'), at({ col: 5 }))).toMatchObject({ type: 'move', row: 3, col: 0 });
    expect(gridKeyCommand(key('Tab', { shiftKey: true }), at({ col: 0 }))).toMatchObject({ type: 'move', row: 1, col: 5 });
  });

  it('Tab past the last cell (or Shift+Tab before the first) leaves the grid', () => {
    expect(gridKeyCommand(key('Tab'), at({ row: 4, col: 5 }))).toEqual({ type: 'none' });
    expect(gridKeyCommand(key('Tab', { shiftKey: true }), at({ row: 0, col: 0 }))).toEqual({ type: 'none' });
  });

  it('Enter or F2 edits a text cell keeping its value; typing a character replaces it', () => {
    expect(gridKeyCommand(key('Enter'), at())).toEqual({ type: 'edit', text: null });
    expect(gridKeyCommand(key('F2'), at())).toEqual({ type: 'edit', text: null });
    expect(gridKeyCommand(key('M'), at())).toEqual({ type: 'edit', text: 'M' });
    expect(gridKeyCommand(key('7'), at({ cellKind: 'choice' }))).toEqual({ type: 'edit', text: '7' });
    expect(gridKeyCommand(key(' '), at())).toEqual({ type: 'edit', text: ' ' });
  });

  it('shortcuts with Ctrl, Cmd or Alt never start an edit', () => {
    expect(gridKeyCommand(key('c', { ctrlKey: true }), at())).toEqual({ type: 'none' });
    expect(gridKeyCommand(key('v', { metaKey: true }), at())).toEqual({ type: 'none' });
    expect(gridKeyCommand(key('x', { altKey: true }), at())).toEqual({ type: 'none' });
    expect(gridKeyCommand(key('Shift', { shiftKey: true }), at())).toEqual({ type: 'none' });
  });

  it('Space and Enter toggle a checkbox; typing into it does nothing', () => {
    expect(gridKeyCommand(key(' '), at({ cellKind: 'checkbox' }))).toEqual({ type: 'toggle' });
    expect(gridKeyCommand(key('Enter'), at({ cellKind: 'checkbox' }))).toEqual({ type: 'toggle' });
    expect(gridKeyCommand(key('x'), at({ cellKind: 'checkbox' }))).toEqual({ type: 'none' });
  });

  it('read-only cells cannot be edited or cleared; Enter moves down', () => {
    expect(gridKeyCommand(key('a'), at({ cellKind: 'readonly' }))).toEqual({ type: 'none' });
    expect(gridKeyCommand(key('Delete'), at({ cellKind: 'readonly' }))).toEqual({ type: 'none' });
    expect(gridKeyCommand(key('Enter'), at({ cellKind: 'readonly' }))).toMatchObject({ type: 'move', row: 3, col: 3 });
    expect(gridKeyCommand(key('Enter', { shiftKey: true }), at())).toMatchObject({ type: 'move', row: 1, col: 3 });
  });

  it('Delete and Backspace clear only cells that may be empty', () => {
    expect(gridKeyCommand(key('Delete'), at())).toEqual({ type: 'clear' });
    expect(gridKeyCommand(key('Backspace'), at({ cellKind: 'checkbox' }))).toEqual({ type: 'clear' });
    expect(gridKeyCommand(key('Delete'), at({ clearable: false }))).toEqual({ type: 'none' });
  });

  it('Escape outside an edit is left alone', () => {
    expect(gridKeyCommand(key('Escape'), at())).toEqual({ type: 'none' });
  });
});

describe('gridKeyCommand while editing', () => {
  const editing = (situation: Partial<GridSituation> = {}) => at({ editing: true, ...situation });

  it('Enter commits and moves down; Shift+Enter commits and moves up', () => {
    expect(gridKeyCommand(key('Enter'), editing())).toEqual({ type: 'commit', row: 3, col: 3 });
    expect(gridKeyCommand(key('Enter', { shiftKey: true }), editing())).toEqual({ type: 'commit', row: 1, col: 3 });
    expect(gridKeyCommand(key('Enter'), editing({ row: 4 }))).toEqual({ type: 'commit', row: 4, col: 3 });
  });

  it('Tab commits and moves right, Shift+Tab left, wrapping rows and staying put at the ends', () => {
    expect(gridKeyCommand(key('Tab'), editing())).toEqual({ type: 'commit', row: 2, col: 4 });
    expect(gridKeyCommand(key('Tab', { shiftKey: true }), editing())).toEqual({ type: 'commit', row: 2, col: 2 });
    expect(gridKeyCommand(key('Tab'), editing({ col: 5 }))).toEqual({ type: 'commit', row: 3, col: 0 });
    expect(gridKeyCommand(key('Tab'), editing({ row: 4, col: 5 }))).toEqual({ type: 'commit', row: 4, col: 5 });
  });

  it('Escape cancels', () => {
    expect(gridKeyCommand(key('Escape'), editing())).toEqual({ type: 'cancel' });
  });

  it('arrows, letters and Delete belong to the text being edited', () => {
    for (const name of ['ArrowLeft', 'ArrowDown', 'Home', 'a', 'Delete', 'Backspace', ' ']) {
      expect(gridKeyCommand(key(name), editing())).toEqual({ type: 'none' });
    }
  });
});
