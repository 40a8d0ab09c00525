// A box list (or a commercial center's file list, or a box-level list) read row by row into boxes and folders, with
// every row accounted for: imported, skipped as blank or a total, or listed with the reason it could not be read.
//
// How the rows are read:
// - A row with no box number belongs to the box of the row above it: many lists write the number only on a box's
//   first row (or merge it down the box's rows). A box's rows need not be next to each other, and labels that
//   differ only in capitals are one box (as the catalog matches labels); the first spelling is kept.
// - A row of a folder list with only box values (box number, box title, size, location) describes the box itself.
// - Without a box number column, the barcode is the box's label; with one, the barcode goes to the folder's notes.
// - A box-level list (no folder title or file description column: one row per box) gives each row one folder,
//   titled with its box title and contents description joined by " — ", so the box's description and dates are kept.
// - File description 1–4 (commercial file lists) are joined into the folder title with " — ", after any title.
// - A record code is the schedule item to link by when no series number is given, and the folder's file code when
//   no file code is given.
// - Values with no field of their own (department, barcode, destruction, trigger and review dates, a folder number
//   that is not a whole number, "circa" or "ongoing" dates) go to the folder's notes as "Heading: value as written".
//   The trigger date also becomes the folder's event date. The destruction date is only kept in the notes: the
//   catalog computes its own from the retention schedule, and the file's date stays beside it for comparison.
// - A heading row repeated further down (lists pasted together from printed pages) counts as a blank row, and so does
//   a row filled only in columns that are not imported; every skipped row is listed with why (skippedRows).
// - A cell holding a formula the file saved no value for is a problem of its row, never an empty cell: the row is
//   not read as a folder with no title, nor as one belonging to the box above.
import { AppError } from '../domain/errors';
import { readBoolean, readBoxNumber, readCubicFeet, readDate, readDateRange, readFolderNumber } from './read-cells';
import { RowReader, columnsByField, formulasWithoutValueByRow, type MappedColumn } from './row-reader';
import { mappedHeadings, skipReason, skippedRow } from './row-kinds';
import type { DateRange } from './read-date-range';
import type {
  CellReading,
  CellValue,
  ColumnMapping,
  ImportedBox,
  ImportedFolder,
  ImportReport,
  InventoryField,
  SheetTable,
  SkippedRow,
} from './types';

export interface InterpretOptions {
  /** The department's fiscal year start (1–12), for "FY 2018-19". Default July. */
  fiscalYearStartMonth?: number;
}

const TITLE_PARTS: InventoryField[] = ['title', 'fileDescription1', 'fileDescription2', 'fileDescription3', 'fileDescription4'];
const BOX_TITLE_PARTS: InventoryField[] = ['boxTitle', 'contentsDescription'];
const TITLE_SEPARATOR = ' — ';
// A row of a folder list with none of these is a box's own row ("Box 3 | Finance ledgers"): it describes the box.
const FOLDER_FIELDS: InventoryField[] = [
  ...TITLE_PARTS, 'folderNumber', 'fileCode', 'recordCode', 'seriesNumber', 'seriesTitle', 'beginDate', 'endDate', 'dateRange',
  'confidential', 'notes', 'dispositionDate', 'triggerDate', 'reviewDate',
];

/** The box of the row above: its label, none yet, or one whose number could not be read. */
type BoxAbove = { label: string } | 'none' | 'unreadable';

function checkMapping(table: SheetTable, mapping: ColumnMapping<InventoryField>, columns: Map<InventoryField, MappedColumn[]>): void {
  const refuse = (message: string) => new AppError('invalid-input', message, { field: 'mapping', sheet: table.name });
  if (mapping.headerRow < 0 || mapping.headerRow >= table.rows.length) {
    throw refuse(`Sheet "${table.name}" has no row ${mapping.headerRow + 1} to take the headings from.`);
  }
  if (!columns.has('boxNumber') && !columns.has('barcode')) {
    throw refuse(`Choose the column of sheet "${table.name}" that holds the box number (or the box barcode).`);
  }
  if (![...TITLE_PARTS, ...BOX_TITLE_PARTS].some((field) => columns.has(field))) {
    throw refuse(`Choose the column of sheet "${table.name}" that holds the folder title (or, for a list of boxes, the box title or contents).`);
  }
}

