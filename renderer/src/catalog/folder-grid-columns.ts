// The folder grid's columns: what each shows, how its text is read back into a change, and which paste column it
// is. Pure, so the reading rules are tested without a browser.
import type { PasteColumn, ScheduleItemWithUse } from '../../../shared/api/contract';
import { findByItemNumber } from '../../../shared/schedule/item-number';
import { readDateCell, readMediumCell, readPositionCell } from '../../../shared/catalog/cell-text';
import { media, type Folder, type FolderInput } from '../../../shared/domain/types';
import type { CellKind } from './grid-keys';
import { whereShortText } from '../retrievals/where-words';

export type FolderGridKey =
  | 'position'
  | 'title'
  | 'fileCode'
  | 'itemNumber'
  | 'beginDate'
  | 'endDate'
  | 'eventDate'
  | 'confidential'
  | 'medium'
  | 'notes'
  | 'legalHold'
  | 'disposition'
  | 'where';

export interface FolderGridColumn {
  key: FolderGridKey;
  header: string;
  kind: CellKind;
  /** Delete/Backspace may empty it. */
  clearable: boolean;
  /** The name folders.paste knows this column by; none for columns a paste cannot fill. */
  paste?: PasteColumn;
  /** Column width in rem. */
  width: number;
}

export const folderGridColumns: FolderGridColumn[] = [
  { key: 'position', header: 'No.', kind: 'text', clearable: false, paste: 'position', width: 4 },
  { key: 'title', header: 'Title', kind: 'text', clearable: false, paste: 'title', width: 20 },
  { key: 'fileCode', header: 'File code', kind: 'text', clearable: true, paste: 'fileCode', width: 7 },
  { key: 'itemNumber', header: 'Schedule item', kind: 'text', clearable: true, paste: 'itemNumber', width: 14 },
  { key: 'beginDate', header: 'Begin date', kind: 'text', clearable: true, paste: 'beginDate', width: 7.5 },
  { key: 'endDate', header: 'End date', kind: 'text', clearable: true, paste: 'endDate', width: 7.5 },
  { key: 'eventDate', header: 'Event date', kind: 'text', clearable: true, paste: 'eventDate', width: 7.5 },
  { key: 'confidential', header: 'Confidential', kind: 'checkbox', clearable: true, paste: 'confidential', width: 6.5 },
  { key: 'medium', header: 'Medium', kind: 'choice', clearable: true, paste: 'medium', width: 7.5 },
  { key: 'notes', header: 'Notes', kind: 'text', clearable: true, paste: 'notes', width: 14 },
  { key: 'legalHold', header: 'Legal hold', kind: 'checkbox', clearable: false, width: 6 },
  { key: 'disposition', header: 'Disposition', kind: 'readonly', clearable: false, width: 10 },
  { key: 'where', header: 'Where now', kind: 'readonly', clearable: false, width: 14 },
];

export const TITLE_COLUMN = folderGridColumns.findIndex((column) => column.key === 'title');

/** The text an editor starts with: the value as the person would type it. */
export function editText(folder: Folder, key: FolderGridKey): string {
  switch (key) {
    case 'position':
      return String(folder.position);
    case 'itemNumber':
      return folder.itemNumber ?? '';
    case 'confidential':
    case 'legalHold':
      return folder[key] ? 'yes' : 'no';
    case 'disposition':
      return folder.dispositionDate ?? '';
    case 'where':
      return whereShortText(folder.where);
    default:
      return String(folder[key] ?? '');
  }
}

type FolderChanges = Partial<FolderInput>;

export type CellChange =
  | { kind: 'change'; changes: FolderChanges; /** What the row shows until the server answers. */ shown: Partial<Folder> }
  | { kind: 'unchanged' }
  | { kind: 'refused'; message: string };

/** "GS 1010", "gs1010" and "GS-1010" name the same item, as they do on import. */
export function findScheduleItem(items: ScheduleItemWithUse[], text: string): ScheduleItemWithUse | undefined {
  return findByItemNumber(items, text);
}

/**
 * Reads what was typed into a cell as a change to the folder. Dates written another readable way (3/15/2019) are
 * stored the standard way; anything unreadable is passed on as typed so the catalog refuses it with its own message.
 */
