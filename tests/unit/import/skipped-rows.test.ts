// Every row an import skips is listed with its row number, why, and what it holds (a row filled only in ignored
// columns is seen, not silently dropped); the preview carries the list in the shape its schema publishes; and the
// review's import button never offers to import when every row is already in the catalog.
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeSkippedRow, newRecords, skippedRowSchema, type ImportPreview } from '../../../shared/api/contract-import';
import { interpretInventory } from '../../../shared/import/interpret-inventory';
import { interpretSchedule } from '../../../shared/import/interpret-schedule';
import { skippedRowsCsv, skippedRowsCsvName } from '../../../shared/import/report-csv';
import { rowText } from '../../../shared/import/row-kinds';
import type { CellValue, ColumnMapping, InventoryField, ScheduleField, SheetTable } from '../../../shared/import/types';
import { importButton } from '../../../renderer/src/import/import-button';
import type { TestSession } from '../catalog/session-helpers';
import { applyImport, boxList, catalogSession, explicitMapping, INVENTORY_FIELDS, INVENTORY_HEADINGS, openFile, planOf, SAMPLE_ROWS, xlsxBytes, type Row } from './pipeline-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const table = (rows: CellValue[][]): SheetTable => ({ name: 'List', hidden: false, rows, rowNumbers: rows.map((_, index) => index + 1), hiddenColumns: [] });

describe('the skipped rows of a box list', () => {
  const headings = ['Box', 'Title', 'Remarks (not imported)'];
  const mapping: ColumnMapping<InventoryField> = {
    sheet: 'List',
    headerRow: 0,
    columns: [
      { index: 0, heading: 'Box', field: 'boxNumber' },
      { index: 1, heading: 'Title', field: 'title' },
      { index: 2, heading: 'Remarks (not imported)', field: null },
    ],
  };
  const rows: CellValue[][] = [
    headings,
    ['1', 'Oak Street permits'],
    [],
    [null, null, 'Continued on next page'],
    ['Box', 'Title'],
    ['1', 'Elm Avenue permits'],
    ['Total boxes: 1'],
  ];

  it('lists each with its row number, why, and what it holds; the counts are unchanged', () => {
    const { report, skippedRows } = interpretInventory(table(rows), mapping);
    expect(report).toMatchObject({ rowsRead: 6, rowsImported: 2, rowsSkippedBlank: 3, rowsSkippedTotal: 1 });
    expect(skippedRows).toEqual([
      { row: 3, reason: 'blank', text: '' },
      { row: 4, reason: 'unmapped', text: 'Continued on next page' },
      { row: 5, reason: 'heading', text: 'Box | Title' },
      { row: 7, reason: 'total', text: 'Total boxes: 1' },
    ]);
    expect(skippedRows.map(describeSkippedRow)).toEqual([
      'Row 3: blank',
      'Row 4: nothing in the columns being imported — “Continued on next page”',
      'Row 5: the heading row again — “Box | Title”',
      'Row 7: a totals row — “Total boxes: 1”',
    ]);
    expect(z.array(skippedRowSchema).parse(skippedRows)).toEqual(skippedRows);
  });

  it('gives a schedule’s skipped rows the same way', () => {
    const scheduleMapping: ColumnMapping<ScheduleField> = {
      sheet: 'List',
      headerRow: 0,
      columns: [
        { index: 0, heading: 'Item', field: 'itemNumber' },
        { index: 1, heading: 'Title', field: 'seriesTitle' },
      ],
    };
    const { items, skippedRows } = interpretSchedule(table([['Item', 'Title'], ['GS 1010', 'Permits'], [null, null, 'page 2'], ['TOTAL']]), scheduleMapping);
    expect(items).toHaveLength(1);
    expect(skippedRows).toEqual([
      { row: 3, reason: 'unmapped', text: 'page 2' },
      { row: 4, reason: 'total', text: 'TOTAL' },
    ]);
  });

  it('keeps a row’s text on one line and cuts it short for the list', () => {
    expect(rowText(['Box 3', 42, 'line one\nline two', null, true])).toBe('Box 3 | 42 | line one line two | TRUE');
    const long = rowText(['📦'.repeat(300)]);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('📦…')).toBe(true);
  });

  it('saves the whole list as CSV, named after the file', () => {
    const { skippedRows } = interpretInventory(table(rows), mapping);
    const csv = skippedRowsCsv('List', skippedRows);
    expect(csv.startsWith('\uFEFFSheet,Row,Why it was skipped,What the row holds\r\n')).toBe(true);
    const read = XLSX.utils.sheet_to_json<string[]>(XLSX.read(csv.slice(1), { type: 'string', raw: true }).Sheets.Sheet1, { header: 1, raw: false });
    expect(read.slice(1)).toEqual([
      ['List', '3', 'blank'],
      ['List', '4', 'nothing in the columns being imported', 'Continued on next page'],
      ['List', '5', 'the heading row again', 'Box | Title'],
      ['List', '7', 'a totals row', 'Total boxes: 1'],
    ]);
    expect(skippedRowsCsvName('boxlist.xlsx')).toBe('boxlist – skipped rows.csv');
  });
});

