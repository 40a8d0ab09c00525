// XLSX, XLS (BIFF8) and ODS written by SheetJS with everything real box lists hold, read back into plain tables:
// the same tables whatever the format.
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { shownPrecision } from '../../../electron/import/sheet-table';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { lookupSheet, scheduleSheet, WILD_HEADINGS, wildBoxList } from './fixtures/box-lists';
import { day, workbook, type BookType } from './fixtures/workbooks';

const FORMATS: BookType[] = ['xlsx', 'xls', 'ods'];

describe.each(FORMATS)('reading a %s box list', (bookType) => {
  const sheets = readSpreadsheet(workbook([wildBoxList(), lookupSheet(), scheduleSheet()], bookType), `boxes.${bookType}`);
  const boxes = sheets[0];

  it('lists every sheet in order and says which are hidden', () => {
    expect(sheets.map((sheet) => [sheet.name, sheet.hidden])).toEqual([
      ['Boxes', false],
      ['Lookup', true],
      ['Schedule', false],
    ]);
  });

  it('keeps the title and contact rows, blank rows and the file’s own row numbers', () => {
    expect(boxes.rowNumbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(boxes.rows[1]).toEqual(['Contact:', 'Ana Núñez', 'Phone:', '555-0100']);
    expect(boxes.rows[2]).toEqual([]);
    expect(boxes.rows[3]).toEqual(WILD_HEADINGS);
  });

  it('copies a merged value into every cell of the merge', () => {
    expect(boxes.rows[0]).toEqual(Array(6).fill('City of Springfield — Public Works box list'));
    expect(boxes.rows[4][0]).toBe('1');
    expect(boxes.rows[5][0]).toBe('1');
  });

  it('reports hidden columns', () => {
    expect(boxes.hiddenColumns).toEqual([9]);
    expect(sheets[2].hiddenColumns).toEqual([]);
  });

  it('gives Excel date cells as dates, numbers as numbers, and text exactly as typed', () => {
    expect(boxes.rows[4][4]).toEqual(day(2019, 3, 15));
    expect(boxes.rows[4][5]).toEqual(day(2019, 12, 31));
    expect(boxes.rows[4][1]).toBe(1);
    expect(boxes.rows[5][3]).toBe('=SUM(A1)');
    expect(boxes.rows[7][2]).toBe('+1 contract renewals');
    expect(boxes.rows[7][3]).toBe('-007');
    expect(boxes.rows[8][2]).toBe('@home program files');
    expect(boxes.rows[9][2]).toBe('Café résumé 東京 📦');
    expect(String(boxes.rows[5][2]).replace(/\r\n/g, '\n')).toBe('Elm Avenue\npermits');
  });

  it('reads a number formatted 000 as the department sees it: "003"', () => {
    expect(boxes.rows[8][0]).toBe('003');
  });

  it('keeps a heading named __proto__ as a plain cell', () => {
    expect(boxes.rows[3][10]).toBe('__proto__');
    expect(boxes.rows[4][10]).toBe('polluted?');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('reading workbooks in general', () => {
  it('leaves out empty rows above the first filled row, keeping the file’s row numbers', () => {
    const [sheet] = readSpreadsheet(workbook([{ name: 'S', rows: [[], [], [null, 'Box', 'Title'], [null, '1', 'Minutes']] }], 'xlsx'), 's.xlsx');
    expect(sheet.rowNumbers).toEqual([3, 4]);
    expect(sheet.rows).toEqual([
      [null, 'Box', 'Title'],
      [null, '1', 'Minutes'],
    ]);
  });

  it('reads a sheet named __proto__ or constructor like any other', () => {
    const sheets = readSpreadsheet(workbook([{ name: '__proto__', rows: [['a']] }, { name: 'constructor', rows: [['b']] }], 'xlsx'), 'odd.xlsx');
    expect(sheets.map((sheet) => [sheet.name, sheet.rows])).toEqual([
      ['__proto__', [['a']]],
      ['constructor', [['b']]],
    ]);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('reads a web page table saved with an .xls name, keeping text as written', () => {
    const html = '<html><body><table><tr><td>Box</td><td>Title</td></tr><tr><td>003</td><td>Minutes &amp; agendas</td></tr></table></body></html>';
    const [sheet] = readSpreadsheet(new TextEncoder().encode(html), 'export.xls');
    expect(sheet.rows).toEqual([
      ['Box', 'Title'],
      ['003', 'Minutes & agendas'],
    ]);
  });
});

// Not ODS: SheetJS cannot write these number formats to ODS ("unrecognized character - in ODF format") and no other
// ODS writer is at hand here, so reading them from ODS is untested.
describe.each(['xlsx', 'xls'] as const)('a %s date cell formatted to show only the month or the year', (bookType) => {
  // Excel's serial day numbers: 43539 is 2019-03-15, 44561 is 2021-12-31.
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Shown as', 'Date'],
    ['mmm-yy', { t: 'n', v: 43539, z: 'mmm-yy' }],
    ['mmmm yyyy', { t: 'n', v: 43539, z: '[$-409]mmmm\\ yyyy;@' }],
    ['yyyy', { t: 'n', v: 44561, z: 'yyyy' }],
    ['m/d/yyyy', { t: 'n', v: 43539, z: 'm/d/yyyy' }],
    ['m/d/yy h:mm', { t: 'n', v: 43539.5, z: 'm/d/yy h:mm' }],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Dates');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType }) as ArrayBuffer);
  const [table] = readSpreadsheet(bytes, `dates.${bookType}`);
  const shown = Object.fromEntries(table.rows.slice(1).map(([format, value]) => [format as string, value]));

  it('keeps the precision the sheet shows: a month stays a month, a year a year', () => {
    expect(shown['mmm-yy']).toBe('2019-03');
    expect(shown['mmmm yyyy']).toBe('2019-03');
    expect(shown.yyyy).toBe('2021');
  });

  it('still gives a day (or a day and time) as a date', () => {
    expect(shown['m/d/yyyy']).toEqual(new Date(Date.UTC(2019, 2, 15)));
    expect(shown['m/d/yy h:mm']).toBeInstanceOf(Date);
  });
});

describe('shownPrecision', () => {
  it.each([
    ['mmm-yy', 'month'], ['mmmm yyyy', 'month'], ['mm/yyyy', 'month'], ['[$-409]mmm\\-yy;@', 'month'], ['yyyy', 'year'], ['"FY"yyyy', 'year'],
    ['m/d/yyyy', 'day'], ['dd-mmm-yy', 'day'], ['yyyy-mm-dd hh:mm', 'day'], ['h:mm AM/PM', 'day'], ['General', 'day'], ['0.00', 'day'],
  ] as const)('%s shows a %s', (format, precision) => expect(shownPrecision(format)).toBe(precision));
});
