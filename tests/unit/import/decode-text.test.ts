// CSV bytes made by hand as programs save them: every encoding, every delimiter, RFC 4180 quoting, every line ending.
import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, looksBinary, parseDelimited } from '../../../electron/import/decode-text';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { randomBytes } from './fixtures/hostile-files';
import { csvBytes, type CsvEncoding } from './fixtures/workbooks';

const TEXT = 'Box;Folder Title;Notes\r\n1;Café résumé;Budget €1,200\r\n2;東京 📦;Ünïcödé\r\n';

describe('decodeText', () => {
  it.each<[CsvEncoding, string]>([
    ['utf-8', TEXT],
    ['utf-8-bom', TEXT],
    ['utf-16le', TEXT],
    ['utf-16be', TEXT],
  ])('reads %s', (encoding, text) => {
    expect(decodeText(csvBytes(text, encoding))).toEqual({ text, encoding });
  });

  it('reads Windows-1252 (é is one byte, € is 0x80) when the bytes are not valid UTF-8', () => {
    const bytes = csvBytes('Box,Title\r\n1,Café €5\r\n', 'windows-1252');
    expect([...bytes.slice(13, 19)]).toEqual([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'Box,Title\r\n1,Café €5\r\n', encoding: 'windows-1252' });
  });

  it('decodes Windows-1252’s own characters, where it differs from Latin-1 (Node’s TextDecoder does not)', () => {
    const text = 'Title\r\n“Quoted” – it’s €5 • Œuvre™\r\n';
    expect(decodeText(csvBytes(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('recognises UTF-16 saved without a byte order mark by its zero bytes', () => {
    const withMark = csvBytes('Box\tTitle\r\n1\tMinutes\r\n', 'utf-16le');
    expect(decodeText(withMark.subarray(2))).toEqual({ text: 'Box\tTitle\r\n1\tMinutes\r\n', encoding: 'utf-16le' });
    const bigEndian = csvBytes('Box\tTitle\r\n1\tMinutes\r\n', 'utf-16be');
    expect(decodeText(bigEndian.subarray(2)).encoding).toBe('utf-16be');
  });

  it('tells binary data from text', () => {
    expect(looksBinary(decodeText(randomBytes(2000)).text)).toBe(true);
    expect(looksBinary(TEXT)).toBe(false);
    expect(looksBinary('Box\tTitle\f\r\n')).toBe(false);
  });
});

describe('parseDelimited', () => {
  it.each([
    [',', 'Box,Title,Notes\n1,Minutes,"a, b"\n2,Budget,\n'],
    [';', 'Box;Title;Cubic feet\n1;Minutes;1,2\n2;Budget;1,2\n'],
    ['\t', 'Box\tTitle\tNotes\n1\tMinutes, 2019\tx\n'],
  ])('detects the delimiter %j from the first lines', (delimiter, text) => {
    expect(parseDelimited(text).delimiter).toBe(delimiter);
  });

  it('prefers the delimiter that splits lines evenly, over title rows without any', () => {
    expect(detectDelimiter('Public Works, box list\nBox;Title;Dates\n1;Minutes;2019\n2;Budget, draft;2020\n')).toBe(';');
  });

  it('follows RFC 4180: quoted delimiters, line breaks and doubled quotes', () => {
    const text = 'Box,Title,Notes\r\n1,"Oak Street, permits","Line one\r\nline two"\r\n2,"He said ""keep it""",\r\n';
    expect(parseDelimited(text).rows).toEqual([
      ['Box', 'Title', 'Notes'],
      ['1', 'Oak Street, permits', 'Line one\r\nline two'],
      ['2', 'He said "keep it"', ''],
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('splits lines ending in %s, with or without a final line break', (_name, end) => {
    const rows = [['Box', 'Title'], ['1', 'Minutes'], [''], ['3', 'Budget']];
    const text = rows.map((row) => row.join(',')).join(end);
    expect(parseDelimited(text).rows).toEqual(rows);
    expect(parseDelimited(text + end).rows).toEqual(rows);
  });

  it('numbers rows as records, so a quoted line break does not shift the numbers', () => {
    const parsed = parseDelimited('Box,Title\n1,"two\nlines"\n2,Budget\n');
    expect(parsed.rowNumbers).toEqual([1, 2, 3]);
  });

  it('follows Excel’s "sep=" first line, and numbers the rows after it from 2', () => {
    const parsed = parseDelimited('sep=;\r\nBox;Title, with comma\r\n1;Minutes\r\n');
    expect(parsed).toMatchObject({ delimiter: ';', rows: [['Box', 'Title, with comma'], ['1', 'Minutes']], rowNumbers: [2, 3] });
  });

  it('reports a quote that is never closed instead of swallowing the rest of the file', () => {
    expect(parseDelimited('Box,Title\n1,"Minutes\n2,Budget\n').unclosedQuoteRow).toBe(2);
  });

  it('keeps a leading = + - @ as text', () => {
    expect(parseDelimited('Title\n=SUM(A1:A9)\n+1\n-007\n@home\n').rows.slice(1)).toEqual([['=SUM(A1:A9)'], ['+1'], ['-007'], ['@home']]);
  });
});

describe('reading CSV files', () => {
  const rows = [
    ['Box', 'Folder Title', 'Begin Date'],
    ['003', 'Café résumé', '03/15/2019'],
    ['B-12', 'Budget €', '2019'],
  ];

  it.each<[CsvEncoding, string]>([
    ['utf-8', ','],
    ['utf-8-bom', ';'],
    ['utf-16le', '\t'],
    ['utf-16be', ','],
    ['windows-1252', ';'],
  ])('reads %s separated by %j into one sheet named after the file, every cell as text', (encoding, delimiter) => {
    const text = rows.map((row) => row.join(delimiter)).join('\r\n') + '\r\n';
    const sheets = readSpreadsheet(csvBytes(text, encoding), 'Box list 2024.csv');
    expect(sheets).toEqual([{ name: 'Box list 2024', hidden: false, rows, rowNumbers: [1, 2, 3], hiddenColumns: [] }]);
  });

  it('reads empty cells as empty and leaves out trailing blank rows', () => {
    const [sheet] = readSpreadsheet(csvBytes('Box,Title,Notes\n1,,x\n,,\n2,Budget,\n,,\n,,\n', 'utf-8'), 'list.csv');
    expect(sheet.rows).toEqual([['Box', 'Title', 'Notes'], ['1', null, 'x'], [], ['2', 'Budget']]);
    expect(sheet.rowNumbers).toEqual([1, 2, 3, 4]);
  });

  it('keeps a heading named __proto__ or constructor as a plain cell', () => {
    const [sheet] = readSpreadsheet(csvBytes('__proto__,constructor,prototype\n{"polluted":1},x,y\n', 'utf-8'), 'proto.csv');
    expect(sheet.rows[0]).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
