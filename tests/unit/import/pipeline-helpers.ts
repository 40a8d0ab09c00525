// Spreadsheets made by the tests themselves (SheetJS writes them), and a session that reads them through the API.
import * as XLSX from 'xlsx';
import type { ApiInput } from '../../../shared/api/contract';
import type { ImportedFile, ImportKind } from '../../../shared/api/contract-import';
import type { ColumnMapping } from '../../../shared/import/types';
import { department, testSession, uploaded, type TestSession } from '../catalog/session-helpers';

export type Row = (string | number | boolean | Date | null)[];

export function xlsxBytes(sheets: { name: string; rows: Row[] }[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const sheet of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet.rows), sheet.name);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}


export const INVENTORY_HEADINGS = ['Box', 'Folder', 'Folder Title', 'File Code', 'Series Number', 'Series Title', 'Begin Date', 'End Date', 'Confidential', 'Notes'];
export const INVENTORY_FIELDS = ['boxNumber', 'folderNumber', 'title', 'fileCode', 'seriesNumber', 'seriesTitle', 'beginDate', 'endDate', 'confidential', 'notes'] as const;

/** A mapping that says outright what each column means, so a test does not lean on heading detection. */
export function explicitMapping(sheet: string, headerRow: number, headings: string[], fields: readonly (string | null)[]): ColumnMapping<string> {
  return { sheet, headerRow, columns: headings.map((heading, index) => ({ index, heading, field: fields[index] ?? null })) };
}

/** A box list as a department keeps it: a title row and a blank row above the headings. */
export function boxList(rows: Row[], title = 'Public Works — box list'): Row[] {
  return [[title], [], INVENTORY_HEADINGS, ...rows];
}

export const SAMPLE_ROWS: Row[] = [
  ['1', 1, 'Oak Street permits', 'BP-12', 'GS 1010', 'Building permits', '2019-01', '2019-12', 'No', ''],
  ['1', 2, 'Elm Avenue permits', 'BP-13', 'GS 1010', 'Building permits', '2019', '2020', 'No', 'Bulky'],
  ['2', 1, 'Personnel files A–L', 'HR-1', 'GS 2020', 'Personnel files', 'FY2018', 'FY2019', 'Yes', ''],
  ['2', 2, 'Personnel files M–Z', 'HR-2', 'GS 2020', 'Personnel files', '2018-07-01', '2019-06-30', 'Yes', ''],
  ['3', 1, '=SUM(A1) is not a formula', '-007', '', '', '1998', '2001', 'No', 'Line one\nline two'],
];

export async function catalogSession(): Promise<TestSession> {
  const t = await testSession();
  await t.call('catalog.create', { fileName: 'Public Works', department });
  return t;
}

export async function openFile(t: TestSession, fileName: string, bytes: Uint8Array): Promise<ImportedFile> {
  const { jobId } = await t.call('import.open', { file: await uploaded(t, fileName, bytes) });
  return t.call('import.result', { jobId });
}

export function planOf(file: ImportedFile, kind: ImportKind, mapping?: ColumnMapping<string>): ApiInput<'import.preview'> {
  return { importId: file.importId, kind, mapping: mapping ?? file.sheets[0].suggested[kind] } as ApiInput<'import.preview'>;
}

export async function applyImport(t: TestSession, plan: ApiInput<'import.preview'>, options: { onDuplicate?: 'skip' | 'update'; importGoodRowsOnly?: boolean } = {}) {
  const { jobId } = await t.call('import.apply', { ...plan, ...options } as ApiInput<'import.apply'>);
  return t.call('import.applied', { jobId });
}

export async function counts(t: TestSession): Promise<{ boxes: number; folders: number; scheduleItems: number }> {
  const summary = await t.call('catalog.summary', {});
  return { boxes: summary.boxes, folders: summary.folders, scheduleItems: summary.scheduleItems };
}

export const cy3 = { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' } as const;
