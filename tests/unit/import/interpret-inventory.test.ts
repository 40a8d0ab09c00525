// Box lists read into boxes and folders, every row accounted for: from real files in each format, and from small
// tables for each rule (box inherited from the row above, box-level lists, commercial file lists, totals, problems).
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { AppError } from '../../../shared/domain/errors';
import { suggestMapping } from '../../../shared/import/detect-columns';
import { interpretInventory } from '../../../shared/import/interpret-inventory';
import type { CellValue, ColumnMapping, InventoryField, SheetTable } from '../../../shared/import/types';
import { wildBoxList } from './fixtures/box-lists';
import { workbook, type BookType } from './fixtures/workbooks';

const table = (rows: CellValue[][]): SheetTable => ({ name: 'List', hidden: false, rows, rowNumbers: rows.map((_, index) => index + 1), hiddenColumns: [] });

function mapped(headings: string[], fields: (InventoryField | null)[], rows: CellValue[][]) {
  const mapping: ColumnMapping<InventoryField> = { sheet: 'List', headerRow: 0, columns: headings.map((heading, index) => ({ index, heading, field: fields[index] })) };
  return interpretInventory(table([headings, ...rows]), mapping);
}

describe.each<BookType>(['xlsx', 'xls', 'ods'])('the wild %s box list', (bookType) => {
  const [sheet] = readSpreadsheet(workbook([wildBoxList()], bookType), `boxes.${bookType}`);
  const mapping = suggestMapping(sheet, 'inventory');
  const { boxes, report } = interpretInventory(sheet, { ...mapping, columns: mapping.columns.map((column) => (column.heading === '__proto__' ? { ...column, field: 'notes' } : column)) });

  it('maps the columns under the title rows', () => {
    expect(mapping.headerRow).toBe(3);
    expect(mapping.columns.map((column) => column.field)).toEqual([
      'boxNumber', 'folderNumber', 'title', 'fileCode', 'beginDate', 'endDate', 'dateRange', 'confidential', 'notes', null, null,
    ]);
  });

  it('accounts for every row', () => {
    expect(report).toEqual({ rowsRead: 9, rowsImported: 6, rowsSkippedBlank: 2, rowsSkippedTotal: 1, problems: [] });
  });

  it('keeps labels as written, the merged box number on both its rows', () => {
    expect(boxes.map((box) => [box.label, box.sourceRows])).toEqual([
      ['1', [5, 6]],
      ['Box 2', [8]],
      ['003', [9]],
      ['B-12', [10, 11]],
    ]);
  });

  it('reads each folder with its dates at their precision, and text as written', () => {
    const folders = boxes.flatMap((box) => box.folders.map((folder) => [box.label, folder.position, folder.title, folder.fileCode, folder.beginDate, folder.endDate, folder.confidential]));
    expect(folders).toEqual([
      ['1', 1, 'Oak Street permits', 'BP-12', '2019-03-15', '2019-12-31', false],
      ['1', 2, 'Elm Avenue\npermits', '=SUM(A1)', '2019-03-15', '2019-12', true],
      ['Box 2', 1, '+1 contract renewals', '-007', '2019-03', '2020-03', false],
      ['003', 1, '@home program files', 'HR-1', 'FY2019', 'FY2020', true],
      ['B-12', 1, 'Café résumé 東京 📦', '', '1998', '', false],
      ['B-12', 2, 'Budget', '', '2017-01', '2018-03', false],
    ]);
  });

  it('keeps notes, a column mapped from a heading named __proto__, and "ongoing" as written', () => {
    const notes = boxes.flatMap((box) => box.folders.map((folder) => folder.notes));
    expect(notes).toEqual(['polluted?', 'Bulky', '', '', 'Dates: 1998-ongoing', '']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reading rows', () => {
  const HEADINGS = ['Box', 'Folder Title', 'Begin Date', 'End Date'];
  const FIELDS: InventoryField[] = ['boxNumber', 'title', 'beginDate', 'endDate'];

  it('gives a row without a box number to the box above it, wherever that box appears again', () => {
    const { boxes } = mapped(HEADINGS, FIELDS, [['1', 'A', '', ''], ['', 'B', '', ''], ['2', 'C', '', ''], ['1', 'D', '', ''], [null, 'E', '', '']]);
    expect(boxes.map((box) => [box.label, box.folders.map((folder) => folder.title)])).toEqual([
      ['1', ['A', 'B', 'D', 'E']],
      ['2', ['C']],
    ]);
  });

  it('lists each unreadable row with its sheet, row, column heading and reason, and imports the rest', () => {
    const { boxes, report } = mapped(HEADINGS, FIELDS, [
      ['', 'Orphan', '', ''],
      ['1', 'Good', '2019', '2020'],
      ['1', '', 'someday', '2020'],
      ['2', 'Bad end', '2019', '31/31/2020'],
    ]);
    expect(report.problems).toEqual([
      { sheet: 'List', row: 2, column: 'Box', reason: 'No box number, and no box above it for this row to belong to' },
      { sheet: 'List', row: 4, column: 'Folder Title', reason: 'No folder title: every folder needs its title as written on the tab' },
      { sheet: 'List', row: 4, column: 'Begin Date', reason: expect.stringMatching(/^"someday" is not a date/) },
      { sheet: 'List', row: 5, column: 'End Date', reason: expect.stringMatching(/^"31\/31\/2020" is not a real date/) },
    ]);
    expect(report).toMatchObject({ rowsRead: 4, rowsImported: 1 });
    expect(boxes.map((box) => box.label)).toEqual(['1']);
  });

  it('says so when the box number above could not be read', () => {
    const { report } = mapped(HEADINGS, FIELDS, [['x'.repeat(200), 'A', '', ''], ['', 'B', '', '']]);
    expect(report.problems.map((problem) => [problem.row, problem.reason])).toEqual([
      [2, expect.stringMatching(/at most 120 characters/)],
      [3, 'No box number, and the box number above could not be read, so this row has no box'],
    ]);
  });

  it('skips blank rows, Total rows and a repeated heading row, and counts them', () => {
    const { report } = mapped(HEADINGS, FIELDS, [
      ['1', 'Total quality program', '', ''],
      [null, null, null, null],
      ['Total', '', '', ''],
      ['', 'Grand Total: 12 boxes', '', ''],
      ['Subtotal', '', '', ''],
      HEADINGS,
      ['2', 'B', '', ''],
    ]);
    expect(report).toEqual({ rowsRead: 7, rowsImported: 2, rowsSkippedBlank: 2, rowsSkippedTotal: 3, problems: [] });
  });

  it('takes a row with only box values as the box’s own row, describing it', () => {
    const { boxes, report } = mapped(['Box', 'Box Title', 'Folder Title', 'Cubic Feet'], ['boxNumber', 'boxTitle', 'title', 'cubicFeet'], [
      ['7', 'Finance ledgers', '', 1.2],
      ['', '', 'Ledger 2019', ''],
      ['8', '', '', ''],
    ]);
    expect(report).toMatchObject({ rowsImported: 3, problems: [] });
    expect(boxes).toEqual([
      { label: '7', sourceRows: [2, 3], title: 'Finance ledgers', cubicFeet: 1.2, folders: [expect.objectContaining({ title: 'Ledger 2019', sourceRow: 3 })] },
      { label: '8', sourceRows: [4], folders: [] },
    ]);
  });

  it('keeps box labels such as __proto__ and constructor as ordinary boxes', () => {
    const { boxes } = mapped(HEADINGS, FIELDS, [['__proto__', 'A', '', ''], ['constructor', 'B', '', ''], ['toString', 'C', '', '']]);
    expect(boxes.map((box) => box.label)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses a mapping without a box number or a title column, naming what to choose', () => {
    const headings = ['Box', 'Title'];
    expect(() => mapped(headings, [null, 'title'], [])).toThrow(AppError);
    expect(() => mapped(headings, [null, 'title'], [])).toThrow(/holds the box number \(or the box barcode\)/);
    expect(() => mapped(headings, ['boxNumber', null], [])).toThrow(/holds the folder title/);
  });
});

describe('the layouts found in the field', () => {
  it('reads a commercial center’s file list: descriptions joined into the title, record code linked, destruction date kept', () => {
    const headings = ['Customer Box Number', 'Department', 'Record Code', 'From Date', 'To Date', 'File Description 1', 'File Description 2', 'File Description 3', 'File Description 4', 'Destruction Date'];
    const fields: InventoryField[] = ['boxNumber', 'department', 'recordCode', 'beginDate', 'endDate', 'fileDescription1', 'fileDescription2', 'fileDescription3', 'fileDescription4', 'dispositionDate'];
    const { boxes } = mapped(headings, fields, [['B1', 'Finance', 'FIN-01', '2019', '2020', 'Invoices', 'Vendor A–K', '', 'Paid', '12/31/2027']]);
    expect(boxes[0].folders[0]).toEqual({
      sourceRow: 2,
      title: 'Invoices — Vendor A–K — Paid',
      fileCode: 'FIN-01',
      itemNumber: 'FIN-01',
      seriesTitle: null,
      beginDate: '2019',
      endDate: '2020',
      confidential: false,
      notes: 'Department: Finance\nDestruction Date: 12/31/2027',
      dispositionDate: '2027-12-31',
    });
  });

  it('reads a box-level list: one folder per box, titled with the box title and contents, the barcode as the label', () => {
    const headings = ['Barcode', 'Record Code', 'Box Title', 'Contents Description', 'Date Range', 'Retention Trigger Date', 'Review Date'];
    const fields: InventoryField[] = ['barcode', 'recordCode', 'boxTitle', 'contentsDescription', 'dateRange', 'triggerDate', 'reviewDate'];
    const { boxes, report } = mapped(headings, fields, [
      ['00012345', 'GS 1010', 'Permits 2019', 'Oak St to Elm Ave', '2019-2021', '2021-12-31', 'someday'],
      ['00012346', 'GS 2020', '', 'Personnel A–L', 'FY2018-FY2019', '', ''],
    ]);
    expect(report.problems).toEqual([]);
    expect(boxes.map((box) => [box.label, box.title, box.folders.map((folder) => [folder.title, folder.itemNumber, folder.beginDate, folder.endDate, folder.eventDate, folder.notes])])).toEqual([
      ['00012345', 'Permits 2019 — Oak St to Elm Ave', [['Permits 2019 — Oak St to Elm Ave', 'GS 1010', '2019', '2021', '2021-12-31', 'Retention Trigger Date: 2021-12-31\nReview Date: someday']]],
      ['00012346', 'Personnel A–L', [['Personnel A–L', 'GS 2020', 'FY2018', 'FY2019', undefined, '']]],
    ]);
  });

  it('keeps a barcode next to a box number in the folder’s notes, and an odd folder number too', () => {
    const { boxes } = mapped(['Box', 'Barcode', 'Folder', 'Title'], ['boxNumber', 'barcode', 'folderNumber', 'title'], [['1', 'X-99', '3a', 'Minutes']]);
    expect(boxes[0].folders[0]).toMatchObject({ notes: 'Barcode: X-99\nFolder: 3a' });
    expect(boxes[0].folders[0]).not.toHaveProperty('position');
  });

  it('prefers the begin and end columns to a date range column, and fills in from the range what they leave out', () => {
    const headings = ['Box', 'Title', 'Begin', 'End', 'Dates'];
    const fields: InventoryField[] = ['boxNumber', 'title', 'beginDate', 'endDate', 'dateRange'];
    const { boxes } = mapped(headings, fields, [['1', 'A', '2018', '', '2015-2020'], ['1', 'B', '', '', '2015-2020']]);
    expect(boxes[0].folders.map((folder) => [folder.beginDate, folder.endDate])).toEqual([
      ['2018', '2020'],
      ['2015', '2020'],
    ]);
  });
});

describe('begin and end date columns that hold ranges or "ongoing"', () => {
  const headings = ['Box', 'Title', 'Begin Date', 'End Date'];
  const fields: InventoryField[] = ['boxNumber', 'title', 'beginDate', 'endDate'];
  const folderOf = (begin: CellValue, end: CellValue) => {
    const { boxes, report } = mapped(headings, fields, [['1', 'Permits', begin, end]]);
    return { folder: boxes[0]?.folders[0], problems: report.problems };
  };

  it('reads a range in the begin column as both dates when the end column is empty', () => {
    expect(folderOf('2019-2021', null).folder).toMatchObject({ beginDate: '2019', endDate: '2021' });
    expect(folderOf('FY2018-FY2019', '').folder).toMatchObject({ beginDate: 'FY2018', endDate: 'FY2019' });
  });

  it('reads "1998-ongoing" in the begin column as open-ended, noting it as written', () => {
    const { folder, problems } = folderOf('1998-ongoing', null);
    expect(problems).toEqual([]);
    expect(folder).toMatchObject({ beginDate: '1998', endDate: '' });
    expect(folder?.notes).toContain('Begin Date: 1998-ongoing');
  });

  it('reads "ongoing" or "present" in the end column as no end yet, noting it', () => {
    for (const word of ['ongoing', 'Present', ' to date ']) {
      const { folder, problems } = folderOf('2015', word);
      expect(problems).toEqual([]);
      expect(folder).toMatchObject({ beginDate: '2015', endDate: '' });
      expect(folder?.notes).toContain('End Date:');
    }
  });

  it('takes the end of a range in the end column, and the begin column still wins for the begin', () => {
    expect(folderOf('2018', '2019-2021').folder).toMatchObject({ beginDate: '2018', endDate: '2021' });
    expect(folderOf(null, '2019-2021').folder).toMatchObject({ beginDate: '2019', endDate: '2021' });
  });

  it('keeps a single date a single date, and still names the column of a date it cannot read', () => {
    expect(folderOf('2019', null).folder).toMatchObject({ beginDate: '2019', endDate: '' });
    const { problems } = folderOf('2019', 'someday');
    expect(problems).toEqual([expect.objectContaining({ row: 2, column: expect.stringMatching(/End Date/), reason: expect.stringMatching(/^"someday" is not a date/) })]);
  });
});
