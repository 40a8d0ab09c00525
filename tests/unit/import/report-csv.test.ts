// The import's full problem list as CSV: readable by any spreadsheet, nothing in it runs as a formula.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { problemsCsv, problemsCsvName } from '../../../shared/import/report-csv';

describe('problemsCsv', () => {
  const problems = [
    { sheet: 'Boxes', row: 6, column: 'End Date', reason: '"someday" is not a date Transmittal can read; write it as 2019-03-15' },
    { sheet: 'Box list, 2019', row: 12, column: '', reason: '=HYPERLINK("http://x") is not a box number' },
  ];

  it('writes every problem, quoted where needed, neutralising formula text, with a BOM for Excel', () => {
    const csv = problemsCsv(problems);
    expect(csv.startsWith('\uFEFFSheet,Row,Column,Problem\r\n')).toBe(true);
    // Read back by SheetJS as a spreadsheet program would: the same four cells per row.
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(csv.slice(1), { type: 'string', raw: true }).Sheets.Sheet1, { header: 1, raw: false });
    expect(rows).toEqual([
      ['Sheet', 'Row', 'Column', 'Problem'],
      ['Boxes', '6', 'End Date', problems[0].reason],
      ['Box list, 2019', '12', undefined, `'${problems[1].reason}`],
    ].map((row) => row.map((cell) => cell ?? undefined)));
  });

  it('names the file after the spreadsheet', () => {
    expect(problemsCsvName('boxlist.xlsx')).toBe('boxlist – import problems.csv');
    expect(problemsCsvName('.csv')).toBe('import – import problems.csv');
  });
});
