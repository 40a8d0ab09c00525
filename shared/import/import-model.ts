// The import's vocabulary, shared by the import rules, the Node side and the UI: what kinds of file are imported,
// the fields a column can mean and their labels, and what a read file, a preview and an applied import report.
import { z } from 'zod';
import type { ColumnMapping, ImportReport, InventoryField, RowProblem, ScheduleField, SkippedRow, SkipReason } from './types';

/**
 * The largest file an import reads: 30 MB holds a box list of several hundred thousand rows, and anything bigger
 * is far more likely a wrong file (a scan, a database dump) than a box list. Checked before the bytes are decoded.
 */
export const MAX_IMPORT_FILE_BYTES = 30 * 1024 * 1024;
/** How many rows of each sheet the preview shows as read, to choose the header row from. */
export const PREVIEW_ROWS = 20;
/** How many interpreted rows and listed duplicates a preview carries (the counts cover every row). */
export const PREVIEW_SAMPLE = 50;
export const PREVIEW_LIST_LIMIT = 500;

export type ImportKind = 'inventory' | 'schedule';

export const inventoryFields = [
  'boxNumber', 'barcode', 'folderNumber', 'title', 'boxTitle', 'contentsDescription', 'fileDescription1',
  'fileDescription2', 'fileDescription3', 'fileDescription4', 'fileCode', 'recordCode', 'seriesNumber', 'seriesTitle',
  'beginDate', 'endDate', 'dateRange', 'confidential', 'notes', 'dispositionDate', 'triggerDate', 'reviewDate',
  'department', 'cubicFeet', 'officeLocation',
] as const satisfies readonly InventoryField[];
export const scheduleFields = ['itemNumber', 'seriesTitle', 'description', 'retention', 'disposition', 'citation'] as const satisfies readonly ScheduleField[];
// Every field in shared/import/types.ts must be choosable: a field missing above fails to compile here.
const everyInventoryField: [Exclude<InventoryField, (typeof inventoryFields)[number]>] extends [never] ? true : never = true;
const everyScheduleField: [Exclude<ScheduleField, (typeof scheduleFields)[number]>] extends [never] ? true : never = true;
void everyInventoryField;
void everyScheduleField;

/** What each column choice is called on screen and in the CLI. */
export const fieldLabels: Record<InventoryField | ScheduleField, string> = {
  boxNumber: 'Box number', barcode: 'Barcode', folderNumber: 'Folder number', title: 'Folder title',
  boxTitle: 'Box title', contentsDescription: 'Contents description', fileDescription1: 'File description 1',
  fileDescription2: 'File description 2', fileDescription3: 'File description 3', fileDescription4: 'File description 4',
  fileCode: 'File code', recordCode: 'Record code', seriesNumber: 'Schedule item number', seriesTitle: 'Series title',
  beginDate: 'Begin date', endDate: 'End date', dateRange: 'Date range', confidential: 'Confidential', notes: 'Notes',
  dispositionDate: 'Destruction date', triggerDate: 'Trigger date', reviewDate: 'Review date', department: 'Department',
  cubicFeet: 'Cubic feet', officeLocation: 'Office location', itemNumber: 'Item number', description: 'Description',
  retention: 'Retention', disposition: 'Disposition', citation: 'Citation',
};

function mappingSchema<F extends string>(fields: readonly [F, ...F[]]) {
  return z
    .object({
      sheet: z.string().max(400),
      headerRow: z.number().int().min(0).max(10_000_000),
      columns: z
        .array(
          z
            .object({
              index: z.number().int().min(0).max(16_384),
              heading: z.string().max(2000),
              field: z.enum(fields).nullable(),
            })
            .strict(),
        )
        .max(16_384),
    })
    .strict();
}
export const inventoryMappingSchema = mappingSchema(inventoryFields);
export const scheduleMappingSchema = mappingSchema(scheduleFields);

/** What to import: a kind and the mapping of the chosen sheet's columns for that kind. */
export interface ImportSheet {
  name: string;
  hidden: boolean;
  rowCount: number;
  columnCount: number;
  hiddenColumns: number[];
  /** The first PREVIEW_ROWS rows as text, exactly as the file has them (title rows and all). */
  previewRows: string[][];
  /** The file's own row numbers of previewRows (1-based). */
  previewRowNumbers: number[];
  suggested: { inventory: ColumnMapping<InventoryField>; schedule: ColumnMapping<ScheduleField> };
}

export interface ImportedFile {
  importId: string;
  fileName: string;
  sheets: ImportSheet[];
}

