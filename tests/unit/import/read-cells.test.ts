// The cell readers, table by table: what each form of a date, range, box number and yes/no reads as, and the reason
// given for what cannot be read.
import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../../shared/catalog/cell-text';
import { boxSortKey, readBoolean, readBoxNumber, readCubicFeet, readDate, readDateRange, readFolderNumber, readText } from '../../../shared/import/read-cells';
import type { CellValue } from '../../../shared/import/types';
import { day } from './fixtures/workbooks';

describe('readDate', () => {
  it.each<[CellValue, string]>([
    [day(2019, 3, 15), '2019-03-15'],
    [new Date(Date.UTC(2019, 2, 15, 23, 59, 59, 999)), '2019-03-16'],
    [new Date(Date.UTC(2019, 2, 15, 14, 30)), '2019-03-15'],
    [null, ''],
    ['', ''],
    ['  ', ''],
    [2019, '2019'],
    ['03/15/2019', '2019-03-15'],
    ['3/5/2019', '2019-03-05'],
    ['04/05/2019', '2019-04-05'],
    ['15/03/2019', '2019-03-15'],
    ['15.03.2019', '2019-03-15'],
    ['04.05.2019', '2019-05-04'],
    ['15-03-2019', '2019-03-15'],
    ['3/15/19', '2019-03-15'],
    ['3/15/98', '1998-03-15'],
    ['2019-03-15', '2019-03-15'],
    ['2019-3-5', '2019-03-05'],
    ['2019/03/15', '2019-03-15'],
    ['2019-03-15T10:22:00', '2019-03-15'],
    ['2019-03-15 10:22', '2019-03-15'],
    ['2019-03', '2019-03'],
    ['03/2019', '2019-03'],
    ['3-2019', '2019-03'],
    ['March 2019', '2019-03'],
    ['Mar 2019', '2019-03'],
    ['mar. 2019', '2019-03'],
    ['March, 2019', '2019-03'],
    ['Sept 2019', '2019-09'],
    ['Mar-19', '2019-03'],
    ['March 15, 2019', '2019-03-15'],
    ['March 15th 2019', '2019-03-15'],
    ['15 March 2019', '2019-03-15'],
    ['15-Mar-19', '2019-03-15'],
    ['2019', '2019'],
    ['FY2019', 'FY2019'],
    ['FY 2019', 'FY2019'],
    ['fy-2019', 'FY2019'],
    ['Fiscal Year 2019', 'FY2019'],
    ['FY19', 'FY2019'],
    ['FY98', 'FY1998'],
    ['FY 2018-19', 'FY2019'],
    ['FY2018/2019', 'FY2019'],
  ])('reads %j as %j', (cell, expected) => {
    expect(readDate(cell)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string, string]>([
    ['c. 1998', '1998', 'circa'],
    ['ca 1998', '1998', 'circa'],
    ['n.d.', '', 'n.d.'],
    ['undated', '', 'undated'],
  ])('reads %j as %j with a note', (cell, value, note) => {
    const reading = readDate(cell);
    expect(reading).toMatchObject({ ok: true, value });
    expect(reading.ok && reading.note).toContain(note);
  });

  it.each<[CellValue, RegExp]>([
    ['someday', /"someday" is not a date Transmittal can read; write it as 2019-03-15/],
    ['02/30/2019', /"02\/30\/2019" is not a real date/],
    ['2019-13', /not a real date/],
    ['13/13/2019', /not a real date/],
    ['0999', /"0999" is not a real date/],
    ['Q1 2019', /quarter or season/],
    ['Spring 2019', /quarter or season/],
    ['Mar 19', /not a date/],
    ['2019-2021', /not a date/],
    [43539, /43539 is a number, not a date; if it is meant as 2019-03-15, format the column as a date/],
    [2019.5, /is a number, not a date/],
    [true, /TRUE is not a date/],
  ])('gives a reason for %j', (cell, reason) => {
    const reading = readDate(cell);
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toMatch(reason);
  });

  it('reads "FY 2018-19" only when the fiscal year does not start in January', () => {
    expect(readDate('FY 2018-19', 1)).toEqual({ ok: false, reason: expect.stringMatching(/your fiscal year is the calendar year: write FY2018 or FY2019/) });
    expect(readDate('FY 2018-20', 7).ok).toBe(false);
  });

  it('is what the folder grid reads too, beyond its own forms, but never turns "n.d." into an empty date', () => {
    expect(readDateCell('3/15/2019')).toBe('2019-03-15');
    expect(readDateCell('March 2019')).toBe('2019-03');
    expect(readDateCell('FY19')).toBe('FY2019');
    expect(readDateCell('n.d.')).toBeNull();
    expect(readDateCell('someday')).toBeNull();
  });
});

describe('readDateRange', () => {
  it.each<[CellValue, string, string, string?]>([
    ['2019-2021', '2019', '2021'],
    ['2019 - 2021', '2019', '2021'],
    ['2019–2021', '2019', '2021'],
    ['1998–99', '1998', '1999'],
    ['1999-00', '1999', '2000'],
    ['2019-21', '2019', '2021'],
    ['2015 to 2016', '2015', '2016'],
    ['2015 through 2016', '2015', '2016'],
    ['2019/2020', '2019', '2020'],
    ['1998-ongoing', '1998', '', 'ongoing'],
    ['1998 - present', '1998', '', 'ongoing'],
    ['1998-', '1998', '', 'ongoing'],
    ['since 2001', '2001', '', 'ongoing'],
    ['Jan 2017 - Mar 2018', '2017-01', '2018-03'],
    ['March 2019 through June 2019', '2019-03', '2019-06'],
    ['Jan-Mar 2019', '2019-01', '2019-03'],
    ['Nov-Feb 2019', '2018-11', '2019-02'],
    ['03/15/2019 - 04/30/2020', '2019-03-15', '2020-04-30'],
    ['2019-03-15 to 2019-04-01', '2019-03-15', '2019-04-01'],
    ['FY2018-FY2020', 'FY2018', 'FY2020'],
    ['FY 2018-19', 'FY2019', 'FY2019'],
    ['2019', '2019', '2019'],
    ['2019-03', '2019-03', '2019-03'],
    [day(2019, 3, 15), '2019-03-15', '2019-03-15'],
    [2019, '2019', '2019'],
    [null, '', ''],
  ])('reads %j as %j to %j', (cell, begin, end, note) => {
    const reading = readDateRange(cell);
    expect(reading).toMatchObject({ ok: true, value: { begin, end } });
    if (note) expect(reading.ok && reading.note).toBe(note);
  });

  it.each<[string, RegExp]>([
    ['2021-2019', /"2021-2019" ends before it begins/],
    ['Dec 2019 - Jan 2019', /ends before it begins/],
    ['soon - later', /not a date range Transmittal can read/],
    ['2019 - someday', /not a date range/],
  ])('gives a reason for %j', (cell, reason) => {
    const reading = readDateRange(cell);
    expect(!reading.ok && reading.reason).toMatch(reason);
  });

  it('lets a fiscal-year end overlap a calendar-year beginning (FY2019 may start in 2018)', () => {
    expect(readDateRange('2019 - FY2019')).toMatchObject({ ok: true, value: { begin: '2019', end: 'FY2019' } });
  });
});

describe('readBoxNumber', () => {
  it.each<[CellValue, string]>([
    ['1', '1'],
    [1, '1'],
    ['Box 2', 'Box 2'],
    ['box  2', 'box 2'],
    ['BOX #4', 'BOX #4'],
    ['Box No. 5', 'Box No. 5'],
    ['  Carton 8 ', 'Carton 8'],
    ['#9', '#9'],
    ['2 of 10', '2 of 10'],
    ['003', '003'],
    ['B-12', 'B-12'],
    ['Bx-12', 'Bx-12'],
    ['Boxes 1-3', 'Boxes 1-3'],
    ['Box', 'Box'],
    ['PW 2024/17', 'PW 2024/17'],
    ['__proto__', '__proto__'],
    [null, ''],
  ])('keeps %j as the label %j, as written', (cell, label) => {
    expect(readBoxNumber(cell)).toEqual({ ok: true, value: label });
  });

  it('explains a box number Excel turned into a date', () => {
    expect(readBoxNumber(day(2024, 1, 12))).toEqual({ ok: false, reason: expect.stringMatching(/Excel turned this box number into a date \(1\/12\)/) });
  });

  it('refuses a label longer than the catalog holds', () => {
    expect(readBoxNumber('x'.repeat(121)).ok).toBe(false);
  });

  it('sorts labels as people count them', () => {
    const labels = ['10', 'B-12', '003', '2', 'B-2', 'a', '1', '3'];
    expect([...labels].sort((a, b) => (boxSortKey(a) < boxSortKey(b) ? -1 : 1))).toEqual(['1', '2', '003', '3', '10', 'a', 'B-2', 'B-12']);
  });
});

describe('readBoolean', () => {
  it.each<[CellValue, boolean]>([
    [null, false], ['', false], ['No', false], ['n', false], ['FALSE', false], [false, false], [0, false], ['-', false],
    ['Not confidential', false], ['Public', false], ['Yes', true], ['Y', true], ['x', true], [true, true], [1, true], ['✓', true],
    ['Confidential', true], ['Restricted', true], ['FOIA (b)(6)', true], ['PII', true],
  ])('reads %j as %s', (cell, value) => {
    expect(readBoolean(cell)).toMatchObject({ ok: true, value });
  });

  it.each<CellValue>(['maybe', 2, day(2019, 1, 1)])('gives a reason for %j', (cell) => {
    expect(readBoolean(cell)).toMatchObject({ ok: false, reason: expect.stringMatching(/yes or no/i) });
  });
});

describe('readText', () => {
  it.each<[CellValue, string]>([
    ['  Oak Street permits  ', 'Oak Street permits'],
    ['Line one\r\nline two\rline three', 'Line one\nline two\nline three'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['+1 renewals', '+1 renewals'],
    ['-007', '-007'],
    ['@home', '@home'],
    ['Café 東京 📦', 'Café 東京 📦'],
    ['tab\tkept, bell\u0007 dropped', 'tab\tkept, bell dropped'],
    [1.2000000000000002, '1.2'],
    [42, '42'],
    [day(2019, 3, 15), '2019-03-15'],
    [true, 'TRUE'],
    [null, ''],
  ])('reads %j as %j', (cell, text) => {
    expect(readText(cell)).toBe(text);
  });
});

describe('readFolderNumber and readCubicFeet', () => {
  it.each<[CellValue, number | null, string?]>([
    [3, 3], ['3', 3], ['Folder 3', 3], ['#12', 12], [null, null], ['3a', null, '3a'], ['12-1', null, '12-1'], [0, null, '0'],
  ])('reads folder number %j as %j', (cell, value, note) => {
    expect(readFolderNumber(cell)).toEqual(note ? { ok: true, value, note } : { ok: true, value });
  });

  it.each<[CellValue, number | null]>([
    [1.2, 1.2], ['1.2', 1.2], ['1,2', 1.2], ['1.2 cu ft', 1.2], ['0.4 cf', 0.4], [null, null], ['', null],
  ])('reads cubic feet %j as %j', (cell, value) => {
    expect(readCubicFeet(cell)).toEqual({ ok: true, value });
  });

  it.each<CellValue>(['big', 0, -1, 120])('gives a reason for cubic feet %j', (cell) => {
    expect(readCubicFeet(cell).ok).toBe(false);
  });
});