export function interpretInventory(
  table: SheetTable,
  mapping: ColumnMapping<InventoryField>,
  options: InterpretOptions = {},
): { boxes: ImportedBox[]; report: ImportReport; skippedRows: SkippedRow[] } {
  const fiscalYearStartMonth = options.fiscalYearStartMonth ?? 7;
  const columns = columnsByField(mapping);
  checkMapping(table, mapping, columns);
  const boxLevel = !TITLE_PARTS.some((field) => columns.has(field));
  const headings = mappedHeadings(mapping);
  const keyColumns = [...(columns.get('boxNumber') ?? []), ...(columns.get('barcode') ?? [])].map((column) => column.index);
  const report: ImportReport = { rowsRead: 0, rowsImported: 0, rowsSkippedBlank: 0, rowsSkippedTotal: 0, problems: [] };
  const skippedRows: SkippedRow[] = [];
  const unvaluedColumns = formulasWithoutValueByRow(table);
  // Keyed by the label in lower case, as the catalog matches labels; a Map, so no label can reach Object.prototype.
  const boxes = new Map<string, ImportedBox>();
  let boxAbove: BoxAbove = 'none';

  for (let index = mapping.headerRow + 1; index < table.rows.length; index += 1) {
    const row = table.rows[index] ?? [];
    report.rowsRead += 1;
    const reader = new RowReader(row, table.rowNumbers[index] ?? index + 1, table.name, columns, unvaluedColumns(index));
    const skip = skipReason(row, reader.blank, headings, keyColumns);
    if (skip !== null) {
      if (skip === 'total') report.rowsSkippedTotal += 1;
      else report.rowsSkippedBlank += 1;
      skippedRows.push(skippedRow(row, reader.rowNumber, skip));
      continue;
    }

    const label = readLabel(reader, boxAbove);
    boxAbove = label === null ? 'unreadable' : { label };
    const boxRow = !boxLevel && FOLDER_FIELDS.every((field) => reader.cells(field).length === 0);
    const folder = boxRow ? null : readFolder(reader, boxLevel, fiscalYearStartMonth);
    const box = readBoxFields(reader);
    if (reader.problems.length > 0 || label === null || (!boxRow && folder === null)) {
      report.problems.push(...reader.problems);
      continue;
    }
    const key = label.toLowerCase();
    let imported = boxes.get(key);
    if (!imported) {
      imported = { label, sourceRows: [], folders: [] };
      boxes.set(key, imported);
    }
    imported.sourceRows.push(reader.rowNumber);
    if (folder) {
      folder.notes = [folder.notes, ...reader.notes].filter((line) => line !== '').join('\n');
      imported.folders.push(folder);
    }
    // A box's own row has no folder to carry its extra values (a barcode, a department): its box notes do.
    const boxTitle = folder ? box.title : [box.title, ...reader.notes].filter(Boolean).join('\n');
    if (boxTitle && imported.title === undefined) imported.title = boxTitle;
    if (box.officeLocation && imported.officeLocation === undefined) imported.officeLocation = box.officeLocation;
    if (box.cubicFeet !== undefined && imported.cubicFeet === undefined) imported.cubicFeet = box.cubicFeet;
    report.rowsImported += 1;
  }
  return { boxes: [...boxes.values()], report, skippedRows };
}

/** The row's box label; null (with a problem) when it cannot be read or there is no box to belong to. */
function readLabel(reader: RowReader<InventoryField>, boxAbove: BoxAbove): string | null {
  // A box number whose formula has no value is not an empty one: the row cannot be given to the box above.
  if (reader.lacksValue('boxNumber') || (!reader.has('boxNumber') && reader.lacksValue('barcode'))) return null;
  const barcode = reader.text('barcode', ' ');
  if (reader.has('boxNumber')) {
    const [cell] = reader.cells('boxNumber');
    if (cell) {
      const label = readBoxNumber(cell.value);
      if (!label.ok) {
        reader.problem(reader.columnOf('boxNumber'), label.reason);
        return null;
      }
      if (barcode) reader.note('barcode');
      return label.value;
    }
    if (barcode) reader.note('barcode');
  } else if (barcode) {
    const label = readBoxNumber(barcode);
    if (!label.ok) reader.problem(reader.columnOf('barcode'), label.reason);
    return label.ok ? label.value : null;
  }
  if (typeof boxAbove === 'object') return boxAbove.label;
  const column = reader.has('boxNumber') ? reader.columnOf('boxNumber') : reader.columnOf('barcode');
  reader.problem(
    column,
    boxAbove === 'none'
      ? 'No box number, and no box above it for this row to belong to'
      : 'No box number, and the box number above could not be read, so this row has no box',
  );
  return null;
}