describe('the preview of a file with skipped rows', () => {
  it('carries every skipped row, valid by its schema, through the API', async () => {
    t = await catalogSession();
    const rows: Row[] = [
      ...SAMPLE_ROWS.slice(0, 2),
      [],
      [...Array(10).fill(null), 'Page 2'],
      INVENTORY_HEADINGS,
      ...SAMPLE_ROWS.slice(2, 4),
      ['Total', null, null, null, null, null, null, null, null, null],
    ];
    const file = await openFile(t, 'boxlist.xlsx', xlsxBytes([{ name: 'Boxes', rows: boxList(rows) }]));
    // The eleventh column ("Page 2") has no heading: it is mapped to nothing.
    const mapping = explicitMapping('Boxes', 2, INVENTORY_HEADINGS, INVENTORY_FIELDS);
    const preview = await t.call('import.preview', planOf(file, 'inventory', mapping));
    // Rows 1–3 of the file are the title, a blank row and the headings; the list starts on row 4.
    expect(preview.skippedRows).toEqual([
      { row: 6, reason: 'blank', text: '' },
      { row: 7, reason: 'unmapped', text: 'Page 2' },
      { row: 8, reason: 'heading', text: INVENTORY_HEADINGS.join(' | ') },
      { row: 11, reason: 'total', text: 'Total' },
    ]);
    expect(preview.report).toMatchObject({ rowsImported: 4, rowsSkippedBlank: 3, rowsSkippedTotal: 1 });
    // As the web shell and the window receive it: JSON, read back by the published shape.
    const received = JSON.parse(JSON.stringify(preview)) as ImportPreview;
    expect(z.array(skippedRowSchema).parse(received.skippedRows)).toEqual(preview.skippedRows);
  });

  it('rejects a skipped row of another shape', () => {
    expect(skippedRowSchema.safeParse({ row: 0, reason: 'blank', text: '' }).success).toBe(false);
    expect(skippedRowSchema.safeParse({ row: 3, reason: 'duplicate', text: '' }).success).toBe(false);
    expect(skippedRowSchema.safeParse({ row: 3, reason: 'blank', text: '', extra: 1 }).success).toBe(false);
  });
});

describe('the import button', () => {
  const preview = (overrides: Partial<Pick<ImportPreview, 'kind' | 'rowsWithProblems' | 'counts' | 'duplicateCounts'>> & { rows?: number }) => ({
    kind: overrides.kind ?? ('inventory' as const),
    report: { rowsRead: 40, rowsImported: overrides.rows ?? 40, rowsSkippedBlank: 0, rowsSkippedTotal: 0, problems: [] },
    rowsWithProblems: overrides.rowsWithProblems ?? 0,
    counts: overrides.counts ?? { boxes: 4, folders: 40, scheduleItems: 0 },
    duplicateCounts: overrides.duplicateCounts ?? { boxes: 0, folders: 0, scheduleItems: 0 },
  });
  const allThere = { boxes: 4, folders: 40, scheduleItems: 0 };

  it('says when every row is already in the catalog, and cannot be pressed', () => {
    expect(importButton(preview({ duplicateCounts: allThere }), 'skip')).toEqual({
      label: 'Nothing new to import — all 40 rows are already in the catalog',
      enabled: false,
    });
    expect(importButton(preview({ rows: 1, counts: { boxes: 1, folders: 1, scheduleItems: 0 }, duplicateCounts: { boxes: 1, folders: 1, scheduleItems: 0 } }), 'skip').label).toBe(
      'Nothing new to import — the file’s one row is already in the catalog',
    );
    expect(importButton(preview({ rows: 38, rowsWithProblems: 2, duplicateCounts: allThere }), 'skip').label).toBe(
      'Nothing new to import — all 38 good rows are already in the catalog',
    );
    const schedule = { boxes: 0, folders: 0, scheduleItems: 12 };
    expect(importButton(preview({ kind: 'schedule', rows: 12, counts: schedule, duplicateCounts: schedule }), 'skip').label).toBe(
      'Nothing new to import — all 12 rows are already in your schedule',
    );
  });

  it('offers to update them when the person chooses to', () => {
    expect(importButton(preview({ duplicateCounts: allThere }), 'update')).toEqual({ label: 'Update 40 rows', enabled: true });
  });

  it('imports the rows when something is new, even beside duplicates', () => {
    expect(importButton(preview({}), 'skip')).toEqual({ label: 'Import 40 rows', enabled: true });
    expect(importButton(preview({ duplicateCounts: { boxes: 4, folders: 39, scheduleItems: 0 } }), 'skip')).toEqual({ label: 'Import 40 rows', enabled: true });
    // A new box whose only row describes the box counts as new.
    expect(newRecords({ counts: { boxes: 2, folders: 0, scheduleItems: 0 }, duplicateCounts: { boxes: 1, folders: 0, scheduleItems: 0 } })).toBe(1);
  });

  it('never says "Import 0 rows"', () => {
    expect(importButton(preview({ rows: 0, counts: { boxes: 0, folders: 0, scheduleItems: 0 } }), 'skip')).toEqual({ label: 'Nothing to import', enabled: false });
  });

  it('agrees with what the Node side would write: a re-import of the same file is nothing new', async () => {
    t = await catalogSession();
    const bytes = xlsxBytes([{ name: 'Boxes', rows: boxList(SAMPLE_ROWS) }]);
    await applyImport(t, planOf(await openFile(t, 'boxlist.xlsx', bytes), 'inventory'));
    const again = await openFile(t, 'boxlist.xlsx', bytes);
    const repeat = await t.call('import.preview', planOf(again, 'inventory'));
    expect(newRecords(repeat)).toBe(0);
    expect(importButton(repeat, 'skip')).toEqual({ label: 'Nothing new to import — all 5 rows are already in the catalog', enabled: false });
    expect((await t.fail('import.apply', planOf(again, 'inventory'))).message).toMatch(/^Nothing to import: 5 folders/);
  });
});
