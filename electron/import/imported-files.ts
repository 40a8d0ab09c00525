// Files read for import, kept on the Node side under an id while the person maps their columns: the sheets can be
// large, so the UI only ever receives a summary and previews. The few most recent are kept; older ones are dropped.
import { randomUUID } from 'node:crypto';
import { PREVIEW_ROWS, type ImportedFile, type ImportSheet } from '../../shared/api/contract-import';
import { AppError } from '../../shared/domain/errors';
import { suggestMapping } from '../../shared/import/detect-columns';
import type { CellValue, SheetTable } from '../../shared/import/types';
import { pad } from '../../shared/domain/words';

export interface StoredFile {
  importId: string;
  fileName: string;
  sheets: SheetTable[];
}

const KEEP_FILES = 3;

export class ImportedFiles {
  private readonly files = new Map<string, StoredFile>();

  add(fileName: string, sheets: SheetTable[]): StoredFile {
    const stored: StoredFile = { importId: randomUUID(), fileName, sheets };
    this.files.set(stored.importId, stored);
    for (const id of [...this.files.keys()].slice(0, Math.max(0, this.files.size - KEEP_FILES))) this.files.delete(id);
    return stored;
  }

  get(importId: string): StoredFile {
    const file = this.files.get(importId);
    if (!file) throw new AppError('not-found', 'That file is no longer open for import. Choose the file again.', { field: 'importId' });
    return file;
  }

  discard(importId: string): boolean {
    return this.files.delete(importId);
  }
}

export function sheetOf(file: StoredFile, name: string): SheetTable {
  const sheet = file.sheets.find((each) => each.name === name);
  if (!sheet) {
    throw new AppError('invalid-input', `"${file.fileName}" has no sheet named "${name}". Its sheets: ${file.sheets.map((each) => each.name).join(', ')}.`, {
      field: 'mapping.sheet',
      file: file.fileName,
    });
  }
  return sheet;
}


/** A cell as a person reads it: dates as ISO days (with the time only when there is one). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() || value.getUTCMinutes() ? ` ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : '';
    return day + time;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

export function summarize(file: StoredFile): ImportedFile {
  return { importId: file.importId, fileName: file.fileName, sheets: file.sheets.map(summarizeSheet) };
}

function summarizeSheet(sheet: SheetTable): ImportSheet {
  const previewRows = sheet.rows.slice(0, PREVIEW_ROWS).map((row) => row.map(cellText));
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    rowCount: sheet.rows.length,
    columnCount: sheet.rows.reduce((widest, row) => Math.max(widest, row.length), 0),
    hiddenColumns: sheet.hiddenColumns,
    previewRows,
    previewRowNumbers: sheet.rowNumbers.slice(0, PREVIEW_ROWS),
    suggested: { inventory: suggestMapping(sheet, 'inventory'), schedule: suggestMapping(sheet, 'schedule') },
  };
}