function readFolder(reader: RowReader<InventoryField>, boxLevel: boolean, fiscalYearStartMonth: number): ImportedFolder | null {
  const parts = boxLevel ? BOX_TITLE_PARTS : TITLE_PARTS;
  const title = parts
    .map((field) => reader.text(field, TITLE_SEPARATOR))
    .filter((part) => part !== '')
    .join(TITLE_SEPARATOR);
  const titleField = parts.find((field) => reader.has(field)) ?? parts[0];
  if (title === '' && !parts.some((field) => reader.lacksValue(field))) {
    reader.problem(
      reader.columnOf(titleField),
      boxLevel ? 'No box title or contents description: say what is in the box' : 'No folder title: every folder needs its title as written on the tab',
    );
  }

  const position = reader.read('folderNumber', readFolderNumber);
  const seriesNumber = reader.text('seriesNumber', ' ');
  const recordCode = reader.text('recordCode', ' ');
  const fileCode = reader.text('fileCode', ' ');
  if (recordCode && seriesNumber && fileCode) reader.note('recordCode');

  // A begin or end date column may also hold a range ("2019-2021", "1998-ongoing") or, for the end, "ongoing".
  const rangeOf = (field: 'beginDate' | 'endDate') => reader.read(field, (cell) => readDateOrRange(cell, field, fiscalYearStartMonth));
  const beginRange = rangeOf('beginDate');
  const endRange = rangeOf('endDate');
  let beginDate = beginRange?.begin ?? '';
  let endDate = endRange?.end ?? '';
  if (beginRange && !endRange && reader.cells('endDate').length === 0) endDate = beginRange.end === beginRange.begin ? '' : beginRange.end;
  if (endRange && !beginRange && reader.cells('beginDate').length === 0 && endRange.begin !== endRange.end) beginDate = endRange.begin;
  const range = reader.read('dateRange', (cell) => readDateRange(cell, fiscalYearStartMonth));
  if (range) {
    if (reader.cells('beginDate').length === 0) beginDate = range.begin;
    if (reader.cells('endDate').length === 0) endDate = range.end;
  }
  const confidential = reader.read('confidential', readBoolean) ?? false;

  // Kept as written in the notes whether or not they read as dates: they are the file's word, not the catalog's.
  const infoDate = (field: InventoryField) => {
    const [cell] = reader.cells(field);
    if (!cell) return undefined;
    reader.note(field);
    const date = readDate(cell.value, fiscalYearStartMonth);
    return date.ok && date.value ? date.value : undefined;
  };
  reader.note('department');
  const dispositionDate = infoDate('dispositionDate');
  const eventDate = infoDate('triggerDate');
  infoDate('reviewDate');

  if (title === '') return null;
  const folder: ImportedFolder = {
    sourceRow: reader.rowNumber,
    title,
    fileCode: fileCode || recordCode,
    itemNumber: seriesNumber || recordCode || null,
    seriesTitle: reader.text('seriesTitle', ' ') || null,
    beginDate,
    endDate,
    confidential,
    notes: reader.text('notes'),
  };
  if (typeof position === 'number') folder.position = position;
  if (dispositionDate) folder.dispositionDate = dispositionDate;
  if (eventDate) folder.eventDate = eventDate;
  return folder;
}

const OPEN_END = /^(?:ongoing|present|current|open|to date|now|active|continuing)$/i;

/** A begin or end date cell: one date, or a range whose begin or end the column means; the reason when neither. */
function readDateOrRange(cell: CellValue, field: 'beginDate' | 'endDate', fiscalYearStartMonth: number): CellReading<DateRange> {
  const single = readDate(cell, fiscalYearStartMonth);
  if (single.ok) return { ...single, value: { begin: single.value, end: single.value } };
  if (typeof cell !== 'string') return single;
  if (field === 'endDate' && OPEN_END.test(cell.trim())) return { ok: true, value: { begin: '', end: '' }, note: 'ongoing' };
  const range = readDateRange(cell, fiscalYearStartMonth);
  return range.ok ? range : single;
}

/** What a row says about its box as a whole: its title or contents, its office location, its size. */
function readBoxFields(reader: RowReader<InventoryField>): { title?: string; officeLocation?: string; cubicFeet?: number } {
  const title = BOX_TITLE_PARTS.map((field) => reader.text(field, TITLE_SEPARATOR))
    .filter((part) => part !== '')
    .join(TITLE_SEPARATOR);
  const officeLocation = reader.text('officeLocation', ', ');
  const cubicFeet = reader.read('cubicFeet', readCubicFeet) ?? undefined;
  return {
    ...(title ? { title } : {}),
    ...(officeLocation ? { officeLocation } : {}),
    ...(cubicFeet !== undefined ? { cubicFeet } : {}),
  };
}
