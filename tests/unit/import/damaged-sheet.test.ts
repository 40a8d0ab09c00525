// A sheet damaged inside a sound zip: the worksheet XML cut in the middle of a cell and its tags closed again (or
// left unparseable), then zipped anew so every checksum agrees. It is refused with the sheet's name, never half read.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../../electron/import/read-spreadsheet';
import { dimensionEndRow, lastRowNumber } from '../../../electron/import/sheet-xml-check';
import { AppError } from '../../../shared/domain/errors';
import { workbook } from './fixtures/workbooks';

const ROWS = 606;

function boxList(): Uint8Array {
  const rows: (string | number)[][] = [['Box', 'Folder title', 'File code', 'From', 'To', 'Series', 'Item', 'Notes', 'Location']];
  for (let row = 1; row < ROWS; row += 1) rows.push([`B${Math.ceil(row / 20)}`, `Permit ${row}`, `PW-${row}`, 2019, 2020, 'Permits', 'GS 1010', '', 'Annex']);
  return workbook([{ name: 'Permits 2019', rows }], 'xlsx');
}

/** The workbook with its first sheet's XML changed, zipped again so the zip itself is sound. */
function withSheetXml(bytes: Uint8Array, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts['xl/worksheets/sheet1.xml'] = strToU8(change(strFromU8(parts['xl/worksheets/sheet1.xml'])));
  return zipSync(parts);
}

function refusal(bytes: Uint8Array): AppError {
  try {
    readSpreadsheet(bytes, 'permits.xlsx');
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('the damaged workbook was read');
}

describe('a damaged sheet in a sound zip', () => {
  it('reads the undamaged workbook whole', () => {
    const [sheet] = readSpreadsheet(boxList(), 'permits.xlsx');
    expect(sheet.rows).toHaveLength(ROWS);
  });

  it('refuses a sheet cut in the middle of a cell with its tags closed again', () => {
    const error = refusal(
      withSheetXml(boxList(), (xml) => {
        const cut = xml.indexOf('<c r="C297"');
        return `${xml.slice(0, cut)}<c r="C297" t="str"><v>PW-</v></c></row></sheetData></worksheet>`;
      }),
    );
    expect(error.message).toMatch(/^permits\.xlsx is damaged: its sheet "Permits 2019" says it holds rows up to 606, but its data stops at row 297/);
    expect(error.message).toContain('Nothing was imported');
    expect(error.details).toMatchObject({ file: 'permits.xlsx', sheet: 'Permits 2019' });
  });

  it('refuses XML that does not parse', () => {
    const error = refusal(withSheetXml(boxList(), (xml) => xml.replace('</row>', '</rwo>')));
    expect(error.message).toMatch(/sheet "Permits 2019" is not well-formed XML \(line \d+/);
  });

  it('refuses a sheet whose XML simply stops', () => {
    const error = refusal(withSheetXml(boxList(), (xml) => xml.slice(0, Math.floor(xml.length / 2))));
    expect(error.message).toMatch(/sheet "Permits 2019" is cut short/);
  });

  it('reads dimensions and last rows as spreadsheet programs write them', () => {
    expect(dimensionEndRow('<worksheet><dimension ref="A1:I610"/>')).toBe(610);
    expect(dimensionEndRow('<x:worksheet><x:dimension ref="A1"/>')).toBe(1);
    expect(dimensionEndRow('<worksheet><sheetData/>')).toBeNull();
    expect(lastRowNumber(Buffer.from('<sheetData><row r="1"><c/></row><row r="12" spans="1:3"><c/></row></sheetData>'))).toBe(12);
    expect(lastRowNumber(Buffer.from('<sheetData><row><c/></row><row><c/></row><row/></sheetData>'))).toBe(3);
    expect(lastRowNumber(Buffer.from('<sheetData/>'))).toBe(0);
  });
});
