// Finding the heading row and guessing what each column means, for box lists, commercial file lists, box-level lists
// and retention schedules as they are written in the field.
import { describe, expect, it } from 'vitest';
import { detectHeaderRow, guessColumns, suggestMapping } from '../../../shared/import/detect-columns';
import type { CellValue, SheetTable } from '../../../shared/import/types';

const table = (rows: CellValue[][], hiddenColumns: number[] = []): SheetTable => ({
  name: 'Sheet1',
  hidden: false,
  rows,
  rowNumbers: rows.map((_, index) => index + 1),
  hiddenColumns,
});

const fields = (headings: string[], kind: 'inventory' | 'schedule') => guessColumns(headings, kind).map((guess) => guess.field);

describe('guessColumns', () => {
  it.each<[string, string | null]>([
    ['Box Number', 'boxNumber'], ['Box No.', 'boxNumber'], ['BOX #', 'boxNumber'], ['Box', 'boxNumber'], ['Customer Box Number', 'boxNumber'],
    ['Carton', 'boxNumber'], ['Barcode', 'barcode'], ['Bar Code', 'barcode'], ['Folder Number', 'folderNumber'], ['Folder No', 'folderNumber'],
    ['File No.', 'folderNumber'], ['Folder Title', 'title'], ['Title', 'title'], ['Description', 'title'], ['Folder Description', 'title'],
    ['File Description 1', 'fileDescription1'], ['File Description 4', 'fileDescription4'], ['File Code', 'fileCode'], ['Code', 'fileCode'],
    ['Record Code', 'recordCode'], ['Series Number', 'seriesNumber'], ['Series No.', 'seriesNumber'], ['Schedule Item', 'seriesNumber'],
    ['Item No.', 'seriesNumber'], ['Retention Code', 'seriesNumber'], ['Series Title', 'seriesTitle'], ['Record Series', 'seriesTitle'],
    ['Beginning Date', 'beginDate'], ['Begin', 'beginDate'], ['Start Date', 'beginDate'], ['From Date', 'beginDate'], ['From', 'beginDate'],
    ['Ending Date', 'endDate'], ['End Date', 'endDate'], ['To Date', 'endDate'], ['To', 'endDate'], ['Date Range', 'dateRange'],
    ['Dates', 'dateRange'], ['Date Span', 'dateRange'], ['Inclusive Dates', 'dateRange'], ['Confidential', 'confidential'],
    ['Restricted', 'confidential'], ['Restriction Code', 'confidential'], ['Notes', 'notes'], ['Remarks', 'notes'], ['Comments', 'notes'],
    ['Destruction Date', 'dispositionDate'], ['Disposition Date', 'dispositionDate'], ['Destroy Date', 'dispositionDate'],
    ['Retention Trigger Date', 'triggerDate'], ['Trigger Date', 'triggerDate'], ['Review Date', 'reviewDate'], ['Department', 'department'],
    ['Box Title', 'boxTitle'], ['Contents Description', 'contentsDescription'], ['Cubic Feet', 'cubicFeet'], ['Volume', 'cubicFeet'],
    ['Location', 'officeLocation'], ['  folder   TITLE ', 'title'], ['Dépt.', 'department'], ['Crate', null], ['__proto__', null],
    ['constructor', null], ['prototype', null], ['', null],
  ])('reads the inventory heading %j as %s', (heading, field) => {
    expect(fields([heading], 'inventory')).toEqual([field]);
  });

  it.each<[string, string | null]>([
    ['Item Number', 'itemNumber'], ['Item No.', 'itemNumber'], ['Schedule Number', 'itemNumber'], ['Records Code', 'itemNumber'],
    ['Series Title', 'seriesTitle'], ['Title', 'seriesTitle'], ['Record Series', 'seriesTitle'], ['Description', 'description'],
    ['Retention', 'retention'], ['Retention Period', 'retention'], ['Total Retention', 'retention'], ['Disposition', 'disposition'],
    ['Final Disposition', 'disposition'], ['Citation', 'citation'], ['Authority', 'citation'], ['Legal Citation', 'citation'], ['Box', null],
  ])('reads the schedule heading %j as %s', (heading, field) => {
    expect(fields([heading], 'schedule')).toEqual([field]);
  });

  it('guesses from a known heading inside a longer one, less surely', () => {
    const [guess] = guessColumns(['Beginning Date (MM/YYYY)'], 'inventory');
    expect(guess).toEqual({ index: 0, heading: 'Beginning Date (MM/YYYY)', field: 'beginDate', confidence: 0.6 });
    expect(guessColumns(['Box Title'], 'inventory')[0].confidence).toBe(1);
  });

  it('gives each field to one column: the surest guess, else the leftmost', () => {
    expect(fields(['Title', 'Folder Title', 'Description'], 'inventory')).toEqual([null, 'title', null]);
    expect(fields(['Notes', 'Notes'], 'inventory')).toEqual(['notes', null]);
    expect(fields(['Folder Title (as on tab)', 'Title'], 'inventory')).toEqual([null, 'title']);
  });

  it('lets a visible column keep a field a hidden column also claims', () => {
    expect(guessColumns(['Title', 'Title'], 'inventory', [0]).map((guess) => guess.field)).toEqual([null, 'title']);
  });

  it('returns one guess per heading, in order', () => {
    const guesses = guessColumns(['Box', 'Shelf?', 'Title'], 'inventory');
    expect(guesses.map((guess) => [guess.index, guess.heading, guess.field])).toEqual([
      [0, 'Box', 'boxNumber'],
      [1, 'Shelf?', 'officeLocation'],
      [2, 'Title', 'title'],
    ]);
  });
});

