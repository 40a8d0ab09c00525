// The shapes an import passes through: a file's sheets as read, the columns guessed and chosen, the rows
// interpreted, and the report that accounts for every row.
import type { ScheduleItemInput } from '../domain/types';

/** A cell as read from the file: text, a number, a boolean, a real date (Excel date cells), or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetTable {
  name: string;
  hidden: boolean;
  /** Rows as they are in the file, 0-based here; reports use the file's own 1-based row numbers (rowNumbers[i]). */
  rows: CellValue[][];
  rowNumbers: number[];
  hiddenColumns: number[];
  /**
   * Cells holding a formula the file saved no value for (row: index in rows; column: index in the row). They read as
   * empty in rows, and an import reports each one it would have read instead of taking it for an empty cell.
   */
  formulasWithoutValue?: { row: number; column: number }[];
}

/** What a column of a box list or file list can mean. */
export type InventoryField =
  | 'boxNumber'
  | 'barcode'
  | 'folderNumber'
  | 'title'
  | 'boxTitle'
  | 'contentsDescription'
  | 'fileDescription1'
  | 'fileDescription2'
  | 'fileDescription3'
  | 'fileDescription4'
  | 'fileCode'
  | 'recordCode'
  | 'seriesNumber'
  | 'seriesTitle'
  | 'beginDate'
  | 'endDate'
  | 'dateRange'
  | 'confidential'
  | 'notes'
  | 'dispositionDate'
  | 'triggerDate'
  | 'reviewDate'
  | 'department'
  | 'cubicFeet'
  | 'officeLocation';

export type ScheduleField = 'itemNumber' | 'seriesTitle' | 'description' | 'retention' | 'disposition' | 'citation';

export interface ColumnMapping<Field extends string = InventoryField> {
  sheet: string;
  /** Index in SheetTable.rows of the header row. */
  headerRow: number;
  /** Column index → field, or null to ignore the column. */
  columns: { index: number; heading: string; field: Field | null }[];
}

export interface RowProblem {
  sheet: string;
  /** The file's own row number (1-based, as a spreadsheet shows it). */
  row: number;
  column: string;
  reason: string;
}

/**
 * Why a row holds nothing to import: empty; filled only in columns that are not imported; the heading row repeated
 * (lists pasted together from printed pages); a totals row.
 */
export type SkipReason = 'blank' | 'unmapped' | 'heading' | 'total';

export interface SkippedRow {
  /** The file's own row number (1-based, as a spreadsheet shows it). */
  row: number;
  reason: SkipReason;
  /** The row's filled cells as written, " | " between them, cut short past 200 characters; '' for a blank row. */
  text: string;
}

export interface ImportReport {
  rowsRead: number;
  rowsImported: number;
  rowsSkippedBlank: number;
  rowsSkippedTotal: number;
  problems: RowProblem[];
}

// ——— Added with the parsing library (read-cells, detect-columns, interpret-*) ———

/** What a cell reader gives back: the value read, or the reason a person can act on. */
export type CellReading<T> = { ok: true; value: T; note?: string } | { ok: false; reason: string };

/** One column's guessed meaning: 1 when the heading is a known one, 0.6 when it only contains one, 0 when unknown. */
export interface ColumnGuess<Field extends string = string> {
  index: number;
  heading: string;
  field: Field | null;
  confidence: number;
}

/** A folder row of a box list as read from the file, before the catalog checks it. */
export interface ImportedFolder {
  /** The file's row number. */
  sourceRow: number;
  position?: number;
  title: string;
  fileCode: string;
  /** Schedule item (series number, record code) as the file writes it, to link by. */
  itemNumber: string | null;
  seriesTitle: string | null;
  beginDate: string;
  endDate: string;
  confidential: boolean;
  /** The file's notes, then one line per value that has no place of its own ("Barcode: 001234"). */
  notes: string;
  /** The destruction/disposition date the file gives (always kept in notes as well, as written). */
  dispositionDate?: string;
  /** A retention trigger date the file gives (kept in notes as well): the event date of an event rule. */
  eventDate?: string;
}

export interface ImportedBox {
  /** The department's label, as written ("003", "B-12"; "Box 2" is read as "2"). */
  label: string;
  /** Every row that described this box, in file order. */
  sourceRows: number[];
  /** Box title / contents description (box-level lists), for the box's notes. */
  title?: string;
  officeLocation?: string;
  cubicFeet?: number;
  folders: ImportedFolder[];
}

/** A schedule row read from the file: the item as the catalog takes it, its row, and whether the rule was read. */
export type ImportedScheduleItem = ScheduleItemInput & { sourceRow: number; ruleParsed: boolean };