export interface ImportDuplicate {
  entity: 'box' | 'folder' | 'schedule-item';
  /** The file's row number of the record (the box's first row). */
  row: number;
  /** "Box 12", "Box 12, folder 3 “Oak Street permits” (BP-12)", "GS 1010 Building permits". */
  description: string;
}

export const skipReasons = ['blank', 'unmapped', 'heading', 'total'] as const satisfies readonly SkipReason[];
const everySkipReason: [Exclude<SkipReason, (typeof skipReasons)[number]>] extends [never] ? true : never = true;
void everySkipReason;

/** Why a row was skipped, as the review step and the saved list of skipped rows say it. */
export const skipReasonLabels: Record<SkipReason, string> = {
  blank: 'blank',
  unmapped: 'nothing in the columns being imported',
  heading: 'the heading row again',
  total: 'a totals row',
};

/** A skipped row as the preview carries it (the JSON the review step and `import --json` receive). */
export const skippedRowSchema = z
  .object({
    row: z.number().int().min(1),
    reason: z.enum(skipReasons),
    text: z.string().max(1000),
  })
  .strict() satisfies z.ZodType<SkippedRow>;

/** "Row 12: nothing in the columns being imported — “Continued on next page”". */
export function describeSkippedRow(skipped: SkippedRow): string {
  return `Row ${skipped.row}: ${skipReasonLabels[skipped.reason]}${skipped.text ? ` — “${skipped.text}”` : ''}`;
}

export interface ImportPreview {
  kind: ImportKind;
  fileName: string;
  sheet: string;
  report: ImportReport;
  /**
   * Every row skipped as blank, filled only in columns not imported, a repeated heading or a total, in file order:
   * the rows report.rowsSkippedBlank and rowsSkippedTotal count.
   */
  skippedRows: SkippedRow[];
  /** Rows with at least one problem (a row can have several). */
  rowsWithProblems: number;
  /** What the file holds, once read. */
  counts: { boxes: number; folders: number; scheduleItems: number };
  duplicateCounts: { boxes: number; folders: number; scheduleItems: number };
  /** The first PREVIEW_LIST_LIMIT duplicates. */
  duplicates: ImportDuplicate[];
  /** The first PREVIEW_SAMPLE records as they will be imported. */
  sample: { columns: string[]; rows: { row: number; cells: string[]; duplicate: boolean }[] };
  /** Schedule items or series named by folders that match nothing in the retention schedule: left unlinked. */
  unlinked: { value: string; folders: number; firstRow: number }[];
  /** Schedule rows whose retention text is kept but could not be read as a rule: set those by hand. */
  unparsedRules: { row: number; itemNumber: string; retentionText: string }[];
}

export interface ImportApplyResult {
  label: string;
  boxesCreated: number;
  boxesUpdated: number;
  foldersCreated: number;
  foldersUpdated: number;
  foldersSkipped: number;
  foldersUnlinked: number;
  scheduleItemsCreated: number;
  scheduleItemsUpdated: number;
  scheduleItemsSkipped: number;
  report: ImportReport;
}

export interface SavedMapping {
  name: string;
  kind: ImportKind;
  /** The headings the mapping was made on: a later file's columns are matched to them by name. */
  headings: string[];
  mapping: ColumnMapping<InventoryField | ScheduleField>;
  createdAt: string;
  /** With importId and sheet given: the mapping fitted to that sheet's columns, and how many headings matched. */
  fitted?: ColumnMapping<InventoryField | ScheduleField>;
  matchedColumns?: number;
}

/** One problem as a person reads it: "Sheet1 row 14, End date: …". */
export function describeProblem(problem: RowProblem): string {
  return `${problem.sheet} row ${problem.row}${problem.column ? `, ${problem.column}` : ''}: ${problem.reason}`;
}

/**
 * The records the import would add (boxes, folders, schedule items not already there): 0 with rows to import means
 * every one of them is already in the catalog, and skipping duplicates would write nothing.
 */
export function newRecords(preview: Pick<ImportPreview, 'counts' | 'duplicateCounts'>): number {
  const { counts, duplicateCounts } = preview;
  return counts.boxes - duplicateCounts.boxes + (counts.folders - duplicateCounts.folders) + (counts.scheduleItems - duplicateCounts.scheduleItems);
}

/** Rows with at least one problem: a row with a bad date and a bad box number counts once. */
export function rowsWithProblems(report: ImportReport): number {
  return new Set(report.problems.map((problem) => `${problem.sheet}\u0000${problem.row}`)).size;
}