describe('detectHeaderRow', () => {
  it('skips title and contact rows above the headings', () => {
    const rows: CellValue[][] = [
      ['City of Springfield', null, null],
      ['Department:', 'Public Works', 'Date:', '2024-05-01'],
      [],
      ['Box', 'Folder Title', 'Dates'],
      ['1', 'Minutes', '2019'],
    ];
    expect(detectHeaderRow(table(rows))).toBe(3);
  });

  it('takes the row with the most known headings over an earlier one with two', () => {
    const rows: CellValue[][] = [['Notes', 'Date'], ['Box Number', 'Folder Title', 'Begin Date', 'End Date'], ['1', 'Minutes', '2019', '2020']];
    expect(detectHeaderRow(table(rows))).toBe(1);
  });

  it('prefers the fuller row when a contact row names as many known headings, and the first of repeated heading rows', () => {
    const rows: CellValue[][] = [
      ['Department', 'Finance', 'Date'],
      ['Box', 'Description', 'Carton colour', 'Remarks by'],
      ['1', 'Ledgers 2019', 'CY+7', 'Room 3'],
      ['Box', 'Description', 'Carton colour', 'Remarks by'],
      ['2', 'Ledgers 2020', 'CY+7', 'Room 3'],
    ];
    expect(detectHeaderRow(table(rows))).toBe(1);
  });

  it('falls back on the most heading-like row when no heading is known', () => {
    const rows: CellValue[][] = [['Records room list'], ['Crate', 'Tab text', 'Ref', 'Kept from'], ['A-1', 'Minutes', 'ADM-1', 2023]];
    expect(detectHeaderRow(table(rows))).toBe(1);
  });

  it('looks only at the first 30 rows, and answers 0 for an empty sheet', () => {
    const rows: CellValue[][] = [...Array.from({ length: 30 }, () => ['x']), ['Box', 'Title']];
    expect(detectHeaderRow(table(rows))).toBe(0);
    expect(detectHeaderRow(table([]))).toBe(0);
  });
});

describe('suggestMapping', () => {
  it('maps a commercial center’s file list', () => {
    const headings = ['Customer Box Number', 'Department', 'Record Code', 'From Date', 'To Date', 'File Description 1', 'File Description 2', 'File Description 3', 'File Description 4', 'Destruction Date'];
    const mapping = suggestMapping(table([['ACME Records — file list'], headings, ['B1', 'Finance', 'FIN-01', '2019', '2020', 'A', 'B', '', '', '2027']]), 'inventory');
    expect(mapping.headerRow).toBe(1);
    expect(mapping.columns.map((column) => column.field)).toEqual([
      'boxNumber', 'department', 'recordCode', 'beginDate', 'endDate', 'fileDescription1', 'fileDescription2', 'fileDescription3', 'fileDescription4', 'dispositionDate',
    ]);
  });

  it('maps a box-level list', () => {
    const headings = ['Barcode', 'Record Code', 'Box Title', 'Contents Description', 'Date Range', 'Retention Trigger Date', 'Review Date'];
    const mapping = suggestMapping(table([headings]), 'inventory');
    expect(mapping.columns.map((column) => column.field)).toEqual(['barcode', 'recordCode', 'boxTitle', 'contentsDescription', 'dateRange', 'triggerDate', 'reviewDate']);
  });

  it('maps a retention schedule, keeping headings as written and naming the sheet', () => {
    const headings = ['Item No.', 'Record Series', 'Description', 'Retention Period', 'Final Disposition', 'Legal Citation'];
    const mapping = suggestMapping(table([['General Schedule'], headings]), 'schedule');
    expect(mapping).toEqual({
      sheet: 'Sheet1',
      headerRow: 1,
      columns: headings.map((heading, index) => ({ index, heading, field: ['itemNumber', 'seriesTitle', 'description', 'retention', 'disposition', 'citation'][index] })),
    });
  });

  it('leaves headings named __proto__, constructor and prototype unmapped, touching no prototype', () => {
    const mapping = suggestMapping(table([['__proto__', 'constructor', 'prototype', 'Box', 'Title']]), 'inventory');
    expect(mapping.columns.map((column) => column.field)).toEqual([null, null, null, 'boxNumber', 'title']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).boxNumber).toBeUndefined();
  });
});