export function changeFromText(key: FolderGridKey, text: string, folder: Folder, items: ScheduleItemWithUse[]): CellChange {
  const change = (changes: FolderChanges, shown: Partial<Folder> = changes as Partial<Folder>): CellChange => {
    const same = Object.entries(changes).every(([field, value]) => folder[field as keyof Folder] === value);
    return same ? { kind: 'unchanged' } : { kind: 'change', changes, shown };
  };
  switch (key) {
    case 'position': {
      const position = readPositionCell(text);
      if (position === null) return { kind: 'refused', message: `Folder number: "${text.trim()}" is not a whole number of 1 or more.` };
      return change({ position });
    }
    case 'title':
    case 'fileCode':
    case 'notes':
      return change({ [key]: text.trim() });
    case 'itemNumber': {
      if (text.trim() === '') return change({ scheduleItemId: null }, { scheduleItemId: null, itemNumber: null, seriesTitle: null });
      const item = findScheduleItem(items, text);
      if (!item) {
        return {
          kind: 'refused',
          message: `Schedule item: "${text.trim()}" is not in your retention schedule. Add it on the Schedule screen, or check the number.`,
        };
      }
      return change({ scheduleItemId: item.id }, { scheduleItemId: item.id, itemNumber: item.itemNumber, seriesTitle: item.title });
    }
    case 'beginDate':
    case 'endDate':
    case 'eventDate':
      return change({ [key]: readDateCell(text) ?? text.trim() });
    case 'medium': {
      const medium = readMediumCell(text);
      if (medium === null) return { kind: 'refused', message: `Medium: "${text.trim()}" is not one of ${media.join(', ')}.` };
      return change({ medium });
    }
    case 'confidential':
      return change({ confidential: /^(yes|y|true|x|1)$/i.test(text.trim()) });
    default:
      return { kind: 'unchanged' };
  }
}

export interface PasteRequestInput {
  boxId: number;
  startRow: number;
  /** Index into folderGridColumns of the active cell. */
  activeColumn: number;
  rows: string[][];
}

export const MAX_PASTE_ROWS = 10_000;
const MAX_CELL_LENGTH = 4000;

export type PastePlan =
  | { kind: 'paste'; request: { boxId: number; startRow: number; columns: PasteColumn[]; rows: string[][] } }
  | { kind: 'refused'; message: string };

/** Turns parsed clipboard rows into a folders.paste call filling the grid's columns from the active one on. */
export function planPaste(input: PasteRequestInput): PastePlan {
  const rows = input.rows;
  if (rows.length === 0 || rows.every((cells) => cells.every((cell) => cell.trim() === ''))) {
    return { kind: 'refused', message: 'There is nothing to paste: the copied text is empty.' };
  }
  if (rows.length > MAX_PASTE_ROWS) {
    return { kind: 'refused', message: `Paste at most ${MAX_PASTE_ROWS.toLocaleString('en-US')} rows at a time; you copied ${rows.length.toLocaleString('en-US')}.` };
  }
  const available: PasteColumn[] = [];
  for (const column of folderGridColumns.slice(input.activeColumn)) {
    if (!column.paste) break;
    available.push(column.paste);
  }
  const start = folderGridColumns[input.activeColumn];
  if (available.length === 0) {
    return { kind: 'refused', message: `${start?.header ?? 'This column'} cannot take pasted text. Paste into the No. to Notes columns.` };
  }
  // Spreadsheets often copy empty cells at the right of a range; they do not count against the columns there are.
  let width = 0;
  for (const cells of rows) {
    let used = cells.length;
    while (used > 0 && cells[used - 1].trim() === '') used -= 1;
    width = Math.max(width, used);
  }
  if (width > available.length) {
    return {
      kind: 'refused',
      message: `The copied rows have ${width} columns, but only ${available.length} column${available.length === 1 ? '' : 's'} from ${start.header} on can take them. Start the paste further left.`,
    };
  }
  for (const [index, cells] of rows.entries()) {
    if (cells.some((cell) => cell.length > MAX_CELL_LENGTH)) {
      return { kind: 'refused', message: `Pasted row ${index + 1} has a cell longer than ${MAX_CELL_LENGTH.toLocaleString('en-US')} characters.` };
    }
  }
  const columns = available.slice(0, Math.max(1, width));
  return {
    kind: 'paste',
    request: { boxId: input.boxId, startRow: input.startRow, columns, rows: rows.map((cells) => cells.slice(0, columns.length)) },
  };
}
