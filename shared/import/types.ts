// The shapes an import passes through: a file's sheets as read, the columns guessed and chosen, the rows
// interpreted, and the report that accounts for every row.

/** A cell as read from the file: text, a number, a boolean, a real date (Excel date cells), or empty. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetTable {
  name: string;
  hidden: boolean;
  /** Rows as they are in the file, 0-based here; reports use the file's own 1-based row numbers (rowNumbers[i]). */
  rows: CellValue[][];
  rowNumbers: number[];
  hiddenColumns: number[];
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

export interface ImportReport {
  rowsRead: number;
  rowsImported: number;
  rowsSkippedBlank: number;
  rowsSkippedTotal: number;
  problems: RowProblem[];
}
