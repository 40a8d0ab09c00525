// Hostile and broken files: each refused with an AppError whose message names the file and says what is wrong —
// never another kind of exception, a hang, or a read that quietly returns half a workbook.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/domain/errors';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../../electron/import/limits';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { bombXlsx, claimSize, passwordProtected, pdfBytes, randomBytes, smallXls, smallXlsx, wordDocument } from './fixtures/hostile-files';
import { csvBytes, workbook } from './fixtures/workbooks';

function refusal(bytes: Uint8Array, fileName: string, limits?: Partial<ImportLimits>): AppError {
  const started = Date.now();
  try {
    readSpreadsheet(bytes, fileName, { ...DEFAULT_IMPORT_LIMITS, ...limits });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid-input');
    expect((error as AppError).message).toContain(fileName.split(/[\\/]/).pop());
    expect(Date.now() - started).toBeLessThan(10_000);
    return error as AppError;
  }
  throw new Error(`${fileName} was read, but should have been refused`);
}

describe('files that are not spreadsheets', () => {
  it.each([
    ['a PDF renamed .xlsx', pdfBytes(), 'boxes.xlsx', /boxes\.xlsx is not a spreadsheet Transmittal can read \(it looks like a PDF\)/],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'photo.xlsx', /looks like a picture \(PNG\)/],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'scan.csv', /looks like a picture \(JPEG\)/],
    ['random bytes', randomBytes(4096), 'random.xlsx', /looks like binary data/],
    ['a Word document', wordDocument(), 'letter.xlsx', /looks like a Word document/],
    ['a zip of other files', zipSync({ 'scan-001.tif': new Uint8Array(100) }), 'archive.xlsx', /looks like a zip archive of other files/],
    ['an OpenDocument text', zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') }), 'memo.ods', /looks like an OpenDocument text/],
  ])('refuses %s, saying what it looks like', (_label, bytes, fileName, message) => {
    expect(refusal(bytes, fileName).message).toMatch(message);
  });

  it('refuses an empty file and a file of blank lines as empty', () => {
    expect(refusal(new Uint8Array(0), 'empty.csv').message).toBe('empty.csv is empty: there is nothing in it to import.');
    expect(refusal(csvBytes('\r\n  \r\n', 'utf-8-bom'), 'blank.csv').message).toMatch(/blank\.csv is empty/);
  });

  it('asks for an unprotected copy of a password-protected workbook', () => {
    expect(refusal(passwordProtected(), 'locked.xlsx').message).toMatch(/locked\.xlsx is protected with a password/);
  });

  it('names only the file, never the folders it came from', () => {
    const error = refusal(pdfBytes(), 'C:\\Users\\ana\\Desktop\\boxes.xlsx');
    expect(error.message).not.toContain('Users');
    expect(error.details?.file).toBe('boxes.xlsx');
  });
});

describe('size limits', () => {
  it('refuses a file over the size limit before reading a byte of it', () => {
    const tooBig = new Uint8Array(DEFAULT_IMPORT_LIMITS.maxFileBytes + 1);
    expect(refusal(tooBig, 'huge.xlsx').message).toBe(
      'huge.xlsx is 30 MB; the largest file Transmittal imports is 30 MB. Split the list into smaller files, or save it without pictures and formatting.',
    );
  });

  it('refuses a workbook or CSV with more rows or filled cells than allowed', () => {
    const rows = Array.from({ length: 60 }, (_, index) => [String(index + 1), `Folder ${index + 1}`]);
    expect(refusal(workbook([{ name: 'Boxes', rows }], 'xlsx'), 'long.xlsx', { maxRows: 50 }).message).toMatch(/long\.xlsx holds more than 50 rows/);
    expect(refusal(workbook([{ name: 'Boxes', rows }], 'xlsx'), 'wide.xlsx', { maxCells: 100 }).message).toMatch(/more than 100 filled cells/);
    const csv = csvBytes(rows.map((row) => row.join(',')).join('\n'), 'utf-8');
    expect(refusal(csv, 'long.csv', { maxRows: 50 }).message).toMatch(/long\.csv holds more than 50 rows/);
    expect(refusal(csv, 'wide.csv', { maxCells: 100 }).message).toMatch(/more than 100 filled cells/);
  });

  it('refuses a workbook with more sheets than allowed', () => {
    const sheets = Array.from({ length: 4 }, (_, index) => ({ name: `S${index}`, rows: [['x']] }));
    expect(refusal(workbook(sheets, 'xlsx'), 'many.xlsx', { maxSheets: 3 }).message).toMatch(/more than 3 sheets/);
  });
});

