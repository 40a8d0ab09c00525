// Rows pasted from a spreadsheet into a box's folder grid: every cell is read and checked first, then all rows are
// written as one change, or none are (the error names the pasted row and the column).
import type { PasteColumn } from '../../shared/api/contract';
import { AppError } from '../../shared/domain/errors';
import { readBooleanCell, readDateCell, readMediumCell, readPositionCell } from '../../shared/catalog/cell-text';
import { folderInputSchema, type FolderInput } from '../../shared/domain/types';
import { fieldLabel } from '../../shared/domain/validation';
import { fiscalYearStartMonth, type CatalogContext } from './context';
import { assertNotSent } from './custody';
import { ruleLookup } from './derived';
import { folderInputOf, getFolder, insertFolder, writeFolder } from './folder-store';
import { listScheduleItems } from '../schedule/schedule-store';
import { findByItemNumber } from '../../shared/schedule/item-number';

const COLUMN_NAMES: Record<PasteColumn, string> = {
  position: 'No.',
  title: 'Title',
  fileCode: 'File code',
  itemNumber: 'Schedule item',
  beginDate: 'Begin date',
  endDate: 'End date',
  eventDate: 'Event date',
  confidential: 'Confidential',
  medium: 'Medium',
  notes: 'Notes',
};

export interface PasteInput {
  boxId: number;
  startRow: number;
  columns: PasteColumn[];
  rows: string[][];
}

function cellError(rowNumber: number, column: PasteColumn, message: string): AppError {
  return new AppError('invalid-input', `Pasted row ${rowNumber}, ${COLUMN_NAMES[column]}: ${message}`, {
    row: rowNumber,
    field: column,
  });
}

export function pasteFolders(context: CatalogContext, input: PasteInput): { created: number; updated: number } {
  const box = context.db.get<{ label: string }>('SELECT label FROM box WHERE id = ?', [input.boxId]);
  if (!box) throw new AppError('not-found', `There is no box with id ${input.boxId}.`, { field: 'boxId' });
  assertNotSent(context, [input.boxId], 'paste into');
  const existingIds = context.db.column<number>('SELECT id FROM folder WHERE box_id = ? ORDER BY position, id', [input.boxId]);
  const rows = input.rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new AppError('invalid-input', 'The pasted text has no rows with anything in them.');
  // Read once for the whole paste: "GS 1010", "gs1010" and "GS-1010" all name the same item, as on import.
  const scheduleItems = input.columns.includes('itemNumber') ? listScheduleItems(context) : [];

  const planned: { id: number | null; folder: FolderInput }[] = rows.map((cells, index) => {
    const rowNumber = index + 1;
    const id = existingIds[input.startRow + index] ?? null;
    const base: Record<string, unknown> = id ? folderInputOf(getFolder(context, id)) : { title: '' };
    input.columns.forEach((column, columnIndex) => {
      const text = cells[columnIndex];
      if (text === undefined) return;
      switch (column) {
        case 'title':
        case 'fileCode':
        case 'notes':
          base[column] = text.trim();
          break;
        case 'position': {
          const position = readPositionCell(text);
          if (position === null && text.trim() !== '') throw cellError(rowNumber, column, `"${text}" is not a folder number (1, 2, 3…).`);
          if (position !== null) base.position = position;
          break;
        }
        case 'itemNumber': {
          if (text.trim() === '') base.scheduleItemId = null;
          else {
            const item = findByItemNumber(scheduleItems, text);
            if (!item) throw cellError(rowNumber, column, `"${text.trim()}" is not in your retention schedule.`);
            base.scheduleItemId = item.id;
          }
          break;
        }
        case 'beginDate':
        case 'endDate':
        case 'eventDate': {
          const date = readDateCell(text);
          if (date === null) throw cellError(rowNumber, column, `"${text}" is not a date (write 2019-03-15, 3/15/2019, 2019-03, 2019 or FY2019).`);
          base[column] = date;
          break;
        }
        case 'confidential': {
          const value = readBooleanCell(text);
          if (value === null) throw cellError(rowNumber, column, `"${text}" should be yes or no.`);
          base.confidential = value;
          break;
        }
        case 'medium': {
          const value = readMediumCell(text);
          if (value === null) throw cellError(rowNumber, column, `"${text}" is not a medium (paper, electronic, mixed, microfilm, audiovisual, other).`);
          base.medium = value;
          break;
        }
      }
    });
    const parsed = folderInputSchema.safeParse(base);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = (input.columns.find((each) => each === issue.path[0]) ?? 'title') as PasteColumn;
      throw new AppError('invalid-input', `Pasted row ${rowNumber}, ${fieldLabel(issue.path)}: ${issue.message}`, {
        row: rowNumber,
        field: column,
      });
    }
    return { id, folder: parsed.data };
  });

  const created = planned.filter((each) => each.id === null).length;
  const updated = planned.length - created;
  const label = `Paste ${planned.length} row${planned.length === 1 ? '' : 's'} into box ${box.label}`;
  return context.history.change(label, (change) => {
    const derive = ruleLookup(context);
    const fiscalMonth = fiscalYearStartMonth(context);
    for (const { id, folder } of planned) {
      if (id === null) {
        const newId = insertFolder(context, input.boxId, folder, derive, fiscalMonth);
        change.record('folder', newId, 'create', undefined, context.history.snapshot('folder', newId));
      } else {
        const before = context.history.snapshot('folder', id);
        writeFolder(context, id, folder, derive, fiscalMonth);
        change.record('folder', id, 'update', before, context.history.snapshot('folder', id));
      }
    }
    return { created, updated };
  });
}
