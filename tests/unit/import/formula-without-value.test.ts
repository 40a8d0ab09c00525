// A formula the file saved no value for (a script or web app wrote the workbook and nothing calculated it) is
// reported by row and column as what it is, never read as an empty cell ("No folder title", "belongs to the box
// above"); a formula with a saved value imports that value.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { describeProblem } from '../../../shared/api/contract-import';
import { FORMULA_WITHOUT_VALUE } from '../../../shared/import/row-reader';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import type { TestSession } from '../catalog/session-helpers';
import { applyImport, catalogSession, openFile, planOf, type Row } from './pipeline-helpers';

let t: TestSession;
afterEach(async () => t?.dispose());

const HEADINGS = ['Box', 'Folder', 'Folder Title', 'File Code', 'Begin Date', 'End Date'];

/** An .xlsx written by SheetJS with some cells replaced by formula cells (A1 references, as SheetJS takes them). */
function xlsxWithFormulas(rows: Row[], formulas: Record<string, XLSX.CellObject>, name = 'Boxes'): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (const [ref, cell] of Object.entries(formulas)) sheet[ref] = cell;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, name);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** The same workbook with one cell's XML written by hand, as other programs write a formula they did not calculate. */
function withCellXml(bytes: Uint8Array, ref: string, xml: string): Uint8Array {
  const files = unzipSync(bytes);
  const part = 'xl/worksheets/sheet1.xml';
  const sheet = strFromU8(files[part]);
  const cell = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`);
  expect(sheet).toMatch(cell);
  files[part] = strToU8(sheet.replace(cell, xml));
  return zipSync(files);
}

const boxList = (rows: Row[]): Row[] => [['Public Works — box list'], HEADINGS, ...rows];

// Row 3 of the file is the first folder; row 7 is the fifth.
const ROWS: Row[] = [
  ['1', 1, 'Oak Street permits', 'BP-12', '2019', '2019'],
  ['1', 2, 'Elm Avenue permits', 'BP-13', '2019', '2020'],
  ['2', 1, 'Budget', 'FIN-1', '2018', '2018'],
  ['2', 2, 'Payroll', 'FIN-2', '2018', '2018'],
  ['2', 3, 'placeholder', 'FIN-3', '2018', '2018'],
];

describe('reading a formula cell', () => {
  it('marks a formula with no saved value (as SheetJS writes one) and reads it as no value', () => {
    const bytes = xlsxWithFormulas(boxList(ROWS), { C7: { t: 'n', f: 'A1+B1' } as XLSX.CellObject });
    const [sheet] = readSpreadsheet(bytes, 'boxes.xlsx');
    expect(sheet.formulasWithoutValue).toEqual([{ row: 6, column: 2 }]);
    expect(sheet.rows[6]).toEqual(['2', 3, null, 'FIN-3', '2018', '2018']);
  });

  it.each([
    ['no value element', '<c r="C7"><f>A1&amp;B1</f></c>'],
    ['an empty value element', '<c r="C7"><f>A1&amp;B1</f><v></v></c>'],
    ['a shared formula', '<c r="C7"><f t="shared" ref="C7:C7" si="0">A1&amp;B1</f></c>'],
    ['an error type and no value', '<c r="C7" t="e"><f>A1&amp;B1</f></c>'],
  ])('marks a formula with %s, as other programs write one', (_, xml) => {
    const bytes = withCellXml(xlsxWithFormulas(boxList(ROWS), {}), 'C7', xml);
    const [sheet] = readSpreadsheet(bytes, 'boxes.xlsx');
    expect(sheet.formulasWithoutValue).toEqual([{ row: 6, column: 2 }]);
    expect(sheet.rows[6][2]).toBeNull();
  });

  it('reads a formula that calculated to empty text as an empty cell, not as one with no value', () => {
    const bytes = withCellXml(xlsxWithFormulas(boxList(ROWS), {}), 'C7', '<c r="C7" t="str"><f>IF(A7="","x","")</f><v></v></c>');
    const [sheet] = readSpreadsheet(bytes, 'boxes.xlsx');
    expect(sheet.formulasWithoutValue).toBeUndefined();
    expect(sheet.rows[6][2]).toBeNull();
  });

  it('reads the saved value of a formula that has one, and marks nothing', () => {
    const bytes = xlsxWithFormulas(boxList(ROWS), {
      C7: { t: 's', f: '"Pay"&"roll 2019"', v: 'Payroll 2019' } as XLSX.CellObject,
      B7: { t: 'n', f: 'B6+1', v: 3 } as XLSX.CellObject,
    });
    const [sheet] = readSpreadsheet(bytes, 'boxes.xlsx');
    expect(sheet.formulasWithoutValue).toBeUndefined();
    expect(sheet.rows[6]).toEqual(['2', 3, 'Payroll 2019', 'FIN-3', '2018', '2018']);
  });

  it('keeps a last row whose only cell is a formula with no value, so the row can be reported', () => {
    const bytes = xlsxWithFormulas(boxList([...ROWS, [null, null, 'x']]), { C8: { t: 'n', f: 'A1' } as XLSX.CellObject });
    const [sheet] = readSpreadsheet(bytes, 'boxes.xlsx');
    expect(sheet.rows).toHaveLength(8);
    expect(sheet.rowNumbers.at(-1)).toBe(8);
    expect(sheet.formulasWithoutValue).toEqual([{ row: 7, column: 2 }]);
  });

  it('leaves every cell a merged formula with no value covers without one', () => {
    const sheet = XLSX.utils.aoa_to_sheet(boxList(ROWS));
    sheet.A6 = { t: 'n', f: 'A1' } as XLSX.CellObject;
    sheet['!merges'] = [{ s: { r: 5, c: 0 }, e: { r: 6, c: 0 } }];
    delete sheet.A7;
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Boxes');
    const [table] = readSpreadsheet(new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'boxes.xlsx');
    expect(table.formulasWithoutValue).toEqual([
      { row: 5, column: 0 },
      { row: 6, column: 0 },
    ]);
  });
});

describe('importing a box list with a formula that has no value', () => {
  it('reports the row and column as a formula with no value, not as a missing folder title, and imports the rest', async () => {
    t = await catalogSession();
    const bytes = xlsxWithFormulas(boxList(ROWS), {
      C7: { t: 'n', f: 'A1+B1' } as XLSX.CellObject,
      // A formula with its value saved imports that value.
      C6: { t: 's', f: '"Pay"&"roll"', v: 'Payroll' } as XLSX.CellObject,
    });
    const file = await openFile(t, 'boxlist.xlsx', bytes);
    const preview = await t.call('import.preview', planOf(file, 'inventory'));
    expect(preview.report.problems).toEqual([{ sheet: 'Boxes', row: 7, column: 'Folder Title', reason: FORMULA_WITHOUT_VALUE }]);
    expect(describeProblem(preview.report.problems[0])).toBe(
      'Boxes row 7, Folder Title: A formula with no value — open the file in your spreadsheet program, let it calculate, save, and import again',
    );
    expect(preview.rowsWithProblems).toBe(1);
    expect(preview.report.rowsImported).toBe(4);
    expect(preview.skippedRows).toEqual([]);

    await applyImport(t, planOf(file, 'inventory'), { importGoodRowsOnly: true });
    const titles = (await t.call('folders.list', { filter: { query: '' } })).rows.map((folder) => folder.title);
    expect(titles).toEqual(['Oak Street permits', 'Elm Avenue permits', 'Budget', 'Payroll']);
  });

  it('does not give the rows under a box number with no value to the box above', async () => {
    t = await catalogSession();
    const rows: Row[] = [...ROWS.slice(0, 2), ['PLACEHOLDER', 1, 'Budget', 'FIN-1', '2018', '2018'], [null, 2, 'Payroll', 'FIN-2', '2018', '2018']];
    const bytes = xlsxWithFormulas(boxList(rows), { A5: { t: 'n', f: 'A4+1' } as XLSX.CellObject });
    const file = await openFile(t, 'boxlist.xlsx', bytes);
    const preview = await t.call('import.preview', planOf(file, 'inventory'));
    expect(preview.report.problems).toEqual([
      { sheet: 'Boxes', row: 5, column: 'Box', reason: FORMULA_WITHOUT_VALUE },
      { sheet: 'Boxes', row: 6, column: 'Box', reason: 'No box number, and the box number above could not be read, so this row has no box' },
    ]);
    expect(preview.counts).toMatchObject({ boxes: 1, folders: 2 });
  });

  it('still skips a totals row whose sum has no value', async () => {
    t = await catalogSession();
    const bytes = xlsxWithFormulas(boxList([...ROWS, ['Total', null, null, null, null, null]]), { B8: { t: 'n', f: 'SUM(B3:B7)' } as XLSX.CellObject });
    const file = await openFile(t, 'boxlist.xlsx', bytes);
    const preview = await t.call('import.preview', planOf(file, 'inventory'));
    expect(preview.report.problems).toEqual([]);
    expect(preview.report.rowsSkippedTotal).toBe(1);
    expect(preview.skippedRows).toEqual([{ row: 8, reason: 'total', text: 'Total' }]);
  });
});

describe('importing a retention schedule with a formula that has no value', () => {
  it('reports the item number as a formula with no value, not as missing', async () => {
    t = await catalogSession();
    const rows: Row[] = [
      ['Item Number', 'Series Title', 'Retention'],
      ['GS 1010', 'Building permits', 'CY+3'],
      ['GS 2020', 'Personnel files', '6 years'],
      ['GS 3030', 'Council minutes', 'Permanent'],
    ];
    const calculated = xlsxWithFormulas(rows, { B4: { t: 's', f: '"Council "&"minutes"', v: 'Council minutes' } as XLSX.CellObject }, 'Schedule');
    const bytes = withCellXml(calculated, 'A3', '<c r="A3"><f>"GS "&amp;(1010+1010)</f></c>');
    const file = await openFile(t, 'schedule.xlsx', bytes);
    const preview = await t.call('import.preview', planOf(file, 'schedule'));
    expect(preview.report.problems).toEqual([{ sheet: 'Schedule', row: 3, column: 'Item Number', reason: FORMULA_WITHOUT_VALUE }]);
    expect(preview.sample.rows.map((row) => row.cells.slice(0, 2))).toEqual([
      ['GS 1010', 'Building permits'],
      ['GS 3030', 'Council minutes'],
    ]);
  });
});