describe('zip bombs', () => {
  it('refuses an XLSX whose directory says it expands past the limit, with both sizes', () => {
    const claimed = claimSize(smallXlsx(), 'xl/worksheets/sheet1.xml', 2.3 * 1024 ** 3);
    expect(refusal(claimed, 'bomb.xlsx').message).toMatch(/^bomb\.xlsx expands to 2\.3 GB when unzipped; the limit is 200 MB\./);
  });

  it('refuses a part compressed far beyond what any sheet compresses', () => {
    const bomb = bombXlsx(4 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(40 * 1024);
    expect(refusal(bomb, 'ratio.xlsx', { maxCompressionRatio: 50 }).message).toMatch(/ratio\.xlsx .*"xl\/worksheets\/sheet1\.xml" is compressed \d+ to 1/);
  });

  it('refuses a few-KB XLSX that really expands past the limit even when its directory lies about the size', () => {
    const bomb = bombXlsx(12 * 1024 * 1024);
    const lying = claimSize(bomb, 'xl/worksheets/sheet1.xml', 1000);
    const error = refusal(lying, 'liar.xlsx', { maxUncompressedBytes: 8 * 1024 * 1024, maxCompressionRatio: 2000 });
    expect(error.message).toMatch(/^liar\.xlsx expands to more than 8 MB .*the limit is 8 MB/);
    // Within the limit, the lie itself is caught: the part is not the size its directory says.
    expect(refusal(lying, 'liar.xlsx', { maxCompressionRatio: 2000 }).message).toMatch(/truncated or damaged \(the part "xl\/worksheets\/sheet1\.xml" is not the size/);
  });

  it('reads the same workbook when it is within every limit', () => {
    const sheets = readSpreadsheet(bombXlsx(2 * 1024 * 1024), 'fine.xlsx', { ...DEFAULT_IMPORT_LIMITS, maxCompressionRatio: 2000 });
    expect(sheets[0].rows[0]).toEqual(['boom']);
    expect(sheets[0].rows.length).toBeGreaterThan(10_000);
  });
});

describe('truncated and damaged files', () => {
  it.each([0.2, 0.5, 0.9, 0.99])('refuses an XLSX cut at %s of its length', (fraction) => {
    const bytes = smallXlsx();
    expect(refusal(bytes.subarray(0, Math.floor(bytes.length * fraction)), 'cut.xlsx').message).toMatch(/cut\.xlsx is truncated or damaged/);
  });

  it.each([0.3, 0.7, 0.95])('refuses an XLS cut at %s of its length, on a sector boundary or not', (fraction) => {
    const bytes = smallXls();
    const cut = Math.floor(bytes.length * fraction);
    expect(refusal(bytes.subarray(0, cut), 'cut.xls').message).toMatch(/cut\.xls is truncated or damaged/);
    expect(refusal(bytes.subarray(0, cut - (cut % 512)), 'cut.xls').message).toMatch(/cut\.xls is truncated or damaged/);
  });

  it('refuses an XLSX whose sheet data is corrupted', () => {
    const bytes = smallXlsx().slice();
    // Overwrite part of the first part's data (SheetJS stores it uncompressed), keeping the directory intact.
    bytes.fill(0xaa, 100, 400);
    expect(refusal(bytes, 'corrupt.xlsx').message).toMatch(/corrupt\.xlsx is truncated or damaged/);
  });

  it('refuses a CSV with a quote that is never closed, naming the row', () => {
    const bytes = csvBytes('Box,Title\n1,Minutes\n2,"Budget, 2019\n3,Payroll\n', 'utf-8');
    expect(refusal(bytes, 'quotes.csv').message).toMatch(/^quotes\.csv row 3 opens a quote \("\) that is never closed/);
  });
});
